#include "ui/theme.hpp"

#include "ui/fonts.hpp"

namespace horizons::ui {
namespace {

Theme g_theme = Theme::Dark;

ImVec4 rgb(int r, int g, int b, float a = 1.0f) {
    return ImVec4(static_cast<float>(r) / 255.0f, static_cast<float>(g) / 255.0f,
                  static_cast<float>(b) / 255.0f, a);
}
ImU32 u32(int r, int g, int b, int a = 255) { return IM_COL32(r, g, b, a); }

const Palette kDark{u32(24, 26, 31),   u32(48, 52, 61),    u32(226, 228, 233), u32(140, 146, 160),
                    u32(94, 160, 255), u32(143, 122, 255), u32(58, 190, 140),  u32(240, 170, 60),
                    u32(80, 200, 120), u32(38, 41, 49),    u32(70, 75, 88)};
const Palette kLight{u32(246, 247, 249), u32(222, 225, 231), u32(30, 33, 40),   u32(105, 111, 124),
                     u32(30, 110, 230),  u32(110, 85, 225),  u32(20, 150, 100), u32(200, 120, 10),
                     u32(30, 150, 70),   u32(255, 255, 255), u32(200, 204, 212)};

void metrics(ImGuiStyle& s) {
    s.WindowPadding = ImVec2(10, 10);
    s.FramePadding = ImVec2(8, 5);
    s.ItemSpacing = ImVec2(8, 6);
    s.ItemInnerSpacing = ImVec2(6, 4);
    s.ScrollbarSize = 13;
    s.GrabMinSize = 10;
    s.WindowBorderSize = 1;
    s.ChildBorderSize = 1;
    s.PopupBorderSize = 1;
    s.FrameBorderSize = 0;
    s.WindowRounding = 6;
    s.ChildRounding = 6;
    s.FrameRounding = 4;
    s.PopupRounding = 6;
    s.ScrollbarRounding = 6;
    s.GrabRounding = 4;
    s.TabRounding = 4;
}

void darkColours(ImGuiStyle& s) {
    ImGui::StyleColorsDark(&s);
    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = rgb(226, 228, 233);
    c[ImGuiCol_TextDisabled] = rgb(130, 136, 150);
    c[ImGuiCol_WindowBg] = rgb(30, 32, 38);
    c[ImGuiCol_ChildBg] = rgb(30, 32, 38, 0.0f);
    c[ImGuiCol_PopupBg] = rgb(36, 39, 46, 0.98f);
    c[ImGuiCol_Border] = rgb(58, 62, 72);
    c[ImGuiCol_MenuBarBg] = rgb(36, 39, 46);
    c[ImGuiCol_FrameBg] = rgb(44, 48, 57);
    c[ImGuiCol_FrameBgHovered] = rgb(54, 59, 70);
    c[ImGuiCol_FrameBgActive] = rgb(62, 68, 81);
    c[ImGuiCol_TitleBg] = rgb(30, 32, 38);
    c[ImGuiCol_TitleBgActive] = rgb(36, 39, 46);
    c[ImGuiCol_Button] = rgb(52, 57, 68);
    c[ImGuiCol_ButtonHovered] = rgb(66, 90, 135);
    c[ImGuiCol_ButtonActive] = rgb(74, 120, 200);
    c[ImGuiCol_Header] = rgb(52, 57, 68);
    c[ImGuiCol_HeaderHovered] = rgb(66, 90, 135);
    c[ImGuiCol_HeaderActive] = rgb(74, 120, 200);
    c[ImGuiCol_CheckMark] = rgb(94, 160, 255);
    c[ImGuiCol_SliderGrab] = rgb(94, 160, 255);
    c[ImGuiCol_Separator] = rgb(58, 62, 72);
    c[ImGuiCol_Tab] = rgb(40, 43, 51);
    c[ImGuiCol_TabHovered] = rgb(66, 90, 135);
    c[ImGuiCol_TabSelected] = rgb(56, 70, 100);
}

void lightColours(ImGuiStyle& s) {
    ImGui::StyleColorsLight(&s);
    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = rgb(30, 33, 40);
    c[ImGuiCol_TextDisabled] = rgb(120, 126, 138);
    c[ImGuiCol_WindowBg] = rgb(238, 240, 244);
    c[ImGuiCol_ChildBg] = rgb(238, 240, 244, 0.0f);
    c[ImGuiCol_PopupBg] = rgb(255, 255, 255, 0.98f);
    c[ImGuiCol_Border] = rgb(200, 204, 212);
    c[ImGuiCol_MenuBarBg] = rgb(228, 231, 236);
    // Fields and checkboxes sit on near-white panels: a tinted fill and a thin outline keep
    // them visible (a white fill made an unticked checkbox disappear).
    c[ImGuiCol_FrameBg] = rgb(231, 234, 240);
    c[ImGuiCol_FrameBgHovered] = rgb(220, 228, 242);
    c[ImGuiCol_FrameBgActive] = rgb(208, 220, 242);
    s.FrameBorderSize = 1.0f;
    c[ImGuiCol_Button] = rgb(220, 224, 231);
    c[ImGuiCol_ButtonHovered] = rgb(190, 210, 245);
    c[ImGuiCol_ButtonActive] = rgb(150, 185, 240);
    c[ImGuiCol_Header] = rgb(215, 222, 235);
    c[ImGuiCol_HeaderHovered] = rgb(190, 210, 245);
    c[ImGuiCol_HeaderActive] = rgb(150, 185, 240);
    c[ImGuiCol_CheckMark] = rgb(30, 110, 230);
    c[ImGuiCol_SliderGrab] = rgb(30, 110, 230);
}

} // namespace

const char* themeName(Theme t) { return t == Theme::Light ? "light" : "dark"; }

bool parseTheme(std::string_view name, Theme& out) {
    if (name == "dark") {
        out = Theme::Dark;
        return true;
    }
    if (name == "light") {
        out = Theme::Light;
        return true;
    }
    return false;
}

void applyTheme(Theme t, float scale) {
    ImGuiStyle style; // fresh unscaled style each time, so scaling never accumulates
    metrics(style);
    if (t == Theme::Light)
        lightColours(style);
    else
        darkColours(style);
    if (scale > 0.0f && scale != 1.0f) style.ScaleAllSizes(scale);
    // Dynamic fonts (1.92): text is rasterised at FontSizeBase x FontScaleDpi, so a new
    // monitor scale needs no atlas rebuild.
    style.FontSizeBase = kBaseFontPx;
    style.FontScaleDpi = scale > 0.0f ? scale : 1.0f;
    ImGui::GetStyle() = style;
    g_theme = t;
}

const Palette& palette() { return g_theme == Theme::Light ? kLight : kDark; }
Theme currentTheme() { return g_theme; }

} // namespace horizons::ui
