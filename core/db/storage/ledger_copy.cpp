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
        std::unique_ptr<Statement> write;
        TableCopy c{t, 0};
        while (read->step()) {
            const int n = read->column_count();
            if (!write) {
                std::string cols, marks;
                for (int i = 0; i < n; ++i) {
                    cols += (i ? ", " : "") + quote_identifier(read->column_name(i));
                    marks += i ? ", ?" : "?";
                }
                write = to.prepare("INSERT INTO " + quote_identifier(t) + " (" + cols + ") VALUES (" + marks + ")");
            }
            for (int i = 0; i < n; ++i) write->bind(i + 1, read->value(i));
            try {
                write->step();
            } catch (const std::exception& e) {  // il::DatabaseError (server) or SQLite::Exception
                throw DatabaseError("复制表 " + t + " 的第 " + std::to_string(c.rows + 1) + " 行时目标数据库拒绝：" + e.what() +
                                    "（未作修改）");
            }
            write->reset();
            ++c.rows;
        }
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
