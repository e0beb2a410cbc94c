// Board view (src/ui/board_view.hpp) driven headlessly: synthetic mouse and keys, one input
// change per frame, through the shared ImGui fixture.
#include "ui/board_view.hpp"

#include "model/document.hpp"
#include "model/edits.hpp"
#include "support/imgui_fixture.hpp"
#include "support/view_harness.hpp"

#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>

using namespace horizons;
using namespace horizons::ui;
using horizons::test::ImGuiFixture;

namespace {

constexpr float kWinW = 1200, kWinH = 900; // the board window; the display is 1600x1000

struct BoardHarness {
    ImGuiFixture ui;
    Document doc;
    SharedViewState shared;
    BoardViewState st;
    test::ViewHarness views{doc};
    std::vector<HorizonId> cols;

    BoardHarness() {
        for (const auto* h : orderedHorizons(doc.content()))
            cols.push_back(h->id);
        ui.setDraw([this] {
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(ImVec2(kWinW, kWinH));
            ImGui::Begin("board", nullptr,
                         ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                             ImGuiWindowFlags_NoMove);
            ViewContext ctx = views.context(shared, Date::fromYmd(2026, 11, 25));
            drawBoardView(ctx, st);
            ImGui::End();
        });
    }

    GoalId goal(std::size_t col, double spec, std::string title = "goal", double order = 0) {
        Goal g;
        g.id = doc.newId<GoalId>();
        g.title = std::move(title);
        g.horizon = cols[col];
        g.specificity = spec;
        g.order = order;
        doc.apply(addGoal(doc.board(), g));
        return g.id;
    }
    const Goal& get(GoalId id) const {
        const Goal* g = doc.content().goals.find(id);
        REQUIRE(g != nullptr);
        return *g;
    }
    // Draws a couple of frames so the layout, the fit and the registry are current.
    void settle() { ui.step(3); }

    ImVec2 toScreen(Vec2f world) const { return toIm(st.nav.xf.toScreen(world)); }
    Rectf cardWorld(GoalId g) const {
        const CardBox* k = st.layout.find(g);
        REQUIRE(k != nullptr);
        return k->rect;
    }
    ImVec2 cardCentre(GoalId g) const { return toScreen(cardWorld(g).center()); }
    // The screen point to drag the card's centre to so that it lands in column `col` at
    // `spec`: a drag moves the specificity by its height on the axis (wherever the card is
    // drawn), and a drag without height keeps it.
    ImVec2 targetFor(GoalId g, std::size_t col, double spec) const {
        const BoardLayoutParams& p = st.layout.params;
        const ColumnBox& c = st.layout.columns[col];
        const Rectf r = cardWorld(g);
        const double dy = (spec - get(g).specificity) * (p.bandHeight - p.cardHeight);
        return toScreen({c.rect.center().x, r.center().y + static_cast<float>(dy)});
    }
};

} // namespace

TEST_CASE("board: drawing registers cards and columns") {
    BoardHarness h;
    const GoalId a = h.goal(0, 0.2, "Lead a small project");
    h.settle();
    REQUIRE(h.ui.item("goal:" + std::to_string(a.value)));
    CHECK(h.ui.item("goal:" + std::to_string(a.value))->kind == "card");
    for (HorizonId c : h.cols) {
        const auto* col = h.ui.item("horizon:" + std::to_string(c.value));
        REQUIRE(col);
        CHECK(col->kind == "column");
    }
    CHECK(h.st.visibleCards == 1);
    // The fitted board is inside the window.
    CHECK(h.st.nav.xf.zoom > 0.3f);
    const Rectf b = h.st.nav.xf.toScreenRect(h.st.layout.bounds);
    CHECK(b.min.x >= 0);
    CHECK(b.max.x <= kWinW);
}

