#pragma once
// Validation of 技改项目 and their monthly figures.
#include <vector>

#include "core/model/renovation.h"
#include "core/validate/common.h"

namespace il::validate {

// enterprise and name required; amounts non-negative; equipment_investment not above
// total_investment; kind and stage valid; dates well-formed and start not after completion;
// region, zone (inside the region), industry known (竣工/投产 without actual_completion is a
// warning: completeness.h).
std::vector<FieldIssue> validate_renovation(const Renovation& r, const References* refs = nullptr);

std::vector<FieldIssue> validate_renovation_progress(const RenovationProgress& e, Money total_investment);

}  // namespace il::validate
