#include "ui/network_layout.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <numbers>
#include <numeric>
#include <unordered_map>

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

int ringRows(const RingGeometry& g, int trust, std::size_t n) {
    const float r = ringRadius(g, trust);
    const double minSep = r > 0 ? (2.6 * g.nodeRadius) / r : 0.0;
    const double capacity = minSep > 0 ? 2.0 * std::numbers::pi / minSep : 1e9;
    return static_cast<double>(n) > capacity ? 2 : 1;
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
        // More people than fit side by side: neighbours alternate between two sub-rings
        // inside the trust band (still nearer their own ring than any other), so each one's
        // disc has room and twice as many fit.
        const int rows = ringRows(g, t, ring.size());
        const std::vector<double> angles = spreadAngles(ring, minSep / rows);
        std::vector<std::size_t> byAngle(where.size());
        for (std::size_t k = 0; k < byAngle.size(); ++k)
            byAngle[k] = k;
        std::sort(byAngle.begin(), byAngle.end(), [&](std::size_t a, std::size_t b) {
            return normalizeAngle(angles[a]) < normalizeAngle(angles[b]);
        });
        const float shift = rows > 1 ? 0.3f * g.ringGap : 0.0f;
        for (std::size_t n = 0; n < byAngle.size(); ++n) {
            const std::size_t k = byAngle[n];
            PlacedPerson& pp = out[where[k]];
            pp.angle = angles[k];
            const float rr = r + (rows > 1 ? (n % 2 == 0 ? shift : -shift) : 0.0f);
            pp.pos = ImVec2(rr * static_cast<float>(std::cos(angles[k])),
                            rr * static_cast<float>(std::sin(angles[k])));
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

Rectf introCurveBounds(ImVec2 from, ImVec2 to, float bend) {
    const IntroCurve cv = introCurve(from, to, 0.0f, bend);
    const ImVec2 pts[] = {from, to, cv.ctrl};
    Rectf r{{FLT_MAX, FLT_MAX}, {-FLT_MAX, -FLT_MAX}};
    for (const ImVec2& p : pts) {
        r.min.x = std::min(r.min.x, p.x);
        r.min.y = std::min(r.min.y, p.y);
        r.max.x = std::max(r.max.x, p.x);
        r.max.y = std::max(r.max.y, p.y);
    }
    return r;
}

// --------------------------------------------------------------------------------- labels

ImVec2 nameBoxMin(ImVec2 s, float discRadius, double angle, ImVec2 textSize, float gap) {
    // Above a node in the upper half, below one in the lower half, centred: away from the
    // centre vertically, and never wider than the name itself to the side (so the fit can
    // give the rings the canvas's whole width).
    const bool above = std::sin(angle) < -1e-9;
    const float y = above ? s.y - discRadius - gap - textSize.y : s.y + discRadius + gap;
    return ImVec2(s.x - textSize.x * 0.5f, y);
}

std::optional<Rectf> placeCaption(ImVec2 centre, float radius, ImVec2 size,
                                  std::span<const double> candidates,
                                  std::span<const Rectf> obstacles, const Rectf& viewport) {
    for (const double a : candidates) {
        const float ca = static_cast<float>(std::cos(a)), sa = static_cast<float>(std::sin(a));
        float x = centre.x + radius * ca;
        const float y = centre.y + radius * sa;
        // Near the top or bottom the caption sits on the circle; towards the sides it moves
        // outwards so it does not reach across the rings inside.
        if (std::fabs(sa) < 0.7f) x += (ca > 0 ? 0.5f : -0.5f) * size.x;
        const Rectf box{{x - size.x * 0.5f, y - size.y * 0.5f},
                        {x + size.x * 0.5f, y + size.y * 0.5f}};
        if (!viewport.containsRect(box)) continue;
        bool free = true;
        for (const Rectf& o : obstacles)
            if (o.overlaps(box)) {
                free = false;
                break;
            }
        if (free) return box;
    }
    return std::nullopt;
}

std::span<const double> captionAngles(bool preferBottom) {
    static const auto make = [](double first) {
        std::array<double, 28> out{};
        std::size_t n = 0;
        auto around = [&](double end, int steps, double step) {
            out[n++] = normalizeAngle(end);
            for (int k = 1; k <= steps; ++k) {
                out[n++] = normalizeAngle(end - k * step);
                out[n++] = normalizeAngle(end + k * step);
            }
        };
        constexpr double nine = std::numbers::pi / 20.0; // 9 degrees
        around(first, 5, nine);                          // the preferred end, up to 45 degrees off
        around(0.0, 1, 2 * nine);                        // the sides
        around(std::numbers::pi, 1, 2 * nine);
        around(-first, 5, nine); // the other end
        return out;
    };
    static const auto top = make(-std::numbers::pi / 2);
    static const auto bottom = make(std::numbers::pi / 2);
    return preferBottom ? std::span<const double>(bottom) : std::span<const double>(top);
}

float fitZoomForMap(float radius, std::span<const FitNode> nodes, Vec2f viewport, float marginPx,
                    ZoomLimits limits) {
    const float halfW = viewport.x * 0.5f - marginPx;
    const float halfH = viewport.y * 0.5f - marginPx;
    if (halfW <= 1.0f || halfH <= 1.0f) return clampZoom(limits.minZoom, limits);
    // Each constraint reads  world * z + px <= half  (and its mirror), so z <= (half - px) / world.
    float z = radius > 0 ? std::min(halfW, halfH) / radius : limits.maxZoom;
    auto bound = [&](float world, float px, float half) {
        if (world > 1e-6f) z = std::min(z, std::max(0.0f, half - px) / world);
    };
    for (const FitNode& n : nodes) {
        bound(n.world.x, n.pxMax.x, halfW);
        bound(-n.world.x, -n.pxMin.x, halfW);
        bound(n.world.y, n.pxMax.y, halfH);
        bound(-n.world.y, -n.pxMin.y, halfH);
    }
    return clampZoom(std::max(z, limits.minZoom), limits);
}

// ----------------------------------------------------------------------------- culling

int PersonGrid::cellOf(float v, float lo, int n) const {
    const int i = static_cast<int>(std::floor((v - lo) / cell_));
    return std::clamp(i, 0, n - 1);
}

void PersonGrid::build(std::span<const PlacedPerson> placed, float cellSize) {
    start_.clear();
    items_.clear();
    cols_ = rows_ = 0;
    bounds_ = Rectf{};
    if (placed.empty()) return;
    Rectf b{{FLT_MAX, FLT_MAX}, {-FLT_MAX, -FLT_MAX}};
    for (const auto& p : placed) {
        b.min.x = std::min(b.min.x, p.pos.x);
        b.min.y = std::min(b.min.y, p.pos.y);
        b.max.x = std::max(b.max.x, p.pos.x);
        b.max.y = std::max(b.max.y, p.pos.y);
    }
    bounds_ = b;
    const float w = std::max(b.width(), 1.0f), h = std::max(b.height(), 1.0f);
    cell_ = std::max(cellSize, 1e-3f);
    // at most 256 x 256 cells, whatever the cell size asked for
    cell_ = std::max({cell_, w / 256.0f, h / 256.0f});
    cols_ = static_cast<int>(w / cell_) + 1;
    rows_ = static_cast<int>(h / cell_) + 1;
    const std::size_t cells = static_cast<std::size_t>(cols_) * static_cast<std::size_t>(rows_);
    start_.assign(cells + 1, 0);
    std::vector<std::uint32_t> cellOfItem(placed.size());
    for (std::size_t i = 0; i < placed.size(); ++i) {
        const int cx = cellOf(placed[i].pos.x, b.min.x, cols_);
        const int cy = cellOf(placed[i].pos.y, b.min.y, rows_);
        cellOfItem[i] = static_cast<std::uint32_t>(cy * cols_ + cx);
        ++start_[cellOfItem[i] + 1];
    }
    for (std::size_t c = 0; c < cells; ++c)
        start_[c + 1] += start_[c];
    items_.resize(placed.size());
    std::vector<std::uint32_t> fill(start_.begin(), start_.end() - 1);
    for (std::size_t i = 0; i < placed.size(); ++i) // increasing index within each cell
        items_[fill[cellOfItem[i]]++] = static_cast<std::uint32_t>(i);
}

void PersonGrid::query(std::span<const PlacedPerson> placed, const Rectf& world,
                       std::vector<std::uint32_t>& out) const {
    out.clear();
    if (cols_ == 0 || world.empty()) return;
    // The bounds hold every centre on their max edge too (inclusive), the query's max is
    // exclusive: the whole set when the query strictly contains the bounds.
    if (world.min.x <= bounds_.min.x && world.min.y <= bounds_.min.y &&
        world.max.x > bounds_.max.x && world.max.y > bounds_.max.y) {
        out.resize(placed.size());
        std::iota(out.begin(), out.end(), std::uint32_t{0});
        return;
    }
    if (world.max.x < bounds_.min.x || world.min.x > bounds_.max.x || world.max.y < bounds_.min.y ||
        world.min.y > bounds_.max.y)
        return;
    const int x0 = cellOf(world.min.x, bounds_.min.x, cols_);
    const int x1 = cellOf(world.max.x, bounds_.min.x, cols_);
    const int y0 = cellOf(world.min.y, bounds_.min.y, rows_);
    const int y1 = cellOf(world.max.y, bounds_.min.y, rows_);
    for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x) {
            const std::size_t c = static_cast<std::size_t>(y * cols_ + x);
            for (std::uint32_t k = start_[c]; k < start_[c + 1]; ++k) {
                const ImVec2 p = placed[items_[k]].pos;
                if (world.contains({p.x, p.y})) out.push_back(items_[k]);
            }
        }
    std::sort(out.begin(), out.end());
}

std::optional<std::uint32_t> PersonGrid::nearest(std::span<const PlacedPerson> placed, ImVec2 world,
                                                 float radius) const {
    if (cols_ == 0 || !(radius >= 0)) return std::nullopt;
    const Rectf r{{world.x - radius, world.y - radius}, {world.x + radius, world.y + radius}};
    if (r.max.x < bounds_.min.x || r.min.x > bounds_.max.x || r.max.y < bounds_.min.y ||
        r.min.y > bounds_.max.y)
        return std::nullopt;
    std::optional<std::uint32_t> best;
    float bestD = radius;
    const int x0 = cellOf(r.min.x, bounds_.min.x, cols_);
    const int x1 = cellOf(r.max.x, bounds_.min.x, cols_);
    const int y0 = cellOf(r.min.y, bounds_.min.y, rows_);
    const int y1 = cellOf(r.max.y, bounds_.min.y, rows_);
    for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x) {
            const std::size_t c = static_cast<std::size_t>(y * cols_ + x);
            for (std::uint32_t k = start_[c]; k < start_[c + 1]; ++k) {
                const std::uint32_t i = items_[k];
                const float d = lengthOf(sub(world, placed[i].pos));
                // ties: the higher index, as hitTestPerson (the last of equals wins)
                if (d < bestD || (d == bestD && (!best || i > *best))) {
                    bestD = d;
                    best = i;
                }
            }
        }
    return best;
}

