#pragma once
// SQLite's placeholders (`?`, `?N`, `:name`) to PostgreSQL's `$1, $2, …`, in one place, numbered
// as SQLite numbers them: `?` takes the highest index so far + 1, `?N` is N, a name keeps the
// index it got first. Anything inside string literals, quoted identifiers and comments is left
// alone, and so is `::` (a cast).
#include <map>
#include <string>

namespace il::db::storage {

// Returns the translated text; `count` receives the number of parameters, `names` each named
// parameter (with its prefix, ":region") and its index.
std::string to_numbered_placeholders(const std::string& sql, int* count = nullptr,
                                     std::map<std::string, int>* names = nullptr);

// A table or column name as an SQL identifier both engines read the same: "name", with any
// double quote in it doubled.
std::string quote_identifier(const std::string& name);

}  // namespace il::db::storage
