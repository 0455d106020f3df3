#include "core/model/deal.h"

namespace il {
const char* currency_code(Currency c) { return c == Currency::USD ? "USD" : "CNY"; }
}  // namespace il
