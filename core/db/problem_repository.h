#pragma once
// Storage of a project's 存在问题 (problems: 交办 -> 督办 -> 办结). Every write validates first,
// runs in one transaction, bumps `version` and writes the audit log; a write on a stale copy
// throws StaleRecord.
#include <cstdint>
#include <optional>
#include <vector>

#include "core/db/database.h"
#include "core/model/project.h"

namespace il::db {

class ProblemRepository {
public:
    explicit ProblemRepository(Database& db) : db_(db) {}

    // Stores a new problem of problem.project_id (id, uid, version set on return). Throws
    // NotFoundError (no such project) or RecordInvalid.
    std::int64_t add(Problem& problem);
    // problem.version must equal the stored one (else StaleRecord); the new version on return.
    void update(Problem& problem);
    // Deletes one problem (audit entry with its last values). `version`: 0 skips the check,
    // otherwise it must equal the stored one (else StaleRecord).
    void remove(std::int64_t problem_id, std::int64_t version = 0);
    std::optional<Problem> get(std::int64_t problem_id);
    // A project's problems in the order they were added.
    std::vector<Problem> for_project(std::int64_t project_id);

private:
    Database& db_;
};

}  // namespace il::db
