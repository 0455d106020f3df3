#pragma once
// 招商引资: investment-attraction deals, from lead to operation.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/money.h"

namespace il {

inline constexpr std::array<const char*, 5> kOrigins = {"北京", "天津", "省内", "省外", "境外"};
inline constexpr std::array<const char*, 7> kDealStages = {"线索", "洽谈", "签约", "注册", "开工", "投产", "终止"};
inline constexpr std::array<const char*, 3> kContractTypes = {"合同", "协议", "意向"};

enum class Currency { CNY, USD };
const char* currency_code(Currency c);  // "CNY" / "USD"

struct FundsInPlace {
    std::int64_t id = 0;
    std::string uid;
    std::string date;          // YYYY-MM-DD
    std::int64_t amount = 0;   // minor unit of currency (分 or US cents)
    Currency currency = Currency::CNY;
    std::int64_t rate_micro = 1'000'000;  // CNY per USD x 1e6
    Money amount_cny;
    std::string notes;
};

struct FollowUp {
    std::int64_t id = 0;
    std::string uid;
    std::string date, author, note;
};

struct Deal {
    std::int64_t id = 0;
    std::string uid;
    std::string name;
    std::string investor;
    std::string origin = "省外";
    std::string country;
    bool is_foreign = false;
    std::int64_t region_id = 0;
    std::optional<std::int64_t> zone_id, industry_id, category_id;
    std::string stage = "线索";
    std::optional<std::string> lead_date, negotiation_date, signed_date, registered_date, started_date,
        operating_date, terminated_date;
    std::string signing_event;
    std::string contract_type = "协议";
    std::int64_t contract_amount = 0;     // minor unit of contract_currency
    Currency contract_currency = Currency::CNY;
    std::optional<std::int64_t> project_id;
    std::string notes;
    std::string contact_person, contact_phone;  // at the investor
    std::vector<FundsInPlace> funds;
    std::vector<FollowUp> followups;
    std::int64_t version = 0;
};

}  // namespace il
