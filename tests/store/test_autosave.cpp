// Autosave to the recovery file (delay, debounce, wake callback, flush on quit, explicit
// save), recovery at start-up, user data paths and the first-start default board.
#include "store/autosave.hpp"
#include "store/board_file.hpp"
#include "store/paths.hpp"
#include "store_test_util.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <thread>

using namespace horizons;
using namespace horizons::store;
using namespace horizons::testutil;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

template <class F> bool waitFor(F done, std::chrono::milliseconds limit) {
    const auto end = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < end) {
        if (done()) return true;
        std::this_thread::sleep_for(5ms);
    }
    return done();
}

#ifndef _WIN32
struct EnvVar {
    std::string name;
    std::optional<std::string> old;
    EnvVar(std::string n, const std::string& value) : name(std::move(n)) {
        if (const char* v = std::getenv(name.c_str())) old = v;
        ::setenv(name.c_str(), value.c_str(), 1);
    }
    ~EnvVar() {
        if (old)
            ::setenv(name.c_str(), old->c_str(), 1);
        else
            ::unsetenv(name.c_str());
    }
};
#endif

} // namespace

TEST_CASE("autosave writes the recovery file within the delay, then calls wake") {
    TempDir dir;
    const fs::path board = dir / "plan.horizons.json";
    const fs::path rec = recoveryFileFor(board, dir.path);
    CHECK(rec.parent_path() == dir.path / "recovery");
    CHECK(rec.filename().string().size() == 16 + std::string(".horizons.json").size());
    CHECK(recoveryFileFor(board, dir.path) == rec); // stable
    CHECK(recoveryFileFor(dir / "other.horizons.json", dir.path) != rec);

    std::atomic<int> wakes{0};
    Autosaver saver({rec, 150ms, [&] { ++wakes; }});
    const Board b1 = BoardGen(1).make();
    const auto t0 = std::chrono::steady_clock::now();
    saver.changed(std::make_shared<const Board>(b1), 7);
    CHECK(saver.status().pending);
    // Not before the delay...
    std::this_thread::sleep_for(50ms);
    CHECK_FALSE(fs::exists(rec));
    // ...but soon after it.
    REQUIRE(waitFor([&] { return saver.status().writes == 1; }, 3000ms));
    const auto took = std::chrono::steady_clock::now() - t0;
    CHECK(took >= 150ms);
    CHECK(took < 2000ms);
    CHECK(wakes.load() >= 1);
    CHECK(saver.status().savedState == 7);
    const LoadResult r = loadBoardFile(rec);
    REQUIRE(r);
    CHECK(*r.board == b1);

    // The recovery file is newer than the (missing) board file: recovery is found.
    auto found = findRecovery(board, dir.path);
    REQUIRE(found);
    CHECK(found->file == rec);
}

TEST_CASE("changes in quick succession are debounced into one write of the latest board") {
    TempDir dir;
    const fs::path rec = dir / "rec.horizons.json";
    Autosaver saver({rec, 200ms, {}});
    Board b = BoardGen(2).make();
    for (int i = 0; i < 10; ++i) {
        b.content.meta.title = "edit " + std::to_string(i);
        saver.changed(std::make_shared<const Board>(b), static_cast<std::uint64_t>(100 + i));
        std::this_thread::sleep_for(20ms);
    }
    REQUIRE(waitFor([&] { return saver.status().writes >= 1; }, 3000ms));
    std::this_thread::sleep_for(300ms);
    CHECK(saver.status().writes == 1);
    CHECK(saver.status().savedState == 109);
    CHECK(loadBoardFile(rec).board->content.meta.title == "edit 9");
}

TEST_CASE("quitting flushes pending changes at once; flush() too") {
    TempDir dir;
    const fs::path rec = dir / "sub" / "rec.horizons.json"; // folders are created
    const Board b = BoardGen(3).make();
    {
        Autosaver saver({rec, 60s, {}});
        saver.changed(std::make_shared<const Board>(b), 1);
    } // destructor: flush, stop
    REQUIRE(fs::exists(rec));
    CHECK(*loadBoardFile(rec).board == b);

    Board c = b;
    c.content.meta.title = "flushed";
    Autosaver saver({rec, 60s, {}});
    saver.changed(std::make_shared<const Board>(c), 2);
    const auto t0 = std::chrono::steady_clock::now();
    CHECK(saver.flush());
    CHECK(std::chrono::steady_clock::now() - t0 < 5s);
    CHECK(loadBoardFile(rec).board->content.meta.title == "flushed");
}

TEST_CASE("an explicit save drops the pending autosave and the recovery file") {
    TempDir dir;
    const fs::path board = dir / "plan.horizons.json";
    const fs::path rec = recoveryFileFor(board, dir.path);
    const Board b = BoardGen(4).make();
    Autosaver saver({rec, 50ms, {}});
    saver.changed(std::make_shared<const Board>(b), 1);
    REQUIRE(waitFor([&] { return fs::exists(rec); }, 3000ms));
    REQUIRE(findRecovery(board, dir.path));
    // The user saves state 1: the recovery file goes away.
    REQUIRE(saveBoardFile(b, board));
    saver.saved(1);
    REQUIRE(saver.flush());
    CHECK_FALSE(fs::exists(rec));
    CHECK_FALSE(findRecovery(board, dir.path));
    // Newer pending changes are not dropped by saving an older state.
    saver.changed(std::make_shared<const Board>(b), 2);
    saver.saved(1);
    CHECK(saver.status().pending);
}

