// layout_registry.hpp — every visible interactive item, by stable id, each frame.
//
// Views report what they drew so automated tests (and `--layout-dump`) can find things:
//     ui::registerItem("goal:" + std::to_string(id.value), "card", title, min, max);
//     ui::registerLastItem("button:add-goal", "button", "Add goal");   // after ImGui::Button
// Rectangles are in ImGui screen coordinates (= window pixel coordinates with the GLFW
// backend), unclipped; items fully outside the current clip rect are left out. With no current
// registry (unit tests that do not care) the calls do nothing.
//
// Board items also say where they stand (registerBoardItem): the goals they represent, the
// specificity their centre stands for, the y of the direction/destination line and the y of
// specificity 0 and 1 (so a test can check that y means specificity).
//
// Id conventions: "goal:<id>" card or chip, "stack:<first goal id>" stack, "person:<id>" person,
// "horizon:<id>" column, "ring:<trust level>" ring (bounding square), "menu:<path>" menu (e.g.
// "menu:file", "menu:file/save"), "button:<name>" button, "panel:<name>" panel.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace horizons::ui {

struct LayoutItem {
    std::string id;    // stable, e.g. "goal:42"
    std::string kind;  // "card", "person", "column", "ring", "menu", "button", "panel", …
    std::string label; // what the user reads
    float x = 0, y = 0, w = 0, h = 0;
    // Board items only (place = true): what the item stands for and the axis it stands on.
    bool place = false;
    std::vector<std::uint64_t> goals; // goal ids (one for a card or chip, all of a stack)
    double specificity = 0;           // the specificity its centre stands for
    float lineY = 0;                  // the direction/destination line
    float y0 = 0, y1 = 0;             // where specificity 0 and 1 sit (centres)
};

struct BoardPlace { // the extra fields of a board item
    std::span<const std::uint64_t> goals;
    double specificity = 0;
    float lineY = 0, y0 = 0, y1 = 0;
};

class LayoutRegistry {
  public:
    void beginFrame() { items_.clear(); }
    void add(std::string_view id, std::string_view kind, std::string_view label, ImVec2 min,
             ImVec2 max, const BoardPlace* place = nullptr);
    const std::vector<LayoutItem>& items() const { return items_; }
    const LayoutItem* find(std::string_view id) const; // nullptr when not drawn this frame

    // One JSON line (no trailing newline):
    // {"frame":N,"t":SECONDS,"items":[{"id":…,"kind":…,"label":…,"x":…,"y":…,"w":…,"h":…}]}
    // Board items add "goals":[ids],"specificity":S,"lineY":Y,"y0":Y,"y1":Y.
    std::string toJsonLine(unsigned long long frame, double seconds) const;

  private:
    std::vector<LayoutItem> items_;
};

std::string jsonEscape(std::string_view s); // JSON string body (no quotes), UTF-8 kept

void setCurrentLayoutRegistry(LayoutRegistry* r); // the app sets one; nullptr disables
LayoutRegistry* currentLayoutRegistry();

// Records a rectangle for the current frame (nothing is recorded when it lies entirely
// outside the current window's clip rect).
void registerItem(std::string_view id, std::string_view kind, std::string_view label, ImVec2 min,
                  ImVec2 max);
// A board card, chip or stack with its place (same clipping rule).
void registerBoardItem(std::string_view id, std::string_view kind, std::string_view label,
                       ImVec2 min, ImVec2 max, const BoardPlace& place);
// Records the last ImGui item (GetItemRectMin/Max), e.g. right after ImGui::Button().
void registerLastItem(std::string_view id, std::string_view kind, std::string_view label);

} // namespace horizons::ui
