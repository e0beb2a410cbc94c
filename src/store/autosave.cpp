#include "store/autosave.hpp"

#include "store/board_file.hpp"
#include "store/paths.hpp"

#include <cstdio>
#include <system_error>

namespace horizons::store {

namespace fs = std::filesystem;

fs::path recoveryFileFor(const fs::path& board, const fs::path& dataDir) {
    std::error_code ec;
    fs::path abs = board.empty() ? fs::path("untitled") : fs::absolute(board, ec);
    if (ec) abs = board;
    const auto u8 = abs.lexically_normal().u8string();
    std::uint64_t h = 0xcbf29ce484222325ull; // FNV-1a 64
    for (char8_t c : u8) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ull;
    }
    char name[32];
    std::snprintf(name, sizeof name, "%016llx", static_cast<unsigned long long>(h));
    return dataDir / "recovery" / (std::string(name) + ".horizons.json");
}

fs::path recoveryFileFor(const fs::path& board) { return recoveryFileFor(board, userDataDir()); }

std::optional<Recovery> findRecovery(const fs::path& board, const fs::path& dataDir) {
    const fs::path rec = recoveryFileFor(board, dataDir);
    std::error_code ec;
    if (!fs::is_regular_file(rec, ec) || fs::file_size(rec, ec) == 0 || ec) return std::nullopt;
    const auto recTime = fs::last_write_time(rec, ec);
    if (ec) return std::nullopt;
    if (!board.empty() && fs::exists(board, ec)) {
        const auto boardTime = fs::last_write_time(board, ec);
        if (!ec && boardTime > recTime)
            return std::nullopt; // saved after the autosave: nothing newer to recover
    }
    return Recovery{rec, recTime};
}

std::optional<Recovery> findRecovery(const fs::path& board) {
    return findRecovery(board, userDataDir());
}

void discardRecovery(const fs::path& board, const fs::path& dataDir) {
    std::error_code ec;
    fs::remove(recoveryFileFor(board, dataDir), ec);
}

void discardRecovery(const fs::path& board) { discardRecovery(board, userDataDir()); }

// --------------------------------------------------------------------------------- worker

Autosaver::Autosaver(Options options) : options_(std::move(options)), thread_([this] { run(); }) {}

Autosaver::~Autosaver() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
}

void Autosaver::changed(std::shared_ptr<const Board> board, std::uint64_t stateId) {
    {
        std::lock_guard lock(mutex_);
        pending_ = std::move(board);
        pendingState_ = stateId;
        due_ = std::chrono::steady_clock::now() + options_.delay;
        discard_ = false;
        status_.pending = true;
    }
    cv_.notify_all();
}

void Autosaver::saved(std::uint64_t stateId) {
    {
        std::lock_guard lock(mutex_);
        if (pending_ && pendingState_ != stateId) return; // newer changes still need their autosave
        pending_.reset();
        status_.pending = false;
        discard_ = true;
        status_.lastError.clear(); // the board file holds this state: no work at risk
        status_.failures = 0;
    }
    cv_.notify_all();
}

bool Autosaver::flush() {
    std::unique_lock lock(mutex_);
    flushNow_ = true;
    cv_.notify_all();
    idle_.wait(lock, [this] { return !pending_ && !status_.writing && !discard_; });
    flushNow_ = false;
    return status_.lastError.empty();
}

Autosaver::Status Autosaver::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

std::string Autosaver::lastError() const {
    std::lock_guard lock(mutex_);
    return status_.lastError;
}

void Autosaver::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        const auto now = std::chrono::steady_clock::now();
        if (pending_ && (stop_ || flushNow_ || now >= due_)) {
            auto board = std::move(pending_);
            const std::uint64_t state = pendingState_;
            pending_.reset();
            status_.pending = false;
            status_.writing = true;
            lock.unlock();
            fs::path dir = options_.target.parent_path();
            std::error_code ec;
            if (!dir.empty()) fs::create_directories(dir, ec); // a failure shows in the save
            // The recovery file needs no backup: the board file itself is untouched.
            const SaveResult r = saveBoardFile(*board, options_.target,
                                               SaveOptions{FileFormat::Json, false, options_.key});
            board.reset();
            lock.lock();
            status_.writing = false;
            status_.lastError = r.error;
            if (r) {
                status_.savedState = state;
                ++status_.writes;
                status_.failures = 0;
            } else {
                ++status_.failures;
            }
            const auto wake = options_.wake;
            lock.unlock();
            idle_.notify_all();
            if (wake) wake();
            lock.lock();
            continue;
        }
        if (discard_ && !pending_) {
            discard_ = false;
            lock.unlock();
            std::error_code ec;
            fs::remove(options_.target, ec);
            lock.lock();
            idle_.notify_all();
            continue;
        }
        idle_.notify_all();
        if (stop_) return;
        if (pending_)
            cv_.wait_until(lock, due_);
        else
            cv_.wait(lock);
    }
}

} // namespace horizons::store
