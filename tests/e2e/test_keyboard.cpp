// End-to-end, with the keyboard alone (xdotool keys; the pointer is only parked over the
// window, as Xvfb needs for keys to arrive, and never clicks): a new goal, its title, two
// years and towards destination, a person linked, a snapshot, saved, reopened.
#include "support/e2e.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <string>
#include <thread>

using namespace horizons::test::e2e;
namespace fs = std::filesystem;

namespace {

// Ctrl+<key> with Ctrl held around the key (see test_board.cpp).
bool ctrlKey(App& app, const std::string& key) {
    runCommand({"xdotool", "windowfocus", app.windowId()});
    bool ok = runCommand({"xdotool", "keydown", "ctrl"}) == 0;
    std::this_thread::sleep_for(std::chrono::milliseconds(80));
    ok = ok && runCommand({"xdotool", "key", key}) == 0;
    std::this_thread::sleep_for(std::chrono::milliseconds(80));
    return runCommand({"xdotool", "keyup", "ctrl"}) == 0 && ok;
}

bool waitRing(App& app, const std::string& panel) {
    for (int i = 0; i < 50; ++i) {
        if (auto f = app.latestFrame())
            if (const Item* r = f->find("focus:panel"); r && r->label == panel) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
}

void keyAndWait(App& app, const std::string& k) {
    REQUIRE(app.key(k));
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
}

} // namespace

TEST_CASE("keyboard e2e: new goal, title, two years, towards destination, a person linked, "
          "a snapshot, saved and reopened") {
    App app;
    const fs::path file = app.root() / "plan.horizons.json";
    fs::copy_file(fs::path(HORIZONS_ASSET_DIR) / "starter.horizons.json", file);
    REQUIRE(app.start({"--size", "1280x720", file.string()}));
    const auto status = app.waitForItem("status:saved");
    REQUIRE(status);
    app.mouseMove(status->cx(), status->cy()); // parked over the status bar: no click
    REQUIRE(waitForPrefix(app, "person:"));

    keyAndWait(app, "F6");
    REQUIRE(waitRing(app, "board"));
    keyAndWait(app, "Insert"); // a new goal in the first column, its title in edit
    REQUIRE(app.waitForItem("input:goal-title", Seconds(5)));
    REQUIRE(app.type("Keyboard goal"));
    keyAndWait(app, "Return");
    const auto goal = waitForLabel(app, "goal:", "Keyboard goal");
    REQUIRE(goal);
    const std::string gid = idPart(goal->id);
    REQUIRE(ctrlKey(app, "Right")); // the two-year horizon
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
    for (int i = 0; i < 3; ++i) { // towards destination, three steps
        REQUIRE(ctrlKey(app, "Down"));
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
    auto twoYears = waitForLabel(app, "horizon:", "2 years");
    REQUIRE(twoYears);
    CHECK(waitCardInColumn(app, goal->id, twoYears->id));

    keyAndWait(app, "F6");
    REQUIRE(waitRing(app, "map"));
    keyAndWait(app, "Right"); // the first person gets the ring
    const auto ring = app.waitForItem("focus:person", Seconds(5));
    REQUIRE(ring);
    const std::string pid = ring->label;
    keyAndWait(app, "l");

    REQUIRE(ctrlKey(app, "t")); // View > Take snapshot…
    REQUIRE(app.waitForItem("input:snapshot-name", Seconds(5)));
    REQUIRE(app.type("Keyboard snapshot"));
    keyAndWait(app, "Return");
    REQUIRE(app.waitForItemGone("input:snapshot-name", Seconds(5)));

    REQUIRE(ctrlKey(app, "s"));
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    REQUIRE(ctrlKey(app, "q"));
    const auto exit = app.waitForExit(Seconds(30));
    REQUIRE(exit);
    CHECK(*exit == 0);

    const std::string json = readFileText(file);
    CHECK(json.find("Keyboard goal") != std::string::npos);
    CHECK(json.find("Keyboard snapshot") != std::string::npos);
    CHECK(std::regex_search(json, std::regex("\"person\": " + pid + ",\\s*\"goal\": " + gid)));
    CHECK(
        std::regex_search(json, std::regex("\"id\": " + gid +
                                           ",\\s*\"title\": \"Keyboard goal\"[^{}]*?\"horizon\": " +
                                           idPart(twoYears->id))));

    App again; // reopened: all of it is there
    REQUIRE(again.start({"--size", "1280x720", file.string()}));
    CHECK(waitForLabel(again, "goal:", "Keyboard goal"));
    REQUIRE(again.key("ctrl+q"));
    again.waitForExit(Seconds(30));
}
