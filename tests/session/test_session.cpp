// The session's rules, one test each, with files in memory and a hand-driven clock.
#include "model/edits.hpp"
#include "model/validate.hpp"
#include "session/session.hpp"
#include "session_fixture.hpp"
#include "store/board_file.hpp"

#include <doctest/doctest.h>

using namespace horizons;
using namespace horizons::session;

using namespace horizons::session::test;

TEST_CASE("while a snapshot is shown, edits, undo and redo are refused and the live board "
          "is untouched") {
    Fixture f;
    Session s(f.env());
    s.start(withFile("/b/board.horizons.json"));
    const SnapshotId snap = snapshot(s, "Before the review");
    addGoal(s, "Moved after the snapshot");
    const std::uint64_t before = s.live().stateId();

    REQUIRE(s.dispatch(ViewSnapshot{snap}));
    CHECK(s.readOnly());
    CHECK_FALSE(s.viewed().content().goals.size() == s.live().content().goals.size());
    CHECK_FALSE(s.dispatch(Undo{}));
    CHECK_FALSE(s.dispatch(Redo{}));
    CHECK_FALSE(s.apply(renameGoal(s.viewed().board(), GoalId{1}, "x")));
    CHECK(s.notice().find("read only") != std::string::npos);
    CHECK(s.live().stateId() == before);
    CHECK(s.live().board().snapshots.contains(snap)); // the old bug: Ctrl+Z undid the snapshot
    CHECK(hasGoal(s.live().board(), "Moved after the snapshot"));
    CHECK_FALSE(s.status().canUndo);

    REQUIRE(s.dispatch(ViewSnapshot{}));
    CHECK(s.dispatch(Undo{})); // back on the live board, undo works again
}

TEST_CASE("a FILE given on the command line is relative to the working directory") {
    Fixture f;
    const fs::path expected = fs::current_path() / "plan.horizons.json";
    f.writeBoard(expected, "Here");
    Session s(f.env());
    s.start(withFile("plan.horizons.json"));
    CHECK(s.path() == expected);
    CHECK(s.live().content().meta.title == "Here"); // it used to open <data>/plan.horizons.json
}

TEST_CASE("a file that failed to load is never written, and the open board stays open") {
    Fixture f;
    f.writeBoard("/b/good.horizons.json", "Good");
    f.files->files["/b/bad.horizons.json"] = "{ not json";
    Session s(f.env());
    s.start(withFile("/b/good.horizons.json"));
    addGoal(s, "unsaved");

    CHECK_FALSE(s.dispatch(Open{"/b/bad.horizons.json"}));
    CHECK(s.path() == "/b/good.horizons.json");
    CHECK(s.notice().find("Could not open") != std::string::npos);
    CHECK(s.dispatch(Save{}));
    CHECK(f.files->files["/b/bad.horizons.json"] == "{ not json");
    CHECK(f.files->writes["/b/bad.horizons.json"] == 0);

    // Started with the bad file: an untitled board, and Save asks for a name.
    Session t(f.env());
    t.start(withFile("/b/bad.horizons.json"));
    CHECK(t.path().empty());
    CHECK_FALSE(t.status().error.empty());
    addGoal(t, "typed after the error");
    CHECK_FALSE(t.dispatch(Save{}));
    CHECK(t.takeSaveAsRequest());
    CHECK(t.dispatch(Quit{})); // kept as an untitled board in the data folder
    CHECK(f.files->files["/b/bad.horizons.json"] == "{ not json");
}

TEST_CASE("untitled boards are kept in the data folder, with the board extension") {
    Fixture f;
    Session s(f.env());
    s.start(blank());
    addGoal(s, "Untitled work");
    REQUIRE(s.dispatch(NewBoard{}));
    REQUIRE(s.recent().size() == 1);
    const fs::path kept = s.recent().front();
    CHECK(kept.parent_path() == f.files->data);
    CHECK(kept.filename().string().rfind("Untitled board ", 0) == 0);
    CHECK(kept.string().ends_with(".horizons.json"));
    CHECK(hasGoal(f.onDisk(kept), "Untitled work"));

    // Save as with a bare name: next to nothing (untitled) means the data folder, and the
    // extension is added.
    addGoal(s, "Second");
    REQUIRE(s.dispatch(SaveAs{"review-2026"}));
    CHECK(s.path() == f.files->data / "review-2026.horizons.json");
}

