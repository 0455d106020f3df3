// The city level: submit (county side), intake, status, return, conflicts, resolve, offices.
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "cli/cli_context.h"
#include "cli/period_option.h"
#include "core/city/conflicts.h"
#include "core/city/intake.h"
#include "core/city/offices.h"
#include "core/city/package_writer.h"
#include "core/city/status_board.h"
#include "core/model/period.h"
#include "core/report/template_catalog.h"
#include "core/util/utf8_path.h"

namespace il::cli {
namespace fs = std::filesystem;

namespace {
std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : "、") + s;
    return out;
}

void register_submit(CLI::App& app, CliContext& ctx) {
    struct Args {
        std::string period, out, office, report_date;
        std::vector<std::string> regions;
        bool no_lock = false;
    };
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("submit", "上报：生成本单位该期间的上报包（台账数据、上报报表、SHA-256 清单）并封账");
    cmd->add_option("--period", a->period, "期间 YYYY-MM")->required();
    cmd->add_option("--out", a->out, "上报包文件，例如 文安县-2017-06.ilpkg")->required();
    cmd->add_option("--office", a->office, "上报单位（默认：设置 office_name，或台账中唯一的县市区）");
    cmd->add_option("--region", a->regions, "本单位上报的县市区（可重复；默认与单位同名的县市区）");
    cmd->add_option("--report-date", a->report_date, "报出日期 YYYY-MM-DD（默认今天）");
    cmd->add_flag("--no-lock", a->no_lock, "不封账（试报）");
    cmd->callback([&ctx, a] {
        auto db = ctx.open();
        report::TemplateCatalog catalog;
        city::SubmitRequest req;
        req.period = period_option(a->period);
        req.out = fs::path(a->out);
        req.office = a->office;
        req.regions = a->regions;
        req.report_date = a->report_date;
        req.lock = !a->no_lock;
        auto r = city::submit_package(*db, catalog, req);
        const auto& m = r.manifest;
        std::cout << "已生成上报包：" << il::path_utf8(r.file) << "\n  上报单位：" << m.office << "（" << joined(m.regions)
                  << "）  期间：" << m.period.year << "年" << m.period.label() << "\n  项目 " << m.counts.at("projects")
                  << "，调度 " << m.counts.at("progress") << "，技改 " << m.counts.at("renovations") << "，招商 "
                  << m.counts.at("deals") << "，目标 " << m.counts.at("targets") << "\n  SHA-256 " << r.sha256 << "\n";
        if (r.locked_now)
            std::cout << "已封账：" << m.period.year << "年" << m.period.label() << "（存档报表 " << r.archived_reports
                      << " 份）\n";
        else if (req.lock)
            std::cout << m.period.year << "年" << m.period.label() << "此前已封账（未再次封账）\n";
    });
}

