// History panel, read-only snapshot view, conversation prep and log, driven headlessly through
// the real shell (drawApp): take a snapshot, move a goal, compare, select the change, restore,
// undo; open a snapshot read-only and come back; agenda copy; follow-up -> six-month goal.
#include "model/document.hpp"
#include "model/edits.hpp"
#include "support/imgui_fixture.hpp"
#include "support/session_harness.hpp"
#include "ui/app_ui.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace horizons;
using horizons::test::Ctrl;
using horizons::test::ImGuiFixture;

namespace {

Board planWithSam(std::vector<HorizonId>& cols, GoalId& goal, PersonId& sam) {
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
    return b;
}

// The real window over a real session (files in memory).
struct Harness {
    ImGuiFixture im;
    std::vector<HorizonId> cols;
    GoalId goal;
    PersonId sam;
    test::SessionHarness sh{planWithSam(cols, goal, sam)};
    session::Session& s = sh.s;
    ui::AppUiState state;

    Harness() {
        state.panels.history = true;
        im.setDraw([this] { ui::drawApp(state, s); });
        im.step(3);
    }
    const Document& doc() const { return s.live(); }
    const Goal& g() const { return *doc().content().goals.find(goal); }
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
    REQUIRE(h.doc().board().snapshots.size() == 1);
    const SnapshotId snap = h.doc().board().snapshots.begin()->id;
    CHECK(h.doc().board().snapshots.begin()->name.rfind("Review ", 0) == 0);

    // Move the goal to six months (what a drag on the board dispatches).
    GoalPlacement m{h.goal, h.cols[0], 0.6, 0};
    h.s.apply(moveGoals(h.doc().board(), std::span(&m, 1)));
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
    CHECK(h.doc().board().snapshots.size() == 2);
    CHECK_FALSE(h.im.item("change:0")); // the live board equals the snapshot again