TEST_CASE("quit, open and new save unsaved changes to the board's own file first") {
    Fixture f;
    f.writeBoard("/b/a.horizons.json", "A");
    f.writeBoard("/b/b.horizons.json", "B");
    Session s(f.env());
    s.start(withFile("/b/a.horizons.json"));

    addGoal(s, "edit of A");
    REQUIRE(s.dispatch(Open{"/b/b.horizons.json"}));
    CHECK(hasGoal(f.onDisk("/b/a.horizons.json"), "edit of A"));
    CHECK_FALSE(hasGoal(f.onDisk("/b/b.horizons.json"), "edit of A"));

    addGoal(s, "edit of B");
    REQUIRE(s.dispatch(NewBoard{}));
    CHECK(hasGoal(f.onDisk("/b/b.horizons.json"), "edit of B"));
    CHECK(s.path().empty());

    REQUIRE(s.dispatch(Open{"/b/a.horizons.json"}));
    addGoal(s, "second edit of A");
    REQUIRE(s.dispatch(Quit{}));
    CHECK(s.quitApproved());
    CHECK(hasGoal(f.onDisk("/b/a.horizons.json"), "second edit of A"));
}

TEST_CASE("work that can be kept nowhere: open and new are refused, the first quit too") {
    Fixture f;
    f.writeBoard("/ro/a.horizons.json", "A");
    f.writeBoard("/b/other.horizons.json", "Other");
    f.files->failWrites["/ro/a.horizons.json"] = "Read-only file system";
    f.files->failRecovery = true;
    Session s(f.env());
    s.start(withFile("/ro/a.horizons.json"));
    addGoal(s, "precious");

    CHECK_FALSE(s.dispatch(Open{"/b/other.horizons.json"}));
    CHECK(s.path() == "/ro/a.horizons.json");
    CHECK(hasGoal(s.live().board(), "precious"));
    CHECK_FALSE(s.dispatch(NewBoard{}));
    CHECK(hasGoal(s.live().board(), "precious"));

    CHECK_FALSE(s.dispatch(Quit{}));
    CHECK_FALSE(s.quitApproved());
    CHECK(s.notice().find("Quit again") != std::string::npos);
    f.advance(3);
    CHECK(s.dispatch(Quit{})); // a second quit soon after leaves
    CHECK(s.quitApproved());
}

TEST_CASE("when only the recovery copy can keep the work, it does, and open still waits") {
    Fixture f;
    f.writeBoard("/ro/a.horizons.json", "A");
    f.files->failWrites["/ro/a.horizons.json"] = "Read-only file system";
    Session s(f.env());
    s.start(withFile("/ro/a.horizons.json"));
    addGoal(s, "precious");
    CHECK_FALSE(s.dispatch(NewBoard{}));
    REQUIRE(f.files->recovery.contains("/ro/a.horizons.json"));
    CHECK(s.notice().find("recovery copy") != std::string::npos);
}

TEST_CASE("autosave writes a recovery copy after a pause, and a restart offers it back") {
    Fixture f;
    f.writeBoard("/b/a.horizons.json", "A");
    {
        Session s(f.env());
        s.start(withFile("/b/a.horizons.json"));
        addGoal(s, "autosaved");
        s.tick();
        f.advance(1);
        s.tick();
        CHECK_FALSE(f.files->recovery.contains("/b/a.horizons.json")); // not yet: 2 s pause
        f.advance(1.5);
        s.tick();
        CHECK(f.files->recovery.contains("/b/a.horizons.json"));
        // crash: the session is gone without saving (the destructor does not save)
    }
    f.advance(1);
    Session t(f.env());
    t.start(withFile("/b/a.horizons.json"));
    CHECK(t.status().recovered);
    CHECK(t.unsaved());
    CHECK(hasGoal(t.live().board(), "autosaved"));
    CHECK(t.notice().find("Recovered") != std::string::npos);

    SUBCASE("discarding goes back to the file as saved") {
        REQUIRE(t.dispatch(DiscardRecovery{}));
        CHECK_FALSE(hasGoal(t.live().board(), "autosaved"));
        CHECK_FALSE(t.unsaved());
        CHECK_FALSE(f.files->recovery.contains("/b/a.horizons.json"));
    }
    SUBCASE("saving keeps it and the recovery copy goes") {
        REQUIRE(t.dispatch(Save{}));
        CHECK(hasGoal(f.onDisk("/b/a.horizons.json"), "autosaved"));
        CHECK_FALSE(f.files->recovery.contains("/b/a.horizons.json"));
    }
}

