#pragma once
// A read-only, in-memory table of list rows (projects, renovations, deals, problems) and the
// selection logic the list views share: facet filters, a search box (names, owners, codes and
// pinyin initials), sorting on any column and exact totals of the visible rows. No UI here: the
// GUI shows a Table through a virtual list; tests run it directly.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/model/money.h"

namespace il::query {

enum class ColumnKind { Text, Money, Count };

// Marks an English UI text for translation (the GUI translates column titles through gettext).
#define IL_N_(text) text

struct Column {
    std::string key;    // stable id, e.g. "region" (saved column layouts use it)
    std::string title;  // English msgid, translated by the GUI
    ColumnKind kind = ColumnKind::Text;
    bool searchable = false;      // the search box looks at it
    bool facet = false;           // offered as a filter choice (region, zone, stage, level, category)
    bool default_visible = true;
    int width = 100;              // default width in pixels at 96 dpi
    bool sort_by_num = false;     // a Text column sorted by Value::num (e.g. a region's sort order)
};

struct Value {
    std::string text;        // Text columns
    std::int64_t num = 0;    // Money (分) and Count columns
};

struct Row {
    std::int64_t id = 0;        // the record's id
    std::int64_t ref_id = 0;    // a related record (the project of a problem), 0 if none
    std::vector<Value> values;  // one per column
    std::string search_blob;    // lower-cased searchable text and pinyin initials
};

struct Table {
    std::vector<Column> columns;
    std::vector<Row> rows;

    int column_index(const std::string& key) const;  // -1 if absent
    // Text shown in a cell: text, or 万元 with two decimals for money, or the count.
    std::string cell_text(std::size_t row, std::size_t column) const;
    // Fills each row's search_blob from the searchable columns (and the pinyin initials of
    // them). Call after filling rows.
    void build_search_index();

    // The order of a Text column's values (row -> rank, equal texts share a rank), computed on the
    // first sort by the column and kept: sorting 100,000 rows by rank takes milliseconds, by text
    // a tenth of a second. Loaders may prepare the column the list will sort by. A Table is used
    // by one thread at a time (loaded on a worker, then handed to the UI thread).
    void prepare_sort(int column) const;
    mutable std::vector<std::vector<std::uint32_t>> text_ranks;  // per column; empty: not computed
};

struct FilterSpec {
    std::map<std::string, std::string> equals;  // column key -> required text ("" = any)
    std::string search;                         // substring of any searchable column or initials
};

struct SortSpec {
    int column = -1;  // -1: keep the table's order
    bool ascending = true;
};

// Indices into table.rows that pass the filter, in sort order (stable).
std::vector<std::size_t> select_rows(const Table& table, const FilterSpec& filter, const SortSpec& sort);

// Sorts row indices by a column, stable (what select_rows does with a SortSpec).
void sort_rows(const Table& table, std::vector<std::size_t>& rows, std::size_t column, bool ascending);

// Sums of every Money and Count column over the given rows (exact; other columns 0).
std::vector<std::int64_t> column_totals(const Table& table, const std::vector<std::size_t>& rows);

// Distinct non-empty texts of a column, in first-seen order (choices for a facet filter).
std::vector<std::string> distinct_values(const Table& table, int column);

}  // namespace il::query
