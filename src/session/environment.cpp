// environment.cpp — StoreFiles (the real files, through src/store) and MemoryFiles.
#include "session/environment.hpp"

#include "store/atomic_file.hpp"
#include "store/autosave.hpp"
#include "store/board_lock.hpp"
#include "store/paths.hpp"
#include "store/protect.hpp"
#include "store/trash.hpp"

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <system_error>

namespace horizons::session {

namespace {

// The store's Autosaver behind the session's interface (it writes at once: the session
// decides when a pause in editing has come).
class StoreAutosaver final : public AutosaveWorker {
  public:
    StoreAutosaver(fs::path target, std::function<void()> wake,
                   std::shared_ptr<const store::BoardKey> key = nullptr)
        : saver_(
              {std::move(target), std::chrono::milliseconds(0), std::move(wake), std::move(key)}) {}
    void changed(std::shared_ptr<const Board> b, std::uint64_t s) override {
        saver_.changed(std::move(b), s);
    }
    void saved(std::uint64_t s) override { saver_.saved(s); }
    bool flush() override { return saver_.flush(); }
    std::string lastError() const override { return saver_.status().lastError; }

  private:
    store::Autosaver saver_;
};

std::string clockText(fs::file_time_type t) {
    const auto sys = std::chrono::time_point_cast<std::chrono::seconds>(
        t - fs::file_time_type::clock::now() + std::chrono::system_clock::now());
    const std::time_t tt = std::chrono::system_clock::to_time_t(sys);
    char buf[16] = "";
    if (const std::tm* tm = std::localtime(&tt)) std::strftime(buf, sizeof buf, "%H:%M", tm);
    return buf;
}

} // namespace

// ---- StoreFiles ----------------------------------------------------------------------------
StoreFiles::StoreFiles(fs::path assetDir, std::function<void()> wake)
    : assetDir_(std::move(assetDir)), wake_(std::move(wake)) {}

BoardFiles::Kind StoreFiles::kind(const fs::path& p) const {
    std::error_code ec;
    const fs::file_status s = fs::status(p, ec);
    if (ec || s.type() == fs::file_type::not_found) return Kind::Missing;
    return s.type() == fs::file_type::regular ? Kind::Regular : Kind::Other;
}

store::LoadResult StoreFiles::load(const fs::path& p) { return store::loadBoardFile(p); }

store::SaveResult StoreFiles::save(const Board& b, const fs::path& p) {
    return store::saveBoardFile(b, p);
}

std::string StoreFiles::writeText(const fs::path& p, std::string_view text) {
    const store::WriteResult w = store::writeFileAtomically(p, text, false);
    return w ? std::string() : w.error;
}

store::StampCheck StoreFiles::checkStamp(const store::FileStamp& known, const fs::path& p,
                                         bool beforeWrite) {
    return store::checkFileStamp(known, p, beforeWrite);
}

std::vector<store::ConflictCopy> StoreFiles::conflictCopies(const fs::path& board) {
    return store::findConflictCopies(board);
}

std::string StoreFiles::moveToTrash(const fs::path& p) { return store::moveToTrash(p); }

std::optional<BoardFiles::Recovery> StoreFiles::recoveryFor(const fs::path& board) {
    if (const auto r = store::findRecovery(board)) return Recovery{clockText(r->saved), false};
    // findRecovery leaves out a copy older than the board file; it is still unsaved work.
    const fs::path rec = store::recoveryFileFor(board);
    std::error_code ec;
    if (board.empty() || !fs::is_regular_file(rec, ec)) return std::nullopt;
    return Recovery{clockText(fs::last_write_time(rec, ec)), true};
}

store::LoadResult StoreFiles::loadRecovery(const fs::path& board) {
    return store::loadBoardFile(store::recoveryFileFor(board));
}

void StoreFiles::discardRecovery(const fs::path& board) { store::discardRecovery(board); }

std::unique_ptr<AutosaveWorker> StoreFiles::autosaverFor(const fs::path& board) {
    return std::make_unique<StoreAutosaver>(store::recoveryFileFor(board), wake_);
}

namespace {
struct StoreLock final : BoardLockHandle {
    store::BoardLock lock;
};
} // namespace

std::unique_ptr<BoardLockHandle> StoreFiles::lock(const fs::path& board, std::string* holder) {
    auto h = std::make_unique<StoreLock>();
    const store::LockResult r = h->lock.acquire(board);
    if (r.status == store::LockStatus::Held) {
        if (holder) *holder = r.holder ? store::describeLockOwner(*r.holder) : r.error;
        return nullptr;
    }
    return h; // also when no lock file can be made (a read-only folder): saving says why
}

fs::path StoreFiles::dataDir() const { return store::userDataDir(); }

fs::path StoreFiles::homeDir() const {
#ifdef _WIN32
    const char* home = std::getenv("USERPROFILE");
#else
    const char* home = std::getenv("HOME");
#endif
    return home && *home ? fs::path(home) : fs::path();
}

fs::path StoreFiles::ensureDefaultBoard(std::string* error) {
    const store::DefaultBoard d = store::ensureDefaultBoard(assetDir_);
    if (error) *error = d.error;
    return d.path;
}

bool StoreFiles::isProtected(const fs::path& p) const { return store::isProtectedFile(p); }

store::LoadResult StoreFiles::unlock(const fs::path& p, std::string_view passphrase) {
    return store::loadBoardFile(p, passphrase);
}

store::LoadResult StoreFiles::loadWithKey(const fs::path& p,
                                          std::shared_ptr<const store::BoardKey> key) {
    return store::loadBoardFile(p, std::move(key));
}

store::LoadResult StoreFiles::loadRecoveryWithKey(const fs::path& board,
                                                  std::shared_ptr<const store::BoardKey> key) {
    return store::loadBoardFile(store::recoveryFileFor(board), std::move(key));
}

store::SaveResult StoreFiles::saveWith(const Board& b, const fs::path& p,
                                       const store::SaveOptions& o) {
    return store::saveBoardFile(b, p, o);
}

std::unique_ptr<AutosaveWorker>
StoreFiles::sealedAutosaverFor(const fs::path& board, std::shared_ptr<const store::BoardKey> key) {
    return std::make_unique<StoreAutosaver>(store::recoveryFileFor(board), wake_, std::move(key));
}

void StoreFiles::removeBackup(const fs::path& board) {
    std::error_code ec;
    fs::remove(store::backupPathFor(board), ec);
}

// ---- MemoryFiles ---------------------------------------------------------------------------
namespace {
class MemoryAutosaver final : public AutosaveWorker {
  public:
    MemoryAutosaver(MemoryFiles& files, fs::path board,
                    std::shared_ptr<const store::BoardKey> key = nullptr)
        : files_(files), board_(std::move(board)), key_(std::move(key)) {}
    void changed(std::shared_ptr<const Board> b, std::uint64_t) override {
        ok_ = files_.writeRecovery(board_, *b, key_);
    }
    void saved(std::uint64_t) override { files_.discardRecovery(board_); }
    bool flush() override { return ok_; }
    std::string lastError() const override { return ok_ ? "" : "No space left on device"; }

