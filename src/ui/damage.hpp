// damage.hpp — which parts of the window changed since the last frame, from Dear ImGui's draw
// data alone (no GL), so the shell can repaint just those (src/app/frame_cache.hpp).
//
//   DamageTracker damage;
//   ImGui::Render();
//   Damage d = damage.update(*ImGui::GetDrawData());
//   if (d.full) repaint everything; else for (const ImVec4& r : d.rects) repaint r;
//
// Every triangle of the frame, in draw order, is reduced to a hash of its three vertices
// (position, uv, colour), its texture and its clip rectangle. Compared with the last frame:
// the common head and tail of the two sequences are unchanged; in between, triangles that
// differ (or all of them, when the counts differ) damage their clipped bounding boxes, old
// and new. A pixel outside every damaged box is covered by the same triangles in the same
// order as before, so it is the same pixel. Anything the hashes cannot vouch for gives a full
// repaint: the first frame, a new display size or scale, a texture created, changed or
// destroyed, a draw callback, or more damage than is worth clipping.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <vector>

namespace horizons::ui {

struct Damage {
    bool full = true;
    std::vector<ImVec4> rects; // (x0, y0, x1, y1) in ImGui's coordinates, when not full
    bool none() const { return !full && rects.empty(); }
};

class DamageTracker {
  public:
    static constexpr std::size_t kMaxRects = 8;   // more separate changes: merged further
    static constexpr float kFullAreaShare = 0.5f; // damage over half the window: repaint all

    Damage update(const ImDrawData& drawData);
    void invalidate() { prev_.clear(); } // the next frame is a full repaint

  private:
    struct Tri {
        std::uint64_t hash;
        ImVec4 box; // clipped bounding box
    };
    std::vector<Tri> prev_, cur_;
    ImVec2 displaySize_{0, 0}, displayPos_{0, 0}, scale_{0, 0};
};

} // namespace horizons::ui
