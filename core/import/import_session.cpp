#include "core/import/import_session.h"

#include <algorithm>
#include <map>

#include "core/import/errors_workbook.h"
#include "core/import/kind_guess.h"
#include "core/import/sheet_grid.h"
#include "core/import/text_norm.h"
#include "core/model/period.h"
#include "core/util/error.h"
#include "core/util/utf8_path.h"

namespace il::import {
namespace fs = std::filesystem;

void ImportSession::load(const fs::path& file) {
    Workbook wb = read_workbook(file);
    file_ = file;
    workbook_ = std::move(wb);
    loaded_ = true;
    previewed_ = false;
    kind_source_ = KindSource::Default;
    kind_preset_.clear();
    kind_ = RecordKind::Projects;
    sheet_.clear();
    // A preset saved for this header layout knows best; else the headers decide.
    if (auto p = preset_for_workbook(db_, workbook_)) {
        kind_ = p->kind;
        kind_source_ = KindSource::Preset;
        kind_preset_ = p->name;
    } else if (auto g = guess_kind(workbook_)) {
        kind_ = g->kind;
        kind_source_ = KindSource::Headers;
        sheet_ = g->sheet;
    }
    if (sheet_.empty())
        if (auto g = guess_kind(workbook_); g && kind_source_ == KindSource::Preset) sheet_ = g->sheet;
    if (sheet_.empty()) {
        for (const auto& s : workbook_.sheets)
            if (!s.is_chart) {
                sheet_ = s.name;
                break;
            }
    }
    detect();
}

std::vector<std::string> ImportSession::sheet_names() const {
    std::vector<std::string> out;
    for (const auto& s : workbook_.sheets)
        if (!s.is_chart) out.push_back(s.name);
    return out;
}

void ImportSession::set_kind(RecordKind kind) {
    if (kind == kind_ && layout_) return;
    kind_ = kind;
    kind_source_ = KindSource::User;
    detect();
}

void ImportSession::set_sheet(const std::string& sheet) {
    if (sheet == sheet_ && layout_) return;
    sheet_ = sheet;
    detect();
}

void ImportSession::detect() {
    previewed_ = false;
    layout_.reset();
    mapping_ = {};
    preset_name_.clear();
    // The table and its mapping as plan_import will read them: detection (or a guessed header),
    // the preset saved for the layout, else the automatic mapping with the hints of the options
    ImportOptions o = options(true);
    o.preset.reset();
    o.auto_preset = true;
    auto sheets = map_workbook(db_, workbook_, o);
    if (sheets.empty()) return;
    SheetPlan& sp = sheets.front();
    layout_ = std::move(sp.layout);
    mapping_ = std::move(sp.mapping);
    preset_name_ = sp.preset_name;
    if (!preset_name_.empty())
        if (auto p = load_preset(db_, preset_name_)) decisions_.merge_under(preset_decisions(p->mapping));
}

void ImportSession::map_automatically() {
    if (!layout_) return;
    previewed_ = false;
    if (auto p = preset_for_signature(db_, kind_, layout_signature(*layout_))) {
        use_preset(*p);
        return;
    }
    preset_name_.clear();
    ImportOptions o = options(true);
    MappingContext ctx;
    for (const auto& [key, value] : o.set_fields)
        if (key == "period")
            if (auto p = parse_period(value)) {
                ctx.year = p->year;
                ctx.month = p->month;
            }
    mapping_ = auto_map(*layout_, kind_, ctx);
}

void ImportSession::use_preset(const Preset& preset) {
    if (!layout_) return;
    previewed_ = false;
    mapping_ = apply_preset(preset.mapping, *layout_, kind_, {});
    preset_name_ = preset.name;
    decisions_.merge_under(preset_decisions(preset.mapping));
}

std::vector<Preset> ImportSession::presets() const {
    std::vector<Preset> out;
    for (auto& p : list_presets(db_))
        if (p.kind == kind_) out.push_back(std::move(p));
    return out;
}

void ImportSession::save_preset(const std::string& name) {
    if (!layout_) throw ValidationError("没有可保存的列对应");
    import::save_preset(db_, name, layout_signature(*layout_), mapping_, &decisions_);
    preset_name_ = name;
}

ImportOptions ImportSession::options(bool dry_run) const {
    ImportOptions o;
    o.kind = kind_;
    o.sheet = sheet_;
    o.preset = mapping_to_json(mapping_);  // the mapping as confirmed, matched by header text
    o.preset_name = preset_name_;
    o.auto_preset = false;
    o.keep_good = keep_good;
    o.dry_run = dry_run;
    o.source_name = il::path_utf8(file_.filename());
    if (!fixed_region.empty()) o.set_fields.emplace_back("region", fixed_region);
    o.decisions = decisions_;
    return o;
}

void ImportSession::preview(ProgressSink& progress) {
    previewed_ = false;
    auto o = options(true);
    ProgressRange planning(progress, 0.0, 0.5), trying(progress, 0.5, 1.0);
    ImportPlan plan = plan_import(db_, workbook_, o, DictionaryLookup::load(db_), planning);
    preview_ = apply_import(db_, plan, o, trying);  // a dry run: write-time checks, then rolled back
    plan_ = std::move(plan);
    previewed_ = true;
    collect_values();
}

ImportResult ImportSession::run(ProgressSink& progress) {
    auto o = options(false);
    ProgressRange planning(progress, 0.0, 0.4), writing(progress, 0.4, 1.0);
    ImportPlan plan = plan_import(db_, workbook_, o, DictionaryLookup::load(db_), planning);
    ImportResult r = apply_import(db_, plan, o, writing);
    plan_ = std::move(plan);
    preview_ = r;
    // The decisions go with the preset used: the next import of this layout asks nothing
    if (r.written && !decisions_.empty() && !preset_name_.empty() && load_preset(db_, preset_name_))
        save_preset_decisions(db_, preset_name_, decisions_);
    return r;
}

void ImportSession::save_errors(const fs::path& out) const { write_errors_workbook(plan_, out); }

void ImportSession::collect_values() {
    for (const auto& u : plan_.unknown_values) {
        bool known = false;
        for (auto& row : value_table_)
            if (row.field == u.field && normalize_label(row.value) == normalize_label(u.value)) {
                row.count = u.count;
                known = true;
            }
        if (!known) value_table_.push_back(u);
    }
}

ImportSession::ValueAction ImportSession::decision(const std::string& field, const std::string& value,
                                                   std::string* target) const {
    if (auto to = decisions_.mapped(field, value)) {
        if (target) *target = *to;
        return ValueAction::Map;
    }
    if (decisions_.adds(field, value)) return ValueAction::Add;
    return ValueAction::Reject;
}

void ImportSession::decide(const std::string& field, const std::string& value, ValueAction action, const std::string& target) {
    previewed_ = false;
    switch (action) {
        case ValueAction::Reject: decisions_.reject_value(field, value); break;
        case ValueAction::Add: decisions_.add_value(field, value); break;
        case ValueAction::Map:
            if (target.empty()) throw ValidationError("请选择“" + value + "”对应的" + decision_field_label(field));
            decisions_.map_value(field, value, target);
            break;
    }
}

std::vector<std::string> ImportSession::value_targets(const std::string& field) const {
    std::vector<std::string> out;
    if (field == "nature" || field == "level") {
        if (const FieldDef* f = find_field(RecordKind::Projects, field))
            for (auto c : f->choices) out.emplace_back(c);
        return out;
    }
    DictionaryLookup d = DictionaryLookup::load(db_);
    for (const auto& e : d.entries(field)) out.push_back(e.name);
    return out;
}

std::vector<PreviewLine> ImportSession::preview_lines() const {
    std::vector<PreviewLine> out;
    std::map<std::string, std::size_t> sheet_order;
    std::map<std::string, int> name_col;
    for (std::size_t i = 0; i < plan_.sheets.size(); ++i) {
        sheet_order[plan_.sheets[i].layout.sheet] = i;
        if (const auto* b = plan_.sheets[i].mapping.find("name")) name_col[plan_.sheets[i].layout.sheet] = b->col;
    }
    for (const auto& r : plan_.records) {
        PreviewLine l;
        l.sheet = r.source.sheet;
        l.row = r.source.row;
        l.record = r.display;
        switch (r.outcome) {
            case Outcome::New: l.status = PreviewLine::New; break;
            case Outcome::Unchanged: l.status = PreviewLine::Unchanged; break;
            case Outcome::Changed: l.status = PreviewLine::Changed; break;
        }
        if (r.outcome != Outcome::Changed || r.changes.empty()) {
            out.push_back(l);
            continue;
        }
        for (const auto& c : r.changes) {
            l.field = c.field;
            l.old_value = c.old_value;
            l.new_value = c.new_value;
            out.push_back(l);
        }
    }
    for (const auto& rj : plan_.rejected) {
        PreviewLine l;
        l.status = PreviewLine::Rejected;
        l.sheet = rj.source.sheet;
        l.row = rj.source.row;
        if (auto it = name_col.find(rj.source.sheet); it != name_col.end() && it->second >= 0 &&
                                                      static_cast<std::size_t>(it->second) < rj.source.cells.size())
            l.record = cell_text(rj.source.cells[static_cast<std::size_t>(it->second)]);
        for (const auto& issue : rj.issues) {
            l.field = issue.field;
            l.new_value = issue.reason;
            out.push_back(l);
        }
    }
    // In the file's order: sheet, then row.
    std::stable_sort(out.begin(), out.end(), [&](const PreviewLine& a, const PreviewLine& b) {
        std::size_t sa = sheet_order.count(a.sheet) ? sheet_order[a.sheet] : 0;
        std::size_t sb = sheet_order.count(b.sheet) ? sheet_order[b.sheet] : 0;
        return sa != sb ? sa < sb : a.row < b.row;
    });
    return out;
}

}  // namespace il::import
