#include "ui/canvas.hpp"

#include <cmath>

namespace horizons::ui {

// ---------------------------------------------------------------------------- pure part

Rectf unite(const Rectf& a, const Rectf& b) {
    if (a.empty()) return b;
    if (b.empty()) return a;
    return {{std::min(a.min.x, b.min.x), std::min(a.min.y, b.min.y)},
            {std::max(a.max.x, b.max.x), std::max(a.max.y, b.max.y)}};
}

float clampZoom(float zoom, ZoomLimits limits) {
    if (!std::isfinite(zoom) || zoom <= 0.0f) zoom = 1.0f;
    const float lo = std::isfinite(limits.minZoom) && limits.minZoom > 0 ? limits.minZoom : 1e-4f;
    const float hi = std::isfinite(limits.maxZoom) && limits.maxZoom >= lo ? limits.maxZoom : lo;
    return std::clamp(zoom, lo, hi);
}

CanvasTransform zoomAbout(CanvasTransform xf, Vec2f screenPoint, float newZoom, ZoomLimits limits) {
    if (!std::isfinite(screenPoint.x) || !std::isfinite(screenPoint.y)) return xf;
    const Vec2f world = xf.toWorld(screenPoint);
    xf.zoom = clampZoom(newZoom, limits);
    // Solve origin + offset + world * zoom == screenPoint for offset.
    xf.offset = screenPoint - xf.origin - world * xf.zoom;
    return xf;
}

CanvasTransform zoomBy(CanvasTransform xf, Vec2f screenPoint, float factor, ZoomLimits limits) {
    if (!std::isfinite(factor) || factor <= 0.0f) return xf;
    return zoomAbout(xf, screenPoint, xf.zoom * factor, limits);
}

CanvasTransform panBy(CanvasTransform xf, Vec2f screenDelta) {
    if (std::isfinite(screenDelta.x) && std::isfinite(screenDelta.y))
        xf.offset = xf.offset + screenDelta;
    return xf;
}

CanvasTransform fitRect(CanvasTransform xf, const Rectf& world, Vec2f viewportSize, float marginPx,
                        ZoomLimits limits) {
    const float availW = std::max(1.0f, viewportSize.x - 2.0f * marginPx);
    const float availH = std::max(1.0f, viewportSize.y - 2.0f * marginPx);
    if (world.width() > 0.0f && world.height() > 0.0f)
        xf.zoom = clampZoom(std::min(availW / world.width(), availH / world.height()), limits);
    else if (world.width() > 0.0f)
        xf.zoom = clampZoom(availW / world.width(), limits);
    else if (world.height() > 0.0f)
        xf.zoom = clampZoom(availH / world.height(), limits);
    else
        xf.zoom = clampZoom(xf.zoom, limits);
    const Vec2f c = world.center();
    xf.offset = viewportSize * 0.5f - c * xf.zoom;
    return xf;
}

Rectf visibleWorld(const CanvasTransform& xf, Vec2f viewportSize) {
    return {xf.toWorld(xf.origin), xf.toWorld(xf.origin + viewportSize)};
}

// -------------------------------------------------------------------------- ImGui helper

namespace {

// Ctrl+plus / Ctrl+minus: '=' and '-' on the main keyboard, + and - on the keypad.
bool zoomKeyPressed(bool in) {
    return in ? (ImGui::IsKeyPressed(ImGuiKey_Equal) || ImGui::IsKeyPressed(ImGuiKey_KeypadAdd))
              : (ImGui::IsKeyPressed(ImGuiKey_Minus) ||
                 ImGui::IsKeyPressed(ImGuiKey_KeypadSubtract));
}

} // namespace

bool handleCanvasNavigation(CanvasNav& nav, ImVec2 canvasMin, ImVec2 canvasSize, bool hovered,
                            const CanvasNavOptions& opts) {
    const ImGuiIO& io = ImGui::GetIO();
    const CanvasTransform before = nav.xf;
    nav.xf.origin = fromIm(canvasMin);
    nav.rightClicked = false;
    const Vec2f mouse = fromIm(io.MousePos);
    const bool mouseValid =
        std::isfinite(mouse.x) && std::isfinite(mouse.y) && ImGui::IsMousePosValid(&io.MousePos);
    nav.spaceHeld = opts.panSpace && !io.WantTextInput && ImGui::IsKeyDown(ImGuiKey_Space);

    // Start a pan gesture.
    if (nav.panButton < 0 && hovered && mouseValid) {
        int button = -1;
        if (opts.panMiddle && ImGui::IsMouseClicked(ImGuiMouseButton_Middle))
            button = ImGuiMouseButton_Middle;
        else if (opts.panRight && ImGui::IsMouseClicked(ImGuiMouseButton_Right))
            button = ImGuiMouseButton_Right;
        else if (nav.spaceHeld && ImGui::IsMouseClicked(ImGuiMouseButton_Left))
            button = ImGuiMouseButton_Left;
        if (button >= 0) {
            nav.panButton = button;
            nav.panning = false;
            nav.pressPos = mouse;
            nav.lastPos = mouse;
        }
    }

    // Continue or end it.
    if (nav.panButton >= 0) {
        if (!ImGui::IsMouseDown(nav.panButton)) {
            if (nav.panButton == ImGuiMouseButton_Right && !nav.panning && hovered)
                nav.rightClicked = true;
            nav.panButton = -1;
            nav.panning = false;
        } else if (mouseValid) {
            const Vec2f fromPress = mouse - nav.pressPos;
            if (!nav.panning && (std::fabs(fromPress.x) >= opts.clickSlopPx ||
                                 std::fabs(fromPress.y) >= opts.clickSlopPx)) {
                nav.panning = true;
                nav.xf = panBy(nav.xf, fromPress); // catch up with the slop
            } else if (nav.panning) {
                nav.xf = panBy(nav.xf, mouse - nav.lastPos);
            }
            nav.lastPos = mouse;
        }
    }

    // Wheel zooms about the cursor.
    if (opts.wheelZoom && hovered && mouseValid && io.MouseWheel != 0.0f)
        nav.xf = zoomBy(nav.xf, mouse, std::pow(opts.wheelStep, io.MouseWheel), opts.limits);

    // Ctrl+plus / Ctrl+minus zoom about the canvas centre.
    if (opts.keyboardZoom && io.KeyCtrl && !io.KeyAlt && !io.WantTextInput &&
        (hovered || ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows))) {
        const Vec2f centre = fromIm(canvasMin) + fromIm(canvasSize) * 0.5f;
        if (zoomKeyPressed(true))
            nav.xf = zoomBy(nav.xf, centre, opts.wheelStep * opts.wheelStep, opts.limits);
        if (zoomKeyPressed(false))
            nav.xf = zoomBy(nav.xf, centre, 1.0f / (opts.wheelStep * opts.wheelStep), opts.limits);
    }

    nav.changed = !(nav.xf.offset == before.offset) || nav.xf.zoom != before.zoom;
    return nav.changed;
}

} // namespace horizons::ui
