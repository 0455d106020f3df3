#pragma once
// A small ledger for repository tests: two regions, a zone in each, an industry, two categories.
#include <memory>
#include <string>

#include "core/db/database.h"
#include "core/db/dictionary_repository.h"
#include "core/model/project.h"

namespace il::test {

struct SmallLedger {
    std::int64_t guangyang = 0, gu_an = 0;          // regions 广阳区, 固安县
    std::int64_t longhe = 0, gu_an_park = 0;        // zones 龙河高新区 (广阳区), 固安工业园区 (固安县)
    std::int64_t manufacturing = 0;                 // industry C 制造业
    std::int64_t new_materials = 0, logistics = 0;  // categories 新材料 (strategic), 智慧物流
};

inline SmallLedger fill_small_ledger(db::Database& d) {
    db::DictionaryRepository dict(d);
    SmallLedger s;
    Region r1{0, "", "131003", "广阳区"};
    Region r2{0, "", "131022", "固安县"};
    s.guangyang = dict.add_region(r1);
    s.gu_an = dict.add_region(r2);
    Zone z1;
    z1.region_id = s.guangyang;
    z1.name = "龙河高新区";
    s.longhe = dict.add_zone(z1);
    Zone z2;
    z2.region_id = s.gu_an;
    z2.name = "固安工业园区";
    s.gu_an_park = dict.add_zone(z2);
    Industry i{0, "", "C", "制造业"};
    s.manufacturing = dict.add_industry(i);
    Category c1;
    c1.name = "新材料";
    c1.group_name = "战略性新兴产业";
    c1.strategic_emerging = true;
    s.new_materials = dict.add_category(c1);
    Category c2;
    c2.name = "智慧物流";
    c2.group_name = "现代服务业";
    s.logistics = dict.add_category(c2);
    return s;
}

inline Project sample_project(const SmallLedger& s, const std::string& name = "中安信碳纤维（二期）") {
    Project p;
    p.name = name;
    p.owner = "中安信科技有限公司";
    p.region_id = s.gu_an;
    p.zone_id = s.gu_an_park;
    p.industry_id = s.manufacturing;
    p.category_id = s.new_materials;
    p.stage = "续建";
    p.level = "省重点";
    p.total_investment = Money::from_wan(250000);
    p.annual_plans[2017] = Money::from_wan(60000);
    p.planned_start = "2016-03";
    p.actual_start = "2016-04-18";
    return p;
}

}  // namespace il::test
