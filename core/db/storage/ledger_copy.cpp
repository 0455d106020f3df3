#include "core/db/storage/ledger_copy.h"

#include <algorithm>
#include <exception>

#include "core/db/storage/placeholders.h"
#include "core/util/error.h"

namespace il::db::storage {

std::int64_t row_count(Connection& c, const std::string& table) {
    auto q = c.prepare("SELECT count(*) FROM " + quote_identifier(table));
    q->step();
    return q->i64(0);
}

void move_identity_sequences(Connection& server) {
    auto ids = server.prepare("SELECT table_name, column_name FROM information_schema.columns"
                              " WHERE table_schema = current_schema() AND is_identity = 'YES'");
    std::vector<std::pair<std::string, std::string>> identity;
    while (ids->step()) identity.emplace_back(ids->text(0), ids->text(1));
    for (const auto& [table, column] : identity)
        server.exec("SELECT setval(pg_get_serial_sequence('" + quote_identifier(table) + "', '" + column + "'), coalesce(max(" +
                    quote_identifier(column) + "), 0) + 1, false) FROM " + quote_identifier(table));
}

std::vector<TableCopy> copy_ledger(Connection& from, Connection& to, ProgressSink& progress,
                                   const std::function<void()>& prepare_target,
                                   const std::function<void()>& finish_target) {
    Transaction source_snapshot(from);  // one consistent view of the source while copying
    Transaction tx(to);
    if (prepare_target) prepare_target();
    std::vector<std::string> tables = from.tables();
    std::vector<std::string> target_tables = to.tables();
    for (const auto& t : tables)
        if (std::find(target_tables.begin(), target_tables.end(), t) == target_tables.end())
            throw DatabaseError("目标数据库没有表 " + t + "（表结构版本不同？），未作修改");

    std::vector<TableCopy> copied;
    // children before parents, so that foreign keys hold at every step
    for (auto it = target_tables.rbegin(); it != target_tables.rend(); ++it) to.exec("DELETE FROM " + quote_identifier(*it));
    std::size_t done = 0;
    for (const auto& t : tables) {
        if (progress.cancelled()) throw Cancelled();
        progress.step("复制 " + t, static_cast<double>(done++) / static_cast<double>(tables.size()));
        auto read = from.prepare("SELECT * FROM " + quote_identifier(t));
        TableCopy c{t, 0};
        std::unique_ptr<Statement> one, full;  // INSERT of one row, of a full batch
        std::string insert_head, row_marks;
        std::vector<std::string> columns;
        std::size_t batch_rows = 1;
        std::vector<std::vector<SqlValue>> batch;
        auto insert_one = [&](const std::vector<SqlValue>& row, std::int64_t number) {
            if (!one) one = to.prepare(insert_head + row_marks);
            for (std::size_t i = 0; i < row.size(); ++i) one->bind(static_cast<int>(i + 1), row[i]);
            try {
                one->step();
            } catch (const std::exception& e) {  // il::DatabaseError (server) or SQLite::Exception
                // the row by its first columns (the key of every ledger table is among them)
                std::string which;
                for (std::size_t i = 0; i < row.size() && i < 3; ++i) {
                    const SqlValue& v = row[i];
                    std::string text = std::holds_alternative<std::int64_t>(v) ? std::to_string(std::get<std::int64_t>(v))
                                       : std::holds_alternative<std::string>(v) ? std::get<std::string>(v)
                                       : std::holds_alternative<std::monostate>(v) ? std::string("NULL") : std::string("…");
                    which += (i ? ", " : "") + columns[i] + "=" + text;
                }
                throw DatabaseError("复制表 " + t + " 的第 " + std::to_string(number) + " 行（" + which + "）时目标数据库拒绝：" +
                                    e.what() + "（未作修改）");
            }
            one->reset();
        };
        // Rows written so far: c.rows; the batch holds the next ones.
        auto flush = [&] {
            if (batch.empty()) return;
            if (batch.size() == 1) {
                insert_one(batch[0], c.rows + 1);
            } else {
                std::unique_ptr<Statement> partial;
                Statement* many = nullptr;
                std::string sql = insert_head + row_marks;
                for (std::size_t r = 1; r < batch.size(); ++r) sql += ", " + row_marks;
                if (batch.size() == batch_rows) {
                    if (!full) full = to.prepare(sql);
                    many = full.get();
                } else {
                    partial = to.prepare(sql);
                    many = partial.get();
                }
                int k = 1;
                for (const auto& row : batch)
                    for (const auto& v : row) many->bind(k++, v);
                to.exec("SAVEPOINT il_copy_batch");
                try {
                    many->step();
                    many->reset();
                    to.exec("RELEASE SAVEPOINT il_copy_batch");
                } catch (const std::exception&) {
                    // refused: written again row by row, to name the row (the first refused one throws)
                    many->reset();
                    to.exec("ROLLBACK TO SAVEPOINT il_copy_batch");
                    for (std::size_t r = 0; r < batch.size(); ++r) insert_one(batch[r], c.rows + 1 + static_cast<std::int64_t>(r));
                    to.exec("RELEASE SAVEPOINT il_copy_batch");
                }
            }
            c.rows += static_cast<std::int64_t>(batch.size());
            batch.clear();
        };
        while (read->step()) {
            const int n = read->column_count();
            if (insert_head.empty()) {
                std::string cols;
                row_marks = "(";
                for (int i = 0; i < n; ++i) {
                    columns.push_back(read->column_name(i));
                    cols += (i ? ", " : "") + quote_identifier(columns.back());
                    row_marks += i ? ", ?" : "?";
                }
                row_marks += ")";
                insert_head = "INSERT INTO " + quote_identifier(t) + " (" + cols + ") VALUES ";
                // a server answers each statement over the network: many rows per INSERT there
                // (within its 65,535 parameters); SQLite writes row by row as fast
                if (to.engine() == Engine::postgresql) batch_rows = std::max<std::size_t>(1, std::min<std::size_t>(500, 30000 / static_cast<std::size_t>(n)));
            }
            std::vector<SqlValue> row;
            row.reserve(static_cast<std::size_t>(n));
            for (int i = 0; i < n; ++i) row.push_back(read->value(i));
            batch.push_back(std::move(row));
            if (batch.size() >= batch_rows) flush();
        }
        flush();
        std::int64_t there = row_count(to, t);
        if (there != c.rows)
            throw DatabaseError("复制后表 " + t + " 有 " + std::to_string(there) + " 行，源有 " + std::to_string(c.rows) +
                                " 行（未作修改）");
        copied.push_back(c);
    }
    if (to.engine() == Engine::postgresql) move_identity_sequences(to);
    if (finish_target) finish_target();
    tx.commit();
    progress.step("完成", 1.0);
    return copied;
}

}  // namespace il::db::storage
