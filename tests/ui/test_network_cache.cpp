// The network map's derived-data cache, culling grid, label placement and fit, as pure
// functions (no ImGui context).
#include "model/document.hpp"
#include "model/edits.hpp"
#include "ui/network_layout.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

using namespace horizons;
using namespace horizons::ui;

namespace {

Board boardWithPeople(std::size_t count, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    Board b = makeEmptyBoard("cache");
    const HorizonId h = b.content.horizons.items().front().id;
    std::vector<PersonId> ids;
    for (std::size_t i = 0; i < count; ++i) {
        Person p;
        p.id = PersonId{b.nextId++};
        p.name = "Person " + std::to_string(i);
        p.trust = 1 + static_cast<int>(rng() % 5);
        p.mapAngle = unit(rng) * 2 * std::numbers::pi;
        p.relationship = static_cast<Relationship>(rng() % kRelationshipCount);
        p.insideOrg = rng() % 2 == 0;
        p.cadenceDays = rng() % 2 ? 30 : 0;
        ids.push_back(p.id);
        b.content.people.put(p);
    }
    for (std::size_t i = 0; i < count; ++i) {
        Goal g;
        g.id = GoalId{b.nextId++};
        g.title = "Goal " + std::to_string(i);
        g.horizon = h;
        b.content.goals.put(g);
        if (i % 3 != 0)
            b.content.links.put(GoalLink{LinkId{b.nextId++}, ids[rng() % count], g.id, ""});
    }
    return b;
}

// The people whose centre lies in `r`, by brute force.
std::vector<std::uint32_t> bruteIn(std::span<const PlacedPerson> placed, const Rectf& r) {
    std::vector<std::uint32_t> out;
    for (std::uint32_t i = 0; i < placed.size(); ++i)
        if (r.contains({placed[i].pos.x, placed[i].pos.y})) out.push_back(i);
    return out;
}

const Date kToday = Date::fromYmd(2026, 6, 1);

} // namespace

TEST_CASE("network cache: rebuilt after an edit and after undo, not otherwise") {
    Document doc(boardWithPeople(40, 1));
    NetworkMapCache cache;
    const RingGeometry g;
    const NetworkFilter all;
    CHECK(cache.update(doc.stateId(), doc.content(), all, kToday, g));
    CHECK(cache.rebuilds() == 1);
    // nothing changed: no rebuild, however often it is asked
    for (int i = 0; i < 5; ++i)
        CHECK_FALSE(cache.update(doc.stateId(), doc.content(), all, kToday, g));
    CHECK(cache.rebuilds() == 1);
    REQUIRE(cache.placed().size() == 40);
    const std::vector<PlacedPerson> before(cache.placed().begin(), cache.placed().end());

    // An edit moves one person to another ring: rebuilt, and that person's place follows.
    const PlacedPerson first = before.front();
    const int newTrust = first.trust == 5 ? 1 : 5;
    REQUIRE(doc.apply(setTrust(doc.board(), first.id, newTrust, 0.5)));
    CHECK(cache.update(doc.stateId(), doc.content(), all, kToday, g));
    const PlacedPerson* moved = cache.find(first.id);
    REQUIRE(moved != nullptr);
    CHECK(moved->trust == newTrust);
    CHECK(lengthOf(moved->pos) == doctest::Approx(ringRadius(g, newTrust)));

    // Undo: the state id returns to the old one, the cache rebuilds to the old layout.
    REQUIRE(doc.undo());
    CHECK(cache.update(doc.stateId(), doc.content(), all, kToday, g));
    REQUIRE(cache.placed().size() == before.size());
    for (std::size_t i = 0; i < before.size(); ++i) {
        CHECK(cache.placed()[i].id == before[i].id);
        CHECK(cache.placed()[i].pos.x == doctest::Approx(before[i].pos.x));
        CHECK(cache.placed()[i].pos.y == doctest::Approx(before[i].pos.y));
    }
    CHECK(cache.rebuilds() == 3);

    // The filter, today, the geometry and the board generation are keys too.
    NetworkFilter inner;
    inner.minTrust = 4;
    CHECK(cache.update(doc.stateId(), doc.content(), inner, kToday, g));
    for (const PlacedPerson& pp : cache.placed())
        CHECK(pp.trust >= 4);
    CHECK(cache.update(doc.stateId(), doc.content(), inner, kToday.plusDays(1), g));
    RingGeometry bigger = g;
    bigger.ringGap *= 2;
    CHECK(cache.update(doc.stateId(), doc.content(), inner, kToday.plusDays(1), bigger));
    Document other(doc.board()); // another board (or a snapshot shown): another generation
    CHECK(cache.update(doc.stateId() + 1000, other.content(), inner, kToday.plusDays(1), bigger));
    CHECK_FALSE(
        cache.update(doc.stateId() + 1000, other.content(), inner, kToday.plusDays(1), bigger));
    cache.invalidate();
    CHECK(cache.update(doc.stateId() + 1000, other.content(), inner, kToday.plusDays(1), bigger));
}

