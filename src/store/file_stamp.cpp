#include "store/file_stamp.hpp"

#include "store/atomic_file.hpp"

#include <algorithm>
#include <cstring>
#include <string>
#include <system_error>

#ifndef _WIN32
#include <sys/stat.h>
#endif

namespace horizons::store {

namespace fs = std::filesystem;

namespace {

std::int64_t nowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

constexpr std::size_t kNoLimit = static_cast<std::size_t>(-1) / 2;

} // namespace

std::uint64_t contentHash(std::string_view bytes) {
    std::uint64_t h = 0xcbf29ce484222325ull ^ bytes.size();
    constexpr std::uint64_t kPrime = 0x100000001b3ull;
    std::size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, bytes.data() + i, 8);
        h = (h ^ w) * kPrime;
        h ^= h >> 29;
    }
    for (; i < bytes.size(); ++i)
        h = (h ^ static_cast<unsigned char>(bytes[i])) * kPrime;
    // Final mix (splitmix64) so that every input bit reaches every output bit.
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebull;
    return h ^ (h >> 31);
}

#ifndef _WIN32
FileStamp stampFromStat(const struct stat& st) {
    FileStamp s;
    s.exists = true;
    s.size = static_cast<std::uint64_t>(st.st_size);
    s.mtimeNs = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    s.ctimeNs = static_cast<std::int64_t>(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec;
    s.device = static_cast<std::uint64_t>(st.st_dev);
    s.fileId = static_cast<std::uint64_t>(st.st_ino);
    s.takenNs = nowNs();
    return s;
}
#endif

FileStamp statFile(const fs::path& path) {
    FileStamp s;
    s.takenNs = nowNs();
#ifndef _WIN32
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return s;
    const std::int64_t taken = s.takenNs; // before the stat, as it always was
    s = stampFromStat(st);
    s.takenNs = taken;
#else
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return s;
    const auto size = fs::file_size(path, ec);
    if (ec) return s;
    const auto time = fs::last_write_time(path, ec);
    if (ec) return s;
    s.exists = true;
    s.size = size;
    s.mtimeNs =
        std::chrono::duration_cast<std::chrono::nanoseconds>(time.time_since_epoch()).count();
#endif
    return s;
}

FileStamp stampFile(const fs::path& path) {
    std::string bytes;
    FileStamp s;
    if (readFileBytes(path, kNoLimit, bytes, &s)) {
        FileStamp none;
        none.takenNs = nowNs();
        return none;
    }
    return s;
}

StampCheck checkFileStamp(const FileStamp& known, const fs::path& path, bool alwaysHash) {
    StampCheck c;
    c.now = statFile(path);
    if (!c.now.exists || !known.exists) {
        c.same = c.now.exists == known.exists;
        return c;
    }
    if (c.now.size != known.size) return c; // changed, no need to read
    const bool sameMeta = c.now.mtimeNs == known.mtimeNs && c.now.ctimeNs == known.ctimeNs &&
                          c.now.device == known.device && c.now.fileId == known.fileId;
    if (!known.hashed) { // nothing to compare the content with
        c.same = sameMeta;
        return c;
    }
    const std::int64_t slack =
        std::chrono::duration_cast<std::chrono::nanoseconds>(kStampTimeSlack).count();
    // A later write sets the time to its own clock tick: only a time in the same tick as the
    // stamp (or within a coarse file system's 2 s) could stay unchanged across it.
    const bool trusted = known.takenNs - known.mtimeNs > slack;
    if (sameMeta && trusted && !alwaysHash) {
        c.same = true;
        return c;
    }
    c.now = stampFile(path);
    c.hashed = true;
    c.same = c.now == known;
    return c;
}

} // namespace horizons::store