TEST_CASE("recovery is offered only for its own board; one older than the file is merged into "
          "it, never put in its place") {
    Fixture f;
    f.writeBoard("/b/a.horizons.json", "A");
    f.writeBoard("/b/b.horizons.json", "B");
    Board stale = f.onDisk("/b/a.horizons.json");
    stale.content.meta.title = "stale";
    f.files->writeRecovery("/b/a.horizons.json", stale);
    f.advance(5);
    f.writeBoard("/b/a.horizons.json", "A saved later"); // the file is newer than the copy

    Session s(f.env());
    s.start(withFile("/b/b.horizons.json"));
    CHECK_FALSE(s.status().recovered); // b has no recovery; a's is not b's
    REQUIRE(s.dispatch(Open{"/b/a.horizons.json"}));
    CHECK_FALSE(s.status().recovered); // older than a's file: not in its place ...
    CHECK(s.live().content().meta.title == "A saved later");
    REQUIRE(s.pendingMerge()); // ... but merged, and the two titles are a conflict to choose
    CHECK(s.pendingMerge()->source == PendingMerge::Source::Recovery);
    REQUIRE(s.dispatch(CancelMerge{})); // "Discard the autosaved work"
    CHECK_FALSE(f.files->recovery.contains("/b/a.horizons.json"));
}

TEST_CASE("Save as moves recovery to the new path; the next start opens that board, no "
          "prompt, and the old board is never written with its content") {
    Fixture f;
    const fs::path def = f.files->ensureDefaultBoard(nullptr);
    const std::string defaultBefore = f.files->files[def];
    {
        Session s(f.env());
        s.start(StartOptions{});
        CHECK(s.path() == def);
        addGoal(s, "work for the new file");
        s.tick();
        f.advance(3);
        s.tick(); // autosaved for the default board's path
        REQUIRE(f.files->recovery.contains(def));
        REQUIRE(s.dispatch(SaveAs{"/b/new.horizons.json"}));
        CHECK_FALSE(f.files->recovery.contains(def)); // the old bug: offered at next start
        REQUIRE(s.dispatch(Quit{}));
        StartOptions next = lastBoard(s.lastBoard());
        next.recent = s.recent();
        Session t(f.env());
        t.start(next);
        CHECK(t.path() == "/b/new.horizons.json");
        CHECK_FALSE(t.status().recovered);
        CHECK(hasGoal(t.live().board(), "work for the new file"));
        REQUIRE(t.dispatch(Open{def.string()}));
        CHECK_FALSE(t.status().recovered);
        REQUIRE(t.dispatch(Save{}));
    }
    CHECK_FALSE(hasGoal(f.onDisk(def), "work for the new file"));
}

TEST_CASE("opening another board never writes one board's content to another's path") {
    Fixture f;
    f.writeBoard("/b/a.horizons.json", "A");
    f.writeBoard("/b/b.horizons.json", "B");
    Session s(f.env());
    s.start(withFile("/b/a.horizons.json"));
    for (int i = 0; i < 3; ++i) {
        addGoal(s, "A" + std::to_string(i));
        REQUIRE(s.dispatch(Open{"/b/b.horizons.json"}));
        addGoal(s, "B" + std::to_string(i));
        REQUIRE(s.dispatch(Open{"/b/a.horizons.json"}));
    }
    REQUIRE(s.dispatch(Quit{}));
    const Board a = f.onDisk("/b/a.horizons.json"), b = f.onDisk("/b/b.horizons.json");
    for (int i = 0; i < 3; ++i) {
        CHECK(hasGoal(a, "A" + std::to_string(i)));
        CHECK_FALSE(hasGoal(a, "B" + std::to_string(i)));
        CHECK(hasGoal(b, "B" + std::to_string(i)));
        CHECK_FALSE(hasGoal(b, "A" + std::to_string(i)));
    }
}

TEST_CASE("with no FILE the last open board opens again; if it is gone, the default, saying so") {
    Fixture f;
    f.writeBoard("/b/yesterday.horizons.json", "Yesterday");
    Session s(f.env());
    s.start(lastBoard("/b/yesterday.horizons.json"));
    CHECK(s.path() == "/b/yesterday.horizons.json");

    f.files->files.erase("/b/yesterday.horizons.json");
    Session t(f.env());
    t.start(lastBoard("/b/yesterday.horizons.json"));
    CHECK(t.path() == f.files->data / "board.horizons.json");
    CHECK(t.notice().find("no longer there") != std::string::npos);

    f.files->files["/b/broken.horizons.json"] = "{";
    Session u(f.env());
    u.start(lastBoard("/b/broken.horizons.json"));
    CHECK(u.path() == f.files->data / "board.horizons.json");
    CHECK(u.notice().find("default board") != std::string::npos);
    CHECK(f.files->files["/b/broken.horizons.json"] == "{");
}

