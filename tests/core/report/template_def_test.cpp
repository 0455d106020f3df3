#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "core/report/report_generator.h"
#include "core/report/sql_query.h"
#include "core/report/template_catalog.h"
#include "core/report/template_def.h"
#include "core/util/error.h"
#include "tests/core/report/report_test_util.h"

namespace fs = std::filesystem;
using il::report::parse_template;

namespace {
fs::path folder_with_sql() {
    auto dir = il::test::scratch_dir("tpl");
    std::ofstream(dir / "q.sql") << "SELECT name, 1 AS a, 2 AS b FROM regions";
    return dir;
}
std::string broken(const std::string& json) {
    try {
        parse_template(json, "template.json", folder_with_sql());
    } catch (const il::TemplateError& e) {
        return e.what();
    }
    return "(accepted)";
}
const char* kGood = R"({
  "id": "t1", "name": "测试表", "version": "2",
  "title": "{place}{year}年{period}测试表", "query": "q.sql",
  "columns": [
    {"key": "name", "header": "地区", "source": "name"},
    {"key": "a", "header": "甲", "type": "money", "source": "a"},
    {"key": "b", "header": "乙", "type": "money", "source": "b"},
    {"key": "r", "header": "比", "type": "percent", "derive": {"op": "ratio", "of": "a", "to": "b"}}
  ]
})";
}  // namespace

TEST_CASE("A valid template loads with its defaults") {
    auto t = parse_template(kGood, "template.json", folder_with_sql());
    CHECK(t.id == "t1");
    CHECK(t.version == "2");
    REQUIRE(t.sheets.size() == 1);
    const auto& s = t.sheets[0];
    CHECK(s.sheet_name == "测试表");
    CHECK(s.sql.find("SELECT name") == 0);
    CHECK(s.columns[1].total == il::report::TotalRule::Sum);
    CHECK(s.columns[3].total == il::report::TotalRule::Derive);
    CHECK(s.columns[0].total == il::report::TotalRule::None);
    CHECK(s.page.paper == "A4");
    CHECK(s.page.landscape);
}

TEST_CASE("A broken template names the file, the place and the problem") {
    std::string msg = broken("{\n  \"id\": \"x\",\n  \"name\": \"y\" \"version\": \"1\"\n}");
    CHECK(msg.find("template.json 第 3 行") != std::string::npos);
    CHECK(msg.find("JSON 格式错误") != std::string::npos);

    std::string j = kGood;
    auto replace = [&](const std::string& from, const std::string& to) {
        std::string s = j;
        s.replace(s.find(from), from.size(), to);
        return s;
    };
    msg = broken(replace("\"source\": \"b\"}", "\"sauce\": \"b\"}"));
    CHECK(msg.find("template.json /columns/2") != std::string::npos);
    msg = broken(replace("\"type\": \"money\", \"source\": \"a\"", "\"type\": \"moneyy\", \"source\": \"a\""));
    CHECK(msg.find("/columns/1/type") != std::string::npos);
    CHECK(msg.find("moneyy") != std::string::npos);
    msg = broken(replace("\"to\": \"b\"", "\"to\": \"c\""));
    CHECK(msg.find("/columns/3/derive") != std::string::npos);
    CHECK(msg.find("\"c\" 不存在") != std::string::npos);
    msg = broken(replace("\"query\": \"q.sql\"", "\"query\": \"missing.sql\""));
    CHECK(msg.find("/query") != std::string::npos);
    CHECK(msg.find("missing.sql") != std::string::npos);
    msg = broken(replace("\"query\": \"q.sql\"", "\"query\": \"../../etc/passwd\""));
    CHECK(msg.find("模板文件夹内") != std::string::npos);
    msg = broken(replace("\"version\": \"2\",", "\"version\": \"2\", \"titel\": \"x\","));
    CHECK(msg.find("未知的设置项 \"titel\"") != std::string::npos);
    msg = broken(replace("\"version\": \"2\"", "\"version\": 2"));
    CHECK(msg.find("/version") != std::string::npos);
    msg = broken(replace("{\"key\": \"b\"", "{\"key\": \"a\""));
    CHECK(msg.find("重复") != std::string::npos);
    msg = broken(replace("\"header\": \"地区\", \"source\": \"name\"", "\"header\": \"地区\", \"source\": \"name\", \"total\": \"sum\""));
    CHECK(msg.find("/columns/0/total") != std::string::npos);
}

TEST_CASE("Loading a folder: missing folder, missing template.json") {
    auto dir = il::test::scratch_dir("tpl_missing");
    CHECK_THROWS_WITH_AS(il::report::load_template(dir / "nope"), doctest::Contains("模板文件夹不存在"), il::TemplateError);
    CHECK_THROWS_WITH_AS(il::report::load_template(dir), doctest::Contains("缺少 template.json"), il::TemplateError);
}

TEST_CASE("The catalog finds user templates first, lists broken ones, and names what is available") {
    auto root = il::test::scratch_dir("catalog");
    fs::path user = root / "user", shipped = root / "shipped";
    fs::create_directories(user);
    fs::create_directories(shipped);
    fs::copy(fs::path(IL_TEMPLATES_DIR) / "01-projects", shipped / "01-projects", fs::copy_options::recursive);
    fs::copy(fs::path(IL_TEMPLATES_DIR) / "01-projects", user / "01-projects", fs::copy_options::recursive);
    {  // the user edits the title of his copy
        std::string j = il::test::read_file_text(user / "01-projects" / "template.json");
        j.replace(j.find("亿元以上项目建设进展情况表\","), std::string("亿元以上项目建设进展情况表\",").size(), "重点项目表\",");
        std::ofstream(user / "01-projects" / "template.json") << j;
    }
    fs::create_directories(user / "broken");
    std::ofstream(user / "broken" / "template.json") << "{ \"id\": ";
    il::report::TemplateCatalog cat({user, shipped});
    auto t = cat.load("01-projects");
    CHECK(t.folder == user / "01-projects");
    CHECK(t.name == "重点项目表");
    int shadowed = 0, broken_n = 0;
    for (const auto& e : cat.entries()) {
        shadowed += e.shadowed;
        if (!e.error.empty()) {
            ++broken_n;
            CHECK(e.error.find("JSON 格式错误") != std::string::npos);
        }
    }
    CHECK(shadowed == 1);
    CHECK(broken_n == 1);
    CHECK_THROWS_AS(cat.load("broken"), il::TemplateError);
    CHECK_THROWS_WITH_AS(cat.load("no-such"), doctest::Contains("01-projects"), il::NotFoundError);
    CHECK(cat.load((shipped / "01-projects").string()).folder == shipped / "01-projects");
}

TEST_CASE("Every shipped template loads and its SQL is read-only and uses known parameters") {
    auto db = il::test::report_fixture_db();
    auto params = il::report::report_params(*db, {2017, 6}, "");
    il::report::TemplateCatalog cat({fs::path(IL_TEMPLATES_DIR)});
    REQUIRE_FALSE(cat.entries().empty());
    for (const auto& e : cat.entries()) {
        CAPTURE(e.folder.string());
        CHECK(e.error.empty());
        auto t = cat.load(e.id);
        for (const auto& s : t.sheets) il::report::check_read_only_query(db->sql(), s.sql, params, s.query_file);
    }
}
