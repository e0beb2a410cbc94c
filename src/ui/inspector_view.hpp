// inspector_view.hpp — the side panel for the selection: every field of the selected goal
// (title, kind and specificity, horizon, status, target date, tags, colour, scope, serves,
// notes, people, coach hints), a summary for several goals, or the person inspector
// (person_inspector_view.hpp) when a person is selected.
//
// Every continuous edit is one undo step: text fields commit when they lose focus (or on
// Enter), sliders and colour pickers apply live under one merge key per gesture.
#pragma once

#include "model/coach.hpp"
#include "ui/person_inspector_view.hpp"
#include "ui/view_context.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace horizons::ui {

struct InspectorViewState {
    GoalId shown;                           // goal the buffers below belong to
    std::string title, notes, tags, target; // text buffers while a field is in edit
    bool titleActive = false, notesActive = false, tagsActive = false, targetActive = false;
    bool targetInvalid = false;   // the last typed target date did not parse
    std::uint64_t gestureKey = 0; // merge key of the slider / colour gesture in progress
    std::uint64_t gestureCount = 0;
    PersonInspectorState person; // the person inspector's own (person_inspector_view.hpp)
};

void drawInspectorView(ViewContext& ctx, InspectorViewState& state);

// "a, b ,c" -> {"a","b","c"} (blank items dropped), and back ("a, b, c").
std::vector<std::string> parseTags(const std::string& text);
std::string joinTags(const std::vector<std::string>& tags);

} // namespace horizons::ui
