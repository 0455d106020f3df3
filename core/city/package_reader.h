#pragma once
// Opening a received package: everything is verified before anything is used, and a package
// that fails is refused with a reason a person understands (the city ledger is not touched):
// a readable zip, manifest.json matching manifest.sha256, every listed part present with its
// size and SHA-256, a package format and schema this program knows (a newer one is refused with
// the version to upgrade to; an older schema is brought up to date with the ordinary migrations,
// on the extracted copy), and an ledger.sqlite that is a sound SQLite file holding only tables
// and indexes (no triggers or views that could run code when read).
#include <filesystem>
#include <memory>
#include <string>

#include "core/city/package_format.h"
#include "core/util/error.h"

namespace il::city {

// A package that cannot be accepted as it is; the message says why.
class PackageRefused : public ValidationError {
public:
    using ValidationError::ValidationError;
};

class OpenedPackage {
public:
    OpenedPackage() = default;
    ~OpenedPackage();  // removes the extracted files
    OpenedPackage(const OpenedPackage&) = delete;
    OpenedPackage& operator=(const OpenedPackage&) = delete;

    Manifest manifest;
    std::filesystem::path source;   // the package file
    std::string file_name;          // its name (UTF-8, no folder)
    std::string bytes;              // the whole package, as received
    std::string sha256;             // of `bytes`
    std::string report;             // report.xlsx
    std::filesystem::path ledger;   // the extracted ledger.sqlite, migrated to the current schema
    int original_schema = 0;        // its schema version as sent
    std::filesystem::path scratch;  // the folder of the extracted files (removed with this object)
};

// Throws PackageRefused (or FileError when the file cannot be read at all).
std::unique_ptr<OpenedPackage> open_package(const std::filesystem::path& file);
// The same on bytes already in memory (a package kept in the city ledger).
std::unique_ptr<OpenedPackage> open_package_bytes(std::string bytes, std::string file_name,
                                                  std::filesystem::path source = {});

}  // namespace il::city
