#include "gui/targets_panel.h"

#include <wx/button.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>

#include "core/db/target_repository.h"
#include "core/db/write_transaction.h"
#include "core/model/money.h"
#include "core/query/name_lists.h"
#include "core/validate/field_issue.h"
#include "gui/error_text.h"
#include "gui/wx_util.h"

namespace il::gui {
namespace {
enum { T_PROJECTS, T_INVESTMENT, T_RENOVATIONS, T_SIGNED, T_FUNDS, T_FOREIGN, T_COUNT };
const char* kFields[T_COUNT] = {"projects_count", "investment", "renovation_count", "signed_amount", "funds_in_place",
                                "foreign_capital_usd"};
}  // namespace

TargetsPanel::TargetsPanel(wxWindow* parent, AppContext& ctx) : ViewPanel(parent, ctx) {
    title_ = new wxStaticText(this, wxID_ANY, wxString());
    title_->SetFont(title_->GetFont().Bold());
    auto* save_button = new wxButton(this, wxID_SAVE, _("&Save"));
    save_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); });
    auto* revert = new wxButton(this, wxID_REVERT, _("&Revert"));
    revert->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { dirty_.clear(); reload(); });
    grid_ = new wxGrid(this, wxID_ANY);
    grid_->CreateGrid(0, T_COUNT);
    const wxString labels[T_COUNT] = {_("Projects over 100M"), _("Investment (10k yuan)"), _("Renovation items"),
                                      _("Signed (10k yuan)"), _("Funds in place (10k yuan)"), _("Foreign capital (10k USD)")};
    for (int c = 0; c < T_COUNT; ++c) {
        grid_->SetColLabelValue(c, labels[c]);
        grid_->SetColSize(c, FromDIP(c == T_PROJECTS || c == T_RENOVATIONS ? 110 : 150));
        auto* attr = new wxGridCellAttr;
        attr->SetAlignment(wxALIGN_RIGHT, wxALIGN_CENTER);
        grid_->SetColAttr(c, attr);
    }
    grid_->SetRowLabelSize(FromDIP(190));
    grid_->SetColLabelSize(FromDIP(30));
    grid_->Bind(wxEVT_GRID_CELL_CHANGED, [this](wxGridEvent& e) {
        dirty_[e.GetRow()] = true;
        grid_->SetCellBackgroundColour(e.GetRow(), e.GetCol(), wxColour(255, 250, 205));
    });
    issue_ = new wxStaticText(this, wxID_ANY, wxString());
    issue_->SetForegroundColour(wxColour(156, 0, 6));
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(title_, 1, wxALIGN_CENTER_VERTICAL | wxALL, FromDIP(6));
    top->Add(save_button, 0, wxALL, FromDIP(2));
    top->Add(revert, 0, wxALL, FromDIP(2));
    auto* box = new wxBoxSizer(wxVERTICAL);
    box->Add(top, 0, wxEXPAND);
    box->Add(grid_, 1, wxEXPAND);
    box->Add(issue_, 0, wxEXPAND | wxALL, FromDIP(4));
    SetSizer(box);
}

