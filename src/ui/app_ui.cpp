// app_ui.cpp — the shell: menu bar, main area (board | map, side panel, bottom panel),
// status bar, empty state, and the small dialogs. Views plug in at the "VIEW HOOK" marks.
//
// Index
//   helpers            em(), menu registration
//   shortcuts          handleShortcuts()
//   menu bar           drawMenuBar()
//   main area          drawMainArea(), drawEmptyState(), splitter
//   status bar         drawStatusBar()
//   dialogs            drawDialogs()
//   drawApp()          the frame

#include "ui/app_ui.hpp"
#include "ui/widgets.hpp"

#include <cstring>
#include <functional>
#include <optional>

#include "model/edits.hpp"
#include "model/export_text.hpp"
#include "ui/fonts.hpp"
#include "ui/layout_registry.hpp"
#include "ui/network_map_view.hpp"
#include "ui/person_delete_dialog.hpp"
#include "ui/workspace_view.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#ifndef HORIZONS_VERSION
#define HORIZONS_VERSION "dev"
#endif

namespace horizons::ui {

namespace {

namespace cmd = horizons::session;

// ---- helpers -------------------------------------------------------------------------------

constexpr ImGuiWindowFlags kPanelFlags =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
    ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse;

// A top-level menu that reports its header rectangle as "menu:<id>". `open`: the keyboard
// (F10 / Alt) opens it, its first item under the keyboard cursor.
template <class Body>
void menu(AppUiState& ui, int index, const char* label, const char* id, Body&& body) {
    ImGuiWindow* bar = ImGui::GetCurrentWindow();
    const float x0 = bar->DC.CursorPos.x;
    const bool byKeyboard = ui.openMenu == index;
    if (byKeyboard) {
        ui.openMenu = -1;
        ImGui::OpenPopup(label);
        ImGui::SetNavCursorVisible(true);
    }
    if (ImGui::BeginMenu(label)) {
        if (byKeyboard) { // the keyboard cursor on its first item
            ImGui::FocusWindow(ImGui::GetCurrentWindow());
            ImGui::NavInitWindow(ImGui::GetCurrentWindow(), true);
        }
        body();
        ImGui::EndMenu();
    }
    const float x1 = bar->DC.CursorPos.x;
    const ImRect r = bar->MenuBarRect();
    registerItem(std::string("menu:") + id, "menu", label, ImVec2(x0, r.Min.y),
                 ImVec2(std::max(x1, x0 + 1.0f), r.Max.y));
}

// A menu item that reports itself as "menu:<id>".
bool menuItem(const char* label, const char* id, const char* shortcut = nullptr,
              bool selected = false, bool enabled = true) {
    const bool clicked = ImGui::MenuItem(label, shortcut, selected, enabled);
    registerLastItem(std::string("menu:") + id, "menu", label);
    return clicked;
}

// ---- shortcuts -----------------------------------------------------------------------------
// File > Save and Ctrl+S: an untitled board asks for a name first.
void save(AppUiState& ui, session::Session& s) {
    if (s.dispatch(cmd::Save{})) return;
    if (s.takeSaveAsRequest()) ui.saveAsDialog = true;
    ui.merge.later = false; // refused for conflicts: they come back into view
}

// The panels in the order F6 visits them.
constexpr const char* kPanelOrder[] = {"board", "map", "inspector", "coach", "history", "prep"};

// F6 / Ctrl+Tab: the keyboard goes to the next panel shown (`dir` -1: the previous one).
void cyclePanel(AppUiState& ui, int dir) {
    std::vector<std::string> order;
    for (const char* id : kPanelOrder)
        if (std::find(ui.panelsShown.begin(), ui.panelsShown.end(), id) != ui.panelsShown.end())
            order.emplace_back(id);
    if (order.empty()) return;
    const int n = static_cast<int>(order.size());
    const auto it = std::find(order.begin(), order.end(), ui.keyPanel);
    int i = it == order.end() ? (dir > 0 ? -1 : 0) : static_cast<int>(it - order.begin());
    i = ((i + dir) % n + n) % n;
    ui.focusRequest = order[static_cast<std::size_t>(i)];
    ui.map.focused = ui.focusRequest == "map"; // the map's keys act where the keyboard is
}

// Alt pressed and released with nothing else in between opens the menu bar, as F10 does.
bool altTapped(AppUiState& ui) {
    const ImGuiIO& io = ImGui::GetIO();
    const bool down = ImGui::IsKeyDown(ImGuiKey_LeftAlt) || ImGui::IsKeyDown(ImGuiKey_RightAlt);
    if (ImGui::IsKeyPressed(ImGuiKey_LeftAlt, false) ||
        ImGui::IsKeyPressed(ImGuiKey_RightAlt, false)) {
        ui.altAlone = !io.KeyCtrl && !io.KeyShift && !io.KeySuper;
        return false;
    }
    if (down && ui.altAlone) {
        if (io.InputQueueCharacters.Size > 0 || io.KeyCtrl || io.KeyShift ||
            ImGui::IsAnyMouseDown())
            ui.altAlone = false;
        for (int k = ImGuiKey_NamedKey_BEGIN; k < ImGuiKey_ReservedForModCtrl && ui.altAlone; ++k)
            if (k != ImGuiKey_LeftAlt && k != ImGuiKey_RightAlt &&
                ImGui::IsKeyDown(static_cast<ImGuiKey>(k)))
                ui.altAlone = false;
    }
    if (down || !ui.altAlone) return false;
    ui.altAlone = false;
    return true;
}

// F6 / Ctrl+Tab between panels, F10 / Alt to the menu bar (none while a dialog or menu is open).
void keyboardFocusKeys(AppUiState& ui) {
    const ImGuiIO& io = ImGui::GetIO();
    const bool popupOpen = ImGui::GetCurrentContext()->OpenPopupStack.Size > 0;
    const bool alt = altTapped(ui);
    if (popupOpen) return;
    if (ImGui::IsKeyPressed(ImGuiKey_F6) || (io.KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_Tab)))
        cyclePanel(ui, io.KeyShift ? -1 : 1);
    if (ImGui::IsKeyPressed(ImGuiKey_F10, false) || alt) ui.openMenu = 0; // File
}

void handleShortcuts(AppUiState& ui, session::Session& s) {
    keyboardFocusKeys(ui);
    if (shortcut(ImGuiKey_Q)) s.dispatch(cmd::Quit{});
    if (shortcut(ImGuiKey_N)) s.dispatch(cmd::NewBoard{});
    if (shortcut(ImGuiKey_O)) ui.openDialog = true;
    if (shortcut(ImGuiKey_S)) save(ui, s);
    if (shortcut(ImGuiKey_S, true)) ui.saveAsDialog = true;
    // Dispatched even when there is nothing to undo: while a snapshot is shown the session
    // refuses it and says why.
    if (shortcut(ImGuiKey_Z)) s.dispatch(cmd::Undo{});
    if (shortcut(ImGuiKey_Y) || shortcut(ImGuiKey_Z, true)) s.dispatch(cmd::Redo{});
    if (ImGui::IsKeyPressed(ImGuiKey_F1, false) && !ImGui::GetIO().WantTextInput)
        ui.showShortcuts = true;
    // Escape closes open menus and popups (ImGui does it only with keyboard navigation on).
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (g.OpenPopupStack.Size > 0 && ImGui::IsKeyPressed(ImGuiKey_Escape, false))
        ImGui::ClosePopupToLevel(0, true);
}

// ---- menu bar ------------------------------------------------------------------------------
void drawMenuBar(AppUiState& ui, session::Session& s, const DocStatus& st) {
    if (!ImGui::BeginMainMenuBar()) return;
    menu(ui, 0, "File", "file", [&] {
        if (menuItem("New board", "file/new", "Ctrl+N")) s.dispatch(cmd::NewBoard{});
        if (menuItem("Open…", "file/open", "Ctrl+O")) ui.openDialog = true;
        const std::vector<std::string> recent = s.recent(); // those that still exist
        if (ImGui::BeginMenu("Open recent", !recent.empty())) {
            for (const auto& f : recent)
                if (ImGui::MenuItem(f.c_str())) s.dispatch(cmd::Open{f});
            ImGui::EndMenu();
        }
        registerLastItem("menu:file/recent", "menu", "Open recent");
        ImGui::Separator();
        if (menuItem("Save", "file/save", "Ctrl+S")) save(ui, s);
        if (menuItem("Save as…", "file/save-as", "Ctrl+Shift+S")) ui.saveAsDialog = true;
        if (st.recovered && menuItem("Discard recovered changes", "file/discard-recovery"))
            s.dispatch(cmd::DiscardRecovery{});
        ImGui::Separator();
        drawProtectionMenuItems(ui.passphrase, st); // passphrase_dialog.hpp
        ImGui::Separator();
        if (ImGui::BeginMenu("Export")) {
            if (menuItem("Plan as Markdown…", "file/export-md"))
                ui.exportDialog = AppUiState::ExportKind::PlanMarkdown;
            if (menuItem("Goals as CSV…", "file/export-goals-csv"))
                ui.exportDialog = AppUiState::ExportKind::GoalsCsv;
            if (menuItem("People as CSV…", "file/export-people-csv"))
                ui.exportDialog = AppUiState::ExportKind::PeopleCsv;
            ImGui::EndMenu();
        }
        registerLastItem("menu:file/export", "menu", "Export");
        ImGui::Separator();
        if (menuItem("Quit", "file/quit", "Ctrl+Q")) s.dispatch(cmd::Quit{});
    });
    menu(ui, 1, "Edit", "edit", [&] {
        const std::string undo = st.undoLabel.empty() ? "Undo" : "Undo " + st.undoLabel;
        const std::string redo = st.redoLabel.empty() ? "Redo" : "Redo " + st.redoLabel;
        if (menuItem(undo.c_str(), "edit/undo", "Ctrl+Z", false, st.canUndo))
            s.dispatch(cmd::Undo{});
        if (menuItem(redo.c_str(), "edit/redo", "Ctrl+Y", false, st.canRedo))
            s.dispatch(cmd::Redo{});
        ImGui::Separator();
        if (menuItem("Board settings…", "edit/board-settings", nullptr, false, !st.readOnly))
            ui.showBoardSettings = true;
    });
    menu(ui, 2, "View", "view", [&] {
        PanelState& p = ui.panels;
        drawWorkspaceMenuItems(p); // Network map / Maximise network map (workspace_view.hpp)
        ImGui::Separator();
        if (menuItem("Inspector", "view/inspector", nullptr, p.inspector))
            p.inspector = !p.inspector;
        if (menuItem("Coach hints", "view/coach", nullptr, p.coach)) p.coach = !p.coach;
        if (menuItem("History", "view/history", nullptr, p.history)) p.history = !p.history;
        if (menuItem("Conversation prep", "view/prep", nullptr, p.prep)) p.prep = !p.prep;
        if (menuItem("Minimap", "view/minimap", nullptr, p.minimap)) p.minimap = !p.minimap;
        if (menuItem("Take snapshot…", "view/take-snapshot", "Ctrl+T")) {
            p.history = true;
            ui.history.openTakeDialog = true;
        }
        ImGui::Separator();
        if (menuItem("Dark theme", "view/theme-dark", nullptr, ui.theme == Theme::Dark))
            ui.theme = Theme::Dark;
        if (menuItem("Light theme", "view/theme-light", nullptr, ui.theme == Theme::Light))
            ui.theme = Theme::Light;
    });
    menu(ui, 3, "Help", "help", [&] {
        if (menuItem("Keyboard shortcuts", "help/shortcuts", "F1")) ui.showShortcuts = true;
        if (menuItem("About Horizons", "help/about")) ui.showAbout = true;
    });
    ImGui::EndMainMenuBar();
}

// ---- main area -----------------------------------------------------------------------------
void centredText(const char* text, ImU32 colour, float width) {
    const ImVec2 sz = ImGui::CalcTextSize(text, nullptr, false, width);
    const float avail = ImGui::GetContentRegionAvail().x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (avail - sz.x) * 0.5f));
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

