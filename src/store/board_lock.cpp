#include "store/board_lock.hpp"

#include "store/atomic_file.hpp"
#include "store/process_info.hpp"

#include <atomic>
#include <cstdio>
#include <ctime>
#include <random>
#include <sstream>
#include <system_error>
#include <thread>

#ifdef _WIN32
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>
#else
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>
#endif

namespace horizons::store {

namespace fs = std::filesystem;

namespace {

constexpr const char* kLockMagic = "horizons-lock 1";
constexpr std::size_t kMaxLockBytes = 4096;
constexpr int kAttempts = 200; // each waits kRetryPause at most
constexpr std::chrono::milliseconds kRetryPause{10};
constexpr std::chrono::seconds kCreatingGrace{2}; // an empty lock younger than this is new

std::atomic<unsigned> gLockTemp{0};

std::string quote(const fs::path& p) {
    const auto u = p.u8string();
    return "\"" + std::string(u.begin(), u.end()) + "\"";
}

std::string newToken() {
    std::random_device rd;
    std::uint64_t x = (static_cast<std::uint64_t>(rd()) << 32) ^ rd();
    x ^= static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
    x ^= currentProcessId() << 17;
    char buf[20];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(x));
    return buf;
}

std::string serialize(const LockOwner& o) {
    std::ostringstream out;
    out << kLockMagic << "\ntoken " << o.token << "\npid " << o.pid << "\nhost " << o.host
        << "\nsince " << o.since << "\nstart " << o.processStart << "\n";
    return std::move(out).str();
}

std::optional<LockOwner> parse(const std::string& text) {
    std::istringstream in(text);
    std::string line;
    if (!std::getline(in, line) || line != kLockMagic) return std::nullopt;
    LockOwner o;
    int seen = 0;
    while (std::getline(in, line)) {
        const auto space = line.find(' ');
        if (space == std::string::npos) continue;
        const std::string key = line.substr(0, space), value = line.substr(space + 1);
        try {
            if (key == "token") o.token = value, seen |= 1;
            if (key == "pid") o.pid = std::stoull(value), seen |= 2;
            if (key == "host") o.host = value, seen |= 4;
            if (key == "since") o.since = std::stoll(value), seen |= 8;
            if (key == "start") o.processStart = std::stoull(value), seen |= 16;
        } catch (...) {
            return std::nullopt;
        }
    }
    if (seen != 31 || o.token.empty() || o.pid == 0) return std::nullopt;
    return o;
}

enum class Judgement { Live, OtherHost, Stale };

Judgement judge(const LockOwner& o) {
    if (o.host != hostName() || o.host.empty()) return Judgement::OtherHost;
    if (!processAlive(o.pid)) return Judgement::Stale;
    const std::uint64_t start = processStartId(o.pid);
    if (o.processStart != 0 && start != 0 && start != o.processStart)
        return Judgement::Stale; // the pid was reused by another process
    return Judgement::Live;
}

fs::path tempBeside(const fs::path& lock) {
    return lock.parent_path() /
           ("." + lock.filename().string().substr(1) + ".tmp-" +
            std::to_string(currentProcessId()) + "-" + std::to_string(gLockTemp.fetch_add(1)));
}

enum class Create { Created, Exists, Failed };

#ifndef _WIN32

std::string errnoText(int e) { return std::generic_category().message(e); }

// A new file with all of `text`, or errno.
int writeNew(const fs::path& p, const std::string& text) {
    const int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) return errno;
    int err = 0;
    if (::write(fd, text.data(), text.size()) != static_cast<ssize_t>(text.size()))
        err = errno ? errno : EIO;
    if (!err && ::fsync(fd) != 0) err = errno;
    if (::close(fd) != 0 && !err) err = errno;
    if (err) ::unlink(p.c_str());
    return err;
}

