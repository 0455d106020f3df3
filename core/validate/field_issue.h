#pragma once
// Field-level validation results, shared by the GUI (shown at the field), the CLI and import
// (reported with the row).
#include <string>
#include <vector>

#include "core/util/error.h"

namespace il {

struct FieldIssue {
    std::string field;   // the model field name, e.g. "total_investment"
    std::string reason;  // Chinese text a user understands: "总投资不能为负数"
};

// Thrown when a record fails validation; carries every issue found, not just the first.
class RecordInvalid : public ValidationError {
public:
    RecordInvalid(std::string record, std::vector<FieldIssue> issues);
    const std::string& record() const { return record_; }
    const std::vector<FieldIssue>& issues() const { return issues_; }

private:
    std::string record_;
    std::vector<FieldIssue> issues_;
};

// A record was changed by someone else since it was read (its version moved on).
class StaleRecord : public DatabaseError {
public:
    using DatabaseError::DatabaseError;
};

// The change touches a locked (封账) period.
class PeriodLocked : public DatabaseError {
public:
    using DatabaseError::DatabaseError;
};

}  // namespace il
