#pragma once
// Storage of annual targets (年度目标) per region or per zone and year: projects to implement,
// investment to complete, 技改 items, amount signed, funds in place, foreign capital. One row per
// (year, region) or (year, zone); set() replaces it. Validated, atomic, audited.
#include <cstdint>
#include <optional>
#include <vector>

#include "core/db/audit.h"
#include "core/db/database.h"
#include "core/model/dictionary.h"
#include "core/validate/field_issue.h"

namespace il::db {

class TargetRepository {
public:
    explicit TargetRepository(Database& db) : db_(db) {}

    // Inserts or replaces the target of (year, region) or (year, zone). Returns its id.
    std::int64_t set(AnnualTarget& target);
    void remove(std::int64_t id);
    std::optional<AnnualTarget> for_region(int year, std::int64_t region_id);
    std::optional<AnnualTarget> for_zone(int year, std::int64_t zone_id);
    // Every target of the year: regions first, then zones.
    std::vector<AnnualTarget> list(int year);

    static FieldValues fields(const AnnualTarget& t);

private:
    Database& db_;
};

}  // namespace il::db
