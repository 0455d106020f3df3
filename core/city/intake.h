#pragma once
// 汇总: the city ledger receives an office's package. Opening it verifies the package
// (package_reader.h), that the office is one of the city's and the package's regions are its
// own (every record included), and that the city's dictionaries know every name it uses; then
// the preview shows, per record, what accepting would do compared with what the city holds from
// that office (new / changed fields / removed), the conflicts with other offices' records, and
// the findings of the pre-submission checks. accept() merges in one transaction (the office's
// records are replaced by the package's; conflicting ones are held in city_conflicts); reject()
// records the refusal. Both are written to the audit log.
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/city/package_reader.h"
#include "core/db/database.h"

namespace il::city {

enum class ChangeKind { Added, Changed, Removed };
const char* change_label(ChangeKind k);  // 新增 / 变更 / 删除

struct FieldDiff {
    std::string field, old_value, new_value;
};

struct RecordChange {
    std::string table;  // projects, renovations, deals, targets
    std::string table_label;
    std::string uid, label;
    ChangeKind change = ChangeKind::Added;
    std::vector<FieldDiff> fields;  // for Changed: the fields that differ
};

struct ConflictInfo {
    std::string table;  // projects, renovations
    std::string incoming_uid, existing_uid, existing_office, name, matched_by;
};

struct IntakePreview {
    Manifest manifest;
    std::string file_name, sha256;
    int original_schema = 0;
    bool resubmission = false;  // the city already accepted a package of this office and period
    std::vector<RecordChange> changes;
    int unchanged = 0;
    std::vector<ConflictInfo> conflicts;
    std::vector<std::string> findings;  // pre-submission checks (do not stop acceptance)
    int count(ChangeKind k) const;
};

struct AcceptResult {
    std::int64_t submission_id = 0;
    int added = 0, changed = 0, removed = 0, unchanged = 0, conflicts = 0;
};

class Intake {
public:
    // Opens and verifies the package; throws PackageRefused with the reason when it cannot be
    // accepted (nothing is written).
    Intake(db::Database& city, const std::filesystem::path& package);
    Intake(db::Database& city, std::unique_ptr<OpenedPackage> package);
    ~Intake();

    const IntakePreview& preview() const { return preview_; }
    // Merges the package. Throws PeriodLocked when the city has locked the period, or
    // ValidationError when `strict` and the checks found something. Nothing half-written.
    AcceptResult accept(bool strict = false);
    // Records the package as rejected (拒收) with the reason (required); nothing is merged.
    std::int64_t reject(const std::string& reason);

private:
    void verify_origin();
    void build_preview();
    std::int64_t record_submission(const std::string& status, const std::string& summary, const std::string& reason);

    db::Database& db_;
    std::unique_ptr<OpenedPackage> pkg_;
    IntakePreview preview_;
};

// Text of a preview for the CLI and the log: a header, counts, conflicts, findings and the
// changes (at most `max_changes`, 0: all).
std::string preview_text(const IntakePreview& p, std::size_t max_changes = 0);
std::string preview_json(const IntakePreview& p);

}  // namespace il::city
