#include "core/util/utf8_path.h"

#include <cstdlib>

#ifdef _WIN32
#include <windows.h>
#endif

namespace il {

std::filesystem::path u8path(std::string_view utf8) {
#ifdef _WIN32
    std::u8string s(utf8.begin(), utf8.end());
    return std::filesystem::path(s);
#else
    return std::filesystem::path(std::string(utf8));
#endif
}

std::string path_utf8(const std::filesystem::path& p) {
#ifdef _WIN32
    auto s = p.u8string();
    return std::string(s.begin(), s.end());
#else
    return p.string();
#endif
}

std::string env_utf8(const char* name) {
#ifdef _WIN32
    std::wstring wname(name, name + std::char_traits<char>::length(name));
    const wchar_t* v = _wgetenv(wname.c_str());
    if (!v) return {};
    return path_utf8(std::filesystem::path(v));
#else
    const char* v = std::getenv(name);
    return v ? v : "";
#endif
}

}  // namespace il
