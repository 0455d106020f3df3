// Planning and writing 技改项目 rows: matched by 备案号, else by enterprise + project name; the
// ledger's renovation rules validate; written through RenovationRepository.
#include <map>

#include "core/db/references.h"
#include "core/db/renovation_repository.h"
#include "core/import/record_planner.h"
#include "core/validate/completeness.h"
#include "core/import/record_writer.h"
#include "core/model/period.h"
#include "core/validate/common.h"
#include "core/validate/renovation_rules.h"

namespace il::import {
namespace {

std::optional<RenovationProgress> progress_of(db::RenovationRepository& repo, std::int64_t id, int year, int month) {
    for (auto& e : repo.progress(id, year))
        if (e.month == month) return e;
    return std::nullopt;
}

class RenovationPlanner : public RecordPlanner {
public:
    RenovationPlanner(db::Database& db, const DictionaryLookup& dict)
        : dict_(dict), repo_(db), refs_(db::load_references(db)) {
        db::Query q(db, "SELECT id, coalesce(filing_number,''), enterprise, name, region_id FROM renovations");
        while (q.executeStep()) {
            std::int64_t id = q.getColumn(0).getInt64();
            std::string filing = q.getColumn(1).getString();
            if (!filing.empty()) by_filing_[filing] = id;
            by_name_[{q.getColumn(2).getString(), q.getColumn(3).getString()}] = id;
            region_of_[id] = q.getColumn(4).getInt64();
        }
    }

    void plan_row(RowValues& v, SourceRow source, ImportPlan& plan) override {
        auto name = v.text("name");
        auto enterprise = v.text("enterprise");
        if (!name) v.issue("name", "项目名称为空");
        if (!enterprise) v.issue("enterprise", "企业名称为空");
        auto filing = v.code("filing_number");
        auto zone = v.zone();
        auto region = v.region();
        if (!region && zone) region = dict_.zone_region(*zone);
        std::int64_t existing_id = 0;
        if (filing)
            if (auto it = by_filing_.find(*filing); it != by_filing_.end()) existing_id = it->second;
        if (!existing_id && name && enterprise)
            if (auto it = by_name_.find({*enterprise, *name}); it != by_name_.end()) existing_id = it->second;
        if (!region && existing_id) region = region_of_.at(existing_id);
        if (!region && v.issues().empty())
            v.issue("region", "不知道属于哪个县（市、区）：可加一列“所属县市区”或用 --set region=固安县");
        if (v.issues().empty()) {
            std::string key = existing_id ? "#" + std::to_string(existing_id) : (filing ? "f:" + *filing : "n:" + *enterprise + "|" + *name);
            auto [seen, fresh] = seen_rows_.emplace(key, source.row);
            if (!fresh) {
                v.issue("name", "与第" + std::to_string(seen->second) + "行是同一个技改项目（文件中重复）");
                return reject(v, std::move(source), plan);
            }
        } else {
            existing_id = 0;
        }

        Renovation before;
        if (existing_id) {
            auto stored = repo_.get(existing_id);
            if (!stored) throw DatabaseError("技改项目 #" + std::to_string(existing_id) + " 读取失败");
            before = *stored;
        }
        Renovation r = before;
        if (name) r.name = *name;
        if (enterprise) r.enterprise = *enterprise;
        if (region) r.region_id = *region;
        if (filing) r.filing_number = filing;
        if (zone) r.zone_id = zone;
        if (auto id = v.industry()) r.industry_id = id;
        if (auto t = v.choice("kind")) r.kind = *t;
        if (auto t = v.choice("stage")) r.stage = *t;
        else if (!v.present("stage") && v.context().stage) {
            const FieldDef* st = find_field(RecordKind::Renovations, "stage");
            if (auto s = resolve_choice(*st, *v.context().stage)) r.stage = *s;
        }
        if (auto m = v.amount_vs("total_investment", r.total_investment)) r.total_investment = *m;
        else if (!existing_id && v.cleared("total_investment"))
            v.issue("total_investment", "总投资为空：新技改项目必须填写总投资（已有项目留空表示本次不报，保留原值）");
        if (auto m = v.amount_vs("equipment_investment", r.equipment_investment)) r.equipment_investment = *m;
        if (auto b = v.flag("in_statistics")) r.in_statistics = *b;
        if (auto d = v.date("planned_start")) r.planned_start = d;
        if (auto d = v.date("planned_completion")) r.planned_completion = d;
        if (auto d = v.date("actual_start")) r.actual_start = d;
        if (auto d = v.date("actual_completion")) r.actual_completion = d;
        if (auto m = v.amount_vs("expected_output", r.expected_output)) r.expected_output = *m;
        if (auto m = v.amount_vs("expected_tax", r.expected_tax)) r.expected_tax = *m;
        if (auto t = v.text("notes")) r.notes = *t;
        else if (v.cleared("notes")) r.notes.clear();  // an emptied optional text clears it
        std::map<std::pair<int, int>, ProgressInput> progress;
        collect_figures(v, r.annual_plans, progress);
        if (!v.issues().empty()) return reject(v, std::move(source), plan);

        dict_.extend_references(refs_);  // the entries this import adds
        std::vector<FieldIssue> issues = validate::validate_renovation(r, &refs_);
        for (auto& [k, in] : progress)
            for (auto& i : validate::validate_monthly_figures(in.year, in.month, in.month_value.value_or(Money{}),
                                                               in.ytd.value_or(Money{}), r.total_investment))
                issues.push_back(i);
        if (!issues.empty()) {
            for (auto& i : issues) v.issue(i.field, i.reason);
            return reject(v, std::move(source), plan);
        }

        PlannedRecord rec;
        rec.source = std::move(source);
        rec.existing_id = existing_id;
        rec.display = r.enterprise + "：" + r.name;
        for (auto& [k, in] : progress) {
            std::optional<RenovationProgress> old;
            if (existing_id) old = progress_of(repo_, existing_id, in.year, in.month);
            if (reconcile_progress(in, old ? std::optional(old->completed_ytd) : std::nullopt,
                                   old ? std::optional(old->completed_month) : std::nullopt))
                rec.progress.push_back(in);
        }
        if (existing_id) {
            for (auto& c : db::diff_fields(db::RenovationRepository::fields(before), db::RenovationRepository::fields(r)))
                rec.changes.push_back(display_change(c, RecordKind::Renovations, dict_));
            for (auto& in : rec.progress) {
                auto old = progress_of(repo_, existing_id, in.year, in.month);
                if (in.ytd && (!old || old->completed_ytd != *in.ytd))
                    rec.changes.push_back({progress_label(in.year, in.month, "累计完成"), old ? format_wan(old->completed_ytd) : "",
                                           format_wan(*in.ytd)});
                else if (!in.ytd && in.month_value && (!old || old->completed_month != *in.month_value))
                    rec.changes.push_back({progress_label(in.year, in.month, "本月完成"),
                                           old ? format_wan(old->completed_month) : "", format_wan(*in.month_value)});
            }
            rec.outcome = rec.changes.empty() ? Outcome::Unchanged : Outcome::Changed;
        }
        rec.warnings = validate::missing_information(r);
        rec.renovation = std::move(r);
        plan.records.push_back(std::move(rec));
    }

private:
    void reject(RowValues& v, SourceRow source, ImportPlan& plan) { plan.rejected.push_back({std::move(source), v.issues()}); }

