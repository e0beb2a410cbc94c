// Changes made elsewhere (issue: two devices, one plan): the board file changed on disk by a
// sync tool or a script, conflict copies beside it, autosaved work older than the file.
#include "model/edits.hpp"
#include "session/session.hpp"
#include "session_fixture.hpp"

#include <doctest/doctest.h>

using namespace horizons;
using namespace horizons::session;
using namespace horizons::session::test;

namespace {

const fs::path kBoard = "/sync/plan.horizons.json";

// Another program changes the board file: `change` edits what is on disk.
template <class F> void changeOnDisk(Fixture& f, const fs::path& p, F change) {
    Board b = f.onDisk(p);
    change(b);
    f.advance(1);
    f.files->replaceExternally(p, b);
}

void addGoalTo(Board& b, const std::string& title) {
    Goal g;
    g.id = GoalId{b.nextId++};
    g.title = title;
    g.horizon = orderedHorizons(b.content).front()->id;
    b.content.goals.put(g);
}

const Goal* goalTitled(const Board& b, const std::string& title) {
    for (const Goal& g : b.content.goals)
        if (g.title == title) return &g;
    return nullptr;
}

void retitleOnDisk(Fixture& f, const std::string& from, const std::string& to) {
    changeOnDisk(f, kBoard, [&](Board& b) {
        Goal g = *goalTitled(b, from);
        g.title = to;
        b.content.goals.put(g);
    });
}

void retitle(Session& s, const std::string& from, const std::string& to) {
    const Goal* g = goalTitled(s.live().board(), from);
    REQUIRE(g);
    REQUIRE(s.apply(renameGoal(s.live().board(), g->id, to)));
}

} // namespace

TEST_CASE("a board changed on disk with no unsaved edits is reloaded on focus, as one undo "
          "step, and is still saved") {
    Fixture f;
    f.writeBoard(kBoard, "Lead a team");
    Session s(f.env());
    s.start(withFile(kBoard.string()));
    changeOnDisk(f, kBoard, [](Board& b) { addGoalTo(b, "Written by the laptop"); });

    REQUIRE(s.dispatch(CheckDisk{}));
    CHECK(hasGoal(s.live().board(), "Written by the laptop"));
    CHECK_FALSE(s.unsaved());
    CHECK(s.notice().find("reloaded") != std::string::npos);
    CHECK(f.files->writes[kBoard] == 0); // reloading writes nothing

    REQUIRE(s.dispatch(Undo{})); // the reload is one step: taking it back is an edit
    CHECK_FALSE(hasGoal(s.live().board(), "Written by the laptop"));
    CHECK(s.unsaved());
}

TEST_CASE("unsaved edits and a change on disk: Save keeps both new goals, and says so") {
    Fixture f;
    f.writeBoard(kBoard, "Lead a team");
    Session s(f.env());
    s.start(withFile(kBoard.string()));
    addGoal(s, "Typed in this window");
    changeOnDisk(f, kBoard, [](Board& b) { addGoalTo(b, "Written by the laptop"); });

    REQUIRE(s.dispatch(Save{}));
    const Board saved = f.onDisk(kBoard);
    CHECK(hasGoal(saved, "Typed in this window"));
    CHECK(hasGoal(saved, "Written by the laptop"));
    CHECK(hasGoal(saved, "Lead a team"));
    CHECK(s.notice().find("merged") != std::string::npos);
    CHECK_FALSE(s.unsaved());

    SUBCASE("and the next save needs no merge") {
        addGoal(s, "Later");
        REQUIRE(s.dispatch(Save{}));
        CHECK(hasGoal(f.onDisk(kBoard), "Later"));
        CHECK(s.pendingMerge() == nullptr);
    }
}

TEST_CASE("quitting with unsaved edits after a change on disk merges before it saves") {
    Fixture f;
    f.writeBoard(kBoard, "Lead a team");
    Session s(f.env());
    s.start(withFile(kBoard.string()));
    addGoal(s, "Typed in this window");
    changeOnDisk(f, kBoard, [](Board& b) { addGoalTo(b, "From the script"); });
    REQUIRE(s.dispatch(Quit{}));
    CHECK(s.quitApproved());
    CHECK(hasGoal(f.onDisk(kBoard), "Typed in this window"));
    CHECK(hasGoal(f.onDisk(kBoard), "From the script"));
}

