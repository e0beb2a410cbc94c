// board_layout.hpp — where every card and column of the board sits, as a pure function of
// the model. No ImGui here: the board view draws and hit-tests with it, the tests check it.
//
// Index
//   BoardLayoutParams ...... sizes in world units, made from the font size (em) and the zoom
//   CardBox, ColumnBox ..... one drawn item (card, chip or stack) / one horizon column
//   BoardLayout ............ computeBoardLayout() + queries (find, hit-test, visible range)
//   placement .............. specificityAtY, yForSpecificity, lineY, dropPlacement
//   fitting ................ fitShape: the column width and band height that fill a canvas
//   BoardFilter ............ text / tag / status filter (non-matching cards are dimmed)
//
// World coordinates: x grows to the right across the horizon columns (shortest first), y
// grows downwards from Direction (specificity 0, top of the band) to Destination
// (specificity 1, bottom); the line between the two is at specificity 0.5.
//
// The invariant: x is the goal's horizon column, y its specificity. Every item's rectangle
// stays on its own side of the line, and its vertical centre is within kPlaceTolerance of
// specificity of the true place of every goal it stands for. A column's two halves are laid
// out apart, each at the first level of detail that keeps the invariant:
//   1. full cards in one lane, 2. full cards in two sub-lanes side by side,
//   3. compact chips (title only) in 1..3 lanes,
//   4. rows of chips where a row overflows into a counted stack ("+12") at that height.
// Chips keep a readable height on screen, so the level of detail depends on the zoom
// (params.zoom, quantised by the view). Within a column items are sorted by y and all items
// of a half have one height, so "which items are visible" and "which item is under the mouse"
// stay binary searches: no per-frame work proportional to the whole board.
#pragma once

#include "model/board.hpp"
#include "ui/canvas.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace horizons::ui {

struct BoardLayoutParams {
    float em = 16.0f;       // font size the layout was made for (world units per em)
    float axisGutter = 0;   // room left of the first column for the Direction/Destination axis
    float columnWidth = 0;  // one horizon column
    float columnGap = 0;    // between columns
    float headerHeight = 0; // column header (name + count)
    float bandTop = 0;      // y of specificity 0 (below the header)
    float bandHeight = 0;   // from specificity 0 (card top) to 1 (card bottom)
    float cardWidth = 0;
    float cardHeight = 0;
    float cardGap = 0;       // vertical gap between stacked cards
    float bottomPadding = 0; // below the lowest card of a column
    float laneGap = 0;       // between sub-lanes side by side
    float lineGap = 0;       // free space each side of the direction/destination line
    float chipHeight = 0;    // a compact chip at zoom 1 (grows when zoomed out, to stay readable)
    float chipGap = 0;       // vertical gap between chips
    float zoom = 1.0f;       // screen pixels per world unit the level of detail is made for

    static BoardLayoutParams fromEm(float em); // the board's standard proportions
    // fromEm with a column width and band height in em (0 = default), as the view fits them.
    static BoardLayoutParams sized(float em, float columnWidthEm, float bandHeightEm);
    bool operator==(const BoardLayoutParams&) const = default;
};

inline constexpr double kPlaceTolerance = 0.1; // of specificity: how far an item may sit off

enum class ItemKind : std::uint8_t { Card, Chip, Stack };

struct CardBox {
    GoalId goal;    // the goal drawn (a stack: its first goal)
    int column = 0; // index into BoardLayout::columns
    Rectf rect;     // world
    ItemKind kind = ItemKind::Card;
    std::uint32_t first = 0; // the goals it stands for: BoardLayout::members[first, +count)
    std::uint32_t count = 1;
    double specificity = 0.5; // the specificity its vertical centre stands for
};

struct ColumnBox {
    HorizonId horizon;
    Rectf rect;            // the whole column, header included (world)
    Rectf header;          // the header strip
    std::size_t first = 0; // its items: cards[first, first + count), sorted by y
    std::size_t count = 0;
    std::size_t goals = 0; // goals in the horizon (cards, chips and stacks together)
    std::size_t sortedFirst =
        0; // its goals in (specificity, order) order: sorted[sortedFirst, +goals)
};

// A goal of a column in (specificity, order, id) order (drop placement searches these).
struct SortedGoal {
    GoalId goal;
    double specificity = 0.5;
    double order = 0;
};

class BoardLayout {
  public:
    BoardLayoutParams params;
    std::vector<ColumnBox> columns; // left to right
    std::vector<CardBox> cards;     // items, grouped by column, y ascending within a column
    std::vector<GoalId> members;    // the goals of each item (CardBox::first, count)
    std::vector<SortedGoal> sorted; // per column (ColumnBox::sortedFirst), by specificity
    Rectf bounds;                   // everything, axis gutter included

