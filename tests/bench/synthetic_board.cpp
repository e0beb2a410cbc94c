#include "synthetic_board.hpp"

#include <random>
#include <string>
#include <vector>

namespace horizons::bench {

Board makeSyntheticBoard(std::size_t goalCount, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    Board b = makeEmptyBoard("Synthetic board, " + std::to_string(goalCount) + " goals");
    const auto cols = orderedHorizons(b.content);

    static const char* const verbs[] = {"Lead",     "Learn",     "Ship",  "Mentor",  "Write",
                                        "Speak at", "Move into", "Build", "Explore", "Finish"};
    static const char* const things[] = {
        "a platform team",        "product management",      "a conference",      "the data course",
        "an open-source project", "a cross-team initiative", "people leadership", "a book chapter",
        "design reviews",         "the certification"};
    std::vector<Goal> goals;
    goals.reserve(goalCount);
    std::vector<double> nextOrder(cols.size(), 0.0);
    for (std::size_t i = 0; i < goalCount; ++i) {
        Goal g;
        g.id = GoalId{b.nextId++};
        g.title =
            std::string(verbs[rng() % 10]) + " " + things[rng() % 10] + " #" + std::to_string(i);
        const std::size_t col = rng() % cols.size();
        g.horizon = cols[col]->id;
        g.specificity = unit(rng);
        g.order = nextOrder[col]++;
        g.status = static_cast<GoalStatus>(rng() % kGoalStatusCount);
        if (rng() % 2) g.target = Date::fromYmd(2027, 1 + rng() % 12, 1 + rng() % 28);
        if (rng() % 3 == 0) g.tags = {"growth", "visibility"};
        g.beyondOrg = rng() % 7 == 0;
        g.notes =
            rng() % 4 == 0 ? "Some notes about why this matters and what done looks like." : "";
        g.created = g.updated = 1'780'000'000 + static_cast<Timestamp>(i);
        goals.push_back(std::move(g));
    }

    const std::size_t peopleCount = std::max<std::size_t>(1, goalCount / 10);
    std::vector<Person> people;
    people.reserve(peopleCount);
    for (std::size_t i = 0; i < peopleCount; ++i) {
        Person p;
        p.id = PersonId{b.nextId++};
        p.name = "Person " + std::to_string(i);
        p.relationship = static_cast<Relationship>(rng() % kRelationshipCount);
        p.insideOrg = rng() % 3 != 0;
        p.trust = 1 + static_cast<int>(rng() % 5);
        p.helpsWith = static_cast<std::uint32_t>(rng()) & kHelpWithAll;
        p.cadenceDays = rng() % 2 ? 90 : 0;
        p.mapAngle = unit(rng) * 6.283185307179586;
        people.push_back(std::move(p));
    }

    std::vector<GoalLink> links;
    links.reserve(goalCount);
    for (std::size_t i = 0; i < goalCount; ++i)
        links.push_back(GoalLink{LinkId{b.nextId++}, people[rng() % peopleCount].id, goals[i].id,
                                 i % 5 == 0 ? "ask about this" : ""});

    std::vector<Conversation> conversations;
    for (std::size_t i = 0; i < peopleCount; i += 3)
        conversations.push_back(Conversation{ConversationId{b.nextId++},
                                             Date::fromYmd(2026, 1 + rng() % 11, 1 + rng() % 28),
                                             people[i].id,
                                             {goals[i % goalCount].id},
                                             "Talked it through.",
                                             {"Send a follow-up note"},
                                             ""});

    b.content.goals.assign(std::move(goals));
    b.content.people.assign(std::move(people));
    b.content.links.assign(std::move(links));
    b.content.conversations.assign(std::move(conversations));
    return b;
}

} // namespace horizons::bench
