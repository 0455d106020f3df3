#pragma once
// Moving a whole ledger between engines (`investledger-cli migrate-to`): every row of every
// table, in creation order (parents first), as the values they are. The target is written in
// one transaction: it ends with exactly the source's rows, or, on any error, as it was.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/db/storage/connection.h"
#include "core/util/progress.h"

namespace il::db::storage {

struct TableCopy {
    std::string table;
    std::int64_t rows = 0;
};

// The rows a ledger table holds (`migrate-to` refuses a server ledger that already has projects).
std::int64_t row_count(Connection& c, const std::string& table);

// On a server, moves each identity column's sequence past the ids its table holds (rows written
// with their ids, as a copy writes them): the next INSERT numbers on from there.
void move_identity_sequences(Connection& server);

// Copies `from` into `to`, replacing what `to`'s ledger tables hold (a new SQLite file holds the
// seeded dictionaries, a new server schema nothing). Both must be at the same schema version;
// the counts are checked after writing. Throws DatabaseError naming the table and row on a
// value the target refuses.
// prepare_target runs first inside the target's transaction (an upgrade puts the new schema
// there), finish_target after the rows, before the commit.
std::vector<TableCopy> copy_ledger(Connection& from, Connection& to, ProgressSink& progress,
                                   const std::function<void()>& prepare_target = {},
                                   const std::function<void()>& finish_target = {});

}  // namespace il::db::storage
