// The insert/delete snapshot of the audit log (issue 19 writes it by hand instead of through a
// json object): the same bytes as nlohmann::ordered_json's dump, for plain and awkward texts.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/db/audit.h"
#include "core/db/database.h"
#include "tests/support/test_ledger.h"

using namespace il;

namespace {
std::string reference_json(const db::FieldValues& values) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (const auto& [field, value] : values)
        if (!value.empty()) j[field] = value;
    return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string logged_snapshot(const db::FieldValues& values) {
    auto db = il::test::open_test_ledger("tester");
    db::audit_insert(*db, "projects", 7, "uid-7", values);
    db::audit_delete(*db, "projects", 7, "uid-7", values);
    auto ins = il::db::scalar_text(*db, "SELECT new_value FROM audit_log WHERE action = 'insert'");
    auto del = il::db::scalar_text(*db, "SELECT old_value FROM audit_log WHERE action = 'delete'");
    CHECK(ins == del);
    return ins;
}
}  // namespace

TEST_CASE("audit snapshots are byte for byte the json nlohmann would write") {
    std::vector<db::FieldValues> cases = {
        {},
        {{"name", ""}, {"code", ""}},
        {{"code", "2017-131000-47-03-000001"}, {"name", "测试项目00001"}, {"region_id", "3"}, {"zone_id", ""},
         {"total_investment", "10013.25"}, {"is_jingjin", "0"}, {"annual_plans.2017", "2503.3125"},
         {"approvals.立项.status", "已办"}},
        {{"notes", "第一行\n第二行\t制表\r回车"}, {"content", "引号\"和反斜杠\\"}, {"x", std::string("nul\0byte", 8)}},
        {{"ctl", "\x01\x08\x0c\x1f\x7f end"}},
        {{"bad", "\xff\xfe broken"}, {"overlong", "\xc0\xaf"}, {"surrogate", "\xed\xa0\x80"}, {"cut", "中\xe6\x96"}},
        {{"big", "\xf4\x90\x80\x80"}, {"max", "\xf4\x8f\xbf\xbf"}, {"four", "𠀀😀"}, {"e0", "\xe0\x9f\xbf"}},
        {{"name", "first"}, {"site", "x"}, {"name", "second"}},  // a name twice: the later value, the first place
        {{"字段", "值"}, {"emoji 🙂", "ok"}},
    };
    for (const auto& values : cases) {
        CAPTURE(reference_json(values));
        CHECK(logged_snapshot(values) == reference_json(values));
    }
}

TEST_CASE("an insert snapshot reads back field by field") {
    auto db = il::test::open_test_ledger("tester");
    db::audit_insert(*db, "projects", 9, "uid-9", {{"name", "润泽信息港"}, {"owner", ""}, {"notes", "a\"b"}});
    auto trail = db::audit_trail(*db, "projects", 9);
    REQUIRE(trail.size() == 2);
    CHECK(trail[0].field == "name");
    CHECK(trail[0].new_value == "润泽信息港");
    CHECK(trail[1].field == "notes");
    CHECK(trail[1].new_value == "a\"b");
}
