#include "core/db/storage/placeholders.h"

#include <algorithm>

namespace il::db::storage {

namespace {
bool name_char(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           static_cast<unsigned char>(c) >= 0x80;
}
bool digit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

std::string to_numbered_placeholders(const std::string& sql, int* count, std::map<std::string, int>* names) {
    std::map<std::string, int> seen;
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
            std::size_t j = i + 1;
            while (j < sql.size() && digit(sql[j])) ++j;
            int index = j > i + 1 ? std::stoi(sql.substr(i + 1, j - i - 1)) : n + 1;
            n = std::max(n, index);
            out += '$' + std::to_string(index);
            i = j - 1;
        } else if ((c == ':' || c == '@') && i + 1 < sql.size() && name_char(sql[i + 1]) && !digit(sql[i + 1]) &&
                   !(i > 0 && sql[i - 1] == ':')) {
            std::size_t j = i + 1;
            while (j < sql.size() && name_char(sql[j])) ++j;
            std::string name = sql.substr(i, j - i);
            auto [it, added] = seen.emplace(name, n + 1);
            if (added) ++n;
            out += '$' + std::to_string(it->second);
            i = j - 1;
        } else {
            out += c;
        }
    }
    if (count) *count = n;
    if (names) *names = std::move(seen);
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