TEST_CASE("board: dragging a card from 6 months to 5 years changes horizon and specificity; one "
          "undo restores both") {
    BoardHarness h;
    const GoalId g = h.goal(0, 0.2, "Shadow the product team");
    h.settle();
    const std::size_t depth = h.doc.undoDepth();
    const ImVec2 from = h.cardCentre(g);
    const ImVec2 to = h.targetFor(g, 2, 0.8);
    h.ui.drag(from.x, from.y, to.x, to.y, 6);
    CHECK(h.get(g).horizon == h.cols[2]);
    CHECK(h.get(g).specificity == doctest::Approx(0.8).epsilon(0.005));
    CHECK(h.doc.undoDepth() == depth + 1);
    CHECK(h.shared.selection.has(g));

    REQUIRE(h.doc.undo());
    CHECK(h.get(g).horizon == h.cols[0]);
    CHECK(h.get(g).specificity == doctest::Approx(0.2));
}

TEST_CASE("board: a sideways drag keeps the stored specificity exactly, even from a crowd") {
    BoardHarness h;
    // A crowd near the line: the cards are drawn off their exact place (sub-lanes, pushed
    // away from the line), which the drop used to take for the new specificity.
    std::vector<GoalId> crowd;
    for (int i = 0; i < 6; ++i)
        crowd.push_back(h.goal(0, 0.5 + 0.01 * i, "crowd " + std::to_string(i), i));
    h.settle();
    const GoalId g = crowd[3];
    const double stored = h.get(g).specificity;
    const Rectf drawn = h.cardWorld(g);
    CHECK(std::fabs(specificityAtPlace(h.st.layout.params, drawn.center().y) - stored) > 1e-3);
    const ImVec2 from = h.cardCentre(g);
    const float colStep = h.st.layout.columns[1].rect.min.x - h.st.layout.columns[0].rect.min.x;
    const ImVec2 to(from.x + colStep * h.st.nav.xf.zoom, from.y + 3); // a little wobble
    h.ui.drag(from.x, from.y, to.x, to.y, 6);
    CHECK(h.get(g).horizon == h.cols[1]);
    CHECK(h.get(g).specificity == stored); // exactly
}

TEST_CASE("board: while dragging, a ghost and the axis label say where the card lands") {
    BoardHarness h;
    const GoalId g = h.goal(0, 0.3, "Moving");
    h.settle();
    const ImVec2 from = h.cardCentre(g);
    const ImVec2 to = h.targetFor(g, 1, 0.7);
    h.ui.moveMouse(from.x, from.y);
    h.ui.press();
    h.ui.moveMouse((from.x + to.x) / 2, (from.y + to.y) / 2);
    h.ui.moveMouse(to.x, to.y);
    h.ui.step();
    REQUIRE(h.st.gesture == BoardViewState::Gesture::DragCards);
    CHECK(h.st.dropSpecificity == doctest::Approx(0.7).epsilon(0.005));
    const auto* label = h.ui.item("board:drop-label");
    REQUIRE(label);
    CHECK(label->label.rfind("Destination", 0) == 0);
    h.ui.moveMouse(to.x, from.y); // back to the starting height: kept, a direction
    h.ui.step();
    CHECK(h.st.dropKeepsSpecificity);
    REQUIRE(h.ui.item("board:drop-label"));
    CHECK(h.ui.item("board:drop-label")->label.rfind("Direction", 0) == 0);
    h.ui.release();
    CHECK(h.get(g).specificity == 0.3);
}

TEST_CASE("board: the target column highlights while dragging") {
    BoardHarness h;
    const GoalId g = h.goal(0, 0.5);
    h.settle();
    const ImVec2 from = h.cardCentre(g);
    const ImVec2 to = h.targetFor(g, 1, 0.5);
    h.ui.moveMouse(from.x, from.y);
    h.ui.press();
    h.ui.moveMouse((from.x + to.x) / 2, from.y);
    h.ui.moveMouse(to.x, to.y);
    CHECK(h.st.gesture == BoardViewState::Gesture::DragCards);
    CHECK(h.st.dropHorizon == h.cols[1]);
    h.ui.release();
    CHECK(h.get(g).horizon == h.cols[1]);
}

