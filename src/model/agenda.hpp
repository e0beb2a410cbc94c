// Conversation prep: a draft agenda for talking about your career with one person.
//
// The agenda walks the plan from far to near (the direction, the mid-term things, the next
// steps), then the goals linked to this person, then what to ask of them given what they can
// help with, and what was left open last time. Goals marked "beyond the current organisation"
// only appear when the person's trust reaches the board's threshold
// (settings.beyondOrgTrust); otherwise they are left out and the agenda says how many.
// Dropped goals are never on an agenda.
#pragma once

#include "model/board.hpp"

#include <string>
#include <vector>

namespace horizons {

struct AgendaSection {
    enum class Role : std::uint8_t { Direction, MidTerm, NearTerm, Other };
    Role role = Role::Other;
    HorizonId horizon;
    std::string heading;       // "Direction (5 years)"
    std::vector<GoalId> goals; // in column order
};

struct Agenda {
    PersonId person;
    std::string personName;
    std::vector<AgendaSection> sections;    // longest horizon first; empty horizons left out
    std::vector<GoalId> linked;             // goals linked to this person (after filtering)
    std::vector<std::string> asks;          // questions, from what they can help with
    std::vector<std::string> openFollowUps; // follow-ups of the last conversation with them
    std::optional<Date> lastTalked;
    int leftOutBeyondOrg = 0; // distinct goals hidden because trust < threshold
    bool trusted = false;     // trust >= threshold: wider aspirations are on the agenda
};

// Empty agenda (person id 0) when the person does not exist.
Agenda draftAgenda(const BoardContent& c, PersonId person);
std::string agendaMarkdown(const BoardContent& c, const Agenda& a);
// Convenience: draft + render.
std::string agendaMarkdown(const BoardContent& c, PersonId person);
// The question to ask someone who can help in this way.
std::string askFor(HelpWith h);

} // namespace horizons
