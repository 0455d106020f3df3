#include "cli/period_option.h"

#include "core/util/error.h"

namespace il::cli {

Period period_option(const std::string& text, const std::string& what) {
    if (auto p = parse_period(text)) return *p;
    throw ValidationError(what + "“" + text + "”格式不对，应为 YYYY-MM，例如 2017-06");
}

}  // namespace il::cli
