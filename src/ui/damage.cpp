// damage.cpp — see damage.hpp.
#include "ui/damage.hpp"

#include <algorithm>
#include <cstring>

namespace horizons::ui {

namespace {

std::uint64_t mixWord(std::uint64_t h, std::uint64_t w) {
    h ^= w + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    return h * 0xff51afd7ed558ccdull;
}

// Word at a time: this runs over every vertex of every frame.
std::uint64_t mix(std::uint64_t h, const void* data, std::size_t n) {
    const auto* p = static_cast<const unsigned char*>(data);
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        std::uint64_t w;
        std::memcpy(&w, p + i, 8);
        h = mixWord(h, w);
    }
    if (i < n) {
        std::uint64_t w = 0;
        std::memcpy(&w, p + i, n - i);
        h = mixWord(h, w);
    }
    return h;
}

ImVec4 unite(const ImVec4& a, const ImVec4& b) {
    return {std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.z, b.z), std::max(a.w, b.w)};
}

float area(const ImVec4& r) { return std::max(0.0f, r.z - r.x) * std::max(0.0f, r.w - r.y); }

bool touches(const ImVec4& a, const ImVec4& b, float gap) {
    return a.x <= b.z + gap && b.x <= a.z + gap && a.y <= b.w + gap && b.y <= a.w + gap;
}

// Whether a texture was made, changed or dropped this frame: pixels the hashes cannot see.
bool texturesChanged(const ImDrawData& dd) {
    if (!dd.Textures) return false;
    for (const ImTextureData* t : *dd.Textures)
        if (t->Status != ImTextureStatus_OK) return true;
    return false;
}

// Adds `r` to the damage, joining rectangles that touch; past kMaxRects the two closest
// (smallest union) are merged.
void addRect(std::vector<ImVec4>& rects, ImVec4 r) {
    for (std::size_t i = 0; i < rects.size();) {
        if (touches(rects[i], r, 2.0f)) {
            r = unite(rects[i], r);
            rects.erase(rects.begin() + static_cast<std::ptrdiff_t>(i));
            i = 0;
        } else {
            ++i;
        }
    }
    rects.push_back(r);
    while (rects.size() > DamageTracker::kMaxRects) {
        std::size_t bi = 0, bj = 1;
        float best = -1;
        for (std::size_t i = 0; i < rects.size(); ++i)
            for (std::size_t j = i + 1; j < rects.size(); ++j) {
                const float grow =
                    area(unite(rects[i], rects[j])) - area(rects[i]) - area(rects[j]);
                if (best < 0 || grow < best) {
                    best = grow;
                    bi = i;
                    bj = j;
                }
            }
        rects[bi] = unite(rects[bi], rects[bj]);
        rects.erase(rects.begin() + static_cast<std::ptrdiff_t>(bj));
    }
}

} // namespace

Damage DamageTracker::update(const ImDrawData& dd) {
    Damage out;
    cur_.clear();
    bool callbacks = false;
    for (const ImDrawList* list : dd.CmdLists) {
        const ImDrawVert* vtx = list->VtxBuffer.Data;
        const ImDrawIdx* idx = list->IdxBuffer.Data;
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {
                callbacks = true;
                continue;
            }
            // The texture by reference: it may not be uploaded yet (then it is new: full).
            const ImTextureData* texData = cmd.TexRef._TexData;
            const ImTextureID texId = cmd.TexRef._TexID;
            std::uint64_t base = mix(0xcbf29ce484222325ull, &texData, sizeof texData);
            base = mix(base, &texId, sizeof texId);
            base = mix(base, &cmd.ClipRect, sizeof cmd.ClipRect);
            const ImVec4& clip = cmd.ClipRect;
            for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
                std::uint64_t h = base;
                ImVec4 box{1e30f, 1e30f, -1e30f, -1e30f};
                for (unsigned k = 0; k < 3; ++k) {
                    const ImDrawVert& v = vtx[cmd.VtxOffset + idx[cmd.IdxOffset + i + k]];
                    h = mix(h, &v, sizeof v);
                    box = unite(box, ImVec4(v.pos.x, v.pos.y, v.pos.x, v.pos.y));
                }
                // Pixels a triangle can touch: its box widened a pixel (antialiased edges,
                // rounding), within its clip rectangle.
                box = ImVec4(std::max(box.x - 1, clip.x), std::max(box.y - 1, clip.y),
                             std::min(box.z + 1, clip.z), std::min(box.w + 1, clip.w));
                cur_.push_back({h, box});
            }
        }
    }

    const bool sameDisplay = dd.DisplaySize.x == displaySize_.x &&
                             dd.DisplaySize.y == displaySize_.y &&
                             dd.DisplayPos.x == displayPos_.x && dd.DisplayPos.y == displayPos_.y &&
                             dd.FramebufferScale.x == scale_.x && dd.FramebufferScale.y == scale_.y;
    displaySize_ = dd.DisplaySize;
    displayPos_ = dd.DisplayPos;
    scale_ = dd.FramebufferScale;
    const bool trusted = sameDisplay && !prev_.empty() && !callbacks && !texturesChanged(dd);
    std::swap(prev_, cur_);
    if (!trusted) return out;           // full; prev_ now holds this frame
    const std::vector<Tri>& was = cur_; // (swapped: cur_ is the last frame now)
    const std::vector<Tri>& now = prev_;

    std::size_t head = 0;
    while (head < was.size() && head < now.size() && was[head].hash == now[head].hash)
        ++head;
    std::size_t tail = 0;
    while (tail < was.size() - head && tail < now.size() - head &&
           was[was.size() - 1 - tail].hash == now[now.size() - 1 - tail].hash)
        ++tail;
    const auto damageOf = [&](const Tri& t) {
        if (t.box.z > t.box.x && t.box.w > t.box.y) addRect(out.rects, t.box);
    };
    if (was.size() == now.size()) { // the same count: only the triangles that differ
        for (std::size_t i = head; i < now.size() - tail; ++i)
            if (was[i].hash != now[i].hash) {
                damageOf(was[i]);
                damageOf(now[i]);
            }
    } else {
        for (std::size_t i = head; i < was.size() - tail; ++i)
            damageOf(was[i]);
        for (std::size_t i = head; i < now.size() - tail; ++i)
            damageOf(now[i]);
    }
    float damaged = 0;
    for (const ImVec4& r : out.rects)
        damaged += area(r);
    if (damaged > kFullAreaShare * dd.DisplaySize.x * dd.DisplaySize.y) {
        out.rects.clear();
        return out; // full
    }
    out.full = false;
    return out;
}

} // namespace horizons::ui
