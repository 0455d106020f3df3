#pragma once
// Validation of dictionary entries and annual targets.
#include <vector>

#include "core/model/dictionary.h"
#include "core/validate/common.h"

namespace il::validate {

std::vector<FieldIssue> validate_region(const Region& r);
std::vector<FieldIssue> validate_zone(const Zone& z, const References* refs = nullptr);
std::vector<FieldIssue> validate_industry(const Industry& i);
std::vector<FieldIssue> validate_category(const Category& c);

}  // namespace il::validate
