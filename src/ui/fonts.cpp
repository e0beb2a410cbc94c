#include "ui/fonts.hpp"

#include <fstream>

namespace horizons::ui {
namespace {

Fonts g_fonts;

// Latin (incl. Latin Extended for names), Greek and Cyrillic (Inter has them), general
// punctuation (dashes, bullets, ellipsis), euro sign, arrows. Scripts Inter lacks (CJK,
// emoji) show ImGui's fallback glyph; the text itself is kept exactly.
const ImWchar kGlyphRanges[] = {
    0x0020, 0x024F, // Basic Latin .. Latin Extended-B
    0x0370, 0x03FF, // Greek
    0x0400, 0x052F, // Cyrillic, Cyrillic Supplement
    0x2000, 0x206F, // General Punctuation
    0x20AC, 0x20AC, // Euro
    0x2190, 0x21FF, // Arrows
    0x2212, 0x2212, // Minus
    0,
};

bool readable(const std::filesystem::path& p) {
    std::ifstream f(p, std::ios::binary);
    return f.good();
}

} // namespace

bool loadFonts(const std::filesystem::path& fontDir, float scale, Fonts& out, std::string* error) {
    ImGuiIO& io = ImGui::GetIO();
    if (scale <= 0.0f) scale = 1.0f;
    const float px = kBaseFontPx * scale;
    out = Fonts{};
    out.pixelSize = px;

    const auto regular = fontDir / "Inter-Regular.otf";
    const auto semibold = fontDir / "Inter-SemiBold.otf";
    if (!readable(regular) || !readable(semibold)) {
        if (error) *error = "font files not found in " + fontDir.string();
        ImFontConfig cfg;
        cfg.SizePixels = 13.0f * scale;
        out.regular = io.Fonts->AddFontDefault(&cfg);
        out.semibold = out.regular;
        out.large = out.regular;
        g_fonts = out;
        return false;
    }

    ImFontConfig cfg;
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = false;
    const std::string r = regular.string();
    const std::string s = semibold.string();
    out.regular = io.Fonts->AddFontFromFileTTF(r.c_str(), px, &cfg, kGlyphRanges);
    out.semibold = io.Fonts->AddFontFromFileTTF(s.c_str(), px, &cfg, kGlyphRanges);
    out.large = io.Fonts->AddFontFromFileTTF(s.c_str(), px * 1.5f, &cfg, kGlyphRanges);
    if (!out.regular || !out.semibold || !out.large) {
        if (error) *error = "could not load Inter from " + fontDir.string();
        io.Fonts->Clear();
        out.regular = io.Fonts->AddFontDefault();
        out.semibold = out.large = out.regular;
        g_fonts = out;
        return false;
    }
    io.FontDefault = out.regular;
    g_fonts = out;
    return true;
}

const Fonts& fonts() { return g_fonts; }

} // namespace horizons::ui
