#include "core/city/offices.h"

#include "core/db/write_transaction.h"
#include "core/util/uid.h"

namespace il::city {

void ensure_offices(db::Database& db) {
    if (static_cast<int>(db::scalar_int(db, "SELECT count(*) FROM offices")) > 0) return;
    db::WriteTransaction tx(db);
    db::Query regions(db, "SELECT id, name, sort_order FROM regions WHERE active = 1 AND kind <> '市本级'"
                                        " ORDER BY sort_order, id");
    while (regions.executeStep()) {
        db::Query ins(db, "INSERT INTO offices(uid, name, sort_order) VALUES(?,?,?)");
        ins.bind(1, new_uid());
        ins.bind(2, regions.getColumn(1).getString());
        ins.bind(3, regions.getColumn(2).getInt());
        ins.exec();
        db::Query link(db, "INSERT INTO office_regions(region_id, office_id) VALUES(?,?)");
        link.bind(1, regions.getColumn(0).getInt64());
        link.bind(2, db.last_insert_id());
        link.exec();
    }
    tx.commit();
}

std::vector<Office> list_offices(db::Database& db) {
    if (!db.read_only()) ensure_offices(db);
    std::vector<Office> out;
    db::Query q(db, "SELECT id, name, active FROM offices ORDER BY sort_order, id");
    while (q.executeStep()) {
        Office o;
        o.id = q.getColumn(0).getInt64();
        o.name = q.getColumn(1).getString();
        o.active = q.getColumn(2).getInt() != 0;
        out.push_back(o);
    }
    for (auto& o : out) {
        db::Query r(db, "SELECT g.name FROM office_regions x JOIN regions g ON g.id = x.region_id"
                                      " WHERE x.office_id = ? ORDER BY g.sort_order, g.id");
        r.bind(1, o.id);
        while (r.executeStep()) o.regions.push_back(r.getColumn(0).getString());
    }
    return out;
}

std::optional<Office> find_office(db::Database& db, const std::string& name) {
    for (auto& o : list_offices(db))
        if (o.name == name) return o;
    return std::nullopt;
}

void set_office(db::Database& db, const std::string& name, const std::vector<std::string>& regions) {
    if (name.empty()) throw ValidationError("上报单位名称不能为空");
    ensure_offices(db);
    db::WriteTransaction tx(db);
    db::Query find(db, "SELECT id FROM offices WHERE name = ?");
    find.bind(1, name);
    std::int64_t id = 0;
    if (find.executeStep()) {
        id = find.getColumn(0).getInt64();
    } else {
        db::Query ins(db, "INSERT INTO offices(uid, name, sort_order) VALUES(?, ?, "
                                        "(SELECT COALESCE(max(sort_order), 0) + 1 FROM offices))");
        ins.bind(1, new_uid());
        ins.bind(2, name);
        ins.exec();
        id = db.last_insert_id();
    }
    db::Query clear(db, "DELETE FROM office_regions WHERE office_id = ?");
    clear.bind(1, id);
    clear.exec();
    for (const auto& r : regions) {
        db::Query q(db, "SELECT id FROM regions WHERE name = ?");
        q.bind(1, r);
        if (!q.executeStep()) throw ValidationError("县市区字典中没有「" + r + "」");
        db::Query link(db, "INSERT INTO office_regions(region_id, office_id) VALUES(?, ?)"
                                         " ON CONFLICT(region_id) DO UPDATE SET office_id = excluded.office_id");
        link.bind(1, q.getColumn(0).getInt64());
        link.bind(2, id);
        link.exec();
    }
    tx.commit();
}

std::string own_office_name(db::Database& db) {
    if (auto s = db.setting("office_name"); s && !s->empty()) return *s;
    db::Query q(db,
                "SELECT DISTINCT g.name FROM regions g WHERE g.id IN (SELECT region_id FROM projects UNION"
                " SELECT region_id FROM renovations UNION SELECT region_id FROM deals) LIMIT 2");
    std::vector<std::string> names;
    while (q.executeStep()) names.push_back(q.getColumn(0).getString());
    if (names.size() == 1) return names.front();
    throw ValidationError("无法确定上报单位：请在设置中填写本单位名称（office_name），或用 --office 指定");
}

std::vector<std::string> own_office_regions(db::Database& db, const std::string& office) {
    std::vector<std::string> out;
    if (auto s = db.setting("office_regions"); s && !s->empty()) {
        std::string cur;
        auto flush = [&] {
            if (!cur.empty()) out.push_back(cur);
            cur.clear();
        };
        const std::string sep = "、";
        for (std::size_t i = 0; i < s->size();) {
            if (s->compare(i, sep.size(), sep) == 0) {
                flush();
                i += sep.size();
            } else if ((*s)[i] == ',') {
                flush();
                ++i;
            } else {
                cur += (*s)[i++];
            }
        }
        flush();
        return out;
    }
    db::Query q(db, "SELECT name FROM regions WHERE name = ?");
    q.bind(1, office);
    if (q.executeStep()) return {office};
    throw ValidationError("无法确定「" + office + "」上报哪些县市区：请用 --region 指定，或在设置中填写 office_regions");
}

}  // namespace il::city
