#include "gui/renovation_dialog.h"

#include <wx/sizer.h>

#include "core/db/renovation_repository.h"
#include "gui/error_text.h"
#include "gui/record_editing.h"
#include "gui/undo_stack.h"
#include "gui/wx_util.h"

namespace il::gui {

RenovationDialog::RenovationDialog(wxWindow* parent, AppContext& ctx, std::int64_t id)
    : RecordDialog(parent, ctx, id ? _("Edit renovation item") : _("New renovation item")) {
    if (!open_record<db::RenovationRepository>(parent, id, record_, before_, _("The renovation item no longer exists."),
                                               _("Opening the renovation item")))
        return;
    if (id) SetTitle(wxString::Format(_("Renovation item: %s"), wx(record_.name)));
    book_->AddPage(build_basic_page(), _("Basic information"));
    book_->AddPage(build_investment_page(), _("Investment"));
    book_->AddPage(build_schedule_page(2, _("Monthly figures this year:"), false), _("Progress"));
    book_->AddPage(build_history_page({{"renovations", record_.id}}), _("Change log"));
    finish_layout(nullptr, wxSize(820, 560));
    fill_controls();
    loaded_ = true;
}

wxWindow* RenovationDialog::build_basic_page() {
    auto* page = new_page();
    auto* grid = field_grid();
    add_text(page, grid, "enterprise", _("Enterprise *"), 0);
    add_text(page, grid, "name", _("Project name *"), 0);
    add_text(page, grid, "filing_number", _("Filing number"), 0);
    add_choice(page, grid, "industry_id", _("Industry"), 0);
    add_choice(page, grid, "region_id", _("Region *"), 0);
    add_choice(page, grid, "zone_id", _("Zone"), 0);
    add_choice(page, grid, "kind", _("Renovation type"), 0);
    add_choice(page, grid, "stage", _("Stage"), 0);
    in_statistics_ = add_check(page, grid, "in_statistics", _("Included in statistics"), 0);
    for (const char* k : kRenovationKinds) choices_["kind"]->Append(wx(k));
    for (const char* s : kRenovationStages) choices_["stage"]->Append(wx(s));
    add_long_texts(page, page_box(page, grid), {{"notes", _("Notes")}}, 0);
    return page;
}

wxWindow* RenovationDialog::build_investment_page() {
    auto* page = new_page();
    auto* grid = field_grid(4, false);
    add_text(page, grid, "total_investment", _("Total investment (10k yuan) *"), 1);
    add_text(page, grid, "equipment_investment", _("Of which equipment (10k yuan)"), 1);
    add_text(page, grid, "expected_output", _("Added output value (10k yuan)"), 1);
    add_text(page, grid, "expected_tax", _("Added profit and tax (10k yuan)"), 1);
    add_plans_grid(page, page_box(page, grid, false), 1);
    return page;
}

void RenovationDialog::fill_controls() {
    const Renovation& r = record_;
    set_text("enterprise", r.enterprise);
    set_text("name", r.name);
    set_text("filing_number", r.filing_number.value_or(""));
    set_text("notes", r.notes);
    set_text("total_investment", format_wan(r.total_investment, false));
    set_text("equipment_investment", format_wan(r.equipment_investment, false));
    set_text("expected_output", format_wan(r.expected_output, false));
    set_text("expected_tax", format_wan(r.expected_tax, false));
    fill_schedule(r);
    fill_regions(r.region_id, r.zone_id);
    fill_optional("industry_id", industries_, r.industry_id);
    choices_["kind"]->SetStringSelection(wx(r.kind));
    choices_["stage"]->SetStringSelection(wx(r.stage));
    in_statistics_->SetValue(r.in_statistics);
    fill_plans(r.annual_plans);
    if (!r.id) return;
    try {
        for (const auto& e : db::RenovationRepository(*ctx_.db).progress(r.id, ctx_.period.year))
            add_progress_row(e.month, e.completed_month, e.completed_ytd);
    } catch (...) {
        show_current_exception(this, _("Loading the renovation item"));
    }
}

void RenovationDialog::read_controls(Renovation& r, std::vector<FieldIssue>& issues) {
    r.enterprise = text("enterprise");
    r.name = text("name");
    r.filing_number = opt_text("filing_number");
    r.notes = utf8(texts_["notes"]->GetValue());
    r.region_id = region_value();
    r.zone_id = zone_value();
    r.industry_id = optional_value("industry_id", industries_);
    r.kind = utf8(choices_["kind"]->GetStringSelection());
    r.stage = utf8(choices_["stage"]->GetStringSelection());
    r.in_statistics = in_statistics_->GetValue();
    r.total_investment = money("total_investment", "总投资", issues);
    r.equipment_investment = money("equipment_investment", "设备投资", issues);
    r.expected_output = money("expected_output", "新增产值", issues);
    r.expected_tax = money("expected_tax", "新增利税", issues);
    read_schedule(r);
    read_plans(r.annual_plans, issues);
}

bool RenovationDialog::try_save() {
    return save_record<db::RenovationRepository, Renovation>(
        record_, before_, [this](Renovation& r, std::vector<FieldIssue>& issues) { read_controls(r, issues); },
        [this](const std::optional<Renovation>& before, const std::optional<Renovation>& stored) {
            if (stored) record_renovation_undo(*ctx_.undo, before, *stored);
        },
        _("Saving the renovation item (nothing was saved)"));
}

}  // namespace il::gui
