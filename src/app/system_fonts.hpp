// system_fonts.hpp — the operating system's fonts for the scripts Inter lacks: found with
// fontconfig on Linux (e.g. Noto Sans CJK from fonts-noto-cjk), in the Windows fonts folder
// on Windows (Segoe UI, Microsoft YaHei, Yu Gothic, Malgun Gothic, ...). The app and the view
// tests merge them after Inter (ui::loadFonts), so both draw the same glyphs.
#pragma once

#include "ui/fonts.hpp"

#include <vector>

namespace horizons::app {

// In merge order, without duplicates; empty when none is found (Inter alone is still used).
std::vector<ui::FallbackFont> systemFallbackFonts();

} // namespace horizons::app
