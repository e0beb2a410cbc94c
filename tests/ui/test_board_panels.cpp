// The board's companions driven headlessly: the goal inspector, the coach panel, and the
// horizon operations of the board (context menus, header drag, remove dialog).
#include "ui/board_view.hpp"
#include "ui/coach_view.hpp"
#include "ui/inspector_view.hpp"

#include "model/document.hpp"
#include "model/edits.hpp"
#include "support/imgui_fixture.hpp"
#include "support/view_harness.hpp"

#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>

using namespace horizons;
using namespace horizons::ui;
using horizons::test::ImGuiFixture;

namespace {

struct Panels {
    ImGuiFixture ui;
    Document doc;
    SharedViewState shared;
    BoardViewState board;
    InspectorViewState inspector;
    CoachViewState coach;
    test::ViewHarness views{doc};
    std::vector<HorizonId> cols;

    Panels() {
        for (const auto* h : orderedHorizons(doc.content()))
            cols.push_back(h->id);
        ui.setDraw([this] {
            const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration |
                                           ImGuiWindowFlags_NoSavedSettings |
                                           ImGuiWindowFlags_NoMove;
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(ImVec2(1000, 1000));
            ViewContext ctx = views.context(shared, Date::fromYmd(2026, 11, 25));
            ImGui::Begin("board", nullptr, flags);
            drawBoardView(ctx, board);
            ImGui::End();
            ImGui::SetNextWindowPos(ImVec2(1000, 0));
            ImGui::SetNextWindowSize(ImVec2(600, 700));
            ImGui::Begin("inspector", nullptr, flags);
            drawInspectorView(ctx, inspector);
            ImGui::End();
            ImGui::SetNextWindowPos(ImVec2(1000, 700));
            ImGui::SetNextWindowSize(ImVec2(600, 300));
            ImGui::Begin("coach", nullptr, flags);
            drawCoachView(ctx, coach);
            ImGui::End();
        });
    }
    GoalId goal(std::size_t col, double spec, std::string title = "goal") {
        Goal g;
        g.id = doc.newId<GoalId>();
        g.title = std::move(title);
        g.horizon = cols[col];
        g.specificity = spec;
        doc.apply(addGoal(doc.board(), g));
        return g.id;
    }
    const Goal& get(GoalId id) const {
        const Goal* g = doc.content().goals.find(id);
        REQUIRE(g != nullptr);
        return *g;
    }
    std::string hid(HorizonId h) const { return "horizon:" + std::to_string(h.value); }
    ImVec2 headerOf(HorizonId h) {
        const ColumnBox* col = nullptr;
        for (const ColumnBox& c : board.layout.columns)
            if (c.horizon == h) col = &c;
        REQUIRE(col);
        return toIm(board.nav.xf.toScreen(col->header.center()));
    }
};

} // namespace

TEST_CASE("inspector: the specificity slider moves the goal; one drag is one undo step") {
    Panels p;
    const GoalId g = p.goal(0, 0.1, "Learn the basics of product discovery");
    p.shared.selection.selectOnly(g);
    p.ui.step(3);
    const auto* slider = p.ui.item("input:inspector-specificity");
    REQUIRE(slider);
    const std::size_t depth = p.doc.undoDepth();
    const float y = slider->y + slider->h / 2;
    p.ui.drag(slider->x + 4, y, slider->x + slider->w * 0.5f, y, 4);
    p.ui.drag(slider->x + slider->w * 0.5f, y, slider->x + slider->w * 0.9f, y, 4);
    CHECK(p.get(g).specificity > 0.8);
    CHECK(p.doc.undoDepth() == depth + 2); // two drags, two steps
    p.doc.undo();
    CHECK(p.get(g).specificity == doctest::Approx(0.5).epsilon(0.08));
    p.doc.undo();
    CHECK(p.get(g).specificity == doctest::Approx(0.1));
}

