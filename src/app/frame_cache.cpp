// frame_cache.cpp — see frame_cache.hpp.
#include "app/frame_cache.hpp"

#include <glad/gl.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace horizons::app {

namespace {

struct PixelRect { // GL framebuffer pixels, origin bottom-left, [x0, x1) x [y0, y1)
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool empty() const { return x1 <= x0 || y1 <= y0; }
};

PixelRect intersect(const PixelRect& a, const PixelRect& b) {
    return {std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
}

int fbHeight(const ImDrawData& dd) {
    return static_cast<int>(dd.DisplaySize.y * dd.FramebufferScale.y);
}
int fbWidth(const ImDrawData& dd) {
    return static_cast<int>(dd.DisplaySize.x * dd.FramebufferScale.x);
}

// The pixels the OpenGL backend's scissor covers for a clip rectangle (its formula exactly).
PixelRect scissorOf(const ImVec4& clip, const ImDrawData& dd) {
    const ImVec2 off = dd.DisplayPos, s = dd.FramebufferScale;
    const ImVec2 mn((clip.x - off.x) * s.x, (clip.y - off.y) * s.y);
    const ImVec2 mx((clip.z - off.x) * s.x, (clip.w - off.y) * s.y);
    if (mx.x <= mn.x || mx.y <= mn.y) return {};
    PixelRect r;
    r.x0 = static_cast<int>(mn.x);
    r.y0 = static_cast<int>(static_cast<float>(fbHeight(dd)) - mx.y);
    r.x1 = r.x0 + static_cast<int>(mx.x - mn.x);
    r.y1 = r.y0 + static_cast<int>(mx.y - mn.y);
    return r;
}

// The clip rectangle whose scissor is exactly `p` (exact for scales 1 and 2).
ImVec4 clipFor(const PixelRect& p, const ImDrawData& dd) {
    const ImVec2 off = dd.DisplayPos, s = dd.FramebufferScale;
    const float h = static_cast<float>(fbHeight(dd));
    return {static_cast<float>(p.x0) / s.x + off.x, (h - static_cast<float>(p.y1)) / s.y + off.y,
            static_cast<float>(p.x1) / s.x + off.x, (h - static_cast<float>(p.y0)) / s.y + off.y};
}

// A damaged rectangle (ImGui coordinates) as whole pixels, grown outwards.
PixelRect pixelsOf(const ImVec4& r, const ImDrawData& dd) {
    const ImVec2 off = dd.DisplayPos, s = dd.FramebufferScale;
    const int h = fbHeight(dd);
    PixelRect p;
    p.x0 = static_cast<int>(std::floor((r.x - off.x) * s.x));
    p.x1 = static_cast<int>(std::ceil((r.z - off.x) * s.x));
    p.y0 = h - static_cast<int>(std::ceil((r.w - off.y) * s.y));
    p.y1 = h - static_cast<int>(std::floor((r.y - off.y) * s.y));
    return intersect(p, {0, 0, fbWidth(dd), h});
}

bool exactScale(const ImDrawData& dd) {
    const auto ok = [](float v) { return v == 1.0f || v == 2.0f; };
    return ok(dd.FramebufferScale.x) && ok(dd.FramebufferScale.y) &&
           dd.DisplayPos.x == std::floor(dd.DisplayPos.x) &&
           dd.DisplayPos.y == std::floor(dd.DisplayPos.y);
}

void clearAll(ImVec4 c) {
    glDisable(GL_SCISSOR_TEST);
    glClearColor(c.x, c.y, c.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
}

std::vector<unsigned char> readPixels(int w, int h) {
    std::vector<unsigned char> px(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
    return px;
}

} // namespace

OffscreenTarget* FrameCache::ensure(std::unique_ptr<OffscreenTarget>& t, int width, int height) {
    if (t && t->width() == width && t->height() == height) return t.get();
    t = std::make_unique<OffscreenTarget>();
    if (!t->create(width, height, nullptr)) t.reset();
    return t.get();
}

void FrameCache::paintWhole(ImDrawData& dd, ImVec4 clear) {
    clearAll(clear);
    ImGui_ImplOpenGL3_RenderDrawData(&dd);
}

void FrameCache::paintRects(ImDrawData& dd, const ui::Damage& damage, ImVec4 clear) {
    std::vector<ImVec4> saved;
    for (const ImDrawList* list : dd.CmdLists)
        for (const ImDrawCmd& cmd : list->CmdBuffer)
            saved.push_back(cmd.ClipRect);
    for (const ImVec4& r : damage.rects) {
        const PixelRect area = pixelsOf(r, dd);
        if (area.empty()) continue;
        glEnable(GL_SCISSOR_TEST);
        glScissor(area.x0, area.y0, area.x1 - area.x0, area.y1 - area.y0);
        glClearColor(clear.x, clear.y, clear.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        std::size_t i = 0;
        for (ImDrawList* list : dd.CmdLists)
            for (ImDrawCmd& cmd : list->CmdBuffer) {
                const PixelRect cut = intersect(scissorOf(saved[i++], dd), area);
                cmd.ClipRect = cut.empty() ? ImVec4(0, 0, 0, 0) : clipFor(cut, dd);
            }
        ImGui_ImplOpenGL3_RenderDrawData(&dd);
        painted_ += static_cast<double>(area.x1 - area.x0) * (area.y1 - area.y0);
    }
    std::size_t i = 0;
    for (ImDrawList* list : dd.CmdLists)
        for (ImDrawCmd& cmd : list->CmdBuffer)
            cmd.ClipRect = saved[i++];
    glDisable(GL_SCISSOR_TEST);
}

bool FrameCache::compareWithWhole(ImDrawData& dd, ImVec4 clear) {
    const int w = kept_->width(), h = kept_->height();
    OffscreenTarget* whole = ensure(whole_, w, h);
    if (!whole) return true;
    const std::vector<unsigned char> partial = readPixels(w, h); // kept_ is bound
    whole->bind();
    paintWhole(dd, clear);
    const std::vector<unsigned char> full = readPixels(w, h);
    kept_->bind();
    std::size_t differ = 0;
    for (std::size_t p = 0; p + 3 < full.size(); p += 4)
        differ += (partial[p] != full[p] || partial[p + 1] != full[p + 1] ||
                   partial[p + 2] != full[p + 2])
                      ? 1
                      : 0;
    if (differ)
        std::fprintf(stderr, "horizons: damage check: %zu pixels of a partial repaint differ\n",
                     differ);
    return differ == 0;
}

bool FrameCache::present(ImDrawData& dd, const ui::Damage& damage, ImVec4 clear) {
    const int w = fbWidth(dd), h = fbHeight(dd);
    if (w <= 0 || h <= 0) return true;
    const bool fresh = !kept_ || kept_->width() != w || kept_->height() != h;
    OffscreenTarget* kept = ensure(kept_, w, h);
    if (!kept) return false;
    kept->bind();
    glViewport(0, 0, w, h);
    const bool partial = !damage.full && !fresh && exactScale(dd);
    total_ += static_cast<double>(w) * h;
    if (partial) {
        paintRects(dd, damage, clear);
        ++partialFrames_;
        if (check_ && !compareWithWhole(dd, clear)) ++mismatchedFrames_;
    } else {
        paintWhole(dd, clear);
        painted_ += static_cast<double>(w) * h;
    }
    glBindFramebuffer(GL_READ_FRAMEBUFFER, kept->framebuffer());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    glBlitFramebuffer(0, 0, w, h, 0, 0, w, h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return true;
}

double FrameCache::paintedShare() const { return total_ > 0 ? painted_ / total_ : 1.0; }

} // namespace horizons::app
