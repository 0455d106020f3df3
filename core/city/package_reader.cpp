#include "core/city/package_reader.h"

#include <fstream>
#include <set>
#include <sstream>
#include <system_error>

#include "core/db/database.h"
#include "core/import/read/workbook.h"
#include "core/import/read/zip_archive.h"
#include "core/util/sha256.h"
#include "core/util/uid.h"
#include "core/util/utf8_path.h"

namespace il::city {
namespace fs = std::filesystem;

namespace {
constexpr std::uint64_t kMaxPackageBytes = 1024ull * 1024 * 1024;       // 1 GB on disk
constexpr std::uint64_t kMaxUnpackedBytes = 4ull * 1024 * 1024 * 1024;  // all parts unpacked
constexpr std::uint64_t kMaxManifestBytes = 4 * 1024 * 1024;

[[noreturn]] void refuse(const std::string& file, const std::string& why) {
    throw PackageRefused("上报包「" + file + "」不能接收：" + why + "。未写入任何数据。");
}

// The tables a package's ledger may hold: those of a ledger of this schema.
std::set<std::string> ledger_tables() {
    auto db = db::Database::open_memory("schema");
    std::set<std::string> out;
    SQLite::Statement q(db->sql(), "SELECT name FROM sqlite_master WHERE type = 'table'");
    while (q.executeStep()) out.insert(q.getColumn(0).getString());
    return out;
}
}  // namespace

OpenedPackage::~OpenedPackage() {
    if (!scratch.empty()) {
        std::error_code ec;
        fs::remove_all(scratch, ec);
    }
}

std::unique_ptr<OpenedPackage> open_package(const fs::path& file) {
    std::error_code ec;
    auto size = fs::file_size(file, ec);
    auto u8 = file.filename().u8string();
    std::string name(u8.begin(), u8.end());
    if (ec) throw FileError("无法读取上报包：" + il::path_utf8(file) + "（" + ec.message() + "）");
    if (size > kMaxPackageBytes) refuse(name, "文件过大（超过 1 GB），不是正常的上报包");
    std::ifstream in(file, std::ios::binary);
    if (!in) throw FileError("无法读取上报包：" + il::path_utf8(file));
    std::ostringstream ss;
    ss << in.rdbuf();
    return open_package_bytes(ss.str(), name, file);
}

std::unique_ptr<OpenedPackage> open_package_bytes(std::string bytes, std::string file_name, fs::path source) {
    auto p = std::make_unique<OpenedPackage>();
    p->source = std::move(source);
    p->file_name = file_name;
    p->bytes = std::move(bytes);
    p->sha256 = sha256_hex(p->bytes);
    const std::string& label = p->file_name;

    std::unique_ptr<import::detail::ZipArchive> zip;
    try {
        zip = std::make_unique<import::detail::ZipArchive>(p->bytes, label, kMaxUnpackedBytes);
    } catch (const import::ReadError&) {
        refuse(label, "文件不是完整的 zip 上报包（已损坏或被截断）");
    }
    if (!zip->has(kManifestEntry) || !zip->has(kManifestHashEntry))
        refuse(label, "缺少清单 manifest.json / manifest.sha256，不是投资项目台账的上报包");
    std::string manifest_text, manifest_hash;
    try {
        manifest_text = zip->read_all(kManifestEntry, kMaxManifestBytes);
        manifest_hash = zip->read_all(kManifestHashEntry, 200);
    } catch (const import::ReadError&) {
        refuse(label, "清单无法解压（文件已损坏或被截断）");
    }
    while (!manifest_hash.empty() && (manifest_hash.back() == '\n' || manifest_hash.back() == '\r' ||
                                      manifest_hash.back() == ' '))
        manifest_hash.pop_back();
    if (sha256_hex(manifest_text) != manifest_hash)
        refuse(label, "清单 manifest.json 的 SHA-256 校验不符（清单被改动过）");
    try {
        p->manifest = manifest_from_json(manifest_text);
    } catch (const ValidationError& e) {
        refuse(label, e.what());
    }
    const Manifest& m = p->manifest;
    const int current = db::current_schema_version();
    if (m.format_version > kPackageFormatVersion || m.schema_version > current)
        refuse(label, "该上报包由较新版本的投资项目台账（" + m.tool_version + "，上报包格式 " +
                          std::to_string(m.format_version) + "，数据版本 " + std::to_string(m.schema_version) +
                          "）生成，本程序（" + IL_VERSION + "）只支持到上报包格式 " +
                          std::to_string(kPackageFormatVersion) + "、数据版本 " + std::to_string(current) +
                          "。请先升级本程序再接收");
    if (m.schema_version < 1) refuse(label, "清单中的数据版本无效");

    // Every part as listed, byte for byte.
    std::map<std::string, std::string> parts;
    for (const auto& f : m.files) {
        if (f.name != kLedgerEntry && f.name != kReportEntry) continue;  // unknown parts are not used
        if (!zip->has(f.name)) refuse(label, "缺少清单中列出的 " + f.name);
        std::string data;
        try {
            data = zip->read_all(f.name, f.size + 1);
        } catch (const import::ReadError&) {
            refuse(label, f.name + " 无法解压或大小与清单不符（文件已损坏、被截断或被改动）");
        }
        if (data.size() != f.size) refuse(label, f.name + " 的大小与清单不符（被截断或被改动）");
        if (sha256_hex(data) != f.sha256) refuse(label, f.name + " 的 SHA-256 校验不符（内容被改动过）");
        parts[f.name] = std::move(data);
    }
    if (!parts.count(kLedgerEntry)) refuse(label, "清单中没有 ledger.sqlite（台账数据）");
    if (!parts.count(kReportEntry)) refuse(label, "清单中没有 report.xlsx（上报报表）");
    p->report = std::move(parts[kReportEntry]);
    try {
        import::read_xlsx_bytes(p->report);
    } catch (const Error& e) {
        refuse(label, std::string("上报报表 report.xlsx 无法读取：") + e.what());
    }

    p->scratch = fs::temp_directory_path() / ("il-intake-" + new_uid());
    fs::create_directories(p->scratch);
    p->ledger = p->scratch / kLedgerEntry;
    {
        std::ofstream out(p->ledger, std::ios::binary);
        out.write(parts[kLedgerEntry].data(), static_cast<std::streamsize>(parts[kLedgerEntry].size()));
        if (!out) throw FileError("无法写入临时文件：" + il::path_utf8(p->ledger));
    }
    try {
        SQLite::Database sql(il::path_utf8(p->ledger), SQLite::OPEN_READWRITE);
        sql.exec("PRAGMA trusted_schema = OFF");
        if (sql.execAndGet("PRAGMA integrity_check").getString() != "ok")
            refuse(label, "台账数据 ledger.sqlite 已损坏（完整性检查未通过）");
        p->original_schema = sql.execAndGet("PRAGMA user_version").getInt();
        if (p->original_schema != m.schema_version)
            refuse(label, "台账数据的版本（" + std::to_string(p->original_schema) + "）与清单（" +
                              std::to_string(m.schema_version) + "）不符");
        if (sql.execAndGet("SELECT count(*) FROM sqlite_master WHERE type IN ('trigger','view')").getInt() > 0)
            refuse(label, "台账数据中含有触发器或视图，不是本程序生成的上报包");
        db::migrate_to(sql, current);
        auto allowed = ledger_tables();
        SQLite::Statement q(sql, "SELECT name FROM sqlite_master WHERE type = 'table'");
        std::set<std::string> have;
        while (q.executeStep()) have.insert(q.getColumn(0).getString());
        for (const auto& t : have)
            if (!allowed.count(t) && t.rfind("sqlite_", 0) != 0) refuse(label, "台账数据中有未知的表 " + t);
        for (const auto& t : allowed)
            if (!have.count(t)) refuse(label, "台账数据中缺少表 " + t);
    } catch (const SQLite::Exception& e) {
        refuse(label, std::string("台账数据 ledger.sqlite 无法读取（") + e.what() + "）");
    } catch (const DatabaseError& e) {
        refuse(label, std::string("台账数据无法升级到本程序的版本：") + e.what());
    }
    return p;
}

}  // namespace il::city
