// atomic_file.hpp — writing a file so that it is always either the old or the new version.
//
//   1. write the bytes to a temp file in the same folder (".NAME.tmp-PID-N"), flush, fsync;
//   2. keep the current file as NAME.bak (a hard link, or a copy where links are not possible);
//   3. rename the temp file over NAME (atomic), then fsync the folder.
// On Windows: ReplaceFileW (which also makes the backup), or MoveFileExW with
// MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH for a new file.
// Any failure removes the temp file and leaves NAME byte-identical. A process killed in
// the middle leaves at most a temp file, removed by cleanupTempFiles() on the next open.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace horizons::store {

struct WriteResult {
    bool ok = false;
    std::string error; // "could not write /x/board.horizons.json: No space left on device"
    explicit operator bool() const { return ok; }
};

WriteResult writeFileAtomically(const std::filesystem::path& target, std::string_view bytes,
                                bool keepBackup = true);

std::filesystem::path backupPathFor(const std::filesystem::path& target); // NAME.bak

// Removes temp files a killed save left next to `target`. Returns how many were removed.
std::size_t cleanupTempFiles(const std::filesystem::path& target);

// Reads a whole file, refusing files larger than maxBytes. Returns an error text or nothing.
std::optional<std::string> readFileBytes(const std::filesystem::path& path, std::size_t maxBytes,
                                         std::string& out);

// Test hook: make the next saves fail at a given step with a given errno-style code
// (e.g. ENOSPC during the write, after half the bytes went out). Not for production use.
namespace testing {
enum class SaveStep { None, Open, Write, Sync, Backup, Rename };
void injectSaveFailure(SaveStep step, int errorCode = 28 /* ENOSPC */);
void clearSaveFailure();
} // namespace testing

} // namespace horizons::store
