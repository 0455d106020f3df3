#include "core/db/references.h"

namespace il::db {

validate::References load_references(Database& db, bool with_projects) {
    validate::References r;
    {
        auto q_stmt = db.prepared("SELECT id, name FROM regions");
        Query& q = *q_stmt;
        while (q.executeStep()) {
            r.regions.insert(q.getColumn(0).getInt64());
            r.region_names[q.getColumn(0).getInt64()] = q.getColumn(1).getString();
        }
    }
    {
        auto q_stmt = db.prepared("SELECT id, region_id, name FROM zones");
        Query& q = *q_stmt;
        while (q.executeStep()) {
            r.zone_region[q.getColumn(0).getInt64()] = q.getColumn(1).getInt64();
            r.zone_names[q.getColumn(0).getInt64()] = q.getColumn(2).getString();
        }
    }
    {
        auto q_stmt = db.prepared("SELECT id FROM industries");
        Query& q = *q_stmt;
        while (q.executeStep()) r.industries.insert(q.getColumn(0).getInt64());
    }
    {
        auto q_stmt = db.prepared("SELECT id FROM categories");
        Query& q = *q_stmt;
        while (q.executeStep()) r.categories.insert(q.getColumn(0).getInt64());
    }
    r.projects_loaded = with_projects;
    if (with_projects) {
        auto q_stmt = db.prepared("SELECT id FROM projects");
        Query& q = *q_stmt;
        while (q.executeStep()) r.projects.insert(q.getColumn(0).getInt64());
    }
    return r;
}

}  // namespace il::db
