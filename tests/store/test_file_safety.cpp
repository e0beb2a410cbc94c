// File safety: saving through symbolic links, refusing FIFOs and other non-regular files
// (never hanging), read-only files that load but are never replaced, the same file under
// other names, leftover temp files of killed saves, and stamps of what was read and written.
#include "store/atomic_file.hpp"
#include "store/board_file.hpp"
#include "store/process_info.hpp"
#include "store_test_util.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <future>

#ifndef _WIN32
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

using namespace horizons;
using namespace horizons::store;
using namespace horizons::testutil;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

#ifndef _WIN32
void makeOld(const fs::path& p, std::chrono::seconds age) {
    fs::last_write_time(p, fs::file_time_type::clock::now() - age);
}

// A pid that no process has: a child that has exited and been reaped.
std::uint64_t deadPid() {
    const pid_t pid = ::fork();
    if (pid == 0) ::_exit(0);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return static_cast<std::uint64_t>(pid);
}
#endif

} // namespace

#ifndef _WIN32

TEST_CASE("saving through a symbolic link writes its target; the link stays a link") {
    TempDir dir;
    fs::create_directories(dir / "real");
    const fs::path real = dir / "real" / "plan.horizons.json";
    const fs::path link = dir / "plan.horizons.json";
    const Board a = BoardGen(21).make();
    const Board b = BoardGen(22).make();
    REQUIRE(saveBoardFile(a, real));
    fs::create_symlink("real/plan.horizons.json", link); // relative, to the link's folder
    const std::string bytesA = readBytes(real);

    const SaveResult s = saveBoardFile(b, link);
    REQUIRE(s);
    CHECK(fs::is_symlink(fs::symlink_status(link)));
    CHECK(fs::read_symlink(link) == "real/plan.horizons.json");
    CHECK(*loadBoardFile(real).board == b);
    CHECK(readBytes(dir / "real" / "plan.horizons.json.bak") == bytesA); // beside the target
    CHECK_FALSE(fs::exists(dir / "plan.horizons.json.bak"));
    CHECK(resolveSaveTarget(link) == dir / "real" / "plan.horizons.json");
    for (const auto& e : fs::directory_iterator(dir / "real"))
        CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);

    SUBCASE("a chain of links") {
        fs::create_symlink(link, dir / "again.horizons.json");
        REQUIRE(saveBoardFile(a, dir / "again.horizons.json"));
        CHECK(fs::is_symlink(fs::symlink_status(dir / "again.horizons.json")));
        CHECK(fs::is_symlink(fs::symlink_status(link)));
        CHECK(*loadBoardFile(real).board == a);
    }
    SUBCASE("a dangling link creates its target") {
        const fs::path dangling = dir / "new.horizons.json";
        fs::create_symlink(dir / "real" / "created.horizons.json", dangling);
        REQUIRE(saveBoardFile(a, dangling));
        CHECK(fs::is_symlink(fs::symlink_status(dangling)));
        CHECK(fs::is_regular_file(fs::symlink_status(dir / "real" / "created.horizons.json")));
        CHECK(*loadBoardFile(dangling).board == a);
    }
    SUBCASE("a loop of links is refused, nothing written") {
        fs::create_symlink(dir / "loop2.horizons.json", dir / "loop1.horizons.json");
        fs::create_symlink(dir / "loop1.horizons.json", dir / "loop2.horizons.json");
        const SaveResult r = saveBoardFile(a, dir / "loop1.horizons.json");
        CHECK_FALSE(r);
        CHECK(fs::is_symlink(fs::symlink_status(dir / "loop1.horizons.json")));
    }
}

