#pragma once
// Writing a file so that it is never seen half-written under its name: the bytes go to a
// temporary file beside the target, are flushed to disk, and the temporary is renamed over the
// target (atomic on the same file system). A crash leaves either the old file or the new one.
#include <filesystem>
#include <string_view>

namespace il {

// Throws FileError naming the file and the reason.
void write_file_atomically(const std::filesystem::path& target, std::string_view bytes);

// The temporary name used beside `target` (also for writers that produce the file themselves and
// then call commit_temp_file): <target>.part-<pid>
std::filesystem::path temp_path_for(const std::filesystem::path& target);

// fsyncs `temp` and renames it to `target` (removing `temp` on failure). Throws FileError.
void commit_temp_file(const std::filesystem::path& temp, const std::filesystem::path& target);

}  // namespace il
