// theme.hpp — light and dark colour themes and the shared sizes (in font units).
#pragma once

#include <imgui.h>

#include <string_view>

namespace horizons::ui {

enum class Theme { Dark, Light };

const char* themeName(Theme t);                     // "dark" / "light"
bool parseTheme(std::string_view name, Theme& out); // inverse of themeName

// Applies colours and metrics to ImGui's style. `scale` is the DPI scale (content scale);
// sizes are multiplied by it once, so calling this again (theme or scale change) is safe.
void applyTheme(Theme t, float scale);

// Colours views should use for their own drawing, so both themes stay readable.
struct Palette {
    ImU32 canvasBg;    // board / map background
    ImU32 canvasGrid;  // grid lines, column separators
    ImU32 text;        // primary text on canvas
    ImU32 textMuted;   // secondary text, hints
    ImU32 accent;      // selection, focus, "You"
    ImU32 direction;   // direction-type goals (open-ended)
    ImU32 destination; // destination-type goals (concrete)
    ImU32 warning;     // overdue, coach hints
    ImU32 success;     // done, saved
    ImU32 cardBg;      // card fill
    ImU32 cardBorder;  // card outline
};
const Palette& palette(); // palette of the current theme
Theme currentTheme();

} // namespace horizons::ui
