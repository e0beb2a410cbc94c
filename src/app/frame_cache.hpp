// frame_cache.hpp — the last frame kept in a framebuffer object of our own, so a frame in
// which little changed repaints only that (ui::Damage, src/ui/damage.hpp) and is then copied
// to the window whole. The window's own back buffer cannot be kept: what it holds after a
// swap is undefined (no buffer-age extension on Xvfb or llvmpipe).
//
//   FrameCache cache;
//   ImGui::Render();
//   cache.present(*ImGui::GetDrawData(), damage.update(*ImGui::GetDrawData()), clearColour);
//   glfwSwapBuffers(window);
//
// A partial repaint clears each damaged rectangle and draws the whole frame clipped to it:
// every draw command's clip rectangle is cut, in whole pixels exactly as the OpenGL backend
// turns it into a scissor, to the rectangle. It is used only where that is exact: a
// framebuffer scale of 1 or 2 and a whole-pixel display origin; otherwise the frame is
// repainted whole.
#pragma once

#include "ui/damage.hpp"

#include <imgui.h>

#include <cstdint>
#include <vector>

namespace horizons::app {

class FrameCache {
  public:
    FrameCache() = default;
    ~FrameCache();
    FrameCache(const FrameCache&) = delete;
    FrameCache& operator=(const FrameCache&) = delete;

    // Paints `dd` into the kept frame (whole, or only `damage`), then copies it to the
    // window's back buffer. False when no framebuffer could be made: the caller then draws
    // to the window directly.
    bool present(ImDrawData& dd, const ui::Damage& damage, ImVec4 clear);

    // Test hook (--damage-check): after each partial repaint, paints the frame whole into a
    // second buffer and compares every pixel.
    void setCheck(bool on) { check_ = on; }
    std::uint64_t partialFrames() const { return partialFrames_; }
    std::uint64_t mismatchedFrames() const { return mismatchedFrames_; }
    double paintedShare() const; // of all frames' pixels, the share repainted

  private:
    struct Target {
        unsigned fbo = 0, colour = 0;
        int w = 0, h = 0;
        bool ensure(int width, int height);
        void release();
    };
    void paintWhole(ImDrawData& dd, ImVec4 clear);
    void paintRects(ImDrawData& dd, const ui::Damage& damage, ImVec4 clear);
    bool compareWithWhole(ImDrawData& dd, ImVec4 clear);

    Target kept_, whole_;
    bool check_ = false;
    std::uint64_t partialFrames_ = 0, mismatchedFrames_ = 0;
    double painted_ = 0, total_ = 0;
};

} // namespace horizons::app
