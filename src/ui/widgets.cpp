#include "ui/widgets.hpp"

#include "ui/layout_registry.hpp"

namespace horizons::ui {

bool button(const std::string& label, const std::string& id, ImVec2 size) {
    const bool clicked = ImGui::Button(label.c_str(), size);
    registerLastItem("button:" + id, "button", label);
    return clicked;
}

} // namespace horizons::ui
