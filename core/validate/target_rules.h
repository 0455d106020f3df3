#pragma once
// Validation of annual targets (年度目标) per region or zone.
#include <vector>

#include "core/model/dictionary.h"
#include "core/validate/common.h"

namespace il::validate {

// year 1900-2200; exactly one of region_id / zone_id; both known (when refs given); every figure
// non-negative.
std::vector<FieldIssue> validate_target(const AnnualTarget& t, const References* refs = nullptr);

}  // namespace il::validate