    // The item that stands for the goal (a card, a chip or the stack holding it), or nullptr.
    const CardBox* find(GoalId g) const;
    std::span<const GoalId> goalsOf(const CardBox& k) const {
        return {members.data() + k.first, k.count};
    }
    // The item under a world point, or nullptr.
    const CardBox* cardAt(Vec2f world) const;
    // The column whose x range (gaps split halfway) holds x, clamped to the first/last
    // column; -1 when there are no columns.
    int columnNearestX(float x) const;
    // The column whose rectangle contains the point, or -1.
    int columnAt(Vec2f world) const;
    // Calls fn(const CardBox&) for every card overlapping `world`, column by column, in
    // drawing order. Cost: O(columns + log n + visible).
    template <class Fn> void forEachCardIn(const Rectf& world, Fn&& fn) const {
        for (std::size_t c = firstColumnFrom(world.min.x); c < columns.size(); ++c) {
            const ColumnBox& col = columns[c];
            if (col.rect.min.x >= world.max.x) break;
            for (std::size_t i = firstCardFrom(col, world.min.y); i < col.first + col.count; ++i) {
                if (cards[i].rect.min.y >= world.max.y) break; // items of a half share a height
                if (cards[i].rect.overlaps(world)) fn(cards[i]);
            }
        }
    }
    std::vector<GoalId> cardsOverlapping(const Rectf& world) const; // rubber band (stacks: all)

  private:
    friend BoardLayout computeBoardLayout(const BoardContent&, const BoardLayoutParams&);
    std::size_t firstColumnFrom(float x) const;                     // first column with max.x > x
    std::size_t firstCardFrom(const ColumnBox& col, float y) const; // first card with max.y > y
    std::unordered_map<GoalId, std::size_t> index_;
};

BoardLayout computeBoardLayout(const BoardContent& c, const BoardLayoutParams& p);

// ------------------------------------------------------------------------------ placement

// Card top y for a specificity, and back (clamped to [0,1]). A specificity's true place is
// the centre of that card: placeY = yForSpecificity + cardHeight / 2.
float yForSpecificity(const BoardLayoutParams& p, double specificity);
double specificityAtY(const BoardLayoutParams& p, float cardTopY);
float placeY(const BoardLayoutParams& p, double specificity);   // the centre's y
double specificityAtPlace(const BoardLayoutParams& p, float y); // inverse, unclamped
float lineY(const BoardLayoutParams& p); // the direction/destination line (specificity 0.5)
// A full card of `column` standing for `specificity`, moved off the line to its own side
// (drag landing, compare ghosts).
Rectf cardRectAt(const BoardLayout& layout, int column, double specificity);

// Where a card lands when its top-left corner is dropped at `cardTopLeft` (world): the
// column nearest to the card's centre, the specificity from its top, and an order value
// that puts it among the other goals of that column by specificity (ignoring `moving`, the
// dragged ones, sorted by id as Selection keeps them). O(log n + moving goals passed over).
struct DropPlacement {
    int column = -1;
    HorizonId horizon;
    double specificity = 0.5;
    double order = 0;
};
DropPlacement dropPlacement(const BoardLayout& layout, const BoardContent& c, Vec2f cardTopLeft,
                            std::span<const GoalId> moving = {});
// The order value that puts a goal of `specificity` among the goals of `column` (ignoring
// `moving`, sorted by id); and among goals already sorted by specificity.
double orderAmong(const BoardLayout& layout, int column, double specificity,
                  std::span<const GoalId> moving = {});
double orderAmongSorted(std::span<const SortedGoal> goals, double specificity);

// ------------------------------------------------------------------------------- fitting

// Column width and band height (em) that make a board of `columns` horizons fill a canvas of
// `canvas` pixels at the largest zoom its width allows. The band is never so short that a
// full card could not sit next to the line within kPlaceTolerance.
struct FitShape {
    float columnWidthEm = 0;
    float bandHeightEm = 0;
};
FitShape fitShape(float em, Vec2f canvas, std::size_t columns);
// The level-of-detail zoom for a view zoom: a quarter-octave step at or below it, so the
// layout is remade only when the zoom moves by about 19%.
float quantiseZoom(float zoom);

// -------------------------------------------------------------------------------- filter

struct BoardFilter {
    std::string text;              // in title, notes or tags (case-insensitive); "" = any
    std::string tag;               // exact tag (case-insensitive); "" = any
    std::uint8_t statusMask = 0xF; // bit (1 << GoalStatus) per status shown
    bool active() const { return !text.empty() || !tag.empty() || (statusMask & 0xF) != 0xF; }
};
bool goalMatches(const Goal& g, const BoardFilter& f);

} // namespace horizons::ui
