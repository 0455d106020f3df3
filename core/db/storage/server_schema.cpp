#include "core/db/storage/server_schema.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <tuple>
#include <sstream>

#include "core/db/database.h"
#include "core/db/storage/placeholders.h"
#include "core/util/error.h"

namespace il::db::storage {

namespace {
std::string pg_type(const std::string& sqlite_type) {
    if (sqlite_type == "INTEGER") return "bigint";
    if (sqlite_type == "TEXT") return "text";
    if (sqlite_type == "BLOB") return "bytea";
    if (sqlite_type == "REAL") return "double precision";
    throw DatabaseError("服务器表结构：未知的列类型 " + sqlite_type);
}

// A default the server can take as it is: a number or a quoted string (the schema has no other).
bool literal_default(const std::string& d) {
    if (d.size() >= 2 && d.front() == '\'' && d.back() == '\'') return true;
    if (d.empty()) return false;
    for (char c : d)
        if (!(c == '-' || c == '.' || (c >= '0' && c <= '9'))) return false;
    return true;
}

}  // namespace

std::string server_schema_sql() {
    auto model = Database::open_memory();  // the current schema, built by the migrations
    SQLite::Database& db = model->sql();
    std::ostringstream ddl;
    SQLite::Statement tables(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid");
    int position = 0;
    std::ostringstream order;
    while (tables.executeStep()) {
        std::string t = tables.getColumn(0).getString();
        ddl << "CREATE TABLE " << quote_identifier(t) << " (";
        SQLite::Statement cols(db, "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?) ORDER BY cid");
        cols.bind(1, t);
        std::map<int, std::string> pk;
        bool first = true;
        while (cols.executeStep()) {
            std::string name = cols.getColumn(0).getString();
            ddl << (first ? "" : ", ") << quote_identifier(name) << " " << pg_type(cols.getColumn(1).getString());
            if (cols.getColumn(2).getInt()) ddl << " NOT NULL";
            if (!cols.getColumn(3).isNull() && literal_default(cols.getColumn(3).getString()))
                ddl << " DEFAULT " << cols.getColumn(3).getString();
            if (int k = cols.getColumn(4).getInt()) pk[k] = name;
            first = false;
        }
        if (!pk.empty()) {
            ddl << ", PRIMARY KEY (";
            for (auto it = pk.begin(); it != pk.end(); ++it) ddl << (it == pk.begin() ? "" : ", ") << quote_identifier(it->second);
            ddl << ")";
        }
        // UNIQUE in the column or table definition (SQLite keeps them as automatic indexes)
        SQLite::Statement uniques(db, "SELECT name FROM pragma_index_list(?) WHERE origin = 'u' ORDER BY seq DESC");
        uniques.bind(1, t);
        while (uniques.executeStep()) {
            SQLite::Statement cols_of(db, "SELECT name FROM pragma_index_info(?) ORDER BY seqno");
            cols_of.bind(1, uniques.getColumn(0).getString());
            std::string list;
            while (cols_of.executeStep()) list += (list.empty() ? "" : ", ") + quote_identifier(cols_of.getColumn(0).getString());
            ddl << ", UNIQUE (" << list << ")";
        }
        // foreign keys, one constraint per id (a composite key has several rows with one id)
        SQLite::Statement fks(db, "SELECT id, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq");
        fks.bind(1, t);
        std::map<int, std::tuple<std::string, std::string, std::string, std::string>> fk;
        while (fks.executeStep()) {
            auto& [parent, from, to, on_delete] = fk[fks.getColumn(0).getInt()];
            parent = fks.getColumn(1).getString();
            from += (from.empty() ? "" : ", ") + quote_identifier(fks.getColumn(2).getString());
            to += (to.empty() ? "" : ", ") + (fks.getColumn(3).isNull() ? std::string("id") : quote_identifier(fks.getColumn(3).getString()));
            on_delete = fks.getColumn(4).getString();
        }
        for (const auto& [id, f] : fk) {
            const auto& [parent, from, to, on_delete] = f;
            ddl << ", FOREIGN KEY (" << from << ") REFERENCES " << quote_identifier(parent) << " (" << to << ")";
            if (on_delete != "NO ACTION") ddl << " ON DELETE " << on_delete;
        }
        ddl << ");\n";
        order << (position ? ", " : "") << "(" << position << ", '" << t << "')";
        ++position;
    }
    SQLite::Statement indexes(db, "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY rowid");
    while (indexes.executeStep()) ddl << indexes.getColumn(0).getString() << ";\n";
    ddl << "CREATE TABLE il_tables (position integer PRIMARY KEY, name text NOT NULL UNIQUE);\n"
        << "INSERT INTO il_tables VALUES " << order.str() << ";\n"
        << "CREATE TABLE il_schema (version integer NOT NULL);\n"
        << "INSERT INTO il_schema VALUES (" << current_schema_version() << ");\n";
    return ddl.str();
}

int server_schema_version(Connection& server) {
    auto q = server.prepare("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'il_schema'");
    q->step();
    if (q->i64(0) == 0) return 0;
    auto v = server.prepare("SELECT version FROM il_schema");
    return v->step() ? static_cast<int>(v->i64(0)) : 0;
}

void create_server_schema(Connection& server) {
    Transaction tx(server);
    if (int v = server_schema_version(server))
        throw DatabaseError("服务器数据库中已有台账表结构（版本 " + std::to_string(v) + "），未作修改");
    server.exec(server_schema_sql());
    tx.commit();
}

}  // namespace il::db::storage
