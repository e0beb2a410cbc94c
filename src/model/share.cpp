#include "model/share.hpp"

#include "model/agenda.hpp"
#include "model/export_text.hpp"

#include <algorithm>

namespace horizons {

std::string_view outputKindName(OutputKind k) {
    return k == OutputKind::ToShare ? "to share" : "for me";
}

bool mayShareGoal(const BoardContent& c, const Goal& g, const Person* audience) {
    if (g.status == GoalStatus::Dropped) return false;
    if (!g.beyondOrg) return true;
    return audience && audience->trust >= c.meta.settings.beyondOrgTrust;
}

BoardContent shareableContent(const BoardContent& c, PersonId audience) {
    const Person* reader = c.people.find(audience);
    BoardContent out;
    out.meta.title = c.meta.title;
    out.meta.owner = c.meta.owner;
    out.meta.settings.beyondOrgTrust = c.meta.settings.beyondOrgTrust;
    out.horizons = c.horizons;
    for (const auto& g : c.goals) {
        if (!mayShareGoal(c, g, reader)) continue;
        Goal copy = g;
        copy.notes.clear();
        copy.dismissedHints = 0;
        out.goals.put(std::move(copy));
    }
    std::vector<Goal> goals = out.goals.items();
    for (auto& g : goals)
        if (!out.goals.contains(g.serves)) g.serves = {};
    out.goals.assign(std::move(goals));
    // Wins are about the plan: one goes when its goals may, without its notes; a win only
    // about goals the reader may not see stays home.
    for (const auto& w : c.wins) {
        Win copy = w;
        copy.notes.clear();
        std::erase_if(copy.goals, [&](GoalId g) { return !out.goals.contains(g); });
        if (!w.goals.empty() && copy.goals.empty()) continue;
        out.wins.put(std::move(copy));
    }
    if (!reader) return out;

    Person p = *reader;
    p.notes.clear();
    p.mapAngle = 0;
    out.people.put(std::move(p));
    for (const auto& l : c.links)
        if (l.person == audience && out.goals.contains(l.goal)) out.links.put(l);
    for (const auto& cv : c.conversations) {
        if (cv.person != audience) continue;
        Conversation copy = cv;
        copy.notes.clear();
        std::erase_if(copy.goals, [&](GoalId g) { return !out.goals.contains(g); });
        out.conversations.put(std::move(copy));
    }
    for (const auto& a : c.asks) { // what was asked of the reader themselves
        if (a.person != audience) continue;
        Ask copy = a;
        copy.notes.clear();
        std::erase_if(copy.goals, [&](GoalId g) { return !out.goals.contains(g); });
        out.asks.put(std::move(copy));
    }
    return out;
}

std::string shareAgendaMarkdown(const BoardContent& c, PersonId person) {
    const BoardContent shared = shareableContent(c, person);
    return agendaMarkdown(shared, draftAgenda(shared, person), OutputKind::ToShare);
}

std::string sharePlanMarkdown(const BoardContent& c, PersonId audience, Date today) {
    return planMarkdown(shareableContent(c, audience), today, 0, OutputKind::ToShare);
}

std::string shareGoalsCsv(const BoardContent& c, PersonId audience) {
    return goalsCsv(shareableContent(c, audience));
}

Board sharePictureBoard(const Board& b, PersonId audience) {
    Board out;
    out.nextId = b.nextId;
    const BoardContent shared = shareableContent(b.content, audience);
    out.content.meta.title = shared.meta.title;
    out.content.meta.owner = shared.meta.owner;
    out.content.horizons = shared.horizons;
    out.content.goals = shared.goals;
    return out;
}

} // namespace horizons
