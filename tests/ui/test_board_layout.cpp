// Board layout (src/ui/board_layout.hpp): pure card and column geometry, hit-testing,
// visible-range queries, drop placement and the filter.
#include "ui/board_layout.hpp"

#include "model/board.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cmath>

using namespace horizons;
using namespace horizons::ui;

namespace {

struct Fixture {
    Board b = makeEmptyBoard();
    std::vector<HorizonId> cols;
    BoardLayoutParams p = BoardLayoutParams::fromEm(16.0f);
    Fixture() {
        for (const auto* h : orderedHorizons(b.content))
            cols.push_back(h->id);
    }
    GoalId goal(std::size_t col, double spec, double order = 0, std::string title = "goal") {
        Goal g;
        g.id = GoalId{b.nextId++};
        g.title = std::move(title);
        g.horizon = cols[col];
        g.specificity = spec;
        g.order = order;
        b.content.goals.put(g);
        return g.id;
    }
    BoardLayout layout() const { return computeBoardLayout(b.content, p); }
};

} // namespace

TEST_CASE("layout: columns left to right in horizon order, cards in their column") {
    Fixture f;
    const GoalId a = f.goal(0, 0.2);
    const GoalId c = f.goal(2, 0.9);
    const BoardLayout L = f.layout();
    REQUIRE(L.columns.size() == 3);
    for (std::size_t i = 0; i < 3; ++i)
        CHECK(L.columns[i].horizon == f.cols[i]);
    CHECK(L.columns[0].rect.max.x < L.columns[1].rect.min.x);
    CHECK(L.columns[1].rect.max.x < L.columns[2].rect.min.x);
    const CardBox* ka = L.find(a);
    const CardBox* kc = L.find(c);
    REQUIRE(ka);
    REQUIRE(kc);
    CHECK(ka->column == 0);
    CHECK(kc->column == 2);
    CHECK(L.columns[0].rect.containsRect(ka->rect));
    CHECK(L.columns[2].rect.containsRect(kc->rect));
    CHECK(L.bounds.containsRect(L.columns[2].rect));
    CHECK(L.find(GoalId{999}) == nullptr);
}

TEST_CASE("layout: reordering horizons moves the columns") {
    Fixture f;
    f.b.content.horizons.put(Horizon{f.cols[0], "6 months", 6, 10.0}); // now rightmost
    const BoardLayout L = f.layout();
    CHECK(L.columns[0].horizon == f.cols[1]);
    CHECK(L.columns[2].horizon == f.cols[0]);
}

TEST_CASE("layout: y follows specificity, Direction at the top") {
    Fixture f;
    const GoalId dir = f.goal(1, 0.0);
    const GoalId mid = f.goal(1, 0.5);
    const GoalId dest = f.goal(1, 1.0);
    const BoardLayout L = f.layout();
    CHECK(L.find(dir)->rect.min.y == doctest::Approx(f.p.bandTop));
    // Exactly on the threshold it is a destination: drawn just below the line, not across it.
    CHECK(L.find(mid)->rect.min.y == doctest::Approx(lineY(f.p) + f.p.lineGap));
    CHECK(L.find(dest)->rect.max.y == doctest::Approx(f.p.bandTop + f.p.bandHeight));
    for (double s : {0.0, 0.1, 0.37, 0.5, 0.99, 1.0})
        CHECK(specificityAtY(f.p, yForSpecificity(f.p, s)) == doctest::Approx(s));
    CHECK(specificityAtY(f.p, -1000.0f) == 0.0);
    CHECK(specificityAtY(f.p, 1e6f) == 1.0);
}

