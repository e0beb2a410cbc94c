// Atomic saving: the backup, failures that leave the old file byte-identical (read-only
// folder, full disk, injected errors at every step), temp-file cleanup, and kill -9 during
// saves (the file always loads as the old or the new version).
#include "store/atomic_file.hpp"
#include "store/board_file.hpp"
#include "store_test_util.hpp"

#include <doctest/doctest.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

#ifndef _WIN32
#include <csignal>
#include <cstdlib>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

using namespace horizons;
using namespace horizons::store;
using namespace horizons::testutil;
namespace fs = std::filesystem;

namespace {

std::size_t countTempFiles(const fs::path& dir) {
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(dir))
        n += e.path().filename().string().find(".tmp-") != std::string::npos;
    return n;
}

struct ClearInjection {
    ~ClearInjection() { testing::clearSaveFailure(); }
};

} // namespace

TEST_CASE("save keeps the previous version as FILE.bak and leaves no temp files") {
    TempDir dir;
    const fs::path file = dir / "board.horizons.json";
    const Board a = BoardGen(1).make();
    const Board b = BoardGen(2).make();
    REQUIRE(saveBoardFile(a, file));
    CHECK_FALSE(fs::exists(backupPathFor(file))); // nothing to back up the first time
    const std::string bytesA = readBytes(file);
    const SaveResult s = saveBoardFile(b, file);
    REQUIRE(s);
    CHECK(s.bytes == readBytes(file).size());
    CHECK(readBytes(backupPathFor(file)) == bytesA);
    CHECK(*loadBoardFile(file).board == b);
    CHECK(*loadBoardFile(backupPathFor(file)).board == a);
    CHECK(countTempFiles(dir.path) == 0);
    // Binary by extension.
    REQUIRE(saveBoardFile(b, dir / "board.horizons"));
    CHECK(detectFormat(readBytes(dir / "board.horizons")) == FileFormat::Binary);
    // keepBackup = false
    REQUIRE(saveBoardFile(a, dir / "nobak.horizons.json", SaveOptions{{}, false}));
    REQUIRE(saveBoardFile(b, dir / "nobak.horizons.json", SaveOptions{{}, false}));
    CHECK_FALSE(fs::exists(dir / "nobak.horizons.json.bak"));
#ifndef _WIN32
    // The file's permissions are kept.
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
    REQUIRE(saveBoardFile(a, file));
    CHECK((fs::status(file).permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write));
#endif
}

TEST_CASE("an injected failure at any step reports it and leaves the original byte-identical") {
    ClearInjection clear;
    TempDir dir;
    const fs::path file = dir / "board.horizons.json";
    const Board a = BoardGen(3).make(200, 20, 1, 100);
    REQUIRE(saveBoardFile(a, file));
    REQUIRE(saveBoardFile(a, file)); // now a .bak exists too
    const std::string original = readBytes(file);
    const std::string originalBak = readBytes(backupPathFor(file));
    const Board b = BoardGen(4).make(200, 20, 1, 100);
    using testing::SaveStep;
    for (SaveStep step :
         {SaveStep::Open, SaveStep::Write, SaveStep::Sync, SaveStep::Backup, SaveStep::Rename}) {
        CAPTURE(static_cast<int>(step));
        testing::injectSaveFailure(step, ENOSPC);
        const SaveResult r = saveBoardFile(b, file);
        testing::clearSaveFailure();
        CHECK_FALSE(r);
        CHECK(r.error.find("No space left on device") != std::string::npos);
        CHECK(r.error.find("board.horizons.json") != std::string::npos);
        CHECK(readBytes(file) == original);
        CHECK(readBytes(backupPathFor(file)) == originalBak);
        CHECK(countTempFiles(dir.path) == 0);
    }
    CHECK(saveBoardFile(b, file)); // and it works again afterwards
}

#ifndef _WIN32

