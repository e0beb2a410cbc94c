#include "model/coach.hpp"

#include <cctype>
#include <cstdlib>

namespace horizons {

namespace {

bool dismissed(std::uint32_t mask, HintKind k) { return (mask & (1u << static_cast<int>(k))) != 0; }

Hint hint(HintKind k, GoalId g, PersonId p, HorizonId h, std::string what, std::string why,
          std::string todo = {}) {
    return Hint{k, g, p, h, std::move(what), std::move(why), std::move(todo)};
}

std::string orgKey(const Person& p) {
    std::string key;
    for (char ch : p.organisation)
        if (ch != ' ' && ch != '\t')
            key += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (!key.empty()) return "org:" + key;
    if (p.insideOrg && !(p.roles & RoleOutsideContact)) return "yours";
    return "person:" + std::to_string(p.id.value); // somewhere else, unknown: its own
}

bool ableToHelp(const Person& p) {
    return p.helpsWith != 0 || (p.roles & (RoleMentor | RoleSponsor | RoleManager | RoleSkipLevel));
}

void addNetworkFindings(const BoardContent& c, std::vector<Hint>& hints, bool nobodyOutsideShown) {
    const std::uint32_t boardMask = c.meta.settings.dismissedBoardHints;
    const Horizon* nearH = shortestHorizon(c);
    const Horizon* midH = midHorizon(c);
    const Horizon* farH = longestHorizon(c);
    auto pursued = [](const Goal& g) {
        return g.status != GoalStatus::Done && g.status != GoalStatus::Dropped;
    };

    // With nobody on the map yet, adding people comes first (GoalWithoutPeople says so).
    if (midH && !c.people.empty() && !dismissed(boardMask, HintKind::NoSponsorForMidTerm)) {
        bool anyGoal = false, sponsored = false;
        for (const auto& g : c.goals)
            if (g.horizon == midH->id && pursued(g)) {
                anyGoal = true;
                sponsored = sponsored || goalSupport(c, g).sponsor;
            }
        if (anyGoal && !sponsored)
            hints.push_back(hint(HintKind::NoSponsorForMidTerm, {}, {}, midH->id,
                                 "No sponsor for your " + midH->name + " goals",
                                 "A mentor gives advice; a sponsor puts their name behind you when "
                                 "the chances come up. A move a couple of years out goes better "
                                 "with someone like that close to it.",
                                 "Link someone who can sponsor you to one of your " + midH->name +
                                     " goals, or mark a person on the map as a sponsor."));
    }

    if (!nobodyOutsideShown && !dismissed(boardMask, HintKind::TrustedInOneOrganisation)) {
        std::string key;
        int trusted = 0;
        bool oneOrg = true;
        std::string orgName;
        for (const auto& p : c.people) {
            if (p.trust < c.meta.settings.beyondOrgTrust) continue;
            const std::string k = orgKey(p);
            if (trusted++ == 0)
                key = k, orgName = p.organisation;
            else if (k != key)
                oneOrg = false;
        }
        if (trusted >= 2 && oneOrg)
            hints.push_back(
                hint(HintKind::TrustedInOneOrganisation, {}, {}, {},
                     "Everyone you trust works at " +
                         (orgName.empty() ? std::string("your organisation") : orgName),
                     "If that organisation changes course, so does every voice you "
                     "rely on, and nobody sees your options from the outside.",
                     "Build trust with someone who works elsewhere: a former colleague, "
                     "a peer in another company, a mentor outside."));
    }

    for (const auto& g : c.goals) {
        if (!pursued(g)) continue;
        const GoalSupport s = goalSupport(c, g);
        if (s.linked.empty()) continue; // GoalWithoutPeople says it
        const bool longer =
            (midH && g.horizon == midH->id) || (farH && farH != nearH && g.horizon == farH->id);
        if (longer && s.trustedHelpers.empty() &&
            !dismissed(g.dismissedHints, HintKind::GoalWithoutTrustedHelp))
            hints.push_back(
                hint(HintKind::GoalWithoutTrustedHelp, g.id, {}, g.horizon,
                     "Nobody linked can really help with this",
                     g.beyondOrg ? "This goal reaches beyond your organisation, and none of the "
                                   "people linked to it is trusted enough to hear about it."
                                 : "The people linked to this goal are either not close enough "
                                   "to talk it through or have nothing marked they could do.",
                     "Link someone you trust who can advise, connect or sponsor you, "
                     "or note on the map what the linked people can do."));
        if (g.beyondOrg && !s.outside &&
            !dismissed(g.dismissedHints, HintKind::BeyondOrgWithoutOutsider))
            hints.push_back(hint(HintKind::BeyondOrgWithoutOutsider, g.id, {}, g.horizon,
                                 "Nobody outside your organisation for this",
                                 "A goal beyond where you work is best tested with someone who is "
                                 "already out there and can tell you how it looks from there.",
                                 "Link a person from outside your organisation to this goal."));
    }
}

} // namespace

bool isBoardWide(HintKind k) {
    return k == HintKind::OnlyOnePerson || k == HintKind::OnlyManager ||
           k == HintKind::NobodyOutsideOrg || k == HintKind::TooManyMidTermGoals ||
           k == HintKind::NoSponsorForMidTerm || k == HintKind::TrustedInOneOrganisation;
}

bool isNetworkFinding(HintKind k) {
    return k == HintKind::GoalWithoutTrustedHelp || k == HintKind::NoSponsorForMidTerm ||
           k == HintKind::TrustedInOneOrganisation || k == HintKind::BeyondOrgWithoutOutsider;
}

bool isSponsor(const Person& p) { return (p.roles & RoleSponsor) || (p.helpsWith & HelpSponsor); }

bool isOutside(const Person& p) { return !p.insideOrg || (p.roles & RoleOutsideContact); }

GoalSupport goalSupport(const BoardContent& c, const Goal& g) {
    GoalSupport s;
    const int needed = g.beyondOrg ? c.meta.settings.beyondOrgTrust : kTrustedForGoal;
    for (const auto& l : c.links) {
        if (l.goal != g.id) continue;
        const Person* p = c.people.find(l.person);
        if (!p) continue;
        s.linked.push_back(p->id);
        if (p->trust >= needed && ableToHelp(*p)) s.trustedHelpers.push_back(p->id);
        s.sponsor = s.sponsor || isSponsor(*p);
        s.outside = s.outside || isOutside(*p);
    }
    return s;
}

std::vector<Hint> networkHealth(const BoardContent& c, Date today) {
    std::vector<Hint> all = coachHints(c, today);
    std::erase_if(all, [](const Hint& h) { return !isNetworkFinding(h.kind); });
    return all;
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
            hints.push_back(hint(HintKind::TooManyMidTermGoals, {}, {}, midH->id,
                                 std::to_string(n) + " goals in " + midH->name,
                                 "A couple of things for the next two years is plenty. Pick the "
                                 "ones that matter most; the rest can wait or become ideas "
                                 "further out."));
    }
    if (c.people.size() == 1 && !dismissed(boardMask, HintKind::OnlyOnePerson))
        hints.push_back(hint(HintKind::OnlyOnePerson, {}, c.people.begin()->id, {},
                             "Only one person to talk to",
                             "Every conversation sharpens your thinking and shows you something "
                             "you missed. Add colleagues, mentors or friends you trust."));
    if (!c.people.empty() && !dismissed(boardMask, HintKind::OnlyManager)) {
        bool allManagers = true;
        for (const auto& p : c.people)
            allManagers = allManagers && (p.relationship == Relationship::Manager ||
                                          p.relationship == Relationship::SkipLevel);
        if (allManagers)
            hints.push_back(hint(HintKind::OnlyManager, {}, {}, {}, "Only managers on your map",
                                 "Your manager can help, but should not be the only person who "
                                 "hears about your plans. Who else do you trust?"));
    }
    bool nobodyOutsideShown = false;
    if (!c.people.empty() && !dismissed(boardMask, HintKind::NobodyOutsideOrg)) {
        bool anyOutside = false;
        for (const auto& p : c.people)
            anyOutside = anyOutside || isOutside(p);
        if (!anyOutside) {
            nobodyOutsideShown = true;
            hints.push_back(hint(HintKind::NobodyOutsideOrg, {}, {}, {},
                                 "Nobody outside your organisation",
                                 "People outside see options your workplace cannot offer and can "
                                 "talk freely about wider ambitions."));
        }
    }
    addNetworkFindings(c, hints, nobodyOutsideShown);

    // Goal rules.
    std::unordered_map<GoalId, std::size_t> linkCount;
    for (const auto& l : c.links)
        ++linkCount[l.goal];
    for (const auto& g : c.goals) {
        if (g.status == GoalStatus::Done || g.status == GoalStatus::Dropped) continue;
        auto add = [&](HintKind k, std::string what, std::string why) {
            if (!dismissed(g.dismissedHints, k))
                hints.push_back(hint(k, g.id, {}, g.horizon, std::move(what), std::move(why)));
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
            hints.push_back(hint(HintKind::ConversationOverdue, {}, p.id, {},
                                 "Time to talk to " + p.name,
                                 lastDate ? "Your last conversation was on " + lastDate->iso() +
                                                ", longer ago than you meant to leave it."
                                          : "The conversation you planned has not happened yet."));
    }
    return hints;
}

} // namespace horizons
