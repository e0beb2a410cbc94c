// The board's invariant over generated boards: x is the horizon, y the specificity. For
// every card, chip and stack the layout makes, at every canvas size and zoom the view can
// show: it stays in its column, on its side of the direction/destination line, within
// kPlaceTolerance of the specificity of each goal it stands for, overlaps nothing, and the
// goals represented add up to the board's goals.
#include "ui/board_layout.hpp"

#include "model/board.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <unordered_map>
#include <unordered_set>

using namespace horizons;
using namespace horizons::ui;

namespace {

constexpr float kEm = 16.0f;

// n goals over `horizons` horizons; a third of them close to the line, some exactly on it.
Board generate(std::size_t n, int horizons, std::uint32_t seed) {
    std::mt19937 rng(seed);
    Board b = makeEmptyBoard();
    while (static_cast<int>(b.content.horizons.size()) < horizons) {
        Horizon h;
        h.id = HorizonId{b.nextId++};
        h.name = "Horizon " + std::to_string(h.id.value);
        h.months = 120 + static_cast<int>(h.id.value);
        h.order = 100.0 + static_cast<double>(h.id.value);
        b.content.horizons.put(h);
    }
    const auto hs = orderedHorizons(b.content);
    std::uniform_real_distribution<double> unit(0.0, 1.0), near(0.44, 0.56);
    // A skewed pick so one column is crowded.
    std::discrete_distribution<int> col({6, 2, 1, 1, 1, 1, 1, 1});
    for (std::size_t i = 0; i < n; ++i) {
        Goal g;
        g.id = GoalId{b.nextId++};
        g.title = "Goal " + std::to_string(i);
        g.horizon = hs[static_cast<std::size_t>(col(rng)) % hs.size()]->id;
        const double r = unit(rng);
        g.specificity = r < 0.05   ? 0.5
                        : r < 0.1  ? std::nextafter(0.5, 0.0)
                        : r < 0.35 ? near(rng)
                        : r < 0.4  ? 0.0
                        : r < 0.45 ? 1.0
                                   : unit(rng);
        g.order = static_cast<double>(i % 7);
        b.content.goals.put(g);
    }
    return b;
}

struct Checked {
    std::size_t items = 0, stacks = 0, chips = 0, cards = 0;
};

// Everything the layout draws, checked against the invariant. `zoom` is the view's zoom.
Checked checkLayout(const Board& b, const BoardLayout& L, float zoom) {
    Checked out;
    const BoardLayoutParams& p = L.params;
    const float line = lineY(p);
    std::unordered_map<HorizonId, int> columnOf;
    for (std::size_t i = 0; i < L.columns.size(); ++i)
        columnOf[L.columns[i].horizon] = static_cast<int>(i);
    std::unordered_set<GoalId> seen;
    std::size_t represented = 0, off = 0, across = 0, outside = 0, overlaps = 0, tiny = 0;
    for (const ColumnBox& col : L.columns) {
        for (std::size_t i = col.first; i < col.first + col.count; ++i) {
            const CardBox& k = L.cards[i];
            ++out.items;
            out.stacks += k.kind == ItemKind::Stack;
            out.chips += k.kind == ItemKind::Chip;
            out.cards += k.kind == ItemKind::Card;
            outside += k.rect.min.x < col.rect.min.x || k.rect.max.x > col.rect.max.x ||
                       k.rect.min.y < p.bandTop || k.rect.max.y > p.bandTop + p.bandHeight;
            const double centre = specificityAtPlace(p, k.rect.center().y);
            for (GoalId id : L.goalsOf(k)) {
                const Goal* g = b.content.goals.find(id);
                REQUIRE(g);
                ++represented;
                seen.insert(id);
                off += std::fabs(centre - g->specificity) > kPlaceTolerance + 1e-6;
                across +=
                    g->kind() == GoalKind::Destination ? k.rect.min.y < line : k.rect.max.y > line;
                outside += columnOf[g->horizon] != k.column;
            }
            // Text needs room: chips and stacks are at least about an em tall on screen at
            // the zooms a board is looked at (the fit and beyond).
            if (k.kind != ItemKind::Card) tiny += k.rect.height() * zoom < 0.9f * kEm;
            for (std::size_t j = i + 1;
                 j < col.first + col.count && L.cards[j].rect.min.y < k.rect.max.y; ++j)
                overlaps += k.rect.overlaps(L.cards[j].rect);
        }
    }
    CHECK(represented == b.content.goals.size());
    CHECK(seen.size() == b.content.goals.size());
    CHECK(off == 0);
    CHECK(across == 0);
    CHECK(outside == 0);
    CHECK(overlaps == 0);
    CHECK(tiny == 0);
    return out;
}

} // namespace

TEST_CASE("board invariant: every goal at its horizon and specificity, at every size and zoom") {
    const std::size_t sizes[] = {1, 3, 8, 40, 300, 2000, 10000};
    const Vec2f canvases[] = {{1024, 560}, {700, 460},   {1280, 640},
                              {900, 600},  {1920, 1000}, {3840, 2080}}; // panels take some room
    std::uint32_t seed = 1;
    for (std::size_t n : sizes)
        for (int horizons : {3, 5})
            for (const Vec2f canvas : canvases) {
                ++seed;
                const Board b = generate(n, horizons, seed);
                const auto columns = b.content.horizons.size();
                const FitShape shape = fitShape(kEm, canvas, columns);
                BoardLayoutParams p =
                    BoardLayoutParams::sized(kEm, shape.columnWidthEm, shape.bandHeightEm);
                const BoardLayout first = computeBoardLayout(b.content, p);
                const float fit = fitRect({}, first.bounds, canvas, kEm, {0.04f, 1.0f}).zoom;
                for (float zoom = fit; zoom <= 4.0f * 1.001f; zoom *= 1.7f) {
                    CAPTURE(n);
                    CAPTURE(horizons);
                    CAPTURE(canvas.x);
                    CAPTURE(canvas.y);
                    CAPTURE(zoom);
                    p.zoom = quantiseZoom(zoom);
                    const BoardLayout L = computeBoardLayout(b.content, p);
                    CHECK(L.bounds == first.bounds); // the level of detail never moves the fit
                    // The fitted board is inside the canvas, the whole band in view.
                    if (zoom == fit) CHECK(L.bounds.height() * zoom <= canvas.y);
                    checkLayout(b, L, zoom);
                }
            }
}

TEST_CASE("board invariant: small boards draw full cards; crowds become chips, then stacks") {
    const Vec2f canvas{1280, 640};
    const auto levels = [&](std::size_t n) {
        const Board b = generate(n, 3, 77);
        const FitShape shape = fitShape(kEm, canvas, 3);
        BoardLayoutParams p =
            BoardLayoutParams::sized(kEm, shape.columnWidthEm, shape.bandHeightEm);
        p.zoom = quantiseZoom(
            fitRect({}, computeBoardLayout(b.content, p).bounds, canvas, kEm, {0.04f, 1.0f}).zoom);
        return checkLayout(b, computeBoardLayout(b.content, p), p.zoom);
    };
    const Checked few = levels(3);
    CHECK(few.cards == 3);
    const Checked many = levels(10000);
    CHECK(many.stacks > 0);
    CHECK(many.items < 1000); // readable: a few hundred items stand for 10,000 goals
}
