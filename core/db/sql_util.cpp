#include "core/db/sql_util.h"

namespace il::db {

std::string opt_text(const std::optional<std::string>& v) { return v ? *v : std::string(); }
std::string opt_id_text(const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : std::string(); }

}  // namespace il::db
