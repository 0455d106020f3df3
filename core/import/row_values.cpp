#include "core/import/row_values.h"

#include "core/import/sheet_grid.h"
#include "core/import/text_norm.h"

namespace il::import {

std::string RowValues::label(std::string_view field) const {
    if (const FieldDef* f = find_field(kind_, field)) return std::string(f->label);
    return std::string(field);
}

void RowValues::issue(std::string_view field, std::string reason) { issues_.push_back({label(field), std::move(reason)}); }

const Cell* RowValues::cell(std::string_view field) const {
    auto it = fixed_.find(std::string(field));
    if (it != fixed_.end()) return &it->second;
    for (const auto& [b, c] : cells_)
        if (b->field == field && !c->empty()) return c;
    return nullptr;
}

bool RowValues::cleared(std::string_view field) const {
    if (fixed_.count(std::string(field))) return false;
    bool mapped = false;
    for (const auto& [b, c] : cells_) {
        if (b->field != field) continue;
        mapped = true;
        if (!trim(cell_text(*c)).empty()) return false;
    }
    return mapped;
}

const ColumnBinding* RowValues::binding(std::string_view field) const {
    for (const auto& [b, c] : cells_)
        if (b->field == field) return b;
    return nullptr;
}

std::optional<std::string> RowValues::text(std::string_view field) const {
    const Cell* c = cell(field);
    if (!c) return std::nullopt;
    std::string t = cell_text(*c);
    if (t.empty()) return std::nullopt;
    return t;
}

std::optional<std::string> RowValues::code(std::string_view field) const {
    const Cell* c = cell(field);
    if (!c) return std::nullopt;
    std::string t = trim(read_code(*c));
    if (t.empty()) return std::nullopt;
    return t;
}

std::optional<Money> RowValues::amount(std::string_view field) {
    const Cell* c = cell(field);
    if (!c) return std::nullopt;
    const ColumnBinding* b = binding(field);
    auto p = read_amount(*c, b ? b->unit : AmountUnit::Wan);
    if (!p.ok()) issue(field, p.error);
    return p.value;
}

std::optional<Money> RowValues::amount_vs(std::string_view field, Money stored) {
    auto m = amount(field);
    if (!m) return m;
    const ColumnBinding* b = binding(field);
    return same_at(stored, *m, amount_step(*cell(field), b ? b->unit : AmountUnit::Wan));
}

std::optional<std::int64_t> RowValues::usd_or_cny(std::string_view field, bool* usd) {
    const Cell* c = cell(field);
    if (!c) return std::nullopt;
    const ColumnBinding* b = binding(field);
    bool in_usd = b && b->usd;
    if (c->type == CellType::Text && ends_with(normalize_label(c->text), "美元")) in_usd = true;
    *usd = in_usd;
    if (in_usd) {
        auto p = read_usd(*c);
        if (!p.ok()) issue(field, p.error);
        if (p.value) return p.value->cents;
        return std::nullopt;
    }
    auto p = read_amount(*c, b ? b->unit : AmountUnit::Wan);
    if (!p.ok()) issue(field, p.error);
    if (p.value) return p.value->fen;
    return std::nullopt;
}

std::optional<std::string> RowValues::date(std::string_view field) {
    const Cell* c = cell(field);
    if (!c) return std::nullopt;
    auto p = read_date(*c);
    if (!p.ok()) issue(field, p.error);
    return p.value;
}

std::optional<bool> RowValues::flag(std::string_view field) {
    const Cell* c = cell(field);
    if (!c) return std::nullopt;
    auto p = read_bool(*c);
    if (!p.ok()) issue(field, p.error);
    return p.value;
}

std::optional<std::string> RowValues::mapped_text(std::string_view field) const {
    auto t = text(field);
    if (t && resolver_) return resolver_->mapped_choice(field, *t);
    return t;
}

std::optional<std::string> RowValues::choice(std::string_view field) {
    auto t = mapped_text(field);
    if (!t) return std::nullopt;
    const FieldDef* f = find_field(kind_, field);
    if (!f) return t;
    if (auto v = resolve_choice(*f, *t)) return v;
    if (resolver_ && (field == "nature" || field == "level")) resolver_->unknown_choice(field, *t);
    std::string allowed;
    for (auto c : f->choices) allowed += (allowed.empty() ? "" : "、") + std::string(c);
    issue(field, "“" + *t + "”不是可选值（" + allowed + "）");
    return std::nullopt;
}

Lookup RowValues::look_up(std::string_view field, const std::string& text, std::optional<std::int64_t> region_id) {
    Lookup l = resolver_ ? resolver_->lookup(field, text, region_id) : dict_.by_field(field, text);
    if (!l.error.empty()) issue(field, l.error);
    return l;
}

std::optional<std::int64_t> RowValues::region() {
    if (auto t = text("region")) return look_up("region", *t).id;
    return context_.region_id;
}

std::optional<std::int64_t> RowValues::zone() {
    if (auto t = text("zone")) {
        // A zone added by this import lies in the row's region (as written, or from its context)
        std::optional<std::int64_t> region = context_.region_id;
        if (auto r = text("region")) region = dict_.region(*r).id;
        return look_up("zone", *t, region).id;
    }
    return context_.zone_id;
}

std::optional<std::int64_t> RowValues::industry() {
    auto t = text("industry");
    if (!t) return std::nullopt;
    return look_up("industry", *t).id;
}

std::optional<std::int64_t> RowValues::category() {
    auto t = text("category");
    if (!t) return std::nullopt;
    return look_up("category", *t).id;
}

}  // namespace il::import