// What a new user sees on an empty board: what the board is for and the first steps.
void drawEmptyState(AppUiState& ui) {
    const Palette& pal = palette();
    const float width = std::min(ImGui::GetContentRegionAvail().x - 2 * em(), 34 * em());
    const float blockH = 15 * em();
    ImGui::SetCursorPosY(
        std::max(ImGui::GetCursorPosY(), (ImGui::GetContentRegionAvail().y - blockH) * 0.5f));
    {
        FontScope f(fonts().large);
        centredText("Your plan starts here", pal.text, width);
    }
    ImGui::Spacing();
    centredText("Steer your career with three horizons: a fuzzy five-year direction, a couple "
                "of two-year things worth doing, and concrete steps for the next six months.",
                pal.textMuted, width);
    ImGui::Dummy(ImVec2(0, em()));
    const char* steps[] = {
        "1.  Double-click a column to add a goal where it belongs.",
        "2.  Drag a goal up as it stays open-ended, down as it becomes concrete.",
        "3.  Add the people you trust and link them to goals worth discussing.",
    };
    for (const char* s : steps)
        centredText(s, pal.text, width);
    ImGui::Dummy(ImVec2(0, em()));
    const float bw = 9 * em();
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (ImGui::GetContentRegionAvail().x - bw) * 0.5f);
    if (button("Open a board…", "empty-open", ImVec2(bw, 0))) ui.openDialog = true;
    ImGui::Dummy(ImVec2(0, 0.5f * em()));
    centredText("Press F1 for keyboard shortcuts.", pal.textMuted, width);
}

