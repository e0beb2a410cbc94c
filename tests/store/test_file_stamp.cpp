// External change detection: a stamp of the file (size, time, identity, content hash) and the
// cheap "still the same?" check — unchanged, rewritten with the same size, touched only,
// replaced by rename, removed.
#include "store/atomic_file.hpp"
#include "store/file_stamp.hpp"
#include "store_test_util.hpp"

#include <doctest/doctest.h>

#include <chrono>

using namespace horizons;
using namespace horizons::store;
using namespace horizons::testutil;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

// A file last written an hour ago, stamped now: its time can be trusted.
FileStamp oldFile(const fs::path& p, const std::string& bytes) {
    writeBytes(p, bytes);
    fs::last_write_time(p, fs::file_time_type::clock::now() - 1h);
    return stampFile(p);
}

} // namespace

TEST_CASE("an unchanged file is the same, without reading it when its time is trusted") {
    TempDir dir;
    const fs::path f = dir / "plan.horizons.json";
    const FileStamp s = oldFile(f, "{\"a\": 1}\n");
    CHECK(s.exists);
    CHECK(s.hashed);
    CHECK(s.size == 9);
    CHECK(s.hash == contentHash("{\"a\": 1}\n"));
    const StampCheck c = checkFileStamp(s, f);
    CHECK(c.same);
    CHECK_FALSE(c.hashed); // size, time and inode agreed: no read
    CHECK(stillSame(s, f));
    const StampCheck sure = checkFileStamp(s, f, true);
    CHECK(sure.same);
    CHECK(sure.hashed);
}

TEST_CASE("a file just written is checked by its content (its time cannot be trusted yet)") {
    TempDir dir;
    const fs::path f = dir / "plan.horizons.json";
    writeBytes(f, "version A");
    const FileStamp s = stampFile(f);
    const StampCheck same = checkFileStamp(s, f);
    CHECK(same.same);
    CHECK(same.hashed);
    // Rewritten at once with the same size: the time may not even have moved.
    const auto t = fs::last_write_time(f);
    writeBytes(f, "version B");
    fs::last_write_time(f, t);
    const StampCheck c = checkFileStamp(s, f);
    CHECK_FALSE(c.same);
    CHECK(c.hashed);
    CHECK(c.now.hash == contentHash("version B"));
}

TEST_CASE("rewritten with the same size and a new time: changed") {
    TempDir dir;
    const fs::path f = dir / "plan.horizons.json";
    const FileStamp s = oldFile(f, "version A");
    writeBytes(f, "version B");
    CHECK_FALSE(stillSame(s, f));
    writeBytes(f, "version A, longer");
    const StampCheck c = checkFileStamp(s, f);
    CHECK_FALSE(c.same);
    CHECK_FALSE(c.hashed); // another size: no need to read
}

TEST_CASE("only touched: the content is the same, so the file is the same") {
    TempDir dir;
    const fs::path f = dir / "plan.horizons.json";
    const FileStamp s = oldFile(f, "version A");
    fs::last_write_time(f, fs::file_time_type::clock::now());
    const StampCheck c = checkFileStamp(s, f);
    CHECK(c.same);
    CHECK(c.hashed);
    CHECK(c.now == s);
    CHECK(c.now.mtimeNs != s.mtimeNs);
}

TEST_CASE("replaced by rename: changed if the content differs, same if it is identical") {
    TempDir dir;
    const fs::path f = dir / "plan.horizons.json";
    const FileStamp s = oldFile(f, "version A");
    // An identical copy renamed over it, with the same old time (as sync tools do).
    writeBytes(dir / "incoming", "version A");
    fs::last_write_time(dir / "incoming", fs::file_time_type::clock::now() - 1h);
    fs::last_write_time(dir / "incoming", fs::last_write_time(f));
    fs::rename(dir / "incoming", f);
    StampCheck c = checkFileStamp(s, f);
    CHECK(c.same);
    CHECK(c.hashed); // another inode: read to be sure
    // A different content of the same size and time, renamed over it.
    const auto t = fs::last_write_time(f);
    writeBytes(dir / "incoming", "version B");
    fs::last_write_time(dir / "incoming", t);
    fs::rename(dir / "incoming", f);
    c = checkFileStamp(s, f);
    CHECK_FALSE(c.same);
    // Our own atomic save gives the stamp of what it wrote: the same as reading it back.
    const WriteResult w = writeFileAtomically(f, "version C");
    REQUIRE(w);
    CHECK(stillSame(w.stamp, f));
    CHECK(w.stamp == stampFile(f));
}

TEST_CASE("a removed file is changed; a file that appears is changed") {
    TempDir dir;
    const fs::path f = dir / "plan.horizons.json";
    const FileStamp s = oldFile(f, "version A");
    fs::remove(f);
    CHECK_FALSE(stillSame(s, f));
    const FileStamp none = stampFile(f);
    CHECK_FALSE(none.exists);
    CHECK(stillSame(none, f));
    writeBytes(f, "new");
    CHECK_FALSE(stillSame(none, f));
    CHECK(contentHash("a") != contentHash("b"));
    CHECK(contentHash("12345678") != contentHash("12345679"));
    CHECK(contentHash("") != contentHash(std::string(1, '\0')));
}