TEST_CASE("board: Escape cancels a drag") {
    BoardHarness h;
    const GoalId g = h.goal(0, 0.3);
    h.settle();
    const std::size_t depth = h.doc.undoDepth();
    const ImVec2 from = h.cardCentre(g);
    const ImVec2 to = h.targetFor(g, 2, 0.9);
    h.ui.moveMouse(from.x, from.y);
    h.ui.press();
    h.ui.moveMouse(from.x + 40, from.y + 10);
    h.ui.moveMouse(to.x, to.y);
    h.ui.keyDown(ImGuiKey_Escape);
    h.ui.keyUp(ImGuiKey_Escape);
    h.ui.moveMouse(to.x + 5, to.y + 5);
    h.ui.release();
    CHECK(h.get(g).horizon == h.cols[0]);
    CHECK(h.get(g).specificity == doctest::Approx(0.3));
    CHECK(h.doc.undoDepth() == depth);
    CHECK(h.st.gesture == BoardViewState::Gesture::None);
}

TEST_CASE("board: a click selects, Ctrl-click adds, a click on empty space clears") {
    BoardHarness h;
    const GoalId a = h.goal(0, 0.1);
    const GoalId b = h.goal(1, 0.1);
    h.settle();
    const ImVec2 ca = h.cardCentre(a), cb = h.cardCentre(b);
    h.ui.click(ca.x, ca.y);
    CHECK(h.shared.selection.goals == std::vector<GoalId>{a});
    h.ui.setMods(test::Ctrl);
    h.ui.click(cb.x, cb.y);
    h.ui.setMods(test::NoMods);
    CHECK(h.shared.selection.goals == std::vector<GoalId>{a, b});
    h.ui.setMods(test::Ctrl);
    h.ui.click(ca.x, ca.y); // Ctrl-click again removes
    h.ui.setMods(test::NoMods);
    CHECK(h.shared.selection.goals == std::vector<GoalId>{b});
    const ImVec2 empty =
        h.toScreen({h.st.layout.columns[2].rect.center().x, h.cardWorld(b).max.y + 200});
    h.ui.click(empty.x, empty.y + 0);
    CHECK(h.shared.selection.goals.empty());
}

TEST_CASE("board: rubber band selects exactly the cards inside") {
    BoardHarness h;
    const GoalId a = h.goal(0, 0.3, "a");
    const GoalId b = h.goal(0, 0.45, "b");
    const GoalId c = h.goal(0, 1.0, "c");
    const GoalId d = h.goal(1, 0.3, "d");
    h.settle();
    const float e = h.st.layout.params.em;
    const Rectf ra = h.cardWorld(a), rb = h.cardWorld(b);
    const ImVec2 p0 =
        h.toScreen({h.st.layout.columns[0].rect.min.x + 0.2f * e, ra.min.y - 0.4f * e});
    const ImVec2 p1 = h.toScreen({ra.max.x + 0.3f * e, rb.max.y + 0.3f * e});
    REQUIRE_FALSE(h.cardWorld(c).overlaps(
        rectFromCorners(h.st.nav.xf.toWorld(fromIm(p0)), h.st.nav.xf.toWorld(fromIm(p1)))));
    h.ui.drag(p0.x, p0.y, p1.x, p1.y, 5);
    CHECK(h.shared.selection.goals == std::vector<GoalId>{a, b});
    (void)d;
    // Nothing moved.
    CHECK(h.get(a).specificity == doctest::Approx(0.3));
}