TEST_CASE("conflicting changes: nothing is written until every conflict has a side") {
    Fixture f;
    f.writeBoard(kBoard, "Lead a team");
    Session s(f.env());
    s.start(withFile(kBoard.string()));
    retitle(s, "Lead a team", "Lead the platform team");
    retitleOnDisk(f, "Lead a team", "Lead a product team");
    const std::string disk = f.files->files[kBoard];

    CHECK_FALSE(s.dispatch(Save{}));
    CHECK(f.files->files[kBoard] == disk);
    CHECK(s.notice().find("Not saved") != std::string::npos);
    REQUIRE(s.pendingMerge());
    CHECK(s.pendingMerge()->source == PendingMerge::Source::Disk);
    const MergeResult* preview = s.mergePreview();
    REQUIRE(preview);
    REQUIRE(preview->conflicts.size() == 1);
    const MergeConflict c = preview->conflicts.front();
    CHECK(c.ours == "\"Lead the platform team\"");
    CHECK(c.theirs == "\"Lead a product team\"");
    CHECK_FALSE(s.dispatch(ApplyMerge{}));  // not yet resolved
    CHECK_FALSE(s.dispatch(CancelMerge{})); // the file's changes cannot be set aside
    CHECK_FALSE(s.dispatch(Quit{}));        // quitting cannot save either: kept in recovery
    CHECK(f.files->files[kBoard] == disk);
    CHECK(f.files->recovery.contains(kBoard));

    SUBCASE("taking theirs") {
        REQUIRE(s.dispatch(ResolveConflict{c.kind, c.id, c.field, Resolution::Theirs}));
        REQUIRE(s.dispatch(ApplyMerge{}));
        CHECK(goalTitled(s.live().board(), "Lead a product team"));
        REQUIRE(s.dispatch(Save{}));
        CHECK(goalTitled(f.onDisk(kBoard), "Lead a product team"));
        CHECK_FALSE(goalTitled(f.onDisk(kBoard), "Lead the platform team"));
    }
    SUBCASE("keeping both versions of the goal") {
        REQUIRE(s.dispatch(ResolveConflict{c.kind, c.id, c.field, Resolution::Both}));
        REQUIRE(s.dispatch(ApplyMerge{}));
        REQUIRE(s.dispatch(Save{}));
        CHECK(goalTitled(f.onDisk(kBoard), "Lead a product team"));
        CHECK(goalTitled(f.onDisk(kBoard), "Lead the platform team"));
    }
    SUBCASE("keeping mine for all, as one undo step") {
        REQUIRE(s.dispatch(ResolveAllConflicts{Resolution::Ours}));
        REQUIRE(s.dispatch(ApplyMerge{}));
        REQUIRE(s.dispatch(Save{}));
        CHECK(goalTitled(f.onDisk(kBoard), "Lead the platform team"));
        CHECK(s.pendingMerge() == nullptr);
    }
    SUBCASE("Save as writes this window's board elsewhere; the file keeps its own changes") {
        REQUIRE(s.dispatch(SaveAs{"/sync/mine"}));
        CHECK(goalTitled(f.onDisk("/sync/mine.horizons.json"), "Lead the platform team"));
        CHECK(f.files->files[kBoard] == disk);
        CHECK(s.pendingMerge() == nullptr);
    }
}

TEST_CASE("a board file deleted elsewhere is written again by Save; one that cannot be read "
          "is never overwritten") {
    Fixture f;
    f.writeBoard(kBoard, "Lead a team");
    Session s(f.env());
    s.start(withFile(kBoard.string()));
    SUBCASE("deleted") {
        f.files->files.erase(kBoard);
        REQUIRE(s.dispatch(CheckDisk{}));
        CHECK(s.unsaved());
        CHECK(s.notice().find("moved or deleted") != std::string::npos);
        REQUIRE(s.dispatch(Save{}));
        CHECK(hasGoal(f.onDisk(kBoard), "Lead a team"));
    }
    SUBCASE("half written by a sync tool") {
        addGoal(s, "Mine");
        f.files->files[kBoard] = "{\"horizons\": ";
        CHECK_FALSE(s.dispatch(Save{}));
        CHECK(f.files->files[kBoard] == "{\"horizons\": ");
        CHECK(s.notice().find("cannot be read") != std::string::npos);
    }
}

