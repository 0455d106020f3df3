// `demo`: fills a database with the deterministic demo city.
#include <iostream>

#include "cli/cli_context.h"
#include "core/db/deal_repository.h"
#include "core/db/dictionary_seed.h"
#include "core/db/project_repository.h"
#include "core/db/renovation_repository.h"
#include "core/demo/demo_generator.h"
#include "core/model/money.h"
#include "core/util/utf8_path.h"

namespace il::cli {
namespace {

struct DemoArgs {
    demo::DemoOptions options;
    bool force = false;
    bool quiet = false;
};

// One line on stderr that is rewritten as the work goes on (only when stderr is a terminal would
// this look nice; elsewhere the few lines are harmless).
struct StderrProgress final : ProgressSink {
    bool quiet;
    int last_percent = -1;
    explicit StderrProgress(bool q) : quiet(q) {}
    void step(std::string_view what, double fraction) override {
        if (quiet) return;
        const int percent = static_cast<int>(fraction * 100);
        if (percent / 25 == last_percent / 25 && percent != 100) return;
        last_percent = percent;
        std::cerr << "  " << what << " " << percent << "%\n";
    }
};

}  // namespace

void register_demo_command(CLI::App& app, CliContext& ctx) {
    auto args = std::make_shared<DemoArgs>();
    auto* cmd = app.add_subcommand("demo", "生成演示数据（廊坊示例城市，可重复：同一种子生成相同数据）");
    cmd->add_option("--projects", args->options.projects, "亿元以上项目个数")->capture_default_str()->check(CLI::Range(0, 1000000));
    cmd->add_option("--renovations", args->options.renovations, "技改项目个数")->capture_default_str()->check(CLI::Range(0, 1000000));
    cmd->add_option("--deals", args->options.deals, "招商引资项目个数")->capture_default_str()->check(CLI::Range(0, 1000000));
    cmd->add_option("--seed", args->options.seed, "随机种子")->capture_default_str();
    cmd->add_option("--year", args->options.year, "演示年度（生成该年及上一年的月度数据）")->capture_default_str()->check(CLI::Range(2000, 2100));
    cmd->add_flag("--force", args->force, "数据库已有项目时仍然追加演示数据（种子加上已有记录数，避免重复）");
    cmd->add_flag("--quiet", args->quiet, "不显示进度");
    cmd->callback([&ctx, args] {
        auto db = ctx.open(/*create=*/true);
        const auto existing = db::ProjectRepository(*db).count() + db::RenovationRepository(*db).count() +
                              db::DealRepository(*db).count();
        if (existing > 0 && !args->force)
            throw Error("数据库 " + il::path_utf8(db->path()) + " 已有 " + std::to_string(existing) +
                        " 条项目记录，未添加演示数据（确需追加请加 --force，或指定新的 --db 文件）");
        // A second batch must not repeat the first one's records (and uids): shift the seed.
        if (existing > 0) args->options.seed += static_cast<std::uint64_t>(existing);
        db::seed_dictionaries_from(*db, std::nullopt);  // fills only empty dictionary tables
        StderrProgress progress(args->quiet);
        const auto s = demo::generate(*db, args->options, progress);
        std::cout << "演示数据已写入 " << il::path_utf8(db->path()) << "（种子 " << args->options.seed << "，" << args->options.year
                  << " 年及上年）\n"
                  << "  亿元以上项目 " << s.projects << " 个，另有上年已竣工 " << s.history_projects << " 个（合计中战略性新兴产业 "
                  << s.strategic_projects << " 个），总投资 "
                  << format_yi(Money::from_fen(s.total_investment_fen)) << " 亿元，月度调度 " << s.progress_rows << " 条，存在问题 "
                  << s.problems << " 条\n"
                  << "  技改项目 " << s.renovations << " 个，月度数据 " << s.renovation_progress_rows << " 条\n"
                  << "  招商引资项目 " << s.deals << " 个，资金到位记录 " << s.deal_funds << " 条\n"
                  << "  年度目标 " << s.targets << " 条\n";
    });
}

}  // namespace il::cli