TEST_CASE("board: dragging several cards keeps their relative layout") {
    BoardHarness h;
    const GoalId a = h.goal(0, 0.2, "a");
    const GoalId b = h.goal(0, 0.6, "b");
    const GoalId other = h.goal(1, 0.9, "other");
    h.settle();
    const ImVec2 ca = h.cardCentre(a), cb = h.cardCentre(b);
    h.ui.click(ca.x, ca.y);
    h.ui.setMods(test::Ctrl);
    h.ui.click(cb.x, cb.y);
    h.ui.setMods(test::NoMods);
    REQUIRE(h.shared.selection.goals.size() == 2);
    const ImVec2 to = h.targetFor(a, 1, 0.3);
    h.ui.drag(ca.x, ca.y, to.x, to.y, 6);
    CHECK(h.get(a).horizon == h.cols[1]);
    CHECK(h.get(b).horizon == h.cols[1]);
    CHECK(h.get(a).specificity == doctest::Approx(0.3).epsilon(0.02));
    CHECK(h.get(b).specificity - h.get(a).specificity == doctest::Approx(0.4).epsilon(0.02));
    CHECK(h.get(other).horizon == h.cols[1]);
    // One step for the whole group.
    h.doc.undo();
    CHECK(h.get(a).horizon == h.cols[0]);
    CHECK(h.get(b).horizon == h.cols[0]);
}

TEST_CASE("board: double-click on empty space creates a goal there with its title in edit") {
    BoardHarness h;
    h.settle();
    const std::size_t depth = h.doc.undoDepth();
    const BoardLayoutParams& p = h.st.layout.params;
    const ImVec2 at = h.toScreen(
        {h.st.layout.columns[1].rect.center().x, yForSpecificity(p, 0.7) + p.cardHeight * 0.5f});
    h.ui.doubleClick(at.x, at.y);
    REQUIRE(h.doc.content().goals.size() == 1);
    const Goal g = h.doc.content().goals.items().front();
    CHECK(g.horizon == h.cols[1]);
    CHECK(g.specificity == doctest::Approx(0.7).epsilon(0.03));
    CHECK(h.st.renaming == g.id);
    h.ui.step(2);
    CHECK(ImGui::GetIO().WantTextInput);
    h.ui.key(ImGuiKey_A, test::Ctrl); // select all text (AutoSelectAll already does) then replace
    h.ui.typeText("Learn SQL");
    h.ui.key(ImGuiKey_Enter);
    CHECK(h.get(g.id).title == "Learn SQL");
    CHECK_FALSE(h.st.renaming);
    // Create + name = one undo step.
    CHECK(h.doc.undoDepth() == depth + 1);
    h.doc.undo();
    CHECK(h.doc.content().goals.empty());
}

TEST_CASE("board: Escape while naming a new goal removes it") {
    BoardHarness h;
    h.settle();
    const ImVec2 at = h.toScreen(h.st.layout.columns[0].rect.center());
    h.ui.doubleClick(at.x, at.y);
    REQUIRE(h.doc.content().goals.size() == 1);
    h.ui.step(2);
    h.ui.key(ImGuiKey_Escape);
    CHECK(h.doc.content().goals.empty());
    CHECK_FALSE(h.st.renaming);
}

TEST_CASE("board: F2 renames in place (one undo step), Escape cancels") {
    BoardHarness h;
    const GoalId g = h.goal(2, 0.1, "Head of product");
    h.settle();
    const ImVec2 c = h.cardCentre(g);
    h.ui.click(c.x, c.y);
    h.ui.key(ImGuiKey_F2);
    CHECK(h.st.renaming == g);
    h.ui.step(2);
    h.ui.typeText("Lead a product area");
    h.ui.key(ImGuiKey_Enter);
    CHECK(h.get(g).title == "Lead a product area");
    h.doc.undo();
    CHECK(h.get(g).title == "Head of product");

    // Double-click the card: rename too; Escape leaves the title alone.
    h.ui.step(30); // past the double-click time of the earlier click
    h.ui.doubleClick(c.x, c.y);
    CHECK(h.st.renaming == g);
    h.ui.step(2);
    h.ui.typeText("zzz");
    h.ui.key(ImGuiKey_Escape);
    CHECK(h.get(g).title == "Head of product");
    CHECK_FALSE(h.st.renaming);
}

