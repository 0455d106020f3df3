#include "core/import/read/number_format.h"

namespace il::import::detail {

bool is_builtin_date_format(int id) {
    return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
           (id >= 50 && id <= 58);
}

bool is_date_format_code(std::string_view code) {
    bool in_quotes = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        char c = code[i];
        if (in_quotes) {
            if (c == '"') in_quotes = false;
            continue;
        }
        switch (c) {
            case '"': in_quotes = true; break;
            case '\\':
            case '_':
            case '*': ++i; break;  // the next character is literal / a width / a fill
            case '[': {
                // [Red], [$-804], [DBNum1] are not dates; [h], [mm], [ss] (elapsed time) are.
                auto close = code.find(']', i);
                if (close == std::string_view::npos) return false;
                auto inside = code.substr(i + 1, close - i - 1);
                bool elapsed = !inside.empty();
                for (char e : inside)
                    if (e != 'h' && e != 'H' && e != 'm' && e != 'M' && e != 's' && e != 'S') elapsed = false;
                if (elapsed) return true;
                i = close;
                break;
            }
            case ';': return false;  // only the first (positive) section decides
            case 'y': case 'Y': case 'm': case 'M': case 'd': case 'D':
            case 'h': case 'H': case 's': case 'S':
                return true;
            default: break;
        }
    }
    return false;
}

double excel_serial(int y, int m, int d) {
    // days_from_civil (H. Hinnant), then shift to 1899-12-30.
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(d) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const long days = static_cast<long>(era) * 146097 + static_cast<long>(doe) - 719468;  // since 1970-01-01
    return static_cast<double>(days + 25569);
}

}  // namespace il::import::detail