// Creates `lock` with `text` only if it does not exist: complete at once (hard link of a
// written temp file) or, where links are not possible, O_EXCL and one write.
Create createExclusive(const fs::path& lock, const std::string& text, std::string& error) {
    const fs::path tmp = tempBeside(lock);
    if (const int e = writeNew(tmp, text)) {
        error = "cannot create the lock " + quote(lock) + ": " + errnoText(e);
        return Create::Failed;
    }
    const int linked = ::link(tmp.c_str(), lock.c_str()) == 0 ? 0 : errno;
    ::unlink(tmp.c_str());
    if (linked == 0) return Create::Created;
    if (linked == EEXIST) return Create::Exists;
    if (linked != EPERM && linked != ENOTSUP && linked != EOPNOTSUPP && linked != ENOSYS &&
        linked != EMLINK) {
        error = "cannot create the lock " + quote(lock) + ": " + errnoText(linked);
        return Create::Failed;
    }
    const int e = writeNew(lock, text);
    if (e == 0) return Create::Created;
    if (e == EEXIST) return Create::Exists;
    error = "cannot create the lock " + quote(lock) + ": " + errnoText(e);
    return Create::Failed;
}

// Puts a complete fresh lock in place of the existing one, atomically.
bool replaceWith(const fs::path& lock, const std::string& text) {
    const fs::path tmp = tempBeside(lock);
    if (writeNew(tmp, text) != 0) return false;
    if (::rename(tmp.c_str(), lock.c_str()) != 0) {
        ::unlink(tmp.c_str());
        return false;
    }
    return true;
}

#else

Create createExclusive(const fs::path& lock, const std::string& text, std::string& error) {
    HANDLE h = CreateFileW(lock.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW,
                           FILE_ATTRIBUTE_NORMAL, nullptr);
    if (h == INVALID_HANDLE_VALUE) {
        const DWORD e = GetLastError();
        if (e == ERROR_FILE_EXISTS || e == ERROR_ALREADY_EXISTS) return Create::Exists;
        error =
            "cannot create the lock " + quote(lock) + " (Windows error " + std::to_string(e) + ")";
        return Create::Failed;
    }
    DWORD written = 0;
    const bool ok = WriteFile(h, text.data(), static_cast<DWORD>(text.size()), &written, nullptr) &&
                    written == text.size() && FlushFileBuffers(h);
    CloseHandle(h);
    if (!ok) {
        DeleteFileW(lock.c_str());
        error = "cannot write the lock " + quote(lock);
        return Create::Failed;
    }
    return Create::Created;
}

bool replaceWith(const fs::path& lock, const std::string& text) {
    const fs::path tmp = tempBeside(lock);
    std::string error;
    if (createExclusive(tmp, text, error) != Create::Created) return false;
    if (!MoveFileExW(tmp.c_str(), lock.c_str(),
                     MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) {
        DeleteFileW(tmp.c_str());
        return false;
    }
    return true;
}

#endif

// The lock's bytes, or nothing when there is no lock file (or it cannot be read).
std::optional<std::string> readLock(const fs::path& lock) {
    std::string bytes;
    if (readFileBytes(lock, kMaxLockBytes, bytes)) return std::nullopt;
    return bytes;
}

bool olderThan(const fs::path& p, std::chrono::seconds age) {
    std::error_code ec;
    const auto t = fs::last_write_time(p, ec);
    return !ec && fs::file_time_type::clock::now() - t > age;
}

std::string formatUtc(std::int64_t seconds) {
    const std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
#ifdef _WIN32
    if (gmtime_s(&tm, &t) != 0) return "?";
#else
    if (!gmtime_r(&t, &tm)) return "?";
#endif
    char buf[40];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
    return buf;
}

// One step of a takeover of the lock whose bytes were `seen`: under the guard, replaced
// only if still those bytes. Returns true when the lock is now ours.
bool takeOver(const fs::path& lock, const std::string& seen, const std::string& text) {
    fs::path guard = lock;
    guard += ".takeover";
    std::string error;
    const Create g = createExclusive(guard, text, error);
    if (g != Create::Created) {
        std::error_code ec;
        if (g == Create::Exists && olderThan(guard, kLockGuardMaxAge)) fs::remove(guard, ec);
        return false;
    }
    const auto now = readLock(lock);
    const bool replaced = now && *now == seen && replaceWith(lock, text);
    std::error_code ec;
    fs::remove(guard, ec);
    return replaced && readLock(lock) == text;
}

} // namespace