TEST_CASE("board: Delete removes the selected cards, undo brings them back") {
    BoardHarness h;
    const GoalId a = h.goal(0, 0.2);
    const GoalId b = h.goal(1, 0.2);
    h.settle();
    const ImVec2 ca = h.cardCentre(a);
    h.ui.click(ca.x, ca.y);
    h.ui.key(ImGuiKey_A, test::Ctrl);
    CHECK(h.shared.selection.goals.size() == 2);
    h.ui.key(ImGuiKey_Delete);
    CHECK(h.doc.content().goals.empty());
    CHECK(h.shared.selection.goals.empty());
    h.doc.undo();
    CHECK(h.doc.content().goals.contains(a));
    CHECK(h.doc.content().goals.contains(b));
}

TEST_CASE("board: wheel zoom keeps the world point under the cursor") {
    BoardHarness h;
    const GoalId g = h.goal(1, 0.4);
    h.settle();
    const ImVec2 c = h.cardCentre(g);
    const ImVec2 m(c.x + 13, c.y - 7);
    h.ui.moveMouse(m.x, m.y);
    const Vec2f before = h.st.nav.xf.toWorld(fromIm(m));
    const float z0 = h.st.nav.xf.zoom;
    h.ui.wheel(2.0f);
    CHECK(h.st.nav.xf.zoom > z0 * 1.2f);
    const Vec2f after = h.st.nav.xf.toWorld(fromIm(m));
    CHECK(after.x == doctest::Approx(before.x).epsilon(1e-3));
    CHECK(after.y == doctest::Approx(before.y).epsilon(1e-3));
    // Ctrl+0 fits again.
    h.ui.click(m.x, m.y);
    h.ui.key(ImGuiKey_0, test::Ctrl);
    h.ui.step();
    CHECK(h.st.nav.xf.zoom == doctest::Approx(z0));
}

TEST_CASE("board: middle drag pans") {
    BoardHarness h;
    h.settle();
    const Vec2f w = h.st.nav.xf.toWorld({400, 400});
    h.ui.drag(400, 400, 480, 430, 4, ImGuiMouseButton_Middle);
    const Vec2f s = h.st.nav.xf.toScreen(w);
    CHECK(s.x == doctest::Approx(480));
    CHECK(s.y == doctest::Approx(430));
}

TEST_CASE("board: filter dims cards that do not match but still draws them") {
    BoardHarness h;
    const GoalId a = h.goal(0, 0.2, "Alpha project");
    const GoalId b = h.goal(1, 0.2, "Beta launch");
    h.settle();
    const ImVec2 ca = h.cardCentre(a);
    h.ui.click(ca.x, ca.y);
    h.ui.key(ImGuiKey_F, test::Ctrl);
    CHECK(h.st.filterOpen);
    h.ui.step(2);
    h.ui.typeText("alpha");
    h.ui.step(2);
    CHECK(h.st.filter.text == "alpha");
    CHECK(h.st.matchCount == 1);
    CHECK(h.st.visibleCards == 2); // both drawn
    CHECK(h.ui.item("goal:" + std::to_string(b.value)) != nullptr);
    CHECK(goalMatches(h.get(a), h.st.filter));
    CHECK_FALSE(goalMatches(h.get(b), h.st.filter));
}

TEST_CASE("board: Ctrl+arrows move the selection across horizons and along the axis") {
    BoardHarness h;
    const GoalId g = h.goal(0, 0.5);
    h.settle();
    const ImVec2 c = h.cardCentre(g);
    h.ui.click(c.x, c.y);
    h.ui.key(ImGuiKey_RightArrow, test::Ctrl);
    CHECK(h.get(g).horizon == h.cols[1]);
    h.ui.key(ImGuiKey_DownArrow, test::Ctrl);
    CHECK(h.get(g).specificity == doctest::Approx(0.6));
    h.ui.key(ImGuiKey_UpArrow, test::Ctrl);
    h.ui.key(ImGuiKey_UpArrow, test::Ctrl);
    CHECK(h.get(g).specificity == doctest::Approx(0.4));
}

