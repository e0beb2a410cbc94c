// Pure geometry of the network map: rings, trust from a drop radius, spreading, hit tests,
// intro curves.
#include "ui/network_layout.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

using namespace horizons;
using namespace horizons::ui;

namespace {
float dist(ImVec2 a, ImVec2 b) { return std::hypot(a.x - b.x, a.y - b.y); }
double angularGap(double a, double b) {
    double d = std::fabs(normalizeAngle(a - b));
    return d;
}
Person person(std::uint64_t id, int trust, double angle) {
    Person p;
    p.id = PersonId{id};
    p.name = "P" + std::to_string(id);
    p.trust = trust;
    p.mapAngle = angle;
    return p;
}
} // namespace

TEST_CASE("network layout: trust 5 is the innermost ring, trust 1 the outermost") {
    const RingGeometry g;
    for (int t = kMinTrust; t < kMaxTrust; ++t)
        CHECK(ringRadius(g, t) > ringRadius(g, t + 1));
    CHECK(ringRadius(g, 5) == doctest::Approx(g.innerRadius));
    CHECK(g.outerRadius() == doctest::Approx(ringRadius(g, 1)));
    CHECK(ringRadius(g, 0) == ringRadius(g, 1)); // clamped
    CHECK(ringRadius(g, 9) == ringRadius(g, 5));
    CHECK(g.extent() > g.outerRadius());
    CHECK(g.youRadius < ringRadius(g, 5) - g.nodeRadius);
}

TEST_CASE("network layout: trust from radius picks the nearest ring and clamps") {
    const RingGeometry g;
    for (int t = kMinTrust; t <= kMaxTrust; ++t) {
        CHECK(trustFromRadius(g, ringRadius(g, t)) == t);
        // a bit outwards: still this ring; more than half a gap outwards: the next one out
        CHECK(trustFromRadius(g, ringRadius(g, t) + g.ringGap * 0.4f) == t);
        CHECK(trustFromRadius(g, ringRadius(g, t) + g.ringGap * 0.6f) == std::max(t - 1, 1));
        CHECK(trustFromRadius(g, ringRadius(g, t) - g.ringGap * 0.6f) == std::min(t + 1, 5));
    }
    CHECK(trustFromRadius(g, 0.0f) == 5);                // dropped on "You": innermost
    CHECK(trustFromRadius(g, g.outerRadius() * 3) == 1); // far outside: outermost
    CHECK(trustFromRadius(g, -5.0f) == 5);
    CHECK(trustFromRadius(g, std::nanf("")) == 1);
}

TEST_CASE("network layout: a person sits on their trust ring at their angle") {
    const RingGeometry g;
    const Person p = person(1, 2, std::numbers::pi / 2); // straight down on screen
    const ImVec2 pos = personPosition(g, p);
    CHECK(pos.x == doctest::Approx(0.0f).epsilon(1e-4));
    CHECK(pos.y == doctest::Approx(ringRadius(g, 2)));
    CHECK(angleOf(pos) == doctest::Approx(std::numbers::pi / 2));
    CHECK(lengthOf(pos) == doctest::Approx(ringRadius(g, 2)));
    CHECK(angleOf(ImVec2(0, 0)) == 0.0);
    CHECK(angleOf(ImVec2(-1, 0)) == doctest::Approx(std::numbers::pi));
}

TEST_CASE("network layout: normalizeAngle wraps into (-pi, pi]") {
    CHECK(normalizeAngle(0.0) == 0.0);
    CHECK(normalizeAngle(3 * std::numbers::pi) == doctest::Approx(std::numbers::pi));
    CHECK(normalizeAngle(-std::numbers::pi) == doctest::Approx(std::numbers::pi));
    CHECK(normalizeAngle(2 * std::numbers::pi + 0.5) == doctest::Approx(0.5));
    CHECK(normalizeAngle(std::nan("")) == 0.0);
}

TEST_CASE("network layout: spreadAngles keeps far-apart nodes where they are") {
    const AngleItem items[] = {{PersonId{1}, 0.0}, {PersonId{2}, 2.0}, {PersonId{3}, -2.0}};
    const auto out = spreadAngles(items, 0.3);
    REQUIRE(out.size() == 3);
    CHECK(out[0] == doctest::Approx(0.0));
    CHECK(out[1] == doctest::Approx(2.0));
    CHECK(out[2] == doctest::Approx(-2.0));
}

