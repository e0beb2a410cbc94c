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
    // Network health (isNetworkFinding):
    GoalWithoutTrustedHelp,   // a two- or five-year goal whose linked people cannot help
    NoSponsorForMidTerm,      // no sponsor linked to any two-year goal (board-wide)
    TrustedInOneOrganisation, // everyone you trust works in one organisation (board-wide)
    BeyondOrgWithoutOutsider, // a goal beyond the organisation, nobody outside linked to it
    Count
};
static_assert(static_cast<int>(HintKind::Count) <= 32, "dismissals are bits of a uint32");

struct Hint {
    HintKind kind;
    GoalId goal;       // the goal it is about, if any
    PersonId person;   // the person it is about, if any
    HorizonId horizon; // the horizon it is about, if any
    std::string what;  // short: shown on the card / in the list
    std::string why;   // one or two sentences of reasoning
    std::string todo;  // what to do about it ("" for hints whose `what` says it)
};

inline constexpr int kMaxMidTermGoals = 3;
// Trust from which someone counts as trusted for a goal inside the organisation (for a goal
// beyond it, the board's beyondOrgTrust).
inline constexpr int kTrustedForGoal = 3;

// All hints that are not dismissed, board-wide ones first, then by goal, then by person.
std::vector<Hint> coachHints(const BoardContent& c, Date today);
// The horizon rules talk about: the near one (shortest), the mid one (closest to two years,
// if it is neither the shortest nor the longest) and the far one (longest).
const Horizon* midHorizon(const BoardContent& c);
bool isBoardWide(HintKind k);
// A target date before today on a goal still being pursued (not done, not dropped).
bool goalOverdue(const Goal& g, Date today);

// ------------------------------------------------------------------------ network health
bool isNetworkFinding(HintKind k);
// The network findings only (what a network-health panel lists), same order as coachHints.
std::vector<Hint> networkHealth(const BoardContent& c, Date today);

// Who stands behind one goal: among the people linked to it, who is trusted enough for it
// (kTrustedForGoal, or beyondOrgTrust for a goal beyond the organisation) and able to help
// (some kind of help, or a mentor, sponsor or manager role); whether a sponsor and someone
// outside the organisation are among them.
struct GoalSupport {
    std::vector<PersonId> linked;
    std::vector<PersonId> trustedHelpers;
    bool sponsor = false; // a linked person with the sponsor role or who can sponsor
    bool outside = false; // a linked person outside the organisation
};
GoalSupport goalSupport(const BoardContent& c, const Goal& g);
bool isSponsor(const Person& p);
bool isOutside(const Person& p); // not inside the organisation, or an outside contact

} // namespace horizons
