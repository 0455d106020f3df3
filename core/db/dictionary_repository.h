#pragma once
// Storage of the editable dictionaries: regions (县市区), zones (开发区), industries (GB/T 4754
// sections), industrial categories. Records refer to entries by id, so renaming an entry changes
// no history. Every change is validated, atomic and written to the audit log.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db/audit.h"
#include "core/db/database.h"
#include "core/model/dictionary.h"

namespace il::db {

// Which dictionary: the table name doubles as the kind's text ("regions", "zones", ...).
enum class DictionaryKind { Regions, Zones, Industries, Categories };
const char* dictionary_table(DictionaryKind kind);
// "regions"/"region", "zones"/"zone", "industries"/"industry", "categories"/"category".
std::optional<DictionaryKind> parse_dictionary_kind(const std::string& text);

class DictionaryRepository {
public:
    explicit DictionaryRepository(Database& db) : db_(db) {}

    // In display order (sort_order, then id).
    std::vector<Region> regions();
    std::vector<Zone> zones(std::optional<std::int64_t> region_id = std::nullopt);
    std::vector<Industry> industries();
    std::vector<Category> categories();

    std::optional<Region> region(std::int64_t id);
    std::optional<Zone> zone(std::int64_t id);
    std::optional<Industry> industry(std::int64_t id);
    std::optional<Category> category(std::int64_t id);

    // Exact name (or, for regions and industries, code) lookups.
    std::optional<Region> find_region(const std::string& name_or_code);
    std::optional<Zone> find_zone(const std::string& name);
    std::optional<Industry> find_industry(const std::string& code_or_name);
    std::optional<Category> find_category(const std::string& name);

    // Validate and insert (id and uid set on return). Throws RecordInvalid (also for a name that
    // is taken).
    std::int64_t add_region(Region& r);
    std::int64_t add_zone(Zone& z);
    std::int64_t add_industry(Industry& i);
    std::int64_t add_category(Category& c);

    // Renames one entry. Throws NotFoundError, RecordInvalid (empty or taken name).
    void rename(DictionaryKind kind, std::int64_t id, const std::string& new_name);
    // Sets a region's or zone's short name (empty, or the name itself: none). Throws NotFoundError,
    // RecordInvalid (longer than kMaxShortName characters), ValidationError (another dictionary).
    void set_short_name(DictionaryKind kind, std::int64_t id, const std::string& short_name);
    static constexpr int kMaxShortName = 12;

private:
    Database& db_;
};

}  // namespace il::db
