// canvas.hpp — the shared pan/zoom helper for the board and the network map.
//
// Index
//   Vec2f, Rectf ............ small value types (no ImGui types in the pure part)
//   CanvasTransform ......... world <-> screen: screen = origin + offset + world * zoom
//   pure functions .......... zoomAbout, zoomBy, panBy, fitRect, visibleWorld, clampZoom
//   CanvasNav (ImGui) ....... per-view navigation state + handleCanvasNavigation()
//
// Usage in a view (after the canvas InvisibleButton, inside its clip rect):
//     nav.xf.origin = fromIm(canvasMin);                 // canvas top-left, every frame
//     handleCanvasNavigation(nav, canvasMin, canvasSize, ImGui::IsItemHovered(), opts);
//     ImVec2 p = toIm(nav.xf.toScreen({card.x, card.y}));
//     if (nav.rightClicked) ImGui::OpenPopup("ctx");      // a right click that did not pan
//
// The offset is relative to the canvas's top-left corner, so moving or resizing the window
// does not move the content. Zoom is clamped to [minZoom, maxZoom] of the options.
#pragma once

#include <imgui.h>

#include <algorithm>

namespace horizons::ui {

// ------------------------------------------------------------------------------ values

struct Vec2f {
    float x = 0, y = 0;
    friend constexpr Vec2f operator+(Vec2f a, Vec2f b) { return {a.x + b.x, a.y + b.y}; }
    friend constexpr Vec2f operator-(Vec2f a, Vec2f b) { return {a.x - b.x, a.y - b.y}; }
    friend constexpr Vec2f operator*(Vec2f a, float s) { return {a.x * s, a.y * s}; }
    friend constexpr Vec2f operator/(Vec2f a, float s) { return {a.x / s, a.y / s}; }
    friend constexpr bool operator==(Vec2f a, Vec2f b) = default;
};

struct Rectf { // min inclusive, max exclusive; empty when max <= min on either axis
    Vec2f min, max;
    constexpr float width() const { return max.x - min.x; }
    constexpr float height() const { return max.y - min.y; }
    constexpr Vec2f center() const { return {(min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f}; }
    constexpr bool empty() const { return max.x <= min.x || max.y <= min.y; }
    constexpr bool contains(Vec2f p) const {
        return p.x >= min.x && p.x < max.x && p.y >= min.y && p.y < max.y;
    }
    constexpr bool overlaps(const Rectf& o) const {
        return min.x < o.max.x && o.min.x < max.x && min.y < o.max.y && o.min.y < max.y;
    }
    constexpr bool containsRect(const Rectf& o) const {
        return o.min.x >= min.x && o.max.x <= max.x && o.min.y >= min.y && o.max.y <= max.y;
    }
    constexpr Rectf expanded(float by) const {
        return {{min.x - by, min.y - by}, {max.x + by, max.y + by}};
    }
    friend constexpr bool operator==(const Rectf&, const Rectf&) = default;
};
// The rectangle spanned by two corners in any order (e.g. a rubber band).
constexpr Rectf rectFromCorners(Vec2f a, Vec2f b) {
    return {{std::min(a.x, b.x), std::min(a.y, b.y)}, {std::max(a.x, b.x), std::max(a.y, b.y)}};
}
Rectf unite(const Rectf& a, const Rectf& b); // bounding box; an empty operand is ignored

// ----------------------------------------------------------------------------- transform

struct CanvasTransform {
    Vec2f origin;      // screen position of the canvas's top-left corner (set each frame)
    Vec2f offset;      // screen position of world (0,0), relative to origin
    float zoom = 1.0f; // screen pixels per world unit

    constexpr Vec2f toScreen(Vec2f world) const { return origin + offset + world * zoom; }
    constexpr Vec2f toWorld(Vec2f screen) const { return (screen - origin - offset) / zoom; }
    constexpr Rectf toScreenRect(const Rectf& w) const {
        return {toScreen(w.min), toScreen(w.max)};
    }
    constexpr Rectf toWorldRect(const Rectf& s) const { return {toWorld(s.min), toWorld(s.max)}; }
    constexpr float toScreenLength(float worldLength) const { return worldLength * zoom; }
    friend constexpr bool operator==(const CanvasTransform&, const CanvasTransform&) = default;
};

struct ZoomLimits {
    float minZoom = 0.05f;
    float maxZoom = 4.0f;
};

float clampZoom(float zoom, ZoomLimits limits = {}); // NaN/Inf/<=0 -> 1, then clamped
// New zoom, keeping the world point under `screenPoint` where it is.
CanvasTransform zoomAbout(CanvasTransform xf, Vec2f screenPoint, float newZoom,
                          ZoomLimits limits = {});
// Multiplies the zoom by `factor` about `screenPoint` (wheel: factor = step^wheel).
CanvasTransform zoomBy(CanvasTransform xf, Vec2f screenPoint, float factor, ZoomLimits limits = {});
// Moves the content by a screen-space delta (a pan drag of `delta` pixels).
CanvasTransform panBy(CanvasTransform xf, Vec2f screenDelta);
// Zoom and offset that show `world` centred in a viewport of `viewportSize` pixels, with
// `marginPx` free on every side. An empty world rect keeps the zoom and centres its point.
CanvasTransform fitRect(CanvasTransform xf, const Rectf& world, Vec2f viewportSize,
                        float marginPx = 0, ZoomLimits limits = {});
// The world rectangle a viewport of `viewportSize` pixels shows (for culling).
Rectf visibleWorld(const CanvasTransform& xf, Vec2f viewportSize);

// ------------------------------------------------------------------------ ImGui helper

inline ImVec2 toIm(Vec2f v) { return {v.x, v.y}; }
inline Vec2f fromIm(ImVec2 v) { return {v.x, v.y}; }

struct CanvasNavOptions {
    ZoomLimits limits;
    float wheelStep = 1.15f;  // zoom factor per wheel notch
    bool panMiddle = true;    // middle-button drag pans
    bool panRight = true;     // right-button drag pans (a right click without moving does not)
    bool panSpace = true;     // Space + left drag pans
    bool wheelZoom = true;    // wheel zooms about the cursor
    bool keyboardZoom = true; // Ctrl+plus / Ctrl+minus zoom about the canvas centre
    float clickSlopPx = 4.0f; // movement below this is a click, not a pan
};

struct CanvasNav {
    CanvasTransform xf;
    // Transient, per gesture:
    int panButton = -1;   // mouse button of the pan in progress (0 = Space+left), -1 none
    bool panning = false; // moved past the click slop: content follows the mouse
    Vec2f pressPos;       // screen position where the pan button went down
    Vec2f lastPos;        // previous frame's mouse position during a pan
    // Outputs of the last handleCanvasNavigation() call:
    bool rightClicked = false; // right button released without panning: open a context menu
    bool changed = false;      // the transform changed this frame
    bool spaceHeld = false; // Space is down: left drags pan (views must not start their own drags)
};

// Handles pan (middle/right/Space+left drag), wheel zoom about the cursor and Ctrl+plus/minus.
// Call right after the canvas's InvisibleButton; `hovered` is usually IsItemHovered(). Sets
// nav.xf.origin = canvasMin. Returns nav.changed. Pans keep going when the mouse leaves the
// canvas until the button is released.
bool handleCanvasNavigation(CanvasNav& nav, ImVec2 canvasMin, ImVec2 canvasSize, bool hovered,
                            const CanvasNavOptions& opts = {});

} // namespace horizons::ui
