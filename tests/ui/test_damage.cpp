// What changed since the last frame (ui::DamageTracker), from real Dear ImGui frames.
#include "support/imgui_fixture.hpp"
#include "ui/damage.hpp"

#include <doctest/doctest.h>

#include <imgui.h>

using horizons::test::ImGuiFixture;
using horizons::ui::Damage;
using horizons::ui::DamageTracker;

namespace {

// One window with a few widgets; `marker` draws a small square at (x, y) when set.
struct Scene {
    ImGuiFixture fx;
    DamageTracker tracker;
    bool marker = false;
    float markerX = 400, markerY = 300;
    Scene() {
        fx.setDraw([this] {
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(ImVec2(1600, 1000));
            ImGui::Begin("scene", nullptr, ImGuiWindowFlags_NoDecoration);
            ImGui::TextUnformatted("A board of goals");
            ImGui::Button("Add goal");
            if (marker)
                ImGui::GetWindowDrawList()->AddRectFilled(
                    ImVec2(markerX, markerY), ImVec2(markerX + 10, markerY + 20), 0xffffffff);
            ImGui::End();
        });
    }
    Damage frame() {
        fx.step();
        return tracker.update(*ImGui::GetDrawData());
    }
};

} // namespace

TEST_CASE("damage: the first frame is repainted whole; an unchanged frame needs nothing") {
    Scene s;
    CHECK(s.frame().full);
    const Damage again = s.frame();
    CHECK_FALSE(again.full);
    CHECK(again.none());
}

TEST_CASE("damage: a caret-sized change damages only its own few pixels") {
    Scene s;
    s.frame();
    s.frame();
    s.marker = true;
    const Damage shown = s.frame();
    REQUIRE_FALSE(shown.full);
    REQUIRE(shown.rects.size() == 1);
    const ImVec4 r = shown.rects.front();
    CHECK(r.x <= 400);
    CHECK(r.y <= 300);
    CHECK(r.z >= 410);
    CHECK(r.w >= 320);
    CHECK((r.z - r.x) * (r.w - r.y) < 20 * 30); // the square and a pixel around it
    s.marker = false;
    const Damage hidden = s.frame(); // its disappearance too
    REQUIRE_FALSE(hidden.full);
    REQUIRE(hidden.rects.size() == 1);
    CHECK(hidden.rects.front().x <= 400);
}

TEST_CASE("damage: a move damages where it was and where it is; far apart, two rectangles") {
    Scene s;
    s.marker = true;
    s.frame();
    s.frame();
    s.markerX = 1200;
    const Damage moved = s.frame();
    REQUIRE_FALSE(moved.full);
    REQUIRE(moved.rects.size() == 2);
    CHECK(moved.rects[0].x != moved.rects[1].x);
}

TEST_CASE("damage: a new display size or an invalidate repaints whole") {
    Scene s;
    s.frame();
    s.frame();
    s.tracker.invalidate();
    CHECK(s.frame().full);
    ImGui::GetIO().DisplaySize = ImVec2(1280, 720);
    CHECK(s.frame().full);
}
