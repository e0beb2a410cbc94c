// environment.hpp — what the session needs from the world, behind interfaces so every rule
// is a unit test: the clock, the board files and the autosave worker.
//
// Index
//   AutosaveWorker    writes recovery copies off the UI thread
//   BoardFiles        board files, recovery copies, the data folder, the default board
//   StoreFiles        the real ones (src/store), used by the app
//   MemoryFiles       in memory: tests, and screenshots that must touch no user file
//   Environment       the three together, plus the clocks
#pragma once

#include "model/board.hpp"
#include "store/board_file.hpp"
#include "store/conflict_copies.hpp"
#include "store/file_stamp.hpp"
#include "store/protect.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace horizons::session {

namespace fs = std::filesystem;

// ---- AutosaveWorker ------------------------------------------------------------------------
class AutosaveWorker {
  public:
    virtual ~AutosaveWorker() = default; // writes what is still pending
    // A copy of the board at `stateId`, to be written to the recovery file.
    virtual void changed(std::shared_ptr<const Board> board, std::uint64_t stateId) = 0;
    // The board file now holds `stateId`: the recovery file is no longer needed.
    virtual void saved(std::uint64_t stateId) = 0;
    virtual bool flush() = 0;                  // writes what is pending, waits; false: failed
    virtual std::string lastError() const = 0; // of the last write ("" when it worked)
};

// ---- BoardFiles ----------------------------------------------------------------------------
// The one-writer lock of a board, held while the handle lives.
class BoardLockHandle {
  public:
    virtual ~BoardLockHandle() = default;
};

class BoardFiles {
  public:
    enum class Kind { Missing, Regular, Other }; // Other: a folder, a FIFO, a device ...
    struct Recovery {
        std::string when; // "14:02" (local time of the autosave), for the message
        // The board file changed after the autosave (a sync tool, another device): the
        // recovered work is merged into the file, never put in its place.
        bool olderThanBoard = false;
    };

    virtual ~BoardFiles() = default;
    virtual Kind kind(const fs::path& p) const = 0;
    virtual store::LoadResult load(const fs::path& p) = 0;
    virtual store::SaveResult save(const Board& b, const fs::path& p) = 0; // atomic, keeps .bak
    virtual std::string writeText(const fs::path& p, std::string_view text) = 0; // "" or error

    // Is the board file still what `known` says (store::checkFileStamp)? `beforeWrite` reads
    // and hashes it even when size and time agree.
    virtual store::StampCheck checkStamp(const store::FileStamp& known, const fs::path& p,
                                         bool beforeWrite) = 0;
    // The copies sync tools left beside the board (store/conflict_copies.hpp), oldest first.
    virtual std::vector<store::ConflictCopy> conflictCopies(const fs::path& board) = 0;
    virtual std::string moveToTrash(const fs::path& p) = 0; // "" or why not

    // Recovery copies live in the data folder, one per board path (an empty path: the
    // untitled board). recoveryFor() reports the one there is (Recovery::olderThanBoard when
    // the board file was written after it).
    virtual std::optional<Recovery> recoveryFor(const fs::path& board) = 0;
    virtual store::LoadResult loadRecovery(const fs::path& board) = 0;
    virtual void discardRecovery(const fs::path& board) = 0;
    virtual std::unique_ptr<AutosaveWorker> autosaverFor(const fs::path& board) = 0;
    // Takes the lock beside `board`. Null when another Horizons holds it: `holder` then says
    // who ("process 1234 on laptop since …").
    virtual std::unique_ptr<BoardLockHandle> lock(const fs::path& board, std::string* holder) = 0;

    virtual fs::path dataDir() const = 0;
    virtual fs::path homeDir() const = 0; // for "~/" in typed paths; empty when unknown
    // The default board's path, created from the starter template when missing; error text
    // when it could not be created.
    virtual fs::path ensureDefaultBoard(std::string* error) = 0;

    // ---- protected boards (store/protect.hpp; the session holds the key) ----
    virtual bool isProtected(const fs::path& p) const = 0; // its header says so: no passphrase
    // Opens a protected board (a plain one loads as load() does). A wrong passphrase: !r,
    // r.wrongPassphrase. Writes nothing.
    virtual store::LoadResult unlock(const fs::path& p, std::string_view passphrase) = 0;
    // With the open board's key (its own saves and recovery copies): no Argon2id again.
    virtual store::LoadResult loadWithKey(const fs::path& p,
                                          std::shared_ptr<const store::BoardKey> key) = 0;
    virtual store::LoadResult loadRecoveryWithKey(const fs::path& board,
                                                  std::shared_ptr<const store::BoardKey> key) = 0;
    // save() with options: o.key set seals the file, its temp file and .bak; null: plain.
    virtual store::SaveResult saveWith(const Board& b, const fs::path& p,
                                       const store::SaveOptions& o) = 0;
    // Recovery copies sealed with `key`.
    virtual std::unique_ptr<AutosaveWorker>
    sealedAutosaverFor(const fs::path& board, std::shared_ptr<const store::BoardKey> key) = 0;
    virtual void removeBackup(const fs::path& board) = 0; // FILE.bak
};

// ---- StoreFiles ----------------------------------------------------------------------------
class StoreFiles final : public BoardFiles {
  public:
    // `assetDir` holds the starter board; `wake` is called by the autosave thread after
    // each write (it wakes the UI loop).
    StoreFiles(fs::path assetDir, std::function<void()> wake);