TEST_CASE("board: arrow keys move the selection between cards") {
    BoardHarness h;
    const GoalId a = h.goal(0, 0.1);
    const GoalId b = h.goal(0, 0.8);
    const GoalId c = h.goal(1, 0.15);
    h.settle();
    const ImVec2 ca = h.cardCentre(a);
    h.ui.click(ca.x, ca.y);
    h.ui.key(ImGuiKey_DownArrow);
    CHECK(h.shared.selection.goals == std::vector<GoalId>{b});
    h.ui.key(ImGuiKey_UpArrow);
    h.ui.key(ImGuiKey_RightArrow);
    CHECK(h.shared.selection.goals == std::vector<GoalId>{c});
}

TEST_CASE("board: read-only draws but dispatches nothing") {
    BoardHarness h;
    const GoalId g = h.goal(0, 0.2);
    h.shared.readOnly = true;
    h.settle();
    const std::size_t depth = h.doc.undoDepth();
    const ImVec2 from = h.cardCentre(g);
    const ImVec2 to = h.targetFor(g, 2, 0.8);
    h.ui.drag(from.x, from.y, to.x, to.y, 5);
    h.ui.key(ImGuiKey_Delete);
    h.ui.doubleClick(to.x, to.y + 200);
    CHECK(h.doc.undoDepth() == depth);
    CHECK(h.get(g).horizon == h.cols[0]);
}

TEST_CASE("board: cards dragged out of the canvas are published for the map; dropping there "
          "cancels the move") {
    BoardHarness h;
    const GoalId g = h.goal(0, 0.2);
    h.settle();
    const ImVec2 from = h.cardCentre(g);
    h.ui.moveMouse(from.x, from.y);
    h.ui.press();
    h.ui.moveMouse(from.x + 100, from.y);
    CHECK(h.st.dropHorizon == h.cols[0]); // over the board: its column is the target
    h.ui.moveMouse(kWinW + 150, from.y);
    CHECK_FALSE(h.st.dropHorizon); // over the map: no board column stays highlighted
    CHECK(h.shared.drag.kind == CrossViewDrag::Kind::Goals);
    CHECK(h.shared.drag.goals == std::vector<GoalId>{g});
    CHECK_FALSE(h.shared.drag.released);
    h.ui.release();
    CHECK(h.shared.drag.released);
    CHECK(h.shared.drag.releaseX == doctest::Approx(kWinW + 150));
    CHECK(h.get(g).horizon == h.cols[0]);
    // Nobody took it: the board forgets it.
    h.ui.step(2);
    CHECK(h.shared.drag.kind == CrossViewDrag::Kind::None);
}

TEST_CASE("board: a person dropped on a card links them") {
    BoardHarness h;
    const GoalId g = h.goal(1, 0.5);
    Person p;
    p.id = h.doc.newId<PersonId>();
    p.name = "Sam";
    h.doc.apply(addPerson(h.doc.board(), p));
    h.settle();
    const ImVec2 c = h.cardCentre(g);
    h.ui.moveMouse(c.x, c.y);
    h.shared.drag.kind = CrossViewDrag::Kind::Person;
    h.shared.drag.person = p.id;
    h.shared.drag.released = true;
    h.shared.drag.releaseX = c.x;
    h.shared.drag.releaseY = c.y;
    h.ui.step();
    CHECK(countLinkedPeople(h.doc.content(), g) == 1);
    CHECK(h.shared.drag.kind == CrossViewDrag::Kind::None);
}

TEST_CASE("board: ghosts draw at the old place") {
    BoardHarness h;
    const GoalId g = h.goal(2, 0.3, "Moved goal");
    h.settle();
    const int before = ImGui::GetDrawData() ? ImGui::GetDrawData()->TotalVtxCount : 0;
    h.st.ghosts.push_back({g, h.cols[0], 0.9, 0.0, "Moved goal"});
    h.ui.step();
    const int after = ImGui::GetDrawData()->TotalVtxCount;
    CHECK(after > before);
    h.st.ghosts.push_back({GoalId{9999}, h.cols[1], 0.5, 0.0, "Removed goal"}); // no arrow
    h.ui.step();
}

