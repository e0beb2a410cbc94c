// headless_ui.hpp — a Dear ImGui context with the real Inter fonts and the dark theme, no
// window and no renderer (the approach of tests/support/imgui_fixture, without doctest).
// Each frame draws one view in a full-window, undecorated window and reports its CPU time
// (NewFrame + view + Render, on this thread) and the vertex count of the draw data.
#pragma once

#include "ui/layout_registry.hpp"

#include <imgui.h>

#include <functional>
#include <memory>

namespace horizons::bench {

struct FrameResult {
    double cpuMs = 0; // NewFrame .. Render, thread CPU time
    int vertices = 0; // ImDrawData::TotalVtxCount
};

class HeadlessUi {
  public:
    explicit HeadlessUi(ImVec2 displaySize = ImVec2(1600, 1000));
    ~HeadlessUi();
    HeadlessUi(const HeadlessUi&) = delete;
    HeadlessUi& operator=(const HeadlessUi&) = delete;

    // One frame with `view` drawn inside a full-window child-free window ("##bench").
    FrameResult frame(const std::function<void()>& view);
    // While on, views register their items (cards, people) each frame: used to calibrate
    // zoom levels, never while timing.
    void setRegistry(bool on);
    const ui::LayoutRegistry& registry() const { return registry_; }
    ImVec2 displaySize() const { return size_; }

  private:
    ImGuiContext* ctx_ = nullptr;
    std::unique_ptr<ImFontAtlas> atlas_;
    ui::LayoutRegistry registry_;
    bool registryOn_ = false;
    ImVec2 size_;
};

} // namespace horizons::bench
