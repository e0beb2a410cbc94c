// autosave.hpp — background autosave to a recovery file, and recovery at start-up.
//
// Where autosaves go: <user data>/recovery/<16 hex digits>.horizons.json, the digits being a
// hash (FNV-1a 64) of the board file's absolute path. Not next to the board: that folder may
// be read-only, synced or under version control, and a board file must never be touched by
// anything but an explicit save. A recovery file is a normal board file (loadBoardFile reads
// it); it exists only while there is work newer than the board file. The recovery file of a
// protected board is sealed with the board's key (Options::key; protect.hpp).
//
// The app's side:
//   start-up:  if (auto rec = findRecovery(path)) { load rec->file, doc.reset(...), mark dirty,
//              tell the user "Recovered unsaved changes from <time>" }
//   Autosaver saver({recoveryFileFor(path), 2s, [] { glfwPostEmptyEvent(); }});
//   each edit: saver.changed(std::make_shared<const Board>(doc.board()), doc.stateId());
//   Ctrl+S ok: saver.saved(doc.stateId());    // drops the pending autosave + recovery file
//   quit:      save the board (or keep the recovery: saver.flush()), then destroy the saver
//              (its destructor flushes whatever is still pending).
// changed()/saved()/status() only take a mutex for a moment: the frame never waits for disk.
#pragma once

#include "model/board.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace horizons::store {

class BoardKey; // protect.hpp

// The recovery file for a board (an empty path: the recovery file for an untitled board).
std::filesystem::path recoveryFileFor(const std::filesystem::path& board,
                                      const std::filesystem::path& dataDir);
std::filesystem::path recoveryFileFor(const std::filesystem::path& board); // in userDataDir()

struct Recovery {
    std::filesystem::path file;            // load it with loadBoardFile
    std::filesystem::file_time_type saved; // when it was written
};

// Unsaved work for `board`: a recovery file newer than the board file (or with no board
// file at all). A recovery file older than the board file is stale and is not reported.
std::optional<Recovery> findRecovery(const std::filesystem::path& board,
                                     const std::filesystem::path& dataDir);
std::optional<Recovery> findRecovery(const std::filesystem::path& board);

// Removes the recovery file of `board` (after recovering or discarding it).
void discardRecovery(const std::filesystem::path& board, const std::filesystem::path& dataDir);
void discardRecovery(const std::filesystem::path& board);

class Autosaver {
  public:
    struct Options {
        std::filesystem::path target;                  // the recovery file (recoveryFileFor)
        std::chrono::milliseconds delay{2000};         // after the last change
        std::function<void()> wake;                    // after each write, on the worker thread
        std::shared_ptr<const BoardKey> key = nullptr; // protected board: recovery files are sealed
    };
    struct Status {
        std::uint64_t savedState = 0; // the stateId last written to the recovery file
        bool pending = false;         // a change waits for its delay
        bool writing = false;
        std::size_t writes = 0;   // successful writes so far
        std::string lastError;    // of the last attempt ("" when it worked, or after saved())
        std::size_t failures = 0; // failed attempts since the last success (or saved())
    };

    explicit Autosaver(Options options);
    ~Autosaver(); // writes what is pending, then stops the thread
    Autosaver(const Autosaver&) = delete;
    Autosaver& operator=(const Autosaver&) = delete;

    // The board changed: write this copy after `delay` without further changes.
    void changed(std::shared_ptr<const Board> board, std::uint64_t stateId);
    // The board was saved explicitly at `stateId`: an autosave of that state is not needed
    // and the recovery file goes away (unless newer changes are pending).
    void saved(std::uint64_t stateId);
    // Writes what is pending now and waits for it. Returns false if the write failed.
    bool flush();
    Status status() const;
    // Why the last autosave failed ("" when it worked): for the status bar. Thread-safe; an
    // explicit save (saved()) clears it, since the board file then holds the work.
    std::string lastError() const;

  private:
    void run();

    Options options_;
    mutable std::mutex mutex_;
    std::condition_variable cv_;   // wakes the worker
    std::condition_variable idle_; // wakes flush()
    std::shared_ptr<const Board> pending_;
    std::uint64_t pendingState_ = 0;
    std::chrono::steady_clock::time_point due_{};
    bool flushNow_ = false;
    bool discard_ = false;
    bool stop_ = false;
    Status status_;
    std::thread thread_; // last: starts after everything above is ready
};

} // namespace horizons::store
