// widgets.hpp — small ImGui helpers every view shares.
//   em()      the font size: sizes written in em scale with the DPI-dependent font
//   button()  ImGui::Button that also reports itself to the layout dump as "button:<id>"
#pragma once

#include <imgui.h>

#include <string>

namespace horizons::ui {

inline float em() { return ImGui::GetFontSize(); }

bool button(const std::string& label, const std::string& id, ImVec2 size = ImVec2(0, 0));

} // namespace horizons::ui
