// Diff of two plans: what changed between a snapshot and another snapshot (or the live board).
//
// Index
//   ChangeKind, Change ..... one change, with the ids the UI needs to select it
//   diffContents() ......... the change list, in a stable order
//   describeChange() ....... one readable line per change ("Moved “X” from 2 years to 6 months")
//
// What counts as a change (rules chosen so the list reads like a review, not a dump):
//   - goals, people, links and introductions are matched by id; a goal that is deleted and
//     re-created under a new id is "removed" + "added" (there is no fuzzy matching).
//   - a goal is "moved" when its horizon id differs (reordering inside a column is not a move).
//   - a goal "firmed up" when its specificity rose and either it crossed the direction /
//     destination line (kind() changed Direction -> Destination) or it rose by at least
//     kSpecificityDelta; "loosened" is the same downwards. Small nudges are not reported.
//   - status and title changes are reported separately; one goal can have several changes.
//   - a person's trust and roles changes are reported; other person fields (notes, angle) are
//     not.
//   - asks: added, removed, and settled (status changed: done, declined, reopened); wins:
//     added and removed. Edits of their text are not reported.
//   - a link (person <-> goal) or introduction whose ends changed under the same id is
//     reported as removed + added.
// Horizon renames, notes, tags, colours, dates and the conversation log are not diffed.
#pragma once

#include "model/board.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace horizons {

inline constexpr double kSpecificityDelta = 0.25; // a "meaningful" firm-up within one kind

enum class ChangeKind : std::uint8_t {
    GoalAdded,
    GoalRemoved,
    GoalMoved,    // to another horizon
    GoalFirmedUp, // toward destination
    GoalLoosened, // toward direction
    GoalStatusChanged,
    GoalRenamed,
    PersonAdded,
    PersonRemoved,
    PersonTrustChanged,
    LinkAdded, // person <-> goal
    LinkRemoved,
    IntroAdded, // person -> person
    IntroRemoved,
    PersonRolesChanged,
    AskAdded,
    AskRemoved,
    AskSettled, // status changed
    WinAdded,
    WinRemoved,
};
inline constexpr int kChangeKindCount = 20;
std::string_view changeKindName(ChangeKind k); // "Goal added", "Moved", ...

struct Change {
    ChangeKind kind;
    GoalId goal;          // goal changes, links
    PersonId person;      // person changes, links, the "from" of an introduction
    PersonId otherPerson; // the "to" of an introduction
    LinkId link;
    IntroId intro;
    AskId ask;
    WinId win;
    // Before / after values (only the ones that matter for the kind are meaningful).
    HorizonId fromHorizon, toHorizon;
    double fromSpecificity = 0, toSpecificity = 0;
    GoalStatus fromStatus = GoalStatus::Idea, toStatus = GoalStatus::Idea;
    int fromTrust = 0, toTrust = 0;
    std::uint32_t fromRoles = 0, toRoles = 0;
    AskStatus fromAsk = AskStatus::Open, toAsk = AskStatus::Open;
    // Goal title / person name / what was asked or won, before (or the only one, if removed)
    // and after (or the only one, if added).
    std::string oldTitle;
    std::string title;
};

// Changes from `from` to `to`: goals (by goal id; per goal in ChangeKind order), then people
// (by id), then links, then introductions, then asks, then wins.
std::vector<Change> diffContents(const BoardContent& from, const BoardContent& to);

// True when a specificity change from `a` to `b` counts as firming up / loosening.
bool firmedUp(double a, double b);
bool loosened(double a, double b);

// One line of plain text, e.g. `Moved "Lead a team" from 2 years to 6 months`.
// Horizon and person names are looked up in `to`, then `from`.
std::string describeChange(const Change& c, const BoardContent& from, const BoardContent& to);

} // namespace horizons
