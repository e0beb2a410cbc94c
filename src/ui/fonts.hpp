// fonts.hpp — the interface fonts: Inter (Regular + SemiBold) for Latin, Greek and Cyrillic,
// merged with system fonts for the scripts Inter lacks (CJK and others), as Dear ImGui 1.92
// dynamic fonts: glyphs are rasterised when first drawn, at the size they are drawn, so text
// stays crisp at every size and monitor scale and nothing is rebuilt when the scale changes.
//
// Index
//   kBaseFontPx, kLargeFontPx   body and title sizes before the DPI scale (style.FontScaleDpi)
//   FallbackFont                one system font file merged after Inter
//   Fonts, loadFonts(), fonts() the loaded fonts
//   hasGlyphs()                 whether a font draws every character of a string
//   FontScope                   RAII PushFont for views
#pragma once

#include <imgui.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace horizons::ui {

inline constexpr float kBaseFontPx = 16.0f;  // body text size at content scale 1
inline constexpr float kLargeFontPx = 24.0f; // empty-state and section titles

// A font from the system, used for the characters Inter does not have. Found by the app
// (src/app/system_fonts), so this layer never asks the operating system itself.
struct FallbackFont {
    std::filesystem::path regular; // for body text
    std::filesystem::path bold;    // for headings; empty: `regular`
    int index = 0;                 // face within a collection (.ttc)
    int boldIndex = 0;
};

struct Fonts {
    ImFont* regular = nullptr;  // body text (the default font)
    ImFont* semibold = nullptr; // headings, card titles, emphasis
    ImFont* large = nullptr;    // empty-state and section titles (SemiBold, kLargeFontPx)
    int fallbacks = 0;          // system fonts merged into each of them
};

// Adds Inter from `fontDir` (Inter-Regular.otf / Inter-SemiBold.otf) to the current context's
// atlas, each merged with `fallbacks` in order (an unreadable one is skipped). Falls back to
// ImGui's built-in font (and returns false, with `error` set) when Inter is missing.
bool loadFonts(const std::filesystem::path& fontDir, const std::vector<FallbackFont>& fallbacks,
               Fonts& out, std::string* error = nullptr);

const Fonts& fonts(); // fonts loaded by the last loadFonts() call

// True when `font` (with its merged sources) has a real glyph for every character of the
// UTF-8 string `text` (spaces included), i.e. none would be drawn as the fallback box.
bool hasGlyphs(ImFont* font, std::string_view text);

// RAII helpers for views: `FontScope f(fonts().semibold);` at the font's own size.
class FontScope {
  public:
    explicit FontScope(ImFont* f) : pushed_(f != nullptr) {
        if (pushed_) ImGui::PushFont(f, f->LegacySize);
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
