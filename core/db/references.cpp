#include "core/db/references.h"

namespace il::db {

validate::References load_references(Database& db, bool with_projects) {
    validate::References r;
    {
        SQLite::Statement q(db.sql(), "SELECT id, name FROM regions");
        while (q.executeStep()) {
            r.regions.insert(q.getColumn(0).getInt64());
            r.region_names[q.getColumn(0).getInt64()] = q.getColumn(1).getString();
        }
    }
    {
        SQLite::Statement q(db.sql(), "SELECT id, region_id, name FROM zones");
        while (q.executeStep()) {
            r.zone_region[q.getColumn(0).getInt64()] = q.getColumn(1).getInt64();
            r.zone_names[q.getColumn(0).getInt64()] = q.getColumn(2).getString();
        }
    }
    {
        SQLite::Statement q(db.sql(), "SELECT id FROM industries");
        while (q.executeStep()) r.industries.insert(q.getColumn(0).getInt64());
    }
    {
        SQLite::Statement q(db.sql(), "SELECT id FROM categories");
        while (q.executeStep()) r.categories.insert(q.getColumn(0).getInt64());
    }
    r.projects_loaded = with_projects;
    if (with_projects) {
        SQLite::Statement q(db.sql(), "SELECT id FROM projects");
        while (q.executeStep()) r.projects.insert(q.getColumn(0).getInt64());
    }
    return r;
}

}  // namespace il::db
