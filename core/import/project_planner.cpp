// Planning the import of 亿元以上项目 rows: match by project code, else by name + region; the
// new state is the stored project with the file's non-empty cells applied; validation is the
// ledger's own (core/validate), so an import accepts exactly what the forms accept.
#include <map>
#include <set>

#include "core/db/problem_repository.h"
#include "core/db/project_repository.h"
#include "core/db/references.h"
#include "core/import/record_planner.h"
#include "core/validate/completeness.h"
#include "core/import/text_norm.h"
#include "core/stats/stage_at.h"
#include "core/validate/common.h"
#include "core/validate/project_rules.h"

namespace il::import {
namespace {

// "王某某（副市长）" -> {"王某某", "副市长"}
std::pair<std::string, std::string> split_leader(const std::string& text) {
    std::string n = normalize_label(text);
    std::size_t open = n.find('(');
    if (open != std::string::npos && !n.empty() && n.back() == ')')
        return {n.substr(0, open), n.substr(open + 1, n.size() - open - 2)};
    return {trim(text), ""};
}

class ProjectPlanner : public RecordPlanner {
public:
    ProjectPlanner(db::Database& db, const DictionaryLookup& dict)
        : db_(db), dict_(dict), repo_(db), refs_(db::load_references(db)) {
        db::Query q(db, "SELECT id, coalesce(code,''), name, region_id FROM projects");
        while (q.executeStep()) {
            std::int64_t id = q.getColumn(0).getInt64();
            std::string code = q.getColumn(1).getString();
            if (!code.empty()) by_code_[code] = id;
            by_name_[{q.getColumn(2).getString(), q.getColumn(3).getInt64()}] = id;
            region_of_[id] = q.getColumn(3).getInt64();
        }
    }

