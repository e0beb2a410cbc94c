// The network map view, headless: real ImGui frames, mouse and keys applied one change per
// frame, items found through the layout registry ("person:<id>", "ring:<trust>").
#include "model/edits.hpp"
#include "support/imgui_fixture.hpp"
#include "support/view_harness.hpp"
#include "ui/network_layout.hpp"
#include "ui/network_map_view.hpp"
#include "ui/person_inspector_view.hpp"
#include "ui/workspace_view.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <numbers>
#include <random>

using namespace horizons;
using namespace horizons::ui;
using horizons::test::ImGuiFixture;

namespace {

struct MapHarness {
    ImGuiFixture ui{ImVec2(1200, 900)};
    Document doc;
    test::ViewHarness views{doc};
    SharedViewState shared;
    NetworkMapViewState st;
    Date today = Date::fromYmd(2024, 6, 1);
    bool inspector = false;               // also draw the person inspector (right of the map)
    PersonInspectorState personInspector; // its date field text (with the inspector)

    GoalId goalA, goalB;
    PersonId outer, inner, other;

    MapHarness() {
        Board b = makeEmptyBoard("Test");
        doc.reset(b);
        const HorizonId h = doc.content().horizons.items().front().id;
        auto addGoal = [&](const char* title) {
            Goal g;
            g.id = doc.newId<GoalId>();
            g.title = title;
            g.horizon = h;
            doc.apply(horizons::addGoal(doc.board(), g));
            return g.id;
        };
        goalA = addGoal("Move to product");
        goalB = addGoal("Speak at a conference");
        auto addP = [&](const char* name, int trust, double angle, Relationship r, bool inside) {
            Person p;
            p.id = doc.newId<PersonId>();
            p.name = name;
            p.trust = trust;
            p.mapAngle = angle;
            p.relationship = r;
            p.insideOrg = inside;
            doc.apply(addPerson(doc.board(), p));
            return p.id;
        };
        outer = addP("Sam Lee", 1, 0.0, Relationship::Colleague, true);                 // right
        inner = addP("Alex Kim", 4, std::numbers::pi / 2, Relationship::Mentor, false); // down
        other = addP("Robin", 3, std::numbers::pi, Relationship::Manager, true);        // left
        ui.setDraw([this] { draw(); });
        ui.step(3);
    }

    void draw() {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(inspector ? 800.0f : 1200.0f, 900));
        ImGui::Begin("map", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                         ImGuiWindowFlags_NoSavedSettings);
        ViewContext ctx = views.context(shared, today);
        drawNetworkMapView(ctx, st);
        ImGui::End();
        if (inspector && !shared.selection.people.empty()) {
            ImGui::SetNextWindowPos(ImVec2(800, 0));
            ImGui::SetNextWindowSize(ImVec2(400, 900));
            ImGui::Begin("inspector", nullptr,
                         ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoSavedSettings);
            drawPersonInspector(ctx, personInspector, shared.selection.people.front());
            ImGui::End();
        }
    }

    std::string key(PersonId id) const { return "person:" + std::to_string(id.value); }
    const Person& person(PersonId id) const {
        const Person* p = doc.content().people.find(id);
        REQUIRE(p != nullptr);
        return *p;
    }
    ImVec2 mapCentre() const {
        const auto* r = ui.item("ring:5");
        REQUIRE(r != nullptr);
        return ImVec2(r->x + r->w / 2, r->y + r->h / 2);
    }
    float ringRadiusPx(int trust) const {
        const auto* r = ui.item("ring:" + std::to_string(trust));
        REQUIRE(r != nullptr);
        return r->w / 2;
    }
};

} // namespace

TEST_CASE("map view: every person and every ring is drawn and registered") {
    MapHarness m;
    CHECK(m.ui.item(m.key(m.outer)) != nullptr);
    CHECK(m.ui.item(m.key(m.inner)) != nullptr);
    CHECK(m.ui.item(m.key(m.other)) != nullptr);
    for (int t = 1; t <= 5; ++t)
        CHECK(m.ui.item("ring:" + std::to_string(t)) != nullptr);
    CHECK(m.ringRadiusPx(1) > m.ringRadiusPx(5));
    CHECK(m.ui.item("map:you") != nullptr);
    CHECK(m.ui.item("button:map-add-person") != nullptr);
    // the outer person (trust 1, angle 0) sits right of the centre on the outermost ring
    const ImVec2 c = m.mapCentre();
    const ImVec2 p = m.ui.centre(m.key(m.outer));
    CHECK(p.x - c.x == doctest::Approx(m.ringRadiusPx(1)).epsilon(0.02));
    CHECK(std::fabs(p.y - c.y) < 2.0f);
}

