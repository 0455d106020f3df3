#include "core/import/record_writer.h"

#include "core/db/project_repository.h"
#include "core/model/period.h"

namespace il::import {
namespace {

class ProjectWriter : public RecordWriter {
public:
    explicit ProjectWriter(db::Database& db) : repo_(db) { repo_.keep_references_loaded(); }  // one import, one transaction

    void write(PlannedRecord& rec, const std::string& source_name) override {
        Project& p = *rec.project;
        // A project inserted here has no monthly figures but those written below for it.
        const bool inserted = rec.existing_id == 0;
        if (rec.existing_id == 0) {
            repo_.insert(p);
            rec.existing_id = p.id;
        } else {
            // Fields of the record itself (progress is written below, month by month)
            bool record_changed = false;
            for (const auto& c : rec.changes)
                if (!is_period_label(c.field)) record_changed = true;
            if (record_changed) repo_.update(p, "导入 " + source_name);
        }
        for (std::size_t i = 0; i < rec.progress.size(); ++i) {
            const auto& in = rec.progress[i];
            ProgressEntry e;
            if (!inserted || written_before(rec, i))
                if (auto old = repo_.progress_at(p.id, in.year, in.month)) e = *old;
            e.project_id = p.id;
            e.year = in.year;
            e.month = in.month;
            bool as_ytd = true;
            if (in.ytd) e.completed_ytd = *in.ytd;
            else if (in.month_value) {
                e.completed_month = *in.month_value;
                as_ytd = false;
            }
            if (in.image_progress) e.image_progress = *in.image_progress;
            if (in.problems) e.problems = *in.problems;
            if (rec.outcome == Outcome::Changed && !progress_changed(rec, in)) continue;
            repo_.set_progress(e, as_ytd);
        }
    }

private:
    // An earlier entry of the record for the same month (its figures were just written).
    static bool written_before(const PlannedRecord& rec, std::size_t i) {
        for (std::size_t j = 0; j < i; ++j)
            if (rec.progress[j].year == rec.progress[i].year && rec.progress[j].month == rec.progress[i].month) return true;
        return false;
    }
    static bool is_period_label(const std::string& f) {
        // "2017年计划投资" is stored with the project; "2017-06 累计完成" with progress
        return f.size() > 8 && f[4] == '-' && f[7] == ' ';
    }
    static bool progress_changed(const PlannedRecord& rec, const ProgressInput& in) {
        std::string prefix = Period{in.year, in.month}.key() + " ";
        for (const auto& c : rec.changes)
            if (c.field.rfind(prefix, 0) == 0) return true;
        return false;
    }
    db::ProjectRepository repo_;
};

}  // namespace

const char* kind_table(RecordKind kind) {
    switch (kind) {
        case RecordKind::Projects: return "projects";
        case RecordKind::Renovations: return "renovations";
        case RecordKind::Deals: return "deals";
    }
    return "projects";
}

std::unique_ptr<RecordWriter> make_record_writer(db::Database& db, RecordKind kind) {
    switch (kind) {
        case RecordKind::Projects: return std::make_unique<ProjectWriter>(db);
        case RecordKind::Renovations: return make_renovation_writer(db);
        case RecordKind::Deals: return make_deal_writer(db);
    }
    return nullptr;
}

}  // namespace il::import