  private:
    MemoryFiles& files_;
    fs::path board_;
    std::shared_ptr<const store::BoardKey> key_;
    bool ok_ = true;
};

// Bytes that may be protected: unsealed with the passphrase or the key, then loaded.
template <class PassOrKey> store::LoadResult
loadMaybeSealed(const std::string& bytes, const std::string& name, PassOrKey&& passOrKey) {
    if (!store::isProtected(bytes)) return store::loadBoardFromBytes(bytes, name);
    store::LoadResult r;
    store::Unsealed u = store::unseal(bytes, std::forward<PassOrKey>(passOrKey));
    if (u) {
        r = store::loadBoardFromBytes(u.plain.view(), name);
        r.key = u.key;
    } else {
        r.error = name + ": " + u.error;
        r.wrongPassphrase = u.wrongPassphrase;
    }
    r.isProtected = true;
    return r;
}

fs::path recoveryKey(const fs::path& board) { return "recovery:" + board.string(); }

struct MemoryLock final : BoardLockHandle {
    MemoryFiles& files;
    fs::path board;
    MemoryLock(MemoryFiles& f, fs::path b) : files(f), board(std::move(b)) {
        files.lockedBy[board] = "this session";
    }
    ~MemoryLock() override { files.lockedBy.erase(board); }
};
} // namespace

std::unique_ptr<BoardLockHandle> MemoryFiles::lock(const fs::path& board, std::string* holder) {
    if (const auto it = lockedBy.find(board); it != lockedBy.end()) {
        if (holder) *holder = it->second;
        return nullptr;
    }
    return std::make_unique<MemoryLock>(*this, board);
}

BoardFiles::Kind MemoryFiles::kind(const fs::path& p) const {
    return files.contains(p) ? Kind::Regular : Kind::Missing;
}

store::LoadResult MemoryFiles::load(const fs::path& p) {
    const auto it = files.find(p);
    if (it == files.end()) {
        store::LoadResult r;
        r.error = p.filename().string() + ": no such file";
        return r;
    }
    store::LoadResult r = store::loadBoardFromBytes(it->second, p.filename().string());
    r.stamp = stampOf(p);
    return r;
}

store::SaveResult MemoryFiles::save(const Board& b, const fs::path& p) {
    store::SaveResult r;
    if (const auto f = failWrites.find(p); f != failWrites.end()) {
        r.error = f->second;
        return r;
    }
    if (const auto old = files.find(p); old != files.end()) backups[p] = old->second;
    files[p] = store::serializeBoard(b, store::formatForPath(p));
    modifiedAt[p] = clock;
    ++writes[p];
    r.ok = true;
    r.bytes = files[p].size();
    r.stamp = stampOf(p);
    return r;
}

std::string MemoryFiles::writeText(const fs::path& p, std::string_view text) {
    if (const auto f = failWrites.find(p); f != failWrites.end()) return f->second;
    files[p] = std::string(text);
    modifiedAt[p] = clock;
    ++writes[p];
    return {};
}

store::StampCheck MemoryFiles::checkStamp(const store::FileStamp& known, const fs::path& p, bool) {
    store::StampCheck c;
    c.now = stampOf(p);
    c.hashed = true;
    c.same = c.now == known;
    return c;
}

std::vector<store::ConflictCopy> MemoryFiles::conflictCopies(const fs::path& board) {
    std::vector<store::ConflictCopy> out;
    for (const auto& [p, bytes] : files) {
        if (p.parent_path() != board.parent_path()) continue;
        if (const auto m =
                store::matchConflictName(board.filename().string(), p.filename().string()))
            out.push_back({p, m->tool, m->detail, {}});
    }
    return out;
}

std::string MemoryFiles::moveToTrash(const fs::path& p) {
    const auto it = files.find(p);
    if (it == files.end()) return p.filename().string() + " is not a file";
    trash[p] = std::move(it->second);
    files.erase(it);
    return {};
}

store::FileStamp MemoryFiles::stampOf(const fs::path& p) const {
    store::FileStamp s;
    const auto it = files.find(p);
    if (it == files.end()) return s;
    s.exists = s.hashed = true;
    s.size = it->second.size();
    s.hash = store::contentHash(it->second);
    return s;
}

void MemoryFiles::replaceExternally(const fs::path& p, const Board& b) {
    files[p] = store::serializeBoard(b, store::formatForPath(p));
    modifiedAt[p] = clock;
}

std::optional<BoardFiles::Recovery> MemoryFiles::recoveryFor(const fs::path& board) {
    if (!recovery.contains(board)) return std::nullopt;
    const auto file = modifiedAt.find(board);
    const bool older = files.contains(board) && file != modifiedAt.end() &&
                       modifiedAt[recoveryKey(board)] <= file->second;
    return Recovery{"12:00", older};
}

store::LoadResult MemoryFiles::loadRecovery(const fs::path& board) {
    const auto it = recovery.find(board);
    if (it == recovery.end()) {
        store::LoadResult r;
        r.error = "no recovery file";
        return r;
    }
    return store::loadBoardFromBytes(it->second, "recovery");
}

void MemoryFiles::discardRecovery(const fs::path& board) { recovery.erase(board); }

std::unique_ptr<AutosaveWorker> MemoryFiles::autosaverFor(const fs::path& board) {
    return std::make_unique<MemoryAutosaver>(*this, board);
}

bool MemoryFiles::writeRecovery(const fs::path& board, const Board& b,
                                const std::shared_ptr<const store::BoardKey>& key) {
    if (failRecovery) return false;
    recovery[board] = key ? store::seal(*key, store::serializeJson(b)) : store::serializeJson(b);
    modifiedAt[recoveryKey(board)] = clock;
    return true;
}

fs::path MemoryFiles::ensureDefaultBoard(std::string*) {
    const fs::path p = data / "board.horizons.json";
    if (!files.contains(p)) save(makeEmptyBoard(), p);
    return p;
}

bool MemoryFiles::isProtected(const fs::path& p) const {
    const auto it = files.find(p);
    return it != files.end() && store::isProtected(it->second);
}

store::LoadResult MemoryFiles::unlock(const fs::path& p, std::string_view passphrase) {
    const auto it = files.find(p);
    if (it == files.end()) return load(p);
    return loadMaybeSealed(it->second, p.filename().string(), passphrase);
}

store::LoadResult MemoryFiles::loadWithKey(const fs::path& p,
                                           std::shared_ptr<const store::BoardKey> key) {
    const auto it = files.find(p);
    if (it == files.end()) return load(p);
    return loadMaybeSealed(it->second, p.filename().string(), std::move(key));
}

store::LoadResult MemoryFiles::loadRecoveryWithKey(const fs::path& board,
                                                   std::shared_ptr<const store::BoardKey> key) {
    const auto it = recovery.find(board);
    if (it == recovery.end()) return loadRecovery(board);
    return loadMaybeSealed(it->second, "recovery", std::move(key));
}

store::SaveResult MemoryFiles::saveWith(const Board& b, const fs::path& p,
                                        const store::SaveOptions& o) {
    store::SaveResult r;
    if (const auto f = failWrites.find(p); f != failWrites.end()) {
        r.error = f->second;
        return r;
    }
    const auto old = files.find(p);
    if (o.keepBackup && old != files.end()) backups[p] = old->second;
    const std::string plain = store::serializeBoard(b, o.format.value_or(store::formatForPath(p)));
    files[p] = o.key ? store::seal(*o.key, plain) : plain;
    modifiedAt[p] = clock;
    ++writes[p];
    r.ok = true;
    r.bytes = files[p].size();
    return r;
}

std::unique_ptr<AutosaveWorker>
MemoryFiles::sealedAutosaverFor(const fs::path& board, std::shared_ptr<const store::BoardKey> key) {
    return std::make_unique<MemoryAutosaver>(*this, board, std::move(key));
}

// ---- Environment ---------------------------------------------------------------------------
Environment Environment::real(fs::path assetDir, std::function<void()> wake) {
    Environment env;
    env.files = std::make_shared<StoreFiles>(std::move(assetDir), std::move(wake));
    const auto start = std::chrono::steady_clock::now();
    env.seconds = [start] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    env.now = [] { return nowTimestamp(); };
    return env;
}

} // namespace horizons::session
