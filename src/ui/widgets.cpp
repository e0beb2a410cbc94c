#include "ui/widgets.hpp"

#include "ui/layout_registry.hpp"

#include <imgui_internal.h>

namespace horizons::ui {

bool button(const std::string& label, const std::string& id, ImVec2 size) {
    const bool clicked = ImGui::Button(label.c_str(), size);
    registerLastItem("button:" + id, "button", label);
    return clicked;
}

bool dialogEnter() {
    if (!ImGui::IsKeyPressed(ImGuiKey_Enter, false) &&
        !ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false))
        return false;
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    // In a text field (still active, or just left by this Enter): accepted unless multi-line.
    for (const ImGuiID id : {g.ActiveId, g.ActiveIdPreviousFrame})
        if (const ImGuiInputTextState* t = ImGui::GetInputTextState(id))
            return !(t->Flags & ImGuiInputTextFlags_Multiline);
    if (g.ActiveId != 0) return true;
    return !(g.NavCursorVisible && g.NavId != 0 && g.NavWindow &&
             (g.NavWindow->Flags & ImGuiWindowFlags_Modal));
}

} // namespace horizons::ui
