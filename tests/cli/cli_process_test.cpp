// investledger-cli as a process: exit codes, stdout/stderr, and the database content before and
// after each refused command (a dump of every table through SQLite).
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>

#include "tests/support/process.h"

namespace fs = std::filesystem;

namespace {

struct Run {
    int code = -1;
    std::string out, err;
};

std::string quote(const std::string& s) { return il_test::shell_quote(s); }

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

struct Sandbox {
    fs::path dir, db;
    Sandbox() {
        dir = fs::temp_directory_path() / ("il_cli_test_" + std::to_string(il_test::pid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
        db = dir / "ledger.db";
    }
    ~Sandbox() { fs::remove_all(dir); }

    Run run(const std::vector<std::string>& args) const {
        std::string cmd = il_test::quoted_cli(IL_CLI_PATH) + " --db " + il_test::quote_path(db) + " --user 测试员";
        for (const auto& a : args) cmd += " " + quote(a);
        fs::path out = dir / "stdout.txt", err = dir / "stderr.txt";
        cmd += " >" + il_test::quote_path(out) + " 2>" + il_test::quote_path(err);
        Run r;
        r.code = il_test::run_shell(cmd);
        r.out = slurp(out);
        r.err = slurp(err);
        return r;
    }

    // Every row of every table, in a stable order, with value types.
    std::string dump() const {
        SQLite::Database d(db.string(), SQLite::OPEN_READONLY);
        std::string out;
        SQLite::Statement tables(d, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
        while (tables.executeStep()) {
            std::string t = tables.getColumn(0).getString();
            out += "TABLE " + t + "\n";
            SQLite::Statement cols(d, "SELECT count(*) FROM pragma_table_info(?)");
            cols.bind(1, t);
            cols.executeStep();
            int n = cols.getColumn(0).getInt();
            std::string order;
            for (int i = 1; i <= n; ++i) order += (i > 1 ? "," : "") + std::to_string(i);
            SQLite::Statement rows(d, "SELECT * FROM \"" + t + "\" ORDER BY " + order);
            while (rows.executeStep()) {
                for (int i = 0; i < n; ++i) {
                    auto c = rows.getColumn(i);
                    out += std::to_string(c.getType()) + ":" + (c.isNull() ? "NULL" : c.getString()) + "|";
                }
                out += "\n";
            }
        }
        return out;
    }
};

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

// Runs a command that must be refused: non-zero exit, the message names `field`, nothing changed.
void expect_refused(const Sandbox& s, const std::vector<std::string>& args, const std::string& field) {
    std::string before = s.dump();
    Run r = s.run(args);
    std::string shown;
    for (const auto& a : args) shown += a + " ";
    INFO("command: ", shown);
    INFO("stderr: ", r.err);
    CHECK(r.code != 0);
    CHECK(contains(r.err, field));
    CHECK(contains(r.err, "错误"));
    CHECK(s.dump() == before);
}

}  // namespace

TEST_CASE("cli: init, add, list --json, show, progress, check") {
    Sandbox s;
    Run v = s.run({"--version"});
    CHECK(v.code == 0);
    CHECK(contains(v.out, "investledger-cli"));

    Run init = s.run({"init"});
    REQUIRE_MESSAGE(init.code == 0, init.err);
    CHECK(contains(init.out, "县市区 11 个"));
    CHECK(contains(init.err, "尚未设置填报单位名称"));  // not at a terminal: said, not asked
    Run office = s.run({"init", "--office", " 广阳区发展和改革局 "});
    REQUIRE_MESSAGE(office.code == 0, office.err);
    CHECK(contains(office.out, "填报单位：广阳区发展和改革局\n"));
    CHECK_FALSE(contains(s.run({"init"}).err, "填报单位"));  // set once, not asked again

    Run empty = s.run({"list", "projects", "--json"});
    REQUIRE(empty.code == 0);
    CHECK(nlohmann::json::parse(empty.out).empty());

    Run add = s.run({"add", "project", "--name", "华为云计算", "--region", "广阳区", "--zone", "临空经济区",
                     "--total-investment", "150000.5", "stage=续建", "category=大智移云", "industry=I",
                     "code=2017-131003-65-03-000123", "annual_plans.2017=30000", "actual_start=2016-05", "--json"});
    REQUIRE_MESSAGE(add.code == 0, add.err);
    auto added = nlohmann::json::parse(add.out);
    CHECK(added["id"] == 1);
    CHECK(added["uid"].get<std::string>().size() == 36);

    Run add2 = s.run({"add", "project", "--name", "中安信碳纤维（二期）", "--region", "固安县", "--zone",
                      "固安工业园区", "total_investment=1.2亿元", "stage=新开工"});
    REQUIRE_MESSAGE(add2.code == 0, add2.err);

    Run list = s.run({"list", "projects", "--json"});
    REQUIRE(list.code == 0);
    auto rows = nlohmann::json::parse(list.out);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0]["name"] == "华为云计算");
    CHECK(rows[0]["region"] == "广阳区");
    CHECK(rows[0]["zone"] == "临空经济区");
    CHECK(rows[0]["total_investment_wan"] == "150000.50");
    CHECK(rows[0]["total_investment_fen"] == 150000500000LL);
    CHECK(rows[1]["total_investment_wan"] == "12000.00");
    CHECK(rows[0]["code"] == "2017-131003-65-03-000123");
    CHECK(rows[0]["region_id"].is_number_integer());
    CHECK(rows[0]["zone_id"].is_number_integer());
    CHECK(rows[1]["category_id"].is_null());

