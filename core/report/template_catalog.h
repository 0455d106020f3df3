#pragma once
// Where report templates are found: the user's own templates folder first (a copied and edited
// template there takes the place of the shipped one with the same id), then the shipped set.
#include <filesystem>
#include <string>
#include <vector>

#include "core/report/template_def.h"

namespace il::report {

// <user data dir>/templates: where a user puts copied or own templates.
std::filesystem::path user_templates_dir();
// The default search path: user_templates_dir(), then platform::templates_dir().
std::vector<std::filesystem::path> default_template_dirs();

struct TemplateEntry {
    std::string id, name, version;
    std::filesystem::path folder;
    int order = 100;
    bool standard = true;
    bool user = false;           // from the user's folder
    bool shadowed = false;       // a template with the same id earlier in the path wins
    std::string error;           // non-empty: the template is broken (the message names the place)
};

class TemplateCatalog {
public:
    explicit TemplateCatalog(std::vector<std::filesystem::path> dirs = default_template_dirs());

    // Every template folder found (broken ones with their error), in set order.
    const std::vector<TemplateEntry>& entries() const { return entries_; }
    // Loads a template by id, or from a folder path given directly. Throws NotFoundError naming
    // the available ids, or TemplateError when the template is broken.
    TemplateDef load(const std::string& id_or_folder) const;
    // The standard set (`--all`): templates marked standard, in order.
    std::vector<TemplateDef> load_standard_set() const;
    const std::vector<std::filesystem::path>& dirs() const { return dirs_; }

private:
    std::vector<std::filesystem::path> dirs_;
    std::vector<TemplateEntry> entries_;
};

}  // namespace il::report
