// person_inspector_view.hpp — every field of one person, editable, for the inspector panel
// (the board engineer's inspector_view calls it when a person is selected).
//
// Shows: name, relationship, inside/outside the organisation, trust, what they can help with
// (checkboxes), cadence, next planned conversation, notes, "last talked" (from the log, with
// the overdue state), the goals to talk about (with remove buttons and a "link a goal" picker)
// and the "can introduce me to" links both ways. Every continuous edit (typing, dragging a
// slider) is one undo step: edits are applied live with a per-field merge key and the gesture
// ends when the widget is released.
#pragma once

#include "ui/view_context.hpp"

#include <string>

namespace horizons::ui {

// What the person inspector keeps between frames: the text of the "next planned" date field
// while it does not parse yet. Owned by the inspector panel (InspectorViewState).
struct PersonInspectorState {
    PersonId person;      // the person the text belongs to (another person: cleared)
    std::string nextDate; // the date field's text while in edit
    bool nextDateActive = false;
};

void drawPersonInspector(ViewContext& ctx, PersonInspectorState& state, PersonId person);

struct CadencePreset {
    const char* label;
    int days;
};
// "No regular cadence" (0), "Every 2 weeks" (14), … "Every 3 months" (90), … "Once a year" (365).
const CadencePreset* cadencePresets(int& count);
const char* cadenceLabel(int days); // the preset's label, or nullptr for a custom value

} // namespace horizons::ui