TEST_CASE("map view: dragging a person from the outer ring to the inner one sets trust 5; one "
          "undo restores it") {
    MapHarness m;
    const Person before = m.person(m.outer);
    REQUIRE(before.trust == 1);
    const std::size_t depth = m.doc.undoDepth();
    const ImVec2 c = m.mapCentre();
    const ImVec2 from = m.ui.centre(m.key(m.outer));
    const ImVec2 to(c.x + m.ringRadiusPx(5), c.y); // same angle, innermost ring
    m.ui.drag(from.x, from.y, to.x, to.y, 8);
    m.ui.step();
    CHECK(m.person(m.outer).trust == 5);
    CHECK(std::fabs(m.person(m.outer).mapAngle) < 0.05); // angle kept
    CHECK(m.doc.undoDepth() == depth + 1);               // one step for the whole drag
    CHECK(m.shared.drag.kind == CrossViewDrag::Kind::None);
    // the node is now drawn on the inner ring
    m.ui.step();
    const ImVec2 now = m.ui.centre(m.key(m.outer));
    CHECK(now.x - c.x == doctest::Approx(m.ringRadiusPx(5)).epsilon(0.03));

    REQUIRE(m.doc.undo());
    CHECK(m.person(m.outer) == before);
    CHECK(m.doc.undoDepth() == depth);
}

TEST_CASE("map view: a click without moving changes nothing; it selects") {
    MapHarness m;
    const auto depth = m.doc.undoDepth();
    m.ui.clickItem(m.key(m.inner));
    CHECK(m.doc.undoDepth() == depth);
    CHECK(m.shared.selection.people == std::vector<PersonId>{m.inner});
    // clicking empty space clears the selection
    const ImVec2 c = m.mapCentre();
    m.ui.click(c.x + m.ringRadiusPx(1) * 0.6f, c.y - m.ringRadiusPx(1) * 0.6f);
    CHECK(m.shared.selection.people.empty());
}

TEST_CASE("map view: dropping a goal dragged from the board on a person links them; undo "
          "removes the link") {
    MapHarness m;
    const auto depth = m.doc.undoDepth();
    const ImVec2 p = m.ui.centre(m.key(m.other));
    // The board publishes the drag while the mouse travels over the map ...
    m.shared.drag.kind = CrossViewDrag::Kind::Goals;
    m.shared.drag.goals = {m.goalA};
    m.ui.moveMouse(p.x, p.y);
    CHECK(m.doc.content().links.empty()); // nothing until the release
    // ... and releases it over the person.
    m.shared.drag.released = true;
    m.shared.drag.releaseX = p.x;
    m.shared.drag.releaseY = p.y;
    m.ui.step();
    REQUIRE(m.doc.content().links.size() == 1);
    const GoalLink& l = m.doc.content().links.items().front();
    CHECK(l.person == m.other);
    CHECK(l.goal == m.goalA);
    CHECK(m.doc.undoDepth() == depth + 1);
    CHECK(m.shared.drag.kind == CrossViewDrag::Kind::None); // consumed

    REQUIRE(m.doc.undo());
    CHECK(m.doc.content().links.empty());
}

TEST_CASE("map view: dropping several goals links each of them in one undo step") {
    MapHarness m;
    const auto depth = m.doc.undoDepth();
    const ImVec2 p = m.ui.centre(m.key(m.inner));
    m.shared.drag.kind = CrossViewDrag::Kind::Goals;
    m.shared.drag.goals = {m.goalA, m.goalB};
    m.shared.drag.released = true;
    m.shared.drag.releaseX = p.x;
    m.shared.drag.releaseY = p.y;
    m.ui.step();
    CHECK(m.doc.content().links.size() == 2);
    CHECK(m.doc.undoDepth() == depth + 1);
    // dropping the same goals again adds nothing (and no empty undo step)
    m.shared.drag.kind = CrossViewDrag::Kind::Goals;
    m.shared.drag.goals = {m.goalA, m.goalB};
    m.shared.drag.released = true;
    m.ui.step();
    CHECK(m.doc.content().links.size() == 2);
    CHECK(m.doc.undoDepth() == depth + 1);
    m.doc.undo();
    CHECK(m.doc.content().links.empty());
}

