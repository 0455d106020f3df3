#include "core/db/dictionary_seed.h"

#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/util/embedded_data.h"
#include "core/util/uid.h"
#include "core/db/write_transaction.h"

namespace il::db {
namespace {
using nlohmann::json;

// Reads a string member; names the place in the file when it is missing or of the wrong type.
std::string text_at(const json& obj, const char* key, const std::string& where, bool required = true) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
        if (required) throw ValidationError("字典文件 " + where + " 缺少字段 \"" + key + "\"");
        return {};
    }
    if (!it->is_string()) throw ValidationError("字典文件 " + where + " 的字段 \"" + key + "\" 应为文字");
    return it->get<std::string>();
}

bool flag_at(const json& obj, const char* key, bool fallback) {
    auto it = obj.find(key);
    return it == obj.end() ? fallback : it->get<bool>();
}

const json& array_at(const json& root, const char* key) {
    auto it = root.find(key);
    if (it == root.end() || !it->is_array()) throw ValidationError(std::string("字典文件缺少数组 \"") + key + "\"");
    return *it;
}

bool table_empty(Database& db, const char* table) {
    return scalar_int(db, std::string("SELECT count(*) FROM ") + table) == 0;
}

// Other names of an entry (`"aliases": [...]`), for the import's lookups.
void add_aliases(Database& db, const char* kind, std::int64_t id, const json& entry, const std::string& where) {
    auto it = entry.find("aliases");
    if (it == entry.end()) return;
    if (!it->is_array()) throw ValidationError("字典文件 " + where + " 的 \"aliases\" 应为文字数组");
    Query q(db, "INSERT INTO dictionary_aliases(uid, kind, alias, target_id) VALUES(?,?,?,?) ON CONFLICT DO NOTHING");
    for (const auto& a : *it) {
        if (!a.is_string() || a.get<std::string>().empty())
            throw ValidationError("字典文件 " + where + " 的 \"aliases\" 应为非空文字");
        q.bind(1, new_uid());
        q.bind(2, kind);
        q.bind(3, a.get<std::string>());
        q.bind(4, static_cast<int64_t>(id));
        q.exec();
        q.reset();
    }
}

// Two levels: each group of "category_groups" is itself an entry (name = group), followed by the
// items of "categories" that belong to it; an item named like its group is that group's entry.
void seed_categories(Database& db, const json& root) {
    const json& categories = array_at(root, "categories");
    json groups = root.contains("category_groups") ? root["category_groups"] : json::array();
    if (!groups.is_array()) throw ValidationError("字典文件的 \"category_groups\" 应为数组");
    Query q(db,
            "INSERT INTO categories(uid, name, group_name, strategic_emerging, is_industrial, sort_order)"
            " VALUES(?,?,?,?,?,?)");
    int order = 0;
    auto insert = [&](const std::string& name, const std::string& group, bool strategic, bool industrial) {
        q.bind(1, new_uid());
        q.bind(2, name);
        q.bind(3, group);
        q.bind(4, strategic ? 1 : 0);
        q.bind(5, industrial ? 1 : 0);
        q.bind(6, ++order);
        q.exec();
        q.reset();
        return db.last_insert_id();
    };
    std::vector<bool> done(categories.size(), false);
    auto items_of = [&](const std::string& group) {
        for (std::size_t i = 0; i < categories.size(); ++i) {
            if (done[i]) continue;
            std::string where = "categories[" + std::to_string(i) + "]";
            if (text_at(categories[i], "group", where) != group) continue;
            done[i] = true;
            std::int64_t id = insert(text_at(categories[i], "name", where), group,
                                     flag_at(categories[i], "strategic_emerging", false),
                                     flag_at(categories[i], "is_industrial", true));
            add_aliases(db, "categories", id, categories[i], where);
        }
    };
    for (std::size_t g = 0; g < groups.size(); ++g) {
        std::string where = "category_groups[" + std::to_string(g) + "]";
        std::string name = text_at(groups[g], "name", where);
        bool item_named_so = false;
        for (std::size_t i = 0; i < categories.size(); ++i)
            if (categories[i].value("name", std::string()) == name) item_named_so = true;
        std::int64_t id = 0;
        if (!item_named_so)
            id = insert(name, name, flag_at(groups[g], "strategic_emerging", false), flag_at(groups[g], "is_industrial", true));
        items_of(name);
        if (item_named_so) {
            Query find(db, "SELECT id FROM categories WHERE name = ?");
            find.bind(1, name);
            if (find.executeStep()) id = find.getColumn(0).getInt64();
        }
        add_aliases(db, "categories", id, groups[g], where);
    }
    for (std::size_t i = 0; i < categories.size(); ++i)
        if (!done[i]) items_of(text_at(categories[i], "group", "categories[" + std::to_string(i) + "]"));
}

}  // namespace

