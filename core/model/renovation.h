#pragma once
// 技改项目: technical-renovation items of existing enterprises.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "core/model/money.h"

namespace il {

inline constexpr std::array<const char*, 4> kRenovationKinds = {"智能化", "绿色化", "扩能", "其他"};
inline constexpr std::array<const char*, 7> kRenovationStages = {"前期", "新开工", "续建", "竣工", "投产", "停缓建", "取消"};

struct Renovation {
    std::int64_t id = 0;
    std::string uid;
    std::string enterprise;
    std::string name;
    std::optional<std::string> filing_number;  // 备案号
    std::int64_t region_id = 0;
    std::optional<std::int64_t> zone_id;
    std::optional<std::int64_t> industry_id;
    std::string kind = "其他";
    std::string stage = "前期";
    Money total_investment;
    Money equipment_investment;  // of total
    bool in_statistics = false;  // 是否入统
    std::optional<std::string> planned_start, planned_completion, actual_start, actual_completion;
    Money expected_output;       // 新增产值
    Money expected_tax;          // 新增利税
    std::string notes;
    std::map<int, Money> annual_plans;
    std::int64_t version = 0;
};

struct RenovationProgress {
    std::int64_t renovation_id = 0;
    int year = 0, month = 0;
    Money completed_month, completed_ytd;
};

}  // namespace il