// ------------------------------------------------------------------------- derived data

bool NetworkMapCache::update(std::uint64_t generation, const BoardContent& c,
                             const NetworkFilter& filter, Date today, const RingGeometry& g) {
    if (valid_ && generation_ == generation && filter_ == filter && today_ == today.days && g_ == g)
        return false;
    valid_ = true;
    generation_ = generation;
    filter_ = filter;
    today_ = today.days;
    g_ = g;
    ++rebuilds_;
    linkedValid_ = false;

    // Who passes the filter (overdue needs the conversation log once, not per person).
    const auto last = lastTalkedByPerson(c);
    std::vector<PersonId> shown;
    std::vector<std::uint8_t> overdueOfShown;
    shown.reserve(c.people.size());
    relationshipsPresent_ = 0;
    for (const auto& p : c.people) {
        relationshipsPresent_ |= relationshipBit(p.relationship);
        const auto it = last.find(p.id);
        const bool od =
            isOverdue(p, it == last.end() ? std::nullopt : std::optional<Date>(it->second), today);
        if (passesFilter(filter, p, od)) {
            shown.push_back(p.id);
            overdueOfShown.push_back(od ? 1 : 0);
        }
    }
    placed_ = layoutPeople(g, c, shown); // id order, like `shown`
    overdue_ = std::move(overdueOfShown);

    ringCount_.fill(0);
    for (const auto& pp : placed_)
        ++ringCount_[static_cast<std::size_t>(pp.trust)];

    goalCount_.assign(placed_.size(), 0);
    for (const auto& l : c.links)
        if (const auto i = indexOf(l.person)) ++goalCount_[*i];

    intros_.clear();
    for (const auto& in : c.intros) {
        const auto a = indexOf(in.from), b = indexOf(in.to);
        if (!a || !b) continue;
        intros_.push_back({in.id, *a, *b, introCurveBounds(placed_[*a].pos, placed_[*b].pos)});
    }

    lonely_ = ui::goalsWithNobody(c);
    grid_.build(placed_, std::max(g.ringGap, 1.0f));
    return true;
}