TEST_CASE("map view: a goal released over empty map space links nothing") {
    MapHarness m;
    const ImVec2 c = m.mapCentre();
    m.shared.drag.kind = CrossViewDrag::Kind::Goals;
    m.shared.drag.goals = {m.goalA};
    m.shared.drag.released = true;
    m.shared.drag.releaseX = c.x + m.ringRadiusPx(2);
    m.shared.drag.releaseY = c.y - m.ringRadiusPx(2);
    m.ui.step();
    CHECK(m.doc.content().links.empty());
}

TEST_CASE("map view: deleting a person removes their links and introductions; undo restores "
          "them") {
    MapHarness m;
    m.doc.apply(linkPersonToGoal(m.doc.board(), m.doc.newId<LinkId>(), m.inner, m.goalA));
    m.doc.apply(linkPersonToGoal(m.doc.board(), m.doc.newId<LinkId>(), m.inner, m.goalB));
    m.doc.apply(addIntro(m.doc.board(), m.doc.newId<IntroId>(), m.inner, m.other));
    m.doc.apply(addIntro(m.doc.board(), m.doc.newId<IntroId>(), m.outer, m.inner));
    const BoardContent before = m.doc.content();
    const auto depth = m.doc.undoDepth();
    m.ui.step();
    m.ui.clickItem(m.key(m.inner)); // select (and focus the map)
    REQUIRE(m.shared.selection.has(m.inner));
    m.ui.key(ImGuiKey_Delete);
    CHECK_FALSE(m.doc.content().people.contains(m.inner));
    CHECK(m.doc.content().links.empty());
    CHECK(m.doc.content().intros.empty());
    CHECK(m.doc.undoDepth() == depth + 1);
    CHECK(m.shared.selection.people.empty());
    CHECK(m.ui.item(m.key(m.inner)) == nullptr);

    REQUIRE(m.doc.undo());
    CHECK(m.doc.content() == before);
    m.ui.step();
    CHECK(m.ui.item(m.key(m.inner)) != nullptr);
}

TEST_CASE("map view: Delete does nothing when the last click was elsewhere") {
    MapHarness m;
    m.shared.selection.selectOnly(m.inner); // selected from another view
    m.ui.step();
    m.ui.key(ImGuiKey_Delete);
    CHECK(m.doc.content().people.contains(m.inner));
}

TEST_CASE("map view: double-clicking empty space adds a person on that ring, named in place") {
    MapHarness m;
    const ImVec2 c = m.mapCentre();
    const float r2 = m.ringRadiusPx(2);
    const auto count = m.doc.content().people.size();
    m.ui.doubleClick(c.x, c.y - r2); // top of ring 2
    m.ui.step();
    REQUIRE(m.doc.content().people.size() == count + 1);
    const Person& added = m.doc.content().people.items().back();
    CHECK(added.trust == 2);
    CHECK(added.mapAngle == doctest::Approx(-std::numbers::pi / 2).epsilon(0.02));
    CHECK(m.shared.selection.people == std::vector<PersonId>{added.id});
    // the name field is open and focused: type a name, Enter
    REQUIRE(m.ui.item("input:map-rename") != nullptr);
    m.ui.key(ImGuiKey_A, test::Ctrl);
    m.ui.typeText("Jo");
    m.ui.key(ImGuiKey_Enter);
    m.ui.step();
    CHECK(m.doc.content().people.find(added.id)->name == "Jo");
    CHECK(m.ui.item("input:map-rename") == nullptr);
}

TEST_CASE("map view: the Add person button adds one person in one undo step") {
    MapHarness m;
    const auto depth = m.doc.undoDepth();
    m.ui.clickItem("button:map-add-person");
    m.ui.key(ImGuiKey_Escape);
    m.ui.step();
    CHECK(m.doc.content().people.size() == 4);
    CHECK(m.doc.undoDepth() == depth + 1);
    CHECK(m.doc.content().people.items().back().trust == 3);
}

