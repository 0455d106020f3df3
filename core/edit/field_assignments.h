#pragma once
// FIELD=VALUE pairs a user types (investledger-cli add/set, problem set) applied to a record.
// Field names are the field catalog's keys (core/import/field_catalog.h) and, for what an import
// cannot fill, the model's member names (leader_name, terminated_date, contract_currency,
// project); a few short aliases are accepted too (region_id, total, currency). The catalog's
// value type says how a value is read: amounts in 万元 (万美元 for USD contract amounts),
// dictionary fields by name, code or id (region=固安县, zone=固安工业园区, industry=C), 是/否
// flags; an empty value clears an optional field.
//
// Values are only read here, not validated: the repository validates the whole record when it
// is stored. Every value that cannot be read, and every unknown field, throws ValidationError
// naming the field (the unknown-field message lists the fields there are).
#include <string>
#include <utility>
#include <vector>

#include "core/db/database.h"
#include "core/model/deal.h"
#include "core/model/project.h"
#include "core/model/renovation.h"

namespace il::edit {

using FieldAssignments = std::vector<std::pair<std::string, std::string>>;

// Project fields, plus annual_plans.<年份> (or plan.<年份>; empty removes the year) and
// approvals.<类别>.status|doc_number|doc_date (adds the approval when it is not there yet).
void assign_project_fields(db::Database& db, Project& project, const FieldAssignments& fields);
// Renovation fields, plus annual_plans.<年份>.
void assign_renovation_fields(db::Database& db, Renovation& renovation, const FieldAssignments& fields);
// Deal fields; the contract amount is read in the currency the deal has after every field,
// whatever the order given. project= takes a project's id or national code.
void assign_deal_fields(db::Database& db, Deal& deal, const FieldAssignments& fields);
// 存在问题: description owner_unit status assigned_date supervised_date closed_date notes.
void assign_problem_fields(Problem& problem, const FieldAssignments& fields);

}  // namespace il::edit
