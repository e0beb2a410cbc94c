// Document: the open board plus its undo/redo history. The only place a board changes.
//
//   Document doc{makeEmptyBoard()};
//   doc.apply(moveGoals(doc.board(), {{id, horizon, 0.8, 2.0}}));   // one undo step
//   doc.apply(edit, gestureKey);  // same non-zero key as the previous step: merged into it
//   doc.undo(); doc.redo();
//
// stateId() names the board's current state: it changes on every apply and returns to an
// earlier value after undo, so "saved?" is `doc.stateId() == savedStateId`.
#pragma once

#include "model/edit.hpp"

#include <cstdint>
#include <deque>
#include <string>

namespace horizons {

class Document {
  public:
    // `ids` makes the ids of new entities (ids.hpp); pass IdSource::seeded(n) for repeatable
    // ids in tests and benchmarks.
    explicit Document(Board board = makeEmptyBoard(), std::size_t maxSteps = 1000,
                      IdSource ids = IdSource::fromEntropy());

    const Board& board() const { return board_; }
    const BoardContent& content() const { return board_.content; }

    // Applies the edit as one undo step. A non-zero mergeKey equal to the last step's key
    // (with nothing undone in between) folds this edit into that step: one drag, one rename.
    // Returns false (and records nothing) for an empty edit.
    bool apply(Edit edit, std::uint64_t mergeKey = 0);
    // Ends the current gesture: the next edit starts a new step even with the same key.
    void endGesture() { mergeOpen_ = false; }

    bool canUndo() const { return !undo_.empty(); }
    bool canRedo() const { return !redo_.empty(); }
    const std::string& undoLabel() const; // "" when nothing to undo
    const std::string& redoLabel() const;
    bool undo();
    bool redo();
    // Takes back the last step when it is the open gesture `mergeKey` (a cancelled rename of
    // a goal made for it): undone and forgotten, so Redo cannot bring it back.
    bool cancelStep(std::uint64_t mergeKey);
    std::size_t undoDepth() const { return undo_.size(); }
    std::size_t historyBytes() const; // approximate memory held by the history

    // Replaces the board (open, load, recover): clears the history.
    void reset(Board board);

    std::uint64_t stateId() const { return stateId_; }

    // A fresh id for a new entity, unique across copies of the board (ids.hpp). Ids are never
    // reused, even after undo.
    template <class IdT> IdT newId() { return IdT{mintIdValue()}; }
    IdSource& idSource() { return ids_; } // e.g. for the fresh ids of a merge (merge.hpp)

  private:
    struct Step {
        std::string label;
        std::vector<Op> ops; // inverses on the undo stack, forward ops on the redo stack
        std::uint64_t mergeKey = 0;
        std::uint64_t stateBefore = 0;
        std::uint64_t stateAfter = 0;
    };
    std::vector<Op> applyAll(std::vector<Op>&& ops); // returns inverses in undo order
    std::uint64_t mintIdValue();

    Board board_;
    IdSource ids_;
    std::deque<Step> undo_;
    std::deque<Step> redo_;
    std::size_t maxSteps_;
    std::uint64_t stateId_ = 1;
    std::uint64_t nextStateId_ = 2;
    bool mergeOpen_ = false;
};

} // namespace horizons