TEST_CASE("inspector: editing the title commits once when the field is left") {
    Panels p;
    const GoalId g = p.goal(1, 0.5, "Old title");
    p.shared.selection.selectOnly(g);
    p.ui.step(2);
    const std::size_t depth = p.doc.undoDepth();
    p.ui.clickItem("input:inspector-title");
    p.ui.key(ImGuiKey_A, test::Ctrl);
    p.ui.typeText("Lead");
    p.ui.typeText(" a team");
    CHECK(p.get(g).title == "Old title"); // nothing until the edit ends
    p.ui.key(ImGuiKey_Enter);
    CHECK(p.get(g).title == "Lead a team");
    CHECK(p.doc.undoDepth() == depth + 1);
}

TEST_CASE(
    "inspector: a person selection goes to the person inspector, several goals to a summary") {
    Panels p;
    const GoalId a = p.goal(0, 0.2), b = p.goal(1, 0.2);
    p.shared.selection.goals = {a, b};
    p.ui.step(2);
    REQUIRE(p.ui.item("button:inspector-delete"));
    p.ui.clickItem("button:inspector-delete");
    CHECK(p.doc.content().goals.empty());
    CHECK(p.shared.selection.goals.empty());
}

TEST_CASE("coach: a hint can be dismissed for its goal, and undo brings it back") {
    Panels p;
    const GoalId g = p.goal(0, 0.2, "No date yet"); // near-term, fuzzy, no date, nobody linked
    p.ui.step(2);
    REQUIRE_FALSE(p.views.derived.hints().empty());
    const std::size_t before = p.views.derived.hints().size();
    const auto* hint = p.ui.item("hint:0");
    REQUIRE(hint);
    p.ui.click(hint->x + 10, hint->y + hint->h / 2);
    CHECK(p.shared.selection.has(g));
    REQUIRE(p.ui.item("button:hint-dismiss:0"));
    p.ui.clickItem("button:hint-dismiss:0");
    p.ui.step();
    CHECK(p.views.derived.hints().size() == before - 1);
    CHECK(p.get(g).dismissedHints != 0);
    p.doc.undo();
    p.ui.step();
    CHECK(p.views.derived.hints().size() == before);
}

TEST_CASE("coach: hints of the same kind name the goal each is about, one below the other") {
    Panels p;
    p.goal(1, 0.3, "Learn to negotiate");
    p.goal(1, 0.3, "Speak at a conference");
    p.ui.step(2);
    std::vector<std::string> subjects;
    float lastBottom = 0;
    for (std::size_t i = 0; i < p.views.derived.hints().size(); ++i) {
        const auto* hint = p.ui.item("hint:" + std::to_string(i));
        const auto* subject = p.ui.item("hint-subject:" + std::to_string(i));
        REQUIRE(hint);
        REQUIRE(subject);
        CHECK(hint->y >= lastBottom); // no hint overlaps the one above
        lastBottom = subject->y + subject->h;
        subjects.push_back(subject->label);
    }
    CHECK(std::count(subjects.begin(), subjects.end(), "Learn to negotiate") >= 1);
    CHECK(std::count(subjects.begin(), subjects.end(), "Speak at a conference") >= 1);
}

TEST_CASE("board horizons: add from the context menu, reorder by dragging a header") {
    Panels p;
    p.ui.step(3);
    // Right click on empty board space -> Add horizon.
    const ImVec2 empty = toIm(p.board.nav.xf.toScreen(p.board.layout.columns[1].rect.center()));
    p.ui.click(empty.x, empty.y, ImGuiMouseButton_Right);
    p.ui.step();
    REQUIRE(p.ui.item("menu:board/add-horizon"));
    p.ui.clickItem("menu:board/add-horizon");
    CHECK(p.doc.content().horizons.size() == 4);
    CHECK(orderedHorizons(p.doc.content()).back()->months == 120);
    p.ui.step(2);

    // Drag the "6 months" header onto the third column.
    const ImVec2 from = p.headerOf(p.cols[0]);
    const ImVec2 to = p.headerOf(p.cols[2]);
    p.ui.drag(from.x, from.y, to.x, to.y, 6);
    auto order = orderedHorizons(p.doc.content());
    CHECK(order[2]->id == p.cols[0]);
    p.doc.undo();
    order = orderedHorizons(p.doc.content());
    CHECK(order[0]->id == p.cols[0]);
}

