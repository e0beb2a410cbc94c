#include "store/atomic_file.hpp"

#include "store/process_info.hpp"

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

fs::path folderOf(const fs::path& target) {
    fs::path dir = target.parent_path();
    return dir.empty() ? fs::path(".") : dir;
}

fs::path tempPathFor(const fs::path& target, const char* kind) {
    const std::string name = "." + target.filename().string() + kind +
                             std::to_string(currentProcessId()) + "-" +
                             std::to_string(gTempCounter.fetch_add(1));
    return folderOf(target) / name;
}

WriteResult fail(std::string what) { return WriteResult{false, std::move(what), {}}; }

#ifndef _WIN32

const char* kindOfFile(mode_t mode) {
    if (S_ISDIR(mode)) return "it is a folder";
    if (S_ISFIFO(mode)) return "it is not a regular file (a FIFO)";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "it is not a regular file (a device)";
    if (S_ISSOCK(mode)) return "it is not a regular file (a socket)";
    return "it is not a regular file";
}

// Writes all bytes to a new file (O_EXCL), fsyncs and closes it. Returns errno or 0.
int writeNewFile(const fs::path& path, std::string_view bytes, mode_t mode, bool inject,
                 std::string& step, FileStamp* stamp = nullptr) {
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
    struct stat st {};
    if (!err && stamp && ::fstat(fd, &st) == 0) { // renamed later: the same inode and time
        *stamp = stampFromStat(st);
        stamp->hash = contentHash(bytes);
        stamp->hashed = true;
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

WriteResult writeFileAtomically(const fs::path& requested, std::string_view bytes, bool backup) {
    const fs::path target = resolveSaveTarget(requested);
    const fs::path dir = folderOf(target);
    struct stat st {};
    if (::lstat(target.c_str(), &st) == 0 && S_ISLNK(st.st_mode))
        return fail("cannot save " + quote(requested) + ": too many levels of symbolic links");
    const bool exists = ::stat(target.c_str(), &st) == 0;
    if (exists && !S_ISREG(st.st_mode))
        return fail("cannot save over " + quote(requested) + ": " + kindOfFile(st.st_mode));
    if (exists) {
        if (auto why = whyNotWritable(target)) return fail("cannot save: " + *why);
    }
    const mode_t mode = exists ? (st.st_mode & 07777) : 0;

    const fs::path tmp = tempPathFor(target, ".tmp-");
    std::string step;
    WriteResult ok{true, {}, {}};
    if (const int e = writeNewFile(tmp, bytes, mode, true, step, &ok.stamp)) {
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
    return ok;
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

WriteResult writtenStamp(const fs::path& target, std::string_view bytes) {
    WriteResult ok{true, {}, statFile(target)};
    ok.stamp.hash = contentHash(bytes);
    ok.stamp.hashed = true;
    return ok;
}

} // namespace

WriteResult writeFileAtomically(const fs::path& requested, std::string_view bytes, bool backup) {
    const fs::path target = resolveSaveTarget(requested);
    std::error_code sec;
    const auto st = fs::status(target, sec);
    if (fs::exists(st) && !fs::is_regular_file(st))
        return fail("cannot save over " + quote(requested) + ": it is not a regular file");
    if (fs::exists(st)) {
        if (auto why = whyNotWritable(target)) return fail("cannot save: " + *why);
    }
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
            return writtenStamp(target, bytes);
        // ReplaceFileW can fail on some file systems: copy the backup, then move over.
        if (backup && !CopyFileW(target.c_str(), bak.c_str(), FALSE))
            return failWith("backup", winError(GetLastError()));
    }
    if (!MoveFileExW(tmp.c_str(), target.c_str(),
                     MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
        return failWith("replace", winError(GetLastError()));
    return writtenStamp(target, bytes);
}

#endif // _WIN32

// ---------------------------------------------------------------------------------- checks

fs::path resolveSaveTarget(const fs::path& path) {
    fs::path p = path;
    for (int hops = 0; hops < 40; ++hops) { // the kernel's limit is of this order too
        std::error_code ec;
        if (!fs::is_symlink(fs::symlink_status(p, ec)) || ec) return p;
        const fs::path to = fs::read_symlink(p, ec);
        if (ec) return p;
        p = to.is_absolute() ? to : folderOf(p) / to;
    }
    return p;
}

std::optional<std::string> checkRegularFile(const fs::path& path) {
#ifndef _WIN32
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return "cannot open " + quote(path) + ": " +
               (errno == ENOENT ? std::string("no such file") : errorText(errno));
    if (!S_ISREG(st.st_mode)) return "cannot open " + quote(path) + ": " + kindOfFile(st.st_mode);
#else
    std::error_code ec;
    const auto st = fs::status(path, ec);
    if (ec || !fs::exists(st))
        return "cannot open " + quote(path) + ": " + (ec ? ec.message() : "no such file");
    if (fs::is_directory(st)) return "cannot open " + quote(path) + ": it is a folder";
    if (!fs::is_regular_file(st))
        return "cannot open " + quote(path) + ": it is not a regular file";
#endif
    return std::nullopt;
}

std::optional<std::string> whyNotWritable(const fs::path& path) {
    const fs::path target = resolveSaveTarget(path);
#ifndef _WIN32
    // A save creates a temp file beside the target and renames it: the folder must be writable.
    const fs::path dir = folderOf(target);
    if (::access(dir.c_str(), W_OK | X_OK) != 0)
        return "the folder " + quote(dir) + " of " + quote(path) + " cannot be written (" +
               errorText(errno) + ")";
#endif
    std::error_code ec;
    const auto st = fs::status(target, ec);
    if (!fs::exists(st)) return std::nullopt;
    if (!fs::is_regular_file(st)) return quote(path) + " is not a regular file";
    // No write bit at all: read-only for everyone, root included (root's access() says yes).
    constexpr auto anyWrite =
        fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write;
    bool readOnly = (st.permissions() & anyWrite) == fs::perms::none;
#ifndef _WIN32
    readOnly = readOnly || ::access(target.c_str(), W_OK) != 0;
#endif
    if (readOnly) return quote(path) + " is a read-only file";
    return std::nullopt;
}

bool isWritableBoardFile(const fs::path& path) { return !whyNotWritable(path); }

bool isSameFile(const fs::path& a, const fs::path& b) {
    std::error_code ec;
    if (!fs::exists(a, ec) || !fs::exists(b, ec)) return false;
    return fs::equivalent(a, b, ec) && !ec;
}

// ------------------------------------------------------------------------------- leftovers

namespace {

// The pid in a temp file name `<prefix>PID-N`, or nothing when the rest is not that shape.
std::optional<std::uint64_t> tempFilePid(std::string_view rest) {
    const auto dash = rest.find('-');
    if (dash == 0 || dash == std::string_view::npos || dash + 1 == rest.size()) return std::nullopt;
    auto digits = [](std::string_view d) {
        return std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (!digits(rest.substr(0, dash)) || !digits(rest.substr(dash + 1)) || dash > 12)
        return std::nullopt;
    return std::stoull(std::string(rest.substr(0, dash)));
}

// A leftover: its writer is gone, or it is older than minAge (then it is a leftover even if
// a process with that pid runs: pids are reused, and synced folders bring other machines').
bool isLeftover(const fs::directory_entry& e, std::uint64_t pid, std::chrono::seconds minAge) {
    std::error_code ec;
    if (!fs::is_regular_file(e.symlink_status(ec)) || ec) return false;
    if (pid != currentProcessId() && !processAlive(pid)) return true;
    const auto modified = fs::last_write_time(e.path(), ec);
    if (ec) return false;
    return fs::file_time_type::clock::now() - modified > minAge;
}

} // namespace

std::size_t cleanupTempFiles(const fs::path& requested) {
    const fs::path target = resolveSaveTarget(requested);
    const std::string name = target.filename().string();
    if (name.empty()) return 0;
    const std::string prefixes[] = {"." + name + ".tmp-", "." + name + ".bak.tmp-"};
    std::size_t removed = 0;
    std::error_code ec;
    for (fs::directory_iterator it(folderOf(target), ec), end; !ec && it != end; it.increment(ec)) {
        const std::string entry = it->path().filename().string();
        for (const auto& p : prefixes) {
            if (entry.size() <= p.size() || entry.compare(0, p.size(), p) != 0) continue;
            const auto pid = tempFilePid(std::string_view(entry).substr(p.size()));
            std::error_code rec;
            if (pid && isLeftover(*it, *pid, kTempFileMinAge) && fs::remove(it->path(), rec))
                ++removed;
            break;
        }
    }
    return removed;
}

std::size_t cleanStaleTempFiles(const fs::path& dir, std::chrono::seconds minAge) {
    std::size_t removed = 0;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string entry = it->path().filename().string();
        const auto at = entry.rfind(".tmp-");
        if (entry.size() < 2 || entry[0] != '.' || at == std::string::npos || at < 2) continue;
        const auto pid = tempFilePid(std::string_view(entry).substr(at + 5));
        std::error_code rec;
        if (pid && isLeftover(*it, *pid, minAge) && fs::remove(it->path(), rec)) ++removed;
    }
    return removed;
}

// ------------------------------------------------------------------------------------ read

std::optional<std::string> readFileBytes(const fs::path& path, std::size_t maxBytes,
                                         std::string& out, FileStamp* stamp) {
    out.clear();
    if (auto why = checkRegularFile(path)) return why;
    auto tooLarge = [&](std::uint64_t size) {
        return quote(path) + " is too large (" + std::to_string(size) + " bytes; the limit is " +
               std::to_string(maxBytes) + ")";
    };
#ifndef _WIN32
    // O_NONBLOCK: if a FIFO took the file's place since the check, open must not wait for a
    // writer; fstat below then refuses it.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return "cannot open " + quote(path) + ": " + errorText(errno);
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) return "cannot read " + quote(path) + ": " + errorText(errno);
    if (!S_ISREG(st.st_mode)) return "cannot open " + quote(path) + ": " + kindOfFile(st.st_mode);
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags >= 0) (void)::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    const auto size = static_cast<std::uint64_t>(st.st_size);
    if (size > maxBytes) return tooLarge(size);
    out.reserve(static_cast<std::size_t>(size));
    char buf[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            return "cannot read " + quote(path) + ": " + errorText(errno);
        }
        if (n == 0) break;
        out.append(buf, static_cast<std::size_t>(n));
        if (out.size() > maxBytes)
            return quote(path) + " is too large (the limit is " + std::to_string(maxBytes) +
                   " bytes)";
    }
    if (stamp) {
        *stamp = stampFromStat(st);
        stamp->size = out.size();
    }
#else
    std::ifstream in(path, std::ios::binary);
    if (!in) return "cannot open " + quote(path) + ": " + errorText(errno ? errno : EACCES);
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (!ec && size > maxBytes) return tooLarge(size);
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
    if (stamp) {
        *stamp = statFile(path);
        stamp->size = out.size();
    }
#endif
    if (stamp) {
        stamp->hash = contentHash(out);
        stamp->hashed = true;
    }
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
