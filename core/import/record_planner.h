#pragma once
// Internal to import: the part of planning that knows one record kind (projects, renovations,
// deals): matching a row to a stored record, building the new state, validating, diffing.
#include <map>
#include <memory>
#include <optional>

#include "core/db/audit.h"
#include "core/db/database.h"
#include "core/import/import_plan.h"
#include "core/import/row_values.h"

namespace il::import {

class RecordPlanner {
public:
    virtual ~RecordPlanner() = default;
    // Plans one data row: appends to plan.records or plan.rejected.
    virtual void plan_row(RowValues& row, SourceRow source, ImportPlan& plan) = 0;
};

std::unique_ptr<RecordPlanner> make_project_planner(db::Database& db, const DictionaryLookup& dict);
std::unique_ptr<RecordPlanner> make_renovation_planner(db::Database& db, const DictionaryLookup& dict);
std::unique_ptr<RecordPlanner> make_deal_planner(db::Database& db, const DictionaryLookup& dict);

// A stored-field change as the user reads it: Chinese field names, dictionary names instead of
// ids, "annual_plans.2017" as "2017年计划投资".
CellChange display_change(const db::FieldChange& c, RecordKind kind, const DictionaryLookup& dict);
std::string field_label(RecordKind kind, const std::string& key);

// The per-year plans and per-month figures of a row (columns bound to annual_plan,
// completed_ytd, completed_month, image_progress, problems); unreadable cells become issues.
// Plans equal to the stored ones at the cells' precision keep the stored amount.
void collect_figures(RowValues& v, std::map<int, Money>& plans, std::map<std::pair<int, int>, ProgressInput>& progress);

// Brings a month read from the file in line with what is stored: figures equal at the cells'
// precision take the stored amount; a zero figure for a month with nothing stored and no text is
// dropped (a report shows 0 where nothing was reported). Returns false when nothing is left.
bool reconcile_progress(ProgressInput& in, std::optional<Money> stored_ytd, std::optional<Money> stored_month);

// "2017年计划投资", "2017-06 累计完成" …: labels of the per-period figures in change lists.
std::string plan_label(int year);
std::string progress_label(int year, int month, std::string_view what);

}  // namespace il::import
