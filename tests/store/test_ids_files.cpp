// Ids and files: old files with sequential ids keep every reference when new (random-prefix)
// ids are added; a counter at 2^64-1 neither wraps nor breaks the saved file; merged copies
// save and load.
#include "model/document.hpp"
#include "model/edits.hpp"
#include "model/merge.hpp"
#include "store/board_file.hpp"

#include <doctest/doctest.h>

#include <limits>

using namespace horizons;
using namespace horizons::store;

namespace {

std::filesystem::path dataDir() { return HORIZONS_TEST_DATA_DIR; }

Board loadOk(std::string_view bytes) {
    LoadResult r = loadBoardFromBytes(bytes, "test");
    INFO(r.error);
    REQUIRE(r);
    return std::move(*r.board);
}

GoalId addGoalTo(Document& d, const char* title) {
    Goal g;
    g.id = d.newId<GoalId>();
    g.title = title;
    g.horizon = orderedHorizons(d.content()).front()->id;
    REQUIRE(d.apply(addGoal(d.board(), g)));
    return g.id;
}

} // namespace

TEST_CASE("ids: an old file keeps its sequential ids; new ids join them and it saves sound") {
    const LoadResult r = loadBoardFile(dataDir() / "schema-1.horizons.json");
    REQUIRE(r);
    const Board old = *r.board;
    Document doc(old, 1000, IdSource::seeded(21));
    const GoalId g = addGoalTo(doc, "New on this device");
    const GoalId first = old.content.goals.items().front().id;
    REQUIRE(doc.apply(linkPersonToGoal(doc.board(), doc.newId<LinkId>(),
                                       old.content.people.items().front().id, first)));
    CHECK(g.value >= kMinMintedId);
    for (const Goal& x : old.content.goals) // every old goal and reference is still there
        CHECK(*doc.content().goals.find(x.id) == x);
    CHECK(doc.content().links.size() == old.content.links.size() + 1);
    const Board back = loadOk(serializeJson(doc.board()));
    CHECK(back == doc.board());
    CHECK(loadOk(serializeBinary(doc.board())) == doc.board());
}

TEST_CASE("ids: a file whose counter is at 2^64-1 gets fresh ids, never 0, and saves sound") {
    Board b = makeEmptyBoard();
    b.nextId = std::numeric_limits<std::uint64_t>::max();
    const Board loaded = loadOk(serializeJson(b));
    Document doc(loaded);
    const GoalId x = addGoalTo(doc, "x");
    const GoalId y = addGoalTo(doc, "y");
    CHECK(x);
    CHECK(y);
    CHECK(x != y);
    const Board back = loadOk(serializeJson(doc.board())); // passes validateBoard
    CHECK(back.nextId == std::numeric_limits<std::uint64_t>::max());
    CHECK(back.content.goals.size() == 2);
}

TEST_CASE("merge: two copies of a golden file edited apart merge, save and load back") {
    const LoadResult r = loadBoardFile(dataDir() / "schema-1.horizons.json");
    REQUIRE(r);
    Document laptop(*r.board), home(*r.board);
    addGoalTo(laptop, "From the laptop");
    addGoalTo(home, "From home");
    const MergeResult m = mergeBoards(*r.board, laptop.board(), home.board());
    CHECK(m.clean());
    CHECK(m.board.content.goals.size() == r.board->content.goals.size() + 2);
    CHECK(loadOk(serializeJson(m.board)) == m.board);
}
