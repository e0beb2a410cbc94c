#include "headless_ui.hpp"

#include "app/system_fonts.hpp"
#include "bench_util.hpp"
#include "support/headless_textures.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"

#include <cfloat>
#include <cstdint>
#include <cstdio>
#include <string>

namespace horizons::bench {

HeadlessUi::HeadlessUi(ImVec2 displaySize) : size_(displaySize) {
    atlas_ = std::make_unique<ImFontAtlas>();
    ctx_ = ImGui::CreateContext(atlas_.get());
    ImGui::SetCurrentContext(ctx_);
    ui::Fonts f;
    std::string err;
    if (!ui::loadFonts(std::string(HORIZONS_ASSET_DIR) + "/fonts", app::systemFallbackFonts(), f,
                       &err))
        std::fprintf(stderr, "bench: fonts: %s (using ImGui's default font)\n", err.c_str());
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = displaySize;
    io.DeltaTime = 1.0f / 60.0f;
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset; // > 65,536 vertices per list
    io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures;  // dynamic fonts, as the app
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);                  // no hover, no tooltip
    ui::applyTheme(ui::Theme::Dark, 1.0f);
    ui::setCurrentLayoutRegistry(nullptr);
}

HeadlessUi::~HeadlessUi() {
    ui::setCurrentLayoutRegistry(nullptr);
    ImGui::DestroyContext(ctx_);
}

void HeadlessUi::setRegistry(bool on) {
    registryOn_ = on;
    ui::setCurrentLayoutRegistry(on ? &registry_ : nullptr);
}

FrameResult HeadlessUi::frame(const std::function<void()>& view) {
    ImGui::SetCurrentContext(ctx_);
    if (registryOn_) registry_.beginFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = 1.0f / 60.0f;
    const double t0 = threadCpuMs();
    test::updateSharedAtlas(atlas_.get());
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(size_);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::Begin("##bench", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleVar(2);
    if (view) view();
    ImGui::End();
    ImGui::Render();
    test::acknowledgeTextureRequests();
    const double t1 = threadCpuMs();
    FrameResult r;
    r.cpuMs = t1 - t0;
    r.vertices = ImGui::GetDrawData() ? ImGui::GetDrawData()->TotalVtxCount : 0;
    return r;
}

} // namespace horizons::bench
