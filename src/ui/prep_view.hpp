// prep_view.hpp — conversation prep: pick a person, read the drafted agenda, copy it to the
// clipboard or export it as Markdown; the second tab is the conversation log
// (conversation_log_view.hpp).
#pragma once

#include "ui/conversation_log_view.hpp"
#include "ui/view_context.hpp"

#include <optional>
#include <string>

namespace horizons::ui {

struct PrepViewState {
    PersonId person; // whose agenda; 0 = follow the selection / first person
    int tab = 0;     // 0 = agenda, 1 = conversation log
    bool openExportDialog = false;
    std::string exportPath; // text of the export dialog
    ConversationLogState log;
};

// The person the agenda is for: the explicit pick, else the selected person, else the first.
PersonId agendaPerson(const ViewContext& ctx, const PrepViewState& st);

void drawPrepView(ViewContext& ctx, PrepViewState& st);
void drawPrepDialogs(ViewContext& ctx, PrepViewState& st); // top level, once per frame

} // namespace horizons::ui