TEST_CASE("network layout: spreadAngles pushes close nodes apart, keeping their order") {
    const AngleItem items[] = {{PersonId{1}, 1.00}, {PersonId{2}, 1.02}, {PersonId{3}, 1.01}};
    const double sep = 0.3;
    const auto out = spreadAngles(items, sep);
    REQUIRE(out.size() == 3);
    for (std::size_t i = 0; i < 3; ++i)
        for (std::size_t j = i + 1; j < 3; ++j)
            CHECK(angularGap(out[i], out[j]) >= sep - 1e-6);
    CHECK(out[0] < out[2]); // 1.00 < 1.01 < 1.02 stays ordered
    CHECK(out[2] < out[1]);
    // centred on where they were
    CHECK((out[0] + out[1] + out[2]) / 3 == doctest::Approx(1.01).epsilon(0.01));
}

TEST_CASE("network layout: spreadAngles handles the wrap at +-pi and identical angles") {
    const double pi = std::numbers::pi;
    const AngleItem wrap[] = {{PersonId{1}, pi - 0.01}, {PersonId{2}, -pi + 0.01}};
    const auto w = spreadAngles(wrap, 0.4);
    CHECK(angularGap(w[0], w[1]) >= 0.4 - 1e-6);
    CHECK(angularGap(w[0], pi) < 0.25); // stays near the wrap, not thrown across the circle

    const AngleItem same[] = {{PersonId{5}, 0.5}, {PersonId{4}, 0.5}};
    const auto s = spreadAngles(same, 0.2);
    CHECK(angularGap(s[0], s[1]) >= 0.2 - 1e-6);
    CHECK(s[1] < s[0]); // ties broken by id
}

TEST_CASE("network layout: an overfull ring is spaced evenly") {
    std::vector<AngleItem> items;
    for (std::uint64_t i = 1; i <= 8; ++i)
        items.push_back({PersonId{i}, 0.0});
    const auto out = spreadAngles(items, 1.0); // 8 rad needed > 2pi
    std::vector<double> sorted = out;
    for (auto& a : sorted)
        a = a < 0 ? a + 2 * std::numbers::pi : a;
    std::sort(sorted.begin(), sorted.end());
    for (std::size_t i = 1; i < sorted.size(); ++i)
        CHECK(sorted[i] - sorted[i - 1] == doctest::Approx(2 * std::numbers::pi / 8));
    CHECK(spreadAngles({}, 1.0).empty());
}

TEST_CASE("network layout: a new person goes into the widest gap of a ring") {
    CHECK(freeAngle({}, -1.5) == doctest::Approx(-1.5));
    const double one[] = {0.0};
    CHECK(std::fabs(freeAngle(one, 0.0)) == doctest::Approx(std::numbers::pi));
    const double two[] = {0.0, 1.0};
    CHECK(normalizeAngle(freeAngle(two, 0.0) - (1.0 + (2 * std::numbers::pi - 1.0) / 2)) ==
          doctest::Approx(0.0).epsilon(1e-9));
    const double mid[] = {3.0, -3.0, -0.5, 0.5}; // widest gap: between 0.5 and 3.0
    CHECK(freeAngle(mid, 0.0) == doctest::Approx(1.75));
    const double wrap[] = {3.0, -3.0, 0.5}; // widest gap: across 0, from -3.0 up to 0.5
    CHECK(freeAngle(wrap, 0.0) == doctest::Approx(-1.25));
}

TEST_CASE("network layout: layoutPeople places everyone on their ring without overlaps") {
    Board b = makeEmptyBoard();
    b.content.people.put(person(10, 5, 0.0));
    b.content.people.put(person(11, 5, 0.01));
    b.content.people.put(person(12, 1, 0.0));
    const RingGeometry g;
    const auto placed = layoutPeople(g, b.content);
    REQUIRE(placed.size() == 3);
    for (const auto& pp : placed)
        CHECK(lengthOf(pp.pos) == doctest::Approx(ringRadius(g, pp.trust)));
    CHECK(dist(placed[0].pos, placed[1].pos) >= 2 * g.nodeRadius);
    CHECK(placed[2].pos.x == doctest::Approx(g.outerRadius()));

    const PersonId only[] = {PersonId{12}, PersonId{99}};
    const auto some = layoutPeople(g, b.content, only);
    REQUIRE(some.size() == 1);
    CHECK(some[0].id == PersonId{12});
    CHECK(findPlaced(placed, PersonId{11}) != nullptr);
    CHECK(findPlaced(placed, PersonId{99}) == nullptr);
}