TEST_CASE("network cache: derived data matches the pure functions it replaces") {
    Document doc(boardWithPeople(60, 2));
    NetworkMapCache cache;
    NetworkFilter f;
    f.relationships &= ~relationshipBit(Relationship::Manager);
    cache.update(doc.stateId(), doc.content(), f, kToday, RingGeometry{});
    const BoardContent& c = doc.content();

    const auto shown = visiblePeople(c, f, kToday);
    REQUIRE(cache.placed().size() == shown.size());
    const auto overdue = overduePeople(c, kToday);
    for (std::uint32_t i = 0; i < cache.placed().size(); ++i) {
        const PersonId id = cache.placed()[i].id;
        CHECK(id == shown[i]);
        CHECK(cache.indexOf(id) == i);
        CHECK(cache.overdue(i) == std::binary_search(overdue.begin(), overdue.end(), id));
        std::uint32_t links = 0;
        for (const auto& l : c.links)
            links += l.person == id ? 1u : 0u;
        CHECK(cache.goalCount(i) == links);
    }
    const auto lonely = goalsWithNobody(c);
    CHECK(std::equal(lonely.begin(), lonely.end(), cache.goalsWithNobody().begin(),
                     cache.goalsWithNobody().end()));
    int total = 0;
    for (int t = kMinTrust; t <= kMaxTrust; ++t)
        total += cache.ringCount(t);
    CHECK(total == static_cast<int>(shown.size()));

    // The people linked to a selection: cached per goal list, recomputed when it changes.
    const GoalId goals[] = {c.links.items().front().goal};
    CHECK(cache.linkedToGoals(c, goals) == peopleLinkedToGoals(c, goals));
    CHECK(cache.linkedToGoals(c, {}).empty());
}

TEST_CASE("network culling: the grid returns exactly the people inside a rectangle") {
    for (const std::size_t n : {0u, 1u, 7u, 300u, 2000u}) {
        Document doc(boardWithPeople(n, static_cast<unsigned>(n) + 3));
        NetworkMapCache cache;
        cache.update(doc.stateId(), doc.content(), NetworkFilter{}, kToday, RingGeometry{});
        const auto placed = cache.placed();
        std::mt19937 rng(static_cast<unsigned>(n));
        std::uniform_real_distribution<float> coord(-450.0f, 450.0f), extent(0.0f, 500.0f);
        std::vector<std::uint32_t> got;
        for (int k = 0; k < 200; ++k) {
            const Vec2f a{coord(rng), coord(rng)};
            const Rectf r{a, {a.x + extent(rng), a.y + extent(rng)}};
            cache.peopleIn(r, got);
            CHECK(got == bruteIn(placed, r));
        }
        // everything, and nothing
        cache.peopleIn(Rectf{{-1e6f, -1e6f}, {1e6f, 1e6f}}, got);
        CHECK(got.size() == placed.size());
        cache.peopleIn(Rectf{{5000, 5000}, {6000, 6000}}, got);
        CHECK(got.empty());
        cache.peopleIn(Rectf{}, got);
        CHECK(got.empty());
        // a person exactly on the rectangle's min corner is in, on its max corner is out
        if (!placed.empty()) {
            const ImVec2 p = placed.front().pos;
            cache.peopleIn(Rectf{{p.x, p.y}, {p.x + 1, p.y + 1}}, got);
            CHECK(std::find(got.begin(), got.end(), 0u) != got.end());
            cache.peopleIn(Rectf{{p.x - 1, p.y - 1}, {p.x, p.y}}, got);
            CHECK(std::find(got.begin(), got.end(), 0u) == got.end());
        }
    }
}

