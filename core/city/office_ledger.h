#pragma once
// An office's part of a ledger as a file of its own: a copy of the ledger with only the records
// of the given regions (projects, 技改, deals with their children; targets of those regions and
// of their zones), the dictionaries whole. The package writer uses it for ledger.sqlite, with
// the figures cut at the period and the ledger's own bookkeeping (audit log, report runs and
// archive, locks, presets, city tables) left out; the round-trip test splits the demo city with it.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/model/period.h"

namespace il::city {

struct OfficeLedgerOptions {
    std::vector<std::string> regions;  // region names (regions.name); must exist
    std::optional<Period> up_to;       // monthly figures and funds after this month are left out
    bool bookkeeping = false;          // keep settings, audit log, report runs, locks … (a split)
};

// Writes the copy to `out` (replaced if present) as one self-contained file (no -wal), compacted,
// so that nothing of the other regions survives in free pages. Throws ValidationError for an
// unknown region, FileError, DatabaseError.
void write_office_ledger(db::Database& db, const OfficeLedgerOptions& options, const std::filesystem::path& out);

// Record counts of a ledger file's tables as the manifest lists them.
std::map<std::string, std::int64_t> ledger_counts(SQLite::Database& db, const std::string& schema = "main");

}  // namespace il::city
