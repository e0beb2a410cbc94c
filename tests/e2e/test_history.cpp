// End to end, in the real app under Xvfb: take a snapshot, drag a card to another
// horizon, compare the snapshot with now (the change list names the move), restore (the card
// is back), undo (the card is moved again).
#include "support/e2e.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <thread>

using namespace horizons::test::e2e;
namespace fs = std::filesystem;

TEST_CASE("history e2e: snapshot, drag across horizons, compare names the move, restore, undo") {
    App app;
    const fs::path board = app.root() / "plan.horizons.json";
    fs::copy_file(fs::path(HORIZONS_ASSET_DIR) / "starter.horizons.json", board);
    fs::create_directories(app.configDir() / "horizons");
    std::ofstream(app.configDir() / "horizons" / "settings.ini")
        << "panel.history = 1\npanel.bottomHeightEm = 16\n";
    REQUIRE(app.start({board.string(), "--size", "1600x1000"}));

    // "Agree a quarterly career check-in with my manager" sits in 6 months (horizon 1).
    const std::string card = "goal:10";
    REQUIRE_MESSAGE(app.waitForItem(card), "stderr:\n" << app.stderrText());
    REQUIRE(waitCardInColumn(app, card, "horizon:1"));

    // Take a snapshot (View > Take snapshot…, the menu twin of Ctrl+T) and the dialog's button.
    // The menu is used because keyboard focus under a bare Xvfb (no window manager) is not
    // reliable; the shortcuts themselves are covered by the headless tests (tests/ui).
    REQUIRE(app.click(*app.waitForItem("menu:view")));
    REQUIRE(app.click(*app.waitForItem("menu:view/take-snapshot")));
    const auto take = app.waitForItem("button:snapshot-take");
    REQUIRE_MESSAGE(take, "the snapshot dialog did not open");
    REQUIRE(app.click(*take));
    const auto compare = waitForPrefix(app, "button:snapshot-compare:");
    REQUIRE_MESSAGE(compare, "no snapshot in the history panel");
    const std::string snapId = compare->id.substr(std::string("button:snapshot-compare:").size());

    // Drag the card into the 2 years column.
    const auto from = app.waitForItem(card);
    const auto to = app.waitForItem("horizon:2");
    REQUIRE(from);
    REQUIRE(to);
    REQUIRE(app.drag(from->cx(), from->cy(), to->cx(), from->cy(), 12));
    REQUIRE_MESSAGE(waitCardInColumn(app, card, "horizon:2"), "the drag did not move the card");

    // Compare the snapshot with now: the change list names the move.
    REQUIRE(app.click(*app.waitForItem("button:snapshot-compare:" + snapId)));
    const std::string moved = "Moved \"Agree a quarterly career check-in with my manager\" from "
                              "6 months to 2 years";
    bool named = false;
    for (int i = 0; i < 50 && !named; ++i) {
        if (auto f = app.latestFrame())
            for (const auto& it : f->items)
                named = named || (it.kind == "change" && it.label == moved);
        if (!named) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    CHECK_MESSAGE(named, "the change list does not name the move");

    // Restore: the card is back in 6 months.
    REQUIRE(app.click(*app.waitForItem("button:snapshot-restore:" + snapId)));
    CHECK_MESSAGE(waitCardInColumn(app, card, "horizon:1"), "restore did not bring the card back");

    // Undo (Edit > Undo): the moved state again.
    REQUIRE(app.click(*app.waitForItem("menu:edit")));
    REQUIRE(app.click(*app.waitForItem("menu:edit/undo")));
    CHECK_MESSAGE(waitCardInColumn(app, card, "horizon:2"), "undo did not return to the move");

    app.key("ctrl+q");
    app.waitForExit(Seconds(3));
}
