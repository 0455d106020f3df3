#pragma once
// Conflicts between offices (city_conflicts): the same project or 技改 item submitted by two
// offices. The incoming record is held, not merged, until the city decides: keep the record it
// has (the incoming one is dropped, and the office told to correct its ledger) or take the
// incoming one (the existing record goes, the incoming one is merged from the package as kept in
// submissions). Both are one transaction and written to the audit log ('resolve').
#include <string>
#include <vector>

#include "core/db/database.h"

namespace il::city {

struct Conflict {
    std::int64_t id = 0;
    std::string kind;  // project / renovation
    std::string name, matched_by, incoming_office, existing_office, incoming_uid, existing_uid, status, period;
    std::string created_at, resolved_at, resolved_by;
};

std::vector<Conflict> list_conflicts(db::Database& db, bool open_only = true);

enum class Resolution { KeepExisting, TakeIncoming };
// Throws NotFoundError (no such open conflict).
void resolve_conflict(db::Database& db, std::int64_t id, Resolution how, const std::string& note = "");

}  // namespace il::city
