// DealDialog's link to a 项目 (Deal::project_id): a search box and a choice of "(none)" and the
// matching projects. Whether the linked project exists is validated by core when saving.
#include <algorithm>

#include <wx/sizer.h>

#include "core/query/list_queries.h"
#include "gui/deal_dialog.h"
#include "gui/error_text.h"
#include "gui/wx_util.h"

namespace il::gui {

void DealDialog::add_project_choice(wxWindow* page, wxSizer* grid) {
    grid->Add(new wxStaticText(page, wxID_ANY, _("Linked project")), 0, wxALIGN_CENTER_VERTICAL);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    project_search_ = new wxSearchCtrl(page, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(130, -1)));
    project_search_->SetDescriptiveText(_("Name or code"));
    project_search_->SetToolTip(_("Narrows the list of projects by name, code or pinyin initials"));
    project_search_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { fill_projects(project_value()); });
    // A small minimum width: the projects' long names must not widen the page's label column.
    auto* choice = new wxChoice(page, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(120, -1)));
    choices_["project_id"] = choice;
    page_of_["project_id"] = 0;
    row->Add(project_search_, 0, wxRIGHT | wxALIGN_CENTER_VERTICAL, FromDIP(4));
    row->Add(choice, 1, wxALIGN_CENTER_VERTICAL);
    grid->Add(row, 1, wxEXPAND);
}

void DealDialog::fill_projects(const std::optional<std::int64_t>& keep) {
    if (!projects_loaded_) {
        projects_loaded_ = true;
        try {
            projects_ = query::load_projects(*ctx_.db, ctx_.period);
        } catch (...) {
            show_current_exception(this, _("Loading the projects"));
        }
    }
    wxChoice* choice = choices_.at("project_id");
    choice->Clear();
    project_ids_.assign(1, 0);
    choice->Append(_("(none)"));
    int name_col = projects_.column_index("name"), code_col = projects_.column_index("code");
    query::FilterSpec filter;
    filter.search = utf8(project_search_->GetValue());
    auto rows = name_col < 0 ? std::vector<std::size_t>{} : query::select_rows(projects_, filter, {});
    if (keep) {  // the current link comes first, whatever the search (and however many match)
        std::erase_if(rows, [&](std::size_t i) { return projects_.rows[i].id == *keep; });
        for (std::size_t i = 0; i < projects_.rows.size(); ++i)
            if (projects_.rows[i].id == *keep) rows.insert(rows.begin(), i);
    }
    // A choice of every project is unusable (and GTK takes minutes to fill one at 130,000): the
    // first matches are offered, and a last entry says how many more the search box would find.
    const std::size_t more = rows.size() > kProjectChoices ? rows.size() - kProjectChoices : 0;
    if (more) rows.resize(kProjectChoices);  // the kept link was put first: it stays
    int sel = 0;
    wxArrayString labels;
    for (std::size_t i : rows) {
        const auto& r = projects_.rows[i];
        wxString label = wx(r.values[static_cast<std::size_t>(name_col)].text);
        if (code_col >= 0 && !r.values[static_cast<std::size_t>(code_col)].text.empty())
            label << wxString::FromUTF8("（") << wx(r.values[static_cast<std::size_t>(code_col)].text)
                  << wxString::FromUTF8("）");
        labels.Add(label);
        project_ids_.push_back(r.id);
        if (keep && r.id == *keep) sel = static_cast<int>(project_ids_.size()) - 1;
    }
    choice->Append(labels);
    if (more) {
        choice->Append(wxString::Format(_("... %lu more: type in the search box to narrow"), static_cast<unsigned long>(more)));
        project_ids_.push_back(0);  // not a project: choosing it links none
    }
    if (keep && !sel) {  // linked to a project not in the list (gone): show it by its id, core refuses it
        choice->Append(wxString::Format(_("Project #%lld (not found)"), static_cast<long long>(*keep)));
        project_ids_.push_back(*keep);
        sel = static_cast<int>(project_ids_.size()) - 1;
    }
    choice->SetSelection(sel);
}

std::optional<std::int64_t> DealDialog::project_value() const {
    int s = choices_.at("project_id")->GetSelection();
    if (s <= 0 || static_cast<std::size_t>(s) >= project_ids_.size() || project_ids_[static_cast<std::size_t>(s)] == 0)
        return std::nullopt;
    return project_ids_[static_cast<std::size_t>(s)];
}

void DealDialog::search_projects(const wxString& text) {
    project_search_->ChangeValue(text);
    fill_projects(project_value());
}

}  // namespace il::gui