void register_intake(CLI::App& app, CliContext& ctx) {
    struct Args {
        std::vector<std::string> files;
        bool accept = false, reject = false, strict = false;
        std::string reason;
        std::size_t limit = 200;
    };
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand(
        "intake", "汇总：校验上报包并显示与本市台账的逐条差异（新增/变更/删除、冲突）；--accept 接收，--reject 拒收");
    cmd->add_option("files", a->files, "上报包文件（*.ilpkg）")->required();
    cmd->add_flag("--accept", a->accept, "接收并合并入本市台账（一个事务，记入操作日志）");
    cmd->add_flag("--reject", a->reject, "拒收（须 --reason，记入操作日志）");
    cmd->add_option("--reason", a->reason, "拒收原因");
    cmd->add_flag("--strict", a->strict, "上报前检查有问题时不接收");
    cmd->add_option("--limit", a->limit, "文本差异最多显示的条数（0 为全部，默认 200）");
    cmd->add_flag("--json", ctx.json, "以 JSON 输出差异");
    cmd->callback([&ctx, a] {
        if (a->accept && a->reject) throw ValidationError("--accept 与 --reject 只能选一个");
        if (a->reject && a->reason.empty()) throw ValidationError("拒收必须用 --reason 填写原因");
        auto db = ctx.open();
        nlohmann::json all = nlohmann::json::array();
        int failed = 0;
        for (const auto& f : a->files) {
            std::unique_ptr<city::Intake> intake;
            try {
                intake = std::make_unique<city::Intake>(*db, fs::path(f));
            } catch (const city::PackageRefused& e) {
                ++failed;
                if (ctx.json)
                    all.push_back({{"file", f}, {"refused", e.what()}});
                else
                    std::cerr << "拒绝：" << e.what() << "\n";
                continue;
            }
            const auto& p = intake->preview();
            nlohmann::json j;
            if (ctx.json)
                j = nlohmann::json::parse(city::preview_json(p));
            else
                std::cout << city::preview_text(p, a->limit);
            if (a->accept) {
                auto r = intake->accept(a->strict);
                if (ctx.json)
                    j["accepted"] = {{"submission_id", r.submission_id}};
                else
                    std::cout << "已接收：新增 " << r.added << "，变更 " << r.changed << "，删除 " << r.removed
                              << "，冲突 " << r.conflicts << (r.conflicts ? "（待处理：investledger-cli conflicts）" : "")
                              << "\n";
            } else if (a->reject) {
                auto id = intake->reject(a->reason);
                if (ctx.json)
                    j["rejected"] = {{"submission_id", id}, {"reason", a->reason}};
                else
                    std::cout << "已拒收：" << a->reason << "\n";
            } else if (!ctx.json) {
                std::cout << "（仅预览，未写入。接收请加 --accept，拒收请加 --reject --reason …）\n";
            }
            if (ctx.json) all.push_back(j);
            if (!ctx.json) std::cout << "\n";
        }
        if (ctx.json) std::cout << all.dump(2) << "\n";
        if (failed) throw ExitWith{kExitError};
    });
}

void register_status(CLI::App& app, CliContext& ctx) {
    struct Args {
        std::string period, xlsx, today;
    };
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("status", "上报情况：各单位该期间是否上报、逾期、退回（可导出 xlsx）");
    cmd->add_option("--period", a->period, "期间 YYYY-MM")->required();
    cmd->add_option("--xlsx", a->xlsx, "导出为 xlsx 文件");
    cmd->add_option("--today", a->today, "按此日期判断逾期（YYYY-MM-DD，默认今天）");
    cmd->add_flag("--json", ctx.json, "以 JSON 输出");
    cmd->callback([&ctx, a] {
        auto db = ctx.open();
        auto board = city::status_board(*db, period_option(a->period), a->today);
        if (!a->xlsx.empty()) city::export_status_board(*db, board, fs::path(a->xlsx));
        if (ctx.json) {
            nlohmann::json j;
            j["period"] = board.period.key();
            j["due_date"] = board.due_date;
            j["offices"] = nlohmann::json::array();
            for (const auto& r : board.rows)
                j["offices"].push_back({{"office", r.office},
                                        {"regions", r.regions},
                                        {"status", city::board_status_label(r.status)},
                                        {"late", r.late},
                                        {"received_at", r.received_at},
                                        {"reason", r.reason},
                                        {"open_conflicts", r.open_conflicts}});
            std::cout << j.dump(2) << "\n";
            return;
        }
        std::cout << board.period.year << "年" << board.period.label() << "上报情况（截止 " << board.due_date << "）\n";
        std::cout << "上报单位\t状态\t逾期\t上报时间\t原因\t未决冲突\n";
        for (const auto& r : board.rows)
            std::cout << r.office << "\t" << city::board_status_label(r.status) << "\t" << (r.late ? "逾期" : "") << "\t"
                      << r.received_at << "\t" << r.reason << "\t" << r.open_conflicts << "\n";
        std::cout << "应报 " << board.rows.size() << "，已上报 " << board.count(city::BoardStatus::Accepted) << "，已退回 "
                  << board.count(city::BoardStatus::Returned) << "，逾期 " << board.late() << "\n";
        if (!a->xlsx.empty()) std::cout << "已导出：" << a->xlsx << "\n";
    });
}

void register_return(CLI::App& app, CliContext& ctx) {
    struct Args {
        std::string office, period, reason;
    };
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("return", "退回：把某单位已接收的上报包退回（须填写原因，记入操作日志）");
    cmd->add_option("--office", a->office, "上报单位")->required();
    cmd->add_option("--period", a->period, "期间 YYYY-MM")->required();
    cmd->add_option("--reason", a->reason, "退回原因")->required();
    cmd->callback([&ctx, a] {
        auto db = ctx.open();
        Period p = period_option(a->period);
        city::return_submission(*db, a->office, p, a->reason);
        std::cout << "已退回：" << a->office << " " << p.year << "年" << p.label() << "（" << a->reason << "）\n";
    });
}

