// End-to-end tests of the board: the real binary under Xvfb on a copy of the starter board,
// real xdotool mouse drags, Ctrl+S, Ctrl+Q, then the saved file is read back.
#include "support/e2e.hpp"

#include <doctest/doctest.h>

#include <cmath>
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
            if ((it.kind == "card" || it.kind == "chip") && it.cx() > column.x &&
                it.cx() < column.x + column.w)
                return it;
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
        app.settle(c->id); // the level of detail follows the fitted zoom a frame later
        if (const auto f = app.latestFrame())
            if (const Item* now = f->find(c->id)) c = *now;
        card = *c;
    }
};

// A goal's stored specificity, exactly as written in the saved JSON.
std::optional<std::string> specificityOfGoal(const std::string& json, const std::string& goalId) {
    const std::regex re("\"id\": " + goalId +
                        ",\\s*\"title\": [^{}]*?\"specificity\": ([-0-9.eE]+)");
    std::smatch m;
    if (!std::regex_search(json, m, re)) return std::nullopt;
    return m[1].str();
}

// The board items (cards, chips, stacks) of the last complete frame of the layout dump,
// with where they stand: the item's top and bottom, the line, and the axis.
struct Placed {
    std::string id, kind;
    double y = 0, h = 0, specificity = 0, lineY = 0, y0 = 0, y1 = 0;
    std::vector<std::string> goals;
};
std::vector<Placed> boardItems(App& app) {
    app.waitForFrame(app.frameCount());
    std::istringstream in(readFileText(app.dumpPath()));
    std::string line, last;
    while (std::getline(in, line))
        if (!line.empty() && line.back() == '}') last = line;
    static const std::regex re(
        "\\{\"id\":\"([^\"]*)\",\"kind\":\"(card|chip|stack)\",\"label\":\"(?:[^\"\\\\]|\\\\.)*\","
        "\"x\":[-0-9.e]+,"
        "\"y\":([-0-9.e]+),\"w\":[-0-9.e]+,\"h\":([-0-9.e]+),\"goals\":\\[([0-9,]*)\\],"
        "\"specificity\":([-0-9.e]+),\"lineY\":([-0-9.e]+),\"y0\":([-0-9.e]+),\"y1\":([-0-9.e]+)"
        "\\}");
    std::vector<Placed> out;
    for (auto it = std::sregex_iterator(last.begin(), last.end(), re); it != std::sregex_iterator();
         ++it) {
        const std::smatch& m = *it;
        Placed p{m[1],
                 m[2],
                 std::stod(m[3]),
                 std::stod(m[4]),
                 std::stod(m[6]),
                 std::stod(m[7]),
                 std::stod(m[8]),
                 std::stod(m[9]),
                 {}};
        std::istringstream ids(m[5].str());
        for (std::string id; std::getline(ids, id, ',');)
            p.goals.push_back(id);
        out.push_back(std::move(p));
    }
    return out;
}

} // namespace

TEST_CASE("board e2e: a sideways drag to another horizon keeps the specificity exactly, after "
          "save and reopen") {
    Started s;
    const std::string gid = idPart(s.card.id);
    const auto stored = specificityOfGoal(readFileText(s.file), gid);
    REQUIRE(stored);
    REQUIRE(s.app.drag(s.card.cx(), s.card.cy(), s.far.cx(), s.card.cy(), 16));
    REQUIRE(waitUntilIn(s.app, s.card.id, s.far));
    saveAndQuitApp(s.app);
    const std::string after = readFileText(s.file);
    CHECK(horizonOfGoal(after, gid) == idPart(s.far.id));
    CHECK(specificityOfGoal(after, gid) == stored);

    App again; // reopen: the card stands for the same value, in its new column
    REQUIRE(again.start({s.file.string(), "--size", "1600x1000"}));
    REQUIRE(again.waitForItem(s.card.id));
    again.settle(s.card.id);
    bool found = false;
    for (const Placed& p : boardItems(again))
        if (p.id == s.card.id) {
            found = true;
            CHECK(p.specificity == doctest::Approx(std::stod(*stored)).epsilon(1e-6));
        }
    CHECK(found);
    REQUIRE(ctrlKey(again, "q"));
    CHECK(again.waitForExit(Seconds(15)) == 0);
}

