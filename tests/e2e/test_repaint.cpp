// End to end, partial repaints (src/app/frame_cache.hpp): the window repaints only what
// changed, and with --damage-check every partial repaint is compared, pixel for pixel, with
// a whole repaint of the same frame. Hover, select, type, drag: none may differ.
#include "support/e2e.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <thread>

using namespace horizons::test::e2e;
namespace fs = std::filesystem;

TEST_CASE("repaint e2e: partial repaints are pixel for pixel the whole frame") {
    App app;
    const fs::path board = app.root() / "plan.horizons.json";
    fs::copy_file(fs::path(HORIZONS_ASSET_DIR) / "starter.horizons.json", board);
    REQUIRE(app.start({board.string(), "--size", "1600x1000", "--damage-check"}));
    const auto card = app.waitForItem("goal:10");
    REQUIRE_MESSAGE(card, "stderr:\n" << app.stderrText());
    app.settle("goal:10");

    for (int x = 100; x < 1500; x += 200) { // hover across the board and the map
        app.mouseMove(x, 420);
        std::this_thread::sleep_for(std::chrono::milliseconds(150));
    }
    const auto c = app.waitForItem("goal:10"); // select the card: the inspector opens
    REQUIRE(c);
    REQUIRE(app.click(*c));
    const auto title = app.waitForItem("input:inspector-title");
    REQUIRE_MESSAGE(title, "no inspector after the click; stderr:\n" << app.stderrText());
    REQUIRE(app.click(*title));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    app.key("End");
    app.type(" soon");
    std::this_thread::sleep_for(std::chrono::milliseconds(1500)); // the caret blinks
    app.key("Return");
    const auto from = app.waitForItem("goal:10");
    const auto to = app.waitForItem("horizon:2");
    REQUIRE(from);
    REQUIRE(to);
    REQUIRE(app.drag(from->cx(), from->cy(), to->cx(), from->cy() - 40, 10));
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    app.key("ctrl+q");
    const auto exitCode = app.waitForExit(Seconds(20));
    REQUIRE_MESSAGE(exitCode == 0, "exit " << (exitCode ? std::to_string(*exitCode) : "none")
                                           << ", stderr:\n"
                                           << app.stderrText());

    const std::string err = app.stderrText();
    std::smatch m;
    REQUIRE_MESSAGE(
        std::regex_search(err, m, std::regex(R"((\d+) partial repaints, (\d+) differed)")), err);
    CHECK_MESSAGE(std::stoi(m[1]) >= 10, "too few partial repaints: " << err);
    CHECK_MESSAGE(std::stoi(m[2]) == 0, err);
}
