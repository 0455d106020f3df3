#include "core/db/storage/server_roles.h"

#include "core/db/storage/server_functions.h"
#include "core/db/storage/server_schema.h"
#include "core/util/error.h"

namespace il::db::storage {

namespace {
// The rows an office user may see: the regions il_office_users gives the current login.
constexpr const char* kMyRegions = "(SELECT region_id FROM il_office_users WHERE login = current_user)";

struct Scoped {
    const char* table;
    std::string mine;  // the row belongs to one of the user's regions
};

std::vector<Scoped> scoped_tables() {
    std::string regions = kMyRegions;
    auto via = [](const char* parent, const char* key) {
        // the parent table's own policy filters this subquery: a child row is visible exactly
        // when its project / 技改 / 招商 row is
        return std::string("EXISTS (SELECT 1 FROM ") + parent + " p WHERE p.id = " + key + ")";
    };
    return {
        {"projects", "region_id IN " + regions},
        {"renovations", "region_id IN " + regions},
        {"deals", "region_id IN " + regions},
        {"targets", "region_id IN " + regions + " OR zone_id IN (SELECT id FROM zones WHERE region_id IN " + regions + ")"},
        {"project_plans", via("projects", "project_id")},
        {"approvals", via("projects", "project_id")},
        {"progress", via("projects", "project_id")},
        {"problems", via("projects", "project_id")},
        {"renovation_plans", via("renovations", "renovation_id")},
        {"renovation_progress", via("renovations", "renovation_id")},
        {"deal_funds", via("deals", "deal_id")},
        {"deal_followups", via("deals", "deal_id")},
    };
}
}  // namespace

std::string server_roles_sql() {
    std::string sql = R"SQL(
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'il_office') THEN CREATE ROLE il_office NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'il_city') THEN CREATE ROLE il_city NOLOGIN; END IF;
END $$;
CREATE TABLE IF NOT EXISTS il_office_users (login text NOT NULL, region_id bigint NOT NULL REFERENCES regions(id),
  PRIMARY KEY (login, region_id));
GRANT USAGE ON SCHEMA public TO il_office, il_city;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO il_office, il_city;
GRANT INSERT ON audit_log TO il_office, il_city;
GRANT INSERT ON report_runs TO il_office, il_city;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO il_office, il_city;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO il_office, il_city;
)SQL";
    for (const auto& s : scoped_tables()) {
        const std::string t = s.table;
        sql += "GRANT INSERT, UPDATE, DELETE ON " + t + " TO il_office;\n";
        sql += "ALTER TABLE " + t + " ENABLE ROW LEVEL SECURITY;\n";
        sql += "DROP POLICY IF EXISTS office_rows ON " + t + ";\n";
        sql += "CREATE POLICY office_rows ON " + t + " TO il_office USING (" + s.mine + ") WITH CHECK (" + s.mine + ");\n";
        sql += "DROP POLICY IF EXISTS city_reads ON " + t + ";\n";
        sql += "CREATE POLICY city_reads ON " + t + " FOR SELECT TO il_city USING (true);\n";
    }
    return sql;
}

void init_server(Connection& server) {
    if (server_schema_version(server) == 0) create_server_schema(server);
    Transaction tx(server);
    // again on a server made before they existed (CREATE OR REPLACE: the same on a new one),
    // before the grants, which name them
    server.exec(server_functions_sql());
    server.exec(server_roles_sql());
    tx.commit();
}

void grant_server_role(Connection& server, const std::string& login, ServerRole role,
                       const std::vector<std::string>& region_names) {
    if (login.empty()) throw ValidationError("没有给出登录名");
    Transaction tx(server);
    auto exists = server.prepare("SELECT count(*) FROM pg_roles WHERE rolname = ? AND rolcanlogin");
    exists->bind(1, login);
    exists->step();
    if (exists->i64(0) == 0)
        throw ValidationError("服务器上没有可登录的用户 " + login + "：先用 createuser -P " + login + " 建立（密码由服务器保管）");
    auto quoted_login = server.prepare("SELECT quote_ident(?)");
    quoted_login->bind(1, login);
    quoted_login->step();
    const std::string ident = quoted_login->text(0);
    auto clear = server.prepare("DELETE FROM il_office_users WHERE login = ?");
    clear->bind(1, login);
    clear->step();
    // (a login that had neither role gets a warning per role from the server: not worth showing)
    server.exec("SET LOCAL client_min_messages = error; REVOKE il_office, il_city FROM " + ident);
    if (role == ServerRole::city) {
        if (!region_names.empty()) throw ValidationError("市级用户可查看所有县市区，不需要 --region");
        server.exec("GRANT il_city TO " + ident);
    } else {
        if (region_names.empty()) throw ValidationError("县级用户至少要有一个县市区（--region）");
        auto find = server.prepare("SELECT id FROM regions WHERE name = ?");
        auto add = server.prepare("INSERT INTO il_office_users(login, region_id) VALUES (?, ?)");
        for (const auto& name : region_names) {
            find->reset();
            find->bind(1, name);
            if (!find->step()) throw ValidationError("台账中没有县市区“" + name + "”（未作修改）");
            add->reset();
            add->bind(1, login);
            add->bind(2, find->i64(0));
            add->step();
        }
        server.exec("GRANT il_office TO " + ident);
    }
    tx.commit();
}

}  // namespace il::db::storage