    Kind kind(const fs::path& p) const override;
    store::LoadResult load(const fs::path& p) override;
    store::SaveResult save(const Board& b, const fs::path& p) override;
    std::string writeText(const fs::path& p, std::string_view text) override;
    store::StampCheck checkStamp(const store::FileStamp& known, const fs::path& p,
                                 bool beforeWrite) override;
    std::vector<store::ConflictCopy> conflictCopies(const fs::path& board) override;
    std::string moveToTrash(const fs::path& p) override;
    std::optional<Recovery> recoveryFor(const fs::path& board) override;
    store::LoadResult loadRecovery(const fs::path& board) override;
    void discardRecovery(const fs::path& board) override;
    std::unique_ptr<AutosaveWorker> autosaverFor(const fs::path& board) override;
    std::unique_ptr<BoardLockHandle> lock(const fs::path& board, std::string* holder) override;
    fs::path dataDir() const override;
    fs::path homeDir() const override;
    fs::path ensureDefaultBoard(std::string* error) override;
    bool isProtected(const fs::path& p) const override;
    store::LoadResult unlock(const fs::path& p, std::string_view passphrase) override;
    store::LoadResult loadWithKey(const fs::path& p,
                                  std::shared_ptr<const store::BoardKey> key) override;
    store::LoadResult loadRecoveryWithKey(const fs::path& board,
                                          std::shared_ptr<const store::BoardKey> key) override;
    store::SaveResult saveWith(const Board& b, const fs::path& p,
                               const store::SaveOptions& o) override;
    std::unique_ptr<AutosaveWorker>
    sealedAutosaverFor(const fs::path& board, std::shared_ptr<const store::BoardKey> key) override;
    void removeBackup(const fs::path& board) override;

  private:
    fs::path assetDir_;
    std::function<void()> wake_;
};

// ---- MemoryFiles ---------------------------------------------------------------------------
// Files as bytes in a map; the autosave worker writes the recovery copy at once. Counts
// writes so tests can assert a file was never written. Conflict copies are the files beside
// a board whose names store::matchConflictName accepts; trash is a map of its own.
// writes so tests can assert a file was never written. Protected boards are real sealed
// bytes (store::seal): tests derive their keys with store::kTestKdf (Environment::kdf).
class MemoryFiles final : public BoardFiles {
  public:
    std::map<fs::path, std::string> files;      // board path -> file bytes
    std::map<fs::path, std::string> recovery;   // board path -> recovery bytes
    std::map<fs::path, double> modifiedAt;      // board or "recovery:" + path -> time
    std::map<fs::path, int> writes;             // board path -> successful writes
    std::map<fs::path, std::string> failWrites; // board path -> error every write gets
    bool failRecovery = false;                  // autosave writes fail ("disk full")
    std::map<fs::path, std::string> lockedBy;   // board path -> who holds its lock
    std::map<fs::path, std::string> trash;      // moved to the trash: original path -> bytes
    fs::path data = "/data";
    double clock = 0; // advanced by tests; stamps modifiedAt

    Kind kind(const fs::path& p) const override;
    store::LoadResult load(const fs::path& p) override;
    store::SaveResult save(const Board& b, const fs::path& p) override;
    std::string writeText(const fs::path& p, std::string_view text) override;
    store::StampCheck checkStamp(const store::FileStamp& known, const fs::path& p,
                                 bool beforeWrite) override;
    std::vector<store::ConflictCopy> conflictCopies(const fs::path& board) override;
    std::string moveToTrash(const fs::path& p) override;
    std::optional<Recovery> recoveryFor(const fs::path& board) override;
    store::LoadResult loadRecovery(const fs::path& board) override;
    void discardRecovery(const fs::path& board) override;
    std::unique_ptr<AutosaveWorker> autosaverFor(const fs::path& board) override;
    std::unique_ptr<BoardLockHandle> lock(const fs::path& board, std::string* holder) override;
    fs::path dataDir() const override { return data; }
    fs::path homeDir() const override { return "/home/user"; }
    fs::path ensureDefaultBoard(std::string* error) override;
    bool isProtected(const fs::path& p) const override;
    store::LoadResult unlock(const fs::path& p, std::string_view passphrase) override;
    store::LoadResult loadWithKey(const fs::path& p,
                                  std::shared_ptr<const store::BoardKey> key) override;
    store::LoadResult loadRecoveryWithKey(const fs::path& board,
                                          std::shared_ptr<const store::BoardKey> key) override;
    store::SaveResult saveWith(const Board& b, const fs::path& p,
                               const store::SaveOptions& o) override;
    std::unique_ptr<AutosaveWorker>
    sealedAutosaverFor(const fs::path& board, std::shared_ptr<const store::BoardKey> key) override;
    void removeBackup(const fs::path& board) override { backups.erase(board); }

    // Another program writes the board (a sync tool, a script): bytes and time change.
    void replaceExternally(const fs::path& p, const Board& b);
    store::FileStamp stampOf(const fs::path& p) const; // size and hash of the bytes held
    // false when failRecovery; sealed with `key` when set
    bool writeRecovery(const fs::path& board, const Board& b,
                       const std::shared_ptr<const store::BoardKey>& key = nullptr);
    std::map<fs::path, std::string> backups; // board path -> FILE.bak bytes (saves keep one)
};

// ---- Environment ---------------------------------------------------------------------------
struct Environment {
    std::shared_ptr<BoardFiles> files = std::make_shared<MemoryFiles>();
    std::function<double()> seconds; // monotonic, for autosave and message timing
    std::function<Timestamp()> now;  // wall clock (Unix seconds): snapshots, untitled names
    bool autosave = true;            // false: screenshots, picture exports
    double autosaveDelay = 2.0;      // seconds after the last edit
    store::KdfParams kdf = store::kDefaultKdf; // keys of newly protected boards (tests: kTestKdf)

    static Environment real(fs::path assetDir, std::function<void()> wake);
};

} // namespace horizons::session
