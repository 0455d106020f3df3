#pragma once
// 亿元以上项目 and what hangs off it: annual plans, approvals (前期手续), monthly progress, problems.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model/money.h"

namespace il {

// The fixed vocabularies, as stored (Chinese text, matching the schema's CHECK constraints).
inline constexpr std::array<const char*, 4> kNatures = {"新建", "扩建", "改建", "迁建"};
inline constexpr std::array<const char*, 3> kLevels = {"省重点", "市重点", "县重点"};
inline constexpr std::array<const char*, 8> kStages = {"谋划", "前期", "新开工", "续建", "竣工", "投产", "停缓建", "取消"};
inline constexpr std::array<const char*, 6> kApprovalKinds = {"立项备案", "用地", "规划", "环评", "能评", "施工许可"};
inline constexpr std::array<const char*, 4> kApprovalStatuses = {"未办", "在办", "已办", "不需要"};
inline constexpr std::array<const char*, 3> kProblemStatuses = {"交办", "督办", "销号"};

struct Approval {
    std::string kind;              // one of kApprovalKinds
    std::string status = "未办";
    std::string doc_number;
    std::optional<std::string> doc_date;  // YYYY-MM-DD
};

struct Project {
    std::int64_t id = 0;           // 0: not stored yet
    std::string uid;
    std::optional<std::string> code;  // national project code
    std::string name;
    std::string owner;             // 建设单位
    std::int64_t region_id = 0;
    std::optional<std::int64_t> zone_id;
    std::string site;
    std::optional<std::int64_t> industry_id;
    std::optional<std::int64_t> category_id;
    std::string nature = "新建";
    std::string level = "县重点";
    std::string stage = "前期";
    Money total_investment;
    std::optional<std::string> planned_start, planned_completion, actual_start, actual_completion;  // YYYY-MM[-DD]
    std::string content;
    std::string leader_name, leader_title;
    std::string responsible_unit;
    std::string contact_person, contact_phone;
    bool is_jingjin = false;
    bool is_foreign = false;
    std::string notes;
    std::map<int, Money> annual_plans;   // year -> 年度计划投资
    std::vector<Approval> approvals;
    std::int64_t version = 0;            // for stale-edit detection
    std::string created_at, updated_at;
};

struct ProgressEntry {
    std::int64_t project_id = 0;
    int year = 0;
    int month = 0;
    Money completed_month;   // 本月完成
    Money completed_ytd;     // 1-N月累计
    std::string image_progress;  // 形象进度
    std::string problems;        // 存在问题
};

struct Problem {
    std::int64_t id = 0;
    std::string uid;
    std::int64_t project_id = 0;
    std::string description;
    std::string owner_unit;
    std::string status = "交办";
    std::optional<std::string> assigned_date, supervised_date, closed_date;
    std::string notes;
    std::int64_t version = 0;
};

}  // namespace il
