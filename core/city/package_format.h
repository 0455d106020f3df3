#pragma once
// The submission package (上报包, *.ilpkg) a county or 开发区 office sends to the city: a zip holding
//   manifest.json    what the package is: office, regions, period, tool and schema version,
//                    templates used, record counts, and the SHA-256 and size of every other part
//   manifest.sha256  the SHA-256 of manifest.json (so a changed manifest is noticed too)
//   ledger.sqlite    the office's records for its regions up to the period: an SQLite ledger of
//                    the same schema as any ledger (dictionaries whole, other regions removed)
//   report.xlsx      the report workbook the office submitted for the period (standard set)
// See docs/上报包格式.md for the reasons (an SQLite file, not JSON: older packages are brought
// up to date by the ordinary schema migrations; the city merges with set-based SQL).
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/model/period.h"

namespace il::city {

inline constexpr const char* kPackageFormat = "investledger-submission";
// The package layout this program writes; a higher number comes from a newer program.
inline constexpr int kPackageFormatVersion = 1;
inline constexpr const char* kManifestEntry = "manifest.json";
inline constexpr const char* kManifestHashEntry = "manifest.sha256";
inline constexpr const char* kLedgerEntry = "ledger.sqlite";
inline constexpr const char* kReportEntry = "report.xlsx";

struct PackageFile {
    std::string name;
    std::uint64_t size = 0;
    std::string sha256;
};

struct TemplateUse {
    std::string id, version;
};

struct Manifest {
    std::string format = kPackageFormat;
    int format_version = kPackageFormatVersion;
    std::string uid;                    // this package
    std::string office;                 // 文安县
    std::vector<std::string> regions;   // the regions (县市区 dictionary names) it reports for
    Period period;
    std::string created_at, created_by;
    std::string tool_version;           // IL_VERSION of the program that wrote it
    int schema_version = 0;             // of ledger.sqlite
    std::vector<TemplateUse> templates;
    std::map<std::string, std::int64_t> counts;  // projects, progress, renovations, deals, …
    std::vector<PackageFile> files;
};

std::string manifest_to_json(const Manifest& m);
// Throws ValidationError naming the field when the JSON is not a manifest of this format.
Manifest manifest_from_json(const std::string& text);

// Writes a package zip atomically: manifest.json (with `files` filled in from `parts`),
// manifest.sha256 and the parts. Throws FileError.
void write_package_zip(const std::filesystem::path& out, Manifest manifest,
                       const std::vector<std::pair<std::string, std::string>>& parts);

}  // namespace il::city
