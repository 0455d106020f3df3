#pragma once
// Storage of 招商引资 deals with their funds-in-place transactions (CNY or USD with the rate
// used) and follow-up log. A deal is one aggregate: update() stores the deal's fields and brings
// its funds and follow-ups in line with the given lists (id 0: new; a stored id missing from the
// list: deleted). add_funds / add_followup / remove_* change one entry and bump the deal's
// version too, so that an older copy of the deal cannot silently undo them (StaleRecord).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/db/audit.h"
#include "core/db/database.h"
#include "core/db/references.h"
#include "core/model/deal.h"
#include "core/validate/field_issue.h"

namespace il::db {

struct DealFilter {
    std::optional<std::int64_t> region_id, zone_id;
    std::optional<std::string> stage, origin;
    std::string search;  // name, investor (substring)
    std::optional<int> limit;
};

struct DealRow {
    std::int64_t id = 0;
    std::string uid, name, investor, origin, country, region, zone, stage, contract_type, signing_event;
    std::optional<std::string> signed_date;
    std::int64_t contract_amount = 0;  // minor unit of contract_currency
    Currency contract_currency = Currency::CNY;
    Money funds_cny;                   // 到位资金 so far, CNY equivalent
    std::int64_t funds_usd_cents = 0;  // of which received in USD
    bool is_foreign = false;
    std::int64_t region_id = 0, zone_id = 0, project_id = 0;  // 0: none
};

class DealRepository {
public:
    explicit DealRepository(Database& db) : db_(db), refs_(db) {}

    // For a batch of writes in one transaction that does not change the dictionaries (an
    // import): validate every record against the dictionaries as loaded at the first write.
    void keep_references_loaded() { refs_.keep_loaded(); }

    std::int64_t insert(Deal& deal);
    void update(Deal& deal, const std::string& reason = "");
    void remove(std::int64_t id);

    std::optional<Deal> get(std::int64_t id);  // with funds (by date) and follow-ups (by date)
    std::optional<Deal> find_by_name(const std::string& name, std::int64_t region_id);
    std::vector<DealRow> list(const DealFilter& filter = {});
    std::int64_t count();
    // Every record (with its children), in id order; for `check` and exports.
    void for_each(const std::function<void(const Deal&)>& fn);

    // The amount_cny of a CNY entry is its amount (rate 1); of a USD entry amount x rate, rounded
    // to 分. Both are computed here: callers fill date, amount, currency, rate_micro, notes.
    std::int64_t add_funds(std::int64_t deal_id, FundsInPlace& funds);
    void remove_funds(std::int64_t funds_id);
    std::int64_t add_followup(std::int64_t deal_id, FollowUp& followup);
    void remove_followup(std::int64_t followup_id);

    static FieldValues fields(const Deal& deal);
    static FieldValues funds_fields(const FundsInPlace& f);

private:
    Database& db_;
    ReferenceSource refs_;
};

// "CNY"/"USD" (also 人民币/美元) to Currency; nullopt otherwise.
std::optional<Currency> parse_currency(const std::string& text);
// Exact rate text from rate_micro: 6850000 -> "6.85".
std::string rate_text(std::int64_t rate_micro);
// "6.8512" -> 6851200; nullopt when not a positive decimal with at most six decimals.
std::optional<std::int64_t> parse_rate(const std::string& text);

}  // namespace il::db