void TargetsPanel::reload() {
    if (!ctx_.db || has_unsaved_changes()) return;
    const int year = ctx_.period.year;
    title_->SetLabel(wxString::Format(_("Annual targets %d (amounts in 10k yuan; foreign capital in 10k USD)"), year));
    lines_.clear();
    try {
        db::TargetRepository repo(*ctx_.db);
        for (const auto& [id, name] : query::region_names(*ctx_.db)) {
            Line l{wx(name), repo.for_region(year, id).value_or(AnnualTarget{})};
            l.target.year = year;
            l.target.region_id = id;
            lines_.push_back(l);
        }
        for (const auto& [id, name] : query::zone_names(*ctx_.db)) {
            Line l{wx(name) + _(" (zone)"), repo.for_zone(year, id).value_or(AnnualTarget{})};
            l.target.year = year;
            l.target.zone_id = id;
            lines_.push_back(l);
        }
    } catch (...) {
        show_current_exception(this, _("Loading the annual targets"));
    }
    grid_->BeginBatch();
    if (grid_->GetNumberRows() > 0) grid_->DeleteRows(0, grid_->GetNumberRows());
    grid_->AppendRows(static_cast<int>(lines_.size()));
    for (std::size_t i = 0; i < lines_.size(); ++i) {
        const auto& t = lines_[i].target;
        int r = static_cast<int>(i);
        grid_->SetRowLabelValue(r, lines_[i].name);
        grid_->SetCellValue(r, T_PROJECTS, wxString::Format("%d", t.projects_count));
        grid_->SetCellValue(r, T_INVESTMENT, wx(format_wan(Money::from_fen(t.investment_fen))));
        grid_->SetCellValue(r, T_RENOVATIONS, wxString::Format("%d", t.renovation_count));
        grid_->SetCellValue(r, T_SIGNED, wx(format_wan(Money::from_fen(t.signed_amount_fen))));
        grid_->SetCellValue(r, T_FUNDS, wx(format_wan(Money::from_fen(t.funds_in_place_fen))));
        grid_->SetCellValue(r, T_FOREIGN, wx(format_usd_wan(UsdMoney{t.foreign_capital_usd_cents})));
    }
    grid_->EndBatch();
    grid_->SetRowLabelSize(wxGRID_AUTOSIZE);  // long zone names ("…（开发区）") are not cut
    issue_->SetLabel(wxString());
}

bool TargetsPanel::save() {
    if (!ctx_.db) return false;
    grid_->SaveEditControlValue();
    int row = -1, col = 0;
    try {
        db::TargetRepository repo(*ctx_.db);
        db::WriteTransaction tx(*ctx_.db);
        for (const auto& [r, d] : dirty_) {
            row = r;
            AnnualTarget t = lines_[static_cast<std::size_t>(r)].target;
            auto count = [&](int c, int& out) {
                col = c;
                long v = 0;
                wxString s = grid_->GetCellValue(r, c).Strip(wxString::both);
                if (!s.empty() && !s.ToLong(&v)) throw RecordInvalid("target", {{kFields[c], "“" + utf8(s) + "”不是整数"}});
                out = static_cast<int>(v);
            };
            auto money = [&](int c, std::int64_t& out) {
                col = c;
                std::string s = utf8(grid_->GetCellValue(r, c).Strip(wxString::both));
                auto m = parse_amount(s.empty() ? "0" : s);
                if (!m) throw RecordInvalid("target", {{kFields[c], "“" + s + "”不是有效的金额"}});
                out = m->fen;
            };
            count(T_PROJECTS, t.projects_count);
            money(T_INVESTMENT, t.investment_fen);
            count(T_RENOVATIONS, t.renovation_count);
            money(T_SIGNED, t.signed_amount_fen);
            money(T_FUNDS, t.funds_in_place_fen);
            col = T_FOREIGN;
            std::string usd = utf8(grid_->GetCellValue(r, T_FOREIGN).Strip(wxString::both));
            auto u = parse_usd_wan(usd.empty() ? "0" : usd);
            if (!u) throw RecordInvalid("target", {{kFields[T_FOREIGN], "“" + usd + "”不是有效的金额"}});
            t.foreign_capital_usd_cents = u->cents;
            col = 0;
            repo.set(t);
        }
        tx.commit();
    } catch (const RecordInvalid& e) {
        wxString reasons;
        for (const auto& issue : e.issues()) {
            reasons << (reasons.empty() ? "" : "; ") << wx(issue.reason);
            for (int c = 0; c < T_COUNT; ++c)
                if (issue.field == kFields[c]) col = c;
        }
        if (row >= 0) {
            grid_->SetCellBackgroundColour(row, col, wxColour(255, 199, 206));
            grid_->GoToCell(row, col);
            grid_->ForceRefresh();
        }
        issue_->SetLabel(lines_[static_cast<std::size_t>(std::max(row, 0))].name + ": " + reasons);
        ask(this, issue_->GetLabel() + "\n" + _("Nothing was saved."), _("Annual targets"), wxOK | wxICON_WARNING);
        return false;
    } catch (...) {
        show_current_exception(this, _("Saving the annual targets (nothing was saved)"));
        return false;
    }
    dirty_.clear();
    reload();
    if (ctx_.status) ctx_.status(_("Annual targets saved."));
    return true;
}

}  // namespace il::gui
