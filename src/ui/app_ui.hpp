// app_ui.hpp — the seam between the platform layer (src/app) and the views (src/ui).
//
// Index
//   AppRequest, Request      what the UI asks the app to do (files, undo, quit …)
//   DocStatus                what the app tells the UI about the open board each frame
//   PanelState, AppUiState   view state that outlives a frame (plain data, persisted by app)
//   ViewContext              what every view's draw function receives
//   drawApp()                draws one whole frame: menu bar, main area, status bar, dialogs
//
// Each frame src/app does:
//     ui::DocStatus st = …;                       // title, path, dirty, canUndo …
//     ui::drawApp(uiState, &document, st);        // between ImGui::NewFrame and Render
//     for (auto& r : uiState.takeRequests()) …    // save / open / undo / quit, done by app
//
// Views (src/ui/<name>_view.{hpp,cpp}, one file per view) expose
//     void drawBoardView(ViewContext& ctx);   // and drawNetworkMapView, drawInspectorView, …
// and are called from the marked hook points in app_ui.cpp. A view reads ctx.doc, applies
// edits through ctx.doc.apply(...), keeps its own persistent view state (pan, zoom),
// in a struct it adds to AppUiState, and reports its items with
// registerItem()/registerLastItem() (layout_registry.hpp). Views never touch files or GL.
#pragma once

#include "model/board.hpp"
#include "ui/board_view.hpp"
#include "ui/coach_view.hpp"
#include "ui/history_view.hpp"
#include "ui/inspector_view.hpp"
#include "ui/network_map_view.hpp"
#include "ui/prep_view.hpp"
#include "ui/theme.hpp"
#include "ui/view_context.hpp"

#include <string>
#include <utility>
#include <vector>

namespace horizons {
class Document; // src/model/document.hpp (views include it; this header does not need to)
}

namespace horizons::ui {

// ---- Requests: UI -> app -------------------------------------------------------------------
enum class AppRequest {
    NewBoard,   // start a new board (app asks nothing; unsaved work is the app's concern)
    Open,       // open Request::path
    Save,       // save to the current path (the app turns it into SaveAs when untitled)
    SaveAs,     // save to Request::path
    Undo,       // document undo
    Redo,       // document redo
    Quit,       // leave the main loop (app may persist state first)
    ExportText, // write Request::text to Request::path, atomically (agenda / plan exports)
};
const char* requestName(AppRequest r);

struct Request {
    AppRequest kind;
    std::string path; // Open / SaveAs / ExportText
    std::string text; // ExportText only: the file's content
};

// ---- Document status: app -> UI (filled every frame) ---------------------------------------
struct DocStatus {
    std::string title = "Untitled board"; // the board's name (window title too)
    std::string path;                     // file path; empty when never saved
    bool dirty = false;                   // unsaved changes
    bool readOnly = false;                // e.g. a snapshot opened for viewing
    bool canUndo = false;
    bool canRedo = false;
    std::string undoLabel; // "Move goal": the Edit menu says "Undo Move goal"
    std::string redoLabel;
    bool empty = true;     // no goals and no people: show the empty state
    std::string lastSaved; // human-readable time of last save, "" if never
    std::string error;     // last load/save error, shown in the status bar
};

// ---- View state ---------------------------------------------------------------------------
// Which panels are shown and how big they are. Persisted by the app in the config folder.
struct PanelState {
    bool board = true;            // board view (left of the central area)
    bool networkMap = true;       // network map (right of the central area)
    bool inspector = true;        // right side panel: selected goal / person
    bool coach = true;            // coach hints (bottom of the side panel)
    bool history = false;         // snapshots timeline (bottom panel)
    bool prep = false;            // conversation prep (side panel tab)
    float mapFraction = 0.42f;    // share of the central area taken by the map
    float sideWidthEm = 20.0f;    // side panel width in font units
    float bottomHeightEm = 12.0f; // bottom panel height in font units
};

struct AppUiState {
    PanelState panels;
    SharedViewState shared;  // selection, cross-view drags, read-only (view_context.hpp)
    NetworkMapViewState map; // pan/zoom, filter, gestures of the network map
    BoardViewState board;    // pan/zoom, filter, gestures, ghosts of the board (board_view.hpp)
    InspectorViewState inspector; // text buffers of the goal inspector (inspector_view.hpp)
    CoachViewState coach;         // cached coach hints (coach_view.hpp)
    HistoryViewState history;     // snapshots, compare, read-only snapshot view (history_view.hpp)
    PrepViewState prep;           // agenda and conversation log (prep_view.hpp)
    Theme theme = Theme::Dark;
    bool prepShownLastFrame = false; // prep panel just opened: its tab comes to the front
    bool chromeless = false;         // picture export: the view alone, no menu bar or status bar
    float dpiScale = 1.0f;           // content scale the fonts were built for (set by the app)

    // Transient UI (not persisted)
    std::string statusMessage; // one-line message in the status bar ("Saved", errors …)
    double statusUntil = 0.0;  // ImGui::GetTime() when the message disappears
    bool showAbout = false;
    bool showBoardSettings = false; // Edit > Board settings requested this frame
    BoardMeta boardSettingsDraft;   // the dialog's fields until Save
    bool showShortcuts = false;
    bool openDialog = false;   // "Open board" path dialog requested this frame
    bool saveAsDialog = false; // "Save as" path dialog requested this frame
    enum class ExportKind { None, PlanMarkdown, GoalsCsv, PeopleCsv };
    ExportKind exportDialog = ExportKind::None; // File > Export path dialog requested
    std::string pathBuffer;                     // text of the path dialogs
    std::vector<std::string> recentFiles;       // most recent first (app fills and persists)

    // Requests queued this frame for the app.
    std::vector<Request> requests;
    void request(AppRequest r, std::string path = {}, std::string text = {}) {
        requests.push_back({r, std::move(path), std::move(text)});
    }
    std::vector<Request> takeRequests() { return std::exchange(requests, {}); }

    // Shows a message in the status bar for `seconds`.
    void setStatus(std::string msg, double seconds = 4.0);
};

// What every view's draw function gets is ViewContext (view_context.hpp): the document, the
// state views share (selection, cross-view drags, read-only), today's date, and pointers to
// the AppUiState and DocStatus above.

// Draws the whole frame (call between ImGui::NewFrame() and ImGui::Render()).
// Shortcuts handled here: Ctrl+N/O/S/Shift+S, Ctrl+Z/Y (Ctrl+Shift+Z), Ctrl+Q.
void drawApp(AppUiState& ui, Document* doc, const DocStatus& status);

// Heights the shell reserves (menu bar, status bar) — for views that need them.
float statusBarHeight();

} // namespace horizons::ui
