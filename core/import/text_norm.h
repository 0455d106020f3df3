#pragma once
// Text clean-up shared by header detection, column mapping and cell parsing: user files mix
// full-width and half-width forms, stray spaces and line breaks inside header cells.
#include <string>
#include <string_view>

namespace il::import {

// Trims ASCII whitespace and U+3000 (ideographic space) at both ends.
std::string trim(std::string_view s);

// A header label reduced to a comparable form: all whitespace and line breaks removed,
// full-width ASCII (digits, letters, parentheses, colon, hyphen, %) turned half-width,
// 【】〔〕 turned into (), dashes and "至"/"~" between digits into '-'.
std::string normalize_label(std::string_view s);

bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);
bool contains(std::string_view s, std::string_view part);

}  // namespace il::import
