#include "ui/network_layout.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

namespace horizons::ui {

namespace {

constexpr double kTwoPi = 2.0 * std::numbers::pi;

ImVec2 add(ImVec2 a, ImVec2 b) { return ImVec2(a.x + b.x, a.y + b.y); }
ImVec2 sub(ImVec2 a, ImVec2 b) { return ImVec2(a.x - b.x, a.y - b.y); }
ImVec2 mul(ImVec2 a, float s) { return ImVec2(a.x * s, a.y * s); }
float dot(ImVec2 a, ImVec2 b) { return a.x * b.x + a.y * b.y; }

ImVec2 normalized(ImVec2 v) {
    const float len = lengthOf(v);
    return len > 1e-6f ? mul(v, 1.0f / len) : ImVec2(1, 0);
}

float distanceToSegment(ImVec2 p, ImVec2 a, ImVec2 b) {
    const ImVec2 ab = sub(b, a);
    const float len2 = dot(ab, ab);
    const float t = len2 > 0 ? std::clamp(dot(sub(p, a), ab) / len2, 0.0f, 1.0f) : 0.0f;
    return lengthOf(sub(p, add(a, mul(ab, t))));
}

} // namespace

// ---------------------------------------------------------------------------------- rings

float RingGeometry::outerRadius() const { return ringRadius(*this, kMinTrust); }
float RingGeometry::extent() const { return outerRadius() + nodeRadius * 3.0f; }

float ringRadius(const RingGeometry& g, int trust) {
    trust = std::clamp(trust, kMinTrust, kMaxTrust);
    return g.innerRadius + static_cast<float>(kMaxTrust - trust) * g.ringGap;
}

int trustFromRadius(const RingGeometry& g, float radius) {
    if (!(radius == radius)) // NaN
        return kMinTrust;
    const float steps = g.ringGap > 0 ? (radius - g.innerRadius) / g.ringGap : 0.0f;
    const int fromInner = static_cast<int>(std::lround(std::max(0.0f, steps)));
    return std::clamp(kMaxTrust - fromInner, kMinTrust, kMaxTrust);
}

ImVec2 pointOnRing(const RingGeometry& g, int trust, double angle) {
    const float r = ringRadius(g, trust);
    return ImVec2(r * static_cast<float>(std::cos(angle)), r * static_cast<float>(std::sin(angle)));
}

ImVec2 personPosition(const RingGeometry& g, const Person& p) {
    return pointOnRing(g, p.trust, p.mapAngle);
}

double angleOf(ImVec2 p) {
    if (p.x == 0.0f && p.y == 0.0f) return 0.0;
    return std::atan2(static_cast<double>(p.y), static_cast<double>(p.x));
}

float lengthOf(ImVec2 v) { return std::sqrt(v.x * v.x + v.y * v.y); }

double normalizeAngle(double a) {
    if (!std::isfinite(a)) return 0.0;
    a = std::fmod(a, kTwoPi);
    if (a <= -std::numbers::pi)
        a += kTwoPi;
    else if (a > std::numbers::pi)
        a -= kTwoPi;
    return a;
}

// ------------------------------------------------------------------------------ placement

std::vector<double> spreadAngles(std::span<const AngleItem> items, double minSeparation) {
    const std::size_t n = items.size();
    std::vector<double> out(n);
    if (n == 0) return out;
    // Work in sorted order (by angle in [0, 2pi), ties by id), map back at the end.
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::vector<double> a(n);
    for (std::size_t i = 0; i < n; ++i) {
        double v = normalizeAngle(items[i].angle);
        a[i] = v < 0 ? v + kTwoPi : v;
    }
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        return a[x] != a[y] ? a[x] < a[y] : items[x].id < items[y].id;
    });
    std::vector<double> s(n);
    for (std::size_t k = 0; k < n; ++k)
        s[k] = a[order[k]];

    if (n > 1 && static_cast<double>(n) * minSeparation >= kTwoPi) {
        // Too full: even spacing, starting at the first node's own angle.
        for (std::size_t k = 0; k < n; ++k)
            s[k] = s[0] + kTwoPi * static_cast<double>(k) / static_cast<double>(n);
    } else if (n > 1) {
        // Relaxation: push neighbours that are too close apart, half the deficit each. The
        // angles stay "unwrapped" (monotonic) so the order is kept; the gap between the last
        // and the first node is measured around the circle.
        for (int iter = 0; iter < 200; ++iter) {
            bool moved = false;
            for (std::size_t k = 0; k < n; ++k) {
                const std::size_t next = (k + 1) % n;
                const double gap = next == 0 ? s[0] + kTwoPi - s[k] : s[next] - s[k];
                const double deficit = minSeparation - gap;
                if (deficit > 1e-9) {
                    s[k] -= deficit * 0.5;
                    s[next] += deficit * 0.5;
                    moved = true;
                }
            }
            if (!moved) break;
        }
    }
    for (std::size_t k = 0; k < n; ++k)
        out[order[k]] = normalizeAngle(s[k]);
    return out;
}

