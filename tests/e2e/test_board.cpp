// End-to-end tests of the board: the real binary under Xvfb on a copy of the starter board,
// real xdotool mouse drags, Ctrl+S, Ctrl+Q, then the saved file is read back.
#include "support/e2e.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <thread>

using namespace horizons::test::e2e;
namespace fs = std::filesystem;

namespace {

// The horizon id a goal is in, read from the saved JSON.
std::optional<std::string> horizonOfGoal(const std::string& json, const std::string& goalId) {
    const std::regex re("\"id\": " + goalId + ",\\s*\"title\": [^{}]*?\"horizon\": (\\d+)");
    std::smatch m;
    if (!std::regex_search(json, m, re)) return std::nullopt;
    return m[1].str();
}

bool linked(const std::string& json, const std::string& personId, const std::string& goalId) {
    const std::regex re("\"person\": " + personId + ",\\s*\"goal\": " + goalId + ",");
    return std::regex_search(json, re);
}

std::optional<Item> itemLabelled(App& app, const std::string& prefix, const std::string& label) {
    for (int tries = 0; tries < 50; ++tries) {
        if (auto f = app.latestFrame())
            for (const Item& it : f->items)
                if (it.id.rfind(prefix, 0) == 0 && it.label == label) return it;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return std::nullopt;
}

std::optional<Item> columnNamed(App& app, const std::string& name) {
    for (int tries = 0; tries < 50; ++tries) {
        if (auto f = app.latestFrame())
            for (const Item& it : f->items)
                if (it.kind == "column" && it.label == name) return it;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return std::nullopt;
}

// A card whose centre lies in `column`.
std::optional<Item> cardIn(App& app, const Item& column) {
    if (auto f = app.latestFrame())
        for (const Item& it : f->items)
            if (it.kind == "card" && it.cx() > column.x && it.cx() < column.x + column.w) return it;
    return std::nullopt;
}

// Polls until the card's centre is inside `column` (or the time is up).
bool waitUntilIn(App& app, const std::string& cardId, const Item& column) {
    for (int i = 0; i < 50; ++i) {
        if (auto f = app.latestFrame())
            if (const Item* c = f->find(cardId))
                if (c->cx() > column.x && c->cx() < column.x + column.w) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
}

// Ctrl+<key> as a person types it: Ctrl goes down, the key is pressed and released, Ctrl
// comes up. (`xdotool key ctrl+s` releases Ctrl before S; when the app's one-change-per-frame
// key queue puts that release in the frame that sees S go down, the shortcut is lost.)
bool ctrlKey(App& app, const std::string& key) {
    const std::string w = app.windowId();
    runCommand({"xdotool", "windowfocus", w});
    bool ok = runCommand({"xdotool", "keydown", "ctrl"}) == 0;
    std::this_thread::sleep_for(std::chrono::milliseconds(80));
    ok = ok && runCommand({"xdotool", "key", key}) == 0;
    std::this_thread::sleep_for(std::chrono::milliseconds(80));
    return runCommand({"xdotool", "keyup", "ctrl"}) == 0 && ok;
}

void saveAndQuitApp(App& app) {
    REQUIRE(ctrlKey(app, "s"));
    bool saved = false;
    for (int i = 0; i < 50 && !saved; ++i) {
        if (auto f = app.latestFrame())
            if (const Item* s = f->find("status:saved")) saved = s->label.rfind("Saved", 0) == 0;
        if (!saved) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    CHECK_MESSAGE(saved, "the status line never said Saved");
    REQUIRE(ctrlKey(app, "q"));
    const auto status = app.waitForExit(Seconds(15));
    REQUIRE_MESSAGE(status, "the app did not quit");
    CHECK_MESSAGE(*status == 0, "stderr:\n" << app.stderrText());
}

struct Started {
    App app;
    fs::path file;
    Item near, far; // the 6-month and 5-year columns
    Item card;      // a 6-month card

    Started() : file(app.root() / "plan.horizons.json") {
        fs::copy_file(fs::path(HORIZONS_ASSET_DIR) / "starter.horizons.json", file,
                      fs::copy_options::overwrite_existing);
        REQUIRE(app.start({file.string(), "--size", "1600x1000"}));
        auto n = columnNamed(app, "6 months");
        REQUIRE_MESSAGE(n, "no board columns; stderr:\n" << app.stderrText());
        app.settle(n->id);
        n = columnNamed(app, "6 months");
        auto f = columnNamed(app, "5 years");
        REQUIRE(n);
        REQUIRE(f);
        near = *n;
        far = *f;
        auto c = cardIn(app, near);
        REQUIRE_MESSAGE(c, "no card in the 6-month column");
        card = *c;
    }
};

} // namespace

TEST_CASE("board e2e: drag a 6-month card into the 5-year column; it is saved there") {
    Started s;
    const std::string gid = idPart(s.card.id);
    const std::string before = readFileText(s.file);
    REQUIRE(horizonOfGoal(before, gid) == idPart(s.near.id));

    MESSAGE("dragging " << s.card.id << " (" << s.card.label << ") to " << s.far.id);
    REQUIRE(s.app.drag(s.card.cx(), s.card.cy(), s.far.cx(), s.card.cy(), 16));
    CHECK_MESSAGE(waitUntilIn(s.app, s.card.id, s.far),
                  "the card is not drawn in the 5-year column");

    saveAndQuitApp(s.app);
    const std::string after = readFileText(s.file);
    CHECK(horizonOfGoal(after, gid) == idPart(s.far.id));
}

TEST_CASE("board e2e: one Ctrl+Z undoes a whole drag") {
    Started s;
    const std::string gid = idPart(s.card.id);
    REQUIRE(s.app.drag(s.card.cx(), s.card.cy(), s.far.cx(), s.card.cy() - 40, 16));
    REQUIRE(waitUntilIn(s.app, s.card.id, s.far));
    REQUIRE(ctrlKey(s.app, "z"));
    CHECK_MESSAGE(waitUntilIn(s.app, s.card.id, s.near), "undo did not bring the card back");
    saveAndQuitApp(s.app);
    CHECK(horizonOfGoal(readFileText(s.file), gid) == idPart(s.near.id));
}

TEST_CASE("board e2e: a person dragged from the map onto a card is linked to it") {
    Started s;
    auto person = itemLabelled(s.app, "person:", "Ama Boateng");
    REQUIRE_MESSAGE(person, "Ama Boateng is not on the map");
    s.app.settle(person->id); // the map fits itself to its panel in the first frames
    person = itemLabelled(s.app, "person:", "Ama Boateng");
    REQUIRE(person);
    const std::string pid = idPart(person->id), gid = idPart(s.card.id);
    REQUIRE_FALSE(linked(readFileText(s.file), pid, gid));
    REQUIRE(s.app.drag(person->cx(), person->cy(), s.card.cx(), s.card.cy(), 16));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    saveAndQuitApp(s.app);
    CHECK(linked(readFileText(s.file), pid, gid));
}
