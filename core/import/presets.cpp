#include "core/import/presets.h"

#include "core/import/sheet_grid.h"
#include "core/import/sheet_layout.h"
#include "core/util/uid.h"

namespace il::import {
namespace {
Preset from_row(db::Query& q) {
    Preset p;
    p.id = q.getColumn(0).getInt64();
    p.uid = q.getColumn(1).getString();
    p.name = q.getColumn(2).getString();
    p.kind = parse_kind(q.getColumn(3).getString()).value_or(RecordKind::Projects);
    p.signature = q.getColumn(4).getString();
    try {
        p.mapping = nlohmann::json::parse(q.getColumn(5).getString());
    } catch (const nlohmann::json::exception& e) {
        throw ValidationError("导入方案“" + p.name + "”已损坏：" + e.what());
    }
    return p;
}
constexpr const char* kColumns = "SELECT id, uid, name, kind, signature, mapping FROM import_presets";
}  // namespace

Preset save_preset(db::Database& db, const std::string& name, const Mapping& mapping, const ValueDecisions* values) {
    return save_preset(db, name, mapping.signature, mapping, values);
}

void save_preset_decisions(db::Database& db, const std::string& name, const ValueDecisions& values) {
    auto p = load_preset(db, name);
    if (!p) throw NotFoundError("没有名为“" + name + "”的导入方案");
    p->mapping["values"] = decisions_to_json(values);
    db::Query q(db, "UPDATE import_presets SET mapping = ? WHERE id = ?");
    q.bind(1, p->mapping.dump());
    q.bind(2, static_cast<int64_t>(p->id));
    q.exec();
}

Preset save_preset(db::Database& db, const std::string& name, const std::string& layout_signature,
                   const Mapping& mapping, const ValueDecisions* values) {
    if (name.empty()) throw ValidationError("导入方案需要一个名称");
    if (layout_signature.empty()) throw ValidationError("导入方案“" + name + "”缺少表头特征（layout signature）");
    Preset p;
    p.name = name;
    p.kind = mapping.kind;
    p.signature = layout_signature;
    p.mapping = mapping_to_json(mapping);
    p.mapping["signature"] = layout_signature;
    auto existing = load_preset(db, name);
    if (values) p.mapping["values"] = decisions_to_json(*values);
    else if (existing && existing->mapping.contains("values")) p.mapping["values"] = existing->mapping["values"];
    if (existing) {
        db::Query q(db, "UPDATE import_presets SET kind = ?, signature = ?, mapping = ? WHERE id = ?");
        q.bind(1, kind_name(p.kind));
        q.bind(2, p.signature);
        q.bind(3, p.mapping.dump());
        q.bind(4, static_cast<int64_t>(existing->id));
        q.exec();
        p.id = existing->id;
        p.uid = existing->uid;
    } else {
        p.uid = new_uid();
        db::Query q(db, "INSERT INTO import_presets(uid, name, kind, signature, mapping) VALUES(?,?,?,?,?)");
        q.bind(1, p.uid);
        q.bind(2, p.name);
        q.bind(3, kind_name(p.kind));
        q.bind(4, p.signature);
        q.bind(5, p.mapping.dump());
        q.exec();
        p.id = db.last_insert_id();
    }
    return p;
}

std::optional<Preset> load_preset(db::Database& db, const std::string& name) {
    db::Query q(db, std::string(kColumns) + " WHERE name = ?");
    q.bind(1, name);
    if (q.executeStep()) return from_row(q);
    return std::nullopt;
}

std::vector<Preset> list_presets(db::Database& db) {
    db::Query q(db, std::string(kColumns) + " ORDER BY name");
    std::vector<Preset> out;
    while (q.executeStep()) out.push_back(from_row(q));
    return out;
}

void delete_preset(db::Database& db, const std::string& name) {
    db::Query q(db, "DELETE FROM import_presets WHERE name = ?");
    q.bind(1, name);
    if (q.exec() == 0) throw NotFoundError("没有名为“" + name + "”的导入方案");
}

std::optional<Preset> preset_for_signature(db::Database& db, RecordKind kind, const std::string& signature) {
    db::Query q(db, std::string(kColumns) + " WHERE kind = ? AND signature = ? ORDER BY id DESC LIMIT 1");
    q.bind(1, kind_name(kind));
    q.bind(2, signature);
    if (q.executeStep()) return from_row(q);
    return std::nullopt;
}

std::optional<Preset> preset_for_workbook(db::Database& db, const Workbook& workbook, const std::string& sheet) {
    for (const Sheet& s : workbook.sheets) {
        if ((!sheet.empty() && s.name != sheet) || s.is_chart) continue;
        SheetGrid grid(s);
        for (RecordKind kind : {RecordKind::Projects, RecordKind::Renovations, RecordKind::Deals}) {
            auto layout = detect_layout(grid, kind);
            if (!layout) layout = guess_table_layout(grid, kind);  // a layout a user mapped by hand
            if (!layout) continue;
            if (auto p = preset_for_signature(db, kind, layout_signature(*layout))) return p;
        }
    }
    return std::nullopt;
}

}  // namespace il::import
