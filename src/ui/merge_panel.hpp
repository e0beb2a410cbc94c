// merge_panel.hpp — changes made elsewhere, in the window (docs/sync.md):
//   - the merge panel: the conflicts of a pending merge (session::PendingMerge), each with both
//     values and a pick (this side, the other, or both versions of a goal); Apply merge once
//     every conflict has a side. The board file is written only after that.
//   - the copies bar: sync tools' conflict copies found beside the board, offered for merge;
//     a merged copy is offered for the trash.
// Both change things only by dispatching session commands.
#pragma once

#include "session/session.hpp"

#include <cstdint>

namespace horizons::ui {

struct MergePanelState {
    bool later = false;         // "Later": hidden until the next merge or a refused save
    std::uint64_t laterFor = 0; // PendingMerge::serial of the merge put off
};

void drawMergePanel(session::Session& s, MergePanelState& st);

} // namespace horizons::ui
