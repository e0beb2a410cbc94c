// History panel, read-only snapshot view, conversation prep and log, driven headlessly through
// the real shell (drawApp): take a snapshot, move a goal, compare, select the change, restore,
// undo; open a snapshot read-only and come back; agenda copy; follow-up -> six-month goal.
#include "model/document.hpp"
#include "model/edits.hpp"
#include "support/imgui_fixture.hpp"
#include "ui/app_ui.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace horizons;
using horizons::test::Ctrl;
using horizons::test::ImGuiFixture;

namespace {

struct Harness {
    ImGuiFixture im;
    Document doc;
    ui::AppUiState state;
    ui::DocStatus status;
    std::vector<HorizonId> cols;
    GoalId goal;
    PersonId sam;

    Harness() {
        Board b = makeEmptyBoard("Plan");
        for (const auto* h : orderedHorizons(b.content))
            cols.push_back(h->id);
        Goal g;
        g.id = goal = GoalId{b.nextId++};
        g.title = "Lead a team";
        g.horizon = cols[1];
        g.specificity = 0.6;
        b.content.goals.put(g);
        Person p;
        p.id = sam = PersonId{b.nextId++};
        p.name = "Sam";
        p.relationship = Relationship::Manager;
        p.trust = 4;
        p.helpsWith = HelpSponsor;
        b.content.people.put(p);
        doc.reset(std::move(b));
        state.panels.history = true;
        status.empty = false;
        im.setDraw([this] {
            status.canUndo = doc.canUndo();
            status.canRedo = doc.canRedo();
            ui::drawApp(state, &doc, status);
            for (const auto& r : state.takeRequests()) { // what the app does with them
                if (r.kind == ui::AppRequest::Undo) doc.undo();
                if (r.kind == ui::AppRequest::Redo) doc.redo();
                if (r.kind == ui::AppRequest::ExportText) exported.push_back(r);
            }
        });
        im.step(3);
    }
    const Goal& g() const { return *doc.content().goals.find(goal); }
    std::vector<ui::Request> exported;
};

} // namespace

TEST_CASE("history: snapshot, move, compare names the move, select, restore, undo") {
    Harness h;
    // Take a snapshot with the shortcut and the dialog.
    h.im.key(ImGuiKey_T, Ctrl);
    h.im.step(2);
    REQUIRE(h.im.item("button:snapshot-take"));
    h.im.clickItem("button:snapshot-take");
    h.im.step(2);
    REQUIRE(h.doc.board().snapshots.size() == 1);
    const SnapshotId snap = h.doc.board().snapshots.begin()->id;
    CHECK(h.doc.board().snapshots.begin()->name.rfind("Review ", 0) == 0);

    // Move the goal to six months (what a drag on the board dispatches).
    GoalPlacement m{h.goal, h.cols[0], 0.6, 0};
    h.doc.apply(moveGoals(h.doc.board(), std::span(&m, 1)));
    h.im.step(2);

    // Compare the snapshot with now: the change list names the move; ghosts for the board.
    h.im.clickItem("button:snapshot-compare:" + std::to_string(snap.value));
    h.im.step(2);
    const auto* change = h.im.item("change:0");
    REQUIRE(change);
    CHECK(change->label == "Moved \"Lead a team\" from 2 years to 6 months");
    CHECK_FALSE(h.im.item("change:1"));
    REQUIRE(h.state.history.ghosts.size() == 1);
    CHECK(h.state.history.ghosts[0].goal == h.goal);
    CHECK(h.state.history.ghosts[0].oldHorizon == h.cols[1]);

    // Selecting the change selects the goal.
    h.state.shared.selection.clear();
    h.im.clickItem("change:0");
    CHECK(h.state.shared.selection.has(h.goal));

    // Restore: the card is back in two years, and the board before it was kept.
    h.im.clickItem("button:snapshot-restore:" + std::to_string(snap.value));
    h.im.step(2);
    CHECK(h.g().horizon == h.cols[1]);
    CHECK(h.doc.board().snapshots.size() == 2);
    CHECK_FALSE(h.im.item("change:0")); // the live board equals the snapshot again

    // Undo (Ctrl+Z through the shell): back to the moved state, in one step.
    h.im.key(ImGuiKey_Z, Ctrl);
    h.im.step(2);
    CHECK(h.g().horizon == h.cols[0]);
    CHECK(h.doc.board().snapshots.size() == 1);
    REQUIRE(h.im.item("change:0"));
    CHECK(h.im.item("change:0")->label == "Moved \"Lead a team\" from 2 years to 6 months");
}

TEST_CASE("history: open a snapshot read-only, then go back to the current board") {
    Harness h;
    const SnapshotId snap = h.doc.newId<SnapshotId>();
    h.doc.apply(takeSnapshot(h.doc.board(), snap, "Spring review", "", 1700000000));
    h.doc.apply(renameGoal(h.doc.board(), h.goal, "Lead a bigger team"));
    h.im.step(2);
    CHECK_FALSE(h.im.item("banner:snapshot"));

    h.im.clickItem("button:snapshot-view:" + std::to_string(snap.value));
    h.im.step(2);
    const auto* banner = h.im.item("banner:snapshot");
    REQUIRE(banner);
    CHECK(banner->label.find("Viewing snapshot \"Spring review\"") == 0);
    CHECK(banner->label.find("read only") != std::string::npos);
    CHECK(h.state.shared.readOnly);
    // The views are handed the snapshot's content, not the live board.
    Document& shown = ui::viewedDocument(h.state.history, h.doc, h.state.shared);
    CHECK(&shown != &h.doc);
    CHECK(shown.content().goals.find(h.goal)->title == "Lead a team");
    CHECK(h.g().title == "Lead a bigger team");
    const auto* saved = h.im.item("status:saved");
    REQUIRE(saved);
    CHECK(saved->label == "Read-only");

    h.im.clickItem("button:snapshot-back");
    h.im.step(2);
    CHECK_FALSE(h.im.item("banner:snapshot"));
    CHECK_FALSE(h.state.shared.readOnly);
    CHECK(&ui::viewedDocument(h.state.history, h.doc, h.state.shared) == &h.doc);
}

