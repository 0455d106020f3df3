// Planning the import of 亿元以上项目 rows: match by project code, else by name + region; the
// new state is the stored project with the file's non-empty cells applied; validation is the
// ledger's own (core/validate), so an import accepts exactly what the forms accept.
#include <map>
#include <set>

#include "core/db/project_repository.h"
#include "core/db/references.h"
#include "core/import/record_planner.h"
#include "core/import/text_norm.h"
#include "core/validate/project_rules.h"

namespace il::import {
namespace {

std::string field_label(RecordKind kind, const std::string& key) {
    if (const FieldDef* f = find_field(kind, key)) return std::string(f->label);
    return key;
}

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
        SQLite::Statement q(db.sql(), "SELECT id, coalesce(code,''), name, region_id FROM projects");
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
        if (auto t = v.text("owner")) p.owner = *t;
        if (auto t = v.text("site")) p.site = *t;
        if (auto id = v.industry()) p.industry_id = id;
        if (auto id = v.category()) p.category_id = id;
        // 建设性质: the city's form writes the stage there (续建 / 新开工); take it as the stage
        // when it is one and no stage column says otherwise.
        bool stage_set = false;
        if (auto t = v.text("nature")) {
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
        if (auto m = v.amount("total_investment")) p.total_investment = *m;
        if (auto d = v.date("planned_start")) p.planned_start = d;
        if (auto d = v.date("planned_completion")) p.planned_completion = d;
        if (auto d = v.date("actual_start")) p.actual_start = d;
        if (auto d = v.date("actual_completion")) p.actual_completion = d;
        if (auto t = v.text("content")) p.content = *t;
        if (auto t = v.text("leader")) {
            auto [who, title] = split_leader(*t);
            p.leader_name = who;
            if (!title.empty()) p.leader_title = title;
        }
        if (auto t = v.text("leader_title")) p.leader_title = *t;
        if (auto t = v.text("responsible_unit")) p.responsible_unit = *t;
        if (auto t = v.text("contact_person")) p.contact_person = *t;
        if (auto t = v.code("contact_phone")) p.contact_phone = *t;
        if (auto b = v.flag("is_jingjin")) p.is_jingjin = *b;
        if (auto b = v.flag("is_foreign")) p.is_foreign = *b;
        if (auto t = v.text("notes")) p.notes = *t;

        // Figures per year and month
        std::map<std::pair<int, int>, ProgressInput> progress;
        for (const auto& [b, c] : v.cells()) {
            if (c->empty()) continue;
            if (b->field == "annual_plan" && b->year) {
                auto m = read_amount(*c, b->unit);
                if (!m.ok()) v.issue("annual_plan", m.error);
                else if (m.value) p.annual_plans[*b->year] = *m.value;
                continue;
            }
            bool monthly = b->field == "completed_ytd" || b->field == "completed_month" ||
                           b->field == "image_progress" || b->field == "problems";
            if (!monthly || !b->year || !b->month) continue;
            ProgressInput& in = progress[{*b->year, *b->month}];
            in.year = *b->year;
            in.month = *b->month;
            if (b->field == "completed_ytd" || b->field == "completed_month") {
                auto m = read_amount(*c, b->unit);
                if (!m.ok()) v.issue(b->field == "completed_ytd" ? "completed_ytd" : "completed_month", m.error);
                else if (m.value) (b->field == "completed_ytd" ? in.ytd : in.month_value) = *m.value;
            } else {
                std::string t = trim(cell_text(*c));
                if (!t.empty()) (b->field == "image_progress" ? in.image_progress : in.problems) = t;
            }
        }
        if (!v.issues().empty()) return reject(v, std::move(source), plan);

        // The ledger's rules
        std::vector<FieldIssue> issues = validate::validate_project(p, &refs_);
        for (auto& [k, in] : progress) {
            ProgressEntry e;
            e.project_id = existing_id;
            e.year = in.year;
            e.month = in.month;
            if (in.ytd) e.completed_ytd = *in.ytd;
            if (in.month_value) e.completed_month = *in.month_value;
            for (auto& i : validate::validate_progress(e, p.total_investment)) issues.push_back(i);
        }
        if (!issues.empty()) {
            for (auto& i : issues) v.issue(i.field, i.reason);
            return reject(v, std::move(source), plan);
        }

        PlannedRecord rec;
        rec.source = std::move(source);
        rec.existing_id = existing_id;
        rec.display = p.name + "（" + dict_.region_name(p.region_id) + "）";
        for (auto& [k, in] : progress) rec.progress.push_back(in);
        if (existing_id) {
            for (auto& c : db::diff_fields(db::ProjectRepository::fields(before), db::ProjectRepository::fields(p)))
                rec.changes.push_back(display_change(c));
            for (auto& in : rec.progress) diff_progress(existing_id, in, rec.changes);
            rec.outcome = rec.changes.empty() ? Outcome::Unchanged : Outcome::Changed;
        } else {
            rec.outcome = Outcome::New;
        }
        rec.project = std::move(p);
        plan.records.push_back(std::move(rec));
    }

private:
    void reject(RowValues& v, SourceRow source, ImportPlan& plan) {
        plan.rejected.push_back({std::move(source), v.issues()});
    }

    // A change as the user reads it: Chinese field names, dictionary names instead of ids, plans
    // per year.
    CellChange display_change(const db::FieldChange& c) const {
        auto name_of = [&](const std::string& id_text, std::string (DictionaryLookup::*f)(std::int64_t) const) {
            if (id_text.empty()) return std::string();
            try {
                std::string n = (dict_.*f)(std::stoll(id_text));
                return n.empty() ? id_text : n;
            } catch (...) {
                return id_text;
            }
        };
        if (c.field == "region_id")
            return {"所属县市区", name_of(c.old_value, &DictionaryLookup::region_name), name_of(c.new_value, &DictionaryLookup::region_name)};
        if (c.field == "zone_id")
            return {"开发区", name_of(c.old_value, &DictionaryLookup::zone_name), name_of(c.new_value, &DictionaryLookup::zone_name)};
        if (c.field == "industry_id")
            return {"国民经济行业", name_of(c.old_value, &DictionaryLookup::industry_name),
                    name_of(c.new_value, &DictionaryLookup::industry_name)};
        if (c.field == "category_id")
            return {"产业类别", name_of(c.old_value, &DictionaryLookup::category_name),
                    name_of(c.new_value, &DictionaryLookup::category_name)};
        if (c.field.rfind("annual_plans.", 0) == 0) {
            try {
                return {plan_label(std::stoi(c.field.substr(13))), c.old_value, c.new_value};
            } catch (...) {
            }
        }
        static const std::map<std::string, std::string> extra = {{"leader_name", "包联领导"}, {"leader_title", "领导职务"}};
        if (auto it = extra.find(c.field); it != extra.end()) return {it->second, c.old_value, c.new_value};
        return {field_label(RecordKind::Projects, c.field), c.old_value, c.new_value};
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
        if (in.image_progress && (!old || old->image_progress != *in.image_progress))
            out.push_back({progress_label(in.year, in.month, "形象进度"), old ? old->image_progress : "", *in.image_progress});
        if (in.problems && (!old || old->problems != *in.problems))
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

std::string plan_label(int year) { return std::to_string(year) + "年计划投资"; }

std::string progress_label(int year, int month, std::string_view what) {
    return Period{year, month}.key() + " " + std::string(what);
}

std::unique_ptr<RecordPlanner> make_project_planner(db::Database& db, const DictionaryLookup& dict) {
    return std::make_unique<ProjectPlanner>(db, dict);
}

}  // namespace il::import
