#pragma once
#include <string>
#include <vector>

namespace il::db {

// One schema step: applying it moves a database from version - 1 to version.
struct MigrationStep {
    int version;
    const char* name;
    const char* sql;
};

// All steps in order; the last one's version is the schema version this program writes.
const std::vector<MigrationStep>& migration_steps();

}  // namespace il::db
