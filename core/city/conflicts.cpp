#include "core/city/conflicts.h"

#include "core/city/merge_sql.h"
#include "core/city/package_reader.h"
#include "core/db/audit.h"
#include "core/db/row_reader.h"
#include "core/db/write_transaction.h"
#include "core/util/clock.h"

namespace il::city {

std::vector<Conflict> list_conflicts(db::Database& db, bool open_only) {
    db::Query q(db,
                        std::string("SELECT c.id, c.kind, c.name, c.matched_by, c.incoming_office, c.existing_office,"
                                    " c.incoming_uid, c.existing_uid, c.status, s.period, c.created_at,"
                                    " COALESCE(c.resolved_at, ''), COALESCE(c.resolved_by, '') FROM city_conflicts c"
                                    " JOIN submissions s ON s.id = c.submission_id") +
                            (open_only ? " WHERE c.status = 'open'" : "") + " ORDER BY c.id");
    std::vector<Conflict> out;
    while (q.executeStep()) {
        Conflict c;
        db::read_row(q, c.id, c.kind, c.name, c.matched_by, c.incoming_office, c.existing_office, c.incoming_uid,
                     c.existing_uid, c.status, c.period, c.created_at, c.resolved_at, c.resolved_by);
        out.push_back(c);
    }
    return out;
}

void resolve_conflict(db::Database& db, std::int64_t id, Resolution how, const std::string& note) {
    db::Query q(db,
                "SELECT c.kind, c.incoming_uid, c.existing_uid, c.incoming_office, c.existing_office, c.name,"
                " s.uid, s.period, s.content, s.file_name FROM city_conflicts c JOIN submissions s ON"
                " s.id = c.submission_id WHERE c.id = ? AND c.status = 'open'");
    q.bind(1, static_cast<int64_t>(id));
    if (!q.executeStep()) throw NotFoundError("没有编号为 " + std::to_string(id) + " 的未决冲突");
    const std::string table = q.getColumn(0).getString() == "project" ? "projects" : "renovations";
    const std::string incoming_uid = q.getColumn(1).getString(), existing_uid = q.getColumn(2).getString();
    const std::string incoming_office = q.getColumn(3).getString(), existing_office = q.getColumn(4).getString();
    const std::string name = q.getColumn(5).getString();
    Origin origin{incoming_office, q.getColumn(6).getString(), q.getColumn(7).getString()};
    db::QueryColumn blob = q.getColumn(8);
    std::string content(static_cast<const char*>(blob.getBlob()), static_cast<std::size_t>(blob.getBytes()));
    std::string file_name = q.getColumn(9).getString();
    q.reset();

    std::unique_ptr<OpenedPackage> pkg;
    std::unique_ptr<AttachedPackage> attached;
    if (how == Resolution::TakeIncoming) {
        pkg = open_package_bytes(std::move(content), file_name);
        attached = std::make_unique<AttachedPackage>(db, pkg->ledger);
    }
    {
        db::WriteTransaction tx(db);
        std::string what;
        if (how == Resolution::TakeIncoming) {
            db::Query del(db, "DELETE FROM main." + table + " WHERE uid = ?");
            del.bind(1, existing_uid);
            del.exec();
            reset_take(db);
            take(db, table, incoming_uid);
            copy_taken_records(db, origin);
            what = "采用「" + incoming_office + "」上报的记录";
        } else {
            what = "保留「" + (existing_office.empty() ? std::string("本级台账") : existing_office) + "」的记录";
        }
        db::Query u(db, "UPDATE city_conflicts SET status = ?, resolved_at = ?, resolved_by = ? WHERE id = ?");
        u.bind(1, how == Resolution::TakeIncoming ? "taken" : "kept");
        u.bind(2, now_iso());
        u.bind(3, db.user());
        u.bind(4, static_cast<int64_t>(id));
        u.exec();
        db::audit_event(db, "resolve", "city_conflicts",
                        "冲突 " + std::to_string(id) + "「" + name + "」：" + what + (note.empty() ? "" : "；" + note));
        tx.commit();
    }
    attached.reset();
}

}  // namespace il::city
