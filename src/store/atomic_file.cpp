#include "store/atomic_file.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

#ifdef _WIN32
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <process.h>
#include <windows.h>
#else
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace horizons::store {

namespace fs = std::filesystem;

namespace {

std::atomic<int> gFailStep{0};
std::atomic<int> gFailCode{0};
std::atomic<unsigned> gTempCounter{0};

bool injected(testing::SaveStep step, int& code) {
    if (gFailStep.load() != static_cast<int>(step)) return false;
    code = gFailCode.load();
    return true;
}

std::string errorText(int code) { return std::generic_category().message(code); }

std::string quote(const fs::path& p) {
    const auto u = p.u8string();
    return "\"" + std::string(u.begin(), u.end()) + "\"";
}

unsigned long processId() {
#ifdef _WIN32
    return static_cast<unsigned long>(_getpid());
#else
    return static_cast<unsigned long>(getpid());
#endif
}

fs::path folderOf(const fs::path& target) {
    fs::path dir = target.parent_path();
    return dir.empty() ? fs::path(".") : dir;
}

fs::path tempPathFor(const fs::path& target, const char* kind) {
    const std::string name = "." + target.filename().string() + kind + std::to_string(processId()) +
                             "-" + std::to_string(gTempCounter.fetch_add(1));
    return folderOf(target) / name;
}

WriteResult fail(std::string what) { return WriteResult{false, std::move(what)}; }

#ifndef _WIN32

// Writes all bytes to a new file (O_EXCL), fsyncs and closes it. Returns errno or 0.
int writeNewFile(const fs::path& path, std::string_view bytes, mode_t mode, bool inject,
                 std::string& step) {
    int code = 0;
    step = "create";
    if (inject && injected(testing::SaveStep::Open, code)) return code;
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) return errno;
    if (mode != 0) (void)::fchmod(fd, mode);
    step = "write";
    // An injected write failure lets half the bytes out first, like a disk filling up.
    const bool failHalf = inject && injected(testing::SaveStep::Write, code);
    const std::size_t limit = failHalf ? bytes.size() / 2 : bytes.size();
    std::size_t done = 0;
    int err = 0;
    while (done < limit) {
        const std::size_t chunk = std::min<std::size_t>(limit - done, 1u << 20);
        const ssize_t n = ::write(fd, bytes.data() + done, chunk);
        if (n < 0) {
            if (errno == EINTR) continue;
            err = errno;
            break;
        }
        done += static_cast<std::size_t>(n);
    }
    if (!err && failHalf) err = code;
    if (!err) {
        step = "flush";
        if (inject && injected(testing::SaveStep::Sync, code))
            err = code;
        else if (::fsync(fd) != 0)
            err = errno;
    }
    if (::close(fd) != 0 && !err) err = errno;
    return err;
}

void syncFolder(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)::fsync(fd);
        ::close(fd);
    }
}

// NAME.bak <- the current NAME, replaced atomically (hard link, else a copy).
int keepBackup(const fs::path& target, mode_t mode) {
    int code = 0;
    if (injected(testing::SaveStep::Backup, code)) return code;
    const fs::path bak = backupPathFor(target);
    const fs::path tmp = tempPathFor(target, ".bak.tmp-");
    if (::link(target.c_str(), tmp.c_str()) != 0) {
        // No hard links here (some network or FAT folders): copy the bytes instead.
        std::string old;
        if (readFileBytes(target, static_cast<std::size_t>(-1) / 2, old)) return EIO;
        std::string step;
        if (const int e = writeNewFile(tmp, old, mode, false, step)) {
            ::unlink(tmp.c_str());
            return e;
        }
    }
    if (::rename(tmp.c_str(), bak.c_str()) != 0) {
        const int e = errno;
        ::unlink(tmp.c_str());
        return e;
    }
    return 0;
}

#endif // !_WIN32

} // namespace

fs::path backupPathFor(const fs::path& target) {
    fs::path bak = target;
    bak += ".bak";
    return bak;
}

#ifndef _WIN32

WriteResult writeFileAtomically(const fs::path& target, std::string_view bytes, bool backup) {
    const fs::path dir = folderOf(target);
    struct stat st {};
    const bool exists = ::stat(target.c_str(), &st) == 0;
    if (exists && !S_ISREG(st.st_mode))
        return fail("cannot save over " + quote(target) + ": it is not a regular file");
    const mode_t mode = exists ? (st.st_mode & 07777) : 0;

    const fs::path tmp = tempPathFor(target, ".tmp-");
    std::string step;
    if (const int e = writeNewFile(tmp, bytes, mode, true, step)) {
        ::unlink(tmp.c_str());
        return fail("could not save " + quote(target) + " (" + step + " in " + quote(dir) +
                    "): " + errorText(e));
    }
    if (exists && backup) {
        if (const int e = keepBackup(target, mode)) {
            ::unlink(tmp.c_str());
            return fail("could not save " + quote(target) + " (keeping the backup " +
                        quote(backupPathFor(target)) + "): " + errorText(e));
        }
    }
    int code = 0;
    if (injected(testing::SaveStep::Rename, code) || ::rename(tmp.c_str(), target.c_str()) != 0) {
        const int e = code ? code : errno;
        ::unlink(tmp.c_str());
        return fail("could not save " + quote(target) + " (replacing the file): " + errorText(e));
    }
    syncFolder(dir);
    return WriteResult{true, {}};
}

#else // _WIN32

