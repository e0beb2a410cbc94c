// Keyboard-only use of the whole window (drawApp over a real session, files in memory): F6
// between panels, F10 / Alt for the menu bar, the board's and the map's keys, the focus
// rings, and Enter / Escape in dialogs. No test here moves the mouse.
#include "model/edits.hpp"
#include "support/imgui_fixture.hpp"
#include "support/session_harness.hpp"
#include "ui/app_ui.hpp"

#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <string>
#include <vector>

using namespace horizons;
using horizons::test::ImGuiFixture;

namespace {

struct Keys {
    ImGuiFixture fx{ImVec2(1280, 720)};
    test::SessionHarness sh;
    session::Session& s = sh.s;
    ui::AppUiState state;
    std::vector<HorizonId> cols;

    Keys() {
        for (const auto* h : orderedHorizons(s.live().content()))
            cols.push_back(h->id);
        fx.setDraw([this] { ui::drawApp(state, s); });
        fx.step(2);
    }
    GoalId goal(std::size_t col, double spec, const std::string& title) {
        Goal g;
        g.id = s.newId<GoalId>();
        g.title = title;
        g.horizon = cols[col];
        g.specificity = spec;
        REQUIRE(s.apply(addGoal(s.live().board(), g)));
        return g.id;
    }
    PersonId person(const std::string& name, int trust, double angle) {
        Person p;
        p.id = s.newId<PersonId>();
        p.name = name;
        p.trust = trust;
        p.mapAngle = angle;
        REQUIRE(s.apply(addPerson(s.live().board(), p)));
        return p.id;
    }
    const Goal* get(GoalId g) const { return s.live().content().goals.find(g); }
    // F6 until the keyboard is in `panel` (at most once round all six).
    void focus(const std::string& panel) {
        for (int i = 0; i < 7 && state.keyPanel != panel; ++i)
            fx.key(ImGuiKey_F6);
        REQUIRE(state.keyPanel == panel);
    }
    std::string ring(const char* id) const {
        const auto* it = fx.item(id);
        return it ? it->label : std::string();
    }
    bool menuOpen() const { return ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId); }
};

} // namespace

TEST_CASE("keyboard: F6 and Ctrl+Tab go round the panels shown, the focus ring follows") {
    Keys k;
    CHECK(k.state.keyPanel.empty()); // nothing has the keyboard yet: no ring
    CHECK(k.fx.item("focus:panel") == nullptr);
    k.fx.key(ImGuiKey_F6);
    CHECK(k.state.keyPanel == "board");
    CHECK(k.ring("focus:panel") == "board");
    const auto* ring = k.fx.item("focus:panel");
    const auto* board = k.fx.item("panel:board");
    REQUIRE(ring);
    REQUIRE(board);
    CHECK(ring->x == board->x);
    CHECK(ring->w == board->w);
    k.fx.key(ImGuiKey_F6);
    CHECK(k.ring("focus:panel") == "map");
    k.fx.key(ImGuiKey_Tab, test::Ctrl);
    CHECK(k.ring("focus:panel") == "inspector");
    k.fx.key(ImGuiKey_F6);
    CHECK(k.ring("focus:panel") == "coach");
    k.fx.key(ImGuiKey_F6); // history and prep are hidden by default: round to the board
    CHECK(k.ring("focus:panel") == "board");
    k.fx.key(ImGuiKey_F6, test::Shift);
    CHECK(k.ring("focus:panel") == "coach");

    // Shown panels join the round, the prep as a tab of the side panel brought to the front.
    k.state.panels.history = true;
    k.state.panels.prep = true;
    k.fx.step(2);
    k.fx.key(ImGuiKey_F6);
    CHECK(k.ring("focus:panel") == "history");
    k.fx.key(ImGuiKey_F6);
    CHECK(k.ring("focus:panel") == "prep");
    k.fx.key(ImGuiKey_F6);
    CHECK(k.ring("focus:panel") == "board");
    k.fx.key(ImGuiKey_F6, test::Shift);
    CHECK(k.ring("focus:panel") == "prep");
    k.fx.key(ImGuiKey_F6, test::Shift);
    k.fx.key(ImGuiKey_F6, test::Shift);
    k.fx.key(ImGuiKey_F6, test::Shift);
    CHECK(k.ring("focus:panel") == "inspector");
}