TEST_CASE("saving into a read-only folder fails cleanly") {
    TempDir dir;
    const fs::path sub = dir / "ro";
    fs::create_directories(sub);
    const fs::path file = sub / "board.horizons.json";
    REQUIRE(saveBoardFile(BoardGen(5).make(), file));
    const std::string original = readBytes(file);
    ::chmod(sub.c_str(), 0555);
    const Board b = BoardGen(6).make();
    if (::geteuid() != 0) {
        const SaveResult r = saveBoardFile(b, file);
        CHECK_FALSE(r);
        CHECK(r.error.find("Permission denied") != std::string::npos);
    } else {
        // Root ignores folder permissions: save from a child that gave up root.
        const pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            if (::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(3);
            const SaveResult r = saveBoardFile(b, file);
            ::_exit(r ? 1 : (r.error.find("Permission denied") != std::string::npos ? 0 : 2));
        }
        int status = 0;
        ::waitpid(pid, &status, 0);
        REQUIRE(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 0);
    }
    CHECK(readBytes(file) == original);
    ::chmod(sub.c_str(), 0755);
    CHECK(countTempFiles(sub) == 0);
}

TEST_CASE("a full disk (a 64 KiB tmpfs, when we may mount one) fails cleanly") {
    TempDir dir;
    const fs::path mnt = dir / "small";
    fs::create_directories(mnt);
    if (::mount("tmpfs", mnt.c_str(), "tmpfs", 0, "size=64k") != 0) {
        MESSAGE("cannot mount a tmpfs here (" << std::strerror(errno)
                                              << "); the injected ENOSPC test covers this");
        return;
    }
    struct Unmount {
        fs::path p;
        ~Unmount() { ::umount(p.c_str()); }
    } unmount{mnt};
    const fs::path file = mnt / "board.horizons.json";
    const Board small = BoardGen(7).make(5, 2, 0);
    REQUIRE(saveBoardFile(small, file, SaveOptions{{}, false}));
    const std::string original = readBytes(file);
    const Board big = BoardGen(8).make(300, 10, 0, 400); // far more than 64 KiB
    const SaveResult r = saveBoardFile(big, file);
    CHECK_FALSE(r);
    CHECK(r.error.find("No space left on device") != std::string::npos);
    CHECK(readBytes(file) == original);
    CHECK(countTempFiles(mnt) == 0);
}

TEST_CASE("leftover temp files are cleaned up on the next open") {
    TempDir dir;
    const fs::path file = dir / "board.horizons.json";
    REQUIRE(saveBoardFile(BoardGen(9).make(), file));
    writeBytes(dir / ".board.horizons.json.tmp-999999999-0", "half a file");
    writeBytes(dir / ".board.horizons.json.bak.tmp-999999999-1", "half a backup");
    writeBytes(dir / ".other.horizons.json.tmp-1-1", "someone else's");
    writeBytes(dir / "notes.txt", "keep me");
    const LoadResult r = loadBoardFile(file);
    REQUIRE(r);
    CHECK(r.tempFilesRemoved == 2);
    CHECK_FALSE(fs::exists(dir / ".board.horizons.json.tmp-999999999-0"));
    CHECK_FALSE(fs::exists(dir / ".board.horizons.json.bak.tmp-999999999-1"));
    CHECK(fs::exists(dir / ".other.horizons.json.tmp-1-1"));
    CHECK(fs::exists(dir / "notes.txt"));
}

TEST_CASE("a file that fails to load is never written by loading") {
    TempDir dir;
    const fs::path file = dir / "broken.horizons.json";
    writeBytes(file, "{\"header\": ");
    const auto before = fs::last_write_time(file);
    CHECK_FALSE(loadBoardFile(file));
    CHECK(readBytes(file) == "{\"header\": ");
    CHECK(fs::last_write_time(file) == before);
}