    Run filtered = s.run({"list", "projects", "--region", "固安县", "--json"});
    CHECK(nlohmann::json::parse(filtered.out).size() == 1);
    Run by_stage = s.run({"list", "projects", "--stage", "续建"});
    CHECK(contains(by_stage.out, "华为云计算"));
    CHECK_FALSE(contains(by_stage.out, "中安信"));

    Run p1 = s.run({"progress", "1", "2017-01", "--completed", "1000", "--image", "主体施工"});
    REQUIRE_MESSAGE(p1.code == 0, p1.err);
    Run p2 = s.run({"progress", "2017-131003-65-03-000123", "2017-02", "--completed", "2500", "--ytd"});
    REQUIRE_MESSAGE(p2.code == 0, p2.err);
    CHECK(contains(p2.out, "本月完成 1,500.00"));

    Run show = s.run({"show", "1", "--json"});
    REQUIRE(show.code == 0);
    auto shown = nlohmann::json::parse(show.out);
    CHECK(shown["name"] == "华为云计算");
    CHECK(shown["progress"].size() == 2);
    CHECK(shown["progress"][1]["completed_month_fen"] == 1500000000LL);
    Run show_code = s.run({"show", "2017-131003-65-03-000123"});
    CHECK(show_code.code == 0);
    CHECK(contains(show_code.out, "临空经济区"));

    Run set = s.run({"set", "1", "owner=华为技术有限公司", "--reason", "核实"});
    REQUIRE_MESSAGE(set.code == 0, set.err);
    CHECK(contains(s.run({"show", "1"}).out, "华为技术有限公司"));

    Run ren = s.run({"add", "renovation", "enterprise=廊坊某家具公司", "name=智能化改造", "region=大城县",
                     "total_investment=5000", "equipment_investment=3000", "kind=智能化"});
    REQUIRE_MESSAGE(ren.code == 0, ren.err);
    Run deal = s.run({"add", "deal", "name=碳纤维车体", "region=固安县", "origin=境外", "country=德国",
                      "contract_currency=USD", "contract_amount=5000", "stage=签约", "signed_date=2017-05-18"});
    REQUIRE_MESSAGE(deal.code == 0, deal.err);
    Run funds = s.run({"funds", "1", "2017-07-01", "--amount", "100", "--currency", "USD", "--rate", "6.7744"});
    REQUIRE_MESSAGE(funds.code == 0, funds.err);
    auto deals = nlohmann::json::parse(s.run({"list", "deals", "--json"}).out);
    REQUIRE(deals.size() == 1);
    CHECK(deals[0]["funds_in_place_fen"] == 677440000LL);
    CHECK(deals[0]["contract_amount_wan"] == "5000.00");
    CHECK(deals[0]["contract_currency"] == "USD");
    CHECK(nlohmann::json::parse(s.run({"list", "renovations", "--json"}).out).size() == 1);

