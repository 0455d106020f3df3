#include "core/db/dictionary_reference.h"

#include "core/db/dictionary_repository.h"
#include "core/model/field_text.h"

namespace il::db {
namespace {
bool all_digits(const std::string& s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}
}  // namespace

std::int64_t resolve_region(Database& db, const std::string& v, const std::string& field) {
    DictionaryRepository dict(db);
    if (auto r = dict.find_region(v)) return r->id;
    // six digits are a 区划代码 (found above), not an id
    if (all_digits(v) && v.size() < 6 && dict.region(std::stoll(v))) return std::stoll(v);
    throw_field_error(field, "未知的县市区“" + v + "”（用 `dict list regions` 查看）");
}

std::int64_t resolve_zone(Database& db, const std::string& v, const std::string& field) {
    DictionaryRepository dict(db);
    if (auto z = dict.find_zone(v)) return z->id;
    if (all_digits(v) && dict.zone(std::stoll(v))) return std::stoll(v);
    throw_field_error(field, "未知的开发区“" + v + "”（用 `dict list zones` 查看）");
}

std::int64_t resolve_industry(Database& db, const std::string& v, const std::string& field) {
    DictionaryRepository dict(db);
    if (auto i = dict.find_industry(v)) return i->id;
    if (all_digits(v) && dict.industry(std::stoll(v))) return std::stoll(v);
    throw_field_error(field, "未知的国民经济行业“" + v + "”（用 `dict list industries` 查看）");
}

std::int64_t resolve_category(Database& db, const std::string& v, const std::string& field) {
    DictionaryRepository dict(db);
    if (auto c = dict.find_category(v)) return c->id;
    if (all_digits(v) && dict.category(std::stoll(v))) return std::stoll(v);
    throw_field_error(field, "未知的产业类别“" + v + "”（用 `dict list categories` 查看）");
}

}  // namespace il::db
