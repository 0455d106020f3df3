#pragma once
// Test helper: a fingerprint of a database's content, independent of row order. Left out: the
// audit log (wall-clock timestamps) and the uids of dictionary entries (seeded with random uids,
// they are not demo data).
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "core/db/database.h"

namespace il::test {

inline std::uint64_t fnv1a(std::uint64_t h, const std::string& s) {
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

inline std::uint64_t content_hash(db::Database& db) {
    std::vector<std::string> tables;
    {
        SQLite::Statement q(db.sql(), "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                      "AND name <> 'audit_log' ORDER BY name");
        while (q.executeStep()) tables.push_back(q.getColumn(0).getString());
    }
    std::uint64_t h = 1469598103934665603ull;
    for (const auto& t : tables) {
        std::vector<std::string> rows;
        SQLite::Statement q(db.sql(), "SELECT * FROM \"" + t + "\"");
        while (q.executeStep()) {
            std::string row;
            const bool dictionary = t == "regions" || t == "zones" || t == "industries" || t == "categories" ||
                                    t == "dictionary_aliases";
            for (int c = 0; c < q.getColumnCount(); ++c) {
                if (dictionary && std::string(q.getColumnName(c)) == "uid") continue;
                row += q.getColumn(c).isNull() ? std::string("\x01") : q.getColumn(c).getString();
                row += '\x1f';
            }
            rows.push_back(std::move(row));
        }
        std::sort(rows.begin(), rows.end());
        h = fnv1a(h, t);
        for (const auto& r : rows) h = fnv1a(h, r + "\x1e");
    }
    return h;
}

}  // namespace il::test
