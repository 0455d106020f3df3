// il_read_probe: reads each file with read_workbook() in a child process under a memory and CPU
// limit, and reports OK / ReadError / a crash. Used by the malformed-corpus ctest (issue 7:
// "no crash, hang or unbounded memory, checked under a memory limit") and for debugging (--dump).
//   il_read_probe [--mem-mb N] [--cpu-s N] [--limit-mb N] [--dump] FILE...
// --limit-mb lowers ReadLimits' byte limits (default: the library defaults).
// Exit status: 0 when every file was read or refused with a ReadError, 1 otherwise.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "core/import/read/workbook.h"

#if defined(__SANITIZE_ADDRESS__)
#define IL_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define IL_ASAN 1
#endif
#endif

namespace {

void dump(const il::import::Workbook& book) {
    for (const auto& s : book.sheets) {
        std::cout << "  sheet \"" << s.name << "\"" << (s.is_chart ? " (chart)" : "") << (s.hidden ? " (hidden)" : "")
                  << " rows=" << s.rows.size() << " merges=" << s.merges.size() << "\n";
        int shown = 0;
        for (const auto& row : s.rows) {
            if (++shown > 30) break;
            std::cout << "    " << row.index + 1 << ":";
            for (std::size_t c = 0; c < row.cells.size(); ++c) {
                const auto& cell = row.cells[c];
                if (cell.empty() && !cell.is_formula) continue;
                std::cout << " [" << c << "]";
                switch (cell.type) {
                    case il::import::CellType::Number: std::cout << cell.number << (cell.is_date ? "(date)" : ""); break;
                    case il::import::CellType::Boolean: std::cout << (cell.number ? "TRUE" : "FALSE"); break;
                    case il::import::CellType::Error: std::cout << "!" << cell.text; break;
                    case il::import::CellType::Text: std::cout << '"' << cell.text.substr(0, 60) << '"'; break;
                    case il::import::CellType::Empty: std::cout << "(empty)"; break;
                }
                if (cell.is_formula) std::cout << "(f)";
            }
            std::cout << "\n";
        }
        for (const auto& m : s.merges)
            std::cout << "    merge " << m.first_row << "," << m.first_col << " - " << m.last_row << "," << m.last_col << "\n";
    }
}

int read_one(const char* file, bool show, long limit_mb) {
    auto t0 = std::chrono::steady_clock::now();
    auto took = [&] {
        return " (" + std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(
                                         std::chrono::steady_clock::now() - t0).count()) + " ms)";
    };
    try {
        il::import::ReadLimits limits;
        if (limit_mb > 0) {
            limits.max_uncompressed_bytes = static_cast<std::uint64_t>(limit_mb) << 20;
            limits.max_memory_bytes = static_cast<std::uint64_t>(limit_mb) << 20;
        }
        auto book = il::import::read_workbook(file, limits);
        std::size_t rows = 0;
        for (const auto& s : book.sheets) rows += s.rows.size();
        std::cout << "OK   " << file << ": " << book.sheets.size() << " sheet(s), " << rows << " row(s)" << took() << "\n";
        if (show) dump(book);
        return 0;
    } catch (const il::import::ReadError& e) {
        std::cout << "ERR  " << file << ": " << e.what() << took() << "\n";
        return 0;
    } catch (const std::bad_alloc&) {
        std::cout << "OOM  " << file << ": std::bad_alloc (memory limit reached)\n";
        return 3;
    } catch (const std::exception& e) {
        std::cout << "EXC  " << file << ": unexpected " << typeid(e).name() << ": " << e.what() << "\n";
        return 3;
    }
}

}  // namespace

int main(int argc, char** argv) {
    long mem_mb = 1536, cpu_s = 60, limit_mb = 0;
    bool show = false;
    std::vector<const char*> files;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--mem-mb") && i + 1 < argc) mem_mb = std::atol(argv[++i]);
        else if (!std::strcmp(argv[i], "--cpu-s") && i + 1 < argc) cpu_s = std::atol(argv[++i]);
        else if (!std::strcmp(argv[i], "--limit-mb") && i + 1 < argc) limit_mb = std::atol(argv[++i]);
        else if (!std::strcmp(argv[i], "--dump")) show = true;
        else files.push_back(argv[i]);
    }
    int bad = 0;
    for (const char* file : files) {
        std::cout.flush();
        pid_t pid = fork();
        if (pid == 0) {
#ifndef IL_ASAN  // ASan reserves terabytes of address space: no RLIMIT_AS under it
            rlimit as{static_cast<rlim_t>(mem_mb) * 1024 * 1024, static_cast<rlim_t>(mem_mb) * 1024 * 1024};
            setrlimit(RLIMIT_AS, &as);
#endif
            rlimit cpu{static_cast<rlim_t>(cpu_s), static_cast<rlim_t>(cpu_s)};
            setrlimit(RLIMIT_CPU, &cpu);
            int rc = read_one(file, show, limit_mb);
            std::cout.flush();
            _exit(rc);
        }
        int status = 0;
        waitpid(pid, &status, 0);
        if (WIFSIGNALED(status)) {
            std::cout << "CRASH " << file << ": signal " << WTERMSIG(status)
                      << (WTERMSIG(status) == SIGXCPU ? " (CPU time limit: a hang)" : "") << "\n";
            ++bad;
        } else if (WEXITSTATUS(status) != 0) {
            ++bad;
        }
    }
    std::cout << files.size() << " file(s), " << bad << " failure(s)\n";
    return bad ? 1 : 0;
}
