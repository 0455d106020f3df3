#include "core/db/storage/placeholders.h"

namespace il::db::storage {

std::string to_numbered_placeholders(const std::string& sql, int* count) {
    std::string out;
    out.reserve(sql.size() + 8);
    int n = 0;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        char c = sql[i];
        if (c == '\'' || c == '"') {  // literal or quoted identifier; doubled quote escapes
            std::size_t j = i + 1;
            while (j < sql.size()) {
                if (sql[j] == c) {
                    if (j + 1 < sql.size() && sql[j + 1] == c) { j += 2; continue; }
                    break;
                }
                ++j;
            }
            out.append(sql, i, j - i + 1);
            i = j;
        } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
            std::size_t j = sql.find('\n', i);
            if (j == std::string::npos) j = sql.size() - 1;
            out.append(sql, i, j - i + 1);
            i = j;
        } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
            std::size_t j = sql.find("*/", i + 2);
            j = (j == std::string::npos) ? sql.size() - 1 : j + 1;
            out.append(sql, i, j - i + 1);
            i = j;
        } else if (c == '?') {
            out += '$';
            out += std::to_string(++n);
        } else {
            out += c;
        }
    }
    if (count) *count = n;
    return out;
}

std::string quote_identifier(const std::string& name) {
    std::string out = "\"";
    for (char c : name) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace il::db::storage
