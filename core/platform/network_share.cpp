#include "core/platform/network_share.h"
#include "core/util/utf8_path.h"

#include <system_error>

#ifdef _WIN32
#include <windows.h>
#elif defined(__linux__)
#include <sys/vfs.h>
#endif

namespace il::platform {
namespace fs = std::filesystem;

std::optional<std::string> network_fs_name(unsigned long f_type) {
    switch (f_type) {
        case 0x6969UL: return "NFS";
        case 0x517BUL: return "SMB";
        case 0xFF534D42UL: return "CIFS";
        case 0xFE534D42UL: return "SMB2";
        case 0x564CUL: return "NCP";
        case 0x73757245UL: return "Coda";
        case 0x5346414FUL: return "AFS";
        case 0x6B414653UL: return "AFS";
        case 0x47504653UL: return "GPFS";
        case 0x0BD00BD0UL: return "Lustre";
        case 0x19830326UL: return "FhGFS";
        case 0x00C36400UL: return "Ceph";
        default: return std::nullopt;
    }
}

std::optional<std::string> network_share_kind(const fs::path& path) {
    std::error_code ec;
    fs::path probe = fs::absolute(path, ec);
    if (ec) probe = path;
    // The nearest existing ancestor (the file itself may not exist yet).
    while (!probe.empty() && !fs::exists(probe, ec)) {
        if (probe == probe.parent_path()) break;
        probe = probe.parent_path();
    }
#ifdef _WIN32
    std::wstring w = probe.wstring();
    if (w.size() >= 2 && (w[0] == L'\\' || w[0] == L'/') && (w[1] == L'\\' || w[1] == L'/')) {
        // \\?\C:\... is local; \\server\share and \\?\UNC\server\share are not
        if (w.rfind(L"\\\\?\\", 0) != 0 || w.rfind(L"\\\\?\\UNC\\", 0) == 0) return "网络共享(UNC)";
    }
    fs::path root = probe.root_path();
    if (!root.empty() && GetDriveTypeW(root.wstring().c_str()) == DRIVE_REMOTE) return "网络驱动器";
    return std::nullopt;
#elif defined(__linux__)
    struct statfs st {};
    if (statfs(probe.c_str(), &st) != 0) return std::nullopt;
    return network_fs_name(static_cast<unsigned long>(st.f_type) & 0xFFFFFFFFUL);
#else
    (void)probe;
    return std::nullopt;
#endif
}

std::string network_share_warning(const fs::path& db_file, const std::string& kind) {
    return "警告：数据库位于网络共享文件夹（" + kind + "）上：" + il::path_utf8(db_file) +
           "。SQLite 在网络文件系统上的文件锁不可靠，多人同时修改可能损坏数据库。"
           "建议每个单位把数据库放在本机硬盘上，由各单位导出后用“市级汇总合并”功能合并；"
           "多人需要同时录入时请改用服务器数据库。";
}

}  // namespace il::platform
