// fonts.hpp — loads Inter (Regular + SemiBold) into the ImGui font atlas at a DPI-aware size.
#pragma once

#include <imgui.h>

#include <filesystem>
#include <string>

namespace horizons::ui {

inline constexpr float kBaseFontPx = 16.0f; // body text size at content scale 1

struct Fonts {
    ImFont* regular = nullptr;  // body text (the atlas default)
    ImFont* semibold = nullptr; // headings, card titles, emphasis
    ImFont* large = nullptr;    // empty-state and section titles (SemiBold, 1.5x)
    float pixelSize = kBaseFontPx;
};

// Adds the fonts from `fontDir` (the folder with Inter-Regular.otf / Inter-SemiBold.otf)
// to io.Fonts at kBaseFontPx * scale. Falls back to ImGui's default font (and returns
// false, with `error` set) when a file is missing. Does not build the atlas texture.
bool loadFonts(const std::filesystem::path& fontDir, float scale, Fonts& out,
               std::string* error = nullptr);

const Fonts& fonts(); // fonts loaded by the last successful loadFonts() call

// RAII helpers for views: `FontScope f(fonts().semibold);`
class FontScope {
  public:
    explicit FontScope(ImFont* f) : pushed_(f != nullptr) {
        if (pushed_) ImGui::PushFont(f);
    }
    ~FontScope() {
        if (pushed_) ImGui::PopFont();
    }
    FontScope(const FontScope&) = delete;
    FontScope& operator=(const FontScope&) = delete;

  private:
    bool pushed_;
};

} // namespace horizons::ui
