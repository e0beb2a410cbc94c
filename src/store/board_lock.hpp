// board_lock.hpp — one writer per board: a lock file beside the board.
//
//   BoardLock lock;
//   LockResult r = lock.acquire(path);
//   if (r.status == LockStatus::Held)   // another live Horizons has it: r.holder says who
//       openReadOnlyOrBringItToFront(r.error);
//   ...                                  // keep `lock` as long as the board is open
//   lock.release();                      // or let the destructor do it
//
// The lock is `.NAME.lock` in the board's folder (the link target's folder when the board is
// a symbolic link, so every path to one file shares one lock). It holds a few text lines:
// format, a random token, pid, host name, when it was taken, and the process's start id (which
// tells a reused pid from the original one).
//
// Acquiring creates the lock with all its content in one step (a temp file hard-linked to the
// lock name, which fails if it exists; where hard links are not possible, O_EXCL /
// CREATE_NEW). An existing lock is
//   live  ... its process runs on this machine: reported (LockStatus::Held, holder);
//   other ... it names another machine (a synced folder): reported as held, since whether that
//             process runs cannot be known from here; LockOptions::force takes it;
//   stale ... same machine and the process is gone (or the pid now belongs to another
//             process), or the content is not a lock at all: taken over.
// A takeover happens under a second, short-lived guard file `.NAME.lock.takeover`, created
// exclusively: only one process at a time may replace a stale lock, and it replaces it (by an
// atomic rename of a fresh lock file) only if the lock is still byte for byte the one it
// judged stale. So two processes never both believe they took a stale lock over. A guard
// older than kLockGuardMaxAge is itself a leftover and is removed.
// Releasing removes the lock only if it still holds our token.
//
// Index
//   LockOwner, describeLockOwner ..... who holds a lock
//   LockStatus, LockResult, LockOptions
//   lockFileFor, readBoardLock ....... where the lock is, who holds it now (without locking)
//   BoardLock ........................ acquire, held, stillOurs, release
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace horizons::store {

struct LockOwner {
    std::uint64_t pid = 0;
    std::string host;
    std::int64_t since = 0;         // when the lock was taken, seconds since the epoch (UTC)
    std::uint64_t processStart = 0; // processStartId(pid) when it was taken (0: unknown)
    std::string token;              // random, tells our lock from any other
    bool operator==(const LockOwner&) const = default;
};

// "process 1234 on laptop since 2026-12-01 10:00 UTC"
std::string describeLockOwner(const LockOwner& owner);

enum class LockStatus {
    Acquired, // the lock is ours
    Held,     // another process (live, or on another machine) holds it; see holder
    Error     // the lock file could not be made (e.g. a read-only folder); see error
};

struct LockResult {
    LockStatus status = LockStatus::Error;
    std::optional<LockOwner> holder;       // Held: who (unset when its content is still being
                                           // written by the other process)
    std::optional<LockOwner> tookOverFrom; // Acquired by taking over a stale (or forced) lock
    bool tookOverGarbage = false;          // ... whose content was not a lock at all
    bool otherHost = false;                // Held by a process on another machine
    std::string error;                     // Held/Error: one line for the user
    explicit operator bool() const { return status == LockStatus::Acquired; }
};

struct LockOptions {
    bool force = false; // take the lock even from a live process or another machine
};

inline constexpr std::chrono::seconds kLockGuardMaxAge{10};

// `.NAME.lock` beside the board (symbolic links followed).
std::filesystem::path lockFileFor(const std::filesystem::path& board);
// Who holds the board's lock now, if there is a lock with readable content. Takes nothing.
std::optional<LockOwner> readBoardLock(const std::filesystem::path& board);

class BoardLock {
  public:
    BoardLock() = default;
    ~BoardLock(); // release()
    BoardLock(BoardLock&& other) noexcept;
    BoardLock& operator=(BoardLock&& other) noexcept;
    BoardLock(const BoardLock&) = delete;
    BoardLock& operator=(const BoardLock&) = delete;

    // Takes the lock of `board` (releasing any lock this object held before).
    LockResult acquire(const std::filesystem::path& board, const LockOptions& options = {});
    bool held() const { return held_; }
    // The lock file on disk still holds our token (false if someone forced it away).
    bool stillOurs() const;
    // Removes the lock file if it is still ours. Returns whether it was.
    bool release();
    const std::filesystem::path& file() const { return file_; }
    const LockOwner& owner() const { return owner_; }

  private:
    std::filesystem::path file_;
    LockOwner owner_;
    bool held_ = false;
};

} // namespace horizons::store
