// Maintenance: backup, backups, restore, lock, unlock, locks.
#include <iostream>
#include <memory>

#include "cli/cli_context.h"
#include "cli/period_option.h"
#include "core/db/backup.h"
#include "core/db/period_lock.h"
#include "core/db/storage/pg_connection.h"
#include "core/model/period.h"
#include "core/util/utf8_path.h"

namespace il::cli {
namespace fs = std::filesystem;

namespace {
std::string kind_label(const std::string& kind) {
    if (kind == "auto") return "自动";
    if (kind == "manual") return "手动";
    if (kind == "import") return "导入前";
    if (kind == "before-restore") return "恢复前";
    if (kind.rfind("migration", 0) == 0) return "升级前";
    return kind;
}

void print_backup(std::size_t n, const db::BackupInfo& b) {
    std::cout << n << "\t" << b.created << "\t" << kind_label(b.kind) << "\t";
    if (b.readable)
        std::cout << "项目 " << b.projects << "，调度 " << b.progress << "，技改 " << b.renovations << "，招商 "
                  << b.deals << "，日志 " << b.audit_entries << "\t";
    else
        std::cout << "无法读取（" << b.error << "）\t";
    std::cout << il::path_utf8(b.file) << "\n";
}
}  // namespace

namespace {
// backups and restore work on files: a server ledger is the server's to back up
fs::path ledger_file(const CliContext& ctx) {
    if (db::storage::is_postgresql_url(ctx.db_path))
        throw ValidationError("服务器上的台账由数据库服务器备份（例如管理员定时运行 pg_dump），本程序只备份和恢复台账文件（.db）");
    return ctx.resolved_db_path();
}
}  // namespace

void register_maintenance_commands(CLI::App& app, CliContext& ctx) {
    auto* backup = app.add_subcommand("backup", "立即备份数据库（备份在数据库旁的 <名称>-backups 文件夹）");
    backup->callback([&ctx] {
        auto db = ctx.open();
        fs::path file = db::backup_now(*db);
        auto info = db::inspect_backup(file);
        std::cout << "已备份：" << il::path_utf8(file) << "（项目 " << info.projects << "，调度 " << info.progress << "）\n";
    });

    auto* backups = app.add_subcommand("backups", "列出备份（最新的在前），不会改动备份文件");
    backups->callback([&ctx] {
        fs::path file = ledger_file(ctx);
        auto list = db::list_backups(file);
        if (list.empty()) {
            std::cout << "没有备份（" << il::path_utf8(db::backup_dir(file)) << "）\n";
            return;
        }
        std::cout << "序号\t时间\t类型\t记录数\t文件\n";
        for (std::size_t i = 0; i < list.size(); ++i) print_backup(i + 1, list[i]);
    });

    auto* restore = app.add_subcommand("restore", "从备份恢复（恢复前先备份当前数据）");
    auto restore_arg = std::make_shared<std::string>();
    auto restore_yes = std::make_shared<bool>(false);
    restore->add_option("backup", *restore_arg, "备份文件，或 `backups` 列出的序号")->required();
    restore->add_flag("--yes,-y", *restore_yes, "不询问，直接恢复");
    restore->callback([&ctx, restore_arg, restore_yes] {
        fs::path db_file = ledger_file(ctx);
        fs::path source;
        bool is_number = !restore_arg->empty() && restore_arg->find_first_not_of("0123456789") == std::string::npos;
        if (is_number) {
            auto list = db::list_backups(db_file);
            std::size_t n = std::stoul(*restore_arg);
            if (n < 1 || n > list.size())
                throw ValidationError("没有序号为 " + *restore_arg + " 的备份（共 " + std::to_string(list.size()) + " 个）");
            source = list[n - 1].file;
        } else {
            source = il::u8path(*restore_arg);
        }
        auto info = db::inspect_backup(source);
        if (!info.readable) throw DatabaseError("备份文件无法读取：" + il::path_utf8(source) + "（" + info.error + "）");
        std::cout << "将恢复：" << il::path_utf8(source) << "\n"
                  << "  时间 " << (info.created.empty() ? "未知" : info.created) << "，最后修改 "
                  << (info.last_change.empty() ? "无" : info.last_change) << "\n"
                  << "  项目 " << info.projects << "，调度 " << info.progress << "，技改 " << info.renovations
                  << "，招商 " << info.deals << "\n";
        if (!*restore_yes) {
            std::cout << "当前数据库的内容将被替换（替换前会自动备份）。继续吗？[y/N] " << std::flush;
            std::string answer;
            std::getline(std::cin, answer);
            if (answer != "y" && answer != "Y" && answer != "yes") {
                std::cout << "已取消，未作修改。\n";
                throw ExitWith{kExitError};
            }
        }
        auto db = ctx.open();
        fs::path safety = db::restore_backup(*db, source);
        std::cout << "已恢复。恢复前的数据已备份为：" << il::path_utf8(safety) << "\n";
    });

    auto* lock = app.add_subcommand("lock", "封账：锁定已上报的期间（1-N月），此后不能修改该月数据");
    auto lock_period = std::make_shared<std::string>();
    auto lock_reason = std::make_shared<std::string>();
    lock->add_option("period", *lock_period, "期间 YYYY-MM")->required();
    lock->add_option("--reason", *lock_reason, "说明，例如“已报市商务局”");
    lock->callback([&ctx, lock_period, lock_reason] {
        Period p = period_option(*lock_period);
        auto db = ctx.open();
        int archived = db::PeriodLocks(*db).lock(p.year, p.month, *lock_reason);
        std::cout << "已封账：" << p.year << "年" << p.label() << "，存档报表 " << archived << " 份\n";
    });

    auto* unlock = app.add_subcommand("unlock", "解除封账（必须填写原因，记入操作日志）");
    auto unlock_period = std::make_shared<std::string>();
    auto unlock_reason = std::make_shared<std::string>();
    unlock->add_option("period", *unlock_period, "期间 YYYY-MM")->required();
    unlock->add_option("--reason", *unlock_reason, "解除封账的原因")->required();
    unlock->callback([&ctx, unlock_period, unlock_reason] {
        Period p = period_option(*unlock_period);
        auto db = ctx.open();
        db::PeriodLocks(*db).unlock(p.year, p.month, *unlock_reason);
        std::cout << "已解除封账：" << p.year << "年" << p.label() << "\n";
    });

    auto* locks = app.add_subcommand("locks", "列出已封账的期间");
    locks->callback([&ctx] {
        auto db = ctx.open(false, true);
        auto list = db::PeriodLocks(*db).list();
        if (list.empty()) {
            std::cout << "没有封账的期间\n";
            return;
        }
        std::cout << "期间\t封账时间\t操作人\t存档报表\t说明\n";
        for (const auto& l : list)
            std::cout << Period{l.year, l.month}.key() << "\t" << l.locked_at << "\t" << l.who << "\t"
                      << l.archived_reports << "\t" << l.reason << "\n";
    });
}

}  // namespace il::cli
