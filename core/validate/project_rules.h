#pragma once
// Validation of 亿元以上项目, their monthly progress and problems. Returns every issue found
// (empty: valid). Field names are the model's (core/model/project.h); reasons are Chinese.
#include <vector>

#include "core/model/project.h"
#include "core/validate/common.h"

namespace il::validate {

// name required; amounts and plans non-negative; vocabularies; dates well-formed; actual (and
// planned) start not after completion; project code well-formed (a missing code or 竣工 without
// actual_completion is a warning: completeness.h); region, zone (inside the region), industry, category known (when refs given).
std::vector<FieldIssue> validate_project(const Project& p, const References* refs = nullptr);

// A month's figures: month 1-12, year sane, ytd and month figure non-negative, ytd not above the
// project's total investment (when total > 0).
std::vector<FieldIssue> validate_progress(const ProgressEntry& e, Money total_investment);

// description required; status valid; dates well-formed; 督办 needs supervised_date, 销号 needs
// closed_date.
std::vector<FieldIssue> validate_problem(const Problem& p);

}  // namespace il::validate
