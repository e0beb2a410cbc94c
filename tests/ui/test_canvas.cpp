// Pan/zoom helper (src/ui/canvas.hpp): pure transforms, and the ImGui navigation handler
// driven headlessly with synthetic input (one change per frame).
#include "ui/canvas.hpp"

#include "support/headless_textures.hpp"

#include <doctest/doctest.h>
#include <imgui.h>

#include <cmath>
#include <limits>

using namespace horizons::ui;

namespace {

bool near(Vec2f a, Vec2f b, float eps = 1e-3f) {
    return std::fabs(a.x - b.x) <= eps && std::fabs(a.y - b.y) <= eps;
}

} // namespace

TEST_CASE("canvas: world <-> screen round trip") {
    CanvasTransform xf;
    xf.origin = {100, 50};
    xf.offset = {20, -10};
    xf.zoom = 2.5f;
    const Vec2f w{13.25f, -7.5f};
    const Vec2f s = xf.toScreen(w);
    CHECK(near(s, {100 + 20 + 13.25f * 2.5f, 50 - 10 - 7.5f * 2.5f}));
    CHECK(near(xf.toWorld(s), w));
    const Rectf r{{0, 0}, {10, 4}};
    CHECK(near(xf.toWorldRect(xf.toScreenRect(r)).max, r.max));
    CHECK(xf.toScreenLength(4.0f) == doctest::Approx(10.0f));
}

TEST_CASE("canvas: zoom about a point keeps that world point under it") {
    CanvasTransform xf;
    xf.origin = {30, 40};
    xf.offset = {-100, 25};
    xf.zoom = 0.8f;
    const Vec2f cursor{412, 233};
    const Vec2f worldBefore = xf.toWorld(cursor);
    for (float z : {0.1f, 0.5f, 1.0f, 3.0f}) {
        const CanvasTransform z2 = zoomAbout(xf, cursor, z);
        CHECK(z2.zoom == doctest::Approx(z));
        CHECK(near(z2.toWorld(cursor), worldBefore));
    }
    const CanvasTransform in = zoomBy(xf, cursor, 1.15f);
    CHECK(in.zoom == doctest::Approx(0.8f * 1.15f));
    CHECK(near(in.toWorld(cursor), worldBefore));
}

TEST_CASE("canvas: zoom is clamped and rejects junk") {
    CanvasTransform xf;
    const ZoomLimits lim{0.25f, 2.0f};
    CHECK(zoomAbout(xf, {10, 10}, 100.0f, lim).zoom == doctest::Approx(2.0f));
    CHECK(zoomAbout(xf, {10, 10}, 0.001f, lim).zoom == doctest::Approx(0.25f));
    CHECK(clampZoom(std::numeric_limits<float>::quiet_NaN(), lim) == doctest::Approx(1.0f));
    CHECK(clampZoom(-3.0f, lim) == doctest::Approx(1.0f));
    CHECK(zoomBy(xf, {0, 0}, 0.0f, lim) == xf);
    CHECK(zoomBy(xf, {0, 0}, std::numeric_limits<float>::infinity(), lim) == xf);
    // At the limit the point under the cursor still stays put.
    xf.offset = {5, 5};
    const CanvasTransform z = zoomBy(xf, {50, 60}, 1000.0f, lim);
    CHECK(near(z.toWorld({50, 60}), xf.toWorld({50, 60})));
}

TEST_CASE("canvas: pan moves content by the screen delta") {
    CanvasTransform xf;
    xf.zoom = 3.0f;
    const Vec2f w{7, 9};
    const Vec2f before = xf.toScreen(w);
    const CanvasTransform p = panBy(xf, {12, -4});
    CHECK(near(p.toScreen(w), before + Vec2f{12, -4}));
    CHECK(panBy(xf, {std::numeric_limits<float>::quiet_NaN(), 0}) == xf);
}

TEST_CASE("canvas: fit shows the whole rect centred with the margin") {
    CanvasTransform xf;
    xf.origin = {200, 100};
    const Rectf world{{-50, 0}, {350, 100}}; // 400 x 100
    const Vec2f viewport{800, 600};
    const CanvasTransform f = fitRect(xf, world, viewport, 20.0f, {0.01f, 10.0f});
    CHECK(f.zoom == doctest::Approx(760.0f / 400.0f));
    const Rectf s = f.toScreenRect(world);
    CHECK(s.min.x == doctest::Approx(200 + 20.0f));
    CHECK(s.max.x == doctest::Approx(200 + 780.0f));
    CHECK(s.center().y == doctest::Approx(100 + 300.0f));
    // The visible world rect contains the fitted rect.
    CHECK(visibleWorld(f, viewport).containsRect(world));
    // Zoom limit wins over a perfect fit.
    const CanvasTransform capped = fitRect(xf, {{0, 0}, {1, 1}}, viewport, 0, {0.1f, 2.0f});
    CHECK(capped.zoom == doctest::Approx(2.0f));
    CHECK(near(capped.toScreen({0.5f, 0.5f}), xf.origin + viewport * 0.5f));
    // Empty rect: centre on its point, keep the zoom.
    xf.zoom = 1.5f;
    const CanvasTransform pt = fitRect(xf, {{10, 10}, {10, 10}}, viewport);
    CHECK(pt.zoom == doctest::Approx(1.5f));
    CHECK(near(pt.toScreen({10, 10}), xf.origin + viewport * 0.5f));
}

