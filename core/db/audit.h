#pragma once
// The audit log: every change records when, who, which record, and old and new values.
// Repositories call these inside the same transaction as the change itself.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/db/database.h"

namespace il::db {

// A record's editable fields as text, in a fixed order: what the audit log, the import preview
// ("changed cells") and the CLI's `show` compare and print.
using FieldValues = std::vector<std::pair<std::string, std::string>>;

struct FieldChange {
    std::string field;
    std::string old_value;
    std::string new_value;
};

// Fields whose value differs between two snapshots of the same record.
std::vector<FieldChange> diff_fields(const FieldValues& before, const FieldValues& after);

// A new (or deleted) record is logged as one line: field NULL and its non-empty fields as a JSON
// object in new_value (old_value for a delete). Changes are logged one line per changed field.
void audit_insert(Database& db, const std::string& table, std::int64_t id, const std::string& uid,
                  const FieldValues& values);
void audit_update(Database& db, const std::string& table, std::int64_t id, const std::string& uid,
                  const std::vector<FieldChange>& changes, const std::string& reason = "");
void audit_delete(Database& db, const std::string& table, std::int64_t id, const std::string& uid,
                  const FieldValues& values);
// Free-form events: unlock of a period, import, restore.
void audit_event(Database& db, const std::string& action, const std::string& table, const std::string& reason);

struct AuditEntry {
    std::int64_t id = 0;
    std::string at, who, action, table, field, old_value, new_value, reason;
    std::int64_t record_id = 0;
    std::string record_uid;
};
// A record's history, oldest first; insert/delete snapshots come back one entry per field.
std::vector<AuditEntry> audit_trail(Database& db, const std::string& table, std::int64_t record_id);

}  // namespace il::db
