// Creates a ledger file (current schema) holding tests/data/report_fixture.sql, for the process
// tests of the reports: make_fixture_db OUT.db FIXTURE.sql
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/db/database.h"
#include "core/db/record_warnings.h"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: report_fixture_db OUT.db FIXTURE.sql\n";
        return 2;
    }
    try {
        std::filesystem::remove(argv[1]);
        std::ifstream in(argv[2], std::ios::binary);
        if (!in) throw std::runtime_error(std::string("cannot read ") + argv[2]);
        std::ostringstream sql;
        sql << in.rdbuf();
        il::db::OpenOptions options;
        options.user = "tester";
        auto db = il::db::Database::open(argv[1], options);
        SQLite::Transaction tx(db->sql());
        db->sql().exec(sql.str());
        tx.commit();
        // The warnings the repositories store with every write (missing information), for rows
        // the fixture inserts directly
        il::db::refresh_warnings(*db);
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
    return 0;
}
