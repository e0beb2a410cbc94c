// What may leave the board: the one rule behind every output labelled "to share".
//
// Index
//   OutputKind ........... ForMe (prep notes, trust, what was left out) or ToShare
//   mayShareGoal() ....... the rule for one goal and one reader
//   shareableContent() ... the board as one reader may see it (the one filter)
//   shareAgendaMarkdown(), sharePlanMarkdown(), shareGoalsCsv() . the share outputs
//   sharePictureBoard() .. what the board PNG to share is drawn from
//
// Two kinds of output. *For me* is what the user reads alone: trust levels, relationship,
// private notes about people, what was left out of an agenda and why. *To share* is what
// may be pasted to the person it is meant for: every share output is rendered from
// shareableContent() (never from the full board) by a renderer in ToShare mode, which
// prints no trust level, ring, relationship, left-out count or note about a person.
//
// The rule: a reader sees the plan's horizons and the goals that are not dropped; a goal
// "beyond the current organisation" only when the reader's trust reaches the board's
// threshold (settings.beyondOrgTrust); no reader (PersonId{}) means anyone, so such goals
// are left out. Wins go with the goals they are about (a win only about goals left out
// stays). Notes (goals, people, conversations, asks, wins), other people, introductions,
// links, conversations and asks with anyone else, and the board's settings never leave.
#pragma once

#include "model/board.hpp"

#include <string>
#include <string_view>

namespace horizons {

enum class OutputKind : std::uint8_t { ForMe, ToShare };
std::string_view outputKindName(OutputKind k); // "for me", "to share"

// `audience` null = anyone (the least trusted reader).
bool mayShareGoal(const BoardContent& c, const Goal& g, const Person* audience);

// A copy of `c` holding only what `audience` may see. The reader's own Person stays (the
// agenda asks follow from what they can help with) with their notes cleared; their trust
// stays in the value so the rules above give the same answer on the copy, but no share
// renderer prints it.
BoardContent shareableContent(const BoardContent& c, PersonId audience);

// The agenda for a conversation with `person`, to paste to them ("" if no such person).
std::string shareAgendaMarkdown(const BoardContent& c, PersonId person);
// The plan as Markdown / the goals table as CSV, for `audience` (PersonId{} = anyone).
std::string sharePlanMarkdown(const BoardContent& c, PersonId audience, Date today);
std::string shareGoalsCsv(const BoardContent& c, PersonId audience);

// The board a picture to share is drawn from (`horizons export --format png --share`): the
// goals and horizons of shareableContent() and nothing of any person (no people, links or
// conversations, so no trust, ring or name can be drawn), no snapshots, default settings.
Board sharePictureBoard(const Board& b, PersonId audience);

} // namespace horizons
