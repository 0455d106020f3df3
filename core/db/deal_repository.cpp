#include "core/db/deal_repository.h"

#include <map>
#include <set>

#include "core/db/references.h"
#include "core/db/sql_util.h"
#include "core/db/write_transaction.h"
#include "core/util/clock.h"
#include "core/util/uid.h"
#include "core/validate/completeness.h"
#include "core/validate/deal_rules.h"
#include "core/db/row_reader.h"

namespace il::db {
namespace {

constexpr const char* kColumns =
    "id, uid, name, investor, origin, country, is_foreign, region_id, zone_id, industry_id, category_id, stage, "
    "lead_date, negotiation_date, signed_date, registered_date, started_date, operating_date, terminated_date, "
    "signing_event, contract_type, contract_amount, contract_currency, project_id, notes, version, contact_person, "
    "contact_phone";

Deal read_deal(Query& q) {
    Deal d;
    db::read_row(q, d.id, d.uid, d.name, d.investor, d.origin, d.country, d.is_foreign, d.region_id, d.zone_id,
                    d.industry_id, d.category_id, d.stage, d.lead_date, d.negotiation_date, d.signed_date,
                    d.registered_date, d.started_date, d.operating_date, d.terminated_date, d.signing_event,
                    d.contract_type, d.contract_amount, d.contract_currency, d.project_id, d.notes, d.version,
                    d.contact_person, d.contact_phone);
    return d;
}

void bind_editable(Query& q, const Deal& d) {
    q.bind(1, d.name);
    q.bind(2, d.investor);
    q.bind(3, d.origin);
    q.bind(4, d.country);
    q.bind(5, d.is_foreign ? 1 : 0);
    bind_i64(q, 6, d.region_id);
    bind_opt(q, 7, d.zone_id);
    bind_opt(q, 8, d.industry_id);
    bind_opt(q, 9, d.category_id);
    q.bind(10, d.stage);
    bind_opt(q, 11, d.lead_date);
    bind_opt(q, 12, d.negotiation_date);
    bind_opt(q, 13, d.signed_date);
    bind_opt(q, 14, d.registered_date);
    bind_opt(q, 15, d.started_date);
    bind_opt(q, 16, d.operating_date);
    bind_opt(q, 17, d.terminated_date);
    q.bind(18, d.signing_event);
    q.bind(19, d.contract_type);
    bind_i64(q, 20, d.contract_amount);
    q.bind(21, std::string(currency_code(d.contract_currency)));
    bind_opt(q, 22, d.project_id);
    q.bind(23, d.notes);
}

std::string label(const Deal& d) {
    if (!d.name.empty()) return "招商项目「" + d.name + "」";
    if (d.id) return "招商项目（编号 " + std::to_string(d.id) + "）";
    return "招商项目";
}

void normalize_funds(FundsInPlace& f) {
    if (f.currency == Currency::CNY) {
        f.rate_micro = 1'000'000;
        f.amount_cny = Money{f.amount};
    } else if (f.rate_micro > 0) {
        f.amount_cny = usd_to_cny(UsdMoney{f.amount}, f.rate_micro);
    }
}

void normalize(Deal& d) {
    for (auto* s : {&d.lead_date, &d.negotiation_date, &d.signed_date, &d.registered_date, &d.started_date,
                    &d.operating_date, &d.terminated_date})
        if (*s && validate::is_blank(**s)) s->reset();
    if (d.origin == "境外") d.is_foreign = true;
    for (auto& f : d.funds) normalize_funds(f);
}

void validate_or_throw(Database& db, const Deal& d, const validate::References& refs) {
    auto issues = validate::validate_deal(d, &refs);
    if (d.project_id) {
        auto q_stmt = db.prepared("SELECT 1 FROM projects WHERE id = ?");
        Query& q = *q_stmt;
        bind_i64(q, 1, *d.project_id);
        if (!q.executeStep())
            issues.push_back({"project_id", "关联的项目（编号 " + std::to_string(*d.project_id) + "）不存在"});
    }
    if (!issues.empty()) throw RecordInvalid(label(d), std::move(issues));
}

std::string usd_or_cny_text(std::int64_t minor, Currency c) {
    return exact_wan_text(Money{minor}) + (c == Currency::USD ? "万美元" : "万元");
}

void insert_funds(Database& db, std::int64_t deal_id, FundsInPlace& f) {
    if (f.uid.empty()) f.uid = new_uid();
    auto q_stmt = db.prepared("INSERT INTO deal_funds(uid, deal_id, date, amount, currency, rate_micro, amount_cny, "
                              "notes) VALUES(?,?,?,?,?,?,?,?)");
    Query& q = *q_stmt;
    q.bind(1, f.uid);
    bind_i64(q, 2, deal_id);
    q.bind(3, f.date);
    bind_i64(q, 4, f.amount);
    q.bind(5, std::string(currency_code(f.currency)));
    bind_i64(q, 6, f.rate_micro);
    bind_money(q, 7, f.amount_cny);
    q.bind(8, f.notes);
    q.exec();
    f.id = db.last_insert_id();
    audit_insert(db, "deal_funds", f.id, f.uid, DealRepository::funds_fields(f));
}

FieldValues followup_fields(const FollowUp& f) { return {{"date", f.date}, {"author", f.author}, {"note", f.note}}; }

void insert_followup(Database& db, std::int64_t deal_id, FollowUp& f) {
    if (f.uid.empty()) f.uid = new_uid();
    auto q_stmt = db.prepared("INSERT INTO deal_followups(uid, deal_id, date, author, note) VALUES(?,?,?,?,?)");
    Query& q = *q_stmt;
    q.bind(1, f.uid);
    bind_i64(q, 2, deal_id);
    q.bind(3, f.date);
    q.bind(4, f.author);
    q.bind(5, f.note);
    q.exec();
    f.id = db.last_insert_id();
    audit_insert(db, "deal_followups", f.id, f.uid, followup_fields(f));
}

void bump_version(Database& db, std::int64_t deal_id) {
    auto q_stmt = db.prepared("UPDATE deals SET version = version + 1, updated_at = ? WHERE id = ?");
    Query& q = *q_stmt;
    q.bind(1, now_iso());
    bind_i64(q, 2, deal_id);
    q.exec();
}

}  // namespace

std::optional<Currency> parse_currency(const std::string& t) {
    if (t == "CNY" || t == "cny" || t == "人民币" || t == "RMB" || t == "万元") return Currency::CNY;
    if (t == "USD" || t == "usd" || t == "美元" || t == "万美元") return Currency::USD;
    return std::nullopt;
}

std::string rate_text(std::int64_t rate_micro) { return exact_wan_text(Money{rate_micro}); }

std::optional<std::int64_t> parse_rate(const std::string& text) {
    auto m = parse_amount(text, AmountUnit::Wan);  // the same exact 10^6 scaling
    if (!m || m->fen <= 0 || text.find_first_of("万亿元") != std::string::npos) return std::nullopt;
    return m->fen;
}

FieldValues DealRepository::fields(const Deal& d) {
    return {
        {"name", d.name},
        {"investor", d.investor},
        {"origin", d.origin},
        {"country", d.country},
        {"is_foreign", d.is_foreign ? "1" : "0"},
        {"region_id", std::to_string(d.region_id)},
        {"zone_id", opt_id_text(d.zone_id)},
        {"industry_id", opt_id_text(d.industry_id)},
        {"category_id", opt_id_text(d.category_id)},
        {"stage", d.stage},
        {"lead_date", opt_text(d.lead_date)},
        {"negotiation_date", opt_text(d.negotiation_date)},
        {"signed_date", opt_text(d.signed_date)},
        {"registered_date", opt_text(d.registered_date)},
        {"started_date", opt_text(d.started_date)},
        {"operating_date", opt_text(d.operating_date)},
        {"terminated_date", opt_text(d.terminated_date)},
        {"signing_event", d.signing_event},
        {"contract_type", d.contract_type},
        {"contract_amount", exact_wan_text(Money{d.contract_amount})},
        {"contract_currency", currency_code(d.contract_currency)},
        {"project_id", opt_id_text(d.project_id)},
        {"notes", d.notes},
        {"contact_person", d.contact_person},
        {"contact_phone", d.contact_phone},
    };
}

FieldValues DealRepository::funds_fields(const FundsInPlace& f) {
    return {{"date", f.date},
            {"amount", usd_or_cny_text(f.amount, f.currency)},
            {"currency", currency_code(f.currency)},
            {"rate", rate_text(f.rate_micro)},
            {"amount_cny", exact_wan_text(f.amount_cny)},
            {"notes", f.notes}};
}

std::int64_t DealRepository::insert(Deal& deal) {
    Deal d = deal;
    d.id = 0;
    normalize(d);
    WriteTransaction tx(db_);
    validate_or_throw(db_, d, refs_.get());
    if (d.uid.empty()) d.uid = new_uid();
    std::string now = now_iso();
    auto q_stmt = db_.prepared("INSERT INTO deals(name, investor, origin, country, is_foreign, region_id, zone_id, industry_id, "
                               "category_id, stage, lead_date, negotiation_date, signed_date, registered_date, started_date, "
                               "operating_date, terminated_date, signing_event, contract_type, contract_amount, "
                               "contract_currency, project_id, notes, uid, created_at, updated_at, version, contact_person, "
                               "contact_phone, warnings) VALUES(?1,?2,?3,?4,"
                               "?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,?24,?25,?25,1,?26,?27,?28)");
    Query& q = *q_stmt;
    bind_editable(q, d);
    q.bind(24, d.uid);
    q.bind(25, now);
    q.bind(26, d.contact_person);
    q.bind(27, d.contact_phone);
    q.bind(28, validate::warnings_text(validate::missing_information(d)));
    q.exec();
    d.id = db_.last_insert_id();
    d.version = 1;
    audit_insert(db_, "deals", d.id, d.uid, fields(d));
    for (auto& f : d.funds) {
        f.id = 0;
        f.uid.clear();
        insert_funds(db_, d.id, f);
    }
    for (auto& f : d.followups) {
        f.id = 0;
        f.uid.clear();
        insert_followup(db_, d.id, f);
    }
    tx.commit();
    deal = std::move(d);
    return deal.id;
}

void DealRepository::update(Deal& deal, const std::string& reason) {
    Deal d = deal;
    normalize(d);
    WriteTransaction tx(db_);
    auto before = get(d.id);
    if (!before) throw NotFoundError(label(d) + "不存在（编号 " + std::to_string(d.id) + "）");
    if (before->version != d.version)
        throw StaleRecord(label(*before) + "已被他人修改（您的版本 " + std::to_string(d.version) + "，当前版本 " +
                          std::to_string(before->version) + "），请重新打开后再修改");
    validate_or_throw(db_, d, refs_.get());
    d.uid = before->uid;
    bool changed = false;
    auto changes = diff_fields(fields(*before), fields(d));
    if (!changes.empty()) {
        changed = true;
        audit_update(db_, "deals", d.id, d.uid, changes, reason);
    }
    // Funds: update changed ones, insert new ones, delete missing ones.
    std::map<std::int64_t, FundsInPlace> old_funds;
    for (const auto& f : before->funds) old_funds[f.id] = f;
    std::set<std::int64_t> kept;
    for (auto& f : d.funds) {
        auto it = f.id ? old_funds.find(f.id) : old_funds.end();
        if (it == old_funds.end()) {
            f.id = 0;
            f.uid.clear();
            insert_funds(db_, d.id, f);
            changed = true;
            continue;
        }
        kept.insert(f.id);
        f.uid = it->second.uid;
        auto fc = diff_fields(funds_fields(it->second), funds_fields(f));
        if (fc.empty()) continue;
        auto q_stmt = db_.prepared("UPDATE deal_funds SET date=?, amount=?, currency=?, rate_micro=?, amount_cny=?, "
                                   "notes=? WHERE id=?");
        Query& q = *q_stmt;
        q.bind(1, f.date);
        bind_i64(q, 2, f.amount);
        q.bind(3, std::string(currency_code(f.currency)));
        bind_i64(q, 4, f.rate_micro);
        bind_money(q, 5, f.amount_cny);
        q.bind(6, f.notes);
        bind_i64(q, 7, f.id);
        q.exec();
        audit_update(db_, "deal_funds", f.id, f.uid, fc, reason);
        changed = true;
    }
    for (const auto& [id, f] : old_funds) {
        if (kept.count(id)) continue;
        audit_delete(db_, "deal_funds", id, f.uid, funds_fields(f));
        auto q_stmt = db_.prepared("DELETE FROM deal_funds WHERE id = ?");
        Query& q = *q_stmt;
        bind_i64(q, 1, id);
        q.exec();
        changed = true;
    }
    // Follow-ups: the same.
    std::map<std::int64_t, FollowUp> old_notes;
    for (const auto& f : before->followups) old_notes[f.id] = f;
    std::set<std::int64_t> kept_notes;
    for (auto& f : d.followups) {
        auto it = f.id ? old_notes.find(f.id) : old_notes.end();
        if (it == old_notes.end()) {
            f.id = 0;
            f.uid.clear();
            insert_followup(db_, d.id, f);
            changed = true;
            continue;
        }
        kept_notes.insert(f.id);
        f.uid = it->second.uid;
        auto fc = diff_fields(followup_fields(it->second), followup_fields(f));
        if (fc.empty()) continue;
        auto q_stmt = db_.prepared("UPDATE deal_followups SET date=?, author=?, note=? WHERE id=?");
        Query& q = *q_stmt;
        q.bind(1, f.date);
        q.bind(2, f.author);
        q.bind(3, f.note);
        bind_i64(q, 4, f.id);
        q.exec();
        audit_update(db_, "deal_followups", f.id, f.uid, fc, reason);
        changed = true;
    }
    for (const auto& [id, f] : old_notes) {
        if (kept_notes.count(id)) continue;
        audit_delete(db_, "deal_followups", id, f.uid, followup_fields(f));
        auto q_stmt = db_.prepared("DELETE FROM deal_followups WHERE id = ?");
        Query& q = *q_stmt;
        bind_i64(q, 1, id);
        q.exec();
        changed = true;
    }
    if (changed) {
        auto q_stmt = db_.prepared("UPDATE deals SET name=?1, investor=?2, origin=?3, country=?4, is_foreign=?5, region_id=?6, "
                                   "zone_id=?7, industry_id=?8, category_id=?9, stage=?10, lead_date=?11, negotiation_date=?12, "
                                   "signed_date=?13, registered_date=?14, started_date=?15, operating_date=?16, "
                                   "terminated_date=?17, signing_event=?18, contract_type=?19, contract_amount=?20, "
                                   "contract_currency=?21, project_id=?22, notes=?23, updated_at=?24, version = version + 1, "
                                   "contact_person=?27, contact_phone=?28, warnings=?29 WHERE id = ?25 AND version = ?26");
        Query& q = *q_stmt;
        bind_editable(q, d);
        q.bind(24, now_iso());
        bind_i64(q, 25, d.id);
        bind_i64(q, 26, d.version);
        q.bind(27, d.contact_person);
        q.bind(28, d.contact_phone);
        q.bind(29, validate::warnings_text(validate::missing_information(d)));
        if (q.exec() != 1) throw StaleRecord(label(d) + "已被他人修改，请重新打开后再修改");
        d.version += 1;
    }
    tx.commit();
    deal = std::move(d);
}

void DealRepository::remove(std::int64_t id) {
    WriteTransaction tx(db_);
    auto before = get(id);
    if (!before) throw NotFoundError("招商项目（编号 " + std::to_string(id) + "）不存在");
    for (const auto& f : before->funds) audit_delete(db_, "deal_funds", f.id, f.uid, funds_fields(f));
    for (const auto& f : before->followups) audit_delete(db_, "deal_followups", f.id, f.uid, followup_fields(f));
    audit_delete(db_, "deals", id, before->uid, fields(*before));
    auto q_stmt = db_.prepared("DELETE FROM deals WHERE id = ?");
    Query& q = *q_stmt;
    bind_i64(q, 1, id);
    q.exec();
    tx.commit();
}

std::optional<Deal> DealRepository::get(std::int64_t id) {
    auto q_stmt = db_.prepared(std::string("SELECT ") + kColumns + " FROM deals WHERE id = ?");
    Query& q = *q_stmt;
    bind_i64(q, 1, id);
    if (!q.executeStep()) return std::nullopt;
    Deal d = read_deal(q);
    auto fq_stmt = db_.prepared("SELECT id, uid, date, amount, currency, rate_micro, amount_cny, notes FROM deal_funds "
                                "WHERE deal_id = ? ORDER BY date, id");
    Query& fq = *fq_stmt;
    bind_i64(fq, 1, id);
    while (fq.executeStep()) {
        FundsInPlace f;
        db::read_row(fq, f.id, f.uid, f.date, f.amount, f.currency, f.rate_micro, f.amount_cny, f.notes);
        d.funds.push_back(std::move(f));
    }
    auto nq_stmt = db_.prepared("SELECT id, uid, date, author, note FROM deal_followups WHERE deal_id = ? "
                                "ORDER BY date, id");
    Query& nq = *nq_stmt;
    bind_i64(nq, 1, id);
    while (nq.executeStep())
        d.followups.push_back({nq.getColumn(0).getInt64(), nq.getColumn(1).getString(), nq.getColumn(2).getString(),
                               nq.getColumn(3).getString(), nq.getColumn(4).getString()});
    return d;
}

std::optional<Deal> DealRepository::find_by_name(const std::string& name, std::int64_t region_id) {
    auto q_stmt = db_.prepared("SELECT id FROM deals WHERE name = ? AND region_id = ? ORDER BY id LIMIT 1");
    Query& q = *q_stmt;
    q.bind(1, name);
    bind_i64(q, 2, region_id);
    if (!q.executeStep()) return std::nullopt;
    return get(q.getColumn(0).getInt64());
}

std::vector<DealRow> DealRepository::list(const DealFilter& f) {
    std::string sql =
        "SELECT d.id, d.uid, d.name, d.investor, d.origin, d.country, coalesce(r.name,''), coalesce(z.name,''), "
        "d.stage, d.contract_type, d.signing_event, d.signed_date, d.contract_amount, d.contract_currency, "
        "coalesce(fu.cny, 0), coalesce(fu.usd, 0), d.is_foreign, d.region_id, coalesce(d.zone_id, 0), "
        "coalesce(d.project_id, 0) FROM deals d "
        "LEFT JOIN regions r ON r.id = d.region_id LEFT JOIN zones z ON z.id = d.zone_id "
        "LEFT JOIN (SELECT deal_id, sum(amount_cny) AS cny, sum(CASE WHEN currency = 'USD' THEN amount ELSE 0 END) AS usd "
        "FROM deal_funds GROUP BY deal_id) fu ON fu.deal_id = d.id WHERE 1 = 1";
    if (f.region_id) sql += " AND d.region_id = :region";
    if (f.zone_id) sql += " AND d.zone_id = :zone";
    if (f.stage) sql += " AND d.stage = :stage";
    if (f.origin) sql += " AND d.origin = :origin";
    if (!f.search.empty()) sql += " AND (instr(d.name, :search) > 0 OR instr(d.investor, :search) > 0)";
    sql += " ORDER BY d.id";
    if (f.limit) sql += " LIMIT " + std::to_string(*f.limit);
    Query q(db_, sql);
    if (f.region_id) q.bind(q.parameter_index(":region"), *f.region_id);
    if (f.zone_id) q.bind(q.parameter_index(":zone"), *f.zone_id);
    if (f.stage) q.bind(q.parameter_index(":stage"), *f.stage);
    if (f.origin) q.bind(q.parameter_index(":origin"), *f.origin);
    if (!f.search.empty()) q.bind(q.parameter_index(":search"), f.search);
    std::vector<DealRow> out;
    while (q.executeStep()) {
        DealRow r;
        r.id = q.getColumn(0).getInt64();
        r.uid = q.getColumn(1).getString();
        r.name = q.getColumn(2).getString();
        r.investor = q.getColumn(3).getString();
        r.origin = q.getColumn(4).getString();
        r.country = q.getColumn(5).getString();
        r.region = q.getColumn(6).getString();
        r.zone = q.getColumn(7).getString();
        r.stage = q.getColumn(8).getString();
        r.contract_type = q.getColumn(9).getString();
        r.signing_event = q.getColumn(10).getString();
        std::string signed_date = q.getColumn(11).getString();
        if (!signed_date.empty()) r.signed_date = signed_date;
        r.contract_amount = q.getColumn(12).getInt64();
        r.contract_currency = q.getColumn(13).getString() == "USD" ? Currency::USD : Currency::CNY;
        r.funds_cny = Money{q.getColumn(14).getInt64()};
        r.funds_usd_cents = q.getColumn(15).getInt64();
        r.is_foreign = q.getColumn(16).getInt64() != 0;
        r.region_id = q.getColumn(17).getInt64();
        r.zone_id = q.getColumn(18).getInt64();
        r.project_id = q.getColumn(19).getInt64();
        out.push_back(std::move(r));
    }
    return out;
}

std::int64_t DealRepository::count() { return scalar_int(db_, "SELECT count(*) FROM deals"); }

std::int64_t DealRepository::add_funds(std::int64_t deal_id, FundsInPlace& funds) {
    FundsInPlace f = funds;
    normalize_funds(f);
    WriteTransaction tx(db_);
    auto q_stmt = db_.prepared("SELECT name FROM deals WHERE id = ?");
    Query& q = *q_stmt;
    bind_i64(q, 1, deal_id);
    if (!q.executeStep()) throw NotFoundError("招商项目（编号 " + std::to_string(deal_id) + "）不存在");
    auto issues = validate::validate_funds(f);
    if (!issues.empty())
        throw RecordInvalid("招商项目「" + q.getColumn(0).getString() + "」的到位资金", std::move(issues));
    f.uid.clear();
    insert_funds(db_, deal_id, f);
    bump_version(db_, deal_id);
    tx.commit();
    funds = std::move(f);
    return funds.id;
}

void DealRepository::remove_funds(std::int64_t funds_id) {
    WriteTransaction tx(db_);
    auto q_stmt = db_.prepared("SELECT deal_id FROM deal_funds WHERE id = ?");
    Query& q = *q_stmt;
    bind_i64(q, 1, funds_id);
    if (!q.executeStep()) throw NotFoundError("到位资金（编号 " + std::to_string(funds_id) + "）不存在");
    std::int64_t deal_id = q.getColumn(0).getInt64();
    auto deal = get(deal_id);
    for (const auto& f : deal->funds)
        if (f.id == funds_id) audit_delete(db_, "deal_funds", f.id, f.uid, funds_fields(f));
    auto del_stmt = db_.prepared("DELETE FROM deal_funds WHERE id = ?");
    Query& del = *del_stmt;
    bind_i64(del, 1, funds_id);
    del.exec();
    bump_version(db_, deal_id);
    tx.commit();
}

std::int64_t DealRepository::add_followup(std::int64_t deal_id, FollowUp& followup) {
    FollowUp f = followup;
    WriteTransaction tx(db_);
    auto q_stmt = db_.prepared("SELECT name FROM deals WHERE id = ?");
    Query& q = *q_stmt;
    bind_i64(q, 1, deal_id);
    if (!q.executeStep()) throw NotFoundError("招商项目（编号 " + std::to_string(deal_id) + "）不存在");
    auto issues = validate::validate_followup(f);
    if (!issues.empty())
        throw RecordInvalid("招商项目「" + q.getColumn(0).getString() + "」的跟进记录", std::move(issues));
    f.uid.clear();
    insert_followup(db_, deal_id, f);
    bump_version(db_, deal_id);
    tx.commit();
    followup = std::move(f);
    return followup.id;
}

void DealRepository::remove_followup(std::int64_t followup_id) {
    WriteTransaction tx(db_);
    auto q_stmt = db_.prepared("SELECT deal_id, uid, date, author, note FROM deal_followups WHERE id = ?");
    Query& q = *q_stmt;
    bind_i64(q, 1, followup_id);
    if (!q.executeStep()) throw NotFoundError("跟进记录（编号 " + std::to_string(followup_id) + "）不存在");
    std::int64_t deal_id = q.getColumn(0).getInt64();
    FollowUp f{followup_id, q.getColumn(1).getString(), q.getColumn(2).getString(), q.getColumn(3).getString(),
               q.getColumn(4).getString()};
    audit_delete(db_, "deal_followups", followup_id, f.uid, followup_fields(f));
    auto del_stmt = db_.prepared("DELETE FROM deal_followups WHERE id = ?");
    Query& del = *del_stmt;
    bind_i64(del, 1, followup_id);
    del.exec();
    bump_version(db_, deal_id);
    tx.commit();
}

}  // namespace il::db