TEST_CASE("Open recent lists the last ten boards that still exist, newest first") {
    Fixture f;
    Session s(f.env());
    s.start(blank());
    for (int i = 0; i < 12; ++i) {
        const std::string p = "/b/" + std::to_string(i) + ".horizons.json";
        f.writeBoard(p, "B" + std::to_string(i));
        REQUIRE(s.dispatch(Open{p}));
    }
    f.files->files.erase("/b/10.horizons.json");
    const auto r = s.recent();
    REQUIRE(r.size() == 9);
    CHECK(r.front() == "/b/11.horizons.json");
    CHECK(r.back() == "/b/2.horizons.json");
}

TEST_CASE("restoring a snapshot keeps the conversation log and every person's contact history") {
    Fixture f;
    Session s(f.env());
    s.start(blank());
    Person sam;
    sam.id = s.newId<PersonId>();
    sam.name = "Sam";
    REQUIRE(s.apply(addPerson(s.live().board(), sam)));
    const SnapshotId before = snapshot(s, "Before Priya");
    Person priya;
    priya.id = s.newId<PersonId>();
    priya.name = "Priya";
    REQUIRE(s.apply(addPerson(s.live().board(), priya)));
    Conversation withSam{s.newId<ConversationId>(),
                         Date::fromYmd(2026, 11, 1),
                         sam.id,
                         {},
                         "",
                         {"ask about the move"},
                         ""};
    Conversation withPriya{
        s.newId<ConversationId>(), Date::fromYmd(2026, 11, 20), priya.id, {}, "mentoring", {}, ""};
    REQUIRE(s.apply(logConversation(s.live().board(), withSam)));
    REQUIRE(s.apply(logConversation(s.live().board(), withPriya)));

    REQUIRE(s.apply(restoreSnapshot(s.live().board(), before, s.newId<SnapshotId>(), 2)));
    const BoardContent& c = s.live().content();
    CHECK_FALSE(c.people.contains(priya.id)); // the plan went back
    REQUIRE(c.conversations.size() == 2);     // the log did not
    CHECK(lastTalked(c, sam.id) == Date::fromYmd(2026, 11, 1));
    const Conversation* p = c.conversations.find(withPriya.id);
    REQUIRE(p);
    CHECK(conversationWith(c, *p) == "Priya (former contact)");
    CHECK(p->notes == "mentoring");
    CHECK_FALSE(validateBoard(s.live().board()).has_value());
    REQUIRE(s.dispatch(Undo{}));
    CHECK(s.live().content().people.contains(priya.id));
}

TEST_CASE("deleting a person keeps the conversations held with them, under a former contact") {
    Fixture f;
    Session s(f.env());
    s.start(blank());
    Person sam;
    sam.id = s.newId<PersonId>();
    sam.name = "Sam";
    REQUIRE(s.apply(addPerson(s.live().board(), sam)));
    Conversation cv{
        s.newId<ConversationId>(), Date::fromYmd(2026, 11, 1), sam.id, {}, "notes", {}, ""};
    REQUIRE(s.apply(logConversation(s.live().board(), cv)));
    const PersonId ids[] = {sam.id};
    REQUIRE(s.apply(deletePeople(s.live().board(), ids)));
    const Conversation* kept = s.live().content().conversations.find(cv.id);
    REQUIRE(kept);
    CHECK(conversationWith(s.live().content(), *kept) == "Sam (former contact)");
    CHECK_FALSE(validateBoard(s.live().board()).has_value());
    // and it survives the file
    const auto r = store::loadBoardFromBytes(store::serializeJson(s.live().board()), "t");
    REQUIRE(r);
    CHECK(r.board->content.conversations.find(cv.id)->formerContact == "Sam");
    REQUIRE(s.dispatch(Undo{}));
    CHECK(s.live().content().conversations.find(cv.id)->person == sam.id);
}

