// Coach rules: gentle hints drawn from the career-conversation advice, as pure functions of
// the board. They never block anything; the user can dismiss a hint per goal (or, for
// board-wide hints, for the whole board).
#pragma once

#include "model/board.hpp"

#include <string>
#include <vector>

namespace horizons {

enum class HintKind : int {
    DestinationInLongestHorizon, // the far horizon should hold a direction, not a fixed end point
    TooManyMidTermGoals,         // more than three things in the two-year horizon
    NearTermWithoutDate,         // a six-month goal with no target date
    NearTermStillFuzzy,          // a six-month goal that is still a direction
    GoalWithoutPeople,           // nobody to talk to about this goal
    OnlyOnePerson,               // the map holds a single person
    OnlyManager,                 // the only people on the map are managers
    NobodyOutsideOrg,            // no one outside the organisation
    ConversationOverdue,         // past the person's cadence or planned date
    GoalOverdue,                 // a goal's target date has passed and it is not done
    Count
};

struct Hint {
    HintKind kind;
    GoalId goal;       // the goal it is about, if any
    PersonId person;   // the person it is about, if any
    HorizonId horizon; // the horizon it is about, if any
    std::string what;  // short: shown on the card / in the list
    std::string why;   // one or two sentences of reasoning
};

inline constexpr int kMaxMidTermGoals = 3;

// All hints that are not dismissed, board-wide ones first, then by goal, then by person.
std::vector<Hint> coachHints(const BoardContent& c, Date today);
// The horizon rules talk about: the near one (shortest), the mid one (closest to two years,
// if it is neither the shortest nor the longest) and the far one (longest).
const Horizon* midHorizon(const BoardContent& c);
bool isBoardWide(HintKind k);
// A target date before today on a goal still being pursued (not done, not dropped).
bool goalOverdue(const Goal& g, Date today);

} // namespace horizons
