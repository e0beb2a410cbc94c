// screenshot.hpp — offscreen render target and PNG read-back (our own GL via glad).
#pragma once

#include <string>

namespace horizons::app {

// A framebuffer object of a fixed size the frame is rendered into in --screenshot mode,
// so the picture does not depend on the window being visible or on top; also the kept frame
// of partial repaints (frame_cache.hpp).
class OffscreenTarget {
  public:
    OffscreenTarget() = default;
    ~OffscreenTarget();
    OffscreenTarget(const OffscreenTarget&) = delete;
    OffscreenTarget& operator=(const OffscreenTarget&) = delete;

    bool create(int width, int height, std::string* error);           // needs a current GL context
    void bind() const;                                                // render into it
    void unbind() const;                                              // back to the window
    bool writePng(const std::string& path, std::string* error) const; // read back + save

    int width() const { return width_; }
    unsigned framebuffer() const { return fbo_; } // the GL framebuffer object
    int height() const { return height_; }

  private:
    unsigned fbo_ = 0, colour_ = 0;
    int width_ = 0, height_ = 0;
};

} // namespace horizons::app
