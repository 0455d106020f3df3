#pragma once
#include <optional>
#include <string_view>

namespace il {
// A data file compiled into the program from data/ (e.g. "dictionaries/langfang.json").
std::optional<std::string_view> embedded_data(std::string_view name);
}  // namespace il
