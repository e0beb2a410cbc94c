// network_filter.hpp — which people the network map shows, and what lights up, as pure
// functions of the board (no ImGui).
//
// Index
//   NetworkFilter ........ relationship set, inside/outside, overdue only, minimum trust
//   passesFilter(), visiblePeople()
//   peopleLinkedToGoals()  who to talk to about the selected goals (map highlight)
//   goalsLinkedToPeople()  what to talk about with the selected people (board highlight)
//   goalsWithNobody()      open goals nobody is linked to (flagged)
//   introsOf()             "can introduce me to" links touching a person
//
// Results are sorted by id, so membership is std::binary_search.
#pragma once

#include "model/board.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace horizons::ui {

enum class OrgFilter : std::uint8_t { Any, Inside, Outside };

inline constexpr std::uint32_t kAllRelationships = (1u << kRelationshipCount) - 1;
inline constexpr std::uint32_t relationshipBit(Relationship r) {
    return 1u << static_cast<unsigned>(r);
}

struct NetworkFilter {
    std::uint32_t relationships = kAllRelationships; // bit per Relationship
    OrgFilter org = OrgFilter::Any;
    bool overdueOnly = false;
    int minTrust = kMinTrust;

    bool active() const; // anything filtered out at all?
    void reset() { *this = NetworkFilter{}; }
    bool operator==(const NetworkFilter&) const = default;
};

bool passesFilter(const NetworkFilter& f, const Person& p, bool overdue);
// Ids of the people that pass, in id order. `today` decides who is overdue.
std::vector<PersonId> visiblePeople(const BoardContent& c, const NetworkFilter& f, Date today);
// Ids of the people who are overdue for a conversation, in id order.
std::vector<PersonId> overduePeople(const BoardContent& c, Date today);

std::vector<PersonId> peopleLinkedToGoals(const BoardContent& c, std::span<const GoalId> goals);
std::vector<GoalId> goalsLinkedToPeople(const BoardContent& c, std::span<const PersonId> people);
// Goals that are neither done nor dropped and have no person linked (the coach's
// GoalWithoutPeople rule, without the dismissals).
std::vector<GoalId> goalsWithNobody(const BoardContent& c);
std::vector<IntroId> introsOf(const BoardContent& c, PersonId p);

} // namespace horizons::ui
