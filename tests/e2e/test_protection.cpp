// End to end, a protected board in the real window under Xvfb: it asks for the passphrase
// (a wrong one is refused and writes nothing), then shows the board; an edit saved with
// Ctrl+S stays sealed, and the board reopens with the passphrase.
#include "support/e2e.hpp"

#include "store/board_file.hpp"
#include "store/protect.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <thread>

using namespace horizons;
using namespace horizons::test::e2e;
namespace fs = std::filesystem;

namespace {

constexpr const char* kCard = "goal:10"; // a six-month goal of the starter board (horizon 1)
constexpr const char* kPass = "open sesame";

bool cardIn(const Frame& f, const std::string& goal, const std::string& horizon) {
    const Item* g = f.find(goal);
    const Item* h = f.find(horizon);
    return g && h && g->cx() >= h->x && g->cx() <= h->x + h->w;
}

bool waitCardIn(App& app, const std::string& goal, const std::string& horizon) {
    for (int i = 0; i < 100; ++i) {
        if (auto f = app.latestFrame(); f && cardIn(*f, goal, horizon)) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
}

// Types `pass` into the unlock dialog's field and presses Enter.
void enterPassphrase(App& app, const std::string& pass) {
    const auto field = app.waitForItem("input:unlock-passphrase");
    REQUIRE_MESSAGE(field, "no passphrase dialog; stderr:\n" << app.stderrText());
    REQUIRE(app.click(*field));
    REQUIRE(app.type(pass));
    REQUIRE(app.key("Return"));
}

} // namespace

TEST_CASE("protection e2e: a protected board asks for its passphrase, opens, saves sealed and "
          "reopens") {
    App app;
    const fs::path board = app.root() / "plan.horizons.json";
    {
        store::LoadResult starter =
            store::loadBoardFile(fs::path(HORIZONS_ASSET_DIR) / "starter.horizons.json");
        REQUIRE(starter);
        store::SaveOptions o;
        o.key = store::BoardKey::derive(kPass, store::kTestKdf);
        REQUIRE(store::saveBoardFile(*starter.board, board, o));
    }
    const std::string sealed = readFileText(board);
    REQUIRE(app.start({board.string(), "--size", "1600x1000"}));

    // A wrong passphrase: said so, the dialog stays, the file is untouched.
    enterPassphrase(app, "not it");
    const auto error = app.waitForItem("text:unlock-error");
    REQUIRE_MESSAGE(error, "a wrong passphrase was not refused visibly");
    CHECK(error->label.find("Wrong passphrase") != std::string::npos);
    CHECK(readFileText(board) == sealed);

    enterPassphrase(app, kPass);
    REQUIRE_MESSAGE(app.waitForItemGone("input:unlock-passphrase"),
                    "the right passphrase did not open the board");
    REQUIRE(app.waitForItem(kCard));
    CHECK(app.waitForItem("status:protected"));
    REQUIRE(waitCardIn(app, kCard, "horizon:1"));

    // Edit (the card one horizon on) and save.
    app.settle(kCard);
    REQUIRE(app.click(*app.waitForItem(kCard)));
    REQUIRE(app.key("ctrl+Right"));
    REQUIRE_MESSAGE(waitCardIn(app, kCard, "horizon:2"), "the card did not move");
    REQUIRE(app.key("ctrl+s"));
    REQUIRE(waitForMessage(app, "Saved"));
    REQUIRE(app.key("ctrl+q"));
    REQUIRE(app.waitForExit(Seconds(30)) == 0); // an ASan exit under a loaded ctest -j2 is slow

    CHECK(store::isProtectedFile(board));
    CHECK_FALSE(store::loadBoardFile(board)); // not readable without the passphrase
    const store::LoadResult saved = store::loadBoardFile(board, kPass);
    REQUIRE_MESSAGE(saved, saved.error);
    const Goal* g = saved.board->content.goals.find(GoalId{10});
    REQUIRE(g);
    CHECK(g->horizon == orderedHorizons(saved.board->content)[1]->id); // 2 years

    // Reopened (with no FILE: where the user left off): asks again, shows the moved card.
    REQUIRE(app.start({"--size", "1600x1000"}));
    enterPassphrase(app, kPass);
    REQUIRE(app.waitForItemGone("input:unlock-passphrase"));
    CHECK(waitCardIn(app, kCard, "horizon:2"));
    REQUIRE(app.key("ctrl+q"));
    CHECK(app.waitForExit(Seconds(30)) == 0);
}
