#include "core/report/server_query.h"

#include <optional>

#include "core/db/storage/named_params.h"
#include "core/util/error.h"

namespace il::report {

namespace {
db::storage::SqlValue to_storage(const SqlValue& v) {
    if (auto* i = std::get_if<std::int64_t>(&v)) return *i;
    if (auto* d = std::get_if<double>(&v)) return *d;
    if (auto* s = std::get_if<std::string>(&v)) return *s;
    return std::monostate{};
}

SqlValue from_storage(db::storage::SqlValue v) {
    if (auto* i = std::get_if<std::int64_t>(&v)) return *i;
    if (auto* d = std::get_if<double>(&v)) return *d;
    if (auto* s = std::get_if<std::string>(&v)) return std::move(*s);
    if (auto* b = std::get_if<db::storage::Blob>(&v)) return std::string(b->bytes.begin(), b->bytes.end());
    return std::monostate{};
}
}  // namespace

ResultTable run_server_query(db::storage::Connection& server, const std::string& sql, const SqlParams& params,
                             const std::string& file_label) {
    std::map<std::string, db::storage::SqlValue> named;
    for (const auto& [k, v] : params) named[k] = to_storage(v);
    const db::storage::PositionalQuery positional = db::storage::to_positional_params(sql, named, file_label);
    std::optional<db::storage::Transaction> own;
    if (!server.in_transaction()) own.emplace(server, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    ResultTable t;
    try {
        auto q = server.prepare(positional.sql);
        for (std::size_t i = 0; i < positional.values.size(); ++i) q->bind(static_cast<int>(i + 1), positional.values[i]);
        bool first = true;
        while (q->step()) {
            const int n = q->column_count();
            if (first) {
                for (int c = 0; c < n; ++c) t.columns.push_back(q->column_name(c));
                first = false;
            }
            std::vector<SqlValue> row;
            row.reserve(static_cast<std::size_t>(n));
            for (int c = 0; c < n; ++c) row.push_back(from_storage(q->value(c)));
            t.rows.push_back(std::move(row));
        }
        if (first)  // no rows: the columns still name the sheet's fields
            for (int c = 0; c < q->column_count(); ++c) t.columns.push_back(q->column_name(c));
    } catch (const TemplateError&) {
        throw;
    } catch (const DatabaseError& e) {
        throw TemplateError(file_label + "：" + e.what());
    }
    return t;  // `own` rolls back: it only read
}

}  // namespace il::report
