#include "core/db/problem_repository.h"

#include "core/db/audit.h"
#include "core/db/sql_util.h"
#include "core/db/write_transaction.h"
#include "core/util/clock.h"
#include "core/util/uid.h"
#include "core/util/error.h"
#include "core/validate/project_rules.h"
#include "core/db/row_reader.h"

namespace il::db {

namespace {
constexpr const char* kProblemColumns =
    "id, uid, project_id, description, owner_unit, status, assigned_date, supervised_date, closed_date, notes, version";
Problem read_problem(Query& q) {
    Problem p;
    db::read_row(q, p.id, p.uid, p.project_id, p.description, p.owner_unit, p.status, p.assigned_date,
                    p.supervised_date, p.closed_date, p.notes, p.version);
    return p;
}
FieldValues problem_fields(const Problem& p) {
    return {{"description", p.description},          {"owner_unit", p.owner_unit},
            {"status", p.status},                    {"assigned_date", opt_text(p.assigned_date)},
            {"supervised_date", opt_text(p.supervised_date)}, {"closed_date", opt_text(p.closed_date)},
            {"notes", p.notes}};
}
void bind_problem(Query& q, const Problem& p) {
    q.bind(1, p.description);
    q.bind(2, p.owner_unit);
    q.bind(3, p.status);
    bind_opt(q, 4, p.assigned_date);
    bind_opt(q, 5, p.supervised_date);
    bind_opt(q, 6, p.closed_date);
    q.bind(7, p.notes);
}
}  // namespace

std::int64_t ProblemRepository::add(Problem& problem) {
    Problem p = problem;
    WriteTransaction tx(db_);
    auto pq_stmt = db_.prepared("SELECT name FROM projects WHERE id = ?");
    Query& pq = *pq_stmt;
    bind_i64(pq, 1, p.project_id);
    if (!pq.executeStep()) throw NotFoundError("项目（编号 " + std::to_string(p.project_id) + "）不存在");
    std::string record = "项目「" + pq.getColumn(0).getString() + "」的存在问题";
    auto issues = validate::validate_problem(p);
    if (!issues.empty()) throw RecordInvalid(record, std::move(issues));
    if (p.uid.empty()) p.uid = new_uid();
    std::string now = now_iso();
    auto q_stmt = db_.prepared("INSERT INTO problems(description, owner_unit, status, assigned_date, supervised_date, "
                               "closed_date, notes, uid, project_id, created_at, updated_at, version) "
                               "VALUES(?,?,?,?,?,?,?,?,?,?,?,1)");
    Query& q = *q_stmt;
    bind_problem(q, p);
    q.bind(8, p.uid);
    bind_i64(q, 9, p.project_id);
    q.bind(10, now);
    q.bind(11, now);
    q.exec();
    p.id = db_.last_insert_id();
    p.version = 1;
    audit_insert(db_, "problems", p.id, p.uid, problem_fields(p));
    tx.commit();
    problem = std::move(p);
    return problem.id;
}

void ProblemRepository::update(Problem& problem) {
    Problem p = problem;
    WriteTransaction tx(db_);
    auto g_stmt = db_.prepared(std::string("SELECT ") + kProblemColumns + " FROM problems WHERE id = ?");
    Query& g = *g_stmt;
    bind_i64(g, 1, p.id);
    if (!g.executeStep()) throw NotFoundError("存在问题（编号 " + std::to_string(p.id) + "）不存在");
    Problem before = read_problem(g);
    if (before.version != p.version)
        throw StaleRecord("存在问题（编号 " + std::to_string(p.id) + "）已被他人修改，请重新打开后再修改");
    auto issues = validate::validate_problem(p);
    if (!issues.empty()) throw RecordInvalid("存在问题（编号 " + std::to_string(p.id) + "）", std::move(issues));
    auto changes = diff_fields(problem_fields(before), problem_fields(p));
    p.uid = before.uid;
    p.project_id = before.project_id;
    if (!changes.empty()) {
        auto q_stmt = db_.prepared("UPDATE problems SET description=?1, owner_unit=?2, status=?3, assigned_date=?4, "
                                   "supervised_date=?5, closed_date=?6, notes=?7, updated_at=?8, "
                                   "version = version + 1 WHERE id = ?9");
        Query& q = *q_stmt;
        bind_problem(q, p);
        q.bind(8, now_iso());
        bind_i64(q, 9, p.id);
        q.exec();
        audit_update(db_, "problems", p.id, p.uid, changes);
        p.version += 1;
    }
    tx.commit();
    problem = std::move(p);
}

std::optional<Problem> ProblemRepository::get(std::int64_t problem_id) {
    Query g(db_, std::string("SELECT ") + kProblemColumns + " FROM problems WHERE id = ?");
    bind_i64(g, 1, problem_id);
    if (!g.executeStep()) return std::nullopt;
    return read_problem(g);
}

void ProblemRepository::remove(std::int64_t problem_id, std::int64_t version) {
    WriteTransaction tx(db_);
    auto before = get(problem_id);
    if (!before) throw NotFoundError("存在问题（编号 " + std::to_string(problem_id) + "）不存在");
    if (version && before->version != version)
        throw StaleRecord("存在问题（编号 " + std::to_string(problem_id) + "）已被他人修改，请重新打开后再删除");
    audit_delete(db_, "problems", problem_id, before->uid, problem_fields(*before));
    Query q(db_, "DELETE FROM problems WHERE id = ?");
    bind_i64(q, 1, problem_id);
    q.exec();
    tx.commit();
}

std::vector<Problem> ProblemRepository::for_project(std::int64_t project_id) {
    auto q_stmt = db_.prepared(std::string("SELECT ") + kProblemColumns + " FROM problems WHERE project_id = ? ORDER BY id");
    Query& q = *q_stmt;
    bind_i64(q, 1, project_id);
    std::vector<Problem> out;
    while (q.executeStep()) out.push_back(read_problem(q));
    return out;
}

}  // namespace il::db