    Run target = s.run({"target", "set", "2017", "--region", "固安县", "--projects", "120", "--investment", "3000000"});
    REQUIRE_MESSAGE(target.code == 0, target.err);
    Run dict = s.run({"dict", "add", "zones", "新园区", "--region", "固安县"});
    REQUIRE_MESSAGE(dict.code == 0, dict.err);
    Run rename = s.run({"dict", "rename", "zones", "新园区", "固安新园区"});
    REQUIRE_MESSAGE(rename.code == 0, rename.err);
    CHECK(contains(s.run({"dict", "list", "zones"}).out, "固安新园区"));

    Run pb = s.run({"problem", "add", "1", "征地拆迁未完成", "--owner-unit", "国土局", "--assigned", "2017-03-01"});
    REQUIRE_MESSAGE(pb.code == 0, pb.err);
    Run pb_bad = s.run({"problem", "set", "1", "status=销号"});
    CHECK(pb_bad.code != 0);
    CHECK(contains(pb_bad.err, "closed_date"));
    Run pb_ok = s.run({"problem", "set", "1", "status=销号", "closed_date=2017-06-30"});
    REQUIRE_MESSAGE(pb_ok.code == 0, pb_ok.err);
    auto problems = nlohmann::json::parse(s.run({"problem", "list", "1", "--json"}).out);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0]["status"] == "销号");

    Run check = s.run({"check"});
    CHECK_MESSAGE(check.code == 0, check.out);
    CHECK(contains(check.out, "没有发现问题"));
}

TEST_CASE("cli: invalid input is refused, names the field, leaves the database unchanged") {
    Sandbox s;
    REQUIRE(s.run({"init"}).code == 0);
    REQUIRE(s.run({"add", "project", "name=基准项目", "region=广阳区", "total_investment=1000", "stage=续建"}).code == 0);
    REQUIRE(s.run({"progress", "1", "2017-03", "--completed", "300", "--ytd"}).code == 0);
    REQUIRE(s.run({"add", "renovation", "enterprise=某企业", "name=改造", "region=大城县", "total_investment=100"}).code == 0);

    SUBCASE("empty name") { expect_refused(s, {"add", "project", "--name", "", "--region", "广阳区"}, "name"); }
    SUBCASE("negative amount") {
        expect_refused(s, {"add", "project", "name=甲", "region=广阳区", "total_investment=-5"}, "total_investment");
    }
    SUBCASE("unparseable amount") {
        expect_refused(s, {"add", "project", "name=甲", "region=广阳区", "total_investment=五千"}, "total_investment");
    }
    SUBCASE("ytd above total") {
        expect_refused(s, {"progress", "1", "2017-04", "--completed", "1000.01", "--ytd"}, "completed_ytd");
    }
    SUBCASE("ytd below an earlier month") {
        expect_refused(s, {"progress", "1", "2017-05", "--completed", "200", "--ytd"}, "completed_month");
    }
    SUBCASE("total below a reported year-to-date") {
        expect_refused(s, {"set", "1", "total_investment=299.99"}, "total_investment");
    }
    SUBCASE("start after completion") {
        expect_refused(s, {"set", "1", "actual_start=2017-06-01", "actual_completion=2017-05-31"}, "actual_start");
    }
    SUBCASE("unknown region") { expect_refused(s, {"add", "project", "name=乙", "region=北京市"}, "region"); }
    SUBCASE("unknown zone") { expect_refused(s, {"add", "project", "name=乙", "region=广阳区", "zone=不存在园区"}, "zone"); }
    SUBCASE("zone outside the region") {
        expect_refused(s, {"add", "project", "name=乙", "region=广阳区", "zone=固安工业园区"}, "zone_id");
    }
    SUBCASE("malformed project code") {
        expect_refused(s, {"add", "project", "name=乙", "region=广阳区", "code=2017-131003-65-03-12345"}, "code");
        expect_refused(s, {"set", "1", "code=2017-991003-65-03-012345"}, "code");
    }
    SUBCASE("malformed date") { expect_refused(s, {"set", "1", "planned_start=2017/03"}, "planned_start"); }
    SUBCASE("unknown stage") { expect_refused(s, {"set", "1", "stage=完工"}, "stage"); }
    SUBCASE("unknown field") {
        expect_refused(s, {"set", "1", "colour=red"}, "colour");
        expect_refused(s, {"set", "1", "colour=red"}, "基准项目");  // the record is named too
    }
    SUBCASE("equipment above total (技改)") {
        expect_refused(s, {"add", "renovation", "enterprise=某企业", "name=改造2", "region=大城县", "total_investment=100",
                           "equipment_investment=100.01"},
                       "equipment_investment");
    }
    SUBCASE("unknown record") { expect_refused(s, {"set", "99", "owner=x"}, "99"); }
    SUBCASE("bad period") { expect_refused(s, {"progress", "1", "2017-13", "--completed", "1"}, "2017-13"); }
    SUBCASE("bad period: one message for every subcommand that takes one") {
        for (const std::vector<std::string>& args : {std::vector<std::string>{"progress", "1", "2017-13", "--completed", "1"},
                                                     std::vector<std::string>{"lock", "2017-13"},
                                                     std::vector<std::string>{"report", "01-projects", "--period", "2017-13", "--out", (s.dir / "r.xlsx").string()}}) {
            expect_refused(s, args, "“2017-13”格式不对，应为 YYYY-MM，例如 2017-06");
        }
    }
    SUBCASE("dictionary rename to a taken name") {
        expect_refused(s, {"dict", "rename", "regions", "固安县", "广阳区"}, "name");
    }
    SUBCASE("negative target") {
        expect_refused(s, {"target", "set", "2017", "--region", "固安县", "--investment", "-1"}, "investment");
    }
    SUBCASE("USD funds without a rate") {
        REQUIRE(s.run({"add", "deal", "name=外资项目", "region=固安县", "origin=境外", "country=日本"}).code == 0);
        expect_refused(s, {"funds", "1", "2017-07-01", "--amount", "10", "--currency", "USD"}, "rate");
    }
}