namespace il::db {
void DealRepository::for_each(const std::function<void(const Deal&)>& fn) {
    std::map<std::int64_t, std::vector<FundsInPlace>> funds;
    {
        auto q_stmt = db_.prepared("SELECT id, uid, date, amount, currency, rate_micro, amount_cny, notes, deal_id "
                                   "FROM deal_funds ORDER BY date, id");
        Query& q = *q_stmt;
        while (q.executeStep()) {
            FundsInPlace f;
            db::read_row(q, f.id, f.uid, f.date, f.amount, f.currency, f.rate_micro, f.amount_cny, f.notes);
            funds[q.getColumn(8).getInt64()].push_back(std::move(f));
        }
    }
    std::map<std::int64_t, std::vector<FollowUp>> notes;
    {
        auto q_stmt = db_.prepared("SELECT id, uid, date, author, note, deal_id FROM deal_followups ORDER BY date, id");
        Query& q = *q_stmt;
        while (q.executeStep())
            notes[q.getColumn(5).getInt64()].push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                                                        q.getColumn(2).getString(), q.getColumn(3).getString(),
                                                        q.getColumn(4).getString()});
    }
    auto q_stmt = db_.prepared(std::string("SELECT ") + kColumns + " FROM deals ORDER BY id");
    Query& q = *q_stmt;
    while (q.executeStep()) {
        Deal d = read_deal(q);
        if (auto it = funds.find(d.id); it != funds.end()) d.funds = std::move(it->second);
        if (auto it = notes.find(d.id); it != notes.end()) d.followups = std::move(it->second);
        fn(d);
    }
}
}  // namespace il::db
