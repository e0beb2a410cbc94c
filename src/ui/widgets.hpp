// widgets.hpp — small ImGui helpers every view shares.
//   em()      the font size: sizes written in em scale with the DPI-dependent font
//   button()  ImGui::Button that also reports itself to the layout dump as "button:<id>"
//   shortcut() Ctrl+key pressed this frame, outside text fields
//   contentRight() window-local x of the content region's right edge
//   withAlpha() a colour with its alpha scaled
//   fieldLabel() a muted label in front of a form field
//   dialogEnter() / dialogEscape() the keys every dialog answers (accept, cancel)
//   sameLineIfFits(), checkboxWidth(), buttonWidth()  toolbars that wrap
#pragma once

#include <imgui.h>

#include <algorithm>
#include <string>

namespace horizons::ui {

inline float em() { return ImGui::GetFontSize(); }

// Window-local x where the content region ends (for SameLine / PushTextWrapPos).
inline float contentRight() { return ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x; }

// After an item: the next one (`nextWidth` wide) goes on the same line when it fits before the
// content region's right edge, else on a new line (toolbars wrap instead of being cut off).
inline void sameLineIfFits(float nextWidth) {
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    const float x = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x;
    if (x + nextWidth <= right) ImGui::SameLine();
}
// Widths of small widgets, for sameLineIfFits.
inline float checkboxWidth(const char* label) {
    return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
           ImGui::CalcTextSize(label, nullptr, true).x;
}
inline float buttonWidth(const char* label) { // Button and SmallButton alike
    return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

// `c` with its alpha multiplied by `a` (clamped to 0..1).
inline ImU32 withAlpha(ImU32 c, float a) {
    const unsigned alpha = static_cast<unsigned>(
        std::clamp(a, 0.0f, 1.0f) * static_cast<float>((c >> IM_COL32_A_SHIFT) & 0xFF));
    return (c & ~IM_COL32_A_MASK) | (alpha << IM_COL32_A_SHIFT);
}

// A muted label in front of a form field, on the field's text baseline.
inline void fieldLabel(const char* text) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", text);
}

bool button(const std::string& label, const std::string& id, ImVec2 size = ImVec2(0, 0));

// Ctrl+key shortcut, ignored while a text field has focus (so Ctrl+Z undoes typing there,
// not the board). `shift` must match exactly.
inline bool shortcut(ImGuiKey k, bool shift = false) {
    const ImGuiIO& io = ImGui::GetIO();
    return io.KeyCtrl && io.KeyShift == shift && !io.KeyAlt && !io.WantTextInput &&
           ImGui::IsKeyPressed(k, false);
}

// Enter (or keypad Enter) accepts a dialog: pressed this frame, outside a multi-line text
// field (where it starts a new line), and not while the keyboard cursor is on a button of
// the dialog (that button answers Enter itself).
bool dialogEnter();
// Escape cancels a dialog.
inline bool dialogEscape() { return ImGui::IsKeyPressed(ImGuiKey_Escape, false); }

} // namespace horizons::ui