TEST_CASE("a recovery file older than the board file is stale and not offered") {
    TempDir dir;
    const fs::path board = dir / "plan.horizons.json";
    const fs::path rec = recoveryFileFor(board, dir.path);
    fs::create_directories(rec.parent_path());
    REQUIRE(saveBoardFile(BoardGen(5).make(), rec));
    REQUIRE(saveBoardFile(BoardGen(6).make(), board));
    fs::last_write_time(rec, fs::last_write_time(board) - 10s);
    CHECK_FALSE(findRecovery(board, dir.path));
    fs::last_write_time(rec, fs::last_write_time(board) + 10s);
    CHECK(findRecovery(board, dir.path));
    discardRecovery(board, dir.path);
    CHECK_FALSE(fs::exists(rec));
}

TEST_CASE("a failed autosave reports its error and a later one recovers") {
    TempDir dir;
    fs::create_directories(dir / "blocker");
    const fs::path rec = dir / "blocker"; // a folder where the file should be: cannot replace
    Autosaver saver({rec, 10ms, {}});
    saver.changed(std::make_shared<const Board>(BoardGen(7).make()), 1);
    CHECK_FALSE(saver.flush());
    CHECK_FALSE(saver.status().lastError.empty());
}

TEST_CASE("an autosave that cannot write says why until it works again or the board is saved") {
    TempDir dir;
    const fs::path board = dir / "plan.horizons.json";
    writeBytes(dir / "recovery", "a file where the recovery folder should be");
    const fs::path rec = recoveryFileFor(board, dir.path);
    Autosaver saver({rec, 10ms, {}});
    CHECK(saver.lastError().empty());
    saver.changed(std::make_shared<const Board>(BoardGen(8).make()), 1);
    CHECK_FALSE(saver.flush());
    const std::string error = saver.lastError();
    CHECK(error.find("recovery") != std::string::npos); // names where it tried to write
    CHECK(saver.status().failures == 1);
    saver.changed(std::make_shared<const Board>(BoardGen(9).make()), 2);
    CHECK_FALSE(saver.flush());
    CHECK(saver.status().failures == 2);
    CHECK(saver.status().writes == 0);

    // The user saves the board explicitly: nothing is at risk any more.
    saver.saved(2);
    CHECK(saver.flush());
    CHECK(saver.lastError().empty());
    CHECK(saver.status().failures == 0);

    // The folder is fixed: the next autosave works.
    saver.changed(std::make_shared<const Board>(BoardGen(10).make()), 3);
    CHECK_FALSE(saver.flush());
    CHECK_FALSE(saver.lastError().empty());
    fs::remove(dir / "recovery");
    saver.changed(std::make_shared<const Board>(BoardGen(10).make()), 4);
    CHECK(saver.flush());
    CHECK(saver.lastError().empty());
    CHECK(saver.status().failures == 0);
    CHECK(fs::exists(rec));
}

#ifndef _WIN32
TEST_CASE("user data folder follows XDG_DATA_HOME; the default board is made from the starter") {
    TempDir dir;
    {
        EnvVar xdg("XDG_DATA_HOME", (dir / "xdg").string());
        CHECK(userDataDir() == dir / "xdg" / "horizons");
        CHECK(defaultBoardPath() == dir / "xdg" / "horizons" / "board.horizons.json");
        CHECK(recoveryFileFor(dir / "b.horizons.json").parent_path() ==
              dir / "xdg" / "horizons" / "recovery");

        const DefaultBoard d = ensureDefaultBoard(assetDir());
        INFO(d.error);
        REQUIRE(d.error.empty());
        CHECK(d.created);
        CHECK(d.path == defaultBoardPath());
        const LoadResult r = loadBoardFile(d.path);
        REQUIRE(r);
        // Dates moved to start today.
        const auto starter = loadBoardFile(assetDir() / kStarterAssetName);
        REQUIRE(starter);
        CHECK(r.board->content.goals.size() == starter.board->content.goals.size());
        const int shift = Date::today().days - kStarterAnchor.days;
        const Goal& g =
            *std::find_if(starter.board->content.goals.begin(), starter.board->content.goals.end(),
                          [](const Goal& x) { return x.target.has_value(); });
        CHECK(r.board->content.goals.find(g.id)->target->days == g.target->days + shift);

        // A second start leaves the existing board alone.
        writeBytes(d.path, "not even json");
        const DefaultBoard again = ensureDefaultBoard(assetDir());
        CHECK_FALSE(again.created);
        CHECK(again.error.empty());
        CHECK(readBytes(d.path) == "not even json");
    }
    {
        EnvVar xdg("XDG_DATA_HOME", "relative/path"); // ignored, as the spec says
        EnvVar home("HOME", (dir / "home").string());
        CHECK(userDataDir() == dir / "home" / ".local" / "share" / "horizons");
    }
    // A missing starter asset is an error, not a crash.
    const DefaultBoard bad = ensureDefaultBoard(dir / "no-assets", dir / "x" / "b.horizons.json");
    CHECK_FALSE(bad.created);
    CHECK_FALSE(bad.error.empty());
}
#endif
