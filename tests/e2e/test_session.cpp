// End to end, the session's promises in the real window under Xvfb:
//   - a snapshot shown read only: Ctrl+Z / Ctrl+Y change nothing; back, save, reopen: the
//     card is where it was dragged and the snapshot still exists;
//   - Save as, quit, start with no FILE: the saved-as board opens, with no recovery prompt.
#include "support/e2e.hpp"

#include "store/board_file.hpp"

#include <doctest/doctest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>

using namespace horizons;
using namespace horizons::test::e2e;
namespace fs = std::filesystem;

namespace {

constexpr const char* kCard = "goal:10"; // a six-month goal of the starter board (horizon 1)

Board loadOrFail(const fs::path& p) {
    store::LoadResult r = store::loadBoardFile(p);
    REQUIRE_MESSAGE(r, r.error);
    return std::move(*r.board);
}

void showHistory(App& app) {
    fs::create_directories(app.configDir() / "horizons");
    std::ofstream(app.configDir() / "horizons" / "settings.ini")
        << "panel.history = 1\npanel.bottomHeightEm = 16\n";
}

} // namespace

TEST_CASE("session e2e: undo and redo while a snapshot is shown change nothing; the drag and "
          "the snapshot survive save and reopen") {
    App app;
    const fs::path board = app.root() / "plan.horizons.json";
    fs::copy_file(fs::path(HORIZONS_ASSET_DIR) / "starter.horizons.json", board);
    showHistory(app);
    REQUIRE(app.start({board.string(), "--size", "1600x1000"}));
    REQUIRE_MESSAGE(app.waitForItem(kCard), "stderr:\n" << app.stderrText());
    REQUIRE(waitCardInColumn(app, kCard, "horizon:1"));

    REQUIRE(app.click(*app.waitForItem("menu:view")));
    REQUIRE(app.click(*app.waitForItem("menu:view/take-snapshot")));
    REQUIRE(app.click(*app.waitForItem("button:snapshot-take")));
    const auto view = waitForPrefix(app, "button:snapshot-view:");
    REQUIRE_MESSAGE(view, "no snapshot in the history panel");
    const std::uint64_t snap = std::stoull(view->id.substr(std::strlen("button:snapshot-view:")));

    app.settle(kCard);
    const auto from = app.waitForItem(kCard);
    const auto to = app.waitForItem("horizon:2");
    REQUIRE(app.drag(from->cx(), from->cy(), to->cx(), from->cy(), 12));
    REQUIRE_MESSAGE(waitCardInColumn(app, kCard, "horizon:2"), "the drag did not move the card");

    // Show the snapshot: the card is back in 6 months there, read only.
    REQUIRE(app.click(*app.waitForItem(view->id)));
    REQUIRE(app.waitForItem("banner:snapshot"));
    REQUIRE(waitCardInColumn(app, kCard, "horizon:1"));
    app.key("ctrl+z");
    CHECK_MESSAGE(waitForMessage(app, "read only"), "Ctrl+Z was not refused visibly");
    app.key("ctrl+y");
    std::this_thread::sleep_for(std::chrono::milliseconds(300));

    REQUIRE(app.click(*app.waitForItem("button:snapshot-back")));
    REQUIRE(app.waitForItemGone("banner:snapshot"));
    CHECK_MESSAGE(waitCardInColumn(app, kCard, "horizon:2"), "the live board lost the drag");
    REQUIRE(app.click(*app.waitForItem("menu:file")));
    REQUIRE(app.click(*app.waitForItem("menu:file/save")));
    REQUIRE(waitForMessage(app, "Saved"));
    app.key("ctrl+q");
    REQUIRE(app.waitForExit(Seconds(5)) == 0);

    const Board saved = loadOrFail(board);
    CHECK(saved.snapshots.contains(SnapshotId{snap}));
    const Goal* g = saved.content.goals.find(GoalId{10});
    REQUIRE(g);
    CHECK(g->horizon == orderedHorizons(saved.content)[1]->id); // 2 years

    // Reopened: the same.
    App again;
    REQUIRE(again.start({board.string(), "--size", "1600x1000"}));
    CHECK(waitCardInColumn(again, kCard, "horizon:2"));
    again.key("ctrl+q");
    again.waitForExit(Seconds(5));
}

