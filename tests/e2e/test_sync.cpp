// End to end, changes made elsewhere: with the board open and an unsaved new goal, another
// program replaces the file with a copy that has a different new goal; Ctrl+S keeps both.
#include "support/e2e.hpp"

#include "store/board_file.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <thread>

using namespace horizons;
using namespace horizons::test::e2e;
namespace fs = std::filesystem;

namespace {

// What a sync tool does: the new content goes to a temp file, renamed over the board.
void replaceLikeASyncTool(const fs::path& board, const std::string& newGoal) {
    store::LoadResult r = store::loadBoardFile(board);
    REQUIRE_MESSAGE(r, r.error);
    Board b = std::move(*r.board);
    Goal g;
    g.id = GoalId{b.nextId++};
    g.title = newGoal;
    g.horizon = orderedHorizons(b.content).back()->id;
    g.specificity = 0.8f;
    b.content.goals.put(g);
    const fs::path tmp = board.parent_path() / ".syncthing.plan.tmp";
    store::SaveOptions plain;
    plain.keepBackup = false;
    REQUIRE(store::saveBoardFile(b, tmp, plain));
    fs::rename(tmp, board);
}

} // namespace

TEST_CASE("sync e2e: the file replaced by another program while a new goal is unsaved; Ctrl+S "
          "keeps both goals") {
    App app;
    const fs::path board = app.root() / "plan.horizons.json";
    fs::copy_file(fs::path(HORIZONS_ASSET_DIR) / "starter.horizons.json", board);
    REQUIRE(app.start({board.string(), "--size", "1600x1000"}));
    auto column = app.waitForItem("horizon:2");
    REQUIRE_MESSAGE(column, "stderr:\n" << app.stderrText());
    app.settle("horizon:2");
    column = app.waitForItem("horizon:2");

    // A new goal typed in the window: double-click empty space high in "2 years".
    REQUIRE(app.mouseMove(column->cx(), column->y + 0.12 * column->h));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    REQUIRE(runCommand({"xdotool", "click", "--repeat", "2", "--delay", "60", "1"}) == 0);
    REQUIRE_MESSAGE(app.waitForItem("input:goal-title"), "no title editor");
    REQUIRE(app.type("Typed in the window"));
    REQUIRE(app.key("Return"));
    REQUIRE_MESSAGE(waitForLabel(app, "goal:", "Typed in the window"),
                    "the new goal is not on the board");

    replaceLikeASyncTool(board, "Written by another program");
    app.key("ctrl+s");
    CHECK_MESSAGE(waitForMessage(app, "merged"), "the save did not say it merged; stderr:\n"
                                                     << app.stderrText());
    CHECK_MESSAGE(waitForLabel(app, "goal:", "Written by another program"),
                  "the other program's goal is not shown");

    store::LoadResult saved = store::loadBoardFile(board);
    REQUIRE_MESSAGE(saved, saved.error);
    bool mine = false, theirs = false;
    for (const Goal& g : saved.board->content.goals) {
        mine = mine || g.title == "Typed in the window";
        theirs = theirs || g.title == "Written by another program";
    }
    CHECK(mine);
    CHECK(theirs);
    app.key("ctrl+q");
    const auto exit = app.waitForExit(Seconds(20));
    std::string last;
    if (auto f = app.latestFrame())
        if (const Item* m = f->find("status:message")) last = m->label;
    CHECK_MESSAGE(exit == 0, "exit " << (exit ? *exit : -1) << ", status line: " << last
                                     << "\nstderr:\n"
                                     << app.stderrText());
}
