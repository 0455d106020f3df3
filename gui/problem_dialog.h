#pragma once
// Editing one 问题 (problem of a project): description, owner unit, status (交办/督办/销号) with
// its dates, notes, and its 变更记录. "Mark resolved" sets 销号 with today's date (unless a
// closing date is already there) and saves. Saving validates in core; rejected fields are shown
// where they are (see RecordDialog).
#include <optional>

#include "core/model/project.h"
#include "gui/record_dialog.h"

namespace il::gui {

class ProblemDialog : public RecordDialog {
public:
    // The modal result of "Open project" (offered when `offer_project`): the caller opens it.
    static constexpr int kOpenProject = wxID_HIGHEST + 400;
    // problem_id 0: a new problem of project_id.
    ProblemDialog(wxWindow* parent, AppContext& ctx, std::int64_t problem_id, std::int64_t project_id,
                  bool offer_project = false);
    bool try_save() override;
    // Sets 销号 and the closing date (today if empty), then saves; false when refused.
    bool mark_resolved();
    const Problem& problem() const { return record_; }

private:
    wxWindow* build_page();
    void fill_controls();

    Problem record_;
    std::optional<Problem> before_;
};

}  // namespace il::gui