TEST_CASE("map view: Shift+drag from one person to another adds an introduction") {
    MapHarness m;
    const auto depth = m.doc.undoDepth();
    const ImVec2 a = m.ui.centre(m.key(m.other));
    const ImVec2 b = m.ui.centre(m.key(m.inner));
    m.ui.setMods(test::Shift);
    m.ui.drag(a.x, a.y, b.x, b.y, 6);
    m.ui.setMods(test::NoMods);
    REQUIRE(m.doc.content().intros.size() == 1);
    const Intro& in = m.doc.content().intros.items().front();
    CHECK(in.from == m.other);
    CHECK(in.to == m.inner);
    CHECK(m.person(m.other).trust == 3); // linking does not move anyone
    CHECK(m.doc.undoDepth() == depth + 1);
    m.doc.undo();
    CHECK(m.doc.content().intros.empty());
}

TEST_CASE("map view: a person dragged out of the map is published for the board, then cleared") {
    MapHarness m;
    m.inspector = true; // the map is 800 px wide now; x = 1000 is outside it
    m.ui.step(2);
    const ImVec2 p = m.ui.centre(m.key(m.other));
    m.ui.moveMouse(p.x, p.y);
    m.ui.press();
    m.ui.moveMouse(p.x + 20, p.y);
    CHECK(m.shared.drag.kind == CrossViewDrag::Kind::Person);
    CHECK(m.shared.drag.person == m.other);
    m.ui.moveMouse(1000, 300);
    m.ui.release();
    CHECK(m.shared.drag.kind == CrossViewDrag::Kind::Person);
    CHECK(m.shared.drag.released);
    CHECK(m.shared.drag.releaseX == doctest::Approx(1000));
    CHECK(m.person(m.other).trust == 3); // released outside: no trust change
    m.ui.step();                         // nobody consumed it: the map clears it
    CHECK(m.shared.drag.kind == CrossViewDrag::Kind::None);
}

TEST_CASE("map view: the filter hides people; a selection from elsewhere brings them back") {
    MapHarness m;
    m.st.filter.minTrust = 3;
    m.ui.step();
    CHECK(m.ui.item(m.key(m.outer)) == nullptr); // trust 1
    CHECK(m.ui.item(m.key(m.inner)) != nullptr);
    m.st.filter.reset();
    m.st.filter.org = OrgFilter::Outside;
    m.ui.step();
    CHECK(m.ui.item(m.key(m.other)) == nullptr);
    CHECK(m.ui.item(m.key(m.inner)) != nullptr);
    // a coach hint selects the hidden person: the map shows them
    m.shared.selection.selectOnly(m.other);
    m.ui.step(2);
    CHECK(m.ui.item(m.key(m.other)) != nullptr);
    CHECK_FALSE(m.st.filter.active());
}

TEST_CASE("map view: read-only (a snapshot) dispatches no edits") {
    MapHarness m;
    m.shared.readOnly = true;
    const auto depth = m.doc.undoDepth();
    const ImVec2 c = m.mapCentre();
    const ImVec2 from = m.ui.centre(m.key(m.outer));
    m.ui.drag(from.x, from.y, c.x + m.ringRadiusPx(5), c.y, 6);
    m.ui.doubleClick(c.x, c.y - m.ringRadiusPx(2));
    m.shared.drag.kind = CrossViewDrag::Kind::Goals;
    m.shared.drag.goals = {m.goalA};
    m.shared.drag.released = true;
    m.shared.drag.releaseX = m.ui.centre(m.key(m.other)).x;
    m.shared.drag.releaseY = m.ui.centre(m.key(m.other)).y;
    m.ui.step();
    CHECK(m.doc.undoDepth() == depth);
}

