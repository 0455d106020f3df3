#pragma once
// Shared by the ledger subcommand files: finding a record from what the user typed, the
// record kinds the commands take, and FIELD=VALUE arguments (read into a record by
// core/edit/field_assignments.h).
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/cli_context.h"
#include "core/db/database.h"
#include "core/edit/field_assignments.h"
#include "core/model/deal.h"
#include "core/model/project.h"
#include "core/model/renovation.h"

namespace il::cli {

bool all_digits(const std::string& s);

// A project by id, national code, or exact name (when unique). Throws NotFoundError.
Project find_project(db::Database& db, const std::string& ref);
// A renovation by id or filing number.
Renovation find_renovation(db::Database& db, const std::string& ref);
// A deal by id or exact name.
Deal find_deal(db::Database& db, const std::string& ref);

enum class Kind { Project, Renovation, Deal };
// project(s)/renovation(s)/deal(s) (or 项目/技改/招商); throws ValidationError otherwise.
Kind parse_kind(const std::string& s);

// Splits "field=value", "--field=value" and "--field value" arguments; dashes in names become
// underscores (total-investment -> total_investment).
edit::FieldAssignments parse_assignments(const std::vector<std::string>& args);

// dict, target, funds, followup, problem (cli/ledger_more_commands.cpp).
void register_ledger_more_commands(CLI::App& app, CliContext& ctx);

}  // namespace il::cli
