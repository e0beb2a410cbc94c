#include "app/system_fonts.hpp"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <system_error>

#if defined(__linux__) || defined(__FreeBSD__)
#include <fontconfig/fontconfig.h>
#define HORIZONS_FONTCONFIG 1
#endif

namespace horizons::app {
namespace {

namespace fs = std::filesystem;

bool sameFont(const ui::FallbackFont& a, const ui::FallbackFont& b) {
    return a.regular == b.regular && a.index == b.index;
}

void addUnique(std::vector<ui::FallbackFont>& out, const ui::FallbackFont& f) {
    if (std::none_of(out.begin(), out.end(), [&](const auto& o) { return sameFont(o, f); }))
        out.push_back(f);
}

#ifdef HORIZONS_FONTCONFIG
// A character of each script to cover, with the language that picks the right variant.
struct Script {
    unsigned sample;
    const char* lang; // nullptr: whatever fontconfig prefers
};

// Han glyphs differ between Chinese, Japanese and Korean: follow the user's locale.
const char* hanLanguage() {
    const char* vars[] = {"LC_ALL", "LC_CTYPE", "LANG"};
    for (const char* v : vars) {
        const char* s = std::getenv(v);
        if (!s || !*s) continue;
        const std::string l(s);
        if (l.rfind("zh_TW", 0) == 0 || l.rfind("zh_HK", 0) == 0) return "zh-tw";
        if (l.rfind("zh", 0) == 0) return "zh-cn";
        if (l.rfind("ko", 0) == 0) return "ko";
        if (l.rfind("ja", 0) == 0) return "ja";
        return nullptr;
    }
    return nullptr;
}

// The scalable sans-serif font fontconfig prefers for `s` at `weight`, if it covers it.
bool match(const Script& s, int weight, fs::path& file, int& index) {
    FcPattern* pat = FcPatternCreate();
    FcPatternAddString(pat, FC_FAMILY, reinterpret_cast<const FcChar8*>("sans-serif"));
    FcPatternAddInteger(pat, FC_WEIGHT, weight);
    FcPatternAddBool(pat, FC_SCALABLE, FcTrue);
    if (s.lang) FcPatternAddString(pat, FC_LANG, reinterpret_cast<const FcChar8*>(s.lang));
    FcCharSet* cs = FcCharSetCreate();
    FcCharSetAddChar(cs, s.sample);
    FcPatternAddCharSet(pat, FC_CHARSET, cs);
    FcCharSetDestroy(cs);
    FcConfigSubstitute(nullptr, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult res = FcResultNoMatch;
    FcPattern* m = FcFontMatch(nullptr, pat, &res);
    FcPatternDestroy(pat);
    bool ok = false;
    FcChar8* path = nullptr;
    FcCharSet* covered = nullptr;
    if (m && FcPatternGetString(m, FC_FILE, 0, &path) == FcResultMatch &&
        FcPatternGetCharSet(m, FC_CHARSET, 0, &covered) == FcResultMatch &&
        FcCharSetHasChar(covered, s.sample)) {
        file = reinterpret_cast<const char*>(path);
        index = 0;
        FcPatternGetInteger(m, FC_INDEX, 0, &index);
        // Colour bitmap fonts (emoji) cannot be drawn at arbitrary sizes: not as a fallback.
        FcBool colour = FcFalse;
        FcBool scalable = FcTrue;
        FcPatternGetBool(m, FC_COLOR, 0, &colour);
        FcPatternGetBool(m, FC_SCALABLE, 0, &scalable);
        ok = !colour && scalable;
    }
    if (m) FcPatternDestroy(m);
    return ok;
}
#endif

} // namespace

std::vector<ui::FallbackFont> systemFallbackFonts() {
    std::vector<ui::FallbackFont> out;
#ifdef HORIZONS_FONTCONFIG
    if (!FcInit()) return out;
    const char* han = hanLanguage();
    const Script scripts[] = {
        {0x5F20, han},     // 张 Han
        {0x3055, "ja"},    // さ Hiragana
        {0xAE40, "ko"},    // 김 Hangul
        {0x0639, nullptr}, // ع Arabic
        {0x05D0, nullptr}, // א Hebrew
        {0x0915, nullptr}, // क Devanagari
        {0x0E01, nullptr}, // ก Thai
        {0x10D0, nullptr}, // ა Georgian
        {0x0531, nullptr}, // Ա Armenian
        {0x2713, nullptr}, // ✓ symbols
    };
    for (const Script& s : scripts) {
        ui::FallbackFont f;
        if (!match(s, FC_WEIGHT_REGULAR, f.regular, f.index)) continue;
        if (!match(s, FC_WEIGHT_BOLD, f.bold, f.boldIndex)) f.bold.clear();
        addUnique(out, f);
    }
#elif defined(_WIN32)
    const char* windir = std::getenv("WINDIR");
    const fs::path dir = fs::path(windir && *windir ? windir : "C:\\Windows") / "Fonts";
    // Regular and bold files (index 0 of collections); Han first in Microsoft YaHei.
    const struct {
        const char* regular;
        const char* bold;
    } files[] = {
        {"segoeui.ttf", "segoeuib.ttf"},  // Latin extensions, Arabic, Hebrew, Georgian, Armenian
        {"msyh.ttc", "msyhbd.ttc"},       // Microsoft YaHei: Chinese
        {"YuGothR.ttc", "YuGothB.ttc"},   // Yu Gothic: Japanese kana
        {"malgun.ttf", "malgunbd.ttf"},   // Malgun Gothic: Korean
        {"Nirmala.ttf", "NirmalaB.ttf"},  // Nirmala UI: Indic scripts
        {"leelawui.ttf", "leelauib.ttf"}, // Leelawadee UI: Thai
        {"seguisym.ttf", ""},             // Segoe UI Symbol
    };
    for (const auto& f : files) {
        std::error_code ec;
        ui::FallbackFont fb;
        fb.regular = dir / f.regular;
        if (!fs::is_regular_file(fb.regular, ec)) continue;
        if (*f.bold && fs::is_regular_file(dir / f.bold, ec)) fb.bold = dir / f.bold;
        addUnique(out, fb);
    }
#endif
    return out;
}

} // namespace horizons::app
