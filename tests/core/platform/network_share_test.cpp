#include <doctest/doctest.h>

#include <filesystem>

#include "core/platform/network_share.h"

using namespace il::platform;

TEST_CASE("network file system magic numbers are recognised") {
    CHECK(network_fs_name(0x6969UL) == "NFS");
    CHECK(network_fs_name(0xFF534D42UL) == "CIFS");
    CHECK(network_fs_name(0xFE534D42UL) == "SMB2");
    CHECK(network_fs_name(0x517BUL) == "SMB");
    CHECK_FALSE(network_fs_name(0xEF53UL));      // ext4
    CHECK_FALSE(network_fs_name(0x01021994UL));  // tmpfs
}

TEST_CASE("a local temp folder is not a network share; the warning gives advice") {
    CHECK_FALSE(network_share_kind(std::filesystem::temp_directory_path() / "not-yet-there" / "x.db"));
    std::string w = network_share_warning("/mnt/share/ledger.db", "NFS");
    CHECK(w.find("NFS") != std::string::npos);
    CHECK(w.find("合并") != std::string::npos);
    CHECK(w.find("服务器数据库") != std::string::npos);
}
