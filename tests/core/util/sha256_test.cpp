#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>


#include "core/util/error.h"
#include "core/util/sha256.h"
#include "tests/support/process.h"

using il::sha256_hex;

TEST_CASE("SHA-256 matches the FIPS 180-4 / NIST test vectors") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu") ==
          "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    CHECK(sha256_hex(std::string(1000000, 'a')) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("SHA-256 gives the same digest whatever the chunking (55/56/63/64-byte boundaries)") {
    for (std::size_t len : {55u, 56u, 63u, 64u, 65u, 127u, 128u, 1000u}) {
        std::string data(len, '\0');
        for (std::size_t i = 0; i < len; ++i) data[i] = char('a' + i % 26);
        std::string whole = sha256_hex(data);
        il::Sha256 h;
        for (std::size_t i = 0; i < len; i += 7) h.update(std::string_view(data).substr(i, 7));
        CHECK(h.hex_digest() == whole);
    }
    // "中文" in UTF-8 (e4 b8 ad e6 96 87)
    CHECK(sha256_hex("\xe4\xb8\xad\xe6\x96\x87") == "72726d8818f693066ceb69afa364218b692e62ea92b385782363780f47529c21");
}

TEST_CASE("sha256_file hashes the bytes of a file and reports a missing one") {
    auto dir = std::filesystem::temp_directory_path() / ("il_sha256_test_" + std::to_string(il_test::pid()));
    std::filesystem::create_directories(dir);
    auto f = dir / "abc.bin";
    { std::ofstream(f, std::ios::binary) << "abc"; }
    CHECK(il::sha256_file(f) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK_THROWS_AS(il::sha256_file(dir / "missing.bin"), il::FileError);
    std::filesystem::remove_all(dir);
}
