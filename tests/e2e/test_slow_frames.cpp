// End-to-end input tests with slow frames (--frame-delay-ms 200, as on a busy laptop, with
// software GL or over a remote desktop): everything typed and clicked between two frames
// must arrive, in order, where it was meant. xdotool sends each burst in one command, so
// all of it reaches the app within one frame.
#include "support/e2e.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <optional>
#include <regex>
#include <string>
#include <thread>

using namespace horizons::test::e2e;
namespace fs = std::filesystem;

namespace {

constexpr const char* kDelay = "200"; // ms per frame

std::optional<Item> waitFor(App& app, const std::string& kind, const std::string& label,
                            Seconds timeout = Seconds(15)) {
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < until) {
        if (auto f = app.latestFrame())
            for (const Item& it : f->items)
                if ((it.kind == kind || (kind == "card" && isGoalItem(it))) && it.label == label)
                    return it;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return std::nullopt;
}

// One xdotool command: its actions reach the window back to back.
bool xdotool(App& app, std::vector<std::string> args) {
    const std::string w = app.windowId();
    if (w.empty()) return false;
    runCommand({"xdotool", "windowfocus", w});
    args.insert(args.begin(), "xdotool");
    return runCommand(args) == 0;
}

bool pointAt(App& app, double x, double y) {
    if (!app.mouseMove(x, y)) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(600)); // a few slow frames of hover
    return true;
}

std::string title(const std::string& s) { return "\"title\": \"" + s + "\""; }

// Saves with Ctrl+S (held the way a person does), waits for "Saved", returns the file.
std::string save(App& app, const fs::path& file) {
    xdotool(app, {"keydown", "ctrl"});
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    xdotool(app, {"key", "s"});
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    xdotool(app, {"keyup", "ctrl"});
    for (int i = 0; i < 100; ++i) {
        if (auto f = app.latestFrame())
            if (const Item* s = f->find("status:saved"); s && s->label.rfind("Saved", 0) == 0)
                return readFileText(file);
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    FAIL("the status line never said Saved; stderr:\n" << app.stderrText());
    return {};
}

struct SlowBoard {
    App app;
    fs::path file;
    Item midColumn; // "2 years": its upper part is empty space

    SlowBoard() : file(app.root() / "plan.horizons.json") {
        fs::copy_file(fs::path(HORIZONS_ASSET_DIR) / "starter.horizons.json", file,
                      fs::copy_options::overwrite_existing);
        REQUIRE(app.start({file.string(), "--size", "1600x1000", "--frame-delay-ms", kDelay}));
        auto col = waitFor(app, "column", "2 years");
        REQUIRE_MESSAGE(col, "no board columns; stderr:\n" << app.stderrText());
        app.settle(col->id);
        col = waitFor(app, "column", "2 years");
        REQUIRE(col);
        midColumn = *col;
    }
    // Empty space near the top of the 2-year column.
    double emptyX() const { return midColumn.cx(); }
    double emptyY() const { return midColumn.y + 0.15 * midColumn.h; }
};

} // namespace

TEST_CASE("slow frames e2e: a double-click at 80 ms on empty space opens the new goal's title") {
    SlowBoard b;
    REQUIRE(pointAt(b.app, b.emptyX(), b.emptyY()));
    REQUIRE(xdotool(b.app, {"click", "--repeat", "2", "--delay", "80", "1"}));
    CHECK_MESSAGE(b.app.waitForItem("input:goal-title", Seconds(15)),
                  "no title editor after the double-click; stderr:\n"
                      << b.app.stderrText());
}