// The focus ring: the accent colour round the panel the keyboard is in, reported as
// "focus:panel" (its label names the panel).
void drawPanelFocusRing(const std::string& which) {
    const ImVec2 p0 = ImGui::GetWindowPos();
    const ImVec2 p1 = p0 + ImGui::GetWindowSize();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(p0, p1, false);
    const float t = std::max(2.0f, 0.12f * em());
    dl->AddRect(p0 + ImVec2(t * 0.5f, t * 0.5f), p1 - ImVec2(t * 0.5f, t * 0.5f), palette().accent,
                ImGui::GetStyle().ChildRounding, t);
    dl->PopClipRect();
    registerItem("focus:panel", "focus", which, p0, p1);
}

// A panel region: a borderless child with a stable name, reported as "panel:<id>". It takes
// the keyboard when F6 asks for it (`also`: a second panel drawn in it, the prep's tab) and
// shows the focus ring while it has it (`shows`: which of the two the body drew). The
// canvases (board, map) read the arrow keys themselves: `flags` keeps ImGui's keyboard
// navigation out of them.
template <class Body> void panel(AppUiState& ui, const char* id, const char* label, ImVec2 size,
                                 Body&& body, ImGuiWindowFlags flags = 0,
                                 const char* also = nullptr, const std::string* shows = nullptr) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(palette().canvasBg));
    if (ImGui::BeginChild(id, size, ImGuiChildFlags_Borders,
                          ImGuiWindowFlags_NoScrollbar | flags)) {
        registerItem(std::string("panel:") + id, "panel", label, ImGui::GetWindowPos(),
                     ImGui::GetWindowPos() + ImGui::GetWindowSize());
        if (ui.focusRequest == id || (also && ui.focusRequest == also)) {
            ImGui::SetWindowFocus();
            ui.focusRequest.clear();
        }
        body();
        if (ImGui::IsWindowFocused(ImGuiFocusedFlags_ChildWindows) &&
            !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) {
            ui.keyPanel = shows && !shows->empty() ? *shows : std::string(id);
            drawPanelFocusRing(ui.keyPanel);
        }
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

// The panels drawn this frame, for F6 (ui.panelsShown next frame).
void shown(AppUiState& ui, const char* id) { ui.panelsDrawing.emplace_back(id); }

// A panel while no board is open (the app always has one; the shell's headless tests draw
// it without): the panel's name, muted, centred.
void panelWithoutBoard(const char* name) {
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImVec2 sz = ImGui::CalcTextSize(name);
    ImGui::SetCursorPos(ImGui::GetCursorPos() + (avail - sz) * 0.5f);
    ImGui::TextDisabled("%s", name);
}

// The board panel: the snapshot banner, the board, and the empty state over it.
void drawBoardPanel(AppUiState& ui, ViewContext* ctx, const DocStatus& st, ImVec2 size) {
    panel(
        ui, "board", "Board", size,
        [&] {
            if (ctx) drawSnapshotBanner(*ctx, ui.history);
            if (ctx) {
                const ImVec2 top = ImGui::GetCursorPos();
                ui.board.ghosts = ui.history.ghosts; // compare overlay
                drawBoardView(*ctx, ui.board);
                if (st.empty) { // the columns stay visible (and double-clickable) behind it
                    const Rectf& r = ui.board.canvasRect;
                    const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(palette().canvasBg);
                    ImGui::GetWindowDrawList()->AddRectFilled(
                        ImVec2(r.min.x, r.min.y + 3 * em()), ImVec2(r.max.x, r.max.y),
                        ImGui::ColorConvertFloat4ToU32(ImVec4(bg.x, bg.y, bg.z, 0.78f)));
                    ImGui::SetCursorPos(top);
                    drawEmptyState(ui);
                }
            } else if (st.empty) {
                drawEmptyState(ui);
            } else {
                panelWithoutBoard("Board");
            }
        },
        ImGuiWindowFlags_NoNavInputs);
    shown(ui, "board");
}

void drawMapPanel(AppUiState& ui, ViewContext* ctx, ImVec2 size) {
    panel(
        ui, "map", "Network map", size,
        [&] {
            if (ctx)
                drawNetworkMapView(*ctx, ui.map);
            else
                panelWithoutBoard("Network map");
        },
        ImGuiWindowFlags_NoNavInputs);
    shown(ui, "map");
}

// The inspector and the conversation prep: one tab each when both are shown, the prep just
// opened (or asked for with F6) in front.
void drawInspectorPanel(AppUiState& ui, ViewContext* ctx, ImVec2 size) {
    PanelState& p = ui.panels;
    const std::string asked = ui.focusRequest;
    std::string shows = p.prep && !p.inspector ? "prep" : "inspector";
    panel(
        ui, "inspector", "Inspector", size,
        [&] {
            if (p.prep && p.inspector && ctx) {
                const bool prepFront = !ui.prepShownLastFrame || asked == "prep";
                if (ImGui::BeginTabBar("##side-tabs")) {
                    const ImGuiTabItemFlags inspFlags =
                        asked == "inspector" ? ImGuiTabItemFlags_SetSelected : 0;
                    if (ImGui::BeginTabItem("Inspector", nullptr, inspFlags)) {
                        drawInspectorView(*ctx, ui.inspector);
                        ImGui::EndTabItem();
                    }
                    registerLastItem("tab:inspector", "button", "Inspector");
                    const ImGuiTabItemFlags prepFlags =
                        prepFront ? ImGuiTabItemFlags_SetSelected : 0;
                    if (ImGui::BeginTabItem("Conversation prep", nullptr, prepFlags)) {
                        shows = "prep";
                        drawPrepView(*ctx, ui.prep);
                        ImGui::EndTabItem();
                    }
                    registerLastItem("tab:prep", "button", "Conversation prep");
                    ImGui::EndTabBar();
                }
                return;
            }
            if (p.prep && ctx) {
                drawPrepView(*ctx, ui.prep);
                return;
            }
            if (ctx) {
                drawInspectorView(*ctx, ui.inspector);
                return;
            }
            ImGui::SeparatorText("Inspector");
            ImGui::TextDisabled("Select a goal or a person to see its details.");
        },
        0, "prep", &shows);
    if (p.inspector) shown(ui, "inspector");
    if (p.prep) shown(ui, "prep");
}

// The side panel: inspector / prep above, coach hints below.
void drawSidePanel(AppUiState& ui, ViewContext* ctx, float sideW, float height) {
    PanelState& p = ui.panels;
    ImGui::BeginGroup();
    const float coachH = p.coach && (p.inspector || p.prep) ? 10 * em() : 0;
    const float topH = height - (coachH > 0 ? coachH + ImGui::GetStyle().ItemSpacing.y : 0);
    if (p.inspector || p.prep) drawInspectorPanel(ui, ctx, ImVec2(sideW, topH));
    if (p.coach) {
        panel(ui, "coach", "Coach hints", ImVec2(sideW, coachH > 0 ? coachH : height), [&] {
            if (ctx) {
                drawCoachView(*ctx, ui.coach);
                return;
            }
            ImGui::SeparatorText("Coach");
            ImGui::TextDisabled("Hints about your plan appear here.");
        });
        shown(ui, "coach");
    }
    ImGui::EndGroup();
}

void drawMainArea(AppUiState& ui, ViewContext* ctx, const DocStatus& st) {
    PanelState& p = ui.panels;
    ui.keyPanel.clear(); // the panel drawn with the keyboard in it names itself
    ui.panelsDrawing.clear();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float gap = 0.5f * em();
    const bool side = p.inspector || p.coach || p.prep;
    const float sideW = side ? std::clamp(p.sideWidthEm * em(), 12 * em(), avail.x * 0.5f) : 0;
    const float bottomH =
        p.history ? std::clamp(p.bottomHeightEm * em(), 6 * em(), avail.y * 0.5f) : 0;
    const float centreW = avail.x - (side ? sideW + gap : 0);
    const float centreH = avail.y - (p.history ? bottomH + gap : 0);

    // ---- central area: board | map (workspace_view.hpp: split, or either one large) ----
    ImGui::BeginGroup();
    drawWorkspace(p, ImVec2(centreW, centreH), [&](WorkspacePane pane, ImVec2 size) {
        if (pane == WorkspacePane::Map)
            drawMapPanel(ui, ctx, size);
        else
            drawBoardPanel(ui, ctx, st, size);
    });
    if (p.history) {
        ImGui::Dummy(ImVec2(0, gap - ImGui::GetStyle().ItemSpacing.y));
        panel(ui, "history", "History", ImVec2(centreW, bottomH - ImGui::GetStyle().ItemSpacing.y),
              [&] {
                  if (ctx)
                      drawHistoryView(*ctx, ui.history);
                  else
                      panelWithoutBoard("Snapshots and history");
              });
        shown(ui, "history");
    }
    ImGui::EndGroup();

    if (side) {
        ImGui::SameLine(0, gap);
        drawSidePanel(ui, ctx, sideW, avail.y);
    }
    ui.prepShownLastFrame = p.prep;
    ui.panelsShown = ui.panelsDrawing;
}

// ---- status bar ----------------------------------------------------------------------------
// "Saved 14:02", "Unsaved changes" ... and its colour.
std::pair<std::string, ImU32> savedState(const DocStatus& st) {
    const Palette& pal = palette();
    if (st.readOnly) return {"Read-only", pal.textMuted};
    if (st.dirty) return {"Unsaved changes", pal.warning};
    if (st.path.empty()) return {"Not saved yet", pal.textMuted};
    return {st.lastSaved.empty() ? "Saved" : "Saved " + st.lastSaved, pal.success};
}

const std::string& statusMessage(const std::string& notice, const DocStatus& st) {
    return !notice.empty() ? notice : st.error;
}

// The message goes below the title when it does not fit beside it, wrapped to the window's
// width: a refused quit or a failed autosave is said in full, even at 1024x640.
bool messageBelow(const std::string& msg, const DocStatus& st) {
    if (msg.empty()) return false;
    const float gap = 1.5f * em();
    float used = 1.2f * em() + ImGui::CalcTextSize(st.title.c_str()).x + gap +
                 ImGui::CalcTextSize(savedState(st).first.c_str()).x + gap;
    if (!st.path.empty())
        used += ImGui::GetStyle().ItemSpacing.x + ImGui::CalcTextSize(st.path.c_str()).x;
    return used + ImGui::CalcTextSize(msg.c_str()).x > ImGui::GetMainViewport()->WorkSize.x;
}

float statusBarHeightFor(const std::string& notice, const DocStatus& st) {
    const std::string& msg = statusMessage(notice, st);
    if (!messageBelow(msg, st)) return statusBarHeight();
    const float width = ImGui::GetMainViewport()->WorkSize.x - 1.2f * em();
    return statusBarHeight() + ImGui::CalcTextSize(msg.c_str(), nullptr, false, width).y;
}

void drawStatusBar(const std::string& notice, const DocStatus& st) {
    const Palette& pal = palette();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float h = statusBarHeightFor(notice, st);
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x, vp->WorkPos.y + vp->WorkSize.y - h));
    ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, h));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0.6f * em(), 0.25f * em()));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::GetStyleColorVec4(ImGuiCol_MenuBarBg));
    ImGui::Begin("##statusbar", nullptr, kPanelFlags | ImGuiWindowFlags_NoScrollbar);
    ImGui::AlignTextToFramePadding();

    ImGui::TextUnformatted(st.title.c_str());
    registerLastItem("status:title", "status", st.title);
    if (!st.path.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", st.path.c_str());
        registerLastItem("status:file", "status", st.path);
    }
    if (st.isProtected) {
        ImGui::SameLine();
        ImGui::TextUnformatted("Protected");
        registerLastItem("status:protected", "status", "Protected with a passphrase");
    }
    ImGui::SameLine(0, 1.5f * em());
    const auto [saved, colour] = savedState(st);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(saved.c_str());
    ImGui::PopStyleColor();
    registerLastItem("status:saved", "status", saved);

    const std::string& msg = statusMessage(notice, st);
    if (!msg.empty()) {
        if (!messageBelow(msg, st)) ImGui::SameLine(0, 1.5f * em());
        ImGui::PushStyleColor(ImGuiCol_Text, msg == st.error ? pal.warning : pal.text);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(msg.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        registerLastItem("status:message", "status", msg);
    }
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
}

