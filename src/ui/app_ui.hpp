// app_ui.hpp — the window's contents: menu bar, panels, status bar and dialogs, drawn from
// the session (src/session) and changing things only by dispatching commands to it.
//
// Index
//   DocStatus                what the status bar and menus show (session::Status)
//   AppUiState               view state that outlives a frame (plain data, persisted by app)
//   drawApp()                draws one whole frame: menu bar, main area, status bar, dialogs
//   configureImGui()         the context settings the shell relies on (keyboard navigation)
//
// Each frame src/app does:
//     ui::drawApp(uiState, session);               // between ImGui::NewFrame and Render
//     if (session.quitApproved()) leave the loop;
//
// Views (src/ui/<name>_view.{hpp,cpp}, one file per view) expose
//     void drawBoardView(ViewContext& ctx, BoardViewState& st);   // and the map, inspector …
// and are called from app_ui.cpp. A view reads ctx.doc (read only), asks for every change
// through ctx.dispatch, keeps its own view state (pan, zoom) in its own struct, and reports
// its items with registerItem()/registerLastItem() (layout_registry.hpp). Views never touch
// files or GL.
#pragma once

#include "model/board.hpp"
#include "session/session.hpp"
#include "ui/board_view.hpp"
#include "ui/coach_view.hpp"
#include "ui/history_view.hpp"
#include "ui/inspector_view.hpp"
#include "ui/merge_panel.hpp"
#include "ui/network_map_view.hpp"
#include "ui/panels.hpp"
#include "ui/passphrase_dialog.hpp"
#include "ui/prep_view.hpp"
#include "ui/theme.hpp"
#include "ui/view_context.hpp"

#include <string>
#include <vector>

namespace horizons::ui {

using DocStatus = session::Status;

struct AppUiState {
    PanelState panels;
    SharedViewState shared;  // selection, cross-view drags, read-only (view_context.hpp)
    NetworkMapViewState map; // pan/zoom, filter, gestures of the network map
    BoardViewState board;    // pan/zoom, filter, gestures, ghosts of the board (board_view.hpp)
    InspectorViewState inspector; // text buffers of the goal inspector (inspector_view.hpp)
    CoachViewState coach;         // cached coach hints (coach_view.hpp)
    HistoryViewState history;     // snapshots, compare, read-only snapshot view (history_view.hpp)
    PrepViewState prep;           // agenda and conversation log (prep_view.hpp)
    MergePanelState merge;        // changes made elsewhere (merge_panel.hpp)
    PassphraseDialogState passphrase; // unlock, protect, change, remove (passphrase_dialog.hpp)
    Theme theme = Theme::Dark;
    bool prepShownLastFrame = false; // prep panel just opened: its tab comes to the front
    bool chromeless = false;         // picture export: the view alone, no menu bar or status bar
    float dpiScale = 1.0f;           // content scale the fonts were built for (set by the app)

    // The keyboard (F6 / Ctrl+Tab between panels, F10 or Alt for the menu bar). Panel ids:
    // "board", "map", "inspector", "coach", "history", "prep".
    std::string keyPanel;                   // the panel the keyboard is in (last frame)
    std::string focusRequest;               // F6 asked for this panel: focused when drawn
    std::vector<std::string> panelsShown;   // the panels drawn last frame, in F6 order
    std::vector<std::string> panelsDrawing; // ... this frame (becomes panelsShown)
    int openMenu = -1;     // F10 / Alt: this menu (0: File) opens, its first item under the
                           // keyboard cursor (then arrows, Enter, Escape work it)
    bool altAlone = false; // Alt is down and nothing else was pressed

    // Transient UI (not persisted)
    bool showAbout = false;
    bool showBoardSettings = false; // Edit > Board settings requested this frame
    BoardMeta boardSettingsDraft;   // the dialog's fields until Save
    bool showShortcuts = false;
    bool openDialog = false;   // "Open board" path dialog requested this frame
    bool saveAsDialog = false; // "Save as" path dialog requested this frame
    enum class ExportKind { None, PlanMarkdown, GoalsCsv, PeopleCsv };
    ExportKind exportDialog = ExportKind::None; // File > Export path dialog requested
    std::string pathBuffer;                     // text of the path dialogs
};

// Draws the whole frame (call between ImGui::NewFrame() and ImGui::Render()).
// Shortcuts handled here: Ctrl+N/O/S/Shift+S, Ctrl+Z/Y (Ctrl+Shift+Z), Ctrl+Q, F1, F6 and
// Ctrl+Tab (next panel; with Shift the previous), F10 and Alt (the menu bar).
void drawApp(AppUiState& ui, session::Session& s);

// Settings of the ImGui context the shell relies on, for the app and for headless tests:
// keyboard navigation (menus, dialogs and forms answer arrows, Tab, Enter, Escape), and
// Ctrl+Tab left to the shell (it moves between panels, not ImGui's window list).
void configureImGui();

// Heights the shell reserves (menu bar, status bar) — for views that need them.
float statusBarHeight();

} // namespace horizons::ui
