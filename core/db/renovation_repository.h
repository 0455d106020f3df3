#pragma once
// Storage of 技改项目 (technical-renovation items), their annual plans and monthly figures.
// Same rules as projects: validated, one transaction per write, version check (StaleRecord),
// audit log.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/db/audit.h"
#include "core/db/database.h"
#include "core/db/references.h"
#include "core/model/renovation.h"
#include "core/validate/field_issue.h"

namespace il::db {

struct RenovationFilter {
    std::optional<std::int64_t> region_id, zone_id;
    std::optional<std::string> stage, kind;
    std::string search;  // enterprise, name, filing number (substring)
    std::optional<int> limit;
};

struct RenovationRow {
    std::int64_t id = 0;
    std::string uid, enterprise, name, filing_number, region, zone, kind, stage;
    Money total_investment, equipment_investment;
    bool in_statistics = false;
    std::int64_t region_id = 0, zone_id = 0;  // 0: none
};

class RenovationRepository {
public:
    explicit RenovationRepository(Database& db) : db_(db), refs_(db) {}

    // For a batch of writes in one transaction that does not change the dictionaries (an
    // import): validate every record against the dictionaries as loaded at the first write.
    void keep_references_loaded() { refs_.keep_loaded(); }

    std::int64_t insert(Renovation& r);
    void update(Renovation& r, const std::string& reason = "");
    void remove(std::int64_t id);

    std::optional<Renovation> get(std::int64_t id);
    std::optional<Renovation> find_by_filing_number(const std::string& filing_number);
    std::vector<RenovationRow> list(const RenovationFilter& filter = {});
    std::int64_t count();
    // Every record (with its children), in id order; for `check` and exports.
    void for_each(const std::function<void(const Renovation&)>& fn);

    // As ProjectRepository::set_progress.
    void set_progress(const RenovationProgress& entry, bool entered_as_ytd);
    std::vector<RenovationProgress> progress(std::int64_t renovation_id, int year);

    static FieldValues fields(const Renovation& r);

private:
    Database& db_;
    ReferenceSource refs_;
};

}  // namespace il::db
