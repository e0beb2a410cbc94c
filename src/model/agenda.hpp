// Conversation prep: a draft agenda for talking about your career with one person.
//
// Index
//   AgendaSection, Agenda ... the draft as data (the prep view draws it)
//   draftAgenda() ........... which goals go where, what to ask, what is open
//   agendaMarkdown() ........ for me (with trust and what was left out) or to share
//
// Sections follow what the goals are, never column positions: "Where I am heading" holds
// the directions (open-ended goals, any horizon), "Things worth doing" the destinations in
// horizons longer than kNearTermMonths, "Next steps" the destinations within it, "Done" the
// goals marked done (never a next step). Each lists the longest horizon first, then column
// order, so an empty horizon changes nothing. Then come the goals linked to this person,
// what to ask of them, the follow-ups of the last conversation with them (one whose text is
// now a goal's title is closed and names that goal), and the asks made of them still open.
// Which goals this person may see is decided by mayShareGoal() (share.hpp); the rest are
// left out, and the agenda *for me* says how many. Dropped goals are never on an agenda.
#pragma once

#include "model/board.hpp"
#include "model/share.hpp"

#include <string>
#include <vector>

namespace horizons {

inline constexpr int kNearTermMonths = 12; // destinations this close are next steps

struct AgendaSection {
    enum class Role : std::uint8_t { Direction, MidTerm, NearTerm, Done };
    Role role = Role::Direction;
    std::string heading;       // "Where I am heading"
    std::vector<GoalId> goals; // longest horizon first, then column order
};

struct ClosedFollowUp {
    std::string text;
    GoalId goal; // the goal it became
};

struct Agenda {
    PersonId person;
    std::string personName;
    std::vector<AgendaSection> sections;    // Direction, MidTerm, NearTerm, Done; empty left out
    std::vector<GoalId> linked;             // goals linked to this person (after filtering)
    std::vector<std::string> asks;          // questions, from what they can help with
    std::vector<std::string> openFollowUps; // follow-ups of the last conversation with them
    std::vector<ClosedFollowUp> closedFollowUps; // ... that are now goals
    std::vector<AskId> openAsks;                 // what was asked of them and is still open
    std::optional<Date> lastTalked;
    int leftOutBeyondOrg = 0; // distinct goals hidden because trust < threshold
    bool trusted = false;     // trust >= threshold: wider aspirations are on the agenda
};

// Empty agenda (person id 0) when the person does not exist.
Agenda draftAgenda(const BoardContent& c, PersonId person);
// ForMe adds the relationship, trust and what was left out; ToShare must be given the
// shareable content (use shareAgendaMarkdown() in share.hpp, which does both).
std::string agendaMarkdown(const BoardContent& c, const Agenda& a,
                           OutputKind kind = OutputKind::ForMe);
// Convenience: draft + render, for me.
std::string agendaMarkdown(const BoardContent& c, PersonId person);
// The question to ask someone who can help in this way.
std::string askFor(HelpWith h);

} // namespace horizons
