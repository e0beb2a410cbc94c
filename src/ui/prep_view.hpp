// prep_view.hpp — conversation prep: pick a person, read the drafted agenda, copy it to the
// clipboard or export it as Markdown; the second tab is the conversation log
// (conversation_log_view.hpp).
#pragma once

#include "ui/conversation_log_view.hpp"
#include "ui/view_context.hpp"

#include <optional>
#include <string>

namespace horizons::ui {

// A file the user asked to write (views never touch files: the app takes it and writes it).
struct PendingExport {
    std::string path;
    std::string text;
};

struct PrepViewState {
    PersonId person; // whose agenda; 0 = follow the selection / first person
    int tab = 0;     // 0 = agenda, 1 = conversation log
    bool openExportDialog = false;
    std::string exportPath; // text of the export dialog
    ConversationLogState log;
    std::optional<PendingExport> pendingExport; // taken by the app after the frame
};

// The person the agenda is for: the explicit pick, else the selected person, else the first.
PersonId agendaPerson(const ViewContext& ctx, const PrepViewState& st);

void drawPrepView(ViewContext& ctx, PrepViewState& st);
void drawPrepDialogs(ViewContext& ctx, PrepViewState& st); // top level, once per frame

} // namespace horizons::ui
