#include "core/db/audit.h"

#include <algorithm>
#include <map>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/util/clock.h"

namespace il::db {
namespace {
void write(Database& db, const std::string& action, const std::string& table, std::optional<std::int64_t> id,
           const std::string& uid, const std::string& field, const std::optional<std::string>& old_value,
           const std::optional<std::string>& new_value, const std::string& reason) {
    static const char* sql =
        "INSERT INTO audit_log(at, who, action, table_name, record_id, record_uid, field, old_value, new_value, reason)"
        " VALUES(?,?,?,?,?,?,?,?,?,?)";
    Query& q = db.cached_statement(sql);  // one audit line per field: prepared once
    q.bind(1, now_iso());
    q.bind(2, db.user());
    q.bind(3, action);
    q.bind(4, table);
    if (id) q.bind(5, static_cast<int64_t>(*id)); else q.bind(5);
    if (uid.empty()) q.bind(6); else q.bind(6, uid);
    if (field.empty()) q.bind(7); else q.bind(7, field);
    if (old_value) q.bind(8, *old_value); else q.bind(8);
    if (new_value) q.bind(9, *new_value); else q.bind(9);
    q.bind(10, reason);
    q.exec();
}
}  // namespace

std::vector<FieldChange> diff_fields(const FieldValues& before, const FieldValues& after) {
    std::map<std::string, std::string> old_map(before.begin(), before.end());
    std::vector<FieldChange> out;
    for (const auto& [field, value] : after) {
        auto it = old_map.find(field);
        std::string old_value = it == old_map.end() ? std::string() : it->second;
        if (old_value != value) out.push_back({field, old_value, value});
    }
    return out;
}

namespace {
// A new or deleted record is logged as one line holding its non-empty fields as a JSON object
// (field → value, in the record's field order) rather than one line per field: an import of
// 10,000 projects would otherwise write a quarter of a million lines. audit_trail() shows the
// snapshot field by field again.
//
// Written by hand, byte for byte what nlohmann::ordered_json's dump(-1, ' ', false, replace)
// makes of the same object (an import writes one per record and month; building the json
// object cost more than the INSERT). Text that needs more than copying (quotes, backslashes,
// control characters, malformed UTF-8) and field names given twice take nlohmann's path.
bool copies_as_is(std::string_view s) {
    // Well-formed UTF-8 (Unicode table 3-7, as nlohmann's decoder checks it) with nothing to escape.
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* end = p + s.size();
    while (p < end) {
        unsigned char c = *p;
        if (c < 0x80) {
            if (c < 0x20 || c == '"' || c == '\\') return false;
            ++p;
            continue;
        }
        int n;
        unsigned char lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) n = 1;
        else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            if (c == 0xE0) lo = 0xA0;
            if (c == 0xED) hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;
        } else return false;
        if (end - p <= n) return false;
        if (p[1] < lo || p[1] > hi) return false;
        for (int i = 2; i <= n; ++i)
            if (p[i] < 0x80 || p[i] > 0xBF) return false;
        p += n + 1;
    }
    return true;
}

std::string snapshot_json_nlohmann(const FieldValues& values) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (const auto& [field, value] : values)
        if (!value.empty()) j[field] = value;
    return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string snapshot_json(const FieldValues& values) {
    std::size_t size = 2;
    std::vector<std::string_view> names;
    names.reserve(values.size());
    for (const auto& [field, value] : values) {
        if (value.empty()) continue;
        if (!copies_as_is(field) || !copies_as_is(value)) return snapshot_json_nlohmann(values);
        names.push_back(field);
        size += field.size() + value.size() + 6;
    }
    std::sort(names.begin(), names.end());
    if (std::adjacent_find(names.begin(), names.end()) != names.end()) return snapshot_json_nlohmann(values);
    std::string out;
    out.reserve(size);
    out += '{';
    for (const auto& [field, value] : values) {
        if (value.empty()) continue;
        if (out.size() > 1) out += ',';
        out += '"';
        out += field;
        out += "\":\"";
        out += value;
        out += '"';
    }
    out += '}';
    return out;
}

bool is_snapshot(const std::string& action, const std::string& field) {
    return field.empty() && (action == "insert" || action == "delete");
}
}  // namespace

void audit_insert(Database& db, const std::string& table, std::int64_t id, const std::string& uid,
                  const FieldValues& values) {
    write(db, "insert", table, id, uid, "", std::nullopt, snapshot_json(values), "");
}

void audit_update(Database& db, const std::string& table, std::int64_t id, const std::string& uid,
                  const std::vector<FieldChange>& changes, const std::string& reason) {
    for (const auto& c : changes) write(db, "update", table, id, uid, c.field, c.old_value, c.new_value, reason);
}

void audit_delete(Database& db, const std::string& table, std::int64_t id, const std::string& uid,
                  const FieldValues& values) {
    write(db, "delete", table, id, uid, "", snapshot_json(values), std::nullopt, "");
}

void audit_event(Database& db, const std::string& action, const std::string& table, const std::string& reason) {
    write(db, action, table, std::nullopt, "", "", std::nullopt, std::nullopt, reason);
}

std::vector<AuditEntry> audit_trail(Database& db, const std::string& table, std::int64_t record_id) {
    Query q(db,
            "SELECT id, at, who, action, table_name, coalesce(record_id,0), coalesce(record_uid,''),"
            " coalesce(field,''), coalesce(old_value,''), coalesce(new_value,''), reason"
            " FROM audit_log WHERE table_name = ? AND record_id = ? ORDER BY id");
    q.bind(1, table);
    q.bind(2, static_cast<int64_t>(record_id));
    std::vector<AuditEntry> out;
    while (q.executeStep()) {
        AuditEntry e;
        e.id = q.getColumn(0).getInt64();
        e.at = q.getColumn(1).getString();
        e.who = q.getColumn(2).getString();
        e.action = q.getColumn(3).getString();
        e.table = q.getColumn(4).getString();
        e.record_id = q.getColumn(5).getInt64();
        e.record_uid = q.getColumn(6).getString();
        e.field = q.getColumn(7).getString();
        e.old_value = q.getColumn(8).getString();
        e.new_value = q.getColumn(9).getString();
        e.reason = q.getColumn(10).getString();
        const std::string& snapshot = e.action == "insert" ? e.new_value : e.old_value;
        if (is_snapshot(e.action, e.field) && !snapshot.empty() && snapshot.front() == '{') {
            // one entry per field of the snapshot, as if logged field by field
            auto j = nlohmann::ordered_json::parse(snapshot, nullptr, false);
            if (j.is_object() && !j.empty()) {
                for (const auto& [field, value] : j.items()) {
                    AuditEntry f = e;
                    f.field = field;
                    std::string text = value.is_string() ? value.get<std::string>() : value.dump();
                    if (e.action == "insert") f.new_value = text; else f.old_value = text;
                    if (e.action == "insert") f.old_value.clear(); else f.new_value.clear();
                    out.push_back(std::move(f));
                }
                continue;
            }
        }
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace il::db
