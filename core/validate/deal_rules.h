#pragma once
// Validation of 招商引资 deals, their funds-in-place transactions and follow-ups.
#include <vector>

#include "core/model/deal.h"
#include "core/validate/common.h"

namespace il::validate {

// name required; origin, stage, contract type valid; 境外 needs a country; contract amount
// non-negative; stage dates well-formed (YYYY-MM-DD or YYYY-MM); region, zone (inside the
// region), industry, category, project known (when refs given); each fund and follow-up valid.
std::vector<FieldIssue> validate_deal(const Deal& d, const References* refs = nullptr);

// date YYYY-MM-DD; amount non-negative; CNY at rate 1 (1000000); USD rate positive and
// amount_cny equal to usd_to_cny(amount, rate).
std::vector<FieldIssue> validate_funds(const FundsInPlace& f);
std::vector<FieldIssue> validate_followup(const FollowUp& f);

}  // namespace il::validate
