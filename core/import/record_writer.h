#pragma once
// Internal to import: writes one planned record through the ledger's repositories (which
// validate, bump versions and write the audit log).
#include <memory>
#include <string>

#include "core/db/database.h"
#include "core/import/import_plan.h"

namespace il::import {

class RecordWriter {
public:
    virtual ~RecordWriter() = default;
    // Inserts or updates rec (rec.existing_id == 0: insert). Throws RecordInvalid and other
    // il::Error on rejection.
    virtual void write(PlannedRecord& rec, const std::string& source_name) = 0;
};

std::unique_ptr<RecordWriter> make_record_writer(db::Database& db, RecordKind kind);
const char* kind_table(RecordKind kind);  // "projects", "renovations", "deals"

std::unique_ptr<RecordWriter> make_renovation_writer(db::Database& db);
std::unique_ptr<RecordWriter> make_deal_writer(db::Database& db);

}  // namespace il::import
