#include "app/screenshot.hpp"

#include "app/png_writer.hpp"
#include "store/atomic_file.hpp"

#include <glad/gl.h>

#include <cstring>
#include <vector>

namespace horizons::app {

OffscreenTarget::~OffscreenTarget() {
    if (fbo_) glDeleteFramebuffers(1, &fbo_);
    if (colour_) glDeleteRenderbuffers(1, &colour_);
}

bool OffscreenTarget::create(int width, int height, std::string* error) {
    width_ = width;
    height_ = height;
    glGenFramebuffers(1, &fbo_);
    glGenRenderbuffers(1, &colour_);
    glBindRenderbuffer(GL_RENDERBUFFER, colour_);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour_);
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (status != GL_FRAMEBUFFER_COMPLETE) {
        if (error)
            *error = "offscreen framebuffer incomplete (status " + std::to_string(status) + ")";
        return false;
    }
    return true;
}

void OffscreenTarget::bind() const { glBindFramebuffer(GL_FRAMEBUFFER, fbo_); }
void OffscreenTarget::unbind() const { glBindFramebuffer(GL_FRAMEBUFFER, 0); }

bool OffscreenTarget::writePng(const std::string& path, std::string* error) const {
    const std::size_t stride = static_cast<std::size_t>(width_) * 4;
    std::vector<unsigned char> pixels(stride * static_cast<std::size_t>(height_));
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    if (const GLenum e = glGetError(); e != GL_NO_ERROR) {
        if (error) *error = "glReadPixels failed (GL error " + std::to_string(e) + ")";
        return false;
    }
    // GL's origin is bottom-left; PNG rows go top-down. The picture is opaque: RGB.
    std::vector<unsigned char> rgb(static_cast<std::size_t>(width_) * 3 * height_);
    for (int y = 0; y < height_; ++y) {
        const unsigned char* from =
            pixels.data() + static_cast<std::size_t>(height_ - 1 - y) * stride;
        unsigned char* to = rgb.data() + static_cast<std::size_t>(y) * width_ * 3;
        for (int x = 0; x < width_; ++x) {
            to[3 * x] = from[4 * x];
            to[3 * x + 1] = from[4 * x + 1];
            to[3 * x + 2] = from[4 * x + 2];
        }
    }
    const std::string png = encodePng(rgb.data(), width_, height_);
    if (png.empty()) {
        if (error) *error = "cannot encode the PNG";
        return false;
    }
    const store::WriteResult w = store::writeFileAtomically(path, png, false);
    if (!w) {
        if (error) *error = "cannot write " + path + ": " + w.error;
        return false;
    }
    return true;
}

} // namespace horizons::app
