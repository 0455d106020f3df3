#include "core/db/record_warnings.h"

#include "core/db/deal_repository.h"
#include "core/db/project_repository.h"
#include "core/db/renovation_repository.h"
#include "core/db/write_transaction.h"
#include "core/validate/completeness.h"

namespace il::db {
namespace {

// Collects (id, text) first: the repositories' for_each holds a statement open while it reads
template <class Repo, class Record>
std::int64_t refresh(Database& db, const char* table) {
    std::vector<std::pair<std::int64_t, std::string>> texts;
    Repo repo(db);
    repo.for_each([&](const Record& r) { texts.emplace_back(r.id, validate::warnings_text(validate::missing_information(r))); });
    Query q(db, std::string("UPDATE ") + table + " SET warnings = ? WHERE id = ? AND warnings <> ?");
    std::int64_t changed = 0;
    for (const auto& [id, text] : texts) {
        q.bind(1, text);
        q.bind(2, static_cast<int64_t>(id));
        q.bind(3, text);
        changed += q.exec();
        q.reset();
    }
    return changed;
}

}  // namespace

std::int64_t refresh_warnings(Database& db) {
    WriteTransaction tx(db);
    std::int64_t n = refresh<ProjectRepository, Project>(db, "projects") +
                     refresh<RenovationRepository, Renovation>(db, "renovations") +
                     refresh<DealRepository, Deal>(db, "deals");
    tx.commit();
    return n;
}

std::map<std::int64_t, std::string> stored_warnings(Database& db, const std::string& table) {
    if (table != "projects" && table != "renovations" && table != "deals")
        throw ValidationError("“" + table + "”没有资料不全提示");
    std::map<std::int64_t, std::string> out;
    Query q(db, "SELECT id, warnings FROM " + table + " WHERE warnings <> ''");
    while (q.executeStep()) out[q.getColumn(0).getInt64()] = q.getColumn(1).getString();
    return out;
}

}  // namespace il::db