TEST_CASE("person inspector: typing a name is one undo step; trust slider too") {
    MapHarness m;
    m.inspector = true;
    m.shared.selection.selectOnly(m.other);
    m.ui.step(2);
    const auto depth = m.doc.undoDepth();
    m.ui.clickItem("input:person-name");
    m.ui.key(ImGuiKey_End);
    m.ui.typeText(" J");
    m.ui.typeText("o");
    m.ui.typeText("n");
    m.ui.key(ImGuiKey_Enter);
    m.ui.step();
    CHECK(m.person(m.other).name == "Robin Jon");
    CHECK(m.doc.undoDepth() == depth + 1);
    m.doc.undo();
    CHECK(m.person(m.other).name == "Robin");

    // help-with checkbox: one step each
    const auto d2 = m.doc.undoDepth();
    m.ui.clickItem("input:person-help-1");
    CHECK((m.person(m.other).helpsWith & HelpConnect) != 0);
    CHECK(m.doc.undoDepth() == d2 + 1);
}

TEST_CASE("person inspector: remove buttons unlink goals and introductions") {
    MapHarness m;
    m.inspector = true;
    const LinkId lid = m.doc.newId<LinkId>();
    m.doc.apply(linkPersonToGoal(m.doc.board(), lid, m.other, m.goalA));
    const IntroId iid = m.doc.newId<IntroId>();
    m.doc.apply(addIntro(m.doc.board(), iid, m.other, m.inner));
    m.shared.selection.selectOnly(m.other);
    m.ui.step(2);
    m.ui.clickItem("button:person-unlink-" + std::to_string(lid.value));
    CHECK(m.doc.content().links.empty());
    m.ui.step();
    m.ui.clickItem("button:person-remove-intro-" + std::to_string(iid.value));
    CHECK(m.doc.content().intros.empty());
    m.doc.undo();
    m.doc.undo();
    CHECK(m.doc.content().links.size() == 1);
    CHECK(m.doc.content().intros.size() == 1);
}

TEST_CASE("linkGoalsToPersonEdit: skips duplicates and already-linked goals") {
    Document doc{makeEmptyBoard()};
    const HorizonId h = doc.content().horizons.items().front().id;
    Goal g;
    g.id = doc.newId<GoalId>();
    g.title = "A";
    g.horizon = h;
    doc.apply(addGoal(doc.board(), g));
    Person p;
    p.id = doc.newId<PersonId>();
    p.name = "P";
    doc.apply(addPerson(doc.board(), p));
    const GoalId twice[] = {g.id, g.id};
    test::DocumentDispatcher ids{doc};
    Edit e = linkGoalsToPersonEdit(doc, ids, p.id, twice);
    CHECK(e.ops.size() == 1);
    doc.apply(std::move(e));
    const GoalId again[] = {g.id};
    CHECK(linkGoalsToPersonEdit(doc, ids, p.id, again).empty());
    const GoalId missing[] = {GoalId{999}};
    CHECK(linkGoalsToPersonEdit(doc, ids, p.id, missing).empty());
}

TEST_CASE("workspace: split arithmetic and modes") {
    CHECK(splitSizes(1000, 0.4f, 10, 100).map == doctest::Approx(396));
    const SplitSizes s = splitSizes(1000, 0.4f, 10, 100);
    CHECK(s.board + s.splitter + s.map == doctest::Approx(1000));
    CHECK(splitSizes(1000, 0.99f, 10, 100).map <= 990 - 100); // the board keeps its minimum
    CHECK(splitSizes(1000, 0.4f, 10, 100, WorkspaceMode::MapOnly).map == 1000);
    CHECK(splitSizes(1000, 0.4f, 10, 100, WorkspaceMode::BoardOnly).board == 1000);
    CHECK(splitSizes(1000, std::nanf(""), 10, 100).map ==
          doctest::Approx(990 * kDefaultMapFraction).epsilon(0.01));
    CHECK(mapFractionFor(1010, 10, 600) == doctest::Approx(0.4f));
    CHECK(mapFractionFor(1010, 10, 0) == kMaxMapFraction);
    CHECK(mapFractionFor(0, 10, 5) == kDefaultMapFraction);

    PanelState p;
    CHECK(workspaceMode(p) == WorkspaceMode::Split);
    setWorkspaceMode(p, WorkspaceMode::MapOnly);
    CHECK((!p.board && p.networkMap));
    CHECK(workspaceMode(p) == WorkspaceMode::MapOnly);
    setWorkspaceMode(p, WorkspaceMode::BoardOnly);
    CHECK(workspaceMode(p) == WorkspaceMode::BoardOnly);
    p.board = p.networkMap = false; // nonsense state: the board shows
    CHECK(workspaceMode(p) == WorkspaceMode::BoardOnly);
}