TEST_CASE("network culling: the grid's hit test agrees with hitTestPerson") {
    Document doc(boardWithPeople(500, 9));
    NetworkMapCache cache;
    cache.update(doc.stateId(), doc.content(), NetworkFilter{}, kToday, RingGeometry{});
    std::mt19937 rng(4);
    std::uniform_real_distribution<float> coord(-420.0f, 420.0f);
    for (int k = 0; k < 500; ++k) {
        const ImVec2 w(coord(rng), coord(rng));
        CHECK(cache.personAt(w, 20.0f) == hitTestPerson(cache.placed(), w, 20.0f));
    }
    for (const PlacedPerson& pp : cache.placed())
        CHECK(cache.personAt(pp.pos, 0.5f) == hitTestPerson(cache.placed(), pp.pos, 0.5f));
}

TEST_CASE("network labels: a name sits outside its disc, on the side away from the centre") {
    const ImVec2 size(80, 16);
    const float r = 12, gap = 3;
    for (int k = 0; k < 16; ++k) {
        const double a = -std::numbers::pi + (k + 0.5) * std::numbers::pi / 8;
        const ImVec2 s(100.0f * static_cast<float>(std::cos(a)),
                       100.0f * static_cast<float>(std::sin(a)));
        const ImVec2 mn = nameBoxMin(s, r, a, size, gap);
        const Rectf box{{mn.x, mn.y}, {mn.x + size.x, mn.y + size.y}};
        // clear of the disc, centred on it, and farther from the centre vertically
        CHECK_FALSE(box.overlaps(Rectf{{s.x - r, s.y - r}, {s.x + r, s.y + r}}));
        CHECK(box.center().x == doctest::Approx(s.x));
        CHECK(std::fabs(box.center().y) > std::fabs(s.y));
    }
}

TEST_CASE("network labels: a caption goes to the first free angle, or nowhere") {
    const ImVec2 centre(500, 500);
    const ImVec2 size(120, 16);
    const Rectf viewport{{0, 0}, {1000, 1000}};
    const auto top = captionAngles(false);
    REQUIRE(!top.empty());
    CHECK(top.front() == doctest::Approx(-std::numbers::pi / 2));
    CHECK(captionAngles(true).front() == doctest::Approx(std::numbers::pi / 2));

    // nothing in the way: centred at the top of the circle
    auto at = placeCaption(centre, 200, size, top, {}, viewport);
    REQUIRE(at);
    CHECK(at->center().x == doctest::Approx(500));
    CHECK(at->center().y == doctest::Approx(300));

    // a node at the top: the caption moves off it and does not overlap it
    const Rectf node{{480, 280}, {520, 320}};
    at = placeCaption(centre, 200, size, top, std::span<const Rectf>(&node, 1), viewport);
    REQUIRE(at);
    CHECK_FALSE(at->overlaps(node));

    // outside the viewport does not count as free
    const Rectf small{{0, 0}, {1000, 320}};
    at = placeCaption(centre, 200, size, top, {}, small);
    REQUIRE(at);
    CHECK(small.containsRect(*at));

    // everything blocked: nowhere
    const Rectf wall{{0, 0}, {1000, 1000}};
    CHECK_FALSE(placeCaption(centre, 200, size, top, std::span<const Rectf>(&wall, 1), viewport));
}

TEST_CASE("network fit: rings, discs and names stay inside the viewport") {
    const Vec2f viewport{400, 600};
    const ZoomLimits limits{0.05f, 3.0f};
    const FitNode nodes[] = {
        {ImVec2(300, 0), {-12, -12}, {12, 30}},     // right, name below
        {ImVec2(-250, -100), {-60, -40}, {60, 12}}, // upper left, wide name above
    };
    const float z = fitZoomForMap(340, nodes, viewport, 8, limits);
    CHECK(340 * z <= viewport.x * 0.5f - 8 + 1e-3f);
    for (const FitNode& n : nodes) {
        const float sx = viewport.x * 0.5f + n.world.x * z, sy = viewport.y * 0.5f + n.world.y * z;
        CHECK(sx + n.pxMin.x >= 8 - 1e-3f);
        CHECK(sx + n.pxMax.x <= viewport.x - 8 + 1e-3f);
        CHECK(sy + n.pxMin.y >= 8 - 1e-3f);
        CHECK(sy + n.pxMax.y <= viewport.y - 8 + 1e-3f);
    }
    // the rings alone fill the narrow side
    CHECK(fitZoomForMap(340, {}, viewport, 8, limits) == doctest::Approx((200.0f - 8) / 340));
    // a tiny viewport still gives a valid zoom
    CHECK(fitZoomForMap(340, nodes, Vec2f{10, 10}, 8, limits) == doctest::Approx(0.05f));
}
