#pragma once
// Test helper: an in-memory ledger with the shipped dictionaries, and the city's detail form
// (亿元以上项目建设进展情况表) as a reader would deliver it.
#include <memory>

#include "core/db/database.h"
#include "core/db/dictionary_seed.h"
#include "tests/core/import/sheet_builder.h"
#include "tests/support/test_ledger.h"

namespace il::import::test {

inline std::unique_ptr<db::Database> seeded_db() {
    auto db = il::test::open_test_ledger("tester");
    db::seed_dictionaries(*db, db::default_dictionaries_json());
    return db;
}

inline std::int64_t count_rows(db::Database& db, const std::string& table) {
    return il::db::scalar_int(db, "SELECT count(*) FROM " + table);
}

// The official form: title, 填报单位 / 单位 line, two-row header with a merged group, the
// column-number row, 合计, per-county 小计 lines (which give the region: the form has no region
// column), projects, a signature line.
inline SheetBuilder official_form(double runze_total = 1200000) {
    SheetBuilder b("进展情况表");
    b.row({"廊坊市2017年1-6月亿元以上项目建设进展情况表"})
        .row({"填报单位（盖章）：廊坊市发展和改革委员会", {}, {}, {}, {}, {}, {}, {}, "单位：万元"})
        .row({"序号", "项目名称", "建设单位", "建设性质", "总投资", "投资完成情况", {}, {}, "形象进度", "存在问题", "包联领导"})
        .row({{}, {}, {}, {}, {}, "2017年\n计划投资", "1-6月\n完成投资", "占年度\n计划%"})
        .row({"甲", "乙", "丙", "丁", "1", "2", "3", "4=3/2", "戊", "己", "庚"})
        .row({"合计", {}, {}, {}, 4650000, 620000, 288000.75, 0.46})
        .row({"广阳区小计（2个）", {}, {}, {}, 1850000, 270000, 137700.5, 0.51})
        .row({1, "润泽信息港", "润泽科技发展有限公司", "续建", runze_total, 180000, 96500.5, 0.536, "3号数据中心主体封顶", {},
              "王某某（副市长）"})
        .row({2, "中国联通华北基地", "中国联合网络通信有限公司", "续建", 650000, 90000, 41200, 0.457, "二期机房设备安装",
              "电力增容待批", "李某某（副区长）"})
        .row({"固安县小计（1个）", {}, {}, {}, 2800000, 350000, 150300.25, 0.43})
        .row({3, "华夏AMOLED", "华夏光电有限公司", "新开工", 2800000, 350000, 150300.25, 0.43, "主体工程施工", {},
              "张某某（县长）"})
        .blank()
        .row({"单位负责人：            统计负责人：            填表人：            联系电话：            报出日期：2017年7月5日"});
    b.merge(0, 0, 0, 10).merge(1, 0, 1, 4).merge(1, 8, 1, 10);
    for (int c : {0, 1, 2, 3, 4, 8, 9, 10}) b.merge(2, c, 3, c);
    b.merge(2, 5, 2, 7).merge(5, 0, 5, 3).merge(6, 0, 6, 3).merge(9, 0, 9, 3);
    return b;
}

}  // namespace il::import::test