TEST_CASE("slow frames e2e: a 20-character title typed in one burst arrives whole") {
    SlowBoard b;
    const std::string typed = "Mentor two new hires"; // 20 characters
    REQUIRE(typed.size() == 20);
    REQUIRE(pointAt(b.app, b.emptyX(), b.emptyY()));
    // Double-click and type at once, before the editor can have appeared (`type` takes the
    // rest of an xdotool command line, so Enter follows as the next command).
    REQUIRE(xdotool(
        b.app, {"click", "--repeat", "2", "--delay", "80", "1", "type", "--delay", "1", typed}));
    REQUIRE(xdotool(b.app, {"key", "Return"}));
    const auto card = waitFor(b.app, "card", typed, Seconds(30));
    CHECK_MESSAGE(card, "no card titled \"" << typed << "\"");
    const std::string json = save(b.app, b.file);
    CHECK(json.find(title(typed)) != std::string::npos);
}

TEST_CASE("slow frames e2e: a click at once after moving from the map onto a card selects it") {
    SlowBoard b;
    const auto card = waitFor(b.app, "card", "Agree a quarterly career check-in with my manager");
    const auto map = b.app.waitForItem("panel:map-canvas");
    REQUIRE(card);
    REQUIRE(map);
    REQUIRE(pointAt(b.app, map->x + 0.9 * map->w, map->y + 0.9 * map->h)); // the map hovered
    // Onto the card and click, within one slow frame.
    REQUIRE(runCommand({"xdotool", "mousemove", "--window", b.app.windowId(),
                        std::to_string(static_cast<int>(card->cx())),
                        std::to_string(static_cast<int>(card->cy())), "click", "1"}) == 0);
    CHECK_MESSAGE(b.app.waitForItem("input:inspector-title", Seconds(15)),
                  "the click was lost: no inspector");
    CHECK_FALSE(b.app.waitForItem("input:goal-title", Seconds(1))); // and not a double-click
}

TEST_CASE("slow frames e2e: a key typed just before a click lands in the first field") {
    SlowBoard b;
    const auto card = waitFor(b.app, "card", "Agree a quarterly career check-in with my manager");
    REQUIRE(card);
    REQUIRE(pointAt(b.app, card->cx(), card->cy()));
    REQUIRE(xdotool(b.app, {"click", "1"}));
    const auto titleField = b.app.waitForItem("input:inspector-title", Seconds(15));
    const auto notesField = b.app.waitForItem("input:inspector-notes", Seconds(15));
    REQUIRE(titleField);
    REQUIRE(notesField);
    REQUIRE(pointAt(b.app, titleField->cx(), titleField->cy()));
    REQUIRE(xdotool(b.app, {"click", "1"}));
    std::this_thread::sleep_for(std::chrono::milliseconds(800)); // the field is in edit
    // End, a character, and at once a click into the notes: within one slow frame.
    const std::string w = b.app.windowId();
    REQUIRE(runCommand({"xdotool", "key", "End", "exclam"}) == 0);
    REQUIRE(runCommand({"xdotool", "mousemove", "--window", w,
                        std::to_string(static_cast<int>(notesField->cx())),
                        std::to_string(static_cast<int>(notesField->cy())), "click", "1"}) == 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    REQUIRE(xdotool(b.app, {"key", "Escape"})); // leave the notes untouched
    std::this_thread::sleep_for(std::chrono::milliseconds(800));
    const std::string json = save(b.app, b.file);
    CHECK(json.find(title("Agree a quarterly career check-in with my manager!")) !=
          std::string::npos);
    // The notes did not get it.
    const std::regex notesEnd("\"notes\": \"[^\"]*!\"");
    CHECK_FALSE(std::regex_search(json, notesEnd));
}

TEST_CASE("slow frames e2e: Ctrl+S pressed and released within one frame still saves") {
    SlowBoard b;
    REQUIRE(pointAt(b.app, b.emptyX(), b.emptyY()));
    // `xdotool key ctrl+s`: Ctrl down, S down, Ctrl up, S up, back to back.
    REQUIRE(xdotool(b.app, {"key", "ctrl+s"}));
    bool saved = false;
    for (int i = 0; i < 100 && !saved; ++i) {
        if (auto f = b.app.latestFrame())
            if (const Item* s = f->find("status:saved")) saved = s->label.rfind("Saved ", 0) == 0;
        if (!saved) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    CHECK_MESSAGE(saved, "Ctrl+S was taken for a bare S");
}
