#pragma once
// Internal to import: the part of planning that knows one record kind (projects, renovations,
// deals): matching a row to a stored record, building the new state, validating, diffing.
#include <memory>

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

// "2017年计划投资", "2017-06 累计完成" …: labels of the per-period figures in change lists.
std::string plan_label(int year);
std::string progress_label(int year, int month, std::string_view what);

}  // namespace il::import