double freeAngle(std::span<const double> angles, double fallback) {
    if (angles.empty()) return fallback;
    std::vector<double> a;
    a.reserve(angles.size());
    for (double v : angles) {
        v = normalizeAngle(v);
        a.push_back(v < 0 ? v + kTwoPi : v);
    }
    std::sort(a.begin(), a.end());
    double bestGap = a.front() + kTwoPi - a.back(); // the gap across 0
    double best = a.back() + bestGap * 0.5;
    for (std::size_t i = 1; i < a.size(); ++i) {
        const double gap = a[i] - a[i - 1];
        if (gap > bestGap + 1e-9) {
            bestGap = gap;
            best = a[i - 1] + gap * 0.5;
        }
    }
    return normalizeAngle(best);
}

std::vector<PlacedPerson> layoutPeople(const RingGeometry& g, const BoardContent& c,
                                       std::span<const PersonId> only) {
    std::vector<const Person*> people;
    people.reserve(only.empty() ? c.people.size() : only.size());
    if (only.empty()) {
        for (const auto& p : c.people)
            people.push_back(&p);
    } else {
        for (PersonId id : only)
            if (const Person* p = c.people.find(id)) people.push_back(p);
        std::sort(people.begin(), people.end(),
                  [](const Person* x, const Person* y) { return x->id < y->id; });
        people.erase(std::unique(people.begin(), people.end()), people.end());
    }

    std::vector<PlacedPerson> out;
    out.reserve(people.size());
    for (const Person* p : people)
        out.push_back({p->id, {}, p->mapAngle, std::clamp(p->trust, kMinTrust, kMaxTrust)});

    for (int t = kMinTrust; t <= kMaxTrust; ++t) {
        std::vector<AngleItem> ring;
        std::vector<std::size_t> where;
        for (std::size_t i = 0; i < out.size(); ++i)
            if (out[i].trust == t) {
                ring.push_back({out[i].id, out[i].angle});
                where.push_back(i);
            }
        if (ring.empty()) continue;
        const float r = ringRadius(g, t);
        // Discs plus a little air, as an angle on this ring (chord ~ arc for small angles).
        const double minSep = r > 0 ? (2.6 * g.nodeRadius) / r : 0.0;
        const std::vector<double> angles = spreadAngles(ring, minSep);
        for (std::size_t k = 0; k < where.size(); ++k) {
            PlacedPerson& pp = out[where[k]];
            pp.angle = angles[k];
            pp.pos = pointOnRing(g, t, angles[k]);
        }
    }
    return out;
}

const PlacedPerson* findPlaced(std::span<const PlacedPerson> placed, PersonId id) {
    for (const auto& p : placed)
        if (p.id == id) return &p;
    return nullptr;
}

std::optional<PersonId> hitTestPerson(std::span<const PlacedPerson> placed, ImVec2 worldPoint,
                                      float radius) {
    std::optional<PersonId> best;
    float bestD = radius;
    for (const auto& p : placed) {
        const float d = lengthOf(sub(worldPoint, p.pos));
        if (d <= bestD) {
            bestD = d;
            best = p.id;
        }
    }
    return best;
}

bool hitTestYou(const RingGeometry& g, ImVec2 worldPoint) {
    return lengthOf(worldPoint) <= g.youRadius;
}

// --------------------------------------------------------------------------------- curves

ImVec2 IntroCurve::at(float t) const {
    const float u = 1.0f - t;
    return add(add(mul(p0, u * u), mul(ctrl, 2.0f * u * t)), mul(p1, t * t));
}

ImVec2 IntroCurve::tangent(float t) const {
    return add(mul(sub(ctrl, p0), 2.0f * (1.0f - t)), mul(sub(p1, ctrl), 2.0f * t));
}

float IntroCurve::distanceTo(ImVec2 point, int samples) const {
    samples = std::max(samples, 2);
    float best = lengthOf(sub(point, p0));
    ImVec2 prev = p0;
    for (int i = 1; i <= samples; ++i) {
        const ImVec2 cur = at(static_cast<float>(i) / static_cast<float>(samples));
        best = std::min(best, distanceToSegment(point, prev, cur));
        prev = cur;
    }
    return best;
}

IntroCurve introCurve(ImVec2 from, ImVec2 to, float trim, float bend) {
    const ImVec2 d = sub(to, from);
    const float len = lengthOf(d);
    const ImVec2 mid = mul(add(from, to), 0.5f);
    // The normal that points away from the centre (the midpoint's own direction); for a chord
    // through the centre, either side.
    ImVec2 normal(-d.y, d.x);
    normal = normalized(normal);
    if (dot(normal, mid) < 0) normal = mul(normal, -1.0f);
    const ImVec2 ctrl = add(mid, mul(normal, len * bend));
    // Trim the ends to the node edges, along the direction towards the control point.
    const ImVec2 a = add(from, mul(normalized(sub(ctrl, from)), std::min(trim, len * 0.45f)));
    const ImVec2 b = add(to, mul(normalized(sub(ctrl, to)), std::min(trim, len * 0.45f)));
    return {a, ctrl, b};
}

ArrowHead arrowHead(const IntroCurve& c, float size) {
    const ImVec2 dir = normalized(c.tangent(1.0f));
    const ImVec2 perp(-dir.y, dir.x);
    const ImVec2 back = sub(c.p1, mul(dir, size));
    return {c.p1, add(back, mul(perp, size * 0.5f)), sub(back, mul(perp, size * 0.5f))};
}

} // namespace horizons::ui
