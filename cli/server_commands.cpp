// The PostgreSQL server: migrate-to (a whole ledger to the server and back), server init and
// server grant (roles and row-level security for the offices and the city).
#include <iostream>
#include <memory>

#include "cli/cli_context.h"
#include "cli/server_login.h"
#include "core/db/storage/ledger_copy.h"
#include "core/db/storage/pg_connection.h"
#include "core/db/storage/server_roles.h"
#include "core/db/storage/server_schema.h"
#include "core/db/storage/server_upgrade.h"
#include "core/db/storage/sqlite_connection.h"
#include "core/util/utf8_path.h"

namespace il::cli {
namespace fs = std::filesystem;
using namespace il::db::storage;

namespace {
// One end of the move: a server connection, or a SQLite ledger file with its connection.
struct Endpoint {
    std::unique_ptr<db::Database> file;
    std::unique_ptr<Connection> conn;
    std::string name;
};

Endpoint open_source(const std::string& source, const CliContext& ctx) {
    Endpoint e;
    if (is_postgresql_url(source)) {
        e.conn = connect_server(source);
        int v = server_schema_version(*e.conn);
        if (v == 0) throw DatabaseError("服务器数据库 " + source + " 中没有台账");
        if (v != db::current_schema_version())
            throw DatabaseError("服务器上的台账是表结构版本 " + std::to_string(v) + "，本程序是版本 " +
                                std::to_string(db::current_schema_version()) + "，未作修改");
        e.name = source;
        return e;
    }
    fs::path path = source.empty() ? ctx.resolved_db_path() : il::u8path(source);
    if (!fs::exists(path)) throw FileError("台账文件不存在：" + il::path_utf8(path));
    db::OpenOptions options;
    options.create = false;
    options.user = ctx.user;
    e.file = db::Database::open(path, options);
    e.conn = std::make_unique<SqliteConnection>(e.file->sql());
    e.name = il::path_utf8(path);
    return e;
}

Endpoint open_target(const std::string& target, const CliContext& ctx, bool replace) {
    Endpoint e;
    if (is_postgresql_url(target)) {
        e.conn = connect_server(target);
        int v = server_schema_version(*e.conn);
        if (v == 0) {
            create_server_schema(*e.conn);
        } else if (v != db::current_schema_version()) {
            throw DatabaseError("服务器上的台账是表结构版本 " + std::to_string(v) + "，本程序是版本 " +
                                std::to_string(db::current_schema_version()) + "，未作修改");
        } else if (!replace) {
            const std::int64_t projects = row_count(*e.conn, "projects");
            if (projects > 0)
                throw ValidationError("服务器数据库 " + target + " 中已有台账（" + std::to_string(projects) +
                                      " 个项目）；要用本台账替换它，加 --replace（未作修改）");
        }
        e.name = target;
        return e;
    }
    fs::path path = il::u8path(target);
    if (fs::exists(path))
        throw ValidationError("目标文件已存在：" + il::path_utf8(path) + "；请指定一个新文件（未作修改）");
    if (!path.parent_path().empty()) fs::create_directories(path.parent_path());
    db::OpenOptions options;
    options.user = ctx.user;
    e.file = db::Database::open(path, options);
    e.conn = std::make_unique<SqliteConnection>(e.file->sql());
    e.name = il::path_utf8(path);
    return e;
}
}  // namespace

void register_server_commands(CLI::App& app, CliContext& ctx) {
    auto* migrate = app.add_subcommand(
        "migrate-to", "把整个台账迁移到 PostgreSQL 服务器（postgresql://用户@主机/库名）或从服务器迁回到新的台账文件");
    auto target = std::make_shared<std::string>();
    auto from = std::make_shared<std::string>();
    auto replace = std::make_shared<bool>(false);
    migrate->add_option("target", *target, "postgresql://用户@主机[:端口]/库名，或新的台账文件（.db）")->required();
    migrate->add_option("--from", *from, "源：台账文件或 postgresql://…（默认：--db 指定的台账）");
    migrate->add_flag("--replace", *replace, "服务器上已有台账时，用源台账替换它（一个事务）");
    migrate->callback([&ctx, target, from, replace] {
        if ((is_postgresql_url(*target) || is_postgresql_url(*from) || is_postgresql_url(ctx.db_path)) &&
            !postgresql_available())
            throw DatabaseError("本程序构建时未包含 PostgreSQL 支持（libpq），无法连接数据库服务器");
        std::string source = !from->empty() ? *from : ctx.db_path;
        Endpoint src = open_source(source, ctx);
        Endpoint dst = open_target(*target, ctx, *replace);
        NullProgress none;
        std::vector<TableCopy> copied;
        try {
            copied = copy_ledger(*src.conn, *dst.conn, none);
        } catch (...) {
            if (dst.file) {  // a new file that did not get the ledger: not left behind half-made
                fs::path p = dst.file->path();
                dst.conn.reset();
                dst.file.reset();
                std::error_code ec;
                for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(fs::path(p) += suffix, ec);
            }
            throw;
        }
        std::int64_t rows = 0;
        for (const auto& c : copied) rows += c.rows;
        std::cout << "已迁移：" << src.name << " → " << dst.name << "（" << copied.size() << " 张表，" << rows << " 行）\n";
        for (const auto& c : copied)
            if (c.rows) std::cout << "  " << c.table << "\t" << c.rows << "\n";
    });

    auto* server = app.add_subcommand("server", "PostgreSQL 服务器上的共享台账：init 建立表结构与权限，grant 给用户授权");
    server->require_subcommand(1);
    auto server_url = [&ctx]() {
        if (!is_postgresql_url(ctx.db_path))
            throw ValidationError("请用 --db postgresql://管理员@主机/库名 指定服务器上的数据库");
        if (!postgresql_available())
            throw DatabaseError("本程序构建时未包含 PostgreSQL 支持（libpq），无法连接数据库服务器");
        return ctx.db_path;
    };
    auto* init = server->add_subcommand("init", "建立台账表结构（若还没有）、角色 il_office / il_city 和按县市区的行级权限");
    init->callback([server_url] {
        auto c = connect_server(server_url());
        init_server(*c);
        std::cout << "已初始化服务器台账：表结构版本 " << server_schema_version(*c)
                  << "，角色 il_office（本县市区读写）、il_city（全市只读）\n";
    });
    auto* upgrade = server->add_subcommand(
        "upgrade", "把旧版程序建立的服务器台账升级到本程序的数据库版本（与台账文件相同的升级步骤；一次完成，失败则不变）");
    upgrade->callback([server_url] {
        auto c = connect_server(server_url());
        NullProgress none;
        const int before = server_schema_version(*c);
        const int from = upgrade_server_schema(*c, fs::temp_directory_path(), none);
        if (before == server_schema_version(*c)) std::cout << "服务器台账已是数据库版本 " << from << "，无需升级\n";
        else std::cout << "已升级服务器台账：数据库版本 " << from << " → " << server_schema_version(*c) << "\n";
    });
    auto* grant = server->add_subcommand("grant", "把服务器上已有的登录用户设为县级（--region，可多次）或市级用户");
    auto login = std::make_shared<std::string>();
    auto role = std::make_shared<std::string>("office");
    auto regions = std::make_shared<std::vector<std::string>>();
    grant->add_option("login", *login, "服务器上的登录名（createuser -P 建立）")->required();
    grant->add_option("--role", *role, "office（县级，默认）或 city（市级）")->check(CLI::IsMember({"office", "city"}));
    grant->add_option("--region", *regions, "县级用户可读写的县市区（可多次）");
    grant->callback([server_url, login, role, regions] {
        auto c = connect_server(server_url());
        grant_server_role(*c, *login, *role == "city" ? ServerRole::city : ServerRole::office, *regions);
        if (*role == "city") std::cout << "已授权：" << *login << " 为市级用户（查看全部县市区）\n";
        else {
            std::cout << "已授权：" << *login << " 为县级用户，可读写：";
            for (std::size_t i = 0; i < regions->size(); ++i) std::cout << (i ? "、" : "") << (*regions)[i];
            std::cout << "\n";
        }
    });
}

}  // namespace il::cli
