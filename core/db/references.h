#pragma once
// Loads the dictionary entries that exist, for the validators' reference checks.
#include <optional>

#include "core/db/database.h"
#include "core/validate/common.h"

namespace il::db {

// Regions, zones (with their region), industries, categories; with_projects also loads the
// ids of every project (for deals that link to one).
validate::References load_references(Database& db, bool with_projects = false);

// What a repository validates against: loaded afresh for every write, or, after keep_loaded(),
// once for a batch of writes in one transaction during which the dictionaries do not change (an
// import of 10,000 rows would otherwise reload them 10,000 times).
class ReferenceSource {
public:
    explicit ReferenceSource(Database& db, bool with_projects = false) : db_(db), with_projects_(with_projects) {}
    void keep_loaded() { keep_ = true; }
    const validate::References& get() {
        if (!keep_ || !loaded_) loaded_ = load_references(db_, with_projects_);
        return *loaded_;
    }

private:
    Database& db_;
    bool with_projects_;
    bool keep_ = false;
    std::optional<validate::References> loaded_;
};

}  // namespace il::db
