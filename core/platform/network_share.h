#pragma once
// Is a file on a network share? SQLite's file locking is unreliable over NFS/SMB (several users
// writing one file there can corrupt it), so opening a database there is warned about.
#include <filesystem>
#include <optional>
#include <string>

namespace il::platform {

// The kind of network file system holding `path` ("NFS", "SMB/CIFS", "网络驱动器", ...), or
// nullopt for a local disk. A file that does not exist yet is judged by its folder.
// Linux: statfs f_type; Windows: UNC paths and GetDriveType == DRIVE_REMOTE.
std::optional<std::string> network_share_kind(const std::filesystem::path& path);

// The statfs f_type magic numbers of network file systems (exposed for tests).
std::optional<std::string> network_fs_name(unsigned long f_type);

// The warning shown when a database is on a network share, with advice.
std::string network_share_warning(const std::filesystem::path& db_file, const std::string& kind);

}  // namespace il::platform