TEST_CASE("prep: agenda for the selected person, copied as Markdown, exported on request") {
    Harness h;
    h.state.panels.prep = true;
    h.state.shared.selection.selectOnly(h.sam);
    h.im.step(3);
    CHECK(h.im.item("agenda-goal:" + std::to_string(h.goal.value)));
    h.im.clickItem("button:agenda-copy");
    const std::string clip = ImGui::GetClipboardText() ? ImGui::GetClipboardText() : "";
    CHECK(clip.rfind("# Career conversation with Sam", 0) == 0);
    CHECK(clip.find("- Lead a team") != std::string::npos);

    h.im.clickItem("button:agenda-export");
    h.im.step(2);
    REQUIRE(h.im.item("button:agenda-export-ok"));
    h.im.clickItem("button:agenda-export-ok");
    h.im.step(1);
    REQUIRE(h.exported.size() == 1);
    CHECK(h.exported[0].path == "agenda-Sam.md");
    CHECK(h.exported[0].text.rfind("# Career conversation with Sam", 0) == 0);
}

TEST_CASE("conversation log: a follow-up becomes a six-month goal in one click, one undo step") {
    Harness h;
    Conversation cv;
    cv.id = h.doc.newId<ConversationId>();
    cv.date = Date::fromYmd(2024, 5, 2);
    cv.person = h.sam;
    cv.followUps = {"Shadow a team lead for a week"};
    h.doc.apply(logConversation(h.doc.board(), cv));
    h.state.panels.prep = true;
    h.im.step(3); // the side panel's tabs, then the prep view's own tabs, settle
    h.im.clickItem("tab:conversations");
    h.im.step(2);
    const std::string id = "button:followup-goal:" + std::to_string(cv.id.value) + ":0";
    REQUIRE(h.im.item(id));
    const std::size_t goalsBefore = h.doc.content().goals.size();
    const std::size_t depth = h.doc.undoDepth();
    h.im.clickItem(id);
    h.im.step(2);
    REQUIRE(h.doc.content().goals.size() == goalsBefore + 1);
    CHECK(h.doc.undoDepth() == depth + 1);
    const Goal* made = nullptr;
    for (const auto& g : h.doc.content().goals)
        if (g.title == "Shadow a team lead for a week") made = &g;
    REQUIRE(made);
    CHECK(made->horizon == h.cols[0]); // the shortest horizon: six months
    CHECK(made->kind() == GoalKind::Destination);
    CHECK(made->target.has_value());
    CHECK(countLinkedPeople(h.doc.content(), made->id) == 1);
    CHECK_FALSE(h.im.item(id)); // now "(on the board)"
    h.doc.undo();
    CHECK(h.doc.content().goals.size() == goalsBefore);
    CHECK(h.doc.content().links.empty());
}

TEST_CASE("prep and inspector both open: two tabs, the prep first, the inspector one click away") {
    Harness h;
    h.state.panels.inspector = true;
    h.state.panels.prep = true;
    h.state.shared.selection.selectOnly(h.goal);
    h.im.step(3);
    REQUIRE(h.im.item("tab:inspector"));
    REQUIRE(h.im.item("tab:prep"));
    CHECK(h.im.item("button:agenda-copy")); // the prep tab came to the front
    CHECK_FALSE(h.im.item("input:inspector-status"));
    h.im.clickItem("tab:inspector");
    h.im.step(2);
    CHECK(h.im.item("input:inspector-status")); // the selected goal's fields
}

TEST_CASE("compare: picking the two sides prepares the comparison; the Compare button runs it") {
    Harness h;
    const SnapshotId a = h.doc.newId<SnapshotId>(), b = h.doc.newId<SnapshotId>();
    h.doc.apply(takeSnapshot(h.doc.board(), a, "Spring review", "", 1000));
    GoalPlacement m{h.goal, h.cols[0], 0.6, 0};
    h.doc.apply(moveGoals(h.doc.board(), std::span(&m, 1)));
    h.doc.apply(takeSnapshot(h.doc.board(), b, "Autumn review", "", 2000));
    h.im.step(2);

    // "from": the spring snapshot; "to": the autumn one, both picked from the lists.
    h.im.clickItem("combo:compare-from");
    h.im.step(2);
    const std::string from = "combo:compare-from/" + std::to_string(a.value);
    REQUIRE(h.im.item(from));
    h.im.clickItem(from);
    h.im.step(2);
    CHECK_FALSE(h.state.history.comparing);
    REQUIRE(h.im.item("combo:compare-to"));
    h.im.clickItem("combo:compare-to");
    h.im.step(2);
    const std::string pick = "combo:compare-to/" + std::to_string(b.value);
    REQUIRE(h.im.item(pick));
    h.im.clickItem(pick);
    h.im.step(2);
    CHECK_FALSE(h.state.history.comparing); // nothing ran yet; the button is still Compare
    REQUIRE(h.im.item("button:compare"));
    CHECK(h.im.item("combo:compare-to")->label.find("Autumn review") != std::string::npos);

    h.im.clickItem("button:compare");
    h.im.step(2);
    CHECK(h.state.history.comparing);
    CHECK(h.state.history.compareTo == b);
    REQUIRE(h.im.item("change:0"));
}
