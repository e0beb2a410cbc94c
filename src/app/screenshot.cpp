#include "app/screenshot.hpp"

#include <glad/gl.h>

#ifdef HORIZONS_STB_IMPLEMENTATION // header-only stb (vcpkg); Debian's libstb has it built
#define STB_IMAGE_WRITE_IMPLEMENTATION
#endif
#include <stb_image_write.h>

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
    // GL's origin is bottom-left; PNG rows go top-down. Force opaque alpha.
    std::vector<unsigned char> row(stride);
    for (int y = 0; y < height_ / 2; ++y) {
        unsigned char* a = pixels.data() + static_cast<std::size_t>(y) * stride;
        unsigned char* b = pixels.data() + static_cast<std::size_t>(height_ - 1 - y) * stride;
        std::memcpy(row.data(), a, stride);
        std::memcpy(a, b, stride);
        std::memcpy(b, row.data(), stride);
    }
    for (std::size_t i = 3; i < pixels.size(); i += 4)
        pixels[i] = 255;
    if (!stbi_write_png(path.c_str(), width_, height_, 4, pixels.data(),
                        static_cast<int>(stride))) {
        if (error) *error = "cannot write " + path;
        return false;
    }
    return true;
}

} // namespace horizons::app