TEST_CASE("cancelling a rename of a new goal takes the goal back without a redo step") {
    Fixture f;
    Session s(f.env());
    s.start(blank());
    const Goal g = newGoal(s, "");
    REQUIRE(s.apply(horizons::addGoal(s.live().board(), g), 77));
    REQUIRE(s.apply(renameGoal(s.live().board(), g.id, "Half typed"), 77));
    REQUIRE(s.dispatch(CancelGesture{77}));
    CHECK_FALSE(s.live().content().goals.contains(g.id));
    CHECK_FALSE(s.live().canRedo());
    CHECK_FALSE(s.dispatch(CancelGesture{77})); // nothing open any more
}

TEST_CASE("coach hints are computed once per board generation, shared by every view") {
    Fixture f;
    Session s(f.env());
    s.start(blank());
    const Date today = Date::fromYmd(2026, 12, 3);
    const std::size_t n0 = s.derived(today).hintComputations();
    s.derived(today);
    s.derived(today);
    CHECK(s.derived(today).hintComputations() == n0);
    const std::uint64_t g0 = s.generation();
    addGoal(s, "new");
    CHECK(s.generation() != g0);
    CHECK(s.derived(today).hintComputations() == n0 + 1);
    const SnapshotId snap = snapshot(s, "s");
    REQUIRE(s.dispatch(ViewSnapshot{snap}));
    const std::uint64_t g1 = s.generation();
    REQUIRE(s.dispatch(ViewSnapshot{}));
    CHECK(s.generation() != g1); // switching back to live is a new generation for views
}

TEST_CASE("an export never replaces the open board") {
    Fixture f;
    f.writeBoard("/b/a.horizons.json", "A");
    Session s(f.env());
    s.start(withFile("/b/a.horizons.json"));
    const std::string before = f.files->files["/b/a.horizons.json"];
    CHECK_FALSE(s.dispatch(ExportText{"/b/a.horizons.json", "# plan"}));
    CHECK_FALSE(s.dispatch(ExportText{"a.horizons.json", "# plan"})); // relative: same file
    CHECK(f.files->files["/b/a.horizons.json"] == before);
    CHECK(s.dispatch(ExportText{"plan.md", "# plan"}));
    CHECK(f.files->files["/b/plan.md"] == "# plan");
}

TEST_CASE("an autosave that fails is said in the status line") {
    Fixture f;
    f.writeBoard("/b/a.horizons.json", "A");
    f.files->failRecovery = true;
    Session s(f.env());
    s.start(withFile("/b/a.horizons.json"));
    addGoal(s, "x");
    s.tick();
    f.advance(3);
    s.tick();
    s.tick();
    CHECK(s.notice().find("Autosave failed") != std::string::npos);
}

TEST_CASE("one writer per board: a board open in another Horizons is read only here and its "
          "file is never written") {
    Fixture f;
    f.writeBoard("/b/a.horizons.json", "A");
    const std::string before = f.files->files["/b/a.horizons.json"];
    f.files->lockedBy["/b/a.horizons.json"] = "process 42 on laptop";
    Session second(f.env());
    second.start(withFile("/b/a.horizons.json"));
    CHECK(second.readOnly());
    CHECK(second.status().lockedBy == "process 42 on laptop");
    CHECK(second.notice().find("open in another Horizons") != std::string::npos);
    CHECK_FALSE(second.apply(renameGoal(second.live().board(), GoalId{1}, "second's edit")));
    CHECK_FALSE(second.dispatch(Save{}));
    CHECK(second.dispatch(Quit{}));
    CHECK(f.files->files["/b/a.horizons.json"] == before);
    CHECK(f.files->writes["/b/a.horizons.json"] == 0);
    CHECK_FALSE(f.files->recovery.contains("/b/a.horizons.json")); // no second autosave either

    // Our own session holds the lock while the board is open, and lets go when it closes.
    f.files->lockedBy.clear();
    {
        Session first(f.env());
        first.start(withFile("/b/a.horizons.json"));
        CHECK_FALSE(first.readOnly());
        CHECK(f.files->lockedBy.contains("/b/a.horizons.json"));
        Session other(f.env());
        other.start(withFile("/b/a.horizons.json"));
        CHECK(other.readOnly());
        // Save as onto a board another session has open is refused too.
        f.writeBoard("/b/b.horizons.json", "B");
        REQUIRE(other.dispatch(Open{"/b/b.horizons.json"}));
        CHECK_FALSE(other.readOnly());
        CHECK_FALSE(other.dispatch(SaveAs{"/b/a.horizons.json"}));
        CHECK(other.notice().find("open in another Horizons") != std::string::npos);
    }
    CHECK(f.files->lockedBy.empty());
}
