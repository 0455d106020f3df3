#include "gui/import_session.h"

#include <algorithm>
#include <map>

#include "core/import/errors_workbook.h"
#include "core/import/kind_guess.h"
#include "core/import/sheet_grid.h"
#include "core/util/error.h"
#include "core/util/utf8_path.h"

namespace il::gui {
namespace fs = std::filesystem;
using import::RecordKind;

void ImportSession::load(const fs::path& file) {
    import::Workbook wb = import::read_workbook(file);
    file_ = file;
    workbook_ = std::move(wb);
    loaded_ = true;
    previewed_ = false;
    kind_source_ = KindSource::Default;
    kind_preset_.clear();
    kind_ = RecordKind::Projects;
    sheet_.clear();
    // A preset saved for this header layout knows best; else the headers decide.
    if (auto p = import::preset_for_workbook(db_, workbook_)) {
        kind_ = p->kind;
        kind_source_ = KindSource::Preset;
        kind_preset_ = p->name;
    } else if (auto g = import::guess_kind(workbook_)) {
        kind_ = g->kind;
        kind_source_ = KindSource::Headers;
        sheet_ = g->sheet;
    }
    if (sheet_.empty())
        if (auto g = import::guess_kind(workbook_); g && kind_source_ == KindSource::Preset) sheet_ = g->sheet;
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
    for (const auto& s : workbook_.sheets) {
        if (s.name != sheet_ || s.is_chart) continue;
        import::SheetGrid grid(s);
        layout_ = import::detect_layout(grid, kind_);
        // No known name header: offer the table for the user to map (SheetLayout::guessed)
        if (!layout_) layout_ = import::guess_table_layout(grid, kind_);
    }
    if (layout_) map_automatically();
}

void ImportSession::map_automatically() {
    if (!layout_) return;
    previewed_ = false;
    if (auto p = import::preset_for_signature(db_, kind_, import::layout_signature(*layout_))) {
        use_preset(*p);
        return;
    }
    preset_name_.clear();
    mapping_ = import::auto_map(*layout_, kind_, {});
}

void ImportSession::use_preset(const import::Preset& preset) {
    if (!layout_) return;
    previewed_ = false;
    mapping_ = import::apply_preset(preset.mapping, *layout_, kind_, {});
    preset_name_ = preset.name;
}

std::vector<import::Preset> ImportSession::presets() const {
    std::vector<import::Preset> out;
    for (auto& p : import::list_presets(db_))
        if (p.kind == kind_) out.push_back(std::move(p));
    return out;
}

void ImportSession::save_preset(const std::string& name) {
    if (!layout_) throw ValidationError("没有可保存的列对应");
    import::save_preset(db_, name, import::layout_signature(*layout_), mapping_);
    preset_name_ = name;
}

import::ImportOptions ImportSession::options(bool dry_run) const {
    import::ImportOptions o;
    o.kind = kind_;
    o.sheet = sheet_;
    o.preset = import::mapping_to_json(mapping_);  // the mapping as confirmed, matched by header text
    o.preset_name = preset_name_;
    o.auto_preset = false;
    o.keep_good = keep_good;
    o.dry_run = dry_run;
    o.source_name = il::path_utf8(file_.filename());
    if (!fixed_region.empty()) o.set_fields.emplace_back("region", fixed_region);
    return o;
}

void ImportSession::preview(ProgressSink& progress) {
    previewed_ = false;
    auto o = options(true);
    ProgressRange planning(progress, 0.0, 0.5), trying(progress, 0.5, 1.0);
    import::ImportPlan plan = import::plan_import(db_, workbook_, o, import::DictionaryLookup::load(db_), planning);
    preview_ = import::apply_import(db_, plan, o, trying);  // a dry run: write-time checks, then rolled back
    plan_ = std::move(plan);
    previewed_ = true;
}

import::ImportResult ImportSession::run(ProgressSink& progress) {
    auto o = options(false);
    ProgressRange planning(progress, 0.0, 0.4), writing(progress, 0.4, 1.0);
    import::ImportPlan plan = import::plan_import(db_, workbook_, o, import::DictionaryLookup::load(db_), planning);
    import::ImportResult r = import::apply_import(db_, plan, o, writing);
    plan_ = std::move(plan);
    preview_ = r;
    return r;
}

void ImportSession::save_errors(const fs::path& out) const { import::write_errors_workbook(plan_, out); }

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
            case import::Outcome::New: l.status = PreviewLine::New; break;
            case import::Outcome::Unchanged: l.status = PreviewLine::Unchanged; break;
            case import::Outcome::Changed: l.status = PreviewLine::Changed; break;
        }
        if (r.outcome != import::Outcome::Changed || r.changes.empty()) {
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
            l.record = import::cell_text(rj.source.cells[static_cast<std::size_t>(it->second)]);
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

}  // namespace il::gui
