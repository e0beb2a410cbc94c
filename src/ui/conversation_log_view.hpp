// conversation_log_view.hpp — log a conversation (date, person, goals discussed, notes,
// follow-ups) and browse the log. Each follow-up can become a six-month goal in one click
// (one undo step: the goal, linked to the person it came from).
#pragma once

#include "model/edit.hpp"
#include "ui/view_context.hpp"

#include <string>
#include <vector>

namespace horizons::ui {

struct ConversationLogState {
    // The form
    std::string date; // YYYY-MM-DD; empty = today
    PersonId person;
    std::vector<GoalId> goals; // discussed
    std::string notes;
    std::vector<std::string> followUps;
    std::string newFollowUp;
    std::string error; // why the form cannot be logged
    bool formOpen = false;
    PersonId filter; // show the log of one person (0 = everyone)
};

// One undo step: a goal titled `followUp` in the shortest horizon (concrete, active), linked
// to the conversation's person. New ids come from the document.
Edit followUpToGoal(const Board& b, session::Dispatcher& ids, const Conversation& c,
                    const std::string& followUp);
// True when a goal with this title already sits in the shortest horizon.
bool followUpOnBoard(const BoardContent& c, const std::string& followUp);

void drawConversationLogView(ViewContext& ctx, ConversationLogState& st);

} // namespace horizons::ui