std::optional<std::uint32_t> NetworkMapCache::indexOf(PersonId id) const {
    const auto it = std::lower_bound(placed_.begin(), placed_.end(), id,
                                     [](const PlacedPerson& p, PersonId v) { return p.id < v; });
    if (it == placed_.end() || it->id != id) return std::nullopt;
    return static_cast<std::uint32_t>(it - placed_.begin());
}

const PlacedPerson* NetworkMapCache::find(PersonId id) const {
    const auto i = indexOf(id);
    return i ? &placed_[*i] : nullptr;
}

int NetworkMapCache::ringCount(int trust) const {
    return trust >= kMinTrust && trust <= kMaxTrust ? ringCount_[static_cast<std::size_t>(trust)]
                                                    : 0;
}

void NetworkMapCache::peopleIn(const Rectf& world, std::vector<std::uint32_t>& out) const {
    grid_.query(placed_, world, out);
}

std::optional<PersonId> NetworkMapCache::personAt(ImVec2 world, float radius) const {
    const auto i = grid_.nearest(placed_, world, radius);
    if (!i) return std::nullopt;
    return placed_[*i].id;
}

const std::vector<PersonId>& NetworkMapCache::linkedToGoals(const BoardContent& c,
                                                            std::span<const GoalId> goals) {
    if (linkedValid_ && linkedGeneration_ == generation_ &&
        std::equal(goals.begin(), goals.end(), linkedGoals_.begin(), linkedGoals_.end()))
        return linked_;
    linkedValid_ = true;
    linkedGeneration_ = generation_;
    linkedGoals_.assign(goals.begin(), goals.end());
    linked_ = peopleLinkedToGoals(c, goals);
    return linked_;
}

} // namespace horizons::ui
