// The edits the views dispatch, as functions of the current board that return an Edit value
// (see edit.hpp). They keep the model's invariants: deleting a goal or person takes its links
// (and the references to it) along, so one undo brings everything back; removing a horizon
// says where its goals go. New ids come from Document::newId<...>() before calling.
#pragma once

#include "model/edit.hpp"

#include <optional>
#include <span>
#include <string>

namespace horizons {

// ---------------------------------------------------------------------------------- goals
Edit addGoal(const Board& b, Goal goal); // goal.id must be fresh; created/updated are set
Edit updateGoal(const Board& b, Goal goal, std::string label = "Edit goal");
Edit renameGoal(const Board& b, GoalId id, std::string title);

struct GoalPlacement {
    GoalId goal;
    HorizonId horizon;
    double specificity = 0.5;
    double order = 0;
};
Edit moveGoals(const Board& b, std::span<const GoalPlacement> moves);
Edit setGoalStatus(const Board& b, std::span<const GoalId> ids, GoalStatus status);
Edit deleteGoals(const Board& b, std::span<const GoalId> ids);
Edit dismissGoalHint(const Board& b, GoalId id, int hintKind);
// The order value that puts a goal between `before` and `after` (either may be absent).
double orderBetween(std::optional<double> before, std::optional<double> after);

// --------------------------------------------------------------------------------- people
Edit addPerson(const Board& b, Person person);
Edit updatePerson(const Board& b, Person person, std::string label = "Edit person");
Edit setTrust(const Board& b, PersonId id, int trust, double mapAngle);
Edit deletePeople(const Board& b, std::span<const PersonId> ids); // + links, intros, log

// ---------------------------------------------------------------------------------- links
// Returns an empty edit when the link already exists or either end is missing.
Edit linkPersonToGoal(const Board& b, LinkId id, PersonId person, GoalId goal,
                      std::string topic = {});
Edit unlink(const Board& b, LinkId id);
Edit addIntro(const Board& b, IntroId id, PersonId from, PersonId to);
Edit removeIntro(const Board& b, IntroId id);

// ------------------------------------------------------------------------------- horizons
Edit addHorizon(const Board& b, Horizon h); // appended at the right unless h.order is set
Edit renameHorizon(const Board& b, HorizonId id, std::string name);
Edit moveHorizonTo(const Board& b, HorizonId id, std::size_t newIndex); // reorder columns
// Moves the horizon's goals to `goalsGoTo` (keeping their specificity), then removes it.
// Empty edit if it is the last horizon or goalsGoTo is the horizon itself or missing.
Edit removeHorizon(const Board& b, HorizonId id, HorizonId goalsGoTo);

// ---------------------------------------------------------------------------- board, log
Edit setMeta(const Board& b, BoardMeta meta);
Edit dismissBoardHint(const Board& b, int hintKind);
Edit logConversation(const Board& b, Conversation c);
Edit updateConversation(const Board& b, Conversation c);
Edit deleteConversation(const Board& b, ConversationId id);

// --------------------------------------------------------------------- asks, wins, review
// An ask is made of someone on the map; goals that do not exist are dropped. Empty edit when
// the person is missing (or, for updates, nothing changed).
Edit addAsk(const Board& b, Ask ask);
Edit updateAsk(const Board& b, Ask ask);
// Done or Declined on `on` (the settled date), or Open again (no settled date).
Edit settleAsk(const Board& b, AskId id, AskStatus status, Date on);
Edit deleteAsk(const Board& b, AskId id);
Edit addWin(const Board& b, Win win);
Edit updateWin(const Board& b, Win win);
Edit deleteWin(const Board& b, WinId id);
Edit setReviewDate(const Board& b, std::optional<Date> date); // nullopt: no review planned

// ------------------------------------------------------------------------------ snapshots
Edit takeSnapshot(const Board& b, SnapshotId id, std::string name, std::string note, Timestamp now);
Edit deleteSnapshot(const Board& b, SnapshotId id);
// One undo step: first snapshots the current content as `safetyId` ("Before restoring …"),
// then replaces the content with the snapshot's. The log, the asks and the wins stay as they
// are now: they are what happened, not the plan.
Edit restoreSnapshot(const Board& b, SnapshotId id, SnapshotId safetyId, Timestamp now);

} // namespace horizons
