#pragma once
// Missing information is not wrong data: a 竣工 project without its 实际竣工时间, a project
// without a 项目代码, a deal without a contact are real records whose information is incomplete.
// These rules give warnings, never rejections: repositories store them on the record (column
// `warnings`, one reason per line, refreshed on every write), `check` and the 预警清单 list them,
// an import reports them beside the rows it writes. Wrong data (a negative amount, YTD above the
// total, a duplicate, an empty name) stays a rejection in the *_rules.h validators.
#include <string>
#include <vector>

#include "core/model/deal.h"
#include "core/model/project.h"
#include "core/model/renovation.h"
#include "core/validate/field_issue.h"

namespace il::validate {

std::vector<FieldIssue> missing_information(const Project& p);
std::vector<FieldIssue> missing_information(const Renovation& r);
std::vector<FieldIssue> missing_information(const Deal& d);

// The stored form: the reasons, one per line ("" when nothing is missing).
std::string warnings_text(const std::vector<FieldIssue>& issues);

}  // namespace il::validate
