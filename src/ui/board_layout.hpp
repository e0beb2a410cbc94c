// board_layout.hpp — where every card and column of the board sits, as a pure function of
// the model. No ImGui here: the board view draws and hit-tests with it, the tests check it.
//
// Index
//   BoardLayoutParams ...... sizes in world units, made from the font size (em)
//   CardBox, ColumnBox ..... one card / one horizon column
//   BoardLayout ............ computeBoardLayout() + queries (find, hit-test, visible range)
//   placement .............. specificityAtY, yForSpecificity, dropPlacement
//   BoardFilter ............ text / tag / status filter (non-matching cards are dimmed)
//
// World coordinates: x grows to the right across the horizon columns (shortest first), y
// grows downwards from Direction (specificity 0, top of the band) to Destination
// (specificity 1, bottom). A card's wanted top is its specificity on that band; cards of a
// column are then stacked in (specificity, order) order so none overlap. Within a column the
// cards are therefore sorted by y, which makes "which cards are visible" and "which card is
// under the mouse" binary searches: no per-frame work proportional to the whole board.
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

    static BoardLayoutParams fromEm(float em); // the board's standard proportions
    bool operator==(const BoardLayoutParams&) const = default;
};

struct CardBox {
    GoalId goal;
    int column = 0; // index into BoardLayout::columns
    Rectf rect;     // world
};

struct ColumnBox {
    HorizonId horizon;
    Rectf rect;            // the whole column, header included (world)
    Rectf header;          // the header strip
    std::size_t first = 0; // its cards: cards[first, first + count), sorted by y
    std::size_t count = 0;
};

class BoardLayout {
  public:
    BoardLayoutParams params;
    std::vector<ColumnBox> columns; // left to right
    std::vector<CardBox> cards;     // grouped by column, y ascending within a column
    Rectf bounds;                   // everything, axis gutter included

    const CardBox* find(GoalId g) const; // nullptr when the goal is not laid out
    // The card under a world point (topmost = last drawn), or nullptr.
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
                if (cards[i].rect.min.y >= world.max.y) break;
                if (cards[i].rect.overlaps(world)) fn(cards[i]);
            }
        }
    }
    std::vector<GoalId> cardsOverlapping(const Rectf& world) const; // rubber band

  private:
    friend BoardLayout computeBoardLayout(const BoardContent&, const BoardLayoutParams&);
    std::size_t firstColumnFrom(float x) const;                     // first column with max.x > x
    std::size_t firstCardFrom(const ColumnBox& col, float y) const; // first card with max.y > y
    std::unordered_map<GoalId, std::size_t> index_;
};

BoardLayout computeBoardLayout(const BoardContent& c, const BoardLayoutParams& p);

// ------------------------------------------------------------------------------ placement

// Card top y for a specificity, and back (clamped to [0,1]).
float yForSpecificity(const BoardLayoutParams& p, double specificity);
double specificityAtY(const BoardLayoutParams& p, float cardTopY);

// Where a card lands when its top-left corner is dropped at `cardTopLeft` (world): the
// column nearest to the card's centre, the specificity from its top, and an order value
// that puts it among the other cards of that column (ignoring `moving`, the dragged ones,
// sorted by id as Selection keeps them). O(log n + moving cards passed over).
struct DropPlacement {
    int column = -1;
    HorizonId horizon;
    double specificity = 0.5;
    double order = 0;
};
DropPlacement dropPlacement(const BoardLayout& layout, const BoardContent& c, Vec2f cardTopLeft,
                            std::span<const GoalId> moving = {});

// -------------------------------------------------------------------------------- filter

struct BoardFilter {
    std::string text;              // in title, notes or tags (case-insensitive); "" = any
    std::string tag;               // exact tag (case-insensitive); "" = any
    std::uint8_t statusMask = 0xF; // bit (1 << GoalStatus) per status shown
    bool active() const { return !text.empty() || !tag.empty() || (statusMask & 0xF) != 0xF; }
};
bool goalMatches(const Goal& g, const BoardFilter& f);

} // namespace horizons::ui