TEST_CASE("a second window, read only, follows the file its first window saves") {
    Fixture f;
    f.writeBoard(kBoard, "Lead a team");
    Session first(f.env());
    first.start(withFile(kBoard.string()));
    Session second(f.env());
    second.start(withFile(kBoard.string()));
    REQUIRE(second.readOnly());
    addGoal(first, "Saved by the first window");
    f.advance(1);
    REQUIRE(first.dispatch(Save{}));
    REQUIRE(second.dispatch(CheckDisk{}));
    CHECK(hasGoal(second.live().board(), "Saved by the first window"));
    CHECK_FALSE(second.dispatch(Save{})); // still read only
}

TEST_CASE("sync conflict copies beside the board are offered, merged as one undo step, and "
          "can then go to the trash") {
    Fixture f;
    f.writeBoard(kBoard, "Lead a team");
    Board copy = f.onDisk(kBoard);
    // Both sides keep the snapshot they share: it is the merge's base.
    Snapshot sn;
    sn.id = SnapshotId{copy.nextId++};
    sn.name = "Before the trip";
    sn.content = copy.content;
    copy.snapshots.put(sn);
    f.files->replaceExternally(kBoard, copy);
    REQUIRE(store::loadBoardFromBytes(f.files->files[kBoard], "board"));
    addGoalTo(copy, "Added on the phone");
    const fs::path copyPath = "/sync/plan.sync-conflict-20261201-101500-ABCDEF7.horizons.json";
    f.files->replaceExternally(copyPath, copy);

    Session s(f.env());
    s.start(withFile(kBoard.string()));
    REQUIRE(s.conflictCopies().size() == 1);
    CHECK(s.conflictCopies().front().path == copyPath);
    addGoal(s, "Added on the desktop");

    REQUIRE(s.dispatch(MergeCopy{copyPath.string()}));
    CHECK(hasGoal(s.live().board(), "Added on the phone"));
    CHECK(hasGoal(s.live().board(), "Added on the desktop"));
    CHECK(s.copyMerged(copyPath));
    CHECK(s.status().undoLabel.find("Merge") != std::string::npos);

    REQUIRE(s.dispatch(SetCopyAside{copyPath.string(), true}));
    CHECK(s.conflictCopies().empty());
    CHECK_FALSE(f.files->files.contains(copyPath));
    CHECK(f.files->trash.contains(copyPath));
    REQUIRE(s.dispatch(CheckDisk{}));
    CHECK(s.conflictCopies().empty());
}

TEST_CASE("a conflict copy set aside is not offered again while the board is open") {
    Fixture f;
    f.writeBoard(kBoard, "Lead a team");
    const fs::path copyPath = "/sync/plan (conflicted copy 2026-12-01).horizons.json";
    f.files->replaceExternally(copyPath, f.onDisk(kBoard));
    Session s(f.env());
    s.start(withFile(kBoard.string()));
    REQUIRE(s.conflictCopies().size() == 1);
    REQUIRE(s.dispatch(SetCopyAside{copyPath.string(), false}));
    REQUIRE(s.dispatch(CheckDisk{}));
    CHECK(s.conflictCopies().empty());
    CHECK(f.files->files.contains(copyPath)); // only set aside, still there
}

TEST_CASE("autosaved work older than the board file (changed after a crash) is merged into "
          "it, not dropped") {
    Fixture f;
    f.writeBoard(kBoard, "Lead a team");
    {
        Session s(f.env());
        s.start(withFile(kBoard.string()));
        addGoal(s, "Autosaved before the crash");
        s.tick();
        f.advance(3);
        s.tick();
        REQUIRE(f.files->recovery.contains(kBoard));
    } // a crash: the session ends without saving
    changeOnDisk(f, kBoard, [](Board& b) { addGoalTo(b, "Synced from the laptop"); });

    Session t(f.env());
    t.start(withFile(kBoard.string()));
    CHECK(hasGoal(t.live().board(), "Autosaved before the crash"));
    CHECK(hasGoal(t.live().board(), "Synced from the laptop"));
    CHECK(t.unsaved());
    CHECK(t.status().recovered);
    REQUIRE(t.dispatch(Save{}));
    CHECK(hasGoal(f.onDisk(kBoard), "Autosaved before the crash"));
    CHECK(hasGoal(f.onDisk(kBoard), "Synced from the laptop"));
}