    const DictionaryLookup& dict_;
    db::RenovationRepository repo_;
    validate::References refs_;
    std::map<std::string, std::int64_t> by_filing_;
    std::map<std::pair<std::string, std::string>, std::int64_t> by_name_;
    std::map<std::int64_t, std::int64_t> region_of_;
    std::map<std::string, int> seen_rows_;
};

class RenovationWriter : public RecordWriter {
public:
    explicit RenovationWriter(db::Database& db) : repo_(db) { repo_.keep_references_loaded(); }  // one import, one transaction
    void write(PlannedRecord& rec, const std::string& source_name) override {
        Renovation& r = *rec.renovation;
        if (rec.existing_id == 0) {
            repo_.insert(r);
            rec.existing_id = r.id;
        } else {
            bool record_changed = false;
            for (const auto& c : rec.changes)
                if (!(c.field.size() > 8 && c.field[4] == '-' && c.field[7] == ' ')) record_changed = true;
            if (record_changed) repo_.update(r, "导入 " + source_name);
        }
        for (const auto& in : rec.progress) {
            if (!in.ytd && !in.month_value) continue;
            if (rec.outcome == Outcome::Changed) {
                std::string prefix = Period{in.year, in.month}.key() + " ";
                bool changed = false;
                for (const auto& c : rec.changes)
                    if (c.field.rfind(prefix, 0) == 0) changed = true;
                if (!changed) continue;
            }
            RenovationProgress e;
            e.renovation_id = r.id;
            e.year = in.year;
            e.month = in.month;
            if (in.ytd) e.completed_ytd = *in.ytd;
            else e.completed_month = *in.month_value;
            repo_.set_progress(e, in.ytd.has_value());
        }
    }

private:
    db::RenovationRepository repo_;
};

}  // namespace

std::unique_ptr<RecordPlanner> make_renovation_planner(db::Database& db, const DictionaryLookup& dict) {
    return std::make_unique<RenovationPlanner>(db, dict);
}
std::unique_ptr<RecordWriter> make_renovation_writer(db::Database& db) { return std::make_unique<RenovationWriter>(db); }

}  // namespace il::import
