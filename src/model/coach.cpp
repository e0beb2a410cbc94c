#include "model/coach.hpp"

#include <cstdlib>

namespace horizons {

namespace {

bool dismissed(std::uint32_t mask, HintKind k) { return (mask & (1u << static_cast<int>(k))) != 0; }

} // namespace

bool isBoardWide(HintKind k) {
    return k == HintKind::OnlyOnePerson || k == HintKind::OnlyManager ||
           k == HintKind::NobodyOutsideOrg || k == HintKind::TooManyMidTermGoals;
}

bool goalOverdue(const Goal& g, Date today) {
    return g.target && *g.target < today && g.status != GoalStatus::Done &&
           g.status != GoalStatus::Dropped;
}

const Horizon* midHorizon(const BoardContent& c) {
    const Horizon* nearH = shortestHorizon(c);
    const Horizon* farH = longestHorizon(c);
    const Horizon* best = nullptr;
    for (const auto& h : c.horizons) {
        if (&h == nearH || &h == farH) continue;
        if (!best || std::abs(h.months - 24) < std::abs(best->months - 24)) best = &h;
    }
    return best;
}

std::vector<Hint> coachHints(const BoardContent& c, Date today) {
    std::vector<Hint> hints;
    const std::uint32_t boardMask = c.meta.settings.dismissedBoardHints;
    const Horizon* nearH = shortestHorizon(c);
    const Horizon* midH = midHorizon(c);
    const Horizon* farH = longestHorizon(c);
    if (nearH == farH)
        farH = nullptr; // a single horizon is both near and far: only near-term rules apply

    // Board-wide rules.
    if (midH && !dismissed(boardMask, HintKind::TooManyMidTermGoals)) {
        std::size_t n = 0;
        for (const auto& g : c.goals)
            n += g.horizon == midH->id && g.status != GoalStatus::Dropped ? 1 : 0;
        if (n > kMaxMidTermGoals)
            hints.push_back({HintKind::TooManyMidTermGoals,
                             {},
                             {},
                             midH->id,
                             std::to_string(n) + " goals in " + midH->name,
                             "A couple of things for the next two years is plenty. Pick the ones "
                             "that matter most; the rest can wait or become ideas further out."});
    }
    if (c.people.size() == 1 && !dismissed(boardMask, HintKind::OnlyOnePerson))
        hints.push_back({HintKind::OnlyOnePerson,
                         {},
                         c.people.begin()->id,
                         {},
                         "Only one person to talk to",
                         "Every conversation sharpens your thinking and shows you something you "
                         "missed. Add colleagues, mentors or friends you trust."});
    if (!c.people.empty() && !dismissed(boardMask, HintKind::OnlyManager)) {
        bool allManagers = true;
        for (const auto& p : c.people)
            allManagers = allManagers && (p.relationship == Relationship::Manager ||
                                          p.relationship == Relationship::SkipLevel);
        if (allManagers)
            hints.push_back({HintKind::OnlyManager,
                             {},
                             {},
                             {},
                             "Only managers on your map",
                             "Your manager can help, but should not be the only person who hears "
                             "about your plans. Who else do you trust?"});
    }
    if (!c.people.empty() && !dismissed(boardMask, HintKind::NobodyOutsideOrg)) {
        bool anyOutside = false;
        for (const auto& p : c.people)
            anyOutside = anyOutside || !p.insideOrg;
        if (!anyOutside)
            hints.push_back({HintKind::NobodyOutsideOrg,
                             {},
                             {},
                             {},
                             "Nobody outside your organisation",
                             "People outside see options your workplace cannot offer and can "
                             "talk freely about wider ambitions."});
    }

    // Goal rules.
    std::unordered_map<GoalId, std::size_t> linkCount;
    for (const auto& l : c.links)
        ++linkCount[l.goal];
    for (const auto& g : c.goals) {
        if (g.status == GoalStatus::Done || g.status == GoalStatus::Dropped) continue;
        auto add = [&](HintKind k, std::string what, std::string why) {
            if (!dismissed(g.dismissedHints, k))
                hints.push_back({k, g.id, {}, g.horizon, std::move(what), std::move(why)});
        };
        if (farH && g.horizon == farH->id && g.kind() == GoalKind::Destination)
            add(HintKind::DestinationInLongestHorizon, "A fixed end point five years out",
                "So far ahead, a direction serves better than a destination: it leaves room for "
                "chances you cannot see yet. Consider loosening it.");
        if (nearH && g.horizon == nearH->id) {
            if (!g.target)
                add(HintKind::NearTermWithoutDate, "No date yet",
                    "Near-term goals move when they have a date. When will you have done it?");
            if (g.kind() == GoalKind::Direction)
                add(HintKind::NearTermStillFuzzy, "Still fuzzy for the next six months",
                    "The next six months call for specific steps. What would done look like?");
        }
        if (goalOverdue(g, today))
            add(HintKind::GoalOverdue, "Overdue since " + g.target->iso(),
                "The date you set has passed. Is it done, does it need a new date, or has it "
                "become something else?");
        if (!linkCount.count(g.id))
            add(HintKind::GoalWithoutPeople, "Nobody to talk to about this",
                "Talking a goal through with someone you trust firms it up. Link a person to it.");
    }

    // People rules.
    const auto last = lastTalkedByPerson(c);
    for (const auto& p : c.people) {
        const auto it = last.find(p.id);
        const std::optional<Date> lastDate =
            it == last.end() ? std::nullopt : std::optional<Date>(it->second);
        if (isOverdue(p, lastDate, today))
            hints.push_back({HintKind::ConversationOverdue,
                             {},
                             p.id,
                             {},
                             "Time to talk to " + p.name,
                             lastDate ? "Your last conversation was on " + lastDate->iso() +
                                            ", longer ago than you meant to leave it."
                                      : "The conversation you planned has not happened yet."});
    }
    return hints;
}

} // namespace horizons
