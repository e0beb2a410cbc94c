// History chart figures: goals per horizon and directions vs destinations per snapshot.
#include "model/history_stats.hpp"

#include <doctest/doctest.h>

using namespace horizons;

TEST_CASE("history stats: per snapshot, oldest first, plus now") {
    Board b = makeEmptyBoard();
    std::vector<HorizonId> cols;
    for (const auto* h : orderedHorizons(b.content))
        cols.push_back(h->id);
    auto goal = [&](std::size_t col, double spec) {
        Goal g;
        g.id = GoalId{b.nextId++};
        g.title = "g";
        g.horizon = cols[col];
        g.specificity = spec;
        b.content.goals.put(g);
        return g.id;
    };
    goal(0, 0.9);
    goal(2, 0.1);
    b.snapshots.put(Snapshot{SnapshotId{b.nextId++}, "Second", "", 2000, b.content});
    const GoalId g = goal(0, 0.2);
    b.snapshots.put(Snapshot{SnapshotId{b.nextId++}, "First", "", 1000, makeEmptyBoard().content});
    const_cast<Goal&>(*b.content.goals.find(g)).status = GoalStatus::Dropped;
    goal(1, 0.6);

    const HistorySeries s = historyStats(b, true, 3000);
    REQUIRE(s.points.size() == 3);
    CHECK(s.points[0].label == "First");
    CHECK(s.points[1].label == "Second");
    CHECK(s.points[2].label == "Now");
    CHECK_FALSE(s.points[2].snapshot);
    // "First" is a fresh empty board whose horizons happen to share the ids 1..3.
    CHECK(s.horizons.size() == 3);
    CHECK(s.horizons[0].name == "6 months");
    CHECK(s.points[0].total() == 0);
    CHECK(s.points[1].directions == 1);
    CHECK(s.points[1].destinations == 1);
    CHECK(s.points[2].directions == 1); // the dropped goal is not counted
    CHECK(s.points[2].destinations == 2);
    CHECK(s.maxTotal == 3);
    CHECK(s.maxPerHorizon == 1);
    CHECK(historyStats(b, false, 0).points.size() == 2);
}
