#include "core/import/import_run.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <type_traits>

#include "core/db/audit.h"
#include "core/db/backup.h"
#include "core/db/dictionary_repository.h"
#include "core/db/project_repository.h"
#include "core/db/write_transaction.h"
#include "core/import/record_writer.h"
#include "core/util/clock.h"
#include "core/util/utf8_path.h"

namespace il::import {
namespace fs = std::filesystem;

namespace {
// A savepoint inside the import's transaction, undone unless released: one per row (undone
// alone when the row is rejected) and one per batch of rows (see apply_import). The statements
// are prepared once per connection (Database::prepared), not parsed per row.
class Savepoint {
public:
    Savepoint(db::Database& db, const std::string& name)
        : db_(db), rollback_("ROLLBACK TO " + name), release_("RELEASE " + name) {
        db_.prepared("SAVEPOINT " + name)->exec();
    }
    ~Savepoint() {
        if (done_) return;
        try {
            db_.prepared(rollback_)->exec();
            db_.prepared(release_)->exec();
        } catch (...) {
        }
    }
    void release() {
        db_.prepared(release_)->exec();
        done_ = true;
    }

private:
    db::Database& db_;
    const std::string rollback_, release_;
    bool done_ = false;
};

// The connection's settings for the import's one transaction, restored afterwards (also after a
// rejection, a cancel or an error): a page cache of kImportCacheKiB, so that the pages the
// transaction writes stay in memory instead of spilling to the WAL half-way (a 100,000-row
// import writes far more than the usual 32 MiB), and temp_store = MEMORY, so that each row's
// savepoint journal (the pages as they were before the row) is kept in memory: with the default
// (a file) SQLite writes it to a temporary file once it passes 64 KiB, which for 10,000 rows was
// close to 1 GB of kernel writes. temp_store must be set outside a transaction (SQLite picks the
// journal's place at BEGIN, and refuses while a statement is still reading) and changing it drops
// temporary tables, so it is left alone when the connection has any.
class ImportSettings {
public:
    explicit ImportSettings(db::Database& db) {
        if (db.server()) return;  // the server's own settings
        sql_ = &db.sql();
        cache_ = sql_->execAndGet("PRAGMA cache_size").getInt();
        const long long page = sql_->execAndGet("PRAGMA page_size").getInt64();
        const long long cache_kib = cache_ < 0 ? -static_cast<long long>(cache_) : cache_ * page / 1024;
        if (cache_kib < kImportCacheKiB) {
            sql_->exec("PRAGMA cache_size = -" + std::to_string(kImportCacheKiB));
            cache_changed_ = true;
        }
        temp_store_ = sql_->execAndGet("PRAGMA temp_store").getInt();
        if (temp_store_ != 2 && sqlite3_get_autocommit(sql_->getHandle()) != 0 &&
            sql_->execAndGet("SELECT count(*) FROM temp.sqlite_master").getInt() == 0) {
            try {
                sql_->exec("PRAGMA temp_store = MEMORY");
                temp_store_changed_ = true;
            } catch (const SQLite::Exception&) {
                // a statement of the caller's is still reading: SQLite refuses, the import goes on as before
            }
        }
    }
    ~ImportSettings() {
        try {
            if (cache_changed_) sql_->exec("PRAGMA cache_size = " + std::to_string(cache_));
            if (temp_store_changed_ && sqlite3_get_autocommit(sql_->getHandle()) != 0)
                sql_->exec("PRAGMA temp_store = " + std::to_string(temp_store_));
        } catch (...) {
        }
    }
    ImportSettings(const ImportSettings&) = delete;
    ImportSettings& operator=(const ImportSettings&) = delete;

private:
    SQLite::Database* sql_ = nullptr;
    int cache_ = 0;
    int temp_store_ = 0;
    bool cache_changed_ = false;
    bool temp_store_changed_ = false;
};
// The entries the user decided to add (ImportOptions::decisions.add_missing), written before the
// records, which then get the real ids in place of the pending ones.
void write_additions(db::Database& db, ImportPlan& plan) {
    if (plan.additions.empty()) return;
    db::DictionaryRepository dict(db);
    std::map<std::int64_t, std::int64_t> real;
    for (const auto& a : plan.additions) {
        if (a.field == "region") {
            Region r;
            r.name = a.name;
            real[a.pending_id] = dict.add_region(r);
        } else if (a.field == "zone") {
            Zone z;
            z.name = a.name;
            z.region_id = a.region_id >= kPendingIdBase ? real.at(a.region_id) : a.region_id;
            z.level = "其他";
            real[a.pending_id] = dict.add_zone(z);
        } else if (a.field == "industry") {
            Industry i;
            i.name = a.name;
            i.code = a.name;  // GB/T 4754's letters are taken; the name is unique and says what it is
            real[a.pending_id] = dict.add_industry(i);
        } else if (a.field == "category") {
            Category c;
            c.name = a.name;
            c.group_name = "其他";
            c.is_industrial = true;
            real[a.pending_id] = dict.add_category(c);
        }
    }
    auto fix = [&](auto& id) {
        if constexpr (std::is_same_v<std::decay_t<decltype(id)>, std::int64_t>) {
            if (id >= kPendingIdBase) id = real.at(id);
        } else {
            if (id && *id >= kPendingIdBase) id = real.at(*id);
        }
    };
    for (auto& rec : plan.records) {
        if (rec.project) {
            fix(rec.project->region_id);
            fix(rec.project->zone_id);
            fix(rec.project->industry_id);
            fix(rec.project->category_id);
        }
        if (rec.renovation) {
            fix(rec.renovation->region_id);
            fix(rec.renovation->zone_id);
            fix(rec.renovation->industry_id);
        }
        if (rec.deal) {
            fix(rec.deal->region_id);
            fix(rec.deal->zone_id);
            fix(rec.deal->industry_id);
            fix(rec.deal->category_id);
        }
    }
}
}  // namespace

fs::path backup_before_import(db::Database& db) { return db::pre_change_backup(db, "import"); }

ImportResult apply_import(db::Database& db, ImportPlan& plan, const ImportOptions& options) {
    NullProgress none;
    return apply_import(db, plan, options, none);
}

ImportResult apply_import(db::Database& db, ImportPlan& plan, const ImportOptions& options, ProgressSink& progress) {
    if (progress.cancelled()) throw Cancelled();
    ImportResult result;
    auto writer = make_record_writer(db, plan.kind);
    bool any_change = !plan.additions.empty() ||
                      std::any_of(plan.records.begin(), plan.records.end(),
                                  [](const PlannedRecord& r) { return r.outcome != Outcome::Unchanged; });
    if (!options.dry_run && any_change && !db.in_memory() && (plan.rejected.empty() || options.keep_good))
        result.backup = backup_before_import(db);  // restorable with `investledger-cli restore`

    // A cancel before the commit: the transaction rolls back, the backup is not needed.
    auto cancel = [&] {
        if (result.backup) {
            std::error_code ec;
            fs::remove(*result.backup, ec);
        }
        throw Cancelled();
    };
    ImportSettings settings(db);  // before tx: restored after the commit or the rollback
    db::WriteTransaction tx(db);
    write_additions(db, plan);
    // Rejected records leave plan.records afterwards, in one pass that keeps the order (moving a
    // record costs: building a second vector of all of them was a few percent of the write).
    std::vector<bool> dropped(plan.records.size(), false);
    const std::size_t total = plan.records.size();
    // One row, under its own savepoint: a refused row is undone alone and moves to plan.rejected.
    auto write_row = [&](std::size_t i) {
        PlannedRecord& rec = plan.records[i];
        if (rec.outcome == Outcome::Unchanged) return;
        Savepoint sp(db, "import_row");
        try {
            writer->write(rec, plan.source_name);
            sp.release();
            return;
        } catch (const RecordInvalid& e) {
            RejectedRow rj{std::move(rec.source), {}};
            for (const auto& issue : e.issues()) rj.issues.push_back(issue);
            if (rj.issues.empty()) rj.issues.push_back({"", e.what()});
            plan.rejected.push_back(std::move(rj));
        } catch (const il::Error& e) {
            // period locked, stale record …: this row cannot be written
            plan.rejected.push_back({std::move(rec.source), {{"", e.what()}}});
        } catch (const SQLite::Exception& e) {
            plan.rejected.push_back({std::move(rec.source), {{"", std::string("数据库拒绝：") + e.what()}}});
        }
        dropped[i] = true;
    };
    // The rows between two progress reports are written under one savepoint (SQLite journals
    // each page they change once, not once per row and again for every repository call inside
    // it: CallerUndoesWrites), from copies of their records. When any row of the batch is
    // refused, the batch is rolled back, its records are put back as planned and it is written
    // again row by row as above, so the outcome is the same as writing row by row throughout.
    db::CallerUndoesWrites undo_here(db);
    auto write_batch = [&](std::size_t from, std::size_t to) {
        std::vector<std::pair<std::size_t, PlannedRecord>> originals;
        for (std::size_t i = from; i < to; ++i)
            if (plan.records[i].outcome != Outcome::Unchanged) originals.emplace_back(i, plan.records[i]);
        if (originals.empty()) return;
        bool refused = false;
        {
            Savepoint batch(db, "import_batch");
            try {
                for (const auto& o : originals) writer->write(plan.records[o.first], plan.source_name);
                batch.release();
            } catch (const RecordInvalid&) {
                refused = true;
            } catch (const il::Error&) {
                refused = true;
            } catch (const SQLite::Exception&) {
                refused = true;
            }
        }  // refused: rolled back here
        if (!refused) return;
        for (auto& o : originals) plan.records[o.first] = std::move(o.second);
        for (std::size_t i = from; i < to; ++i) write_row(i);
    };
    progress.step(options.dry_run ? "试写入" : "写入", 0.0);
    // A report (and a cancel check) before every kWriteChunk-th record, as 1-based counts
    // kWriteChunk, 2·kWriteChunk, …: the batches run from one report to the next.
    for (std::size_t from = 0; from < total;) {
        const std::size_t done = from + 1;
        if (done % kWriteChunk == 0) {
            if (progress.cancelled()) cancel();
            progress.step((options.dry_run ? "试写入第 " : "写入第 ") + std::to_string(done) + "/" + std::to_string(total) + " 条",
                          static_cast<double>(done) / static_cast<double>(total));
        }
        const std::size_t to = std::min(total, (done / kWriteChunk + 1) * kWriteChunk - 1);
        write_batch(from, to);
        from = to;
    }
    if (std::find(dropped.begin(), dropped.end(), true) != dropped.end()) {
        std::size_t kept = 0;
        for (std::size_t i = 0; i < total; ++i) {
            if (dropped[i]) continue;
            if (kept != i) plan.records[kept] = std::move(plan.records[i]);
            ++kept;
        }
        plan.records.erase(plan.records.begin() + static_cast<std::ptrdiff_t>(kept), plan.records.end());
    }
    std::sort(plan.rejected.begin(), plan.rejected.end(), [](const RejectedRow& a, const RejectedRow& b) {
        return std::tie(a.source.sheet, a.source.row) < std::tie(b.source.sheet, b.source.row);
    });
    result.added = plan.count(Outcome::New);
    result.updated = plan.count(Outcome::Changed);
    result.unchanged = plan.count(Outcome::Unchanged);
    result.rejected = static_cast<int>(plan.rejected.size());

    if (progress.cancelled()) cancel();
    progress.step("完成", 1.0);
    if (options.dry_run) {
        result.message = "试运行：未写入任何数据";
        return result;  // tx rolls back
    }
    if (result.rejected > 0 && !options.keep_good) {
        result.message = std::to_string(result.rejected) + " 行有错误，未导入任何数据（全部或全不）；改正后重新导入，或用 --keep-good 只导入正确的行";
        return result;
    }
    if (result.added + result.updated == 0) {
        result.message = result.unchanged > 0 ? "没有变化：文件中的数据与台账一致" : "没有可导入的记录";
        tx.commit();
        return result;
    }
    db::audit_event(db, "import", kind_table(plan.kind),
                    "导入 " + plan.source_name + "：新增 " + std::to_string(result.added) + "，更新 " +
                        std::to_string(result.updated) + "，未变 " + std::to_string(result.unchanged) + "，拒绝 " +
                        std::to_string(result.rejected));
    tx.commit();
    result.written = true;
    return result;
}

ImportResult import_file(db::Database& db, const fs::path& file, const ImportOptions& options_in, ImportPlan* plan_out) {
    NullProgress none;
    return import_file(db, file, options_in, plan_out, none);
}

ImportResult import_file(db::Database& db, const fs::path& file, const ImportOptions& options_in, ImportPlan* plan_out,
                         ProgressSink& progress) {
    ImportOptions options = options_in;
    if (options.source_name.empty()) options.source_name = il::path_utf8(file.filename());
    if (progress.cancelled()) throw Cancelled();
    progress.step("读取 " + options.source_name, 0.0);
    Workbook wb = read_workbook(file);
    ProgressRange planning(progress, 0.1, 0.5);
    ImportPlan plan = plan_import(db, wb, options, DictionaryLookup::load(db), planning);
    ProgressRange writing(progress, 0.5, 1.0);
    ImportResult r = apply_import(db, plan, options, writing);
    if (plan_out) *plan_out = std::move(plan);
    return r;
}

}  // namespace il::import
