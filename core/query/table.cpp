#include "core/query/table.h"

#include <algorithm>
#include <set>

#include "core/query/pinyin.h"

namespace il::query {

int Table::column_index(const std::string& key) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].key == key) return static_cast<int>(i);
    return -1;
}

std::string Table::cell_text(std::size_t row, std::size_t column) const {
    const Value& v = rows[row].values[column];
    switch (columns[column].kind) {
        case ColumnKind::Money: return format_wan(Money::from_fen(v.num));
        case ColumnKind::Count: return std::to_string(v.num);
        case ColumnKind::Text: break;
    }
    return v.text;
}

void Table::build_search_index() {
    std::vector<std::size_t> searchable;
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].searchable) searchable.push_back(i);
    for (Row& r : rows) {
        std::string blob;
        for (std::size_t c : searchable) {
            blob += ascii_lower(r.values[c].text);
            blob += '\x1f';
        }
        for (std::size_t c : searchable) {
            blob += pinyin_initials(r.values[c].text);
            blob += '\x1f';
        }
        r.search_blob = std::move(blob);
    }
}

std::vector<std::size_t> select_rows(const Table& table, const FilterSpec& filter, const SortSpec& sort) {
    std::vector<std::pair<int, const std::string*>> equals;
    for (const auto& [key, value] : filter.equals) {
        if (value.empty()) continue;
        int c = table.column_index(key);
        if (c >= 0) equals.emplace_back(c, &value);
    }
    // Trim the search text; an all-blank search matches everything.
    std::string needle = ascii_lower(filter.search);
    auto not_space = [](unsigned char ch) { return ch != ' ' && ch != '\t'; };
    needle.erase(needle.begin(), std::find_if(needle.begin(), needle.end(), not_space));
    needle.erase(std::find_if(needle.rbegin(), needle.rend(), not_space).base(), needle.end());

    std::vector<std::size_t> out;
    out.reserve(table.rows.size());
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        const Row& r = table.rows[i];
        bool ok = true;
        for (const auto& [c, value] : equals)
            if (r.values[static_cast<std::size_t>(c)].text != *value) { ok = false; break; }
        if (ok && !needle.empty() && r.search_blob.find(needle) == std::string::npos) ok = false;
        if (ok) out.push_back(i);
    }
    if (sort.column >= 0 && static_cast<std::size_t>(sort.column) < table.columns.size()) {
        auto c = static_cast<std::size_t>(sort.column);
        bool numeric = table.columns[c].kind != ColumnKind::Text || table.columns[c].sort_by_num;
        auto less = [&](std::size_t a, std::size_t b) {
            const Value& va = table.rows[a].values[c];
            const Value& vb = table.rows[b].values[c];
            return numeric ? va.num < vb.num : va.text < vb.text;
        };
        if (sort.ascending)
            std::stable_sort(out.begin(), out.end(), less);
        else
            std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) { return less(b, a); });
    }
    return out;
}

std::vector<std::int64_t> column_totals(const Table& table, const std::vector<std::size_t>& rows) {
    std::vector<std::int64_t> totals(table.columns.size(), 0);
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        if (table.columns[c].kind == ColumnKind::Text) continue;
        std::int64_t sum = 0;
        for (std::size_t r : rows) sum += table.rows[r].values[c].num;
        totals[c] = sum;
    }
    return totals;
}

std::vector<std::string> distinct_values(const Table& table, int column) {
    std::vector<std::string> out;
    if (column < 0) return out;
    std::set<std::string> seen;
    for (const Row& r : table.rows) {
        const std::string& t = r.values[static_cast<std::size_t>(column)].text;
        if (!t.empty() && seen.insert(t).second) out.push_back(t);
    }
    return out;
}

}  // namespace il::query