TEST_CASE("board e2e: at 1280x720 with the history panel open, eight goals in one column stay on "
          "their side of the line, at their height") {
    App app;
    const fs::path file = app.root() / "crowded.horizons.json";
    std::ostringstream goals;
    const double specs[] = {0.44, 0.48, 0.5, 0.51, 0.52, 0.55, 0.58, 0.62};
    for (int i = 0; i < 8; ++i)
        goals << (i ? "," : "") << "{\"cereal_class_version\":1,\"id\":" << 10 + i
              << ",\"title\":\"Crowded goal " << i << "\",\"notes\":\"\",\"horizon\":2,"
              << "\"specificity\":" << specs[i] << ",\"order\":" << i
              << ",\"status\":\"active\",\"target\":\"\",\"tags\":[],\"colour\":\"\","
              << "\"beyondOrg\":false,\"serves\":0,\"dismissedHints\":0,\"created\":0,"
                 "\"updated\":0}";
    std::ofstream(file)
        << "{\"header\":{\"cereal_class_version\":1,\"magic\":\"horizons-board\",\"schema\":1,"
           "\"app\":\"0\"},\"board\":{\"cereal_class_version\":1,\"nextId\":30,\"content\":{"
           "\"cereal_class_version\":1,\"meta\":{\"cereal_class_version\":1,\"title\":\"t\","
           "\"owner\":\"\",\"settings\":{\"cereal_class_version\":1,\"beyondOrgTrust\":4,"
           "\"dismissedBoardHints\":0}},\"horizons\":[{\"cereal_class_version\":1,\"id\":1,"
           "\"name\":\"6 months\",\"months\":6,\"order\":0},{\"id\":2,\"name\":\"2 years\","
           "\"months\":24,\"order\":1},{\"id\":3,\"name\":\"5 years\",\"months\":60,"
           "\"order\":2}],\"goals\":["
        << goals.str()
        << "],\"people\":[],\"links\":[],\"intros\":[],\"conversations\":[]},\"snapshots\":[]}}";
    fs::create_directories(app.configDir() / "horizons");
    std::ofstream(app.configDir() / "horizons" / "settings.ini")
        << "panel.history = 1\npanel.bottomHeightEm = 16\n";
    REQUIRE(app.start({file.string(), "--size", "1280x720"}));
    const auto column = columnNamed(app, "2 years");
    REQUIRE_MESSAGE(column, "no board; stderr:\n" << app.stderrText());
    app.settle(column->id);
    const auto items = boardItems(app);
    std::size_t represented = 0;
    for (const Placed& p : items) {
        CAPTURE(p.id);
        const double travel = p.y1 - p.y0;
        REQUIRE(travel > 0);
        const double centre = (p.y + p.h / 2 - p.y0) / travel; // the specificity it stands at
        CHECK(std::fabs(centre - p.specificity) <= 0.1 + 1e-3);
        if (p.specificity >= 0.5)
            CHECK(p.y >= p.lineY - 0.1); // a destination below the line
        else
            CHECK(p.y + p.h <= p.lineY + 0.1); // a direction above it
        represented += p.goals.size();
    }
    CHECK(represented == 8);
    REQUIRE(ctrlKey(app, "q"));
    CHECK(app.waitForExit(Seconds(15)) == 0);
}

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
    auto person = waitForLabel(s.app, "person:", "Ama Boateng");
    REQUIRE_MESSAGE(person, "Ama Boateng is not on the map");
    s.app.settle(person->id); // the map fits itself to its panel in the first frames
    person = waitForLabel(s.app, "person:", "Ama Boateng");
    REQUIRE(person);
    const std::string pid = idPart(person->id), gid = idPart(s.card.id);
    REQUIRE_FALSE(linked(readFileText(s.file), pid, gid));
    REQUIRE(s.app.drag(person->cx(), person->cy(), s.card.cx(), s.card.cy(), 16));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    saveAndQuitApp(s.app);
    CHECK(linked(readFileText(s.file), pid, gid));
}