void register_conflicts(CLI::App& app, CliContext& ctx) {
    auto all = std::make_shared<bool>(false);
    auto* cmd = app.add_subcommand("conflicts", "列出单位之间的冲突（同一项目由两个单位上报）");
    cmd->add_flag("--all", *all, "包括已处理的");
    cmd->add_flag("--json", ctx.json, "以 JSON 输出");
    cmd->callback([&ctx, all] {
        auto db = ctx.open();
        auto list = city::list_conflicts(*db, !*all);
        if (ctx.json) {
            nlohmann::json j = nlohmann::json::array();
            for (const auto& c : list)
                j.push_back({{"id", c.id}, {"kind", c.kind}, {"name", c.name}, {"matched_by", c.matched_by},
                             {"incoming_office", c.incoming_office}, {"existing_office", c.existing_office},
                             {"period", c.period}, {"status", c.status}});
            std::cout << j.dump(2) << "\n";
            return;
        }
        if (list.empty()) {
            std::cout << "没有" << (*all ? "" : "未决的") << "冲突\n";
            return;
        }
        std::cout << "编号\t名称\t依据\t新上报单位\t已有单位\t期间\t状态\n";
        for (const auto& c : list)
            std::cout << c.id << "\t" << c.name << "\t" << c.matched_by << "\t" << c.incoming_office << "\t"
                      << (c.existing_office.empty() ? "本级台账" : c.existing_office) << "\t" << c.period << "\t"
                      << (c.status == "open" ? "未决" : c.status == "kept" ? "保留原记录" : "采用新上报") << "\n";
    });

    struct Args {
        std::int64_t id = 0;
        std::string keep, note;
    };
    auto a = std::make_shared<Args>();
    auto* res = app.add_subcommand("resolve", "处理冲突：--keep existing 保留已有记录，--keep incoming 采用新上报的记录");
    res->add_option("id", a->id, "冲突编号（conflicts 列出）")->required();
    res->add_option("--keep", a->keep, "existing 或 incoming")->required()->check(CLI::IsMember({"existing", "incoming"}));
    res->add_option("--note", a->note, "说明（记入操作日志）");
    res->callback([&ctx, a] {
        auto db = ctx.open();
        city::resolve_conflict(*db, a->id,
                               a->keep == "incoming" ? city::Resolution::TakeIncoming : city::Resolution::KeepExisting,
                               a->note);
        std::cout << "冲突 " << a->id << " 已处理：" << (a->keep == "incoming" ? "采用新上报的记录" : "保留已有记录")
                  << "\n";
    });
}

void register_offices(CLI::App& app, CliContext& ctx) {
    struct Args {
        std::string name;
        std::vector<std::string> regions;
    };
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("offices", "列出向本市台账上报的单位及其县市区；--set 单位 --region … 设置");
    cmd->add_option("--set", a->name, "要设置的上报单位");
    cmd->add_option("--region", a->regions, "该单位上报的县市区（可重复）");
    cmd->add_flag("--json", ctx.json, "以 JSON 输出");
    cmd->callback([&ctx, a] {
        auto db = ctx.open();
        if (!a->name.empty()) {
            if (a->regions.empty()) throw ValidationError("请用 --region 指定该单位上报的县市区");
            city::set_office(*db, a->name, a->regions);
        }
        auto list = city::list_offices(*db);
        if (ctx.json) {
            nlohmann::json j = nlohmann::json::array();
            for (const auto& o : list) j.push_back({{"office", o.name}, {"regions", o.regions}, {"active", o.active}});
            std::cout << j.dump(2) << "\n";
            return;
        }
        for (const auto& o : list) std::cout << o.name << "\t" << joined(o.regions) << (o.active ? "" : "\t（停用）") << "\n";
    });
}
}  // namespace

void register_city_commands(CLI::App& app, CliContext& ctx) {
    register_submit(app, ctx);
    register_intake(app, ctx);
    register_status(app, ctx);
    register_return(app, ctx);
    register_conflicts(app, ctx);
    register_offices(app, ctx);
}

}  // namespace il::cli
