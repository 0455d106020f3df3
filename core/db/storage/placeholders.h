#pragma once
// `?` placeholders (the SQLite and repository convention) to PostgreSQL's `$1, $2, …`, in one
// place. Question marks inside string literals, quoted identifiers and comments are left alone.
#include <string>

namespace il::db::storage {

// Returns the translated text; `count` receives the number of parameters.
std::string to_numbered_placeholders(const std::string& sql, int* count = nullptr);

// A table or column name as an SQL identifier both engines read the same: "name", with any
// double quote in it doubled.
std::string quote_identifier(const std::string& name);

}  // namespace il::db::storage