TEST_CASE("workspace: dragging the splitter resizes the panes; the toggle maximises the map") {
    ImGuiFixture ui(ImVec2(1200, 800));
    PanelState p;
    ImVec2 boardSize, mapSize;
    ui.setDraw([&] {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(1200, 800));
        ImGui::Begin("ws", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
        boardSize = mapSize = ImVec2(0, 0);
        drawWorkspace(p, ImGui::GetContentRegionAvail(), [&](WorkspacePane pane, ImVec2 size) {
            (pane == WorkspacePane::Board ? boardSize : mapSize) = size;
            ImGui::BeginChild(pane == WorkspacePane::Board ? "b" : "m", size);
            if (pane == WorkspacePane::Map) drawWorkspaceToggle(p, WorkspacePane::Map);
            ImGui::EndChild();
        });
        ImGui::End();
    });
    ui.step(2);
    REQUIRE(ui.item("splitter:workspace") != nullptr);
    const float before = boardSize.x;
    const ImVec2 s = ui.centre("splitter:workspace");
    ui.drag(s.x, s.y, s.x + 100, s.y, 5);
    CHECK(boardSize.x == doctest::Approx(before + 100).epsilon(0.02));
    ui.clickItem("button:map-maximise");
    ui.step();
    CHECK(workspaceMode(p) == WorkspaceMode::MapOnly);
    CHECK(boardSize.x == 0);
    CHECK(ui.item("splitter:workspace") == nullptr);
    ui.clickItem("button:map-maximise"); // now "Split view"
    ui.step();
    CHECK(workspaceMode(p) == WorkspaceMode::Split);
}

TEST_CASE("person inspector: cadence presets name the usual rhythms") {
    CHECK(std::string(cadenceLabel(0)) == "No regular cadence");
    CHECK(std::string(cadenceLabel(90)) == "Every 3 months");
    CHECK(std::string(cadenceLabel(180)) == "Every 6 months");
    CHECK(cadenceLabel(45) == nullptr); // a custom value
    int n = 0;
    const CadencePreset* p = cadencePresets(n);
    REQUIRE(n >= 5);
    for (int i = 1; i < n; ++i)
        CHECK(p[i].days > p[i - 1].days);
}

TEST_CASE("map view: only people inside the visible rect are drawn; crowded rings are plain "
          "dots; the naive baseline draws everyone in full") {
    MapHarness m;
    std::mt19937 rng(5);
    for (int i = 0; i < 300; ++i) {
        Person p;
        p.id = m.doc.newId<PersonId>();
        p.name = "Crowd " + std::to_string(i);
        p.trust = 1;
        p.mapAngle = std::uniform_real_distribution<double>(-3.14, 3.14)(rng);
        m.doc.apply(addPerson(m.doc.board(), p));
    }
    m.ui.step(2);
    const std::size_t total = m.doc.content().people.size();
    CHECK(m.st.visiblePeople == total); // fit-all: everyone is on screen
    CHECK(m.st.detailedPeople < total); // ... but ring 1 is too full for names
    CHECK(m.st.detailedPeople >= 2);    // the inner rings still show theirs
    const std::uint64_t builds = m.st.cache.rebuilds();
    m.ui.step(3);
    CHECK(m.st.cache.rebuilds() == builds); // nothing changed: nothing recomputed

    // Zoomed in on the right of the outer ring: a few people drawn, and every person whose
    // centre is on the canvas is among them.
    const ImVec2 c = m.mapCentre();
    const ImVec2 focus(c.x + m.ringRadiusPx(1), c.y);
    m.st.nav.xf = zoomAbout(m.st.nav.xf, fromIm(focus), m.st.nav.xf.zoom * 8.0f);
    m.ui.step(2);
    CHECK(m.st.visiblePeople > 0);
    CHECK(m.st.visiblePeople < total / 4);
    const Rectf canvas{m.st.nav.xf.origin, m.st.nav.xf.origin + m.st.canvasSize};
    std::size_t onCanvas = 0;
    for (const PlacedPerson& pp : m.st.cache.placed()) {
        const Vec2f s = m.st.nav.xf.toScreen(fromIm(pp.pos));
        if (!canvas.contains(s)) continue;
        ++onCanvas;
        CHECK(m.ui.item(m.key(pp.id)) != nullptr);
    }
    CHECK(onCanvas > 0);
    CHECK(m.st.visiblePeople >= onCanvas);

    m.st.naiveDrawForBenchmark = true;
    m.ui.step();
    CHECK(m.st.visiblePeople == total);
    CHECK(m.st.detailedPeople == total);
    m.st.naiveDrawForBenchmark = false;
    m.ui.step();
    CHECK(m.st.visiblePeople < total / 4);
}