namespace {

std::string winError(DWORD code) {
    wchar_t* buf = nullptr;
    const DWORD n = FormatMessageW(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM |
                                       FORMAT_MESSAGE_IGNORE_INSERTS,
                                   nullptr, code, 0, reinterpret_cast<LPWSTR>(&buf), 0, nullptr);
    std::string out;
    if (n && buf) {
        const int len =
            WideCharToMultiByte(CP_UTF8, 0, buf, static_cast<int>(n), nullptr, 0, nullptr, nullptr);
        out.resize(static_cast<std::size_t>(len));
        WideCharToMultiByte(CP_UTF8, 0, buf, static_cast<int>(n), out.data(), len, nullptr,
                            nullptr);
        while (!out.empty() && (out.back() == '\n' || out.back() == '\r' || out.back() == ' '))
            out.pop_back();
    }
    if (buf) LocalFree(buf);
    return out.empty() ? "Windows error " + std::to_string(code) : out;
}

} // namespace

WriteResult writeFileAtomically(const fs::path& target, std::string_view bytes, bool backup) {
    const fs::path tmp = tempPathFor(target, ".tmp-");
    int code = 0;
    auto failWith = [&](const char* step, const std::string& why) {
        DeleteFileW(tmp.c_str());
        return fail("could not save " + quote(target) + " (" + step + "): " + why);
    };
    if (injected(testing::SaveStep::Open, code)) return failWith("create", errorText(code));
    HANDLE h = CreateFileW(tmp.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW,
                           FILE_ATTRIBUTE_NORMAL, nullptr);
    if (h == INVALID_HANDLE_VALUE) return failWith("create", winError(GetLastError()));
    const bool failHalf = injected(testing::SaveStep::Write, code);
    const std::size_t limit = failHalf ? bytes.size() / 2 : bytes.size();
    std::size_t done = 0;
    std::string err;
    while (done < limit && err.empty()) {
        const DWORD chunk = static_cast<DWORD>(std::min<std::size_t>(limit - done, 1u << 20));
        DWORD written = 0;
        if (!WriteFile(h, bytes.data() + done, chunk, &written, nullptr))
            err = winError(GetLastError());
        done += written;
    }
    if (err.empty() && failHalf) err = errorText(code);
    if (err.empty() && injected(testing::SaveStep::Sync, code)) err = errorText(code);
    if (err.empty() && !FlushFileBuffers(h)) err = winError(GetLastError());
    CloseHandle(h);
    if (!err.empty()) return failWith("write", err);

    const bool exists = GetFileAttributesW(target.c_str()) != INVALID_FILE_ATTRIBUTES;
    if (injected(testing::SaveStep::Rename, code)) return failWith("replace", errorText(code));
    if (exists) {
        const fs::path bak = backupPathFor(target);
        if (ReplaceFileW(target.c_str(), tmp.c_str(), backup ? bak.c_str() : nullptr,
                         REPLACEFILE_IGNORE_MERGE_ERRORS, nullptr, nullptr))
            return WriteResult{true, {}};
        // ReplaceFileW can fail on some file systems: copy the backup, then move over.
        if (backup && !CopyFileW(target.c_str(), bak.c_str(), FALSE))
            return failWith("backup", winError(GetLastError()));
    }
    if (!MoveFileExW(tmp.c_str(), target.c_str(),
                     MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
        return failWith("replace", winError(GetLastError()));
    return WriteResult{true, {}};
}

#endif // _WIN32

std::size_t cleanupTempFiles(const fs::path& target) {
    const std::string name = target.filename().string();
    if (name.empty()) return 0;
    const std::string prefixes[] = {"." + name + ".tmp-", "." + name + ".bak.tmp-"};
    std::size_t removed = 0;
    std::error_code ec;
    for (fs::directory_iterator it(folderOf(target), ec), end; !ec && it != end; it.increment(ec)) {
        const std::string entry = it->path().filename().string();
        for (const auto& p : prefixes) {
            if (entry.size() > p.size() && entry.compare(0, p.size(), p) == 0) {
                std::error_code rec;
                if (fs::remove(it->path(), rec)) ++removed;
                break;
            }
        }
    }
    return removed;
}

std::optional<std::string> readFileBytes(const fs::path& path, std::size_t maxBytes,
                                         std::string& out) {
    out.clear();
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status))
        return "cannot open " + quote(path) + ": " + (ec ? ec.message() : "no such file");
    if (fs::is_directory(status)) return "cannot open " + quote(path) + ": it is a folder";
    std::ifstream in(path, std::ios::binary);
    if (!in) return "cannot open " + quote(path) + ": " + errorText(errno ? errno : EACCES);
    const auto size = fs::file_size(path, ec);
    if (!ec && size > maxBytes)
        return quote(path) + " is too large (" + std::to_string(size) + " bytes; the limit is " +
               std::to_string(maxBytes) + ")";
    if (!ec) out.reserve(static_cast<std::size_t>(size));
    char buf[1 << 16];
    while (in) {
        in.read(buf, sizeof buf);
        out.append(buf, static_cast<std::size_t>(in.gcount()));
        if (out.size() > maxBytes)
            return quote(path) + " is too large (the limit is " + std::to_string(maxBytes) +
                   " bytes)";
    }
    if (in.bad()) return "cannot read " + quote(path);
    return std::nullopt;
}

namespace testing {
void injectSaveFailure(SaveStep step, int errorCode) {
    gFailCode.store(errorCode);
    gFailStep.store(static_cast<int>(step));
}
void clearSaveFailure() { gFailStep.store(0); }
} // namespace testing

} // namespace horizons::store
