// Edits: the one way a board changes.
//
// An Edit is a value: a label for the Edit menu and a list of primitive operations, each of
// which puts (inserts or replaces) or erases one entity, or replaces the board's meta or its
// whole content (snapshot restore). Applying an operation returns its inverse, so undo needs
// only the inverses of a step, and the history of 1,000 single-card moves holds 1,000 goal
// values, not 1,000 boards. High-level edits (move goals, delete a person with their links,
// ...) are built by the functions in edits.hpp.
#pragma once

#include "model/board.hpp"

#include <string>
#include <variant>
#include <vector>

namespace horizons {

template <class T> struct Put { T value; };
template <class T> struct Erase { decltype(T::id) id; };

using Op =
    std::variant<Put<Horizon>, Erase<Horizon>, Put<Goal>, Erase<Goal>, Put<Person>, Erase<Person>,
                 Put<GoalLink>, Erase<GoalLink>, Put<Intro>, Erase<Intro>, Put<Conversation>,
                 Erase<Conversation>, Put<Snapshot>, Erase<Snapshot>, Put<Ask>, Erase<Ask>,
                 Put<Win>, Erase<Win>, Put<BoardMeta>, Put<BoardContent>>;

struct Edit {
    std::string label; // "Move goal", shown as "Undo Move goal"
    std::vector<Op> ops;
    bool empty() const { return ops.empty(); }
};

// Applies one operation (normalising the value first, so invariants hold) and returns the
// operation that undoes it.
Op applyOp(Board& board, Op op);

// Brings a value within the model's invariants: specificity in [0,1] (NaN -> 0.5), trust
// 1..5, non-empty titles and names, months >= 1, finite numbers.
void normalize(Horizon& h);
void normalize(Goal& g);
void normalize(Person& p);
void normalize(BoardMeta& m);
void normalize(Ask& a);
void normalize(Win& w);

} // namespace horizons