TEST_CASE("board horizons: removing one asks where its goals go and moves them") {
    Panels p;
    const GoalId g = p.goal(1, 0.4, "Mid-term thing");
    p.ui.step(3);
    const ImVec2 h = p.headerOf(p.cols[1]);
    p.ui.click(h.x, h.y, ImGuiMouseButton_Right);
    p.ui.step();
    REQUIRE(p.ui.item("menu:header/remove-horizon"));
    p.ui.clickItem("menu:header/remove-horizon");
    p.ui.step(2);
    REQUIRE(p.ui.item("button:remove-horizon-ok"));
    p.ui.clickItem("button:remove-horizon-ok");
    CHECK(p.doc.content().horizons.size() == 2);
    CHECK(p.get(g).horizon == p.cols[0]); // the neighbour on the left by default
    CHECK(p.get(g).specificity == doctest::Approx(0.4));
    p.doc.undo();
    CHECK(p.doc.content().horizons.size() == 3);
    CHECK(p.get(g).horizon == p.cols[1]);
}

TEST_CASE("board horizons: double-click a header renames it") {
    Panels p;
    p.ui.step(3);
    const ImVec2 h = p.headerOf(p.cols[2]);
    p.ui.doubleClick(h.x, h.y);
    CHECK(p.board.renamingHorizon == p.cols[2]);
    p.ui.step(2);
    p.ui.key(ImGuiKey_A, test::Ctrl);
    p.ui.typeText("10 years");
    p.ui.key(ImGuiKey_Enter);
    CHECK(p.doc.content().horizons.find(p.cols[2])->name == "10 years");
}

TEST_CASE("board: the card context menu deletes and changes the kind") {
    Panels p;
    const GoalId g = p.goal(0, 0.2, "Fuzzy");
    p.ui.step(3);
    const ImVec2 c = toIm(p.board.nav.xf.toScreen(p.board.layout.find(g)->rect.center()));
    p.ui.click(c.x, c.y, ImGuiMouseButton_Right);
    p.ui.step();
    REQUIRE(p.ui.item("menu:card/kind"));
    p.ui.clickItem("menu:card/kind");
    CHECK(p.get(g).kind() == GoalKind::Destination);
    p.ui.step(2);
    const ImVec2 c2 = toIm(p.board.nav.xf.toScreen(p.board.layout.find(g)->rect.center()));
    p.ui.click(c2.x, c2.y, ImGuiMouseButton_Right); // where the card is now
    p.ui.step();
    REQUIRE(p.ui.item("menu:card/delete"));
    p.ui.clickItem("menu:card/delete");
    CHECK(p.doc.content().goals.empty());
}

TEST_CASE("inspector: a title in edit is kept when another card is clicked") {
    Panels p;
    const GoalId a = p.goal(0, 0.2, "First");
    const GoalId b = p.goal(1, 0.2, "Second");
    p.shared.selection.selectOnly(a);
    p.ui.step(3);
    p.ui.clickItem("input:inspector-title");
    p.ui.key(ImGuiKey_A, test::Ctrl);
    p.ui.typeText("First, renamed");
    const ImVec2 cb = toIm(p.board.nav.xf.toScreen(p.board.layout.find(b)->rect.center()));
    p.ui.click(cb.x, cb.y);
    p.ui.step(2);
    CHECK(p.shared.selection.goals == std::vector<GoalId>{b});
    CHECK(p.get(a).title == "First, renamed");
    CHECK(p.get(b).title == "Second");
}
