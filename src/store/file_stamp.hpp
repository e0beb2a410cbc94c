// file_stamp.hpp — has a file changed since we read or wrote it? (external change detection)
//
//   LoadResult r = loadBoardFile(path);          // r.stamp: the bytes it read
//   ...
//   if (!stillSame(r.stamp, path)) { reload or merge: someone else wrote the file }
//   SaveResult s = saveBoardFile(board, path);   // s.stamp: the bytes it wrote
//
// A stamp holds size, modification and change time, file identity (device + inode: an inode
// freed by a rename can come back, the change time tells) and a 64-bit hash of
// the content. Two stamps are equal (==) when they describe the same content: a file that was
// only touched, or replaced by an identical copy, is the same file for us.
//
// checkFileStamp is cheap: a different size means changed without reading; the same size,
// time and identity mean unchanged without reading, unless the time is too close to when the
// stamp was taken to be trusted (a second write in the same clock tick keeps the time; FAT and
// network folders keep times to 2 s). Only then, or when time or identity differ with the same
// size (touched? rewritten?), is the file read and hashed.
//
// Index
//   FileStamp ....... the stamp; == compares content
//   contentHash ..... the 64-bit hash used
//   stampFile ....... stamp a file (reads it), statFile (metadata only, no hash),
//                     stampFromStat (from a stat(2) result)
//   checkFileStamp .. is the file still what the stamp says? (StampCheck), stillSame
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string_view>

#ifndef _WIN32
struct stat;
#endif

namespace horizons::store {

struct FileStamp {
    bool exists = false;
    std::uint64_t size = 0;
    std::int64_t mtimeNs = 0; // modification time, ns since the epoch
    std::int64_t ctimeNs = 0; // status change time (POSIX; cannot be set back by tools; 0: unknown)
    std::uint64_t device = 0; // with fileId: which file (0 = unknown, e.g. on Windows)
    std::uint64_t fileId = 0; // inode
    std::uint64_t hash = 0;   // contentHash of the bytes (0 with exists == false)
    bool hashed = false;      // hash is set (statFile leaves it unset)
    std::int64_t takenNs = 0; // system clock when the metadata was read

    // Same content: both missing, or both there with the same size and hash.
    friend bool operator==(const FileStamp& a, const FileStamp& b) {
        if (a.exists != b.exists) return false;
        return !a.exists || (a.size == b.size && a.hashed && b.hashed && a.hash == b.hash);
    }
};

// A fast 64-bit hash (FNV-1a, 8 bytes a step, then mixed). Not stable across versions: stamps
// live in memory only.
std::uint64_t contentHash(std::string_view bytes);

// Reads and hashes the file (links followed). A missing or unreadable file: exists == false.
FileStamp stampFile(const std::filesystem::path& path);
// Size, time and identity only (hashed == false).
FileStamp statFile(const std::filesystem::path& path);
#ifndef _WIN32
// The stamp stat(2) gives (no hash), taken now: the one conversion every caller uses.
FileStamp stampFromStat(const struct stat& st);
#endif

// How long after a write its modification time is trusted to change on the next write.
inline constexpr std::chrono::seconds kStampTimeSlack{2};

struct StampCheck {
    bool same = false;   // the content is what `known` says
    bool hashed = false; // the file had to be read to decide
    FileStamp now;       // the file as it is now (hashed when hashed is true)
    explicit operator bool() const { return same; }
};

// Is `path` still what `known` describes? `alwaysHash` reads and hashes even when the metadata
// agrees (e.g. right before overwriting the file).
StampCheck checkFileStamp(const FileStamp& known, const std::filesystem::path& path,
                          bool alwaysHash = false);
inline bool stillSame(const FileStamp& known, const std::filesystem::path& path) {
    return checkFileStamp(known, path).same;
}

} // namespace horizons::store