TEST_CASE("board: a 10,000-goal board draws only what is visible") {
    BoardHarness h;
    Board b = makeEmptyBoard();
    const auto hs = orderedHorizons(b.content);
    for (int i = 0; i < 10000; ++i) {
        Goal g;
        g.id = GoalId{b.nextId++};
        g.title = "Goal number " + std::to_string(i);
        g.horizon = hs[static_cast<std::size_t>(i % 3)]->id;
        g.specificity = (i % 97) / 96.0;
        g.order = i;
        b.content.goals.put(g);
    }
    h.doc.reset(b);
    h.settle();
    // Fitted (as far as the zoom limit goes): tiny blocks. Zoom in and very few are drawn.
    CHECK(h.st.visibleCards < 2000);
    h.ui.moveMouse(kWinW / 2, kWinH / 2);
    for (int i = 0; i < 30 && h.st.nav.xf.zoom < 1.0f; ++i)
        h.ui.wheel(3.0f);
    CHECK(h.st.nav.xf.zoom >= 1.0f);
    CHECK(h.st.visibleCards > 0);
    CHECK(h.st.visibleCards < 400); // what fits on the screen, not the board
    const auto t0 = std::chrono::steady_clock::now();
    h.ui.step(10);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() /
        10;
    CHECK(ms < 50.0); // per frame, Debug build
}

TEST_CASE("board: Space + left drag pans instead of selecting or moving") {
    BoardHarness h;
    const GoalId g = h.goal(0, 0.3);
    h.settle();
    const ImVec2 c = h.cardCentre(g);
    const Vec2f w = h.st.nav.xf.toWorld(fromIm(c));
    h.ui.moveMouse(c.x, c.y);
    h.ui.keyDown(ImGuiKey_Space);
    h.ui.drag(c.x, c.y, c.x + 90, c.y + 30, 4);
    h.ui.keyUp(ImGuiKey_Space);
    const Vec2f s = h.st.nav.xf.toScreen(w);
    CHECK(s.x == doctest::Approx(c.x + 90));
    CHECK(s.y == doctest::Approx(c.y + 30));
    CHECK(h.get(g).horizon == h.cols[0]); // the card did not move
    CHECK(h.get(g).specificity == doctest::Approx(0.3));
}

TEST_CASE("board: Ctrl+plus and Ctrl+minus zoom") {
    BoardHarness h;
    const GoalId g = h.goal(1, 0.5);
    h.settle();
    const ImVec2 c = h.cardCentre(g);
    h.ui.click(c.x, c.y);
    const float z0 = h.st.nav.xf.zoom;
    ImGuiIO& io = h.ui.io();
    h.ui.setMods(test::Ctrl);
    io.AddKeyEvent(ImGuiKey_Equal, true);
    h.ui.step();
    io.AddKeyEvent(ImGuiKey_Equal, false);
    h.ui.step();
    CHECK(h.st.nav.xf.zoom > z0 * 1.2f);
    io.AddKeyEvent(ImGuiKey_Minus, true);
    h.ui.step();
    io.AddKeyEvent(ImGuiKey_Minus, false);
    h.ui.step();
    h.ui.setMods(test::NoMods);
    CHECK(h.st.nav.xf.zoom == doctest::Approx(z0));
}

TEST_CASE("board: dragging every card of a 10,000-goal board is computed quickly") {
    Board b = makeEmptyBoard();
    const auto hs = orderedHorizons(b.content);
    std::vector<GoalId> all;
    for (int i = 0; i < 10000; ++i) {
        Goal g;
        g.id = GoalId{b.nextId++};
        g.title = "g";
        g.horizon = hs[static_cast<std::size_t>(i % 2)]->id; // the first two columns
        g.specificity = (i % 50) / 49.0;
        g.order = i;
        b.content.goals.put(g);
        all.push_back(g.id);
    }
    const BoardLayout L = computeBoardLayout(b.content, BoardLayoutParams::fromEm(16));
    const float step = L.columns[1].rect.min.x - L.columns[0].rect.min.x;
    const auto t0 = std::chrono::steady_clock::now();
    const auto moves = dragPlacements(L, b.content, all, {step, 0});
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    CHECK(ms < 1000.0);
    REQUIRE(moves.size() == all.size());
    std::size_t inNext = 0;
    for (const auto& m : moves) {
        const Goal* g = b.content.goals.find(m.goal);
        inNext += (g->horizon == hs[0]->id ? m.horizon == hs[1]->id : m.horizon == hs[2]->id);
    }
    CHECK(inNext == all.size());
}

