#pragma once
// investledger-cli `add` and `set`: FIELD=VALUE pairs applied to a record. Field names are the
// model's (core/model/*.h); amounts are 万元 (万美元 for USD contract amounts); dictionary
// fields take a name, a code or an id (region=固安县, zone=固安工业园区, industry=C); an empty
// value clears an optional field. Every bad value throws ValidationError naming the field.
#include <string>
#include <utility>
#include <vector>

#include "core/db/database.h"
#include "core/model/deal.h"
#include "core/model/project.h"
#include "core/model/renovation.h"

namespace il::cli {

using FieldAssignments = std::vector<std::pair<std::string, std::string>>;

// Splits "field=value", "--field=value" and "--field value" arguments; dashes in names become
// underscores (total-investment -> total_investment).
FieldAssignments parse_assignments(const std::vector<std::string>& args);

void apply_project_fields(db::Database& db, Project& p, const FieldAssignments& fields);
void apply_renovation_fields(db::Database& db, Renovation& r, const FieldAssignments& fields);
void apply_deal_fields(db::Database& db, Deal& d, const FieldAssignments& fields);

// Dictionary lookups by name, code or id; throw ValidationError naming `field`.
std::int64_t resolve_region(db::Database& db, const std::string& text, const std::string& field = "region");
std::int64_t resolve_zone(db::Database& db, const std::string& text, const std::string& field = "zone");

// An amount in 万元 ("1,234.5", "1.5亿元"); throws ValidationError naming `field`.
Money parse_wan_field(const std::string& field, const std::string& text);

}  // namespace il::cli
