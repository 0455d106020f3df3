#pragma once
// Recognises OLE2 compound files (CFB: .xls, .doc, and password-protected .xlsx, which Office
// stores as a CFB with an "EncryptedPackage" stream) by listing their directory entries.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace il::import::detail {

inline constexpr const char* kPasswordProtected =
    "文件受密码保护，无法读取；请在 Excel/WPS 中打开并取消密码（文件→信息→保护工作簿→用密码进行加密，清空密码）后再导入";

// D0 CF 11 E0 A1 B1 1A E1 at the start.
bool is_ole_file(std::string_view bytes);
// Names of the directory entries (streams and storages), UTF-8; empty when unreadable.
std::vector<std::string> ole_entry_names(std::string_view bytes);
// The bytes of stream `name` (e.g. "Workbook"), following the FAT or the mini FAT; nullopt when
// absent or when the file's structure is inconsistent. Bounded by the file size.
std::optional<std::string> ole_stream(std::string_view bytes, std::string_view name);
// An OLE file holding an encrypted OOXML package (a password-protected .xlsx).
bool is_encrypted_ooxml(std::string_view bytes);

}  // namespace il::import::detail