TEST_CASE("board: a horizon added on a zoomed-in board scrolls into view") {
    BoardHarness h;
    h.goal(0, 0.7, "Agree a check-in");
    h.settle();
    // Zoom in on the first column: the last one is off to the right.
    const ImVec2 at = h.toScreen(h.st.layout.columns.front().rect.center());
    h.ui.moveMouse(at.x, at.y);
    for (int i = 0; i < 6; ++i)
        h.ui.wheel(1.0f);
    h.ui.step(2);
    const std::size_t before = h.st.layout.columns.size();
    // Right-click empty space in the first column: the board's menu, "Add horizon".
    const Rectf first = h.st.layout.columns.front().rect;
    const ImVec2 empty = h.toScreen({first.center().x, first.min.y + first.height() * 0.35f});
    h.ui.click(empty.x, empty.y, 1);
    h.ui.step();
    REQUIRE(h.ui.item("menu:board/add-horizon"));
    h.ui.clickItem("menu:board/add-horizon");
    h.ui.step(2);
    REQUIRE(h.st.layout.columns.size() == before + 1);
    const auto added = orderedHorizons(h.doc.content()).back()->id;
    const ColumnBox* col = nullptr;
    for (const ColumnBox& c : h.st.layout.columns)
        if (c.horizon == added) col = &c;
    REQUIRE(col);
    const Rectf r = h.st.nav.xf.toScreenRect(col->rect);
    CHECK(r.min.x >= h.st.canvasRect.min.x);
    CHECK(r.max.x <= h.st.canvasRect.max.x);
    CHECK(h.ui.item("horizon:" + std::to_string(added.value)));
}

TEST_CASE("board: the minimap shows the whole board; dragging in it pans the board") {
    BoardHarness h;
    for (int i = 0; i < 6; ++i)
        h.goal(static_cast<std::size_t>(i % 3), 0.15 * i, "goal " + std::to_string(i));
    h.st.minimap = true;
    h.settle();
    // Zoom in on the first column so there is somewhere to pan to.
    const ImVec2 at = h.toScreen(h.st.layout.columns.front().rect.center());
    h.ui.moveMouse(at.x, at.y);
    for (int i = 0; i < 6; ++i)
        h.ui.wheel(1.0f);
    h.ui.step(2);
    const ui::LayoutItem* mini = h.ui.item("panel:board-minimap");
    REQUIRE(mini);
    CHECK(mini->x + mini->w <= h.st.canvasRect.max.x);
    CHECK(mini->y + mini->h <= h.st.canvasRect.max.y);
    const Vec2f before = h.st.nav.xf.offset;
    const float zoom = h.st.nav.xf.zoom;
    // Drag from the minimap's left to its right edge: the view follows to the last column.
    const float y = mini->y + mini->h * 0.5f;
    h.ui.drag(mini->x + mini->w * 0.1f, y, mini->x + mini->w * 0.9f, y);
    h.ui.step();
    CHECK(h.st.nav.xf.zoom == doctest::Approx(zoom)); // a pan, not a zoom
    CHECK(h.st.nav.xf.offset.x < before.x - 50);      // moved to the right of the board
    const ColumnBox& last = h.st.layout.columns.back();
    const Vec2f c = h.st.nav.xf.toScreen(last.rect.center());
    CHECK(h.st.canvasRect.contains(c));
    // No card was moved and no rubber band selected anything.
    CHECK(h.shared.selection.empty());
    // Hidden: no minimap.
    h.st.minimap = false;
    h.ui.step();
    CHECK_FALSE(h.ui.item("panel:board-minimap"));
}
