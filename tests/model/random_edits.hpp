// Random edits for property tests: one plausible user edit of the document's current board,
// chosen by `rng` (an empty edit when the chosen kind does not apply, e.g. no goals yet).
// Used by the undo/redo property test (test_document.cpp) and the merge properties
// (test_merge.cpp).
#pragma once

#include "model/document.hpp"
#include "model/edits.hpp"

#include <random>
#include <string>

namespace horizons::test {

inline constexpr std::size_t kRandomEditKinds = 20;

inline Edit randomEdit(Document& doc, std::mt19937& rng, int step) {
    auto pick = [&rng](std::size_t n) {
        return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
    };
    const Board& b = doc.board();
    const auto& c = b.content;
    const auto& goals = c.goals.items();
    const auto& people = c.people.items();
    const auto cols = orderedHorizons(c);
    const std::string tag = std::to_string(step) + "." + std::to_string(pick(1000));
    switch (pick(kRandomEditKinds)) {
    case 0: {
        Goal g;
        g.id = doc.newId<GoalId>();
        g.title = "g" + tag;
        g.horizon = cols[pick(cols.size())]->id;
        g.specificity = static_cast<double>(pick(11)) / 10;
        return addGoal(b, g);
    }
    case 1:
        if (goals.empty())
            return {};
        else {
            const GoalPlacement m{goals[pick(goals.size())].id, cols[pick(cols.size())]->id,
                                  static_cast<double>(pick(11)) / 10, double(pick(9))};
            return moveGoals(b, {&m, 1});
        }
    case 2:
        if (goals.empty())
            return {};
        else {
            const GoalId ids[] = {goals[pick(goals.size())].id};
            return deleteGoals(b, ids);
        }
    case 3: {
        Person p;
        p.id = doc.newId<PersonId>();
        p.name = "p" + tag;
        p.trust = 1 + static_cast<int>(pick(5));
        return addPerson(b, p);
    }
    case 4:
        if (people.empty())
            return {};
        else {
            const PersonId ids[] = {people[pick(people.size())].id};
            return deletePeople(b, ids);
        }
    case 5:
        if (people.empty() || goals.empty()) return {};
        return linkPersonToGoal(b, doc.newId<LinkId>(), people[pick(people.size())].id,
                                goals[pick(goals.size())].id);
    case 6:
        if (people.size() < 2) return {};
        return addIntro(b, doc.newId<IntroId>(), people[pick(people.size())].id,
                        people[pick(people.size())].id);
    case 7:
        if (people.empty()) return {};
        return setTrust(b, people[pick(people.size())].id, 1 + static_cast<int>(pick(5)), 0.5);
    case 8:
        if (cols.size() > 1)
            return removeHorizon(b, cols[pick(cols.size())]->id, cols[pick(cols.size())]->id);
        return addHorizon(b, Horizon{doc.newId<HorizonId>(), "h" + tag, 12, 0});
    case 9:
        if (people.empty()) return {};
        return logConversation(
            b, Conversation{doc.newId<ConversationId>(),
                            Date{19000 + int(pick(500))},
                            people[pick(people.size())].id,
                            goals.empty() ? std::vector<GoalId>{}
                                          : std::vector<GoalId>{goals[pick(goals.size())].id},
                            "notes " + tag,
                            {"follow up"},
                            ""});
    case 10: return takeSnapshot(b, doc.newId<SnapshotId>(), "s" + tag, "", 1000 + step);
    case 11:
        if (b.snapshots.empty()) return {};
        return restoreSnapshot(b, b.snapshots.items()[pick(b.snapshots.size())].id,
                               doc.newId<SnapshotId>(), 5000 + step);
    case 12:
        if (goals.empty()) return {};
        return renameGoal(b, goals[pick(goals.size())].id, "renamed " + tag);
    case 13:
        if (goals.empty())
            return {};
        else {
            Goal g = goals[pick(goals.size())];
            g.notes = "notes " + tag;
            if (pick(2)) g.tags.push_back("t" + std::to_string(pick(4)));
            return updateGoal(b, g);
        }
    case 14:
        if (goals.empty())
            return {};
        else {
            const GoalId ids[] = {goals[pick(goals.size())].id};
            return setGoalStatus(b, ids, static_cast<GoalStatus>(pick(kGoalStatusCount)));
        }
    case 15: return renameHorizon(b, cols[pick(cols.size())]->id, "h" + tag);
    case 16: {
        BoardMeta m = c.meta;
        if (pick(2))
            m.title = "plan " + tag;
        else
            m.settings.dismissedBoardHints |= 1u << pick(4);
        return setMeta(b, m);
    }
    case 17:
        if (people.empty())
            return {};
        else {
            Person p = people[pick(people.size())];
            p.notes = "about " + tag;
            p.helpsWith ^= 1u << pick(kHelpWithCount);
            return updatePerson(b, p);
        }
    case 18:
        if (c.conversations.empty())
            return {};
        else {
            const auto& log = c.conversations.items();
            if (pick(2)) return deleteConversation(b, log[pick(log.size())].id);
            Conversation v = log[pick(log.size())];
            v.notes = "talked " + tag;
            return updateConversation(b, v);
        }
    case 19:
        if (c.links.empty()) return {};
        return unlink(b, c.links.items()[pick(c.links.size())].id);
    }
    return {};
}

} // namespace horizons::test
