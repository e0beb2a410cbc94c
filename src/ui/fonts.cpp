#include "ui/fonts.hpp"

#include <imgui_internal.h> // ImTextCharFromUtf8, ImFormatString

#include <fstream>
#include <map>
#include <memory>

namespace horizons::ui {
namespace {

Fonts g_fonts;

// Font files read once per process and shared by every font (and atlas) merging them: a CJK
// collection is ~20 MB, and since 1.92 the atlas reads the data whenever a glyph is first
// drawn, so it must outlive every atlas.
const std::vector<char>* fileData(const std::filesystem::path& p) {
    static std::map<std::filesystem::path, std::unique_ptr<std::vector<char>>> cache;
    auto it = cache.find(p);
    if (it == cache.end()) {
        std::ifstream f(p, std::ios::binary | std::ios::ate);
        auto data = std::make_unique<std::vector<char>>();
        const std::streamoff size = f ? static_cast<std::streamoff>(f.tellg()) : 0;
        if (size > 0) { // one read: a character at a time takes seconds for 20 MB
            data->resize(static_cast<std::size_t>(size));
            f.seekg(0);
            if (!f.read(data->data(), size)) data->clear();
        }
        it = cache.emplace(p, std::move(data)).first;
    }
    return it->second->empty() ? nullptr : it->second.get();
}

ImFont* addFont(const std::filesystem::path& p, int index, float px, bool merge) {
    const std::vector<char>* data = fileData(p);
    if (!data) return nullptr;
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false; // fileData() keeps it
    cfg.MergeMode = merge;
    cfg.FontNo = static_cast<ImU32>(index);
    cfg.PixelSnapH = false;
    const std::string name = p.filename().string();
    ImFormatString(cfg.Name, IM_ARRAYSIZE(cfg.Name), "%s", name.c_str());
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<char*>(data->data()),
                                                      static_cast<int>(data->size()), px, &cfg);
}

// Inter (`file`) at `px`, then each fallback merged into it. Counts the fallbacks merged.
ImFont* addWithFallbacks(const std::filesystem::path& file, float px, bool bold,
                         const std::vector<FallbackFont>& fallbacks, int& merged) {
    ImFont* f = addFont(file, 0, px, false);
    if (!f) return nullptr;
    merged = 0;
    for (const FallbackFont& fb : fallbacks) {
        const bool useBold = bold && !fb.bold.empty();
        if (addFont(useBold ? fb.bold : fb.regular, useBold ? fb.boldIndex : fb.index, px, true))
            ++merged;
    }
    return f;
}

} // namespace

bool loadFonts(const std::filesystem::path& fontDir, const std::vector<FallbackFont>& fallbacks,
               Fonts& out, std::string* error) {
    ImGuiIO& io = ImGui::GetIO();
    out = Fonts{};
    const auto regular = fontDir / "Inter-Regular.otf";
    const auto semibold = fontDir / "Inter-SemiBold.otf";
    int merged = 0;
    out.regular = addWithFallbacks(regular, kBaseFontPx, false, fallbacks, merged);
    out.fallbacks = merged;
    if (out.regular)
        out.semibold = addWithFallbacks(semibold, kBaseFontPx, true, fallbacks, merged);
    if (out.semibold) out.large = addWithFallbacks(semibold, kLargeFontPx, true, fallbacks, merged);
    if (!out.regular || !out.semibold || !out.large) {
        if (error) *error = "could not load Inter from " + fontDir.string();
        io.Fonts->Clear();
        ImFontConfig cfg;
        cfg.SizePixels = kBaseFontPx;
        out = Fonts{};
        out.regular = io.Fonts->AddFontDefault(&cfg);
        out.semibold = out.large = out.regular;
        io.FontDefault = out.regular;
        g_fonts = out;
        return false;
    }
    io.FontDefault = out.regular;
    g_fonts = out;
    return true;
}

const Fonts& fonts() { return g_fonts; }

bool hasGlyphs(ImFont* font, std::string_view text) {
    if (!font) return false;
    const char* s = text.data();
    const char* end = s + text.size();
    while (s < end) {
        unsigned int c = 0;
        const int n = ImTextCharFromUtf8(&c, s, end);
        if (n <= 0 || c == IM_UNICODE_CODEPOINT_INVALID) return false;
        s += n;
        if (!font->IsGlyphInFont(static_cast<ImWchar>(c))) return false;
    }
    return true;
}

} // namespace horizons::ui
