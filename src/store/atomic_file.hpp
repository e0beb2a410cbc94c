// atomic_file.hpp — writing a file so that it is always either the old or the new version.
//
//   1. write the bytes to a temp file in the same folder (".NAME.tmp-PID-N"), flush, fsync;
//   2. keep the current file as NAME.bak (a hard link, or a copy where links are not possible);
//   3. rename the temp file over NAME (atomic), then fsync the folder.
// On Windows: ReplaceFileW (which also makes the backup), or MoveFileExW with
// MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH for a new file.
// Any failure removes the temp file and leaves NAME byte-identical. A process killed in
// the middle leaves at most a temp file, removed by cleanupTempFiles() on the next open (or
// cleanStaleTempFiles() for a whole folder, e.g. the recovery folder at start-up).
//
// What is never written over: a NAME that is not a regular file (FIFO, device, folder), and a
// read-only NAME (no write permission for us, e.g. 0444; also for root). A NAME that is a
// symbolic link is saved where the link points (temp file and NAME.bak beside the target, the
// link stays a link); a dangling link creates its target.
//
// Index
//   write ........ WriteResult, writeFileAtomically, backupPathFor
//   checks ....... resolveSaveTarget, checkRegularFile, whyNotWritable, isWritableBoardFile,
//                  isSameFile
//   leftovers .... cleanupTempFiles (one target), cleanStaleTempFiles (a folder)
//   read ......... readFileBytes (regular files only; never blocks on a FIFO)
//   testing ...... injectSaveFailure
#pragma once

#include "store/file_stamp.hpp"

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace horizons::store {

struct WriteResult {
    bool ok = false;
    std::string error; // "could not write /x/board.horizons.json: No space left on device"
    FileStamp stamp;   // on success: the file as written (hashed)
    explicit operator bool() const { return ok; }
};

WriteResult writeFileAtomically(const std::filesystem::path& target, std::string_view bytes,
                                bool keepBackup = true);

std::filesystem::path backupPathFor(const std::filesystem::path& target); // NAME.bak

// ---------------------------------------------------------------------------------- checks

// The file a save of `path` writes: where its symbolic links lead (relative links resolve
// against the link's folder; the end may not exist yet), or `path` itself.
std::filesystem::path resolveSaveTarget(const std::filesystem::path& path);

// Nothing when `path` (links followed) is a regular file; else why it cannot be opened as a
// board: "cannot open "x": no such file", "... it is a folder", "... it is not a regular file
// (a FIFO)". Never opens the file, so it never blocks.
std::optional<std::string> checkRegularFile(const std::filesystem::path& path);

// Nothing when a save may replace (or create) `path`; else why not: ""x" is a read-only file"
// (no write permission for us, or no write bit at all), or its folder cannot be written.
std::optional<std::string> whyNotWritable(const std::filesystem::path& path);
// !whyNotWritable(path): the session opens a board read-only when this is false.
bool isWritableBoardFile(const std::filesystem::path& path);

// `a` and `b` are one file (also through another spelling, a symbolic link or a hard link).
// False when either does not exist.
bool isSameFile(const std::filesystem::path& a, const std::filesystem::path& b);

// ------------------------------------------------------------------------------- leftovers

// How old a temp file must be before it is taken for a leftover even though the process
// named in it still runs (it may be another process with the pid, or another machine's).
inline constexpr std::chrono::seconds kTempFileMinAge{60};

// Removes temp files a killed save left next to `target` (its link target, if a link): those
// whose writer process is gone, or older than kTempFileMinAge, so that a save in progress in
// another window is never disturbed. Returns how many were removed.
std::size_t cleanupTempFiles(const std::filesystem::path& target);

// The same for every file of ours in `dir` (not in subfolders): ".NAME.tmp-PID-N",
// ".NAME.bak.tmp-PID-N", ".NAME.lock.tmp-PID-N" (regular files only), removed when older than
// `minAge` or when process PID is gone. Nothing else is ever touched. Call it at start-up for
// the user data folder and its recovery folder. Returns how many were removed.
std::size_t cleanStaleTempFiles(const std::filesystem::path& dir,
                                std::chrono::seconds minAge = kTempFileMinAge);

// ------------------------------------------------------------------------------------ read

// Reads a whole regular file, refusing files larger than maxBytes and anything that is not a
// regular file (checked before and after opening, never blocking). Returns an error text or
// nothing. `stamp`, when given, receives the stamp of exactly the bytes read.
std::optional<std::string> readFileBytes(const std::filesystem::path& path, std::size_t maxBytes,
                                         std::string& out, FileStamp* stamp = nullptr);

// Test hook: make the next saves fail at a given step with a given errno-style code
// (e.g. ENOSPC during the write, after half the bytes went out). Not for production use.
namespace testing {
enum class SaveStep { None, Open, Write, Sync, Backup, Rename };
void injectSaveFailure(SaveStep step, int errorCode = 28 /* ENOSPC */);
void clearSaveFailure();
} // namespace testing

} // namespace horizons::store
