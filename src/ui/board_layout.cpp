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
    p.cardGap = 0.3f * em;
    p.bottomPadding = 0.7f * em;
    p.laneGap = 0.4f * em;
    p.lineGap = 0.05f * em;
    p.chipHeight = 1.5f * em;
    p.chipGap = 0.25f * em;
    return p;
}

BoardLayoutParams BoardLayoutParams::sized(float em, float columnWidthEm, float bandHeightEm) {
    BoardLayoutParams p = fromEm(em);
    em = p.em;
    if (bandHeightEm > 0) p.bandHeight = bandHeightEm * em;
    if (columnWidthEm > 0) {
        p.columnWidth = columnWidthEm * em;
        p.cardWidth = p.columnWidth - 1.0f * em;
    }
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

float placeY(const BoardLayoutParams& p, double s) {
    return yForSpecificity(p, s) + p.cardHeight * 0.5f;
}

double specificityAtPlace(const BoardLayoutParams& p, float y) {
    const double travel = p.bandHeight - p.cardHeight;
    if (!(travel > 0)) return 0.5;
    return (static_cast<double>(y) - p.bandTop - p.cardHeight * 0.5) / travel;
}

float lineY(const BoardLayoutParams& p) { return placeY(p, kDestinationThreshold); }

float quantiseZoom(float zoom) {
    if (!std::isfinite(zoom) || zoom <= 0) return 1.0f;
    return std::exp2(std::floor(std::log2(zoom) * 4.0f + 1e-4f) / 4.0f);
}

FitShape fitShape(float em, Vec2f canvas, std::size_t columns) {
    const BoardLayoutParams d = BoardLayoutParams::fromEm(em);
    em = d.em;
    const float n = static_cast<float>(std::max<std::size_t>(columns, 1));
    FitShape s;
    s.columnWidthEm =
        std::clamp(((canvas.x - 2.0f * em - d.axisGutter) / n - d.columnGap) / em, 10.5f, 16.0f);
    const BoardLayoutParams p = BoardLayoutParams::sized(em, s.columnWidthEm, 0);
    const float boardW = p.axisGutter + n * (p.columnWidth + p.columnGap);
    const float zoomW = std::clamp((canvas.x - 2.0f * em) / std::max(1.0f, boardW), 0.04f, 1.0f);
    const float band = (canvas.y - 2.0f * em) / zoomW - p.bandTop - p.bottomPadding;
    // Tall enough that a full card fits beside the line within the tolerance, with a margin.
    const float cardEm = p.cardHeight / em, lineEm = p.lineGap / em;
    const float minBand =
        cardEm + static_cast<float>(1.0 / kPlaceTolerance) * (cardEm * 0.5f + lineEm) * 1.02f;
    s.bandHeightEm = std::clamp(band / em, minBand, std::max(minBand, 60.0f));
    return s;
}

namespace {

// ------------------------------------------------------------------------ packing a half

// One half of a column (direction or destination) being laid out: the goals in
// (specificity, order, id) order and the range their items' centres may take.
struct Half {
    std::span<const Goal* const> goals;
    double lo = 0, hi = 0; // item centres: [top + h/2, bottom - h/2] once h is known
    double top = 0, bottom = 0;
};

struct Placed {
    double cy = 0;
    int lane = 0;
};

// Positions with y[j] >= y[j-1] + pitch, as close as possible (least squares) to `want`,
// then clamped into [lo, hi]: isotonic regression of want[j] - j*pitch (pool adjacent
// violators), O(n). Returns false when n items cannot fit between lo and hi.
bool spreadLane(std::span<const double> want, double pitch, double lo, double hi,
                std::vector<double>& out) {
    const std::size_t n = want.size();
    out.resize(n);
    if (n == 0) return true;
    const double zHi = hi - static_cast<double>(n - 1) * pitch;
    if (zHi < lo - 1e-9) return false;
    struct Block {
        double sum;
        std::size_t count;
    };
    std::vector<Block> blocks;
    blocks.reserve(n);
    for (std::size_t j = 0; j < n; ++j) {
        blocks.push_back({want[j] - static_cast<double>(j) * pitch, 1});
        while (blocks.size() > 1) {
            const Block& b = blocks.back();
            const Block& a = blocks[blocks.size() - 2];
            if (a.sum / static_cast<double>(a.count) <= b.sum / static_cast<double>(b.count)) break;
            const Block merged{a.sum + b.sum, a.count + b.count};
            blocks.pop_back();
            blocks.back() = merged;
        }
    }
    std::size_t j = 0;
    for (const Block& b : blocks) {
        const double z = std::clamp(b.sum / static_cast<double>(b.count), lo, std::max(lo, zHi));
        for (std::size_t k = 0; k < b.count; ++k, ++j)
            out[j] = z + static_cast<double>(j) * pitch;
    }
    return true;
}

// Items of height h in `lanes` lanes (goal i in lane i % lanes), each within `tol` of its
// place. Fills `placed` (one per goal) or returns false.
bool packLanes(const Half& half, const BoardLayoutParams& p, int lanes, double h, double gap,
               double tol, std::vector<Placed>& placed) {
    const std::size_t n = half.goals.size();
    const double lo = half.top + h * 0.5, hi = half.bottom - h * 0.5;
    const double pitch = h + gap;
    const std::size_t perLane = (n + static_cast<std::size_t>(lanes) - 1) / lanes;
    if (perLane > 0 && lo + static_cast<double>(perLane - 1) * pitch > hi + 1e-9) return false;
    placed.assign(n, {});
    std::vector<double> want, got;
    for (int lane = 0; lane < lanes; ++lane) {
        want.clear();
        for (std::size_t i = static_cast<std::size_t>(lane); i < n; i += lanes)
            want.push_back(std::clamp<double>(placeY(p, half.goals[i]->specificity), lo, hi));
        if (!spreadLane(want, pitch, lo, hi, got)) return false;
        std::size_t j = 0;
        for (std::size_t i = static_cast<std::size_t>(lane); i < n; i += lanes, ++j) {
            if (std::fabs(got[j] - placeY(p, half.goals[i]->specificity)) > tol) return false;
            placed[i] = {got[j], lane};
        }
    }
    return true;
}

struct ColumnOut {
    BoardLayout& L;
    int column;
    double x0, innerW; // the column's inner span for lanes
};

void addItem(ColumnOut& o, ItemKind kind, int lane, int lanes, double cy, double h,
             std::span<const Goal* const> goals, double specificity) {
    const BoardLayoutParams& p = o.L.params;
    const double lw = (o.innerW - (lanes - 1) * p.laneGap) / lanes;
    const double x = o.x0 + lane * (lw + p.laneGap);
    CardBox k;
    k.goal = goals.front()->id;
    k.column = o.column;
    k.rect = {{static_cast<float>(x), static_cast<float>(cy - h * 0.5)},
              {static_cast<float>(x + lw), static_cast<float>(cy + h * 0.5)}};
    k.kind = kind;
    k.first = static_cast<std::uint32_t>(o.L.members.size());
    k.count = static_cast<std::uint32_t>(goals.size());
    k.specificity = specificity;
    for (const Goal* g : goals)
        o.L.members.push_back(g->id);
    o.L.cards.push_back(k);
}

// Rows of chips at fixed heights; a goal joins the row nearest its place. A row with more
// goals than lanes shows the first ones as chips and gathers the rest into a stack.
void stackRows(ColumnOut& o, const Half& half, int lanes, double h, double tol) {
    const BoardLayoutParams& p = o.L.params;
    double lo = 0, hi = 0, pitch = 0;
    std::size_t rows = 1;
    for (int attempt = 0; attempt < 12;
         ++attempt, h *= 0.85) { // shrink until rows are close enough
        lo = half.top + h * 0.5, hi = half.bottom - h * 0.5;
        rows = 1 + static_cast<std::size_t>(std::max(0.0, std::floor((hi - lo) / (h + p.chipGap))));
        pitch = rows > 1 ? (hi - lo) / static_cast<double>(rows - 1) : 0;
        if (rows > 1 && pitch * 0.5 <= tol && lo - half.top <= tol) break;
    }
    const auto rowCentre = [&](std::size_t r) {
        return rows > 1 ? lo + pitch * static_cast<double>(r) : (lo + hi) * 0.5;
    };
    const std::size_t n = half.goals.size();
    for (std::size_t i = 0; i < n;) {
        const auto rowOf = [&](std::size_t k) {
            if (rows == 1) return std::size_t{0};
            const double y = std::clamp<double>(placeY(p, half.goals[k]->specificity), lo, hi);
            return std::min(rows - 1, static_cast<std::size_t>(std::lround((y - lo) / pitch)));
        };
        const std::size_t r = rowOf(i);
        std::size_t j = i + 1;
        while (j < n && rowOf(j) == r)
            ++j;
        const double cy = rowCentre(r);
        const double spec = specificityAtPlace(p, static_cast<float>(cy));
        const std::size_t count = j - i;
        const std::size_t chips = count <= static_cast<std::size_t>(lanes) ? count : lanes - 1;
        for (std::size_t c = 0; c < chips; ++c)
            addItem(o, ItemKind::Chip, static_cast<int>(c), lanes, cy, h,
                    half.goals.subspan(i + c, 1), half.goals[i + c]->specificity);
        if (chips < count)
            addItem(o, ItemKind::Stack, static_cast<int>(chips), lanes, cy, h,
                    half.goals.subspan(i + chips, count - chips), spec);
        i = j;
    }
}

// Lays out one half at the first level of detail that keeps every item within the
// tolerance: cards (1, then 2 lanes), chips (1..3 lanes), then rows with stacks.
void layoutHalf(ColumnOut& o, const Half& half) {
    if (half.goals.empty()) return;
    const BoardLayoutParams& p = o.L.params;
    const double tol = kPlaceTolerance * (p.bandHeight - p.cardHeight) * 0.999;
    const double zoom = p.zoom > 0 && std::isfinite(p.zoom) ? p.zoom : 1.0;
    std::vector<Placed> placed;
    const auto emit = [&](ItemKind kind, int lanes, double h) {
        for (std::size_t i = 0; i < half.goals.size(); ++i)
            addItem(o, kind, placed[i].lane, lanes, placed[i].cy, h, half.goals.subspan(i, 1),
                    half.goals[i]->specificity);
    };
    // Full cards only where their text is readable on screen.
    if (zoom >= 0.5) {
        const int cardLanes = o.innerW >= 2 * 6.0 * p.em + p.laneGap ? 2 : 1;
        for (int lanes = 1; lanes <= cardLanes; ++lanes)
            if (packLanes(half, p, lanes, p.cardHeight, p.cardGap, tol, placed))
                return emit(ItemKind::Card, lanes, p.cardHeight);
    }
    // Chips: at least 1.35 em tall on screen, and short enough to sit beside the line.
    double h = std::max<double>(p.chipHeight, 1.35 * p.em / zoom);
    h = std::max(1.0, std::min(h, 2.0 * (tol - p.lineGap) - 1e-3));
    const int chipLanes = std::clamp(static_cast<int>(o.innerW * zoom / (5.5 * p.em)), 1, 3);
    for (int lanes = 1; lanes <= chipLanes; ++lanes)
        if (packLanes(half, p, lanes, h, p.chipGap, tol, placed))
            return emit(ItemKind::Chip, lanes, h);
    stackRows(o, half, chipLanes, h, tol);
}

} // namespace

BoardLayout computeBoardLayout(const BoardContent& c, const BoardLayoutParams& p) {
    BoardLayout L;
    L.params = p;
    const auto horizons = orderedHorizons(c);
    std::unordered_map<HorizonId, int> columnOf;
    columnOf.reserve(horizons.size());
    L.columns.reserve(horizons.size());
    const float bandBottom = p.bandTop + p.bandHeight;
    for (std::size_t i = 0; i < horizons.size(); ++i) {
        ColumnBox col;
        col.horizon = horizons[i]->id;
        const float x = p.axisGutter + static_cast<float>(i) * (p.columnWidth + p.columnGap);
        col.rect = {{x, 0}, {x + p.columnWidth, bandBottom + p.bottomPadding}};
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
    L.members.reserve(c.goals.size());
    L.sorted.reserve(c.goals.size());
    const float line = lineY(p);
    for (std::size_t ci = 0; ci < buckets.size(); ++ci) {
        auto& b = buckets[ci];
        std::sort(b.begin(), b.end(), [](const Goal* a, const Goal* z) {
            if (a->specificity != z->specificity) return a->specificity < z->specificity;
            if (a->order != z->order) return a->order < z->order;
            return a->id < z->id;
        });
        ColumnBox& col = L.columns[ci];
        col.first = L.cards.size();
        col.goals = b.size();
        col.sortedFirst = L.sorted.size();
        for (const Goal* g : b)
            L.sorted.push_back({g->id, g->specificity, g->order});
        const auto split = static_cast<std::size_t>(
            std::partition_point(b.begin(), b.end(),
                                 [](const Goal* g) { return g->kind() == GoalKind::Direction; }) -
            b.begin());
        const std::span<const Goal* const> all(b.data(), b.size());
        ColumnOut out{L, static_cast<int>(ci), col.rect.min.x + (p.columnWidth - p.cardWidth) * 0.5,
                      p.cardWidth};
        layoutHalf(out, {all.first(split), 0, 0, p.bandTop, line - p.lineGap});
        layoutHalf(out, {all.subspan(split), 0, 0, line + p.lineGap, bandBottom});
        col.count = L.cards.size() - col.first;
        // Sorted by top (then left): the binary searches rely on it.
        std::sort(L.cards.begin() + static_cast<std::ptrdiff_t>(col.first), L.cards.end(),
                  [](const CardBox& a, const CardBox& z) {
                      return a.rect.min.y != z.rect.min.y ? a.rect.min.y < z.rect.min.y
                                                          : a.rect.min.x < z.rect.min.x;
                  });
    }
    L.index_.reserve(c.goals.size());
    for (std::size_t i = 0; i < L.cards.size(); ++i)
        for (GoalId g : L.goalsOf(L.cards[i]))
            L.index_.emplace(g, i);

    L.bounds = {{0, 0}, {p.axisGutter, bandBottom + p.bottomPadding}};
    for (const ColumnBox& col : L.columns)
        L.bounds = unite(L.bounds, col.rect);
    return L;
}

Rectf cardRectAt(const BoardLayout& layout, int column, double specificity) {
    const BoardLayoutParams& p = layout.params;
    if (column < 0 || column >= static_cast<int>(layout.columns.size())) return {};
    const ColumnBox& col = layout.columns[static_cast<std::size_t>(column)];
    const float x = col.rect.min.x + (p.columnWidth - p.cardWidth) * 0.5f;
    const float h = p.cardHeight, line = lineY(p);
    float cy = placeY(p, specificity);
    if (specificity >= kDestinationThreshold)
        cy = std::max(cy, line + p.lineGap + h * 0.5f);
    else
        cy = std::min(cy, line - p.lineGap - h * 0.5f);
    return {{x, cy - h * 0.5f}, {x + p.cardWidth, cy + h * 0.5f}};
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
    for (std::size_t i = firstCardFrom(col, world.y);
         i < col.first + col.count && cards[i].rect.min.y <= world.y; ++i)
        if (cards[i].rect.contains(world)) return &cards[i]; // sub-lanes share a height
    return nullptr;
}

std::vector<GoalId> BoardLayout::cardsOverlapping(const Rectf& world) const {
    std::vector<GoalId> out;
    forEachCardIn(world, [&](const CardBox& k) {
        for (GoalId g : goalsOf(k))
            out.push_back(g);
    });
    std::sort(out.begin(), out.end());
    return out;
}

DropPlacement dropPlacement(const BoardLayout& layout, const BoardContent& /*c*/, Vec2f cardTopLeft,
                            std::span<const GoalId> moving) {
    DropPlacement d;
    const BoardLayoutParams& p = layout.params;
    d.column = layout.columnNearestX(cardTopLeft.x + p.cardWidth * 0.5f);
    if (d.column < 0) return d;
    const ColumnBox& col = layout.columns[static_cast<std::size_t>(d.column)];
    d.horizon = col.horizon;
    d.specificity = specificityAtY(p, cardTopLeft.y);
    d.order = orderAmong(layout, d.column, d.specificity, moving);
    return d;
}

double orderAmong(const BoardLayout& layout, int column, double specificity,
                  std::span<const GoalId> moving) {
    if (column < 0 || column >= static_cast<int>(layout.columns.size())) return 0;
    const ColumnBox& col = layout.columns[static_cast<std::size_t>(column)];
    const std::span<const SortedGoal> all(layout.sorted.data() + col.sortedFirst, col.goals);
    if (moving.empty()) return orderAmongSorted(all, specificity);
    std::vector<SortedGoal> stay;
    stay.reserve(all.size());
    for (const SortedGoal& k : all)
        if (!std::binary_search(moving.begin(), moving.end(), k.goal)) stay.push_back(k);
    return orderAmongSorted(stay, specificity);
}

double orderAmongSorted(std::span<const SortedGoal> goals, double specificity) {
    // Neighbours by specificity: the last goal at or above it and the next below.
    const auto split = std::partition_point(goals.begin(), goals.end(), [&](const SortedGoal& k) {
        return k.specificity <= specificity;
    });
    std::optional<double> before, after;
    if (split != goals.begin()) before = std::prev(split)->order;
    if (split != goals.end()) after = split->order;
    if (before && after && !(*before < *after)) // orders out of step with specificities
        after.reset();
    return orderBetween(before, after);
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
