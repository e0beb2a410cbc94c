// Three-way merge of boards by entity id, field by field (rules: docs/merge.md).
//
//   base   = the board as it was loaded (or last saved)
//   ours   = the board in the window, with its unsaved edits
//   theirs = the board now on disk (a sync tool, another window, a script changed it)
//
//   MergeResult r = mergeBoards(base, ours, theirs, choices, &doc.idSource());
//   for (const MergeConflict& c : r.conflicts) ...          // show both values, let the user pick
//   choices.choose(c, Resolution::Theirs);                  // then merge again with the choices
//   if (r.unresolved() == 0) doc.apply(editToBoard(doc.board(), r.board, "Merge changes"));
//
// Index
//   EntityKind, ConflictKind, Resolution ... what a conflict is about, what was chosen
//   MergeConflict .......................... one conflict: entity, field, both values as text
//   MergeChoices ........................... the user's picks (and a fallback: --prefer)
//   MergeResult, mergeBoards() ............. the merge
//   editToBoard() .......................... one undo step from the open board to the merge
//   describeConflict() ..................... one line of text per conflict (CLI, logs)
//   baseFromSnapshots() .................... a base for two copies that have none
#pragma once

#include "model/edit.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace horizons {

enum class EntityKind : std::uint8_t {
    Board,
    Horizon,
    Goal,
    Person,
    Link,
    Intro,
    Conversation,
    Ask,
    Win
};
std::string_view entityKindName(EntityKind k); // "board", "horizon", "goal", ...

enum class ConflictKind : std::uint8_t {
    BothChanged,   // the same field changed to different values on both sides
    OursDeleted,   // deleted on our side, edited on theirs
    TheirsDeleted, // edited on our side, deleted on theirs
    BothAdded,     // both added an entity under the same id with different values (only
                   // possible with the sequential ids of older versions, or without a base)
};

enum class Resolution : std::uint8_t {
    Unresolved, // the merged board keeps our value for now
    Ours,
    Theirs,
    Both, // goals only (BothChanged, BothAdded): ours stays, theirs becomes a new goal
};

struct MergeConflict {
    EntityKind kind = EntityKind::Board;
    std::uint64_t id = 0; // the entity's id; 0 for the board's own settings
    std::string field;    // "title", "place", ...; "" when an edit meets a deletion
    ConflictKind what = ConflictKind::BothChanged;
    std::string entity; // for display: `goal "Lead a team"`
    std::string ours;   // our value as text ("(deleted)" when we deleted it)
    std::string theirs; // their value as text
    Resolution resolution = Resolution::Unresolved; // as taken in MergeResult::board
    bool canKeepBoth() const {
        return kind == EntityKind::Goal &&
               (what == ConflictKind::BothChanged || what == ConflictKind::BothAdded);
    }
};

// The user's picks, by conflict (kind, id, field). Conflicts without a pick get `fallback`.
// Picking Both for one field of a goal keeps both versions of the whole goal.
class MergeChoices {
  public:
    Resolution fallback = Resolution::Unresolved; // e.g. Ours for `--prefer ours`
    // Returns false (and records nothing) for Both on a conflict that cannot keep both.
    bool choose(const MergeConflict& c, Resolution r);
    Resolution of(EntityKind kind, std::uint64_t id, std::string_view field) const;

  private:
    std::map<std::tuple<EntityKind, std::uint64_t, std::string>, Resolution> picks_;
};

struct MergeResult {
    Board board; // the merge; passes validateBoard (when the three inputs do)
    // Every conflict found, board settings first, then horizons, goals, people, links,
    // introductions, conversations, asks, wins, each by id, fields in a fixed order.
    std::vector<MergeConflict> conflicts;
    // What the merge adjusted on its own to keep the board sound, one line each (a link whose
    // goal was deleted on the other side goes, a goal whose horizon went moves, ...).
    std::vector<std::string> repairs;
    std::size_t unresolved() const;
    bool clean() const { return conflicts.empty(); }
};

// Merges the changes `ours` and `theirs` each made to `base`. A change on one side is taken;
// the same field changed differently on both sides, or an edit against a deletion, is a
// conflict, resolved by `choices`. `freshIds` makes the ids of goals kept twice (Resolution::
// Both) and of snapshots both sides added under one id; nullptr: a source of its own.
// Swapping ours and theirs gives the same board once the choices are swapped too.
MergeResult mergeBoards(const Board& base, const Board& ours, const Board& theirs,
                        const MergeChoices& choices = {}, IdSource* freshIds = nullptr);

// The edit that turns `from` into `to`: puts and erases per entity, the meta, the snapshots.
// Applied to a Document holding `from`, it is one undo step (empty when nothing differs).
Edit editToBoard(const Board& from, const Board& to, std::string label = "Merge changes");

// One line: `goal "Lead a team" (id 4294967296): title: ours "A" | theirs "B"`. Long values
// are shortened and line breaks shown as "\n".
std::string describeConflict(const MergeConflict& c);

// A base for two copies of one board that have none: their newest common snapshot (same
// snapshot id in both; newest by time taken), else a board with no entities at all (then
// only additions merge cleanly). The snapshots both copies hold are the base's snapshots.
// `found` (optional) tells which of the two it was.
Board baseFromSnapshots(const Board& a, const Board& b, bool* found = nullptr);

} // namespace horizons