TEST_CASE("keyboard: arrows select on the board, Ctrl+arrows move the card, each press undoable") {
    Keys k;
    const GoalId a = k.goal(0, 0.2, "a");
    const GoalId b = k.goal(0, 0.8, "b");
    const GoalId c = k.goal(1, 0.25, "c");
    k.fx.step(2);
    k.focus("board");
    k.fx.key(ImGuiKey_DownArrow); // no cursor yet: the first card
    CHECK(k.state.shared.selection.goals == std::vector<GoalId>{a});
    CHECK(k.ring("focus:goal") == std::to_string(a.value));
    k.fx.key(ImGuiKey_DownArrow);
    CHECK(k.state.shared.selection.goals == std::vector<GoalId>{b});
    CHECK(k.ring("focus:goal") == std::to_string(b.value));
    k.fx.key(ImGuiKey_UpArrow);
    k.fx.key(ImGuiKey_RightArrow); // nearest in the next column
    CHECK(k.state.shared.selection.goals == std::vector<GoalId>{c});
    k.fx.key(ImGuiKey_LeftArrow);
    CHECK(k.state.shared.selection.goals == std::vector<GoalId>{a});

    // Ctrl+Right: the next horizon; Ctrl+Down: a step towards destination; one undo each.
    k.fx.key(ImGuiKey_RightArrow, test::Ctrl);
    CHECK(k.get(a)->horizon == k.cols[1]);
    k.fx.key(ImGuiKey_DownArrow, test::Ctrl);
    k.fx.key(ImGuiKey_DownArrow, test::Ctrl);
    CHECK(k.get(a)->specificity == doctest::Approx(0.4));
    k.fx.key(ImGuiKey_UpArrow, test::Ctrl); // towards direction
    CHECK(k.get(a)->specificity == doctest::Approx(0.3));
    k.fx.key(ImGuiKey_LeftArrow, test::Ctrl);
    CHECK(k.get(a)->horizon == k.cols[0]);
    CHECK(k.ring("focus:goal") == std::to_string(a.value)); // the ring moves with the card
    k.fx.key(ImGuiKey_Z, test::Ctrl);
    CHECK(k.get(a)->horizon == k.cols[1]);
    CHECK(k.get(a)->specificity == doctest::Approx(0.3));
    k.fx.key(ImGuiKey_Z, test::Ctrl);
    CHECK(k.get(a)->specificity == doctest::Approx(0.4));
    k.fx.key(ImGuiKey_Z, test::Ctrl);
    CHECK(k.get(a)->specificity == doctest::Approx(0.3));
    k.fx.key(ImGuiKey_Z, test::Ctrl);
    CHECK(k.get(a)->specificity == doctest::Approx(0.2));
    CHECK(k.get(a)->horizon == k.cols[1]);
    k.fx.key(ImGuiKey_Z, test::Ctrl);
    CHECK(k.get(a)->horizon == k.cols[0]);
}

TEST_CASE("keyboard: Delete deletes the selected card (undoable), Enter edits its title") {
    Keys k;
    const GoalId a = k.goal(0, 0.2, "Write the plan");
    k.fx.step(2);
    k.focus("board");
    k.fx.key(ImGuiKey_DownArrow);
    REQUIRE(k.state.shared.selection.goals == std::vector<GoalId>{a});
    k.fx.key(ImGuiKey_Enter);
    CHECK(k.state.board.renaming == a);
    k.fx.step();
    k.fx.typeText("Ship the plan");
    k.fx.key(ImGuiKey_Enter);
    CHECK(k.get(a)->title == "Ship the plan");
    CHECK_FALSE(k.state.board.renaming);
    CHECK(k.state.keyPanel == "board"); // the keyboard is still on the board
    k.fx.key(ImGuiKey_Delete);
    CHECK(k.get(a) == nullptr);
    k.fx.key(ImGuiKey_Z, test::Ctrl);
    REQUIRE(k.get(a) != nullptr);
    CHECK(k.get(a)->title == "Ship the plan");
}

TEST_CASE("keyboard: Insert adds a goal in the cursor's column, its title in edit") {
    Keys k;
    k.goal(1, 0.2, "two-year");
    k.fx.step(2);
    k.focus("board");
    k.fx.key(ImGuiKey_DownArrow); // the cursor on the only card, in the second column
    const std::size_t before = k.s.live().content().goals.size();
    k.fx.key(ImGuiKey_Insert);
    REQUIRE(k.s.live().content().goals.size() == before + 1);
    const GoalId g = k.state.board.renaming;
    REQUIRE(g);
    CHECK(k.get(g)->horizon == k.cols[1]);
    k.fx.step();
    k.fx.typeText("Mentor a junior");
    k.fx.key(ImGuiKey_Enter);
    CHECK(k.get(g)->title == "Mentor a junior");
    k.fx.key(ImGuiKey_Z, test::Ctrl); // adding and naming: one step
    CHECK(k.get(g) == nullptr);
}

