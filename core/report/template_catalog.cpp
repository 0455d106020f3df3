#include "core/report/template_catalog.h"

#include <algorithm>
#include <set>

#include "core/platform/paths.h"
#include "core/util/error.h"
#include "core/util/utf8_path.h"

namespace il::report {
namespace fs = std::filesystem;

fs::path user_templates_dir() { return platform::user_data_dir() / "templates"; }

std::vector<fs::path> default_template_dirs() { return {user_templates_dir(), platform::templates_dir()}; }

TemplateCatalog::TemplateCatalog(std::vector<fs::path> dirs) : dirs_(std::move(dirs)) {
    std::set<std::string> seen;
    for (std::size_t d = 0; d < dirs_.size(); ++d) {
        std::error_code ec;
        if (!fs::is_directory(dirs_[d], ec)) continue;
        std::vector<fs::path> folders;
        for (const auto& e : fs::directory_iterator(dirs_[d], ec))
            if (e.is_directory(ec) && fs::exists(e.path() / "template.json", ec)) folders.push_back(e.path());
        std::sort(folders.begin(), folders.end());
        for (const auto& folder : folders) {
            TemplateEntry entry;
            entry.folder = folder;
            entry.user = dirs_[d] == user_templates_dir();
            try {
                TemplateDef t = load_template(folder);
                entry.id = t.id;
                entry.name = t.name;
                entry.version = t.version;
                entry.order = t.order;
                entry.standard = t.standard;
            } catch (const Error& e) {
                entry.id = il::path_utf8(folder.filename());
                entry.error = e.what();
            }
            entry.shadowed = !seen.insert(entry.id).second;
            entries_.push_back(std::move(entry));
        }
    }
    std::stable_sort(entries_.begin(), entries_.end(),
                     [](const TemplateEntry& a, const TemplateEntry& b) { return a.order < b.order; });
}

TemplateDef TemplateCatalog::load(const std::string& id_or_folder) const {
    std::error_code ec;
    if (id_or_folder.find('/') != std::string::npos || id_or_folder.find('\\') != std::string::npos) {
        if (!fs::is_directory(id_or_folder, ec)) throw NotFoundError("模板文件夹不存在：" + id_or_folder);
        return load_template(id_or_folder);
    }
    for (const auto& e : entries_) {
        if (e.shadowed || e.id != id_or_folder) continue;
        if (!e.error.empty()) throw TemplateError(e.error);
        return load_template(e.folder);
    }
    // A folder name (not the id) is accepted too.
    for (const auto& e : entries_)
        if (!e.shadowed && e.folder.filename() == id_or_folder) {
            if (!e.error.empty()) throw TemplateError(e.error);
            return load_template(e.folder);
        }
    std::string known;
    for (const auto& e : entries_)
        if (!e.shadowed) known += (known.empty() ? "" : "、") + e.id;
    std::string where;
    for (const auto& d : dirs_) where += (where.empty() ? "" : "、") + il::path_utf8(d);
    throw NotFoundError("找不到报表模板“" + id_or_folder + "”（可用：" + (known.empty() ? "无" : known) +
                        "；查找位置：" + where + "）");
}

std::vector<TemplateDef> TemplateCatalog::load_standard_set() const {
    std::vector<TemplateDef> out;
    for (const auto& e : entries_) {
        if (e.shadowed || !e.standard) continue;
        if (!e.error.empty()) throw TemplateError(e.error);
        out.push_back(load_template(e.folder));
    }
    if (out.empty()) {
        std::string where;
        for (const auto& d : dirs_) where += (where.empty() ? "" : "、") + il::path_utf8(d);
        throw NotFoundError("没有找到任何报表模板（查找位置：" + where + "）");
    }
    return out;
}

}  // namespace il::report
