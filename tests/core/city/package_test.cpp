// Submission packages that must be refused (tampered, truncated, hostile, from a newer program, from
// the wrong office) and one from an older program that is accepted through the migrations.
#include <doctest/doctest.h>

#include <minizip/zip.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/city/intake.h"
#include "core/city/package_format.h"
#include "core/city/package_reader.h"
#include "core/import/read/zip_archive.h"
#include "core/util/sha256.h"
#include "tests/core/city/city_fixture.h"

namespace fs = std::filesystem;
using namespace il;

namespace {
std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
void spit(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

// The entries of a package.
std::map<std::string, std::string> entries(const fs::path& pkg) {
    std::string bytes = slurp(pkg);
    import::detail::ZipArchive zip(bytes, "test", 1ull << 32);
    std::map<std::string, std::string> out;
    for (const char* n : {city::kManifestEntry, city::kManifestHashEntry, city::kLedgerEntry, city::kReportEntry})
        out[n] = zip.read_all(n, 1ull << 31);
    return out;
}

// Writes a zip with exactly these entries (no checksums recomputed).
void raw_zip(const fs::path& out, const std::map<std::string, std::string>& parts) {
    zipFile z = zipOpen64(out.string().c_str(), APPEND_STATUS_CREATE);
    REQUIRE(z);
    for (const auto& [name, bytes] : parts) {
        zip_fileinfo info{};
        REQUIRE(zipOpenNewFileInZip64(z, name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, 6, 1) == ZIP_OK);
        REQUIRE(zipWriteInFileInZip(z, bytes.data(), static_cast<unsigned>(bytes.size())) == ZIP_OK);
        zipCloseFileInZip(z);
    }
    zipClose(z, nullptr);
}

struct OneOffice {
    test::CityDir dir{"pkg"};
    fs::path package;
    std::unique_ptr<db::Database> city;
    OneOffice() {
        auto demo = test::open_ledger(dir.path / "demo.db");
        demo::DemoOptions opt;
        opt.projects = 40;
        opt.renovations = 15;
        opt.deals = 15;
        demo::generate(*demo, opt);
        auto file = test::split_office(*demo, "文安县", dir.path);
        auto county = test::open_ledger(file, "文安县");
        auto catalog = test::shipped_templates();
        city::SubmitRequest req;
        req.period = {2017, 6};
        req.out = dir.path / "文安县-2017-06.ilpkg";
        req.report_date = "2017-07-05";
        city::submit_package(*county, catalog, req);
        package = req.out;
        city = test::new_city(dir.path / "city.db");
    }
    std::int64_t city_rows() {
        return city->sql().execAndGet("SELECT (SELECT count(*) FROM projects) + (SELECT count(*) FROM submissions) + "
                                      "(SELECT count(*) FROM renovations) + (SELECT count(*) FROM targets)").getInt64();
    }
    // Expects the package at `p` to be refused with a message containing `why`, nothing written.
    void refused(const fs::path& p, const std::string& why) {
        CAPTURE(why);
        std::string message;
        try {
            city::Intake intake(*city, p);
            intake.accept();
        } catch (const city::PackageRefused& e) {
            message = e.what();
        }
        CHECK(message.find(why) != std::string::npos);
        CHECK(message.find("未写入任何数据") != std::string::npos);
        CHECK(city_rows() == 0);
    }
};
}  // namespace

TEST_CASE("a sound package is accepted and records keep their origin") {
    OneOffice f;
    city::Intake intake(*f.city, f.package);
    CHECK(intake.preview().manifest.office == "文安县");
    CHECK(intake.preview().count(city::ChangeKind::Added) > 0);
    auto r = intake.accept();
    CHECK(r.added == intake.preview().count(city::ChangeKind::Added));
    SQLite::Statement q(f.city->sql(), "SELECT DISTINCT origin_office, origin_package, origin_period FROM projects");
    REQUIRE(q.executeStep());
    CHECK(q.getColumn(0).getString() == "文安县");
    CHECK(q.getColumn(1).getString() == intake.preview().manifest.uid);
    CHECK(q.getColumn(2).getString() == "2017-06");
    CHECK_FALSE(q.executeStep());
    CHECK(f.city->sql().execAndGet("SELECT count(*) FROM audit_log WHERE action = 'accept'").getInt() == 1);
}

TEST_CASE("a truncated or tampered package is refused with the reason and nothing written") {
    OneOffice f;
    std::string bytes = slurp(f.package);
    auto parts = entries(f.package);

    SUBCASE("truncated") {
        spit(f.dir.path / "t.ilpkg", bytes.substr(0, bytes.size() / 2));
        f.refused(f.dir.path / "t.ilpkg", "不是完整的 zip 上报包");
    }
    SUBCASE("the ledger changed after the manifest was made") {
        auto p = parts;
        p[city::kLedgerEntry][p[city::kLedgerEntry].size() / 2] ^= 0x55;
        raw_zip(f.dir.path / "x.ilpkg", p);
        f.refused(f.dir.path / "x.ilpkg", "ledger.sqlite 的 SHA-256 校验不符");
    }
    SUBCASE("the manifest changed (another office) without its checksum") {
        auto p = parts;
        auto pos = p[city::kManifestEntry].find("文安县");
        p[city::kManifestEntry].replace(pos, std::string("文安县").size(), "霸州市");
        raw_zip(f.dir.path / "m.ilpkg", p);
        f.refused(f.dir.path / "m.ilpkg", "manifest.json 的 SHA-256 校验不符");
    }
    SUBCASE("the report part is missing") {
        auto p = parts;
        p.erase(city::kReportEntry);
        raw_zip(f.dir.path / "r.ilpkg", p);
        f.refused(f.dir.path / "r.ilpkg", "缺少清单中列出的 report.xlsx");
    }
    SUBCASE("not a package at all") {
        spit(f.dir.path / "n.ilpkg", "hello");
        f.refused(f.dir.path / "n.ilpkg", "不是完整的 zip 上报包");
    }
    SUBCASE("a ledger with a trigger, checksums recomputed") {
        fs::path l = f.dir.path / "hostile.sqlite";
        spit(l, parts[city::kLedgerEntry]);
        {
            SQLite::Database raw(l.string(), SQLite::OPEN_READWRITE);
            raw.exec("CREATE TRIGGER t AFTER INSERT ON settings BEGIN DELETE FROM projects; END");
        }
        auto m = city::manifest_from_json(parts[city::kManifestEntry]);
        city::write_package_zip(f.dir.path / "h.ilpkg", m,
                                {{city::kLedgerEntry, slurp(l)}, {city::kReportEntry, parts[city::kReportEntry]}});
        f.refused(f.dir.path / "h.ilpkg", "触发器");
    }
}

TEST_CASE("a package from a newer program is refused with the version to upgrade to") {
    OneOffice f;
    auto parts = entries(f.package);
    auto m = city::manifest_from_json(parts[city::kManifestEntry]);
    SUBCASE("newer schema") {
        m.schema_version = db::current_schema_version() + 1;
        m.tool_version = "9.0.0";
    }
    SUBCASE("newer package format") {
        m.format_version = city::kPackageFormatVersion + 1;
        m.tool_version = "9.0.0";
    }
    city::write_package_zip(f.dir.path / "new.ilpkg", m,
                            {{city::kLedgerEntry, parts[city::kLedgerEntry]}, {city::kReportEntry, parts[city::kReportEntry]}});
    f.refused(f.dir.path / "new.ilpkg", "较新版本的投资项目台账（9.0.0");
    f.refused(f.dir.path / "new.ilpkg", "请先升级本程序");
}

TEST_CASE("a package from an older program (schema 2) is accepted through the migrations") {
    OneOffice f;
    auto parts = entries(f.package);
    fs::path current = f.dir.path / "current.sqlite";
    fs::path old = f.dir.path / "old.sqlite";
    spit(current, parts[city::kLedgerEntry]);
    {
        // A version-2 ledger holding the same records: the tables of schema 2 with their columns.
        SQLite::Database raw(old.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db::migrate_to(raw, 2);
        raw.exec("PRAGMA foreign_keys = OFF");
        SQLite::Statement att(raw, "ATTACH DATABASE ? AS cur");
        att.bind(1, current.string());
        att.exec();
        std::vector<std::string> tables;
        SQLite::Statement t(raw, "SELECT name FROM main.sqlite_master WHERE type = 'table'");
        while (t.executeStep()) tables.push_back(t.getColumn(0).getString());
        for (const auto& name : tables) {
            std::string cols;
            SQLite::Statement c(raw, "PRAGMA main.table_info(" + name + ")");
            while (c.executeStep()) cols += (cols.empty() ? "" : ", ") + c.getColumn(1).getString();
            raw.exec("INSERT INTO main." + name + "(" + cols + ") SELECT " + cols + " FROM cur." + name);
        }
        raw.exec("DETACH DATABASE cur");
        CHECK(raw.execAndGet("PRAGMA user_version").getInt() == 2);
    }
    auto m = city::manifest_from_json(parts[city::kManifestEntry]);
    m.schema_version = 2;
    m.tool_version = "0.0.9";
    city::write_package_zip(f.dir.path / "old.ilpkg", m,
                            {{city::kLedgerEntry, slurp(old)}, {city::kReportEntry, parts[city::kReportEntry]}});
    city::Intake intake(*f.city, f.dir.path / "old.ilpkg");
    CHECK(intake.preview().original_schema == 2);
    auto r = intake.accept();
    CHECK(r.added > 0);
    SQLite::Database cur(current.string(), SQLite::OPEN_READONLY);
    CHECK(f.city->sql().execAndGet("SELECT count(*) FROM projects").getInt() ==
          cur.execAndGet("SELECT count(*) FROM projects").getInt());
    CHECK(f.city->sql().execAndGet("SELECT count(*) FROM progress").getInt() ==
          cur.execAndGet("SELECT count(*) FROM progress").getInt());
    CHECK(f.city->sql().execAndGet("SELECT schema_version FROM submissions").getInt() == 2);
}

TEST_CASE("a package whose region does not belong to the sending office is refused") {
    OneOffice f;
    auto demo = test::open_ledger(f.dir.path / "demo.db");
    auto file = test::split_office(*demo, "霸州市", f.dir.path);
    auto county = test::open_ledger(file);
    auto catalog = test::shipped_templates();
    city::SubmitRequest req;
    req.period = {2017, 6};
    req.out = f.dir.path / "wrong.ilpkg";
    req.office = "文安县";
    req.regions = {"霸州市"};
    city::submit_package(*county, catalog, req);
    f.refused(req.out, "县市区「霸州市」不属于上报单位「文安县」");
}