    void plan_row(RowValues& v, SourceRow source, ImportPlan& plan) override {
        auto name = v.text("name");
        if (!name) v.issue("name", "项目名称为空");
        auto code = v.code("code");
        auto zone = v.zone();
        auto region = v.region();
        if (!region && zone) region = dict_.zone_region(*zone);
        // Match: the project code first, else name + region
        std::int64_t existing_id = 0;
        if (code) {
            auto it = by_code_.find(*code);
            if (it != by_code_.end()) {
                existing_id = it->second;
                if (!region) region = region_of_.at(existing_id);
            }
        }
        if (!region && v.issues().empty())
            v.issue("region", "不知道属于哪个县（市、区）：表中没有该列，分组行、小计行、工作表名和填报单位也没有写明；"
                              "可加一列“所属县市区”或用 --set region=固安县");
        // Without name and region the row cannot be matched; its other cells are still read so
        // that every problem of the row is reported at once
        const bool identified = v.issues().empty();
        if (!identified) existing_id = 0;
        else if (!existing_id) {
            auto it = by_name_.find({*name, *region});
            if (it != by_name_.end()) existing_id = it->second;
        }
        if (identified) {
            std::string key = existing_id ? "#" + std::to_string(existing_id)
                                      : (code ? "code:" + *code : "name:" + *name + "@" + std::to_string(*region));
            auto [seen, fresh] = seen_rows_.emplace(key, source.row);
            if (!fresh) {
                v.issue("name", "与第" + std::to_string(seen->second) + "行是同一个项目（文件中重复）");
                return reject(v, std::move(source), plan);
            }
        }

        Project before;
        if (existing_id) {
            auto stored = repo_.get(existing_id);
            if (!stored) throw DatabaseError("项目 #" + std::to_string(existing_id) + " 读取失败");
            before = *stored;
        }
        Project p = before;
        if (name) p.name = *name;
        if (region) p.region_id = *region;
        if (code) p.code = code;
        if (zone) p.zone_id = zone;
        // Optional texts: an empty cell in a column the file fills elsewhere clears the stored text
        auto set_text = [&v](std::string_view f, std::string& dst) {
            if (auto t = v.text(f)) dst = *t;
            else if (v.cleared(f)) dst.clear();
        };
        set_text("owner", p.owner);
        set_text("site", p.site);
        if (auto id = v.industry()) p.industry_id = id;
        if (auto id = v.category()) p.category_id = id;
        // 建设性质: the city's form writes the stage there (续建 / 新开工); take it as the stage
        // when it is one and no stage column says otherwise.
        bool stage_set = false;
        if (auto t = v.mapped_text("nature")) {
            const FieldDef* nature = find_field(RecordKind::Projects, "nature");
            const FieldDef* stage = find_field(RecordKind::Projects, "stage");
            if (auto n = resolve_choice(*nature, *t)) p.nature = *n;
            else if (auto s = resolve_choice(*stage, *t); s && !v.present("stage")) {
                p.stage = *s;
                stage_set = true;
            } else v.choice("nature");  // reports the bad value
        }
        if (auto t = v.choice("level")) p.level = *t;
        if (auto t = v.choice("stage")) p.stage = *t;
        else if (!v.present("stage") && !stage_set && v.context().stage) p.stage = *v.context().stage;
        if (auto m = v.amount_vs("total_investment", p.total_investment)) p.total_investment = *m;
        else if (!existing_id && v.cleared("total_investment"))
            v.issue("total_investment", "总投资为空：新项目必须填写总投资（已有项目留空表示本次不报，保留原值）");
        if (auto d = v.date("planned_start")) p.planned_start = d;
        if (auto d = v.date("planned_completion")) p.planned_completion = d;
        if (auto d = v.date("actual_start")) p.actual_start = d;
        if (auto d = v.date("actual_completion")) p.actual_completion = d;
        set_text("content", p.content);
        if (auto t = v.text("leader")) {
            auto [who, title] = split_leader(*t);
            p.leader_name = who;
            if (!title.empty()) p.leader_title = title;
        } else if (v.cleared("leader")) {
            p.leader_name.clear();
            if (!v.binding("leader_title")) p.leader_title.clear();
        }
        set_text("leader_title", p.leader_title);
        set_text("responsible_unit", p.responsible_unit);
        set_text("contact_person", p.contact_person);
        if (auto t = v.code("contact_phone")) p.contact_phone = *t;
        else if (v.cleared("contact_phone")) p.contact_phone.clear();
        if (auto b = v.flag("is_jingjin")) p.is_jingjin = *b;
        if (auto b = v.flag("is_foreign")) p.is_foreign = *b;
        set_text("notes", p.notes);

        // Figures per year and month
        std::map<std::pair<int, int>, ProgressInput> progress;
        collect_figures(v, p.annual_plans, progress);
        if (!v.issues().empty()) return reject(v, std::move(source), plan);

        // The ledger's rules
        dict_.extend_references(refs_);  // the entries this import adds
        std::vector<FieldIssue> issues = validate::validate_project(p, &refs_);
        for (auto& [k, in] : progress)
            for (auto& i : validate::validate_monthly_figures(in.year, in.month, in.month_value.value_or(Money{}),
                                                               in.ytd.value_or(Money{}), p.total_investment))
                issues.push_back(i);
        if (!issues.empty()) {
            for (auto& i : issues) v.issue(i.field, i.reason);
            return reject(v, std::move(source), plan);
        }

        if (existing_id && !progress.empty()) keep_report_derived_values(before, p, progress);

        PlannedRecord rec;
        rec.source = std::move(source);
        rec.existing_id = existing_id;
        rec.display = p.name + "（" + dict_.region_name(p.region_id) + "）";
        for (auto& [k, in] : progress) {
            std::optional<ProgressEntry> old;
            if (existing_id) old = repo_.progress_at(existing_id, in.year, in.month);
            if (reconcile_progress(in, old ? std::optional(old->completed_ytd) : std::nullopt,
                                   old ? std::optional(old->completed_month) : std::nullopt))
                rec.progress.push_back(in);
        }
        if (existing_id) {
            for (auto& c : db::diff_fields(db::ProjectRepository::fields(before), db::ProjectRepository::fields(p)))
                rec.changes.push_back(display_change(c, RecordKind::Projects, dict_));
            for (auto& in : rec.progress) diff_progress(existing_id, in, rec.changes);
            rec.outcome = rec.changes.empty() ? Outcome::Unchanged : Outcome::Changed;
        } else {
            rec.outcome = Outcome::New;
        }
        rec.warnings = validate::missing_information(p);
        rec.project = std::move(p);
        plan.records.push_back(std::move(rec));
    }

private:
    // The tool's own detail report, sent back by a county, shows two values derived from the
    // ledger rather than stored as such: the stage as it was in the report's month (stats::stage_at)
    // and, for a month without its own 存在问题 text, the open problems joined by '；'. Read back
    // unchanged, they are not changes: the stored stage and month text stay as they are.
    void keep_report_derived_values(const Project& before, Project& p, std::map<std::pair<int, int>, ProgressInput>& progress) {
        const auto& [latest, in_latest] = *progress.rbegin();
        const Period period{latest.first, latest.second};
        if (p.stage != before.stage &&
            p.stage == stats::stage_at(before.stage, before.actual_start, before.actual_completion, period))
            p.stage = before.stage;
        std::string open;
        for (const auto& problem : db::ProblemRepository(db_).for_project(before.id))
            if (problem.status != "销号") open += (open.empty() ? "" : "；") + problem.description;
        if (open.empty()) return;
        for (auto& [k, in] : progress) {
            if (!in.problems || *in.problems != open) continue;
            auto old = repo_.progress_at(before.id, in.year, in.month);
            if (!old || old->problems.empty()) in.problems.reset();
        }
    }