    // Undo (Ctrl+Z through the shell): back to the moved state, in one step.
    h.im.key(ImGuiKey_Z, Ctrl);
    h.im.step(2);
    CHECK(h.g().horizon == h.cols[0]);
    CHECK(h.doc().board().snapshots.size() == 1);
    REQUIRE(h.im.item("change:0"));
    CHECK(h.im.item("change:0")->label == "Moved \"Lead a team\" from 2 years to 6 months");
}

TEST_CASE("history: open a snapshot read-only, then go back to the current board") {
    Harness h;
    const SnapshotId snap = h.s.newId<SnapshotId>();
    h.s.apply(takeSnapshot(h.doc().board(), snap, "Spring review", "", 1700000000));
    h.s.apply(renameGoal(h.doc().board(), h.goal, "Lead a bigger team"));
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
    CHECK(h.s.viewing() == snap);
    CHECK(h.s.viewed().content().goals.find(h.goal)->title == "Lead a team");
    CHECK(h.g().title == "Lead a bigger team");
    const auto* saved = h.im.item("status:saved");
    REQUIRE(saved);
    CHECK(saved->label == "Read-only");

    // Ctrl+Z while it is shown: refused, said so, and the live board keeps its edit and its
    // snapshot (it used to undo the snapshot itself).
    h.im.key(ImGuiKey_Z, Ctrl);
    h.im.step(1);
    CHECK(h.g().title == "Lead a bigger team");
    CHECK(h.doc().board().snapshots.contains(snap));
    REQUIRE(h.im.item("status:message"));
    CHECK(h.im.item("status:message")->label.find("read only") != std::string::npos);

    h.im.clickItem("button:snapshot-back");
    h.im.step(2);
    CHECK_FALSE(h.im.item("banner:snapshot"));
    CHECK_FALSE(h.state.shared.readOnly);
    CHECK(&h.s.viewed() == &h.doc());
}

TEST_CASE("prep: the agenda copied to share or for me, exported to share, each labelled") {
    Harness h;
    h.s.apply(updatePerson(h.doc().board(), [&] {
        Person p = *h.doc().content().people.find(h.sam);
        p.notes = "MARK-PRIVATE-NOTE";
        p.trust = 2;
        return p;
    }()));
    h.state.panels.prep = true;
    h.state.shared.selection.selectOnly(h.sam);
    h.im.step(3);
    CHECK(h.im.item("agenda-goal:" + std::to_string(h.goal.value)));
    REQUIRE(h.im.item("button:agenda-copy-share"));
    CHECK(h.im.item("button:agenda-copy-share")->label == "Copy to share");
    CHECK(h.im.item("button:agenda-copy-me")->label == "Copy for me");
    CHECK(h.im.item("button:agenda-export")->label == "Export to share…");
    auto clipboard = [] {
        return std::string(ImGui::GetClipboardText() ? ImGui::GetClipboardText() : "");
    };

    h.im.clickItem("button:agenda-copy-share");
    std::string clip = clipboard();
    CHECK(clip.rfind("# Career conversation with Sam\n", 0) == 0);
    CHECK(clip.find("- Lead a team") != std::string::npos);
    CHECK(clip.find("trust") == std::string::npos);
    CHECK(clip.find("MARK-PRIVATE-NOTE") == std::string::npos);

    h.im.clickItem("button:agenda-copy-me");
    clip = clipboard();
    CHECK(clip.rfind("# Prep for a career conversation with Sam (for me", 0) == 0);
    CHECK(clip.find("trust 2/5") != std::string::npos);

    h.im.clickItem("button:agenda-export");
    h.im.step(2);
    REQUIRE(h.im.item("button:agenda-export-ok"));
    h.im.clickItem("button:agenda-export-ok");
    h.im.step(1);
    const std::string& file = h.sh.files->files["/boards/agenda-Sam.md"]; // beside the board
    CHECK(file.rfind("# Career conversation with Sam\n", 0) == 0);
    CHECK(file.find("trust") == std::string::npos);
}

TEST_CASE("conversation log: a follow-up becomes a six-month goal in one click, one undo step") {
    Harness h;
    Conversation cv;
    cv.id = h.s.newId<ConversationId>();
    cv.date = Date::fromYmd(2024, 5, 2);
    cv.person = h.sam;
    cv.followUps = {"Shadow a team lead for a week"};
    h.s.apply(logConversation(h.doc().board(), cv));
    h.state.panels.prep = true;
    h.im.step(3); // the side panel's tabs, then the prep view's own tabs, settle
    h.im.clickItem("tab:conversations");
    h.im.step(2);
    const std::string id = "button:followup-goal:" + std::to_string(cv.id.value) + ":0";
    REQUIRE(h.im.item(id));
    const std::size_t goalsBefore = h.doc().content().goals.size();
    const std::size_t depth = h.doc().undoDepth();
    h.im.clickItem(id);
    h.im.step(2);
    REQUIRE(h.doc().content().goals.size() == goalsBefore + 1);
    CHECK(h.doc().undoDepth() == depth + 1);
    const Goal* made = nullptr;
    for (const auto& g : h.doc().content().goals)
        if (g.title == "Shadow a team lead for a week") made = &g;
    REQUIRE(made);
    CHECK(made->horizon == h.cols[0]); // the shortest horizon: six months
    CHECK(made->kind() == GoalKind::Destination);
    CHECK(made->target.has_value());
    CHECK(countLinkedPeople(h.doc().content(), made->id) == 1);
    CHECK_FALSE(h.im.item(id)); // now "(on the board)"
    h.s.dispatch(session::Undo{});
    CHECK(h.doc().content().goals.size() == goalsBefore);
    CHECK(h.doc().content().links.empty());
}

TEST_CASE("prep and inspector both open: two tabs, the prep first, the inspector one click away") {
    Harness h;
    h.state.panels.inspector = true;
    h.state.panels.prep = true;
    h.state.shared.selection.selectOnly(h.goal);
    h.im.step(3);
    REQUIRE(h.im.item("tab:inspector"));
    REQUIRE(h.im.item("tab:prep"));
    CHECK(h.im.item("button:agenda-copy-share")); // the prep tab came to the front
    CHECK_FALSE(h.im.item("input:inspector-status"));
    h.im.clickItem("tab:inspector");
    h.im.step(2);
    CHECK(h.im.item("input:inspector-status")); // the selected goal's fields
}

TEST_CASE("compare: picking the two sides prepares the comparison; the Compare button runs it") {
    Harness h;
    const SnapshotId a = h.s.newId<SnapshotId>(), b = h.s.newId<SnapshotId>();
    h.s.apply(takeSnapshot(h.doc().board(), a, "Spring review", "", 1000));
    GoalPlacement m{h.goal, h.cols[0], 0.6, 0};
    h.s.apply(moveGoals(h.doc().board(), std::span(&m, 1)));
    h.s.apply(takeSnapshot(h.doc().board(), b, "Autumn review", "", 2000));
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

TEST_CASE("deleting a person you talked to asks first; the conversations stay, under a former "
          "contact") {
    Harness h;
    Conversation cv;
    cv.id = h.s.newId<ConversationId>();
    cv.date = Date::fromYmd(2024, 5, 2);
    cv.person = h.sam;
    cv.notes = "Talked about the move";
    REQUIRE(h.s.apply(logConversation(h.doc().board(), cv)));
    h.im.step(2);
    const std::string person = "person:" + std::to_string(h.sam.value);
    auto pressDelete = [&] { // on the map: select Sam, then Delete
        REQUIRE(h.im.item(person));
        h.im.clickItem(person);
        h.im.key(ImGuiKey_Delete);
        h.im.step(2);
    };
    pressDelete();
    REQUIRE(h.im.item("dialog:delete-person"));
    CHECK(h.im.item("dialog:delete-person")->label.find("former contact") != std::string::npos);
    CHECK(h.doc().content().people.contains(h.sam)); // not before the answer

    h.im.clickItem("button:delete-person-cancel");
    h.im.step(2);
    CHECK_FALSE(h.im.item("dialog:delete-person"));
    CHECK(h.doc().content().people.contains(h.sam));

    pressDelete();
    REQUIRE(h.im.item("button:delete-person-ok"));
    h.im.clickItem("button:delete-person-ok");
    h.im.step(1);
    CHECK_FALSE(h.doc().content().people.contains(h.sam));
    const Conversation* kept = h.doc().content().conversations.find(cv.id);
    REQUIRE(kept);
    CHECK(conversationWith(h.doc().content(), *kept) == "Sam (former contact)");
    CHECK(kept->notes == "Talked about the move");
}
