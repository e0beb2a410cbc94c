// imgui_fixture.hpp — headless Dear ImGui for view tests: a real context with the real fonts,
// no window, no renderer (texture requests are acknowledged as a backend would). Input goes
// through Dear ImGui's input queue, one change per frame.
//
//   test::ImGuiFixture ui;                       // 1600x1000, Inter loaded, layout registry on
//   ui.setDraw([&] { ui::drawApp(state, &doc, status); });
//   ui.step();                                   // one frame with the draw callback
//   auto* file = ui.item("menu:file");           // what the view registered this frame
//   ui.click(file->x + 5, file->y + 5);          // move, press, release: three frames
//   ui.key(ImGuiKey_S, test::Ctrl);          // Ctrl+S: down frame, up frame
//   ui.frame([&] { ImGui::Button("x"); });       // one frame with an ad-hoc body
#pragma once

#include "ui/layout_registry.hpp"

#include <imgui.h>

#include <functional>
#include <string_view>

namespace horizons::test {

enum Mods : unsigned { NoMods = 0, Ctrl = 1, Shift = 2, Alt = 4 };

class ImGuiFixture {
  public:
    explicit ImGuiFixture(ImVec2 displaySize = ImVec2(1600, 1000), bool realFonts = true);
    ~ImGuiFixture();
    ImGuiFixture(const ImGuiFixture&) = delete;
    ImGuiFixture& operator=(const ImGuiFixture&) = delete;

    // The body drawn by step() and by every input helper below.
    void setDraw(std::function<void()> draw) { draw_ = std::move(draw); }

    void frame(const std::function<void()>& body); // one frame with `body`
    void step(int frames = 1);                     // frames with the draw callback

    // Input: each call changes one thing and draws one frame.
    void moveMouse(float x, float y);
    void press(int button = 0);
    void release(int button = 0);
    void click(float x, float y, int button = 0);       // move, press, release
    void doubleClick(float x, float y, int button = 0); // move, (press, release) x2
    void drag(float x0, float y0, float x1, float y1, int steps = 4, int button = 0);
    void wheel(float dy, float dx = 0.0f);
    void setMods(unsigned mods); // Ctrl/Shift/Alt held or not
    void keyDown(ImGuiKey k);
    void keyUp(ImGuiKey k);
    void key(ImGuiKey k, unsigned mods = NoMods); // mods down, key down, key up, mods up
    void typeText(std::string_view utf8);         // characters in one frame

    // Layout registered in the last frame.
    const ui::LayoutRegistry& layout() const { return layout_; }
    const ui::LayoutItem* item(std::string_view id) const { return layout_.find(id); }
    // Centre of a registered item (REQUIREs that it exists).
    ImVec2 centre(std::string_view id) const;
    void clickItem(std::string_view id, int button = 0);

    ImGuiContext* context() const { return ctx_; }
    ImGuiIO& io() const;
    int frameCount() const { return frames_; }

  private:
    void applyMods();

    ImGuiContext* ctx_ = nullptr;
    ImGuiContext* previous_ = nullptr;
    ui::LayoutRegistry layout_;
    ui::LayoutRegistry* previousLayout_ = nullptr;
    std::function<void()> draw_;
    unsigned mods_ = NoMods;
    int frames_ = 0;
};

} // namespace horizons::test