TEST_CASE("map view: the map refits when the canvas is resized, until the user zooms") {
    MapHarness m;
    const float wide = m.ringRadiusPx(1);
    m.inspector = true; // the map's window shrinks from 1200 to 800 px
    m.shared.selection.selectOnly(m.inner);
    m.ui.step(2);
    const float narrow = m.ringRadiusPx(1);
    CHECK(narrow < wide * 0.9f);
    CHECK(2 * narrow <= 800.0f);
    // the user zooms: a resize keeps their view
    const ImVec2 c = m.mapCentre();
    m.ui.moveMouse(c.x, c.y);
    m.ui.wheel(2.0f);
    m.ui.step();
    const float zoomed = m.ringRadiusPx(1);
    CHECK(zoomed > narrow * 1.1f);
    m.inspector = false;
    m.ui.step(2);
    CHECK(m.ringRadiusPx(1) == doctest::Approx(zoomed).epsilon(0.01));
    // Fit (Ctrl+0 / the button) fits again
    m.st.fitRequested = true;
    m.ui.step();
    CHECK(m.ringRadiusPx(1) == doctest::Approx(wide).epsilon(0.01));
}

TEST_CASE("map view: names and ring captions do not overlap on a small board") {
    MapHarness m;
    m.ui.step();
    CHECK(m.st.detailedPeople == 3);
    CHECK(m.st.captionsShown >= 5);
    // the boxes the captions avoided: every drawn name is clear of every other name and disc
    const std::size_t n = m.st.drawn.size();
    for (std::size_t a = 0; a < n; ++a) {
        if (m.st.nameBoxes[a].empty()) continue;
        for (std::size_t b = 0; b < n; ++b) {
            if (a == b) continue;
            if (!m.st.nameBoxes[b].empty())
                CHECK_FALSE(m.st.nameBoxes[a].overlaps(m.st.nameBoxes[b]));
            CHECK_FALSE(m.st.nameBoxes[a].overlaps(m.st.obstacles[b])); // b's disc
        }
    }
}

TEST_CASE("map view: a crowded ring, zoomed in, names every person in view without overlaps") {
    MapHarness m;
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> angle(-3.1, 3.1);
    for (int i = 0; i < 40; ++i) {
        Person p;
        p.id = m.doc.newId<PersonId>();
        p.name = "Person " + std::to_string(i);
        p.trust = 3;
        p.mapAngle = angle(rng);
        m.doc.apply(addPerson(m.doc.board(), p));
    }
    m.ui.step(2);
    // Zoom in on the top of ring 3.
    const ImVec2 c = m.mapCentre();
    m.ui.moveMouse(c.x, c.y - m.ringRadiusPx(3));
    for (int i = 0; i < 8; ++i)
        m.ui.wheel(1.0f);
    m.ui.step(2);
    const auto& items = m.ui.layout().items();
    int people = 0, named = 0;
    std::vector<const ui::LayoutItem*> labels;
    for (const auto& it : items) {
        if (it.kind == "person" && it.x > 0 && it.y > 0 && it.x + it.w < 1200 && it.y + it.h < 900)
            ++people;
        if (it.kind == "label") labels.push_back(&it);
    }
    named = static_cast<int>(labels.size());
    CAPTURE(people);
    CAPTURE(m.st.detailedPeople);
    CAPTURE(m.st.nav.xf.zoom);
    CHECK(people >= 4);
    CHECK(named >= people); // every person fully in view has a readable name
    for (std::size_t i = 0; i < labels.size(); ++i)
        for (std::size_t j = i + 1; j < labels.size(); ++j) {
            const auto& a = *labels[i];
            const auto& b = *labels[j];
            CHECK_FALSE((a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h));
        }
}