void seed_dictionaries(Database& db, const std::string& json_text) {
    json root;
    try {
        root = json::parse(json_text);
    } catch (const json::parse_error& e) {
        throw ValidationError(std::string("字典文件不是有效的 JSON：") + e.what());
    }
    if (!root.is_object()) throw ValidationError("字典文件的顶层应为对象");
    WriteTransaction tx(db);
    try {
        if (table_empty(db, "regions")) {
            const json& regions = array_at(root, "regions");
            Query q(db, "INSERT INTO regions(uid, code, name, kind, sort_order, short_name) VALUES(?,?,?,?,?,?)");
            int order = 0;
            for (const auto& r : regions) {
                std::string where = "regions[" + std::to_string(order) + "]";
                q.bind(1, new_uid());
                q.bind(2, text_at(r, "code", where, false));
                q.bind(3, text_at(r, "name", where));
                std::string kind = text_at(r, "kind", where, false);
                q.bind(4, kind.empty() ? std::string("县市区") : kind);
                q.bind(5, ++order);
                q.bind(6, text_at(r, "short_name", where, false));
                q.exec();
                q.reset();
            }
        }
        if (table_empty(db, "zones") && root.contains("zones")) {
            const json& zones = array_at(root, "zones");
            Query find(db, "SELECT id FROM regions WHERE name = ?");
            Query q(db, "INSERT INTO zones(uid, region_id, name, level, sort_order, short_name) VALUES(?,?,?,?,?,?)");
            int order = 0;
            for (const auto& z : zones) {
                std::string where = "zones[" + std::to_string(order) + "]";
                std::string region = text_at(z, "region", where);
                find.bind(1, region);
                if (!find.executeStep())
                    throw ValidationError("字典文件 " + where + " 的所属县市区 \"" + region + "\" 不在 regions 中");
                std::int64_t region_id = find.getColumn(0).getInt64();
                find.reset();
                q.bind(1, new_uid());
                q.bind(2, region_id);
                q.bind(3, text_at(z, "name", where));
                std::string level = text_at(z, "level", where, false);
                q.bind(4, level.empty() ? std::string("省级") : level);
                q.bind(5, ++order);
                q.bind(6, text_at(z, "short_name", where, false));
                q.exec();
                q.reset();
            }
        }
        if (table_empty(db, "industries")) {
            const json& industries = array_at(root, "industries");
            Query q(db, "INSERT INTO industries(uid, code, name, sort_order) VALUES(?,?,?,?)");
            int order = 0;
            for (const auto& i : industries) {
                std::string where = "industries[" + std::to_string(order) + "]";
                q.bind(1, new_uid());
                q.bind(2, text_at(i, "code", where));
                q.bind(3, text_at(i, "name", where));
                q.bind(4, ++order);
                q.exec();
                q.reset();
            }
        }
        if (table_empty(db, "categories")) seed_categories(db, root);
        if (root.contains("city") && root["city"].is_string() && !db.setting("city_name"))
            db.set_setting("city_name", root["city"].get<std::string>());
    } catch (const SQLite::Exception& e) {
        // CHECK or UNIQUE constraint: a bad value in the file (e.g. an unknown group, a duplicate name)
        throw ValidationError(std::string("字典文件内容无效：") + e.what());
    } catch (const json::exception& e) {
        throw ValidationError(std::string("字典文件内容无效：") + e.what());
    }
    tx.commit();
}

const std::string& default_dictionaries_json() {
    static const std::string text = std::string(embedded_data("dictionaries/langfang.json").value());
    return text;
}

void seed_dictionaries_from(Database& db, const std::optional<std::filesystem::path>& file) {
    if (!file) {
        seed_dictionaries(db, default_dictionaries_json());
        return;
    }
    std::ifstream in(*file, std::ios::binary);
    if (!in) throw FileError("无法读取字典文件：" + file->string());
    std::ostringstream ss;
    ss << in.rdbuf();
    seed_dictionaries(db, ss.str());
}

}  // namespace il::db