// ---- dialogs -------------------------------------------------------------------------------
// A modal asking for a file path; `onAccept` gets the path as typed. `recent` (Open) lists
// boards to pick from; `isExport` names the field for what it is.
void pathDialog(const char* title, const char* id, bool& trigger, AppUiState& ui,
                const std::function<void(const std::string&)>& onAccept, const char* acceptLabel,
                bool isExport = false, const std::vector<std::string>& recent = {}) {
    if (trigger) {
        trigger = false;
        ImGui::OpenPopup(title);
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(32 * em(), 0), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    ImGui::TextUnformatted(isExport ? "Export to file:" : "Board file:");
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(-1);
    const bool enter =
        ImGui::InputText("##path", &ui.pathBuffer, ImGuiInputTextFlags_EnterReturnsTrue);
    registerLastItem(std::string("input:") + id + "-path", "input", "Board file");
    if (!recent.empty()) {
        ImGui::SeparatorText("Recent");
        for (const auto& f : recent)
            if (ImGui::Selectable(f.c_str())) ui.pathBuffer = f;
    }
    ImGui::Spacing();
    const bool ok = button(acceptLabel, (std::string(id) + "-ok").c_str(), ImVec2(7 * em(), 0));
    ImGui::SameLine();
    const bool cancel =
        button("Cancel", (std::string(id) + "-cancel").c_str(), ImVec2(7 * em(), 0)) ||
        ImGui::IsKeyPressed(ImGuiKey_Escape, false);
    if ((ok || enter || dialogEnter()) && !ui.pathBuffer.empty()) {
        onAccept(ui.pathBuffer);
        ImGui::CloseCurrentPopup();
    } else if (cancel) {
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

// The file name an export suggests: next to the board, named after it.
std::string suggestedExportPath(const DocStatus& st, const char* suffix) {
    std::string base = st.path;
    for (const char* ext : {".horizons.json", ".horizons", ".json"})
        if (base.size() > std::strlen(ext) &&
            base.compare(base.size() - std::strlen(ext), std::string::npos, ext) == 0) {
            base.resize(base.size() - std::strlen(ext));
            break;
        }
    return (base.empty() ? std::string("plan") : base) + suffix;
}

// Edit > Board settings: the board's title, owner and the trust from which goals beyond the
// current organisation are discussed. One undo step when saved.
void drawBoardSettingsDialog(AppUiState& ui, session::Session& s) {
    if (ui.showBoardSettings) {
        ui.showBoardSettings = false;
        ui.boardSettingsDraft = s.live().content().meta;
        ImGui::OpenPopup("Board settings");
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(30 * em(), 0), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal("Board settings", nullptr, ImGuiWindowFlags_NoSavedSettings))
        return;
    BoardMeta& m = ui.boardSettingsDraft;
    ImGui::TextUnformatted("Title");
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere(); // the keyboard starts here
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##board-title", &m.title);
    registerLastItem("input:board-title", "input", "Title");
    ImGui::TextUnformatted("Whose plan (optional)");
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##board-owner", &m.owner);
    registerLastItem("input:board-owner", "input", "Owner");
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted("Talk about goals beyond the current organisation with people "
                           "trusted at least:");
    ImGui::PopTextWrapPos();
    ImGui::SetNextItemWidth(-1);
    ImGui::SliderInt("##board-threshold", &m.settings.beyondOrgTrust, kMinTrust, kMaxTrust,
                     "trust %d");
    registerLastItem("input:board-threshold", "input", "Trust threshold");
    ImGui::TextDisabled("Agendas leave those goals out for anyone trusted less.");
    ImGui::Spacing();
    if (button("Save", "board-settings-ok", ImVec2(7 * em(), 0)) || dialogEnter()) {
        if (s.apply(setMeta(s.live().board(), m)) || !s.readOnly()) ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (button("Cancel", "board-settings-cancel", ImVec2(7 * em(), 0)) ||
        ImGui::IsKeyPressed(ImGuiKey_Escape, false))
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void drawDialogs(AppUiState& ui, session::Session& s, const DocStatus& st) {
    if (s.takeSaveAsRequest()) ui.saveAsDialog = true;
    if (ui.openDialog) ui.pathBuffer.clear();
    if (ui.saveAsDialog) ui.pathBuffer = st.path;
    pathDialog(
        "Open board", "open", ui.openDialog, ui,
        [&](const std::string& p) { s.dispatch(cmd::Open{p}); }, "Open", false, s.recent());
    pathDialog(
        "Save board as", "save-as", ui.saveAsDialog, ui,
        [&](const std::string& p) { s.dispatch(cmd::SaveAs{p}); }, "Save");
    {
        struct Export {
            AppUiState::ExportKind kind;
            const char* title;
            const char* suffix;
        };
        static const Export exports[] = {
            {AppUiState::ExportKind::PlanMarkdown, "Export plan as Markdown", ".md"},
            {AppUiState::ExportKind::GoalsCsv, "Export goals as CSV", "-goals.csv"},
            {AppUiState::ExportKind::PeopleCsv, "Export people as CSV", "-people.csv"},
        };
        for (const Export& e : exports) {
            bool trigger = ui.exportDialog == e.kind;
            if (trigger) {
                ui.exportDialog = AppUiState::ExportKind::None;
                ui.pathBuffer = suggestedExportPath(st, e.suffix);
            }
            const BoardContent& c = s.viewed().content();
            const auto exportTo = [&](const std::string& path) {
                std::string text;
                switch (e.kind) {
                case AppUiState::ExportKind::GoalsCsv: text = goalsCsv(c); break;
                case AppUiState::ExportKind::PeopleCsv: text = peopleCsv(c, Date::today()); break;
                default: text = planMarkdown(c, Date::today()); break;
                }
                s.dispatch(cmd::ExportText{path, std::move(text)});
            };
            pathDialog(e.title, "export", trigger, ui, exportTo, "Export", true);
        }
    }

    if (ui.showAbout) {
        ImGui::OpenPopup("About Horizons");
        ui.showAbout = false;
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("About Horizons", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        {
            FontScope f(fonts().large);
            ImGui::TextUnformatted("Horizons");
        }
        ImGui::Text("Version %s", HORIZONS_VERSION);
        ImGui::TextUnformatted("A planner for steering your career: direction versus\n"
                               "destination, across time horizons, with the people you trust.");
        ImGui::TextDisabled("Set in Inter (SIL Open Font License). Dear ImGui %s.", IMGUI_VERSION);
        if (button("Close", "about-close", ImVec2(7 * em(), 0)) || dialogEnter() || dialogEscape())
            ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }

    if (ui.showShortcuts) {
        ImGui::OpenPopup("Keyboard shortcuts");
        ui.showShortcuts = false;
    }
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("Keyboard shortcuts", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        // Keep in step with the README's tables (Board, Network map, Snapshots).
        static const char* rows[][2] = {
            {"File", nullptr},
            {"Ctrl+N / Ctrl+O", "New board / open a board"},
            {"Ctrl+S / Ctrl+Shift+S", "Save / save as"},
            {"Ctrl+Z / Ctrl+Y, Ctrl+Shift+Z", "Undo / redo"},
            {"Ctrl+T", "Take a snapshot"},
            {"Ctrl+Q", "Quit (pending changes are saved)"},
            {"Board", nullptr},
            {"Click, Ctrl-click, Shift-click", "Select, toggle, add to the selection"},
            {"Drag on empty space", "Rubber-band selection"},
            {"Ctrl+A", "Select all cards that match the filter"},
            {"Drag a card (Escape cancels)", "Move to another horizon, up or down the axis"},
            {"Ctrl+Left / Ctrl+Right", "Move the selection to the previous / next horizon"},
            {"Ctrl+Up / Ctrl+Down", "A step towards direction / destination"},
            {"Arrow keys", "Select the nearest card that way"},
            {"Double-click empty space", "New goal right there"},
            {"Insert, N", "New goal in the selected card's column"},
            {"Enter, F2, double-click", "Rename in place (Enter keeps, Escape cancels)"},
            {"Delete", "Delete the selection (undoable)"},
            {"Ctrl+F", "Filter by text, tag and status"},
            {"Right-click", "Status, kind, links; horizons on a header"},
            {"Board and map", nullptr},
            {"Wheel, Ctrl+plus / Ctrl+minus", "Zoom about the cursor"},
            {"Middle/right drag, Space+drag", "Pan"},
            {"Ctrl+0", "Fit everything in view"},
            {"Drag a card onto a person", "Link them (or a person onto a card)"},
            {"Drag a person across rings", "Change how much you trust them"},
            {"Shift+drag person to person", "Can introduce me to"},
            {"Network map (keyboard)", nullptr},
            {"Arrow keys", "Move the ring to the nearest person that way"},
            {"Enter", "Open the ringed person in the inspector"},
            {"L", "Link the selected goal to the ringed person"},
            {"Keyboard", nullptr},
            {"F6, Ctrl+Tab (Shift: back)",
             "Next panel: board, map, inspector, coach, history, prep"},
            {"F10, Alt", "Open the menu bar (arrows, Enter, Escape)"},
            {"Enter / Escape", "Accept / cancel any dialog"},
            {"F1", "This list"},
        };
        if (ImGui::BeginTable("##keys", 2, ImGuiTableFlags_SizingFixedFit)) {
            for (const auto& r : rows) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                if (!r[1]) { // a group heading
                    FontScope f(fonts().semibold);
                    ImGui::Spacing();
                    ImGui::TextDisabled("%s", r[0]);
                    continue;
                }
                {
                    FontScope f(fonts().semibold);
                    ImGui::TextUnformatted(r[0]);
                }
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(r[1]);
            }
            ImGui::EndTable();
        }
        if (button("Close", "shortcuts-close", ImVec2(7 * em(), 0)) || dialogEnter() ||
            dialogEscape())
            ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

} // namespace

void configureImGui() {
    ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGuiContext& g = *ImGui::GetCurrentContext();
    g.ConfigNavWindowingKeyNext = ImGuiKey_None; // Ctrl+Tab: the shell's next panel
    g.ConfigNavWindowingKeyPrev = ImGuiKey_None;
}

float statusBarHeight() { return ImGui::GetFrameHeight() + 0.5f * ImGui::GetFontSize(); }

// ---- the frame -----------------------------------------------------------------------------
void drawApp(AppUiState& ui, session::Session& s) {
    const DocStatus st = s.status();
    ViewContext ctx = makeViewContext(s, ui.shared, Date::today(), &ui.panels);
    handleShortcuts(ui, s);
    historyShortcuts(ctx, ui.history);
    updateCompare(ctx, ui.history);
    if (!ui.chromeless) drawMenuBar(ui, s, st);
    ui.board.picture = ui.map.picture = ui.chromeless; // the views leave out their toolbars
    ui.board.minimap = ui.panels.minimap;

    // Main area: everything between the menu bar and the status bar (the whole window for
    // a picture export).
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float sb = ui.chromeless ? 0.0f : statusBarHeightFor(s.notice(), st);
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, std::max(0.0f, vp->WorkSize.y - sb)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0.5f * em(), 0.5f * em()));
    ImGui::Begin("##main", nullptr, kPanelFlags | ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleVar(3);
    drawMainArea(ui, &ctx, st);
    ImGui::End();

    if (!ui.chromeless) drawStatusBar(s.notice(), st);
    drawDialogs(ui, s, st);
    drawBoardSettingsDialog(ui, s);
    drawHistoryDialogs(ctx, ui.history);
    drawDeletePeopleDialog(ctx);
    drawPrepDialogs(ctx, ui.prep);
    if (!ui.chromeless) drawMergePanel(s, ui.merge);
    drawPassphraseDialogs(ui.passphrase, s);
}

} // namespace horizons::ui