TEST_CASE("layout: crowded cards spread into sub-lanes, never overlap; order breaks ties") {
    Fixture f;
    const GoalId second = f.goal(0, 0.5, 2.0);
    const GoalId first = f.goal(0, 0.5, 1.0);
    const GoalId third = f.goal(0, 0.51, 0.0);
    const BoardLayout L = f.layout();
    const Rectf r1 = L.find(first)->rect, r2 = L.find(second)->rect, r3 = L.find(third)->rect;
    // Reading order (top to bottom, then left to right) is (specificity, order).
    const auto before = [](const Rectf& a, const Rectf& b) {
        return a.min.y < b.min.y || (a.min.y == b.min.y && a.min.x < b.min.x);
    };
    CHECK(before(r1, r2));
    CHECK(before(r2, r3));
    CHECK(r1.min.y == r2.min.y); // side by side at their true height
    CHECK_FALSE(r1.overlaps(r2));
    CHECK_FALSE(r2.overlaps(r3));
    CHECK_FALSE(r1.overlaps(r3));
    for (const Rectf& r : {r1, r2, r3})
        CHECK(r.min.y >= lineY(f.p)); // all destinations: none across the line
}

TEST_CASE("layout: a crowded column turns into chips, then into counted stacks at their place") {
    Fixture f;
    for (int i = 0; i < 6; ++i)
        f.goal(1, 0.7 + 0.001 * i, i);
    BoardLayout L = f.layout();
    const ColumnBox& col = L.columns[1];
    REQUIRE(col.count == 6);
    for (std::size_t i = col.first; i < col.first + col.count; ++i)
        CHECK(L.cards[i].kind == ItemKind::Chip);
    for (int i = 0; i < 400; ++i)
        f.goal(1, 0.7 + 0.0001 * i, 100 + i);
    L = f.layout();
    std::size_t stacks = 0, represented = 0;
    for (std::size_t i = L.columns[1].first; i < L.columns[1].first + L.columns[1].count; ++i) {
        const CardBox& k = L.cards[i];
        stacks += k.kind == ItemKind::Stack ? 1 : 0;
        represented += k.count;
        CHECK(std::fabs(specificityAtPlace(f.p, k.rect.center().y) - 0.72) <= 0.1);
    }
    CHECK(stacks >= 1);
    CHECK(represented == 406);
    CHECK(L.columns[1].goals == 406);
}

TEST_CASE("layout: hit-testing cards and columns") {
    Fixture f;
    const GoalId a = f.goal(0, 0.1);
    const GoalId b = f.goal(1, 0.8);
    const BoardLayout L = f.layout();
    const Rectf ra = L.find(a)->rect;
    REQUIRE(L.cardAt(ra.center()));
    CHECK(L.cardAt(ra.center())->goal == a);
    CHECK(L.cardAt({ra.min.x + 1, ra.min.y + 1})->goal == a);
    CHECK(L.cardAt({ra.max.x + 1, ra.min.y + 1}) == nullptr);
    CHECK(L.cardAt({ra.min.x + 1, ra.max.y + 1}) == nullptr);
    CHECK(L.cardAt(L.find(b)->rect.center())->goal == b);
    CHECK(L.columnAt(L.columns[1].rect.center()) == 1);
    CHECK(L.columnAt({-5, 10}) == -1);
    // Nearest column: gaps split halfway, outside clamps.
    CHECK(L.columnNearestX(-1000) == 0);
    CHECK(L.columnNearestX(1e6f) == 2);
    CHECK(L.columnNearestX(L.columns[1].rect.max.x + f.p.columnGap * 0.4f) == 1);
    CHECK(L.columnNearestX(L.columns[1].rect.max.x + f.p.columnGap * 0.6f) == 2);
}

TEST_CASE("layout: visible range and rubber band touch only the cards in the rect") {
    Fixture f;
    const GoalId a = f.goal(0, 0.0);
    const GoalId b = f.goal(0, 0.6);
    const GoalId c = f.goal(1, 0.0);
    const BoardLayout L = f.layout();
    const Rectf ra = L.find(a)->rect;
    const Rectf rc = L.find(c)->rect;
    // A band around a and c but not reaching b.
    const Rectf band = rectFromCorners({ra.min.x - 5, ra.min.y - 5}, {rc.max.x + 5, rc.max.y + 5});
    CHECK_FALSE(band.overlaps(L.find(b)->rect));
    const auto hits = L.cardsOverlapping(band);
    REQUIRE(hits.size() == 2);
    CHECK(std::find(hits.begin(), hits.end(), a) != hits.end());
    CHECK(std::find(hits.begin(), hits.end(), c) != hits.end());
    CHECK(L.cardsOverlapping({{-100, -100}, {-50, -50}}).empty());
}