TEST_CASE("network layout: hit testing finds the closest node within the radius") {
    const std::vector<PlacedPerson> placed = {{PersonId{1}, ImVec2(100, 0), 0, 3},
                                              {PersonId{2}, ImVec2(120, 0), 0, 3}};
    CHECK(hitTestPerson(placed, ImVec2(103, 2), 15) == PersonId{1});
    CHECK(hitTestPerson(placed, ImVec2(117, 0), 15) == PersonId{2});
    CHECK_FALSE(hitTestPerson(placed, ImVec2(100, 40), 15).has_value());
    CHECK_FALSE(hitTestPerson({}, ImVec2(0, 0), 15).has_value());
    const RingGeometry g;
    CHECK(hitTestYou(g, ImVec2(3, 4)));
    CHECK_FALSE(hitTestYou(g, ImVec2(g.innerRadius, 0)));
}

TEST_CASE("network layout: intro curves bow away from the centre and end at the node edges") {
    const ImVec2 a(100, 0), b(0, 100);
    const IntroCurve c = introCurve(a, b, 15.0f);
    CHECK(dist(c.p0, a) == doctest::Approx(15.0f));
    CHECK(dist(c.p1, b) == doctest::Approx(15.0f));
    const ImVec2 mid = c.at(0.5f);
    CHECK(lengthOf(mid) > lengthOf(ImVec2(50, 50))); // further from "You" than the chord
    CHECK(c.distanceTo(mid) < 0.5f);
    CHECK(c.distanceTo(ImVec2(0, 0)) > 60.0f);
    CHECK(c.at(0.0f).x == doctest::Approx(c.p0.x));
    CHECK(c.at(1.0f).y == doctest::Approx(c.p1.y));

    const ArrowHead h = arrowHead(c, 8.0f);
    CHECK(dist(h.tip, c.p1) < 1e-4f);
    CHECK(dist(h.left, h.right) == doctest::Approx(8.0f));
    // both back corners are behind the tip (further from the target node)
    CHECK(dist(h.left, b) > dist(h.tip, b));

    // very close nodes: the trim never flips the ends past each other
    const IntroCurve tiny = introCurve(ImVec2(0, 50), ImVec2(4, 50), 15.0f);
    CHECK(dist(tiny.p0, ImVec2(0, 50)) < 4.0f);
}

TEST_CASE(
    "network layout: a ring of 40 spreads them in its band; zoomed in, names do not overlap") {
    Board b = makeEmptyBoard();
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> angle(-3.1, 3.1);
    for (std::uint64_t i = 0; i < 40; ++i)
        b.content.people.put(person(100 + i, 3, angle(rng)));
    const RingGeometry g;
    const auto placed = layoutPeople(g, b.content);
    REQUIRE(placed.size() == 40);
    for (const auto& pp : placed) // a person's ring is always their trust level
        CHECK(trustFromRadius(g, lengthOf(pp.pos)) == 3);
    for (std::size_t i = 0; i < placed.size(); ++i)
        for (std::size_t j = i + 1; j < placed.size(); ++j)
            CHECK(dist(placed[i].pos, placed[j].pos) >= 2 * g.nodeRadius);
    // Zoomed in (4x), each name (up to 80 px wide) beside its disc overlaps no other name.
    const float zoom = 4.0f;
    const ImVec2 text(80, 18);
    std::vector<Rectf> boxes;
    for (const auto& pp : placed) {
        const ImVec2 s = pp.pos * zoom;
        const ImVec2 mn = nameBoxMin(s, g.nodeRadius * zoom, pp.angle, text, 3.0f);
        boxes.push_back({{mn.x, mn.y}, {mn.x + text.x, mn.y + text.y}});
    }
    int overlaps = 0;
    for (std::size_t i = 0; i < boxes.size(); ++i)
        for (std::size_t j = i + 1; j < boxes.size(); ++j)
            overlaps += boxes[i].overlaps(boxes[j]);
    CHECK(overlaps == 0);
}
