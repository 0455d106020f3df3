#include "core/db/storage/named_params.h"

#include "core/util/error.h"

namespace il::db::storage {

namespace {

// SQLite's identifier characters for parameter names (IdChar): letters, digits, _ and $, and
// every byte of a UTF-8 sequence.
bool name_char(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || c == '_' || c == '$';
}

const char* pg_type_of(const SqlValue& v) {
    if (std::holds_alternative<std::int64_t>(v)) return "bigint";
    if (std::holds_alternative<double>(v)) return "double precision";
    if (std::holds_alternative<std::string>(v)) return "text";
    if (std::holds_alternative<Blob>(v)) return "bytea";
    return "bigint";
}

}  // namespace

PositionalQuery to_positional_params(const std::string& sql, const std::map<std::string, SqlValue>& params,
                                     const std::string& file_label) {
    PositionalQuery out;
    out.sql.reserve(sql.size() + 64);
    const std::size_t n = sql.size();
    for (std::size_t i = 0; i < n; ++i) {
        const char c = sql[i];
        if (c == '\'' || c == '"') {  // literal or quoted identifier; a doubled quote escapes
            std::size_t j = i + 1;
            while (j < n) {
                if (sql[j] == c) {
                    if (j + 1 < n && sql[j + 1] == c) { j += 2; continue; }
                    break;
                }
                ++j;
            }
            if (j >= n) j = n - 1;
            out.sql.append(sql, i, j - i + 1);
            i = j;
        } else if (c == '-' && i + 1 < n && sql[i + 1] == '-') {
            std::size_t j = sql.find('\n', i);
            if (j == std::string::npos) j = n - 1;
            out.sql.append(sql, i, j - i + 1);
            i = j;
        } else if (c == '/' && i + 1 < n && sql[i + 1] == '*') {
            std::size_t j = sql.find("*/", i + 2);
            j = (j == std::string::npos) ? n - 1 : j + 1;
            out.sql.append(sql, i, j - i + 1);
            i = j;
        } else if (c == ':' && i + 1 < n && sql[i + 1] == ':') {  // a PostgreSQL cast, not a parameter
            out.sql += "::";
            ++i;
        } else if ((c == ':' || c == '@' || c == '$') && i + 1 < n && name_char(sql[i + 1])) {
            std::size_t j = i + 1;
            while (j < n && name_char(sql[j])) ++j;
            const std::string name = sql.substr(i + 1, j - i - 1);
            const auto it = params.find(name);
            if (it == params.end()) {
                std::string known;
                for (const auto& [k, v] : params) known += (known.empty() ? ":" : "、:") + k;
                throw TemplateError(file_label + "：未知参数 " + c + name + "（可用参数：" + known + "）");
            }
            out.sql += std::string("CAST(? AS ") + pg_type_of(it->second) + ")";
            out.values.push_back(it->second);
            i = j - 1;
        } else if (c == '?') {
            throw TemplateError(file_label + "：请使用命名参数（如 :year），不要使用 ?");
        } else {
            out.sql += c;
        }
    }
    return out;
}

}  // namespace il::db::storage
