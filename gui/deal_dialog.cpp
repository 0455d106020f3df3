#include "gui/deal_dialog.h"

#include <wx/datetime.h>

#include "core/db/deal_repository.h"
#include "gui/error_text.h"
#include "gui/record_editing.h"
#include "gui/undo_stack.h"
#include "gui/wx_util.h"

namespace il::gui {
namespace {
const char* const kDateFields[] = {"lead_date",    "negotiation_date", "signed_date",    "registered_date",
                                   "started_date", "operating_date",   "terminated_date"};
std::optional<std::string>* date_member(Deal& d, std::size_t i) {
    std::optional<std::string>* m[] = {&d.lead_date,    &d.negotiation_date, &d.signed_date,    &d.registered_date,
                                       &d.started_date, &d.operating_date,   &d.terminated_date};
    return m[i];
}
wxString currency_label(Currency c) { return c == Currency::USD ? wxString::FromUTF8("美元") : wxString::FromUTF8("人民币"); }
std::string cell(wxGrid* g, int row, int col) { return utf8(g->GetCellValue(row, col).Strip(wxString::both)); }
}  // namespace

DealDialog::DealDialog(wxWindow* parent, AppContext& ctx, std::int64_t id)
    : RecordDialog(parent, ctx, id ? _("Edit deal") : _("New deal")) {
    if (!open_record<db::DealRepository>(parent, id, record_, before_, _("The deal no longer exists."),
                                         _("Opening the deal")))
        return;
    if (id) SetTitle(wxString::Format(_("Deal: %s"), wx(record_.name)));
    book_->AddPage(build_basic_page(), _("Basic information"));
    book_->AddPage(build_dates_page(), _("Milestones"));
    book_->AddPage(build_funds_page(), _("Funds in place"));
    book_->AddPage(build_followups_page(), _("Follow-ups"));
    std::vector<std::pair<std::string, std::int64_t>> trail{{"deals", record_.id}};
    for (const auto& f : record_.funds) trail.emplace_back("deal_funds", f.id);
    for (const auto& f : record_.followups) trail.emplace_back("deal_followups", f.id);
    book_->AddPage(build_history_page(trail), _("Change log"));
    finish_layout(nullptr, wxSize(860, 600));
    fill_controls();
    loaded_ = true;
}

void DealDialog::fill_controls() {
    const Deal& d = record_;
    set_text("name", d.name);
    set_text("investor", d.investor);
    set_text("country", d.country);
    set_text("signing_event", d.signing_event);
    set_text("notes", d.notes);
    set_text("contract_amount", format_wan(Money{d.contract_amount}, false));
    choices_["contract_currency"]->SetStringSelection(currency_label(d.contract_currency));
    choices_["origin"]->SetStringSelection(wx(d.origin));
    choices_["stage"]->SetStringSelection(wx(d.stage));
    choices_["contract_type"]->SetStringSelection(wx(d.contract_type));
    is_foreign_->SetValue(d.is_foreign);
    fill_regions(d.region_id, d.zone_id);
    fill_optional("industry_id", industries_, d.industry_id);
    fill_optional("category_id", categories_, d.category_id);
    fill_projects(d.project_id);
    Deal copy = d;
    for (std::size_t i = 0; i < std::size(kDateFields); ++i) set_text(kDateFields[i], date_member(copy, i)->value_or(""));
    fill_funds();
    fill_followups();
}

void DealDialog::fill_funds() {
    if (funds_->GetNumberRows()) funds_->DeleteRows(0, funds_->GetNumberRows());
    fund_ids_.clear();
    for (const auto& f : record_.funds) {
        int row = add_funds_row();
        fund_ids_[static_cast<std::size_t>(row)] = f.id;
        funds_->SetCellValue(row, F_DATE, wx(f.date));
        funds_->SetCellValue(row, F_AMOUNT, wx(format_wan(Money{f.amount}, false)));
        funds_->SetCellValue(row, F_CURRENCY, currency_label(f.currency));
        funds_->SetCellValue(row, F_RATE, f.currency == Currency::USD ? wx(db::rate_text(f.rate_micro)) : wxString());
        funds_->SetCellValue(row, F_CNY, wx(format_wan(f.amount_cny)));
        funds_->SetCellValue(row, F_NOTES, wx(f.notes));
    }
    update_funds_total();
}

void DealDialog::fill_followups() {
    if (followups_->GetNumberRows()) followups_->DeleteRows(0, followups_->GetNumberRows());
    followup_ids_.clear();
    for (const auto& f : record_.followups) {
        int row = add_followup_row();
        followup_ids_[static_cast<std::size_t>(row)] = f.id;
        followups_->SetCellValue(row, N_DATE, wx(f.date));
        followups_->SetCellValue(row, N_AUTHOR, wx(f.author));
        followups_->SetCellValue(row, N_NOTE, wx(f.note));
    }
}

int DealDialog::add_funds_row() {
    funds_->AppendRows(1);
    int row = funds_->GetNumberRows() - 1;
    wxArrayString currencies;
    currencies.Add(currency_label(Currency::CNY));
    currencies.Add(currency_label(Currency::USD));
    funds_->SetCellEditor(row, F_CURRENCY, new wxGridCellChoiceEditor(currencies));
    funds_->SetCellValue(row, F_CURRENCY, currency_label(Currency::CNY));
    funds_->SetReadOnly(row, F_CNY);
    funds_->SetCellTextColour(row, F_CNY, wxColour(90, 90, 90));
    for (int c : {F_AMOUNT, F_RATE, F_CNY}) funds_->SetCellAlignment(row, c, wxALIGN_RIGHT, wxALIGN_CENTER);
    fund_ids_.push_back(0);
    return row;
}

int DealDialog::add_followup_row() {
    followups_->AppendRows(1);
    followup_ids_.push_back(0);
    return followups_->GetNumberRows() - 1;
}

void DealDialog::set_funds_cell(int row, int col, const wxString& value) {
    funds_->SetCellValue(row, col, value);
    update_funds_total();
}

void DealDialog::set_followup_cell(int row, int col, const wxString& value) { followups_->SetCellValue(row, col, value); }

void DealDialog::update_funds_total() {
    Money total;
    for (int row = 0; row < funds_->GetNumberRows(); ++row) {
        auto amount = parse_amount(cell(funds_, row, F_AMOUNT));
        if (!amount) continue;
        auto currency = db::parse_currency(cell(funds_, row, F_CURRENCY)).value_or(Currency::CNY);
        if (currency == Currency::CNY) {
            total = total + *amount;
            funds_->SetCellValue(row, F_CNY, wx(format_wan(*amount)));
        } else if (auto rate = db::parse_rate(cell(funds_, row, F_RATE))) {
            Money cny = usd_to_cny(UsdMoney{amount->fen}, *rate);
            total = total + cny;
            funds_->SetCellValue(row, F_CNY, wx(format_wan(cny)));
        } else {
            funds_->SetCellValue(row, F_CNY, wxString());
        }
    }
    funds_total_->SetLabel(wxString::Format(_("Total in place: %s (10k yuan, CNY equivalent)"), wx(format_wan(total))));
}

void DealDialog::read_controls(Deal& d, std::vector<FieldIssue>& issues) {
    d.name = text("name");
    d.investor = text("investor");
    d.country = text("country");
    d.signing_event = text("signing_event");
    d.notes = utf8(texts_["notes"]->GetValue());
    d.origin = utf8(choices_["origin"]->GetStringSelection());
    d.stage = utf8(choices_["stage"]->GetStringSelection());
    d.contract_type = utf8(choices_["contract_type"]->GetStringSelection());
    d.contract_currency = choices_["contract_currency"]->GetSelection() == 1 ? Currency::USD : Currency::CNY;
    d.contract_amount = money("contract_amount", "签约额", issues).fen;
    d.is_foreign = is_foreign_->GetValue();
    d.region_id = region_value();
    d.zone_id = zone_value();
    d.industry_id = optional_value("industry_id", industries_);
    d.category_id = optional_value("category_id", categories_);
    d.project_id = project_value();
    for (std::size_t i = 0; i < std::size(kDateFields); ++i) *date_member(d, i) = opt_text(kDateFields[i]);
    read_funds(d, issues);
    read_followups(d);
}

void DealDialog::read_funds(Deal& d, std::vector<FieldIssue>& issues) {
    funds_->SaveEditControlValue();
    d.funds.clear();
    auto& rows = grid_rows_read("funds");
    rows.clear();
    for (int row = 0; row < funds_->GetNumberRows(); ++row) {
        std::string date = cell(funds_, row, F_DATE), amount = cell(funds_, row, F_AMOUNT),
                    rate = cell(funds_, row, F_RATE), notes = cell(funds_, row, F_NOTES);
        if (date.empty() && amount.empty() && rate.empty() && notes.empty()) continue;  // an unused new row
        std::string prefix = "funds[" + std::to_string(d.funds.size() + 1) + "].";
        FundsInPlace f;
        f.id = fund_ids_[static_cast<std::size_t>(row)];
        f.date = date;
        f.notes = notes;
        f.currency = db::parse_currency(cell(funds_, row, F_CURRENCY)).value_or(Currency::CNY);
        if (auto m = parse_amount(amount)) f.amount = m->fen;
        else issues.push_back({prefix + "amount", "到位资金“" + amount + "”不是有效的金额（万，最多两位小数）"});
        if (f.currency == Currency::USD) {
            auto r = rate.empty() ? std::optional<std::int64_t>(0) : db::parse_rate(rate);
            if (r) f.rate_micro = *r;
            else issues.push_back({prefix + "rate_micro", "汇率“" + rate + "”不是有效的数字（例如 6.85）"});
        }
        rows.push_back(row);
        d.funds.push_back(f);
    }
}

void DealDialog::read_followups(Deal& d) {
    followups_->SaveEditControlValue();
    d.followups.clear();
    auto& rows = grid_rows_read("followups");
    rows.clear();
    for (int row = 0; row < followups_->GetNumberRows(); ++row) {
        FollowUp f;
        f.id = followup_ids_[static_cast<std::size_t>(row)];
        f.date = cell(followups_, row, N_DATE);
        f.author = cell(followups_, row, N_AUTHOR);
        f.note = utf8(followups_->GetCellValue(row, N_NOTE).Strip(wxString::both));
        if (f.date.empty() && f.author.empty() && f.note.empty()) continue;
        rows.push_back(row);
        d.followups.push_back(f);
    }
}

bool DealDialog::try_save() {
    bool saved = save_record<db::DealRepository, Deal>(
        record_, before_, [this](Deal& d, std::vector<FieldIssue>& issues) { read_controls(d, issues); },
        [this](const std::optional<Deal>& before, const std::optional<Deal>& stored) {
            if (stored) record_deal_undo(*ctx_.undo, before, *stored);
        },
        _("Saving the deal (nothing was saved)"));
    if (saved) {
        fill_funds();
        fill_followups();
    }
    return saved;
}

}  // namespace il::gui