TEST_CASE("layout: drop placement picks column, specificity and order") {
    Fixture f;
    const GoalId a = f.goal(2, 0.1, 1.0);
    const GoalId b = f.goal(2, 0.9, 2.0);
    const GoalId moving = f.goal(0, 0.3, 0.0);
    const BoardLayout L = f.layout();
    const ColumnBox& col2 = L.columns[2];
    const float x = col2.rect.min.x + 3.0f;
    const float y = yForSpecificity(f.p, 0.5);
    const GoalId mv[] = {moving};
    const DropPlacement d = dropPlacement(L, f.b.content, {x, y}, mv);
    CHECK(d.column == 2);
    CHECK(d.horizon == f.cols[2]);
    CHECK(d.specificity == doctest::Approx(0.5).epsilon(1e-4));
    CHECK(d.order > 1.0);
    CHECK(d.order < 2.0);
    // Above everything and below everything.
    CHECK(dropPlacement(L, f.b.content, {x, -500}, mv).order < 1.0);
    CHECK(dropPlacement(L, f.b.content, {x, 5000}, mv).order > 2.0);
    CHECK(dropPlacement(L, f.b.content, {x, 5000}, mv).specificity == 1.0);
    (void)a, (void)b;
}

TEST_CASE("filter: text, tag, status") {
    Goal g;
    g.title = "Move to Product management";
    g.notes = "talk to Sam";
    g.tags = {"Product", "growth"};
    g.status = GoalStatus::Active;
    CHECK(goalMatches(g, {}));
    CHECK_FALSE(BoardFilter{}.active());
    CHECK(goalMatches(g, {"product", "", 0xF}));
    CHECK(goalMatches(g, {"SAM", "", 0xF}));
    CHECK(goalMatches(g, {"grow", "", 0xF}));
    CHECK_FALSE(goalMatches(g, {"finance", "", 0xF}));
    CHECK(goalMatches(g, {"", "GROWTH", 0xF}));
    CHECK_FALSE(goalMatches(g, {"", "grow", 0xF}));
    CHECK(goalMatches(g, {"", "", 1u << static_cast<unsigned>(GoalStatus::Active)}));
    CHECK_FALSE(goalMatches(g, {"", "", 1u << static_cast<unsigned>(GoalStatus::Done)}));
    CHECK(BoardFilter{"", "", 0x3}.active());
}

TEST_CASE("layout: 10,000 goals lay out quickly and queries stay local") {
    Fixture f;
    for (int i = 0; i < 10000; ++i)
        f.goal(static_cast<std::size_t>(i % 3), (i % 101) / 100.0, i);
    const auto t0 = std::chrono::steady_clock::now();
    const BoardLayout L = f.layout();
    const auto ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    std::size_t represented = 0;
    for (const CardBox& k : L.cards)
        represented += k.count;
    CHECK(represented == 10000);
    CHECK(L.members.size() == 10000);
    CHECK(ms < 500.0); // generous: Debug builds, slow CI
    // A screen-sized window sees a handful of cards.
    const Rectf view{{0, 0}, {1200, 800}};
    std::size_t visible = 0;
    L.forEachCardIn(view, [&](const CardBox&) { ++visible; });
    CHECK(visible > 0);
    CHECK(visible < 200); // bounded by the area, not by the board
    // Within each column items are sorted by y and do not overlap.
    std::size_t overlapping = 0, unsorted = 0;
    for (const ColumnBox& col : L.columns)
        for (std::size_t i = col.first + 1; i < col.first + col.count; ++i) {
            overlapping += L.cards[i - 1].rect.overlaps(L.cards[i].rect) ? 1 : 0;
            unsorted += L.cards[i - 1].rect.min.y > L.cards[i].rect.min.y ? 1 : 0;
        }
    CHECK(overlapping == 0);
    CHECK(unsorted == 0);
}
