#pragma once
// A fresh, empty ledger for a repository test. In core_tests it is an in-memory SQLite ledger;
// the same test files are built once more into pg_tests (tests/pg/suite.cmake, run by
// tests/pg/with_cluster.sh), where it is a new schema on the throw-away PostgreSQL server: the
// repository suites run unchanged against both engines.
#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "core/db/database.h"

namespace il::test {

#ifdef IL_TEST_ON_SERVER
std::unique_ptr<db::Database> open_server_test_ledger(const std::string& user);  // tests/pg/server_test_ledger.cpp
std::string new_server_test_schema();
std::unique_ptr<db::Database> connect_server_test_ledger(const std::string& schema, const db::OpenOptions& options);
#endif

inline std::unique_ptr<db::Database> open_test_ledger(const std::string& user = "test") {
#ifdef IL_TEST_ON_SERVER
    return open_server_test_ledger(user);
#else
    return db::Database::open_memory(user);
#endif
}

// One ledger that several connections open at once, as two users' programs would: a file in a
// temporary folder, or one schema on the server.
class SharedTestLedger {
public:
    SharedTestLedger() {
#ifdef IL_TEST_ON_SERVER
        schema_ = new_server_test_schema();
#else
        std::random_device rd;
        dir_ = std::filesystem::temp_directory_path() / ("il-shared-ledger-" + std::to_string(rd()));
        std::filesystem::create_directories(dir_);
#endif
    }
    ~SharedTestLedger() {
        std::error_code ec;
        if (!dir_.empty()) std::filesystem::remove_all(dir_, ec);
    }
    SharedTestLedger(const SharedTestLedger&) = delete;
    SharedTestLedger& operator=(const SharedTestLedger&) = delete;

    std::unique_ptr<db::Database> connect(const std::string& user = "test", db::OpenOptions options = {}) {
        options.user = user;
#ifdef IL_TEST_ON_SERVER
        return connect_server_test_ledger(schema_, options);
#else
        return db::Database::open(dir_ / "ledger.db", options);
#endif
    }

private:
    std::filesystem::path dir_;
    std::string schema_;
};

}  // namespace il::test
