#include "ui/board_layout.hpp"

#include "model/edits.hpp"
#include "model/text.hpp"

#include <algorithm>
#include <cmath>

namespace horizons::ui {

BoardLayoutParams BoardLayoutParams::fromEm(float em) {
    if (!std::isfinite(em) || em <= 0.0f) em = 16.0f;
    BoardLayoutParams p;
    p.em = em;
    p.axisGutter = 2.4f * em;
    p.columnWidth = 13.6f * em;
    p.columnGap = 0.7f * em;
    p.headerHeight = 2.4f * em;
    p.bandTop = p.headerHeight + 0.7f * em;
    p.cardWidth = 12.6f * em;
    p.cardHeight = 4.4f * em;
    p.bandHeight = 32.0f * em;
    p.cardGap = 0.45f * em;
    p.bottomPadding = 0.7f * em;
    return p;
}

float yForSpecificity(const BoardLayoutParams& p, double specificity) {
    const double s = std::isfinite(specificity) ? std::clamp(specificity, 0.0, 1.0) : 0.5;
    return p.bandTop + static_cast<float>(s) * (p.bandHeight - p.cardHeight);
}

double specificityAtY(const BoardLayoutParams& p, float cardTopY) {
    const float travel = p.bandHeight - p.cardHeight;
    if (!(travel > 0.0f) || !std::isfinite(cardTopY)) return 0.5;
    return std::clamp(static_cast<double>((cardTopY - p.bandTop) / travel), 0.0, 1.0);
}

BoardLayout computeBoardLayout(const BoardContent& c, const BoardLayoutParams& p) {
    BoardLayout L;
    L.params = p;
    const auto horizons = orderedHorizons(c);
    std::unordered_map<HorizonId, int> columnOf;
    columnOf.reserve(horizons.size());
    L.columns.reserve(horizons.size());
    for (std::size_t i = 0; i < horizons.size(); ++i) {
        ColumnBox col;
        col.horizon = horizons[i]->id;
        const float x = p.axisGutter + static_cast<float>(i) * (p.columnWidth + p.columnGap);
        col.rect = {{x, 0}, {x + p.columnWidth, p.bandTop + p.bandHeight + p.bottomPadding}};
        col.header = {{x, 0}, {x + p.columnWidth, p.headerHeight}};
        columnOf.emplace(col.horizon, static_cast<int>(i));
        L.columns.push_back(col);
    }

    // Bucket the goals per column, then sort each bucket by (specificity, order, id).
    std::vector<std::vector<const Goal*>> buckets(L.columns.size());
    for (const Goal& g : c.goals) {
        auto it = columnOf.find(g.horizon);
        if (it != columnOf.end()) buckets[static_cast<std::size_t>(it->second)].push_back(&g);
    }
    L.cards.reserve(c.goals.size());
    L.index_.reserve(c.goals.size());
    const float cardInset = (p.columnWidth - p.cardWidth) * 0.5f;
    std::vector<float> ys;
    for (std::size_t ci = 0; ci < buckets.size(); ++ci) {
        auto& b = buckets[ci];
        std::sort(b.begin(), b.end(), [](const Goal* a, const Goal* z) {
            if (a->specificity != z->specificity) return a->specificity < z->specificity;
            if (a->order != z->order) return a->order < z->order;
            return a->id < z->id;
        });
        ColumnBox& col = L.columns[ci];
        col.first = L.cards.size();
        col.count = b.size();
        // Wanted tops, then three passes so none overlap: push down, pull back up into the
        // band from its bottom, push down again (a column too full for its band overflows
        // below it). Order is kept; each card stays as close to its specificity as room allows.
        ys.resize(b.size());
        const float step = p.cardHeight + p.cardGap;
        const float lowest = p.bandTop + p.bandHeight - p.cardHeight;
        for (std::size_t i = 0; i < b.size(); ++i) {
            ys[i] = yForSpecificity(p, b[i]->specificity);
            if (i > 0) ys[i] = std::max(ys[i], ys[i - 1] + step);
        }
        for (std::size_t i = b.size(); i-- > 0;)
            ys[i] = std::min(ys[i], i + 1 < b.size() ? ys[i + 1] - step : lowest);
        for (std::size_t i = 0; i < b.size(); ++i)
            ys[i] = std::max(ys[i], i > 0 ? ys[i - 1] + step : p.bandTop);
        const float x = col.rect.min.x + cardInset;
        for (std::size_t i = 0; i < b.size(); ++i) {
            const float y = ys[i];
            CardBox card{
                b[i]->id, static_cast<int>(ci), {{x, y}, {x + p.cardWidth, y + p.cardHeight}}};
            L.index_.emplace(b[i]->id, L.cards.size());
            L.cards.push_back(card);
        }
        if (col.count > 0)
            col.rect.max.y = std::max(col.rect.max.y, L.cards.back().rect.max.y + p.bottomPadding);
    }

    L.bounds = {{0, 0}, {p.axisGutter, p.bandTop + p.bandHeight + p.bottomPadding}};
    for (const ColumnBox& col : L.columns)
        L.bounds = unite(L.bounds, col.rect);
    return L;
}

const CardBox* BoardLayout::find(GoalId g) const {
    auto it = index_.find(g);
    return it == index_.end() ? nullptr : &cards[it->second];
}

std::size_t BoardLayout::firstColumnFrom(float x) const {
    auto it = std::partition_point(columns.begin(), columns.end(),
                                   [x](const ColumnBox& c) { return c.rect.max.x <= x; });
    return static_cast<std::size_t>(it - columns.begin());
}

std::size_t BoardLayout::firstCardFrom(const ColumnBox& col, float y) const {
    auto b = cards.begin() + static_cast<std::ptrdiff_t>(col.first);
    auto e = b + static_cast<std::ptrdiff_t>(col.count);
    auto it = std::partition_point(b, e, [y](const CardBox& k) { return k.rect.max.y <= y; });
    return static_cast<std::size_t>(it - cards.begin());
}

int BoardLayout::columnAt(Vec2f world) const {
    const std::size_t c = firstColumnFrom(world.x);
    if (c < columns.size() && columns[c].rect.contains(world)) return static_cast<int>(c);
    return -1;
}

int BoardLayout::columnNearestX(float x) const {
    if (columns.empty()) return -1;
    const float half = params.columnGap * 0.5f;
    auto it = std::partition_point(columns.begin(), columns.end(),
                                   [&](const ColumnBox& c) { return c.rect.max.x + half <= x; });
    if (it == columns.end()) return static_cast<int>(columns.size()) - 1;
    return static_cast<int>(it - columns.begin());
}

const CardBox* BoardLayout::cardAt(Vec2f world) const {
    const int c = columnAt(world);
    if (c < 0) return nullptr;
    const ColumnBox& col = columns[static_cast<std::size_t>(c)];
    const std::size_t i = firstCardFrom(col, world.y);
    if (i < col.first + col.count && cards[i].rect.contains(world)) return &cards[i];
    return nullptr;
}

std::vector<GoalId> BoardLayout::cardsOverlapping(const Rectf& world) const {
    std::vector<GoalId> out;
    forEachCardIn(world, [&](const CardBox& k) { out.push_back(k.goal); });
    std::sort(out.begin(), out.end());
    return out;
}

DropPlacement dropPlacement(const BoardLayout& layout, const BoardContent& c, Vec2f cardTopLeft,
                            std::span<const GoalId> moving) {
    DropPlacement d;
    const BoardLayoutParams& p = layout.params;
    d.column = layout.columnNearestX(cardTopLeft.x + p.cardWidth * 0.5f);
    if (d.column < 0) return d;
    const ColumnBox& col = layout.columns[static_cast<std::size_t>(d.column)];
    d.horizon = col.horizon;
    d.specificity = specificityAtY(p, cardTopLeft.y);
    // Neighbours by drawn position: the last card above the drop point and the next below
    // (cards of a column are sorted by y: binary search, then skip the moving ones).
    const auto isMoving = [&](GoalId g) {
        return std::binary_search(moving.begin(), moving.end(), g);
    };
    const auto first = layout.cards.begin() + static_cast<std::ptrdiff_t>(col.first);
    const auto last = first + static_cast<std::ptrdiff_t>(col.count);
    const auto split = std::partition_point(
        first, last, [&](const CardBox& k) { return k.rect.min.y <= cardTopLeft.y; });
    std::optional<double> before, after;
    for (auto it = split; it != first && !before;) {
        --it;
        if (isMoving(it->goal)) continue;
        if (const Goal* g = c.goals.find(it->goal)) before = g->order;
    }
    for (auto it = split; it != last && !after; ++it) {
        if (isMoving(it->goal)) continue;
        if (const Goal* g = c.goals.find(it->goal)) after = g->order;
    }
    if (before && after && !(*before < *after)) // orders out of step with positions
        after.reset();
    d.order = orderBetween(before, after);
    return d;
}

bool goalMatches(const Goal& g, const BoardFilter& f) {
    if (!(f.statusMask & (1u << static_cast<unsigned>(g.status)))) return false;
    if (!f.tag.empty()) {
        bool any = false;
        for (const std::string& t : g.tags)
            any = any || (t.size() == f.tag.size() && containsIgnoringCase(t, f.tag));
        if (!any) return false;
    }
    if (!f.text.empty()) {
        bool any = containsIgnoringCase(g.title, f.text) || containsIgnoringCase(g.notes, f.text);
        for (const std::string& t : g.tags)
            any = any || containsIgnoringCase(t, f.text);
        if (!any) return false;
    }
    return true;
}

} // namespace horizons::ui
