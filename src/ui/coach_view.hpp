// coach_view.hpp — the coach panel: the current hints from the coach rules (coach.hpp), each
// with its reasoning as a tooltip. Clicking a hint selects the goal or person it is about;
// "Dismiss" hides it for that goal (or, for board-wide hints, for the board). Never blocks.
#pragma once

#include "model/coach.hpp"
#include "ui/view_context.hpp"

#include <cstdint>
#include <vector>

namespace horizons::ui {

struct CoachViewState {}; // the hints themselves come from ctx.derived

void drawCoachView(ViewContext& ctx, CoachViewState& state);

// True when the hint can be dismissed (it is about a goal, or board-wide).
bool canDismiss(const Hint& h);

} // namespace horizons::ui
