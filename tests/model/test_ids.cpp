// Ids that two copies of one board, edited apart, never both hand out; counters never wrap.
#include "model/document.hpp"
#include "model/edits.hpp"
#include "model/validate.hpp"

#include <doctest/doctest.h>

#include <limits>
#include <set>

using namespace horizons;

TEST_CASE("ids: a seeded source repeats itself, different seeds and entropy do not meet") {
    IdSource a = IdSource::seeded(1), a2 = IdSource::seeded(1), b = IdSource::seeded(2);
    IdSource e1 = IdSource::fromEntropy(), e2 = IdSource::fromEntropy();
    std::set<std::uint64_t> fromA, others;
    for (int i = 0; i < 1000; ++i) {
        const std::uint64_t v = a.next();
        CHECK(v == a2.next());
        fromA.insert(v);
        others.insert(b.next());
        others.insert(e1.next());
        others.insert(e2.next());
    }
    CHECK(fromA.size() == 1000);
    CHECK(others.size() == 3000);
    for (std::uint64_t v : fromA)
        CHECK(others.count(v) == 0);
}

TEST_CASE("ids: every id is above old sequential ids and exact as a JSON double") {
    IdSource s = IdSource::seeded(99);
    std::uint64_t last = 0;
    // More than one prefix's worth: the counter never wraps, a new prefix starts instead.
    for (std::uint64_t i = 0; i < (std::uint64_t{1} << kIdCounterBits) + 10; ++i) {
        const std::uint64_t v = s.next();
        REQUIRE(v >= kMinMintedId);
        REQUIRE(v <= kMaxMintedId);
        REQUIRE(static_cast<std::uint64_t>(static_cast<double>(v)) == v);
        REQUIRE(v != last);
        last = v;
    }
}

TEST_CASE("ids: a document never hands out an id already in use, even from a clashing seed") {
    Document first(makeEmptyBoard(), 1000, IdSource::seeded(5));
    Goal g;
    g.id = first.newId<GoalId>();
    g.horizon = orderedHorizons(first.content()).front()->id;
    first.apply(addGoal(first.board(), g));
    // A second document on that board with the same seed would mint the same id next.
    Document second(first.board(), 1000, IdSource::seeded(5));
    const GoalId next = second.newId<GoalId>();
    CHECK(next != g.id);
    CHECK_FALSE(idInUse(first.board(), next.value));
}

TEST_CASE("ids: a board whose counter is at 2^64-1 still gets fresh ids and stays valid") {
    Board b = makeEmptyBoard();
    b.nextId = std::numeric_limits<std::uint64_t>::max();
    Document doc(b, 1000, IdSource::seeded(3));
    std::set<std::uint64_t> seen;
    for (int i = 0; i < 50; ++i) {
        Goal g;
        g.id = doc.newId<GoalId>();
        g.horizon = orderedHorizons(doc.content()).front()->id;
        REQUIRE(g.id);
        REQUIRE(seen.insert(g.id.value).second);
        REQUIRE(doc.apply(addGoal(doc.board(), g)));
    }
    CHECK(doc.board().nextId == std::numeric_limits<std::uint64_t>::max());
    CHECK_FALSE(validateBoard(doc.board()));
}

TEST_CASE("ids: old sequential ids are kept; the counter stays above every id for old readers") {
    Board b = makeEmptyBoard(); // horizons 1, 2, 3, counter at 4
    CHECK(b.nextId == 4);
    Document doc(b, 1000, IdSource::seeded(11));
    const GoalId g = doc.newId<GoalId>();
    CHECK(doc.content().horizons.contains(HorizonId{1}));
    CHECK(g.value >= kMinMintedId);
    CHECK(doc.board().nextId == g.value + 1);
    // A board that lags (loaded from elsewhere) is brought above its ids by any edit.
    Board lagging = makeEmptyBoard();
    Document d2(lagging, 1000, IdSource::seeded(12));
    Horizon h{HorizonId{kMinMintedId + 77}, "far", 120, 9};
    d2.apply(addHorizon(d2.board(), h));
    CHECK(d2.board().nextId > h.id.value);
    CHECK_FALSE(validateBoard(d2.board()));
}