TEST_CASE("a FIFO, a device or a folder is refused at once as a board, never waited on") {
    TempDir dir;
    const fs::path fifo = dir / "pipe.horizons.json";
    REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
    // If loading opened the FIFO for reading without O_NONBLOCK it would wait for a writer.
    auto loaded = std::async(std::launch::async, [&] { return loadBoardFile(fifo); });
    REQUIRE(loaded.wait_for(10s) == std::future_status::ready);
    const LoadResult r = loaded.get();
    CHECK_FALSE(r);
    CHECK(r.error.find("not a regular file (a FIFO)") != std::string::npos);
    CHECK(checkRegularFile(fifo));

    const LoadResult dev = loadBoardFile("/dev/zero");
    CHECK_FALSE(dev);
    CHECK(dev.error.find("a device") != std::string::npos);
    const LoadResult folder = loadBoardFile(dir.path);
    CHECK_FALSE(folder);
    CHECK(folder.error.find("folder") != std::string::npos);
    CHECK(checkRegularFile(dir / "missing.horizons.json")->find("no such file") !=
          std::string::npos);

    // A link to a FIFO is no better; and saving over a FIFO is refused too.
    fs::create_symlink(fifo, dir / "link.horizons.json");
    CHECK_FALSE(loadBoardFile(dir / "link.horizons.json"));
    const SaveResult s = saveBoardFile(BoardGen(23).make(), fifo);
    CHECK_FALSE(s);
    CHECK(s.error.find("FIFO") != std::string::npos);
    CHECK(fs::is_fifo(fifo));
}

TEST_CASE("a read-only board loads, but no save replaces it; the store says it is read-only") {
    TempDir dir;
    const fs::path file = dir / "plan.horizons.json";
    const Board a = BoardGen(24).make();
    REQUIRE(saveBoardFile(a, file));
    REQUIRE(isWritableBoardFile(file));
    CHECK_FALSE(loadBoardFile(file).readOnly);
    ::chmod(file.c_str(), 0444);
    const std::string before = readBytes(file);

    const LoadResult r = loadBoardFile(file);
    REQUIRE(r);
    CHECK(*r.board == a);
    CHECK(r.readOnly);
    CHECK_FALSE(isWritableBoardFile(file));
    CHECK(whyNotWritable(file)->find("read-only file") != std::string::npos);

    // Root too (access() would allow root): no write bit means read-only.
    const SaveResult s = saveBoardFile(BoardGen(25).make(), file);
    CHECK_FALSE(s);
    CHECK(s.error.find("read-only file") != std::string::npos);
    CHECK(readBytes(file) == before);
    CHECK((fs::status(file).permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read));
    CHECK_FALSE(fs::exists(backupPathFor(file)));
    // Through a link as well.
    fs::create_symlink(file, dir / "link.horizons.json");
    CHECK_FALSE(isWritableBoardFile(dir / "link.horizons.json"));
    CHECK_FALSE(saveBoardFile(BoardGen(25).make(), dir / "link.horizons.json"));
    CHECK(readBytes(file) == before);
    // A file not there yet in a writable folder may be created.
    CHECK(isWritableBoardFile(dir / "new.horizons.json"));
}

TEST_CASE("the same file under another spelling, a link or a hard link is recognised") {
    TempDir dir;
    const fs::path file = dir / "plan.horizons.json";
    REQUIRE(saveBoardFile(BoardGen(26).make(), file));
    fs::create_directories(dir / "sub");
    fs::create_symlink(file, dir / "sym.json");
    fs::create_hard_link(file, dir / "hard.json");
    CHECK(isSameFile(file, file));
    CHECK(isSameFile(file, dir.path / "sub" / ".." / "." / "plan.horizons.json"));
    CHECK(isSameFile(file, dir / "sym.json"));
    CHECK(isSameFile(dir / "hard.json", file));
    CHECK_FALSE(isSameFile(file, dir / "missing.md"));
    writeBytes(dir / "copy.json", readBytes(file));
    CHECK_FALSE(isSameFile(file, dir / "copy.json"));
}

TEST_CASE("cleanup on open spares the temp file of a save still running in another process") {
    TempDir dir;
    const fs::path file = dir / "plan.horizons.json";
    REQUIRE(saveBoardFile(BoardGen(27).make(), file));
    const std::string live = ".plan.horizons.json.tmp-" + std::to_string(currentProcessId()) + "-7";
    const std::string dead = ".plan.horizons.json.tmp-" + std::to_string(deadPid()) + "-0";
    writeBytes(dir / live, "being written");
    writeBytes(dir / dead, "left by a killed save");
    CHECK(loadBoardFile(file).tempFilesRemoved == 1);
    CHECK(fs::exists(dir / live));
    CHECK_FALSE(fs::exists(dir / dead));
    makeOld(dir / live, kTempFileMinAge + 10s); // that old, it is a leftover whoever runs
    CHECK(loadBoardFile(file).tempFilesRemoved == 1);
    CHECK_FALSE(fs::exists(dir / live));
}

