// imgui_compat.hpp — the few Dear ImGui APIs that differ between 1.86 (Debian 12) and
// 1.87 … 1.92. Views call these instead of the raw API so both build and behave the same.
//
// Index
//   Key, keyDown(), keyPressed(), ctrlDown()/shiftDown()/altDown()   keyboard
//   nativeKeyCode()                                                   1.86 key numbering
//   itemTooltip()                                                     hover tooltips
//   separatorText()                                                   labelled separators
//   beginChild()                                                      bordered child regions
#pragma once

#include <imgui.h>

namespace horizons::ui::compat {

// Keys views may ask about. Letters and digits are all there (ImGui 1.86's ImGuiKey_ has
// only A, C, V, X, Y, Z, so anything else must go through the backend's native codes).
enum class Key {
    A,
    B,
    C,
    D,
    E,
    F,
    G,
    H,
    I,
    J,
    K,
    L,
    M,
    N,
    O,
    P,
    Q,
    R,
    S,
    T,
    U,
    V,
    W,
    X,
    Y,
    Z,
    Num0,
    Num1,
    Num2,
    Num3,
    Num4,
    Num5,
    Num6,
    Num7,
    Num8,
    Num9,
    F1,
    F2,
    F3,
    F4,
    F5,
    F6,
    F7,
    F8,
    F9,
    F10,
    F11,
    F12,
    Tab,
    Left,
    Right,
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    Insert,
    Delete,
    Backspace,
    Space,
    Enter,
    Escape,
    KeypadEnter,
    Count
};

// Native key code used by ImGui 1.86 backends for io.KeysDown[]: the GLFW_KEY_* value
// (imgui_impl_glfw writes io.KeysDown[GLFW_KEY_*]). The headless test fixture uses the same
// numbering, so views never need to know GLFW. Returns -1 for Key::Count.
constexpr int nativeKeyCode(Key k) {
    const int i = static_cast<int>(k);
    if (k >= Key::A && k <= Key::Z) return 'A' + i; // 65..90
    if (k >= Key::Num0 && k <= Key::Num9) return '0' + (i - static_cast<int>(Key::Num0));
    if (k >= Key::F1 && k <= Key::F12) return 290 + (i - static_cast<int>(Key::F1));
    switch (k) {
    case Key::Tab: return 258;
    case Key::Left: return 263;
    case Key::Right: return 262;
    case Key::Up: return 265;
    case Key::Down: return 264;
    case Key::PageUp: return 266;
    case Key::PageDown: return 267;
    case Key::Home: return 268;
    case Key::End: return 269;
    case Key::Insert: return 260;
    case Key::Delete: return 261;
    case Key::Backspace: return 259;
    case Key::Space: return 32;
    case Key::Enter: return 257;
    case Key::Escape: return 256;
    case Key::KeypadEnter: return 335;
    default: return -1;
    }
}

#if IMGUI_VERSION_NUM >= 18700
// ---- ImGui 1.87+: named keys for everything -------------------------------------------
constexpr ImGuiKey toImGuiKey(Key k) {
    const int i = static_cast<int>(k);
    if (k >= Key::A && k <= Key::Z) return static_cast<ImGuiKey>(ImGuiKey_A + i);
    if (k >= Key::Num0 && k <= Key::Num9)
        return static_cast<ImGuiKey>(ImGuiKey_0 + (i - static_cast<int>(Key::Num0)));
    if (k >= Key::F1 && k <= Key::F12)
        return static_cast<ImGuiKey>(ImGuiKey_F1 + (i - static_cast<int>(Key::F1)));
    switch (k) {
    case Key::Tab: return ImGuiKey_Tab;
    case Key::Left: return ImGuiKey_LeftArrow;
    case Key::Right: return ImGuiKey_RightArrow;
    case Key::Up: return ImGuiKey_UpArrow;
    case Key::Down: return ImGuiKey_DownArrow;
    case Key::PageUp: return ImGuiKey_PageUp;
    case Key::PageDown: return ImGuiKey_PageDown;
    case Key::Home: return ImGuiKey_Home;
    case Key::End: return ImGuiKey_End;
    case Key::Insert: return ImGuiKey_Insert;
    case Key::Delete: return ImGuiKey_Delete;
    case Key::Backspace: return ImGuiKey_Backspace;
    case Key::Space: return ImGuiKey_Space;
    case Key::Enter: return ImGuiKey_Enter;
    case Key::Escape: return ImGuiKey_Escape;
    case Key::KeypadEnter: return ImGuiKey_KeypadEnter;
    default: return ImGuiKey_None;
    }
}
inline bool keyDown(Key k) { return ImGui::IsKeyDown(toImGuiKey(k)); }
inline bool keyPressed(Key k, bool repeat = true) {
    return ImGui::IsKeyPressed(toImGuiKey(k), repeat);
}
inline bool keyReleased(Key k) { return ImGui::IsKeyReleased(toImGuiKey(k)); }
#else
// ---- ImGui 1.86: io.KeysDown[] indexed by the backend's native codes -------------------
// Keys that 1.86's ImGuiKey_ knows go through io.KeyMap (GetKeyIndex) so any backend works.
inline int keyIndex(Key k) {
    switch (k) {
    case Key::A: return ImGui::GetKeyIndex(ImGuiKey_A);
    case Key::C: return ImGui::GetKeyIndex(ImGuiKey_C);
    case Key::V: return ImGui::GetKeyIndex(ImGuiKey_V);
    case Key::X: return ImGui::GetKeyIndex(ImGuiKey_X);
    case Key::Y: return ImGui::GetKeyIndex(ImGuiKey_Y);
    case Key::Z: return ImGui::GetKeyIndex(ImGuiKey_Z);
    case Key::Tab: return ImGui::GetKeyIndex(ImGuiKey_Tab);
    case Key::Left: return ImGui::GetKeyIndex(ImGuiKey_LeftArrow);
    case Key::Right: return ImGui::GetKeyIndex(ImGuiKey_RightArrow);
    case Key::Up: return ImGui::GetKeyIndex(ImGuiKey_UpArrow);
    case Key::Down: return ImGui::GetKeyIndex(ImGuiKey_DownArrow);
    case Key::PageUp: return ImGui::GetKeyIndex(ImGuiKey_PageUp);
    case Key::PageDown: return ImGui::GetKeyIndex(ImGuiKey_PageDown);
    case Key::Home: return ImGui::GetKeyIndex(ImGuiKey_Home);
    case Key::End: return ImGui::GetKeyIndex(ImGuiKey_End);
    case Key::Insert: return ImGui::GetKeyIndex(ImGuiKey_Insert);
    case Key::Delete: return ImGui::GetKeyIndex(ImGuiKey_Delete);
    case Key::Backspace: return ImGui::GetKeyIndex(ImGuiKey_Backspace);
    case Key::Space: return ImGui::GetKeyIndex(ImGuiKey_Space);
    case Key::Enter: return ImGui::GetKeyIndex(ImGuiKey_Enter);
    case Key::Escape: return ImGui::GetKeyIndex(ImGuiKey_Escape);
    case Key::KeypadEnter: return ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter);
    default: return nativeKeyCode(k);
    }
}
inline bool validIndex(int i) {
    return i >= 0 && i < static_cast<int>(IM_ARRAYSIZE(ImGuiIO::KeysDown));
}
inline bool keyDown(Key k) {
    const int i = keyIndex(k);
    return validIndex(i) && ImGui::IsKeyDown(i);
}
inline bool keyPressed(Key k, bool repeat = true) {
    const int i = keyIndex(k);
    return validIndex(i) && ImGui::IsKeyPressed(i, repeat);
}
inline bool keyReleased(Key k) {
    const int i = keyIndex(k);
    return validIndex(i) && ImGui::IsKeyReleased(i);
}
#endif