TEST_CASE("kill -9 during saves, 200+ times: the file is always the old or the new version") {
    TempDir dir;
    const fs::path file = dir / "board.horizons.json";
    // A board of a few MB; two versions to alternate between.
    const Board a = BoardGen(11).make(2000, 150, 0, 700);
    Board b = a;
    b.content.meta.title = "second version";
    const std::string bytesA = serializeJson(a);
    const std::string bytesB = serializeJson(b);
    REQUIRE(bytesA.size() > 2u << 20);
    REQUIRE(writeFileAtomically(file, bytesA));

    // How long one save takes, to spread the kills over it.
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < 3; ++i)
        REQUIRE(writeFileAtomically(file, i % 2 ? bytesA : bytesB));
    const auto perSave =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0)
            .count() /
        3;
    std::mt19937 rng(1234);
    int kills = 0, sawOld = 0, sawNew = 0, withTemp = 0;
    bool fileIsA = readBytes(file) == bytesA;
    double tFork = 0, tReap = 0, tCheck = 0;
    auto ms = [](auto d) { return std::chrono::duration<double, std::milli>(d).count(); };
    const auto start = std::chrono::steady_clock::now();
    for (int round = 0; round < 210; ++round) {
        const auto f0 = std::chrono::steady_clock::now();
        const pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) { // saves the other version, then alternates, until killed
            for (bool writeA = !fileIsA;; writeA = !writeA)
                (void)writeFileAtomically(file, writeA ? bytesA : bytesB);
        }
        const auto wait = std::uniform_int_distribution<long>(0, 2 * perSave + 500)(rng);
        const auto f1 = std::chrono::steady_clock::now();
        std::this_thread::sleep_for(std::chrono::microseconds(wait));
        ::kill(pid, SIGKILL);
        const auto f2 = std::chrono::steady_clock::now();
        int status = 0;
        ::waitpid(pid, &status, 0);
        const auto f3 = std::chrono::steady_clock::now();
        tFork += ms(f1 - f0);
        tReap += ms(f3 - f2);
        ++kills;
        withTemp += countTempFiles(dir.path) > 0;
        const std::string now = readBytes(file);
        const bool isA = now == bytesA, isB = now == bytesB;
        CHECK((isA || isB));
        const bool changed = isA != fileIsA;
        sawOld += !changed;
        sawNew += changed;
        fileIsA = isA;
        if (round % 50 == 0) { // and it loads (this also cleans up the temp files)
            const LoadResult r = loadBoardFile(file);
            CHECK(r);
            CHECK(countTempFiles(dir.path) == 0);
        }
        tCheck += ms(std::chrono::steady_clock::now() - f3);
    }
    const auto secs = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::steady_clock::now() - start)
                          .count() /
                      1000.0;
    MESSAGE(kills << " kills in " << secs << " s on a " << bytesA.size() / 1024
                  << " KiB board (one save ~" << perSave / 1000 << " ms): " << sawOld << " old, "
                  << sawNew << " new, " << withTemp << " left a temp file; fork " << tFork
                  << " ms, reaping " << tReap << " ms, checks " << tCheck << " ms");
    CHECK(kills >= 200);
    CHECK(withTemp > 0); // some kills really landed in the middle of a save
    CHECK(sawOld > 0);   // killed before the rename...
    CHECK(sawNew > 0);   // ...and after it
    CHECK(loadBoardFile(file));
}

#endif // !_WIN32

TEST_CASE("a text with a NUL character is refused by save (it could not be loaded back)") {
    TempDir dir;
    Board b = makeEmptyBoard("ok");
    REQUIRE(saveBoardFile(b, dir / "a.horizons.json"));
    const std::string before = readBytes(dir / "a.horizons.json");
    b.content.meta.owner = std::string("a\0b", 3);
    for (const char* name : {"a.horizons.json", "a.horizons"}) {
        const SaveResult r = saveBoardFile(b, dir / name);
        CHECK_FALSE(r);
        CHECK(r.error.find("NUL") != std::string::npos);
    }
    CHECK(readBytes(dir / "a.horizons.json") == before);
    // And the binary loader refuses one, like the JSON loader.
    const LoadResult r = loadBoardFromBytes(serializeBinary(b), "nul");
    CHECK_FALSE(r);
    CHECK(r.error.find("NUL") != std::string::npos);
}
