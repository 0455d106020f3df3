#include "core/query/table.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>

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

void Table::prepare_sort(int column) const {
    if (column < 0 || static_cast<std::size_t>(column) >= columns.size()) return;
    const auto c = static_cast<std::size_t>(column);
    if (text_ranks.size() < columns.size()) text_ranks.resize(columns.size());
    auto& ranks = text_ranks[c];
    if (ranks.size() == rows.size()) return;
    std::vector<std::uint32_t> order(rows.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::uint32_t>(i);
    auto text = [&](std::uint32_t r) -> const std::string& { return rows[r].values[c].text; };
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return text(a) < text(b); });
    ranks.assign(rows.size(), 0);
    std::uint32_t rank = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (i > 0 && text(order[i]) != text(order[i - 1])) ++rank;
        ranks[order[i]] = rank;
    }
}

// A stable sort of `rows` by one column. The keys are gathered into one contiguous array first
// (the number, or the text's rank): no comparison chases a row's values, and equal keys keep
// their order (the row index breaks ties).
void sort_rows(const Table& table, std::vector<std::size_t>& rows, std::size_t c, bool ascending) {
    const bool numeric = table.columns[c].kind != ColumnKind::Text || table.columns[c].sort_by_num;
    if (!numeric) table.prepare_sort(static_cast<int>(c));
    struct Key {
        std::uint64_t key;  // numbers offset so that unsigned order is signed order
        std::size_t row;
    };
    std::vector<Key> keys;
    keys.reserve(rows.size());
    for (std::size_t r : rows)
        keys.push_back({numeric ? static_cast<std::uint64_t>(table.rows[r].values[c].num) ^ (std::uint64_t{1} << 63)
                                : table.text_ranks[c][r],
                        r});
    std::sort(keys.begin(), keys.end(), [ascending](const Key& a, const Key& b) {
        if (a.key != b.key) return ascending ? a.key < b.key : a.key > b.key;
        return a.row < b.row;
    });
    for (std::size_t i = 0; i < keys.size(); ++i) rows[i] = keys[i].row;
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
    if (sort.column >= 0 && static_cast<std::size_t>(sort.column) < table.columns.size())
        sort_rows(table, out, static_cast<std::size_t>(sort.column), sort.ascending);
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
    std::unordered_set<std::string_view> seen;
    const auto c = static_cast<std::size_t>(column);
    const std::string* last = nullptr;  // runs of the same value (lists come sorted by region)
    for (const Row& r : table.rows) {
        const std::string& t = r.values[c].text;
        if (t.empty() || (last && *last == t)) continue;
        last = &t;
        if (seen.insert(t).second) out.push_back(t);
    }
    return out;
}

}  // namespace il::query
