#include "core/util/atomic_write.h"

#include <cstdio>
#include <fstream>
#include <string>
#include <system_error>

#include "core/util/error.h"
#include "core/util/utf8_path.h"

#ifdef _WIN32
#include <io.h>
#include <fcntl.h>
#include <windows.h>
#else
#include <fcntl.h>
#include <unistd.h>
#endif

namespace il {
namespace fs = std::filesystem;

namespace {
long pid() {
#ifdef _WIN32
    return static_cast<long>(GetCurrentProcessId());
#else
    return static_cast<long>(getpid());
#endif
}

void sync_file(const fs::path& file) {
#ifdef _WIN32
    HANDLE h = CreateFileW(file.wstring().c_str(), GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, nullptr,
                           OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (h != INVALID_HANDLE_VALUE) {
        FlushFileBuffers(h);
        CloseHandle(h);
    }
#else
    int fd = ::open(file.c_str(), O_RDONLY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
#endif
}
}  // namespace

fs::path temp_path_for(const fs::path& target) {
    fs::path t = target;
    t += ".part-" + std::to_string(pid());
    return t;
}

void commit_temp_file(const fs::path& temp, const fs::path& target) {
    sync_file(temp);
    std::error_code ec;
    fs::rename(temp, target, ec);
    if (ec) {
        std::error_code rm;
        fs::remove(temp, rm);
        throw FileError("无法写入文件 " + il::path_utf8(target) + "：" + ec.message());
    }
#ifndef _WIN32
    // make the rename itself durable
    fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    int fd = ::open(dir.c_str(), O_RDONLY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
#endif
}

void write_file_atomically(const fs::path& target, std::string_view bytes) {
    fs::path temp = temp_path_for(target);
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) throw FileError("无法写入文件 " + il::path_utf8(target) + "（文件夹不存在或没有写权限）");
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out) {
            out.close();
            std::error_code rm;
            fs::remove(temp, rm);
            throw FileError("写入文件失败（磁盘已满？）：" + il::path_utf8(target));
        }
    }
    commit_temp_file(temp, target);
}

}  // namespace il
