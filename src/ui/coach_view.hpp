// coach_view.hpp — the coach panel: the current hints from the coach rules (coach.hpp), each
// with its reasoning as a tooltip. Clicking a hint selects the goal or person it is about;
// "Dismiss" hides it for that goal (or, for board-wide hints, for the board). Never blocks.
#pragma once

#include "model/coach.hpp"
#include "ui/view_context.hpp"

#include <cstdint>
#include <vector>

namespace horizons::ui {

struct CoachViewState {
    const Document* doc = nullptr; // cache key: the document, its state and the day
    std::uint64_t state = 0;
    Date day;
    std::vector<Hint> hints;
};

void drawCoachView(ViewContext& ctx, CoachViewState& state);

// True when the hint can be dismissed (it is about a goal, or board-wide).
bool canDismiss(const Hint& h);

} // namespace horizons::ui