TEST_CASE("canvas: visible world rect") {
    CanvasTransform xf;
    xf.origin = {10, 20};
    xf.offset = {100, 50};
    xf.zoom = 2.0f;
    const Rectf v = visibleWorld(xf, {400, 300});
    CHECK(near(v.min, {-50, -25}));
    CHECK(near(v.max, {150, 125}));
}

TEST_CASE("canvas: rect helpers") {
    const Rectf band = rectFromCorners({10, 40}, {-5, 2});
    CHECK(band.min == Vec2f{-5, 2});
    CHECK(band.max == Vec2f{10, 40});
    CHECK(band.contains({0, 10}));
    CHECK_FALSE(band.contains({10, 10})); // max is exclusive
    CHECK(band.overlaps({{9, 39}, {20, 50}}));
    CHECK_FALSE(band.overlaps({{10, 0}, {20, 50}}));
    const Rectf u = unite(band, {{20, 0}, {30, 1}});
    CHECK(u.min == Vec2f{-5, 0});
    CHECK(u.max == Vec2f{30, 40});
    CHECK(unite(Rectf{}, band) == band);
    CHECK(unite(band, Rectf{}) == band);
}

// ------------------------------------------------------------------ headless navigation

namespace {

struct NavHarness {
    ImGuiContext* ctx = nullptr;
    CanvasNav nav;
    CanvasNavOptions opts;
    bool hovered = false;
    ImVec2 canvasMin{0, 0};
    ImVec2 canvasSize{0, 0};

    NavHarness() {
        ctx = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = {800, 600};
        io.DeltaTime = 1.0f / 60.0f;
        io.IniFilename = nullptr;
        io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures;
        io.MousePos = {400, 300};
        frame();
    }
    ~NavHarness() { ImGui::DestroyContext(ctx); }

    void frame() {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos({0, 0});
        ImGui::SetNextWindowSize({800, 600});
        ImGui::Begin("canvas", nullptr, ImGuiWindowFlags_NoDecoration);
        canvasMin = ImGui::GetCursorScreenPos();
        canvasSize = ImGui::GetContentRegionAvail();
        ImGui::InvisibleButton("c", canvasSize,
                               ImGuiButtonFlags_MouseButtonLeft |
                                   ImGuiButtonFlags_MouseButtonRight |
                                   ImGuiButtonFlags_MouseButtonMiddle);
        hovered = ImGui::IsItemHovered();
        handleCanvasNavigation(nav, canvasMin, canvasSize, hovered, opts);
        ImGui::End();
        ImGui::Render();
        horizons::test::acknowledgeTextureRequests();
    }
    void mouse(float x, float y) { ImGui::GetIO().MousePos = {x, y}, frame(); }
    void button(int b, bool down) { ImGui::GetIO().MouseDown[b] = down, frame(); }
    void wheel(float w) {
        ImGui::GetIO().MouseWheel = w;
        frame();
        ImGui::GetIO().MouseWheel = 0;
    }
};

} // namespace

TEST_CASE("canvas nav: wheel zooms about the cursor") {
    NavHarness h;
    h.mouse(300, 200);
    const Vec2f worldBefore = h.nav.xf.toWorld({300, 200});
    h.wheel(2.0f);
    CHECK(h.nav.changed);
    CHECK(h.nav.xf.zoom == doctest::Approx(1.15f * 1.15f));
    CHECK(near(h.nav.xf.toWorld({300, 200}), worldBefore));
    h.wheel(-1.0f);
    CHECK(h.nav.xf.zoom == doctest::Approx(1.15f));
    CHECK(near(h.nav.xf.toWorld({300, 200}), worldBefore));
}

TEST_CASE("canvas nav: middle drag pans, right drag pans, right click does not") {
    NavHarness h;
    h.mouse(200, 200);
    const Vec2f w = h.nav.xf.toWorld({200, 200});
    h.button(ImGuiMouseButton_Middle, true);
    h.mouse(230, 210);
    h.mouse(260, 250);
    CHECK(h.nav.panning);
    h.button(ImGuiMouseButton_Middle, false);
    CHECK_FALSE(h.nav.panning);
    CHECK(near(h.nav.xf.toScreen(w), {260, 250}));

    // Right drag pans too and is not a click.
    h.button(ImGuiMouseButton_Right, true);
    h.mouse(300, 300);
    h.button(ImGuiMouseButton_Right, false);
    CHECK_FALSE(h.nav.rightClicked);
    CHECK(near(h.nav.xf.toScreen(w), {300, 300}));

    // A right click without movement is reported for a context menu, and does not pan.
    const CanvasTransform before = h.nav.xf;
    h.button(ImGuiMouseButton_Right, true);
    h.mouse(301, 301); // within the click slop
    h.button(ImGuiMouseButton_Right, false);
    CHECK(h.nav.rightClicked);
    CHECK(h.nav.xf.offset == before.offset);
    h.frame();
    CHECK_FALSE(h.nav.rightClicked); // one frame only
}

TEST_CASE("canvas nav: left drag does not pan without Space") {
    NavHarness h;
    h.mouse(100, 100);
    const CanvasTransform before = h.nav.xf;
    h.button(ImGuiMouseButton_Left, true);
    h.mouse(200, 200);
    h.button(ImGuiMouseButton_Left, false);
    CHECK(h.nav.xf == before);
}
