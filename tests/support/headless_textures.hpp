// headless_textures.hpp — what a renderer backend does with Dear ImGui's textures after a
// frame, for contexts without a GPU (view tests, benchmarks). Since 1.92 the font atlas
// textures are created and grown as glyphs are first drawn (ImGuiBackendFlags_RendererHasTextures);
// here the requests are only acknowledged.
#pragma once

#include <imgui.h>
#include <imgui_internal.h> // ImFontAtlasUpdateNewFrame

namespace horizons::test {

// Before NewFrame() with an atlas the caller created (shared by several contexts, so owned by
// none, and no context updates it).
inline void updateSharedAtlas(ImFontAtlas* atlas) {
    static int frame = 0; // increasing across all atlases and contexts
    ImFontAtlasUpdateNewFrame(atlas, ++frame, true);
}

// After Render(): every texture request done, as a renderer would.
inline void acknowledgeTextureRequests() {
    for (ImTextureData* tex : ImGui::GetPlatformIO().Textures) {
        if (tex->Status == ImTextureStatus_WantCreate) {
            tex->SetTexID(static_cast<ImTextureID>(tex->UniqueID + 1));
            tex->SetStatus(ImTextureStatus_OK);
        } else if (tex->Status == ImTextureStatus_WantUpdates) {
            tex->SetStatus(ImTextureStatus_OK);
        } else if (tex->Status == ImTextureStatus_WantDestroy && tex->UnusedFrames > 0) {
            tex->SetTexID(ImTextureID_Invalid);
            tex->SetStatus(ImTextureStatus_Destroyed);
        }
    }
}

} // namespace horizons::test