TEST_CASE("cli: check finds broken records and exits 3") {
    Sandbox s;
    REQUIRE(s.run({"init"}).code == 0);
    REQUIRE(s.run({"add", "project", "name=甲项目", "region=广阳区", "total_investment=1000"}).code == 0);
    REQUIRE(s.run({"progress", "1", "2017-03", "--completed", "300", "--ytd"}).code == 0);
    // Completed without a 2017 plan: a warning before submission, not an error (exit 0).
    Run warned = s.run({"check"});
    CHECK(warned.code == 0);
    CHECK(contains(warned.out, "提醒：项目「甲项目」"));
    CHECK(contains(warned.out, "2017年计划投资为 0"));
    CHECK(contains(warned.out, "没有发现错误，另有 1 条提醒"));
    {
        // Damage behind the program's back: a decreasing year-to-date and a project without a name.
        SQLite::Database d(s.db.string(), SQLite::OPEN_READWRITE);
        d.exec("INSERT INTO progress(project_id, year, month, completed_month, completed_ytd, uid, updated_at) "
               "VALUES(1, 2017, 4, 0, 200000000, 'x-uid', '2017-04-30')");
        d.exec("UPDATE projects SET name = '' WHERE id = 1");
    }
    Run r = s.run({"check"});
    CHECK(r.code == 3);
    CHECK(contains(r.out, "completed_ytd"));
    CHECK(contains(r.out, "2017-04"));
    CHECK(contains(r.out, "name"));
    CHECK(contains(r.out, "发现 2 处问题，另有 1 条提醒"));
    Run j = s.run({"check", "--json"});
    CHECK(j.code == 3);
    auto findings = nlohmann::json::parse(j.out)["findings"];
    CHECK(findings.size() == 3);
    int errors = 0;
    for (const auto& f : findings) errors += f["severity"] == "error" ? 1 : 0;
    CHECK(errors == 2);
}