inline bool ctrlDown() { return ImGui::GetIO().KeyCtrl; }
inline bool shiftDown() { return ImGui::GetIO().KeyShift; }
inline bool altDown() { return ImGui::GetIO().KeyAlt; }

// Ctrl+key shortcut, ignored while a text field has focus (so Ctrl+Z undoes typing there,
// not the board). `shift` must match exactly.
inline bool shortcut(Key k, bool shift = false) {
    const ImGuiIO& io = ImGui::GetIO();
    return io.KeyCtrl && io.KeyShift == shift && !io.KeyAlt && !io.WantTextInput &&
           keyPressed(k, false);
}

// Tooltip for the last item (SetItemTooltip arrived in 1.89.7).
inline void itemTooltip(const char* text) {
#if IMGUI_VERSION_NUM >= 18970
    ImGui::SetItemTooltip("%s", text);
#else
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
#endif
}

// A separator with a label (SeparatorText arrived in 1.89.3).
inline void separatorText(const char* label) {
#if IMGUI_VERSION_NUM >= 18903
    ImGui::SeparatorText(label);
#else
    ImGui::Spacing();
    ImGui::TextDisabled("%s", label);
    ImGui::Separator();
#endif
}

// BeginChild with a border flag (1.90 replaced `bool border` with ImGuiChildFlags).
inline bool beginChild(const char* id, ImVec2 size, bool border, ImGuiWindowFlags flags = 0) {
#if IMGUI_VERSION_NUM >= 19110
    return ImGui::BeginChild(id, size, border ? ImGuiChildFlags_Borders : ImGuiChildFlags_None,
                             flags);
#elif IMGUI_VERSION_NUM >= 19000
    return ImGui::BeginChild(id, size, border ? ImGuiChildFlags_Border : ImGuiChildFlags_None,
                             flags);
#else
    return ImGui::BeginChild(id, size, border, flags);
#endif
}

} // namespace horizons::ui::compat
