#include "core/import/read/zip_archive.h"

#include <minizip/unzip.h>

#include <cstring>
#include <vector>

#include "core/import/read/reader_support.h"

namespace il::import::detail {

namespace {

struct MemStream {
    const char* data = nullptr;
    std::uint64_t size = 0;
    std::uint64_t pos = 0;
};

voidpf ZCALLBACK mem_open(voidpf opaque, const void*, int) { return opaque; }

uLong ZCALLBACK mem_read(voidpf, voidpf stream, void* buf, uLong size) {
    auto* m = static_cast<MemStream*>(stream);
    if (m->pos >= m->size) return 0;
    std::uint64_t n = std::min<std::uint64_t>(size, m->size - m->pos);
    std::memcpy(buf, m->data + m->pos, static_cast<std::size_t>(n));
    m->pos += n;
    return static_cast<uLong>(n);
}

uLong ZCALLBACK mem_write(voidpf, voidpf, const void*, uLong) { return 0; }

ZPOS64_T ZCALLBACK mem_tell(voidpf, voidpf stream) { return static_cast<MemStream*>(stream)->pos; }

long ZCALLBACK mem_seek(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
    auto* m = static_cast<MemStream*>(stream);
    std::uint64_t base = 0;
    switch (origin) {
        case ZLIB_FILEFUNC_SEEK_SET: base = 0; break;
        case ZLIB_FILEFUNC_SEEK_CUR: base = m->pos; break;
        case ZLIB_FILEFUNC_SEEK_END: base = m->size; break;
        default: return -1;
    }
    if (offset > m->size || base + offset > m->size) return -1;
    m->pos = base + offset;
    return 0;
}

int ZCALLBACK mem_close(voidpf, voidpf) { return 0; }
int ZCALLBACK mem_error(voidpf, voidpf) { return 0; }

constexpr std::size_t kMaxEntries = 100'000;

}  // namespace

std::string normalize_zip_name(std::string_view name) {
    std::string s(name);
    for (auto& ch : s) {
        if (ch == '\\') ch = '/';
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    }
    while (!s.empty() && s.front() == '/') s.erase(s.begin());
    return s;
}

struct ZipArchive::Impl {
    MemStream mem;
    zlib_filefunc64_def funcs{};
    unzFile zip = nullptr;
    std::unordered_map<std::string, unz64_file_pos> entries;
};

ZipArchive::ZipArchive(std::string_view bytes, std::string file_label, std::uint64_t max_uncompressed_bytes)
    : impl_(std::make_unique<Impl>()), label_(std::move(file_label)), budget_(max_uncompressed_bytes) {
    impl_->mem = MemStream{bytes.data(), bytes.size(), 0};
    auto& f = impl_->funcs;
    f.zopen64_file = mem_open;
    f.zread_file = mem_read;
    f.zwrite_file = mem_write;
    f.ztell64_file = mem_tell;
    f.zseek64_file = mem_seek;
    f.zclose_file = mem_close;
    f.zerror_file = mem_error;
    f.opaque = &impl_->mem;
    impl_->zip = unzOpen2_64("memory", &f);
    if (!impl_->zip)
        fail(label_, "文件已损坏或不完整（zip 目录无法读取，可能是下载或复制时被截断）");
    int rc = unzGoToFirstFile(impl_->zip);
    std::vector<char> name(1024);
    while (rc == UNZ_OK) {
        if (impl_->entries.size() >= kMaxEntries) {
            unzClose(impl_->zip);
            impl_->zip = nullptr;
            fail(label_, "zip 包中的文件数量异常（超过 " + std::to_string(kMaxEntries) + " 个），文件可能已损坏");
        }
        unz_file_info64 info{};
        if (unzGetCurrentFileInfo64(impl_->zip, &info, name.data(), static_cast<uLong>(name.size()), nullptr, 0,
                                    nullptr, 0) != UNZ_OK)
            break;
        unz64_file_pos pos{};
        if (unzGetFilePos64(impl_->zip, &pos) == UNZ_OK) {
            std::size_t len = std::min<std::size_t>(info.size_filename, name.size() - 1);
            impl_->entries.emplace(normalize_zip_name(std::string_view(name.data(), len)), pos);
        }
        rc = unzGoToNextFile(impl_->zip);
    }
    if (rc != UNZ_END_OF_LIST_OF_FILE && rc != UNZ_OK) {
        unzClose(impl_->zip);
        impl_->zip = nullptr;
        fail(label_, "文件已损坏（zip 目录中的条目无法读取）");
    }
}

ZipArchive::~ZipArchive() {
    if (impl_ && impl_->zip) unzClose(impl_->zip);
}

bool ZipArchive::has(std::string_view name) const {
    return impl_->entries.count(normalize_zip_name(name)) != 0;
}

void ZipArchive::stream(std::string_view name, const std::function<bool(const char*, std::size_t)>& sink) {
    const std::string key = normalize_zip_name(name);
    auto it = impl_->entries.find(key);
    if (it == impl_->entries.end()) fail(label_, "缺少部件 " + std::string(name));
    unzFile z = impl_->zip;
    auto pos = it->second;
    if (unzGoToFilePos64(z, &pos) != UNZ_OK) fail(label_, "部件 " + key + " 无法定位，文件已损坏");
    int rc = unzOpenCurrentFile(z);
    if (rc == UNZ_PARAMERROR || rc == UNZ_BADZIPFILE || rc != UNZ_OK) {
        unz_file_info64 info{};
        if (unzGetCurrentFileInfo64(z, &info, nullptr, 0, nullptr, 0, nullptr, 0) == UNZ_OK && (info.flag & 1))
            fail(label_, "文件受密码保护（zip 部件已加密），请先在 Excel/WPS 中取消密码后再导入");
        fail(label_, "部件 " + key + " 无法打开（压缩方式不支持或数据已损坏）");
    }
    {
        unz_file_info64 info{};
        if (unzGetCurrentFileInfo64(z, &info, nullptr, 0, nullptr, 0, nullptr, 0) == UNZ_OK && (info.flag & 1)) {
            unzCloseCurrentFile(z);
            fail(label_, "文件受密码保护（zip 部件已加密），请先在 Excel/WPS 中取消密码后再导入");
        }
    }
    std::vector<char> buf(64 * 1024);
    bool stopped = false;
    for (;;) {
        int n = unzReadCurrentFile(z, buf.data(), static_cast<unsigned>(buf.size()));
        if (n < 0) {
            unzCloseCurrentFile(z);
            fail(label_, "部件 " + key + " 解压失败（数据已损坏或被截断）");
        }
        if (n == 0) break;
        used_ += static_cast<std::uint64_t>(n);
        if (used_ > budget_) {
            unzCloseCurrentFile(z);
            fail(label_, "解压后的数据超过上限 " + std::to_string(budget_ / (1024 * 1024)) +
                             " MB（可能是恶意构造的压缩炸弹），已停止读取");
        }
        bool go_on;
        try {
            go_on = sink(buf.data(), static_cast<std::size_t>(n));
        } catch (...) {
            unzCloseCurrentFile(z);
            throw;
        }
        if (!go_on) {
            stopped = true;
            break;
        }
    }
    rc = unzCloseCurrentFile(z);
    if (!stopped && rc == UNZ_CRCERROR) fail(label_, "部件 " + key + " 校验失败（CRC 不符），文件已损坏");
}

std::string ZipArchive::read_all(std::string_view name, std::uint64_t max_bytes) {
    std::string out;
    stream(name, [&](const char* data, std::size_t n) {
        if (out.size() + n > max_bytes) fail(label_, "部件 " + std::string(name) + " 大小异常，文件可能已损坏");
        out.append(data, n);
        return true;
    });
    return out;
}

}  // namespace il::import::detail
