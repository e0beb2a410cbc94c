#include "support/imgui_fixture.hpp"

#include "support/headless_textures.hpp"

#include "app/system_fonts.hpp"
#include "ui/app_ui.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"

#include <doctest/doctest.h>

#include <memory>
#include <stdexcept>

namespace horizons::test {
namespace {

// One font atlas for all test contexts, with the fonts the app loads (Inter merged with the
// system's fonts for other scripts): reading the CJK collections is the slow part.
ImFontAtlas& sharedAtlas(bool realFonts) {
    static std::unique_ptr<ImFontAtlas> real, builtin;
    auto& slot = realFonts ? real : builtin;
    if (!slot) {
        slot = std::make_unique<ImFontAtlas>();
        // loadFonts() works on the current context's atlas: borrow a throwaway context.
        ImGuiContext* prev = ImGui::GetCurrentContext();
        ImGuiContext* tmp = ImGui::CreateContext(slot.get());
        ImGui::SetCurrentContext(tmp);
        if (realFonts) {
            ui::Fonts f;
            std::string err;
            if (!ui::loadFonts(std::string(HORIZONS_ASSET_DIR) + "/fonts",
                               app::systemFallbackFonts(), f, &err))
                throw std::runtime_error("fixture: " + err);
        } else {
            slot->AddFontDefault();
        }
        ImGui::DestroyContext(tmp);
        ImGui::SetCurrentContext(prev);
    }
    return *slot;
}

} // namespace

ImGuiFixture::ImGuiFixture(ImVec2 displaySize, bool realFonts) {
    ImFontAtlas& atlas = sharedAtlas(realFonts);
    previous_ = ImGui::GetCurrentContext();
    ctx_ = ImGui::CreateContext(&atlas);
    ImGui::SetCurrentContext(ctx_);
    ui::configureImGui(); // as the app: keyboard navigation, Ctrl+Tab for the shell
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = displaySize;
    io.DeltaTime = 1.0f / 60.0f;
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset; // 32-bit offsets: big lists ok
    io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures;  // as the OpenGL3 backend
    io.FontDefault = atlas.Fonts.empty() ? nullptr : atlas.Fonts[0];
    ui::applyTheme(ui::Theme::Dark, 1.0f);
    previousLayout_ = ui::currentLayoutRegistry();
    ui::setCurrentLayoutRegistry(&layout_);
}

ImGuiFixture::~ImGuiFixture() {
    ui::setCurrentLayoutRegistry(previousLayout_);
    ImGui::DestroyContext(ctx_);
    ImGui::SetCurrentContext(previous_ == ctx_ ? nullptr : previous_);
}

ImGuiIO& ImGuiFixture::io() const {
    ImGui::SetCurrentContext(ctx_);
    return ImGui::GetIO();
}

void ImGuiFixture::frame(const std::function<void()>& body) {
    ImGui::SetCurrentContext(ctx_);
    ui::setCurrentLayoutRegistry(&layout_);
    layout_.beginFrame();
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    updateSharedAtlas(ImGui::GetIO().Fonts);
    ImGui::NewFrame();
    if (body) body();
    ImGui::Render();
    acknowledgeTextureRequests();
    ++frames_;
    // Per-frame inputs are consumed.
    ImGuiIO& io = ImGui::GetIO();
    io.MouseWheel = 0.0f;
    io.MouseWheelH = 0.0f;
}

void ImGuiFixture::step(int frames) {
    for (int i = 0; i < frames; ++i)
        frame(draw_);
}

void ImGuiFixture::moveMouse(float x, float y) {
    io().AddMousePosEvent(x, y);
    step();
}

void ImGuiFixture::press(int button) {
    io().AddMouseButtonEvent(button, true);
    step();
}

void ImGuiFixture::release(int button) {
    io().AddMouseButtonEvent(button, false);
    step();
}

void ImGuiFixture::click(float x, float y, int button) {
    moveMouse(x, y);
    press(button);
    release(button);
}

void ImGuiFixture::doubleClick(float x, float y, int button) {
    moveMouse(x, y);
    press(button);
    release(button);
    press(button);
    release(button);
}

void ImGuiFixture::drag(float x0, float y0, float x1, float y1, int steps, int button) {
    moveMouse(x0, y0);
    press(button);
    for (int i = 1; i <= steps; ++i) {
        const float t = static_cast<float>(i) / static_cast<float>(steps);
        moveMouse(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t);
    }
    release(button);
}

void ImGuiFixture::wheel(float dy, float dx) {
    io().AddMouseWheelEvent(dx, dy);
    step();
}

void ImGuiFixture::applyMods() {
    ImGuiIO& i = io();
    i.AddKeyEvent(ImGuiMod_Ctrl, (mods_ & Ctrl) != 0);
    i.AddKeyEvent(ImGuiMod_Shift, (mods_ & Shift) != 0);
    i.AddKeyEvent(ImGuiMod_Alt, (mods_ & Alt) != 0);
}

void ImGuiFixture::setMods(unsigned mods) {
    mods_ = mods;
    applyMods();
    step();
}

void ImGuiFixture::keyDown(ImGuiKey k) {
    io().AddKeyEvent(k, true);
    step();
}

void ImGuiFixture::keyUp(ImGuiKey k) {
    io().AddKeyEvent(k, false);
    step();
}

void ImGuiFixture::key(ImGuiKey k, unsigned mods) {
    const unsigned before = mods_;
    if (mods != NoMods) setMods(mods);
    keyDown(k);
    keyUp(k);
    if (mods != NoMods) setMods(before);
}

void ImGuiFixture::typeText(std::string_view utf8) {
    const std::string s(utf8);
    io().AddInputCharactersUTF8(s.c_str());
    step();
}

ImVec2 ImGuiFixture::centre(std::string_view id) const {
    const ui::LayoutItem* it = item(id);
    REQUIRE_MESSAGE(it != nullptr, "no item '" << std::string(id) << "' in the last frame");
    return ImVec2(it->x + it->w * 0.5f, it->y + it->h * 0.5f);
}

void ImGuiFixture::clickItem(std::string_view id, int button) {
    const ImVec2 c = centre(id);
    click(c.x, c.y, button);
}

} // namespace horizons::test
