#include "cli/ledger_lookup.h"

#include "core/db/deal_repository.h"
#include "core/db/project_repository.h"
#include "core/db/renovation_repository.h"

namespace il::cli {

bool all_digits(const std::string& s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

Project find_project(db::Database& db, const std::string& ref) {
    db::ProjectRepository repo(db);
    if (all_digits(ref) && ref.size() < 15)
        if (auto p = repo.get(std::stoll(ref))) return *p;
    if (auto p = repo.find_by_code(ref)) return *p;
    db::ProjectFilter f;
    f.search = ref;
    std::vector<db::ProjectRow> exact;
    for (auto& row : repo.list(f))
        if (row.name == ref) exact.push_back(row);
    if (exact.size() == 1) return *repo.get(exact[0].id);
    if (exact.size() > 1)
        throw ValidationError("有 " + std::to_string(exact.size()) + " 个项目名为“" + ref + "”，请用编号指定");
    throw NotFoundError("没有编号、项目代码或名称为“" + ref + "”的项目");
}

Renovation find_renovation(db::Database& db, const std::string& ref) {
    db::RenovationRepository repo(db);
    if (all_digits(ref))
        if (auto r = repo.get(std::stoll(ref))) return *r;
    if (auto r = repo.find_by_filing_number(ref)) return *r;
    throw NotFoundError("没有编号或备案号为“" + ref + "”的技改项目");
}

Deal find_deal(db::Database& db, const std::string& ref) {
    db::DealRepository repo(db);
    if (all_digits(ref))
        if (auto d = repo.get(std::stoll(ref))) return *d;
    db::DealFilter f;
    f.search = ref;
    std::vector<db::DealRow> exact;
    for (auto& row : repo.list(f))
        if (row.name == ref) exact.push_back(row);
    if (exact.size() == 1) return *repo.get(exact[0].id);
    throw NotFoundError("没有编号或名称为“" + ref + "”的招商项目");
}

edit::FieldAssignments parse_assignments(const std::vector<std::string>& args) {
    auto normalize_name = [](std::string name) {
        for (char& c : name)
            if (c == '-') c = '_';
        return name;
    };
    edit::FieldAssignments out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string a = args[i];
        bool dashed = a.rfind("--", 0) == 0;
        if (dashed) a = a.substr(2);
        auto eq = a.find('=');
        if (eq != std::string::npos) {
            out.emplace_back(normalize_name(a.substr(0, eq)), a.substr(eq + 1));
        } else if (dashed && i + 1 < args.size()) {
            out.emplace_back(normalize_name(a), args[++i]);
        } else {
            throw ValidationError("无法理解的参数“" + args[i] + "”，应为 字段=值（例如 stage=续建）");
        }
    }
    return out;
}

Kind parse_kind(const std::string& s) {
    if (s == "project" || s == "projects" || s == "项目") return Kind::Project;
    if (s == "renovation" || s == "renovations" || s == "技改") return Kind::Renovation;
    if (s == "deal" || s == "deals" || s == "招商") return Kind::Deal;
    throw ValidationError("记录类别“" + s + "”无效，应为 project、renovation 或 deal");
}
}  // namespace il::cli
