#include "core/city/package_format.h"

#include <minizip/zip.h>

#include <nlohmann/json.hpp>
#include <ctime>
#include <system_error>

#include "core/util/atomic_write.h"
#include "core/util/error.h"
#include "core/util/sha256.h"
#include "core/util/utf8_path.h"

namespace il::city {
namespace fs = std::filesystem;
using nlohmann::json;

std::string manifest_to_json(const Manifest& m) {
    json j;
    j["format"] = m.format;
    j["format_version"] = m.format_version;
    j["uid"] = m.uid;
    j["office"] = m.office;
    j["regions"] = m.regions;
    j["period"] = m.period.key();
    j["created_at"] = m.created_at;
    j["created_by"] = m.created_by;
    j["tool_version"] = m.tool_version;
    j["schema_version"] = m.schema_version;
    j["templates"] = json::array();
    for (const auto& t : m.templates) j["templates"].push_back({{"id", t.id}, {"version", t.version}});
    j["counts"] = m.counts;
    j["files"] = json::array();
    for (const auto& f : m.files) j["files"].push_back({{"name", f.name}, {"size", f.size}, {"sha256", f.sha256}});
    return j.dump(2);
}

namespace {
[[noreturn]] void bad(const std::string& what) { throw ValidationError("上报包清单（manifest.json）无效：" + what); }

const json& field(const json& j, const char* key, json::value_t type) {
    auto it = j.find(key);
    if (it == j.end()) bad(std::string("缺少字段 ") + key);
    bool ok = it->type() == type || (type == json::value_t::number_unsigned && it->is_number_integer() && *it >= 0) ||
              (type == json::value_t::number_integer && it->is_number_integer());
    if (!ok) bad(std::string("字段 ") + key + " 的类型不对");
    return *it;
}
}  // namespace

Manifest manifest_from_json(const std::string& text) {
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) bad("不是 JSON 对象");
    Manifest m;
    m.format = field(j, "format", json::value_t::string).get<std::string>();
    if (m.format != kPackageFormat) bad("不是投资项目台账的上报包（format = " + m.format + "）");
    // The version fields first: a newer program's package is refused by the caller with a clear
    // message even if the rest of its manifest looks different.
    m.format_version = field(j, "format_version", json::value_t::number_integer).get<int>();
    m.tool_version = field(j, "tool_version", json::value_t::string).get<std::string>();
    m.schema_version = field(j, "schema_version", json::value_t::number_integer).get<int>();
    if (m.format_version > kPackageFormatVersion) return m;
    m.uid = field(j, "uid", json::value_t::string).get<std::string>();
    m.office = field(j, "office", json::value_t::string).get<std::string>();
    if (m.office.empty()) bad("上报单位（office）为空");
    for (const auto& r : field(j, "regions", json::value_t::array)) {
        if (!r.is_string() || r.get<std::string>().empty()) bad("regions 中有无效的县市区名称");
        m.regions.push_back(r.get<std::string>());
    }
    if (m.regions.empty()) bad("没有列出县市区（regions）");
    auto period = parse_period(field(j, "period", json::value_t::string).get<std::string>());
    if (!period) bad("期间（period）无效");
    m.period = *period;
    m.created_at = field(j, "created_at", json::value_t::string).get<std::string>();
    m.created_by = field(j, "created_by", json::value_t::string).get<std::string>();
    for (const auto& t : field(j, "templates", json::value_t::array)) {
        if (!t.is_object() || !t.contains("id") || !t["id"].is_string() || !t.contains("version") ||
            !t["version"].is_string())
            bad("templates 中有无效的条目");
        m.templates.push_back({t["id"].get<std::string>(), t["version"].get<std::string>()});
    }
    for (const auto& [k, v] : field(j, "counts", json::value_t::object).items()) {
        if (!v.is_number_integer()) bad("counts." + k + " 不是整数");
        m.counts[k] = v.get<std::int64_t>();
    }
    for (const auto& f : field(j, "files", json::value_t::array)) {
        if (!f.is_object()) bad("files 中有无效的条目");
        PackageFile pf;
        pf.name = field(f, "name", json::value_t::string).get<std::string>();
        pf.size = field(f, "size", json::value_t::number_unsigned).get<std::uint64_t>();
        pf.sha256 = field(f, "sha256", json::value_t::string).get<std::string>();
        m.files.push_back(pf);
    }
    return m;
}

namespace {
void add_entry(zipFile z, const std::string& name, const std::string& bytes, const fs::path& out) {
    zip_fileinfo info{};
    // The local time of writing as the entries' date (zip tools show it).
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    if (const std::tm* local = std::localtime(&now)) tm = *local;  // portable; only the date shown
    info.tmz_date.tm_sec = static_cast<uInt>(tm.tm_sec);
    info.tmz_date.tm_min = static_cast<uInt>(tm.tm_min);
    info.tmz_date.tm_hour = static_cast<uInt>(tm.tm_hour);
    info.tmz_date.tm_mday = static_cast<uInt>(tm.tm_mday);
    info.tmz_date.tm_mon = static_cast<uInt>(tm.tm_mon);
    info.tmz_date.tm_year = static_cast<uInt>(tm.tm_year + 1900);
    if (zipOpenNewFileInZip64(z, name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, 6, 1) != ZIP_OK)
        throw FileError("无法写入上报包 " + il::path_utf8(out) + "（" + name + "）");
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        unsigned n = static_cast<unsigned>(std::min<std::size_t>(bytes.size() - pos, 1u << 20));
        if (zipWriteInFileInZip(z, bytes.data() + pos, n) != ZIP_OK) {
            zipCloseFileInZip(z);
            throw FileError("写入上报包失败：" + il::path_utf8(out) + "（" + name + "，磁盘已满？）");
        }
        pos += n;
    }
    if (zipCloseFileInZip(z) != ZIP_OK) throw FileError("写入上报包失败：" + il::path_utf8(out) + "（" + name + "）");
}
}  // namespace

void write_package_zip(const fs::path& out, Manifest manifest,
                       const std::vector<std::pair<std::string, std::string>>& parts) {
    manifest.files.clear();
    for (const auto& [name, bytes] : parts) manifest.files.push_back({name, bytes.size(), sha256_hex(bytes)});
    std::string manifest_text = manifest_to_json(manifest);
    fs::path temp = temp_path_for(out);
    zipFile z = zipOpen64(il::path_utf8(temp).c_str(), APPEND_STATUS_CREATE);
    if (!z) throw FileError("无法创建上报包：" + il::path_utf8(out));
    try {
        add_entry(z, kManifestEntry, manifest_text, out);
        add_entry(z, kManifestHashEntry, sha256_hex(manifest_text) + "\n", out);
        for (const auto& [name, bytes] : parts) add_entry(z, name, bytes, out);
    } catch (...) {
        zipClose(z, nullptr);
        std::error_code ec;
        fs::remove(temp, ec);
        throw;
    }
    if (zipClose(z, nullptr) != ZIP_OK) {
        std::error_code ec;
        fs::remove(temp, ec);
        throw FileError("写入上报包失败：" + il::path_utf8(out));
    }
    commit_temp_file(temp, out);
}

}  // namespace il::city
