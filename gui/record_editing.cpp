#include "gui/record_editing.h"

#include <wx/intl.h>

#include "core/db/problem_repository.h"
#include "core/db/deal_repository.h"
#include "core/db/project_repository.h"
#include "core/db/renovation_repository.h"
#include "core/util/error.h"
#include "gui/deal_dialog.h"
#include "gui/error_text.h"
#include "gui/problem_dialog.h"
#include "gui/renovation_dialog.h"
#include "gui/wx_util.h"

namespace il::gui {
namespace {

constexpr const char* kUndoReason = "撤销";

void changed(AppContext& ctx, const wxString& status) {
    if (ctx.data_changed) ctx.data_changed();
    if (ctx.status && !status.empty()) ctx.status(status);
}

template <class Dialog>
bool run_dialog(wxWindow* parent, AppContext& ctx, std::int64_t id) {
    Dialog dlg(parent, ctx, id);
    if (!dlg.loaded() || dlg.ShowModal() != wxID_OK) return false;
    changed(ctx, {});
    return true;
}

bool confirm_delete(wxWindow* parent, const wxString& text, const wxString& title) {
    return ask(parent, text + "\n" + _("You can undo this with Ctrl+Z."), title, wxYES_NO | wxNO_DEFAULT | wxICON_WARNING) ==
           wxYES;
}

bool delete_renovation(wxWindow* parent, AppContext& ctx, std::int64_t id) {
    try {
        db::RenovationRepository repo(*ctx.db);
        auto r = repo.get(id);
        if (!r) return false;
        if (!confirm_delete(parent, wxString::Format(_("Delete the renovation item \"%s\" with its monthly figures?"), wx(r->name)),
                            _("Delete renovation item")))
            return false;
        std::vector<RenovationProgress> progress;
        for (int year = 2000; year <= ctx.period.year + 2; ++year) {  // every year a ledger can hold figures for
            auto p = repo.progress(id, year);
            progress.insert(progress.end(), p.begin(), p.end());
        }
        repo.remove(id);
        if (ctx.undo)
            ctx.undo->record(wxString::Format(_("delete %s"), wx(r->name)), [r = *r, progress](db::Database& db) {
                db::RenovationRepository again(db);
                Renovation copy = r;
                copy.id = 0;
                copy.version = 0;
                std::int64_t new_id = again.insert(copy);
                for (RenovationProgress p : progress) {
                    p.renovation_id = new_id;
                    again.set_progress(p, true);
                }
            });
        changed(ctx, wxString::Format(_("Deleted \"%s\" (Ctrl+Z to undo)"), wx(r->name)));
        return true;
    } catch (...) {
        show_current_exception(parent, _("Delete renovation item"));
    }
    return false;
}

bool delete_deal(wxWindow* parent, AppContext& ctx, std::int64_t id) {
    try {
        db::DealRepository repo(*ctx.db);
        auto d = repo.get(id);
        if (!d) return false;
        if (!confirm_delete(parent, wxString::Format(_("Delete the deal \"%s\" with its funds and follow-ups?"), wx(d->name)),
                            _("Delete deal")))
            return false;
        repo.remove(id);
        if (ctx.undo)
            ctx.undo->record(wxString::Format(_("delete %s"), wx(d->name)), [d = *d](db::Database& db) {
                Deal copy = d;
                copy.id = 0;
                copy.version = 0;
                db::DealRepository(db).insert(copy);
            });
        changed(ctx, wxString::Format(_("Deleted \"%s\" (Ctrl+Z to undo)"), wx(d->name)));
        return true;
    } catch (...) {
        show_current_exception(parent, _("Delete deal"));
    }
    return false;
}

}  // namespace

bool can_add(ListKind kind) { return kind != ListKind::Problems; }

bool open_record(wxWindow* parent, AppContext& ctx, ListKind kind, std::int64_t record_id, std::int64_t ref_id) {
    if (!ctx.db || !record_id) return false;
    switch (kind) {
        case ListKind::Projects:
            if (ctx.open_project) ctx.open_project(record_id);
            return false;
        case ListKind::Renovations: return run_dialog<RenovationDialog>(parent, ctx, record_id);
        case ListKind::Deals: return run_dialog<DealDialog>(parent, ctx, record_id);
        case ListKind::Problems: return edit_problem(parent, ctx, record_id, ref_id, true);
    }
    return false;
}

bool add_record(wxWindow* parent, AppContext& ctx, ListKind kind) {
    if (!ctx.db) return false;
    switch (kind) {
        case ListKind::Projects:
            if (ctx.open_project) ctx.open_project(0);
            return false;
        case ListKind::Renovations: return run_dialog<RenovationDialog>(parent, ctx, 0);
        case ListKind::Deals: return run_dialog<DealDialog>(parent, ctx, 0);
        case ListKind::Problems: return false;
    }
    return false;
}

bool delete_record(wxWindow* parent, AppContext& ctx, ListKind kind, std::int64_t record_id) {
    if (!ctx.db || !record_id) return false;
    switch (kind) {
        case ListKind::Projects:
            if (ctx.delete_project) ctx.delete_project(record_id);
            return false;
        case ListKind::Renovations: return delete_renovation(parent, ctx, record_id);
        case ListKind::Deals: return delete_deal(parent, ctx, record_id);
        case ListKind::Problems: return delete_problem(parent, ctx, record_id);
    }
    return false;
}

bool edit_problem(wxWindow* parent, AppContext& ctx, std::int64_t problem_id, std::int64_t project_id, bool from_list) {
    if (!ctx.db) return false;
    ProblemDialog dlg(parent, ctx, problem_id, project_id, from_list);
    if (!dlg.loaded()) return false;
    int rc = dlg.ShowModal();
    if (rc == ProblemDialog::kOpenProject && ctx.open_project) {
        ctx.open_project(dlg.problem().project_id);
        return false;
    }
    if (rc != wxID_OK) return false;
    changed(ctx, {});
    return true;
}

bool resolve_problem(wxWindow* parent, AppContext& ctx, std::int64_t problem_id) {
    if (!ctx.db) return false;
    try {
        db::ProblemRepository repo(*ctx.db);
        auto p = repo.get(problem_id);
        if (!p) return false;
        Problem edited = *p;
        edited.status = kProblemStatuses.back();
        if (!edited.closed_date) edited.closed_date = utf8(wxDateTime::Today().FormatISODate());
        repo.update(edited);
        if (ctx.undo) record_problem_undo(*ctx.undo, p, edited);
        changed(ctx, wxString::Format(_("Problem resolved on %s"), wx(*edited.closed_date)));
        return true;
    } catch (...) {
        show_current_exception(parent, _("Mark resolved"));
    }
    return false;
}

bool delete_problem(wxWindow* parent, AppContext& ctx, std::int64_t problem_id) {
    if (!ctx.db) return false;
    try {
        db::ProblemRepository repo(*ctx.db);
        auto p = repo.get(problem_id);
        if (!p) return false;
        if (!confirm_delete(parent, wxString::Format(_("Delete the problem \"%s\"?"), wx(p->description)), _("Delete problem")))
            return false;
        repo.remove(problem_id, p->version);
        if (ctx.undo) record_problem_undo(*ctx.undo, p, Problem{});
        changed(ctx, _("Problem deleted (Ctrl+Z to undo)"));
        return true;
    } catch (...) {
        show_current_exception(parent, _("Delete problem"));
    }
    return false;
}

void record_renovation_undo(UndoStack& undo, const std::optional<Renovation>& before, const Renovation& after) {
    wxString label = wxString::Format(before ? _("edit %s") : _("new %s"), wx(after.name));
    std::int64_t id = after.id;
    undo.record(label, [before, id](db::Database& db) {
        db::RenovationRepository repo(db);
        if (!before) {
            repo.remove(id);
            return;
        }
        auto current = repo.get(id);
        if (!current) throw NotFoundError("要撤销的技改项目已不存在");
        Renovation restored = *before;
        restored.version = current->version;
        repo.update(restored, kUndoReason);
    });
}

void record_deal_undo(UndoStack& undo, const std::optional<Deal>& before, const Deal& after) {
    wxString label = wxString::Format(before ? _("edit %s") : _("new %s"), wx(after.name));
    std::int64_t id = after.id;
    undo.record(label, [before, id](db::Database& db) {
        db::DealRepository repo(db);
        if (!before) {
            repo.remove(id);
            return;
        }
        auto current = repo.get(id);
        if (!current) throw NotFoundError("要撤销的招商项目已不存在");
        Deal restored = *before;
        restored.version = current->version;
        repo.update(restored, kUndoReason);
    });
}

// `after.id` 0: the problem was deleted (undo adds it again, same uid); `before` nullopt: added.
void record_problem_undo(UndoStack& undo, const std::optional<Problem>& before, const Problem& after) {
    wxString what = wx((before ? *before : after).description);
    if (what.length() > 20) what = what.Left(20) + wxString::FromUTF8("…");
    wxString label = wxString::Format(!after.id ? _("delete problem %s") : before ? _("edit problem %s") : _("new problem %s"),
                                      what);
    undo.record(label, [before, after](db::Database& db) {
        db::ProblemRepository repo(db);
        if (!before) {
            repo.remove(after.id);
        } else if (!after.id) {
            Problem again = *before;
            again.id = 0;
            repo.add(again);
        } else {
            auto current = repo.get(after.id);
            if (!current) throw NotFoundError("要撤销的存在问题已不存在");
            Problem restored = *before;
            restored.version = current->version;
            repo.update(restored);
        }
    });
}

}  // namespace il::gui