std::string describeLockOwner(const LockOwner& o) {
    return "process " + std::to_string(o.pid) + " on " + (o.host.empty() ? "?" : o.host) +
           " since " + formatUtc(o.since);
}

fs::path lockFileFor(const fs::path& board) {
    const fs::path target = resolveSaveTarget(board);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    return dir / ("." + target.filename().string() + ".lock");
}

std::optional<LockOwner> readBoardLock(const fs::path& board) {
    const auto bytes = readLock(lockFileFor(board));
    if (!bytes) return std::nullopt;
    return parse(*bytes);
}

BoardLock::~BoardLock() { release(); }

BoardLock::BoardLock(BoardLock&& other) noexcept
    : file_(std::move(other.file_)), owner_(std::move(other.owner_)), held_(other.held_) {
    other.held_ = false;
}

BoardLock& BoardLock::operator=(BoardLock&& other) noexcept {
    if (this != &other) {
        release();
        file_ = std::move(other.file_);
        owner_ = std::move(other.owner_);
        held_ = other.held_;
        other.held_ = false;
    }
    return *this;
}

LockResult BoardLock::acquire(const fs::path& board, const LockOptions& options) {
    release();
    LockResult r;
    file_ = lockFileFor(board);
    owner_ = LockOwner{currentProcessId(), hostName(),
                       std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count(),
                       processStartId(currentProcessId()), newToken()};
    const std::string text = serialize(owner_);
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        if (attempt > 0) std::this_thread::sleep_for(kRetryPause);
        const Create c = createExclusive(file_, text, r.error);
        if (c == Create::Created) break;
        if (c == Create::Failed) return r;
        const auto seen = readLock(file_);
        if (!seen) continue; // released meanwhile: try again
        const auto holder = parse(*seen);
        if (holder) {
            const Judgement j = judge(*holder);
            if (j != Judgement::Stale && !options.force) {
                r.status = LockStatus::Held;
                r.holder = holder;
                r.otherHost = j == Judgement::OtherHost;
                r.error = "the board is already open in " + describeLockOwner(*holder) +
                          (r.otherHost ? " (another computer)" : "");
                return r;
            }
        } else if (seen->empty() && !olderThan(file_, kCreatingGrace) && !options.force) {
            continue; // another process is writing its new lock right now
        }
        if (takeOver(file_, *seen, text)) {
            r.tookOverFrom = holder;
            r.tookOverGarbage = !holder;
            break;
        }
        r.error.clear();
        if (attempt + 1 == kAttempts) {
            r.status = LockStatus::Held;
            r.holder = holder;
            r.error = "the board's lock " + quote(file_) + " is busy; try again";
            return r;
        }
    }
    if (readLock(file_) != text) { // lost every attempt without an answer
        r.status = LockStatus::Held;
        r.error = "the board's lock " + quote(file_) + " is being taken by another process";
        return r;
    }
    held_ = true;
    r.status = LockStatus::Acquired;
    r.error.clear();
    return r;
}

bool BoardLock::stillOurs() const {
    if (!held_) return false;
    const auto bytes = readLock(file_);
    if (!bytes) return false;
    const auto o = parse(*bytes);
    return o && o->token == owner_.token;
}

bool BoardLock::release() {
    if (!held_) return false;
    const bool ours = stillOurs();
    held_ = false;
    // A forced takeover between this check and the removal would lose its lock; forcing is
    // the user's explicit choice against a live process, so this window is accepted.
    std::error_code ec;
    return ours && fs::remove(file_, ec);
}

} // namespace horizons::store