    void reject(RowValues& v, SourceRow source, ImportPlan& plan) {
        plan.rejected.push_back({std::move(source), v.issues()});
    }

    void diff_progress(std::int64_t id, const ProgressInput& in, std::vector<CellChange>& out) {
        auto old = repo_.progress_at(id, in.year, in.month);
        auto money = [](const std::optional<ProgressEntry>& e, Money ProgressEntry::*f) {
            return e ? format_wan(*e.*f) : std::string();
        };
        if (in.ytd && (!old || old->completed_ytd != *in.ytd))
            out.push_back({progress_label(in.year, in.month, "累计完成"), money(old, &ProgressEntry::completed_ytd),
                           format_wan(*in.ytd)});
        if (in.month_value && !in.ytd && (!old || old->completed_month != *in.month_value))
            out.push_back({progress_label(in.year, in.month, "本月完成"), money(old, &ProgressEntry::completed_month),
                           format_wan(*in.month_value)});
        // "" (an emptied cell) is a change only when the month stores a text
        if (in.image_progress && (old ? old->image_progress != *in.image_progress : !in.image_progress->empty()))
            out.push_back({progress_label(in.year, in.month, "形象进度"), old ? old->image_progress : "", *in.image_progress});
        if (in.problems && (old ? old->problems != *in.problems : !in.problems->empty()))
            out.push_back({progress_label(in.year, in.month, "存在问题"), old ? old->problems : "", *in.problems});
    }

    db::Database& db_;
    const DictionaryLookup& dict_;
    db::ProjectRepository repo_;
    validate::References refs_;
    std::map<std::string, std::int64_t> by_code_;
    std::map<std::pair<std::string, std::int64_t>, std::int64_t> by_name_;
    std::map<std::int64_t, std::int64_t> region_of_;
    std::map<std::string, int> seen_rows_;
};

}  // namespace

std::unique_ptr<RecordPlanner> make_project_planner(db::Database& db, const DictionaryLookup& dict) {
    return std::make_unique<ProjectPlanner>(db, dict);
}

}  // namespace il::import
