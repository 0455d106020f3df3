#pragma once
// The demo city: a realistic, deterministic ledger for trying the tool out and for tests.
// Modelled on Langfang's 2017 figures (domain brief): the projects named in the government work
// report first, then generated ones; investment sizes 1亿-100亿, the usual stage mix, about 31%
// strategic-emerging projects, two years of monthly progress, technical renovations, deals with
// Beijing/Tianjin and foreign origins, and annual targets for every region and zone.
//
// Same options (seed included) => the same database content, uids and timestamps included, on
// every platform: the generator draws from std::mt19937_64 with its own distributions.
#include <cstdint>
#include <string>

#include "core/db/database.h"
#include "core/util/progress.h"

namespace il::demo {

struct DemoOptions {
    int projects = 1100;       // 亿元以上项目 in the demo year's ledger (named ones first)
    int history_projects = -1; // more, completed in the year before (last year's ledger, 上年同期); -1: 30% of projects
    int renovations = 500;     // 技改项目
    int deals = 300;           // 招商引资
    std::uint64_t seed = 2017;
    int year = 2017;           // the demo year; progress covers it and the year before, all 12 months
};

struct DemoSummary {
    int projects = 0;          // in the demo year's ledger
    int history_projects = 0;  // completed the year before
    int progress_rows = 0;
    int problems = 0;
    int renovations = 0;
    int renovation_progress_rows = 0;
    int deals = 0;
    int deal_funds = 0;
    int targets = 0;
    int strategic_projects = 0;
    std::int64_t total_investment_fen = 0;
};

// Adds the demo data to `db` in one transaction (all or nothing). Seeds the default dictionaries
// first when the dictionary tables are empty. Throws ValidationError for unusable options
// (negative counts, a year outside 2000-2100) or when the database has no regions to use, and
// il::Cancelled when `progress` asks to stop (nothing is written then). Added to a database that
// already holds projects, the named projects already there are not repeated and existing targets
// are kept; a second batch needs another seed (the same seed would repeat uids and is refused by
// the schema's UNIQUE constraints, leaving the database unchanged).
DemoSummary generate(db::Database& db, const DemoOptions& options, ProgressSink& progress);
DemoSummary generate(db::Database& db, const DemoOptions& options);

}  // namespace il::demo
