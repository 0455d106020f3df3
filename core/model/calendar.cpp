#include "core/model/calendar.h"

#include <cstdio>

namespace il {

std::string iso_month(int year, int month) {
    char b[24];
    std::snprintf(b, sizeof b, "%04d-%02d", year, month);
    return b;
}

std::string iso_date(int year, int month, int day) {
    char b[32];
    std::snprintf(b, sizeof b, "%04d-%02d-%02d", year, month, day);
    return b;
}

}  // namespace il
