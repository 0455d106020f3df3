#pragma once
// Editable dictionaries: regions (县市区), zones (开发区), industries (GB/T 4754-2017 sections),
// industrial categories. Records refer to entries by id, so renaming changes no history.
#include <cstdint>
#include <string>

namespace il {

struct Region {
    std::int64_t id = 0;
    std::string uid, code, name;
    std::string short_name{};  // e.g. 廊坊开发区: shown where the name does not fit; empty: none
    std::string kind = "县市区";
    int sort_order = 0;
    bool active = true;
};

struct Zone {
    std::int64_t id = 0;
    std::string uid;
    std::int64_t region_id = 0;
    std::string name;
    std::string short_name{};  // shown where the name does not fit; empty: none
    std::string level = "省级";
    int sort_order = 0;
    bool active = true;
};

struct Industry {
    std::int64_t id = 0;
    std::string uid, code, name;
    int sort_order = 0;
    bool active = true;
};

struct Category {
    std::int64_t id = 0;
    std::string uid, name;
    std::string group_name;        // 战略性新兴产业 / 现代服务业 / 传统产业 / 现代农业 / 其他
    bool strategic_emerging = false;
    bool is_industrial = true;     // counts among 亿元以上产业项目
    int sort_order = 0;
    bool active = true;
};

struct AnnualTarget {
    std::int64_t id = 0;
    std::string uid;
    int year = 0;
    std::int64_t region_id = 0;  // exactly one of region_id / zone_id is non-zero
    std::int64_t zone_id = 0;
    int projects_count = 0;
    std::int64_t investment_fen = 0;
    int renovation_count = 0;
    std::int64_t signed_amount_fen = 0;
    std::int64_t funds_in_place_fen = 0;
    std::int64_t foreign_capital_usd_cents = 0;
};

}  // namespace il
