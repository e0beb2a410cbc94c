#include "ui/workspace_view.hpp"
#include "ui/widgets.hpp"

#include "ui/layout_registry.hpp"

#include <algorithm>
#include <cmath>

namespace horizons::ui {

namespace {} // namespace

WorkspaceMode workspaceMode(const PanelState& p) {
    if (p.networkMap && !p.board) return WorkspaceMode::MapOnly;
    if (p.networkMap && p.board) return WorkspaceMode::Split;
    return WorkspaceMode::BoardOnly;
}

void setWorkspaceMode(PanelState& p, WorkspaceMode m) {
    p.board = m != WorkspaceMode::MapOnly;
    p.networkMap = m != WorkspaceMode::BoardOnly;
}

const char* workspaceModeName(WorkspaceMode m) {
    switch (m) {
    case WorkspaceMode::Split: return "split";
    case WorkspaceMode::BoardOnly: return "board";
    case WorkspaceMode::MapOnly: return "map";
    }
    return "split";
}

SplitSizes splitSizes(float total, float mapFraction, float splitterWidth, float minPane,
                      WorkspaceMode mode) {
    total = std::max(0.0f, total);
    if (mode == WorkspaceMode::BoardOnly) return {total, 0, 0};
    if (mode == WorkspaceMode::MapOnly) return {0, 0, total};
    if (!std::isfinite(mapFraction)) mapFraction = kDefaultMapFraction;
    mapFraction = std::clamp(mapFraction, kMinMapFraction, kMaxMapFraction);
    splitterWidth = std::min(splitterWidth, total);
    const float panes = total - splitterWidth;
    float map = std::round(panes * mapFraction);
    if (panes >= 2 * minPane) map = std::clamp(map, minPane, panes - minPane);
    return {panes - map, splitterWidth, map};
}

float mapFractionFor(float total, float splitterWidth, float boardWidth) {
    const float panes = total - splitterWidth;
    if (!(panes > 0) || !std::isfinite(boardWidth)) return kDefaultMapFraction;
    return std::clamp(1.0f - boardWidth / panes, kMinMapFraction, kMaxMapFraction);
}

void drawWorkspace(PanelState& p, ImVec2 size,
                   const std::function<void(WorkspacePane, ImVec2)>& drawPane) {
    const WorkspaceMode mode = workspaceMode(p);
    const float splitterW = 0.5f * em();
    const SplitSizes s = splitSizes(size.x, p.mapFraction, splitterW, 12 * em(), mode);
    ImGui::PushID("workspace");
    if (mode == WorkspaceMode::BoardOnly) {
        drawPane(WorkspacePane::Board, size);
    } else if (mode == WorkspaceMode::MapOnly) {
        drawPane(WorkspacePane::Map, size);
    } else {
        drawPane(WorkspacePane::Board, ImVec2(s.board, size.y));
        ImGui::SameLine(0, 0);
        ImGui::InvisibleButton("##splitter", ImVec2(s.splitter, size.y));
        registerLastItem("splitter:workspace", "splitter", "Board | map");
        const bool active = ImGui::IsItemActive();
        const bool hovered = ImGui::IsItemHovered();
        if (hovered || active) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
        if (active && ImGui::GetIO().MouseDelta.x != 0.0f)
            p.mapFraction =
                mapFractionFor(size.x, s.splitter, s.board + ImGui::GetIO().MouseDelta.x);
        if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left))
            p.mapFraction = kDefaultMapFraction;
        if (hovered && !active)
            ImGui::SetItemTooltip("%s", "Drag to resize; double-click to reset");
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        const float cx = std::round((a.x + b.x) * 0.5f);
        ImGui::GetWindowDrawList()->AddLine(ImVec2(cx, a.y + em()), ImVec2(cx, b.y - em()),
                                            ImGui::GetColorU32(active    ? ImGuiCol_SeparatorActive
                                                               : hovered ? ImGuiCol_SeparatorHovered
                                                                         : ImGuiCol_Separator),
                                            active || hovered ? 2.0f : 1.0f);
        ImGui::SameLine(0, 0);
        drawPane(WorkspacePane::Map, ImVec2(s.map, size.y));
    }
    ImGui::PopID();
}

void drawWorkspaceMenuItems(PanelState& p) {
    const WorkspaceMode mode = workspaceMode(p);
    // "Network map": the map beside the board (unchecked = the board alone).
    if (ImGui::MenuItem("Network map", nullptr, mode != WorkspaceMode::BoardOnly))
        setWorkspaceMode(p, mode == WorkspaceMode::BoardOnly ? WorkspaceMode::Split
                                                             : WorkspaceMode::BoardOnly);
    registerLastItem("menu:view/map", "menu", "Network map");
    // "Maximise network map": the map alone (unchecked = back to the split).
    if (ImGui::MenuItem("Maximise network map", nullptr, mode == WorkspaceMode::MapOnly))
        setWorkspaceMode(p, mode == WorkspaceMode::MapOnly ? WorkspaceMode::Split
                                                           : WorkspaceMode::MapOnly);
    registerLastItem("menu:view/map-only", "menu", "Maximise network map");
}

namespace {
const char* toggleLabel(const PanelState& p) {
    return workspaceMode(p) == WorkspaceMode::Split ? "Maximise" : "Split view";
}
} // namespace

float workspaceToggleWidth() {
    return std::max(ImGui::CalcTextSize("Maximise").x, ImGui::CalcTextSize("Split view").x) +
           ImGui::GetStyle().FramePadding.x * 2;
}

void drawWorkspaceToggle(PanelState& p, WorkspacePane pane) {
    const bool split = workspaceMode(p) == WorkspaceMode::Split;
    ImGui::PushID(pane == WorkspacePane::Map ? "toggle-map" : "toggle-board");
    if (ImGui::Button(toggleLabel(p), ImVec2(workspaceToggleWidth(), 0)))
        setWorkspaceMode(p, split ? (pane == WorkspacePane::Map ? WorkspaceMode::MapOnly
                                                                : WorkspaceMode::BoardOnly)
                                  : WorkspaceMode::Split);
    registerLastItem(pane == WorkspacePane::Map ? "button:map-maximise" : "button:board-maximise",
                     "button", toggleLabel(p));
    ImGui::SetItemTooltip("%s", split
                                    ? "Show only this view (View menu: Board and map to come back)"
                                    : "Show the board and the map side by side");
    ImGui::PopID();
}

} // namespace horizons::ui
