#pragma once
// Storage of 亿元以上项目, their plans, approvals and monthly progress (their 存在问题:
// problem_repository.h). Every write
// validates first (core/validate), runs in one transaction, bumps `version`, and writes the
// audit log; a write on a stale copy throws StaleRecord; nothing is ever half-written.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/db/audit.h"
#include "core/db/database.h"
#include "core/db/references.h"
#include "core/model/period.h"
#include "core/model/project.h"
#include "core/validate/field_issue.h"

namespace il::db {

struct ProjectFilter {
    std::optional<std::int64_t> region_id, zone_id, category_id;
    std::optional<std::string> stage, level;
    std::string search;            // matches name, owner, code (substring)
    std::optional<int> limit;
};

// A flat row for lists: what the list views and `list projects` show.
struct ProjectRow {
    std::int64_t id = 0;
    std::string uid, code, name, owner, region, zone, category, stage, level, nature;
    Money total_investment;
    std::int64_t region_id = 0, zone_id = 0, category_id = 0;  // 0: none
};

class ProjectRepository {
public:
    explicit ProjectRepository(Database& db) : db_(db), refs_(db) {}

    // For a batch of writes in one transaction that does not change the dictionaries (an
    // import): validate every record against the dictionaries as loaded at the first write.
    void keep_references_loaded() { refs_.keep_loaded(); }

    // Validates and stores a new project (id, uid, version set on return). Throws RecordInvalid.
    std::int64_t insert(Project& project);
    // Validates and stores changes; project.version must equal the stored one (else StaleRecord).
    // On return project.version is the new version.
    void update(Project& project, const std::string& reason = "");
    void remove(std::int64_t id);

    std::optional<Project> get(std::int64_t id);
    std::optional<Project> find_by_code(const std::string& code);
    std::optional<Project> find_by_name(const std::string& name, std::int64_t region_id);
    std::vector<ProjectRow> list(const ProjectFilter& filter = {});
    std::int64_t count();
    // Every project with plans and approvals, in id order, read in three queries (for `check`,
    // exports); `fn` is called once per project.
    void for_each(const std::function<void(const Project&)>& fn);

    // 月度调度: store one month. Give either the month figure (entered_as_ytd = false) or the
    // year-to-date figure (true); the other is derived from the previous month's ytd, and the
    // following months' month figures are re-derived. Throws RecordInvalid (e.g. ytd > total).
    void set_progress(const ProgressEntry& entry, bool entered_as_ytd);
    std::vector<ProgressEntry> progress(std::int64_t project_id, int year);
    // Every month stored for the project, all years, oldest first (`show`).
    std::vector<ProgressEntry> progress_history(std::int64_t project_id);
    std::optional<ProgressEntry> progress_at(std::int64_t project_id, int year, int month);

    // Field snapshot used by the audit log, import preview and `show`.
    static FieldValues fields(const Project& project);

private:
    Database& db_;
    ReferenceSource refs_;
};

}  // namespace il::db
