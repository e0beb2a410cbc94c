// End-to-end tests of the network map: the real binary under Xvfb, real xdotool mouse drags,
// Ctrl+S, Ctrl+Q, then the saved file is read back.
#include "support/e2e.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <thread>

using namespace horizons::test::e2e;
namespace fs = std::filesystem;

namespace {

// The text of one top-level array of the board content, e.g. section(json, "people").
std::string section(const std::string& json, const std::string& name) {
    const auto a = json.find("\"" + name + "\": [");
    if (a == std::string::npos) return {};
    int depth = 0;
    for (std::size_t i = json.find('[', a); i < json.size(); ++i) {
        if (json[i] == '[')
            ++depth;
        else if (json[i] == ']' && --depth == 0)
            return json.substr(a, i - a + 1);
    }
    return {};
}

std::optional<int> trustOf(const std::string& json, const std::string& personId) {
    const std::regex re("\"id\": " + personId + ",[^{}]*?\"trust\": (\\d)");
    std::smatch m;
    const std::string people = section(json, "people");
    if (!std::regex_search(people, m, re)) return std::nullopt;
    return std::stoi(m[1]);
}

bool hasLink(const std::string& json, const std::string& personId, const std::string& goalId) {
    const std::regex re("\"person\": " + personId + ",\\s*\"goal\": " + goalId + ",");
    const std::string links = section(json, "links");
    return std::regex_search(links, re);
}

struct StarterCopy {
    fs::path file;
    explicit StarterCopy(App& app) : file(app.root() / "plan.horizons.json") {
        fs::copy_file(fs::path(HORIZONS_ASSET_DIR) / "starter.horizons.json", file,
                      fs::copy_options::overwrite_existing);
    }
};

bool statusSaysSaved(App& app, Seconds timeout) {
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < until) {
        if (auto f = app.latestFrame())
            if (const Item* s = f->find("status:saved"))
                if (s->label.rfind("Saved ", 0) == 0) // "Saved HH:MM": saved in this session
                    return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
}

// Ctrl+<key> as separate xdotool steps. `xdotool key ctrl+s` right after a mouse drag
// sometimes delivers the Ctrl release before the S press (seen under Xvfb: the app then gets
// a plain "s"), so the modifier is held explicitly around the key.
bool ctrlChord(App& app, const std::string& key) {
    const std::string w = app.windowId();
    if (w.empty()) return false;
    runCommand({"xdotool", "windowfocus", w});
    bool ok = runCommand({"xdotool", "keydown", "ctrl"}) == 0;
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    ok = runCommand({"xdotool", "key", key}) == 0 && ok;
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    return runCommand({"xdotool", "keyup", "ctrl"}) == 0 && ok;
}

// Ctrl+S, then Ctrl+Q (each retried a few times should a chord still get lost).
void saveAndQuit(App& app) {
    bool saved = false;
    for (int attempt = 1; attempt <= 4 && !saved; ++attempt) {
        REQUIRE(ctrlChord(app, "s"));
        saved = statusSaysSaved(app, Seconds(2));
        if (!saved) MESSAGE("Ctrl+S attempt " << attempt << " not taken");
    }
    REQUIRE_MESSAGE(saved, "the status line never said Saved");
    bool quit = false;
    for (int attempt = 1; attempt <= 4 && !quit; ++attempt) {
        REQUIRE(ctrlChord(app, "q"));
        for (int i = 0; i < 40 && !quit; ++i) { // 4 s
            quit = !app.running();
            if (!quit) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        if (!quit) MESSAGE("Ctrl+Q attempt " << attempt << " not taken");
    }
    const std::optional<int> status = app.waitForExit(Seconds(1));
    REQUIRE_MESSAGE(status, "the app did not quit");
    CHECK_MESSAGE(*status == 0, "stderr:\n" << app.stderrText());
}

// Starts the app on `board` and waits until the map has fitted itself; returns the node
// of Ama Boateng (a person of the starter board).
std::optional<Item> startOnMap(App& app, const StarterCopy& board) {
    REQUIRE(app.start({board.file.string(), "--size", "1600x1000"}));
    REQUIRE_MESSAGE(app.waitForItem("ring:5"), "no map; stderr:\n" << app.stderrText());
    app.settle("ring:5");
    const auto person = waitForLabel(app, "person:", "Ama Boateng");
    REQUIRE_MESSAGE(person, "Ama Boateng is not on the map");
    return person;
}

} // namespace

TEST_CASE("network map e2e: drag a person to the inner ring; their trust is saved") {
    App app;
    StarterCopy board(app);
    const std::string before = readFileText(board.file);
    const std::optional<Item> person = startOnMap(app, board);
    const std::string pid = idPart(person->id);
    REQUIRE(trustOf(before, pid) == std::optional<int>(2));

    const auto ring5 = app.waitForItem("ring:5");
    REQUIRE(ring5);
    const double cx = ring5->cx(), cy = ring5->cy(), r5 = ring5->w / 2;
    const double dx = person->cx() - cx, dy = person->cy() - cy;
    const double len = std::hypot(dx, dy);
    REQUIRE(len > r5);
    // Same direction from the centre, on the innermost ring.
    const double tx = cx + dx / len * r5, ty = cy + dy / len * r5;
    REQUIRE(app.drag(person->cx(), person->cy(), tx, ty, 12));

    // The node is drawn on the inner ring now.
    bool moved = false;
    for (int i = 0; i < 50 && !moved; ++i) {
        if (auto f = app.latestFrame())
            if (const Item* p = f->find(person->id))
                moved = std::hypot(p->cx() - cx, p->cy() - cy) < r5 + ring5->w * 0.05;
        if (!moved) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    CHECK_MESSAGE(moved, "the person did not move to the inner ring");

    saveAndQuit(app);
    const std::string after = readFileText(board.file);
    CHECK(trustOf(after, pid) == std::optional<int>(5));
}

TEST_CASE("network map e2e: drag a goal card onto a person; the link is saved") {
    App app;
    StarterCopy board(app);
    const std::string before = readFileText(board.file);
    const std::optional<Item> person = startOnMap(app, board);
    auto goal = waitForLabel(app, "goal:", "Finish the product management course (modules 1-4)");
    REQUIRE_MESSAGE(goal, "the goal card is not on the board");
    app.settle(goal->id);
    goal = app.waitForItem(goal->id);
    REQUIRE(goal);
    const std::string pid = idPart(person->id), gid = idPart(goal->id);
    REQUIRE_FALSE(hasLink(before, pid, gid));

    MESSAGE("dragging " << goal->id << " from " << goal->cx() << "," << goal->cy() << " to "
                        << person->id << " at " << person->cx() << "," << person->cy());
    REQUIRE(app.drag(goal->cx(), goal->cy(), person->cx(), person->cy(), 16));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    if (auto f = app.latestFrame())
        for (const Item& it : f->items)
            if (it.id.rfind("status:", 0) == 0 || it.id.rfind("input:", 0) == 0)
                MESSAGE(it.id << " = " << it.label);

    saveAndQuit(app);
    const std::string after = readFileText(board.file);
    CHECK(hasLink(after, pid, gid));
    // nothing else moved: the goal stays where it was (still in the file once)
    CHECK(section(after, "goals").find("\"id\": " + gid + ",") != std::string::npos);
}
