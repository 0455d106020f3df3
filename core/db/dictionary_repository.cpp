#include "core/db/dictionary_repository.h"

#include "core/db/references.h"
#include "core/db/sql_util.h"
#include "core/db/write_transaction.h"
#include "core/util/uid.h"
#include "core/validate/dictionary_rules.h"
#include "core/db/row_reader.h"

namespace il::db {
namespace {

// Characters (code points) of a UTF-8 text.
std::size_t utf8_length(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

Region read_region(Query& q) {
    Region r;
    r.id = q.getColumn(0).getInt64();
    r.uid = q.getColumn(1).getString();
    r.code = col_opt_text(q.getColumn(2)).value_or("");
    db::read_row_from(q, 3, r.name, r.kind, r.sort_order, r.active, r.short_name);
    return r;
}
Zone read_zone(Query& q) {
    Zone z;
    db::read_row(q, z.id, z.uid, z.region_id, z.name, z.level, z.sort_order, z.active, z.short_name);
    return z;
}
Industry read_industry(Query& q) {
    Industry i;
    db::read_row(q, i.id, i.uid, i.code, i.name, i.sort_order, i.active);
    return i;
}
Category read_category(Query& q) {
    Category c;
    db::read_row(q, c.id, c.uid, c.name, c.group_name, c.strategic_emerging, c.is_industrial, c.sort_order, c.active);
    return c;
}

constexpr const char* kRegionSel = "SELECT id, uid, code, name, kind, sort_order, active, short_name FROM regions";
constexpr const char* kZoneSel = "SELECT id, uid, region_id, name, level, sort_order, active, short_name FROM zones";
constexpr const char* kIndustrySel = "SELECT id, uid, code, name, sort_order, active FROM industries";
constexpr const char* kCategorySel =
    "SELECT id, uid, name, group_name, strategic_emerging, is_industrial, sort_order, active FROM categories";

template <class T, class Read, class Bind>
std::vector<T> query(Database& db, const std::string& sql, Read read, Bind bind) {
    Query q(db, sql);
    bind(q);
    std::vector<T> out;
    while (q.executeStep()) out.push_back(read(q));
    return out;
}
auto no_bind = [](Query&) {};

template <class T>
std::optional<T> first(std::vector<T> v) {
    if (v.empty()) return std::nullopt;
    return std::move(v.front());
}

const char* kind_label(DictionaryKind k) {
    switch (k) {
        case DictionaryKind::Regions: return "县市区";
        case DictionaryKind::Zones: return "开发区";
        case DictionaryKind::Industries: return "国民经济行业";
        case DictionaryKind::Categories: return "产业类别";
    }
    return "";
}

void check_name_free(Database& db, DictionaryKind kind, const std::string& name, std::int64_t except_id,
                     std::vector<FieldIssue>& issues) {
    if (kind == DictionaryKind::Industries) return;  // industries are unique by code
    Query q(db, std::string("SELECT id FROM ") + dictionary_table(kind) + " WHERE name = ? AND id <> ?");
    q.bind(1, name);
    bind_i64(q, 2, except_id);
    if (q.executeStep())
        issues.push_back({"name", std::string(kind_label(kind)) + "“" + name + "”已存在（编号 " +
                                      std::to_string(q.getColumn(0).getInt64()) + "）"});
}

int next_sort_order(Database& db, const char* table) {
    return static_cast<int>(scalar_int(db, std::string("SELECT coalesce(max(sort_order), 0) + 1 FROM ") + table));
}

}  // namespace

const char* dictionary_table(DictionaryKind kind) {
    switch (kind) {
        case DictionaryKind::Regions: return "regions";
        case DictionaryKind::Zones: return "zones";
        case DictionaryKind::Industries: return "industries";
        case DictionaryKind::Categories: return "categories";
    }
    return "";
}

std::optional<DictionaryKind> parse_dictionary_kind(const std::string& t) {
    if (t == "regions" || t == "region" || t == "县市区") return DictionaryKind::Regions;
    if (t == "zones" || t == "zone" || t == "开发区") return DictionaryKind::Zones;
    if (t == "industries" || t == "industry" || t == "行业") return DictionaryKind::Industries;
    if (t == "categories" || t == "category" || t == "产业类别") return DictionaryKind::Categories;
    return std::nullopt;
}

std::vector<Region> DictionaryRepository::regions() {
    return query<Region>(db_, std::string(kRegionSel) + " ORDER BY sort_order, id", read_region, no_bind);
}
std::vector<Zone> DictionaryRepository::zones(std::optional<std::int64_t> region_id) {
    if (!region_id) return query<Zone>(db_, std::string(kZoneSel) + " ORDER BY sort_order, id", read_zone, no_bind);
    return query<Zone>(db_, std::string(kZoneSel) + " WHERE region_id = ? ORDER BY sort_order, id", read_zone,
                       [&](Query& q) { bind_i64(q, 1, *region_id); });
}
std::vector<Industry> DictionaryRepository::industries() {
    return query<Industry>(db_, std::string(kIndustrySel) + " ORDER BY sort_order, code", read_industry, no_bind);
}
std::vector<Category> DictionaryRepository::categories() {
    return query<Category>(db_, std::string(kCategorySel) + " ORDER BY sort_order, id", read_category, no_bind);
}

std::optional<Region> DictionaryRepository::region(std::int64_t id) {
    return first(query<Region>(db_, std::string(kRegionSel) + " WHERE id = ?", read_region,
                               [&](Query& q) { bind_i64(q, 1, id); }));
}
std::optional<Zone> DictionaryRepository::zone(std::int64_t id) {
    return first(query<Zone>(db_, std::string(kZoneSel) + " WHERE id = ?", read_zone,
                             [&](Query& q) { bind_i64(q, 1, id); }));
}
std::optional<Industry> DictionaryRepository::industry(std::int64_t id) {
    return first(query<Industry>(db_, std::string(kIndustrySel) + " WHERE id = ?", read_industry,
                                 [&](Query& q) { bind_i64(q, 1, id); }));
}
std::optional<Category> DictionaryRepository::category(std::int64_t id) {
    return first(query<Category>(db_, std::string(kCategorySel) + " WHERE id = ?", read_category,
                                 [&](Query& q) { bind_i64(q, 1, id); }));
}

std::optional<Region> DictionaryRepository::find_region(const std::string& s) {
    return first(query<Region>(db_, std::string(kRegionSel) + " WHERE name = ?1 OR code = ?1 ORDER BY name <> ?1, id",
                               read_region, [&](Query& q) { q.bind(1, s); }));
}
std::optional<Zone> DictionaryRepository::find_zone(const std::string& s) {
    return first(query<Zone>(db_, std::string(kZoneSel) + " WHERE name = ?", read_zone,
                             [&](Query& q) { q.bind(1, s); }));
}
std::optional<Industry> DictionaryRepository::find_industry(const std::string& s) {
    return first(query<Industry>(db_, std::string(kIndustrySel) + " WHERE code = ?1 OR name = ?1 ORDER BY code <> ?1, id",
                                 read_industry, [&](Query& q) { q.bind(1, s); }));
}
std::optional<Category> DictionaryRepository::find_category(const std::string& s) {
    return first(query<Category>(db_, std::string(kCategorySel) + " WHERE name = ?", read_category,
                                 [&](Query& q) { q.bind(1, s); }));
}

std::int64_t DictionaryRepository::add_region(Region& r) {
    WriteTransaction tx(db_);
    auto issues = validate::validate_region(r);
    check_name_free(db_, DictionaryKind::Regions, r.name, 0, issues);
    if (!issues.empty()) throw RecordInvalid("县市区“" + r.name + "”", std::move(issues));
    if (r.uid.empty()) r.uid = new_uid();
    if (r.sort_order == 0) r.sort_order = next_sort_order(db_, "regions");
    Query q(db_, "INSERT INTO regions(uid, code, name, kind, sort_order, active, short_name) VALUES(?,?,?,?,?,?,?)");
    q.bind(1, r.uid);
    if (r.code.empty()) q.bind(2); else q.bind(2, r.code);
    q.bind(3, r.name);
    q.bind(4, r.kind);
    q.bind(5, r.sort_order);
    q.bind(6, r.active ? 1 : 0);
    q.bind(7, r.short_name);
    q.exec();
    r.id = db_.last_insert_id();
    audit_insert(db_, "regions", r.id, r.uid, {{"code", r.code}, {"name", r.name}, {"kind", r.kind}, {"short_name", r.short_name}});
    tx.commit();
    return r.id;
}

std::int64_t DictionaryRepository::add_zone(Zone& z) {
    WriteTransaction tx(db_);
    auto refs = load_references(db_);
    auto issues = validate::validate_zone(z, &refs);
    check_name_free(db_, DictionaryKind::Zones, z.name, 0, issues);
    if (!issues.empty()) throw RecordInvalid("开发区“" + z.name + "”", std::move(issues));
    if (z.uid.empty()) z.uid = new_uid();
    if (z.sort_order == 0) z.sort_order = next_sort_order(db_, "zones");
    Query q(db_, "INSERT INTO zones(uid, region_id, name, level, sort_order, active, short_name) VALUES(?,?,?,?,?,?,?)");
    q.bind(1, z.uid);
    bind_i64(q, 2, z.region_id);
    q.bind(3, z.name);
    q.bind(4, z.level);
    q.bind(5, z.sort_order);
    q.bind(6, z.active ? 1 : 0);
    q.bind(7, z.short_name);
    q.exec();
    z.id = db_.last_insert_id();
    audit_insert(db_, "zones", z.id, z.uid,
                 {{"region_id", std::to_string(z.region_id)}, {"name", z.name}, {"level", z.level}, {"short_name", z.short_name}});
    tx.commit();
    return z.id;
}

std::int64_t DictionaryRepository::add_industry(Industry& i) {
    WriteTransaction tx(db_);
    auto issues = validate::validate_industry(i);
    if (find_industry(i.code) && find_industry(i.code)->code == i.code)
        issues.push_back({"code", "行业代码“" + i.code + "”已存在"});
    if (!issues.empty()) throw RecordInvalid("国民经济行业“" + i.name + "”", std::move(issues));
    if (i.uid.empty()) i.uid = new_uid();
    if (i.sort_order == 0) i.sort_order = next_sort_order(db_, "industries");
    Query q(db_, "INSERT INTO industries(uid, code, name, sort_order, active) VALUES(?,?,?,?,?)");
    q.bind(1, i.uid);
    q.bind(2, i.code);
    q.bind(3, i.name);
    q.bind(4, i.sort_order);
    q.bind(5, i.active ? 1 : 0);
    q.exec();
    i.id = db_.last_insert_id();
    audit_insert(db_, "industries", i.id, i.uid, {{"code", i.code}, {"name", i.name}});
    tx.commit();
    return i.id;
}

std::int64_t DictionaryRepository::add_category(Category& c) {
    WriteTransaction tx(db_);
    auto issues = validate::validate_category(c);
    check_name_free(db_, DictionaryKind::Categories, c.name, 0, issues);
    if (!issues.empty()) throw RecordInvalid("产业类别“" + c.name + "”", std::move(issues));
    if (c.uid.empty()) c.uid = new_uid();
    if (c.sort_order == 0) c.sort_order = next_sort_order(db_, "categories");
    Query q(db_, "INSERT INTO categories(uid, name, group_name, strategic_emerging, is_industrial, "
                                   "sort_order, active) VALUES(?,?,?,?,?,?,?)");
    q.bind(1, c.uid);
    q.bind(2, c.name);
    q.bind(3, c.group_name);
    q.bind(4, c.strategic_emerging ? 1 : 0);
    q.bind(5, c.is_industrial ? 1 : 0);
    q.bind(6, c.sort_order);
    q.bind(7, c.active ? 1 : 0);
    q.exec();
    c.id = db_.last_insert_id();
    audit_insert(db_, "categories", c.id, c.uid,
                 {{"name", c.name},
                  {"group_name", c.group_name},
                  {"strategic_emerging", c.strategic_emerging ? "1" : "0"},
                  {"is_industrial", c.is_industrial ? "1" : "0"}});
    tx.commit();
    return c.id;
}

void DictionaryRepository::rename(DictionaryKind kind, std::int64_t id, const std::string& new_name) {
    WriteTransaction tx(db_);
    const std::string table = dictionary_table(kind);
    Query g(db_, "SELECT uid, name FROM " + table + " WHERE id = ?");
    bind_i64(g, 1, id);
    if (!g.executeStep())
        throw NotFoundError(std::string(kind_label(kind)) + "（编号 " + std::to_string(id) + "）不存在");
    std::string uid = g.getColumn(0).getString();
    std::string old_name = g.getColumn(1).getString();
    std::vector<FieldIssue> issues;
    validate::check_required(issues, "name", new_name, "名称");
    check_name_free(db_, kind, new_name, id, issues);
    if (!issues.empty())
        throw RecordInvalid(std::string(kind_label(kind)) + "“" + old_name + "”", std::move(issues));
    if (new_name == old_name) {
        tx.commit();
        return;
    }
    Query q(db_, "UPDATE " + table + " SET name = ? WHERE id = ?");
    q.bind(1, new_name);
    bind_i64(q, 2, id);
    q.exec();
    audit_update(db_, table, id, uid, {{"name", old_name, new_name}}, "重命名");
    tx.commit();
}

void DictionaryRepository::set_short_name(DictionaryKind kind, std::int64_t id, const std::string& short_name) {
    if (kind != DictionaryKind::Regions && kind != DictionaryKind::Zones)
        throw ValidationError(std::string(kind_label(kind)) + "没有简称");
    WriteTransaction tx(db_);
    const std::string table = dictionary_table(kind);
    Query g(db_, "SELECT uid, name, short_name FROM " + table + " WHERE id = ?");
    bind_i64(g, 1, id);
    if (!g.executeStep())
        throw NotFoundError(std::string(kind_label(kind)) + "（编号 " + std::to_string(id) + "）不存在");
    const std::string uid = g.getColumn(0).getString(), name = g.getColumn(1).getString(), old = g.getColumn(2).getString();
    // A short name equal to the name says nothing: stored as none.
    const std::string value = short_name == name ? std::string() : short_name;
    if (utf8_length(value) > static_cast<std::size_t>(kMaxShortName))
        throw RecordInvalid(std::string(kind_label(kind)) + "“" + name + "”",
                            {{"short_name", "简称最多 " + std::to_string(kMaxShortName) + " 个字"}});
    if (value == old) {
        tx.commit();
        return;
    }
    Query q(db_, "UPDATE " + table + " SET short_name = ? WHERE id = ?");
    q.bind(1, value);
    bind_i64(q, 2, id);
    q.exec();
    audit_update(db_, table, id, uid, {{"short_name", old, value}}, "简称");
    tx.commit();
}

}  // namespace il::db