TEST_CASE("keyboard: on the map arrows move between people, L links the goal, Enter opens") {
    Keys k;
    const GoalId g = k.goal(0, 0.3, "Lead a project");
    const PersonId left = k.person("Ольга", 4, 3.1416);
    const PersonId right = k.person("张伟", 4, 0.0);
    k.fx.step(3);
    k.focus("board");
    k.fx.key(ImGuiKey_DownArrow);
    REQUIRE(k.state.shared.selection.goals == std::vector<GoalId>{g});
    k.focus("map");
    k.fx.key(ImGuiKey_RightArrow); // no cursor yet: the first person
    const PersonId first = k.state.map.cursor;
    REQUIRE(first);
    CHECK(k.ring("focus:person") == std::to_string(first.value));
    k.fx.key(ImGuiKey_RightArrow);
    CHECK(k.state.map.cursor == right);
    k.fx.key(ImGuiKey_LeftArrow);
    CHECK(k.state.map.cursor == left);
    CHECK(k.ring("focus:person") == std::to_string(left.value));
    CHECK(k.state.shared.selection.goals == std::vector<GoalId>{g}); // the goal stays selected
    k.fx.key(ImGuiKey_L);
    const auto links = linksOfGoal(k.s.live().content(), g);
    REQUIRE(links.size() == 1);
    CHECK(links.front()->person == left);
    k.fx.key(ImGuiKey_Z, test::Ctrl);
    CHECK(linksOfGoal(k.s.live().content(), g).empty());
    k.state.panels.inspector = false;
    k.fx.step();
    k.fx.key(ImGuiKey_Enter);
    CHECK(k.state.shared.selection.people == std::vector<PersonId>{left});
    CHECK(k.state.panels.inspector);
}

TEST_CASE("keyboard: F10 and Alt open the menu bar, arrows and Enter work it") {
    Keys k;
    k.fx.key(ImGuiKey_F10);
    CHECK(k.menuOpen());
    CHECK(k.fx.item("menu:file/new") != nullptr);
    k.fx.key(ImGuiKey_Escape);
    CHECK_FALSE(k.menuOpen());
    k.fx.key(ImGuiKey_LeftAlt);
    CHECK(k.menuOpen());
    k.fx.key(ImGuiKey_Escape);
    // Alt held for a shortcut (Alt+X) opens nothing.
    k.fx.keyDown(ImGuiKey_LeftAlt);
    k.fx.key(ImGuiKey_X);
    k.fx.keyUp(ImGuiKey_LeftAlt);
    CHECK_FALSE(k.menuOpen());

    // File > Open… with keys alone: F10, Down, Enter; the dialog answers Escape.
    k.fx.key(ImGuiKey_F10);
    k.fx.key(ImGuiKey_DownArrow);
    k.fx.key(ImGuiKey_Enter);
    k.fx.step();
    CHECK_FALSE(k.fx.item("menu:file/new"));
    REQUIRE(k.fx.item("button:open-cancel") != nullptr);
    k.fx.key(ImGuiKey_Escape);
    k.fx.step();
    CHECK(k.fx.item("button:open-cancel") == nullptr);
}

TEST_CASE("keyboard: every dialog of the shell answers Enter and Escape") {
    Keys k;
    // About: Enter and Escape close it.
    for (ImGuiKey key : {ImGuiKey_Enter, ImGuiKey_Escape}) {
        k.state.showAbout = true;
        k.fx.step(2);
        REQUIRE(k.fx.item("button:about-close") != nullptr);
        k.fx.key(key);
        k.fx.step();
        CHECK(k.fx.item("button:about-close") == nullptr);
    }
    // Board settings: Enter saves what was typed, Escape leaves the board as it was.
    k.state.showBoardSettings = true;
    k.fx.step(2);
    k.fx.key(ImGuiKey_A, test::Ctrl); // the title field has the keyboard: replace it all
    k.fx.typeText("Keyboard plan");
    k.fx.key(ImGuiKey_Enter);
    k.fx.step();
    CHECK(k.s.live().content().meta.title == "Keyboard plan");
    CHECK(k.fx.item("button:board-settings-ok") == nullptr);
    k.state.showBoardSettings = true;
    k.fx.step(2);
    k.fx.key(ImGuiKey_Escape);
    k.fx.step();
    CHECK(k.fx.item("button:board-settings-ok") == nullptr);
    CHECK(k.s.live().content().meta.title == "Keyboard plan");
    // Save as: Enter in the field saves, Escape cancels.
    k.state.saveAsDialog = true;
    k.fx.step(2);
    k.fx.typeText("/boards/keys.horizons.json");
    k.fx.key(ImGuiKey_Enter);
    k.fx.step();
    CHECK(k.s.status().path == "/boards/keys.horizons.json");
    k.state.openDialog = true;
    k.fx.step(2);
    REQUIRE(k.fx.item("button:open-cancel") != nullptr);
    k.fx.key(ImGuiKey_Escape);
    k.fx.step();
    CHECK(k.fx.item("button:open-cancel") == nullptr);
}