TEST_CASE("session e2e: after Save as and quit, a start with no FILE opens that board, with "
          "no recovery prompt") {
    App app;
    REQUIRE(app.start({"--size", "1600x1000"})); // the default board, made from the starter
    REQUIRE_MESSAGE(app.waitForItem(kCard), "stderr:\n" << app.stderrText());
    app.settle(kCard);
    const auto from = app.waitForItem(kCard);
    const auto to = app.waitForItem("horizon:2");
    REQUIRE(app.drag(from->cx(), from->cy(), to->cx(), from->cy(), 12));
    REQUIRE(waitCardInColumn(app, kCard, "horizon:2"));
    std::this_thread::sleep_for(std::chrono::milliseconds(2600)); // the autosave runs

    // A bare name: next to the open board, with the board extension added.
    const fs::path saveAs = app.dataDir() / "horizons" / "review-2026.horizons.json";
    REQUIRE(app.click(*app.waitForItem("menu:file")));
    REQUIRE(app.click(*app.waitForItem("menu:file/save-as")));
    REQUIRE(app.waitForItem("input:save-as-path"));
    app.key("ctrl+a");
    app.type("review-2026");
    app.key("Return"); // after the typed keys in the same queue (a click could overtake them)
    if (!waitForMessage(app, "Saved review-2026")) {
        const auto f = app.latestFrame();
        const Item* m = f ? f->find("status:message") : nullptr;
        FAIL("Save as did not save; status: " << (m ? m->label : std::string("(none)")));
    }
    app.key("ctrl+q");
    REQUIRE(app.waitForExit(Seconds(5)) == 0);
    const fs::path recovery = app.dataDir() / "horizons" / "recovery";
    CHECK((!fs::exists(recovery) || fs::is_empty(recovery))); // nothing left to offer

    REQUIRE(app.start({"--size", "1600x1000"}));
    const auto file = app.waitForItem("status:file");
    REQUIRE(file);
    CHECK(file->label == saveAs.string());
    CHECK(waitCardInColumn(app, kCard, "horizon:2"));
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    if (auto f = app.latestFrame()) {
        const Item* m = f->find("status:message");
        CHECK_MESSAGE((!m || m->label.find("Recovered") == std::string::npos),
                      (m ? m->label : std::string()));
        const Item* saved = f->find("status:saved");
        REQUIRE(saved);
        CHECK(saved->label.rfind("Saved", 0) == 0);
    }
    app.key("ctrl+q");
    app.waitForExit(Seconds(5));
}

TEST_CASE("session e2e: a second window on the same board is read only and cannot overwrite "
          "the first one's edits") {
    App first, second;
    const fs::path board = first.root() / "plan.horizons.json";
    fs::copy_file(fs::path(HORIZONS_ASSET_DIR) / "starter.horizons.json", board);
    REQUIRE(first.start({board.string(), "--size", "1600x1000"}));
    REQUIRE_MESSAGE(first.waitForItem(kCard), "stderr:\n" << first.stderrText());
    REQUIRE(second.start({board.string(), "--size", "1600x1000"}));
    REQUIRE_MESSAGE(second.waitForItem(kCard), "stderr:\n" << second.stderrText());
    CHECK(waitForMessage(second, "open in another Horizons"));
    const auto saved = second.waitForItem("status:saved");
    REQUIRE(saved);
    CHECK(saved->label == "Read-only");

    // The first window moves a card and saves; the second quits afterwards (quitting saves
    // pending work, so before the lock it wrote its stale copy over the first one's edit).
    // The second window lies over the first: bring the first to the top for the pointer.
    REQUIRE(runCommand({"xdotool", "windowraise", first.windowId()}) == 0);
    first.settle(kCard);
    const auto from = first.waitForItem(kCard);
    const auto to = first.waitForItem("horizon:2");
    REQUIRE(first.drag(from->cx(), from->cy(), to->cx(), from->cy(), 12));
    REQUIRE(waitCardInColumn(first, kCard, "horizon:2"));
    REQUIRE(first.click(*first.waitForItem("menu:file")));
    REQUIRE(first.click(*first.waitForItem("menu:file/save")));
    REQUIRE(waitForMessage(first, "Saved"));
    second.key("ctrl+q");
    REQUIRE(second.waitForExit(Seconds(5)) == 0);
    first.key("ctrl+q");
    REQUIRE(first.waitForExit(Seconds(5)) == 0);

    const Board b = loadOrFail(board);
    const Goal* g = b.content.goals.find(GoalId{10});
    REQUIRE(g);
    CHECK(g->horizon == orderedHorizons(b.content)[1]->id);
    CHECK_FALSE(fs::exists(board.parent_path() / ".plan.horizons.json.lock")); // released
}
