#include "core/db/sql_util.h"

#include "core/db/database.h"

namespace il::db {

std::string opt_text(const std::optional<std::string>& v) { return v ? *v : std::string(); }
std::string json_array_values(const Database& db, bool integers) {
    if (db.engine() == storage::Engine::sqlite) return "(SELECT value FROM json_each(?))";
    return integers ? "(SELECT json_array_elements_text(?::json)::bigint)" : "(SELECT json_array_elements_text(?::json))";
}

std::string opt_id_text(const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : std::string(); }

}  // namespace il::db
