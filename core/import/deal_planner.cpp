// Planning and writing 招商引资 deals: matched by name + region; signed amounts in CNY or USD
// (a 万美元 header or a "…万美元" cell); the ledger's deal rules validate. Funds in place
// (到位资金) columns become dated transactions the import keeps per window (deal_funds_plan.h).
#include <map>

#include "core/db/deal_repository.h"
#include "core/db/references.h"
#include "core/import/deal_funds_plan.h"
#include "core/import/record_planner.h"
#include "core/validate/completeness.h"
#include "core/import/record_writer.h"
#include "core/util/clock.h"
#include "core/validate/deal_rules.h"

namespace il::import {
namespace {

class DealPlanner : public RecordPlanner {
public:
    DealPlanner(db::Database& db, const DictionaryLookup& dict)
        : dict_(dict), repo_(db), refs_(db::load_references(db, true)) {
        db::Query q(db, "SELECT id, name, region_id FROM deals");
        while (q.executeStep()) by_name_[{q.getColumn(1).getString(), q.getColumn(2).getInt64()}] = q.getColumn(0).getInt64();
    }

    void plan_row(RowValues& v, SourceRow source, ImportPlan& plan) override {
        auto name = v.text("name");
        if (!name) v.issue("name", "项目名称为空");
        auto zone = v.zone();
        auto region = v.region();
        if (!region && zone) region = dict_.zone_region(*zone);
        if (!region && v.issues().empty())
            v.issue("region", "不知道属于哪个县（市、区）：可加一列“所属县市区”或用 --set region=固安县");
        std::int64_t existing_id = 0;
        if (v.issues().empty()) {
            if (auto it = by_name_.find({*name, *region}); it != by_name_.end()) existing_id = it->second;
            std::string key = *name + "@" + std::to_string(*region);
            auto [seen, fresh] = seen_rows_.emplace(key, source.row);
            if (!fresh) {
                v.issue("name", "与第" + std::to_string(seen->second) + "行是同一个招商项目（文件中重复）");
                return reject(v, std::move(source), plan);
            }
        }
        Deal before;
        if (existing_id) {
            auto stored = repo_.get(existing_id);
            if (!stored) throw DatabaseError("招商项目 #" + std::to_string(existing_id) + " 读取失败");
            before = *stored;
        }
        Deal d = before;
        if (name) d.name = *name;
        if (region) d.region_id = *region;
        if (zone) d.zone_id = zone;
        // Optional texts: an empty cell in a column the file fills elsewhere clears the stored text
        auto set_text = [&v](std::string_view f, std::string& dst) {
            if (auto t = v.text(f)) dst = *t;
            else if (v.cleared(f)) dst.clear();
        };
        set_text("investor", d.investor);
        if (auto t = v.choice("origin")) d.origin = *t;
        else if (!existing_id && !v.present("origin"))
            v.issue("origin", "缺少来源地（北京、天津、省内、省外、境外）：可加一列“来源地”或用 --set origin=北京");
        set_text("country", d.country);
        if (auto b = v.flag("is_foreign")) d.is_foreign = *b;
        if (auto id = v.industry()) d.industry_id = id;
        if (auto id = v.category()) d.category_id = id;
        if (auto t = v.choice("stage")) d.stage = *t;
        if (auto x = v.date("lead_date")) d.lead_date = x;
        if (auto x = v.date("negotiation_date")) d.negotiation_date = x;
        if (auto x = v.date("signed_date")) d.signed_date = x;
        if (auto x = v.date("registered_date")) d.registered_date = x;
        if (auto x = v.date("started_date")) d.started_date = x;
        if (auto x = v.date("operating_date")) d.operating_date = x;
        set_text("signing_event", d.signing_event);
        if (auto t = v.choice("contract_type")) d.contract_type = *t;
        bool usd = false;
        if (auto amount = v.usd_or_cny("contract_amount", &usd)) {
            d.contract_amount = *amount;
            d.contract_currency = usd ? Currency::USD : Currency::CNY;
        }
        set_text("notes", d.notes);
        set_text("contact_person", d.contact_person);
        if (auto t = v.code("contact_phone")) d.contact_phone = *t;
        else if (v.cleared("contact_phone")) d.contact_phone.clear();
        std::vector<CellChange> funds_changes;
        if (v.issues().empty()) plan_deal_funds(v, d, existing_id != 0, today_, funds_changes);
        if (!v.issues().empty()) return reject(v, std::move(source), plan);

        dict_.extend_references(refs_);  // the entries this import adds
        auto issues = validate::validate_deal(d, &refs_);
        if (!issues.empty()) {
            for (auto& i : issues) v.issue(i.field, i.reason);
            return reject(v, std::move(source), plan);
        }
        PlannedRecord rec;
        rec.source = std::move(source);
        rec.existing_id = existing_id;
        rec.display = d.name + "（" + dict_.region_name(d.region_id) + "）";
        if (existing_id) {
            for (auto& c : db::diff_fields(db::DealRepository::fields(before), db::DealRepository::fields(d)))
                rec.changes.push_back(display_change(c, RecordKind::Deals, dict_));
            for (auto& c : funds_changes) rec.changes.push_back(std::move(c));
            rec.outcome = rec.changes.empty() ? Outcome::Unchanged : Outcome::Changed;
        }
        rec.warnings = validate::missing_information(d);
        rec.deal = std::move(d);
        plan.records.push_back(std::move(rec));
    }

private:
    void reject(RowValues& v, SourceRow source, ImportPlan& plan) { plan.rejected.push_back({std::move(source), v.issues()}); }

    const DictionaryLookup& dict_;
    db::DealRepository repo_;
    validate::References refs_;
    std::map<std::pair<std::string, std::int64_t>, std::int64_t> by_name_;
    std::map<std::string, int> seen_rows_;
    std::string today_ = today_iso();
};

class DealWriter : public RecordWriter {
public:
    explicit DealWriter(db::Database& db) : repo_(db) { repo_.keep_references_loaded(); }  // one import, one transaction
    void write(PlannedRecord& rec, const std::string& source_name) override {
        Deal& d = *rec.deal;
        if (rec.existing_id == 0) {
            repo_.insert(d);
            rec.existing_id = d.id;
        } else {
            repo_.update(d, "导入 " + source_name);
        }
    }

private:
    db::DealRepository repo_;
};

}  // namespace

std::unique_ptr<RecordPlanner> make_deal_planner(db::Database& db, const DictionaryLookup& dict) {
    return std::make_unique<DealPlanner>(db, dict);
}
std::unique_ptr<RecordWriter> make_deal_writer(db::Database& db) { return std::make_unique<DealWriter>(db); }

}  // namespace il::import
