#include "model/agenda.hpp"

#include "model/export_text.hpp"

#include <algorithm>
#include <cctype>
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

AgendaSection::Role roleOf(const Goal& g, const Horizon& h) {
    if (g.status == GoalStatus::Done) return AgendaSection::Role::Done;
    if (g.kind() == GoalKind::Direction) return AgendaSection::Role::Direction;
    return h.months > kNearTermMonths ? AgendaSection::Role::MidTerm
                                      : AgendaSection::Role::NearTerm;
}

std::string headingFor(AgendaSection::Role r) {
    switch (r) {
    case AgendaSection::Role::Direction: return "Where I am heading";
    case AgendaSection::Role::MidTerm: return "Things worth doing";
    case AgendaSection::Role::NearTerm: return "Next steps";
    case AgendaSection::Role::Done: return "Done";
    }
    return {};
}

std::string trimmedLower(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    std::string out(s);
    for (char& ch : out)
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
}

// The goal a follow-up became: same title (case and outer spaces aside), not dropped; one
// linked to the person wins over one that is not.
GoalId goalMadeFrom(const BoardContent& c, const std::string& followUp, PersonId person) {
    const std::string key = trimmedLower(followUp);
    if (key.empty()) return {};
    GoalId found;
    for (const auto& g : c.goals) {
        if (g.status == GoalStatus::Dropped || trimmedLower(g.title) != key) continue;
        for (const GoalLink* l : linksOfGoal(c, g.id))
            if (l->person == person) return g.id;
        if (!found) found = g.id;
    }
    return found;
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
        if (mayShareGoal(c, g, p)) return true;
        if (g.status != GoalStatus::Dropped) leftOut.insert(g.id);
        return false;
    };

    auto horizons = orderedHorizons(c);
    std::stable_sort(horizons.begin(), horizons.end(),
                     [](const Horizon* x, const Horizon* y) { return x->months > y->months; });
    using Role = AgendaSection::Role;
    for (Role role : {Role::Direction, Role::MidTerm, Role::NearTerm, Role::Done}) {
        AgendaSection s;
        s.role = role;
        s.heading = headingFor(role);
        for (const Horizon* h : horizons)
            for (const Goal* g : goalsInHorizon(c, h->id))
                if (roleOf(*g, *h) == role && visible(*g)) s.goals.push_back(g->id);
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
        for (const auto& f : last->followUps) {
            if (const GoalId g = goalMadeFrom(c, f, p->id))
                a.closedFollowUps.push_back({f, g});
            else
                a.openFollowUps.push_back(f);
        }
    }
    for (const Ask* k : asksOfPerson(c, p->id))
        if (k->status == AskStatus::Open) a.openAsks.push_back(k->id);
    a.leftOutBeyondOrg = static_cast<int>(leftOut.size());
    return a;
}

namespace {

// "- Title (5 years; still open; by 2025-01-01; extra)"
std::string goalLine(const BoardContent& c, GoalId id, bool withHorizon,
                     const std::string& extra = {}) {
    const Goal* g = c.goals.find(id);
    if (!g) return {};
    std::string line = "- " + markdownInline(g->title);
    std::vector<std::string> notes;
    if (const Horizon* h = c.horizons.find(g->horizon); h && withHorizon)
        notes.push_back(markdownInline(h->name));
    if (g->kind() == GoalKind::Direction && g->status != GoalStatus::Done)
        notes.push_back("still open");
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
}

std::string leftOutNote(const BoardContent& c, const Agenda& a) {
    const Person* p = c.people.find(a.person);
    return "\n> Left out: " + std::to_string(a.leftOutBeyondOrg) +
           (a.leftOutBeyondOrg == 1 ? " goal" : " goals") +
           " beyond the current organisation, because trust with " + markdownInline(a.personName) +
           " (" + std::to_string(p ? p->trust : 0) + ") is below the board's threshold (" +
           std::to_string(c.meta.settings.beyondOrgTrust) + ").\n";
}

} // namespace

std::string agendaMarkdown(const BoardContent& c, const Agenda& a, OutputKind kind) {
    if (!a.person) return {};
    const bool forMe = kind == OutputKind::ForMe;
    std::string md;
    if (forMe) {
        md = "# Prep for a career conversation with " + markdownInline(a.personName) +
             " (for me, not to share)\n\n";
        if (const Person* p = c.people.find(a.person))
            md += std::string(relationshipName(p->relationship)) + ", trust " +
                  std::to_string(p->trust) + "/5";
        if (a.lastTalked) md += "; last talked " + a.lastTalked->iso();
        md += "\n\nI lead this conversation: share where I am heading, hear how it sounds, and "
              "leave with sharper ideas.\n";
    } else {
        md = "# Career conversation with " + markdownInline(a.personName) + "\n";
        if (a.lastTalked) md += "\nWe last talked on " + a.lastTalked->iso() + ".\n";
    }

    for (const auto& s : a.sections) {
        md += "\n## " + markdownInline(s.heading) + "\n\n";
        for (GoalId g : s.goals)
            md += goalLine(c, g, true);
    }
    if (a.sections.empty()) md += "\nThe plan has no goals to share yet.\n";

    md += "\n## To talk about with " + markdownInline(a.personName) + "\n\n";
    if (a.linked.empty()) md += "Nothing linked to them yet.\n";
    for (GoalId g : a.linked) {
        std::string topic;
        for (const GoalLink* l : linksOfGoal(c, g))
            if (l->person == a.person && !l->topic.empty()) topic = markdownInline(l->topic);
        md += goalLine(c, g, false, topic);
    }

    md += "\n## What I could ask\n\n";
    for (const auto& q : a.asks)
        md += "- " + markdownInline(q) + "\n";

    if (!a.openFollowUps.empty() || !a.closedFollowUps.empty()) {
        md += "\n## From last time\n\n";
        for (const auto& f : a.openFollowUps)
            md += "- [ ] " + markdownInline(f) + "\n";
        for (const auto& f : a.closedFollowUps) {
            md += "- [x] " + markdownInline(f.text);
            if (const Goal* g = c.goals.find(f.goal)) {
                const Horizon* h = c.horizons.find(g->horizon);
                md += " (now the goal \"" + markdownInline(g->title) + "\"" +
                      (h ? ", " + markdownInline(h->name) : std::string()) + ")";
            }
            md += "\n";
        }
    }

    if (!a.openAsks.empty()) {
        md += "\n## What I asked of " + markdownInline(a.personName) + " before\n\n";
        for (AskId id : a.openAsks)
            if (const Ask* k = c.asks.find(id))
                md += "- " + markdownInline(k->what) + " (asked on " + k->asked.iso() + ")\n";
    }

    if (forMe && a.leftOutBeyondOrg > 0) md += leftOutNote(c, a);
    return md;
}

std::string agendaMarkdown(const BoardContent& c, PersonId person) {
    return agendaMarkdown(c, draftAgenda(c, person));
}

} // namespace horizons