TEST_CASE("stale temp files in the data folder are cleaned at start, nothing else") {
    TempDir dir;
    const std::string me = std::to_string(currentProcessId());
    const std::string gone = std::to_string(deadPid());
    const char* ours[] = {".0123456789abcdef.horizons.json.tmp-", ".board.horizons.json.bak.tmp-",
                          ".board.horizons.json.lock.tmp-"};
    for (const char* p : ours) {
        writeBytes(dir / (p + gone + "-3"), "dead writer");
        writeBytes(dir / (p + me + "-4"), "live writer, fresh");
        writeBytes(dir / (p + me + "-5"), "live writer, old");
        makeOld(dir / (p + me + "-5"), 2h);
    }
    // Look-alikes that are not ours, or not files: kept even when old.
    const char* others[] = {
        "board.horizons.json", "board.horizons.json.bak",   "notes.tmp-1-2",
        ".notes.tmp-abc-1",    ".board.horizons.json.tmp-", ".board.horizons.json.tmp-12",
        ".x.tmp-1-2.png",      ".plan.png.tmp-99999999.png"};
    for (const char* o : others) {
        writeBytes(dir / o, "keep");
        makeOld(dir / o, 2h);
    }
    fs::create_directories(dir / (".folder.tmp-" + gone + "-1"));
    fs::create_directories(dir / "recovery");
    writeBytes(dir / "recovery" / (".a.horizons.json.tmp-" + gone + "-1"), "not this folder");

    CHECK(cleanStaleTempFiles(dir.path, 60s) == 6);
    for (const char* p : ours) {
        CHECK_FALSE(fs::exists(dir / (p + gone + "-3")));
        CHECK(fs::exists(dir / (p + me + "-4")));
        CHECK_FALSE(fs::exists(dir / (p + me + "-5")));
    }
    for (const char* o : others)
        CHECK(fs::exists(dir / o));
    CHECK(fs::is_directory(dir / (".folder.tmp-" + gone + "-1")));
    CHECK(fs::exists(dir / "recovery" / (".a.horizons.json.tmp-" + gone + "-1")));
    CHECK(cleanStaleTempFiles(dir / "recovery") == 1);
    CHECK(cleanStaleTempFiles(dir / "no-such-folder") == 0);
}

TEST_CASE("a process killed while autosaving leaves a temp file that start-up cleaning removes") {
    TempDir dir;
    fs::create_directories(dir / "recovery");
    const fs::path rec = dir / "recovery" / "0123456789abcdef.horizons.json";
    const Board big = BoardGen(28).make(3000, 100, 0, 800);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        testing::injectSaveFailure(testing::SaveStep::Sync, 28);
        // Stop for good in the middle of the write, as a kill would.
        const std::string bytes = serializeJson(big);
        (void)writeFileAtomically(rec, bytes, false); // fails, removes its temp file
        const fs::path tmp =
            dir / "recovery" /
            (".0123456789abcdef.horizons.json.tmp-" + std::to_string(::getpid()) + "-9");
        writeBytes(tmp, bytes.substr(0, bytes.size() / 3));
        ::_exit(0);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    REQUIRE(WIFEXITED(status));
    std::size_t before = 0;
    for (const auto& e : fs::directory_iterator(dir / "recovery"))
        before += e.path().filename().string().find(".tmp-") != std::string::npos;
    REQUIRE(before == 1);
    CHECK(cleanStaleTempFiles(dir / "recovery") == 1);
    CHECK(fs::is_empty(dir / "recovery"));
}

#endif // !_WIN32

TEST_CASE("load and save report the stamp of exactly the bytes read and written") {
    TempDir dir;
    const fs::path file = dir / "plan.horizons.json";
    const Board a = BoardGen(29).make();
    const SaveResult s = saveBoardFile(a, file);
    REQUIRE(s);
    CHECK(s.stamp.exists);
    CHECK(s.stamp.size == readBytes(file).size());
    CHECK(s.stamp.hash == contentHash(readBytes(file)));
    const LoadResult r = loadBoardFile(file);
    REQUIRE(r);
    CHECK(r.stamp == s.stamp);
    CHECK(r.stamp.mtimeNs == s.stamp.mtimeNs);
    CHECK(r.stamp.fileId == s.stamp.fileId);
    CHECK(stampFile(file) == r.stamp);
}
