// Sync conflict copies beside the board: the Syncthing, Dropbox, Nextcloud and OneDrive name
// patterns for both board formats, and look-alikes that must not be taken for them.
#include "store/board_file.hpp"
#include "store/conflict_copies.hpp"
#include "store_test_util.hpp"

#include <doctest/doctest.h>

using namespace horizons;
using namespace horizons::store;
using namespace horizons::testutil;
namespace fs = std::filesystem;

TEST_CASE("conflict copy names of each sync tool, for both formats") {
    struct Case {
        const char* board;
        const char* copy;
        ConflictTool tool;
        const char* detail;
    };
    const Case cases[] = {
        {"plan.horizons.json", "plan.horizons.sync-conflict-20261201-101500-ABCD3FG.json",
         ConflictTool::Syncthing, "ABCD3FG"},
        {"plan.horizons.json", "plan.sync-conflict-20261201-101500-ABCD3FG.horizons.json",
         ConflictTool::Syncthing, "ABCD3FG"},
        {"plan.horizons", "plan.sync-conflict-20261201-235959-Z7Z7Z7Z.horizons",
         ConflictTool::Syncthing, "Z7Z7Z7Z"},
        {"plan.horizons.json", "plan (conflicted copy 2026-12-01).horizons.json",
         ConflictTool::Dropbox, ""},
        {"plan.horizons.json", "plan.horizons (Ann's conflicted copy 2026-12-01).json",
         ConflictTool::Dropbox, "Ann"},
        {"my plan.horizons",
         "my plan (Jane Doe\xE2\x80\x99s conflicted copy 2026-12-01 (2)).horizons",
         ConflictTool::Dropbox, "Jane Doe"},
        {"plan.horizons.json", "plan (conflicted copy 2026-12-01 101500).horizons.json",
         ConflictTool::Nextcloud, ""},
        {"plan.horizons", "plan (conflicted copy anna 2026-12-01 101500).horizons",
         ConflictTool::Nextcloud, "anna"},
        {"plan.horizons.json", "plan-LAPTOP.horizons.json", ConflictTool::OneDrive, "LAPTOP"},
        {"plan.horizons.json", "plan.horizons-DESKTOP-4KQ2J9B.json", ConflictTool::OneDrive,
         "DESKTOP-4KQ2J9B"},
        {"plan.horizons", "plan-WORKPC-2.horizons", ConflictTool::OneDrive, "WORKPC"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.copy);
        const auto m = matchConflictName(c.board, c.copy);
        REQUIRE(m);
        CHECK(m->tool == c.tool);
        CHECK(m->detail == c.detail);
    }
    CHECK(toolName(ConflictTool::Nextcloud) == "Nextcloud");
}

TEST_CASE("look-alikes are not conflict copies") {
    const char* board = "plan.horizons.json";
    const char* notCopies[] = {
        "plan.horizons.json",                                        // the board itself
        "plan.horizons.json.bak",                                    // its backup
        ".plan.horizons.json.tmp-12-0",                              // our temp file
        ".plan.horizons.json.lock",                                  // its lock
        "plan.horizons.json.sync-conflict-20261201-101500-ABCD3FG",  // extension lost
        "plan.sync-conflict-20261201-101500-ABCD3FG.txt",            // another extension
        "plan.sync-conflict-2026-12-01-ABCD3FG.horizons.json",       // malformed date
        "plan.sync-conflict-20261301-101500-ABCD3FG.horizons.json",  // month 13
        "plan.sync-conflict-20261201-101500-abcd3fg.horizons.json",  // device ids are capitals
        "plan.sync-conflict-20261201-101500-ABCD.horizons.json",     // too short an id
        "other.sync-conflict-20261201-101500-ABCD3FG.horizons.json", // another board's
        "plan-old.sync-conflict-20261201-101500-ABCD3FG.horizons.json",
        "plan (copy).horizons.json",
        "plan (conflicted copy).horizons.json",
        "plan (conflicted copy 2026-12-01 10:15).horizons.json",
        "plan (conflicted copy 26-12-01).horizons.json",
        "plan conflicted copy 2026-12-01.horizons.json",
        "plan-old.horizons.json",  // lower case: a name someone gave it
        "plan-2024.horizons.json", // digits only: a year, not a computer
        "plan-V.horizons.json",    // too short
        "plan-THISNAMEISTOOLONGFORAPC.horizons.json",
        "plan--LAPTOP.horizons.json",
        "plan-LAPTOP-.horizons.json",
        "planLAPTOP.horizons.json",
        "plan.horizons", // the other format's board, not a copy
        "-LAPTOP.horizons.json",
    };
    for (const char* n : notCopies) {
        CAPTURE(n);
        CHECK_FALSE(matchConflictName(board, n));
    }
}

TEST_CASE("findConflictCopies lists the copies beside the board, oldest first") {
    TempDir dir;
    const fs::path board = dir / "plan.horizons.json";
    const Board b = BoardGen(31).make();
    REQUIRE(saveBoardFile(b, board));
    REQUIRE(saveBoardFile(b, board)); // makes plan.horizons.json.bak
    const auto now = fs::file_time_type::clock::now();
    auto put = [&](const std::string& name, int hoursAgo, bool asBoard = true) {
        if (asBoard)
            REQUIRE(saveBoardFile(b, dir / name, SaveOptions{{}, false}));
        else
            writeBytes(dir / name, "not a board");
        fs::last_write_time(dir / name, now - std::chrono::hours(hoursAgo));
    };
    put("plan.horizons.sync-conflict-20261201-101500-ABCD3FG.json", 1);
    put("plan (Ann's conflicted copy 2026-12-01).horizons.json", 3);
    put("plan (conflicted copy 2026-12-01 101500).horizons.json", 2);
    put("plan-LAPTOP.horizons.json", 4);
    put("plan-OFFICE.horizons.json", 5, false); // named like OneDrive's, but not a board
    put("plan-old.horizons.json", 6);
    put("other (conflicted copy 2026-12-01).horizons.json", 7);
    fs::create_directories(dir / "plan (conflicted copy 2026-12-02).horizons.json"); // a folder

    const auto copies = findConflictCopies(board);
    REQUIRE(copies.size() == 4);
    CHECK(copies[0].tool == ConflictTool::OneDrive);
    CHECK(copies[0].detail == "LAPTOP");
    CHECK(copies[1].tool == ConflictTool::Dropbox);
    CHECK(copies[1].detail == "Ann");
    CHECK(copies[2].tool == ConflictTool::Nextcloud);
    CHECK(copies[3].tool == ConflictTool::Syncthing);
    CHECK(copies[3].path == dir / "plan.horizons.sync-conflict-20261201-101500-ABCD3FG.json");
    CHECK(findConflictCopies(dir / "other.horizons").empty());
}
