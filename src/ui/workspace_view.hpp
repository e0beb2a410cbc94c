// workspace_view.hpp — the central area: the board and the network map side by side in a
// resizable split, or either one large.
//
// Index
//   WorkspaceMode, workspaceMode(), setWorkspaceMode()   which panes show (from PanelState)
//   SplitSizes, splitSizes(), mapFractionFor()          the split's pure arithmetic
//   drawWorkspace() ..................................... panes + splitter (drag; double-click
//   resets) drawWorkspaceMenuItems() ............................ View menu: Network map (beside
//   the board), Maximise network map drawWorkspaceToggle() ............................... a pane's
//   "Maximise" / "Split view" button
//
// The persisted truth stays in PanelState (board, networkMap, mapFraction): Split = both
// shown; BoardOnly / MapOnly = the other one hidden.
#pragma once

#include "ui/panels.hpp"

#include <imgui.h>

#include <functional>

namespace horizons::ui {

enum class WorkspaceMode { Split, BoardOnly, MapOnly };
enum class WorkspacePane { Board, Map };

inline constexpr float kDefaultMapFraction = 0.42f;
inline constexpr float kMinMapFraction = 0.15f;
inline constexpr float kMaxMapFraction = 0.85f;

WorkspaceMode workspaceMode(const PanelState& p);
void setWorkspaceMode(PanelState& p, WorkspaceMode m);
const char* workspaceModeName(WorkspaceMode m); // "split", "board", "map"

struct SplitSizes {
    float board = 0;    // width of the board pane
    float splitter = 0; // width of the splitter (0 when only one pane shows)
    float map = 0;      // width of the map pane
};
// Pane widths for a total width; each pane keeps at least `minPane` when there is room.
SplitSizes splitSizes(float total, float mapFraction, float splitterWidth, float minPane,
                      WorkspaceMode mode = WorkspaceMode::Split);
// The map fraction that gives the board `boardWidth` (after a splitter drag), clamped.
float mapFractionFor(float total, float splitterWidth, float boardWidth);

// Draws the panes (drawPane(pane, size) must fill exactly `size`, e.g. with a child window)
// and the splitter between them. Reports "splitter:workspace" to the layout registry.
void drawWorkspace(PanelState& p, ImVec2 size,
                   const std::function<void(WorkspacePane, ImVec2)>& drawPane);

void drawWorkspaceMenuItems(PanelState& p);
float workspaceToggleWidth();
void drawWorkspaceToggle(PanelState& p, WorkspacePane pane);

} // namespace horizons::ui
