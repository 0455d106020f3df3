#pragma once
// A period given on the command line ("2017-06", "2017年6月" … as core's parse_period reads it):
// one parser and one message for every subcommand.
#include <string>

#include "core/model/period.h"

namespace il::cli {

// Throws ValidationError naming the option's meaning (`what`, e.g. "报告期") and the text given.
Period period_option(const std::string& text, const std::string& what = "期间");

}  // namespace il::cli
