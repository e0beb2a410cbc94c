#include "model/agenda.hpp"

#include "model/coach.hpp"
#include "model/export_text.hpp"

#include <algorithm>
#include <set>

namespace horizons {

std::string askFor(HelpWith h) {
    switch (h) {
    case HelpListen: return "Would you be a sounding board while I think this through?";
    case HelpConnect: return "Who should I meet, and which groups or networks could I join?";
    case HelpSponsor: return "Would you put my name forward when a fitting piece of work comes up?";
    case HelpKeepEarOut: return "Could you let me know if you hear of openings that fit this?";
    case HelpMobility:
        return "What would make a move to another team or role easier, and can you help with it?";
    case HelpEncourage: return "Where should I push myself harder, and what is holding me back?";
    case HelpBlindSpots: return "What am I not seeing? Where do you think my plan is weakest?";
    }
    return {};
}

namespace {

AgendaSection::Role roleOf(const BoardContent& c, const Horizon& h) {
    const Horizon* nearH = shortestHorizon(c);
    const Horizon* farH = longestHorizon(c);
    const Horizon* midH = midHorizon(c);
    if (farH && farH != nearH && farH->id == h.id) return AgendaSection::Role::Direction;
    if (nearH && nearH->id == h.id) return AgendaSection::Role::NearTerm;
    if (midH && midH->id == h.id) return AgendaSection::Role::MidTerm;
    return AgendaSection::Role::Other;
}

std::string headingFor(AgendaSection::Role r, const std::string& name) {
    switch (r) {
    case AgendaSection::Role::Direction: return "Where I am heading (" + name + ")";
    case AgendaSection::Role::MidTerm: return "Things worth doing (" + name + ")";
    case AgendaSection::Role::NearTerm: return "Next steps (" + name + ")";
    case AgendaSection::Role::Other: break;
    }
    return "Also on my mind (" + name + ")";
}

} // namespace

Agenda draftAgenda(const BoardContent& c, PersonId personId) {
    Agenda a;
    const Person* p = c.people.find(personId);
    if (!p) return a;
    a.person = p->id;
    a.personName = p->name;
    a.trusted = p->trust >= c.meta.settings.beyondOrgTrust;
    std::set<GoalId> leftOut;
    auto visible = [&](const Goal& g) {
        if (g.status == GoalStatus::Dropped) return false;
        if (g.beyondOrg && !a.trusted) {
            leftOut.insert(g.id);
            return false;
        }
        return true;
    };

    auto horizons = orderedHorizons(c);
    std::stable_sort(horizons.begin(), horizons.end(),
                     [](const Horizon* x, const Horizon* y) { return x->months > y->months; });
    for (const Horizon* h : horizons) {
        AgendaSection s;
        s.role = roleOf(c, *h);
        s.horizon = h->id;
        s.heading = headingFor(s.role, h->name);
        for (const Goal* g : goalsInHorizon(c, h->id))
            if (visible(*g)) s.goals.push_back(g->id);
        if (!s.goals.empty()) a.sections.push_back(std::move(s));
    }
    for (const GoalLink* l : linksOfPerson(c, p->id))
        if (const Goal* g = c.goals.find(l->goal); g && visible(*g)) a.linked.push_back(g->id);

    for (int i = 0; i < kHelpWithCount; ++i)
        if (p->helpsWith & helpWithBit(i)) a.asks.push_back(askFor(helpWithBit(i)));
    if (a.asks.empty())
        a.asks.push_back("How would you like to be involved in my career plans, if at all?");

    const Conversation* last = nullptr;
    for (const auto& cv : c.conversations)
        if (cv.person == p->id && (!last || cv.date >= last->date)) last = &cv;
    if (last) {
        a.lastTalked = last->date;
        a.openFollowUps = last->followUps;
    }
    a.leftOutBeyondOrg = static_cast<int>(leftOut.size());
    return a;
}

std::string agendaMarkdown(const BoardContent& c, const Agenda& a) {
    if (!a.person) return {};
    const Person* p = c.people.find(a.person);
    std::string md = "# Career conversation with " + markdownInline(a.personName) + "\n\n";
    if (p)
        md += std::string(relationshipName(p->relationship)) + ", trust " +
              std::to_string(p->trust) + "/5";
    if (a.lastTalked) md += "; last talked " + a.lastTalked->iso();
    md += "\n\nI lead this conversation: share where I am heading, hear how it sounds, and "
          "leave with sharper ideas.\n";

    auto goalLine = [&](GoalId id, const std::string& extra = {}) {
        const Goal* g = c.goals.find(id);
        if (!g) return std::string();
        std::string line = "- " + markdownInline(g->title);
        std::vector<std::string> notes;
        if (g->kind() == GoalKind::Direction) notes.push_back("still open");
        if (g->status == GoalStatus::Done) notes.push_back("done");
        if (g->target) notes.push_back("by " + g->target->iso());
        if (!extra.empty()) notes.push_back(extra);
        if (!notes.empty()) {
            line += " (";
            for (std::size_t i = 0; i < notes.size(); ++i)
                line += (i ? "; " : "") + notes[i];
            line += ")";
        }
        return line + "\n";
    };

    for (const auto& s : a.sections) {
        md += "\n## " + markdownInline(s.heading) + "\n\n";
        for (GoalId g : s.goals)
            md += goalLine(g);
    }
    if (a.sections.empty()) md += "\nThe plan has no goals to share yet.\n";

    md += "\n## To talk about with " + markdownInline(a.personName) + "\n\n";
    if (a.linked.empty()) md += "Nothing linked to them yet.\n";
    for (GoalId g : a.linked) {
        std::string topic;
        for (const GoalLink* l : linksOfGoal(c, g))
            if (l->person == a.person && !l->topic.empty()) topic = markdownInline(l->topic);
        md += goalLine(g, topic);
    }

    md += "\n## What I could ask\n\n";
    for (const auto& q : a.asks)
        md += "- " + markdownInline(q) + "\n";

    if (!a.openFollowUps.empty()) {
        md += "\n## Open from last time\n\n";
        for (const auto& f : a.openFollowUps)
            md += "- [ ] " + markdownInline(f) + "\n";
    }

    if (a.leftOutBeyondOrg > 0) {
        const int threshold = c.meta.settings.beyondOrgTrust;
        md += "\n> Left out: " + std::to_string(a.leftOutBeyondOrg) +
              (a.leftOutBeyondOrg == 1 ? " goal" : " goals") +
              " beyond the current organisation, because trust with " +
              markdownInline(a.personName) + " (" + std::to_string(p ? p->trust : 0) +
              ") is below the board's threshold (" + std::to_string(threshold) + ").\n";
    }
    return md;
}

std::string agendaMarkdown(const BoardContent& c, PersonId person) {
    return agendaMarkdown(c, draftAgenda(c, person));
}

} // namespace horizons
