#pragma once
// Read-only queries that fill the list views: one Table per kind of record, with the figures of
// a period (年度计划 of its year, 1-N月 completed). Plain SELECTs with bound parameters.
#include "core/db/database.h"
#include "core/model/period.h"
#include "core/query/table.h"

namespace il::query {

Table load_projects(db::Database& db, const Period& period);
Table load_renovations(db::Database& db, const Period& period);
Table load_deals(db::Database& db, const Period& period);
// 问题清单: problems with their project (Row::ref_id = project id).
Table load_problems(db::Database& db);

}  // namespace il::query
