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

#include "app/screenshot.hpp"
#include "ui/damage.hpp"

#include <imgui.h>

#include <cstdint>
#include <memory>
#include <vector>

namespace horizons::app {

class FrameCache {
  public:
    FrameCache() = default;
    FrameCache(const FrameCache&) = delete;
    FrameCache& operator=(const FrameCache&) = delete;

    // Paints `dd` into the kept frame (whole, or only `damage`), then copies it to the
    // window's back buffer. False when no framebuffer could be made: the caller then draws
    // to the window directly.
    bool present(ImDrawData& dd, const ui::Damage& damage, ImVec4 clear);

    void release() { // the framebuffers go (while the GL context is still current)
        kept_.reset();
        whole_.reset();
    }

    // Test hook (--damage-check): after each partial repaint, paints the frame whole into a
    // second buffer and compares every pixel.
    void setCheck(bool on) { check_ = on; }
    std::uint64_t partialFrames() const { return partialFrames_; }
    std::uint64_t mismatchedFrames() const { return mismatchedFrames_; }
    double paintedShare() const; // of all frames' pixels, the share repainted

  private:
    void paintWhole(ImDrawData& dd, ImVec4 clear);
    void paintRects(ImDrawData& dd, const ui::Damage& damage, ImVec4 clear);
    bool compareWithWhole(ImDrawData& dd, ImVec4 clear);

    // A target of exactly width x height (made anew when the size changed); null if none.
    static OffscreenTarget* ensure(std::unique_ptr<OffscreenTarget>& t, int width, int height);

    std::unique_ptr<OffscreenTarget> kept_, whole_;
    bool check_ = false;
    std::uint64_t partialFrames_ = 0, mismatchedFrames_ = 0;
    double painted_ = 0, total_ = 0;
};

} // namespace horizons::app
