// history_view.hpp — snapshots: take one, list them on a timeline, open one read-only,
// compare two (or one with now), restore one, and a chart of how the plan moved.
//
// Index
//   HistoryViewState              view state (lives in AppUiState)
//   openSnapshot(), updateCompare() the snapshot shown (the session's), the comparison
//   historyShortcuts()            Ctrl+T: take a snapshot
//   drawSnapshotBanner()          "Viewing snapshot … — read only" + Back, above the board
//   drawHistoryView()             the bottom panel: timeline + list | changes | chart
//   drawHistoryDialogs()          the take-snapshot modal (call once per frame, top level)
//
// Opening a snapshot read-only is the session's: it shows the snapshot to the board, map,
// inspector and prep views (ctx.doc) and refuses every edit while it does. The history
// panel always works on the live board (ctx.live).
#pragma once

#include "model/diff.hpp"
#include "model/document.hpp"
#include "ui/board_view.hpp"
#include "ui/view_context.hpp"

#include <memory>
#include <string>
#include <vector>

namespace horizons::ui {

struct HistoryViewState {
    // Compare: `from` -> `to` (a zero id means "now", the live board)
    bool comparing = false;
    SnapshotId compareFrom;
    SnapshotId compareTo;
    bool sidesPicked = false; // compareFrom/To were picked in the lists before comparing
    std::vector<Change> changes;
    BoardContent fromContent, toContent; // what the change list was computed on
    std::uint64_t changesStateId = 0;    // live document state the diff was made against
    int selectedChange = -1;
    std::vector<GoalGhost> ghosts; // moved goals, for BoardViewState::ghosts

    // Take-snapshot dialog
    bool openTakeDialog = false;
    std::string nameBuffer;
    std::string noteBuffer;

    SnapshotId selectedSnapshot; // highlighted on the timeline
};

void openSnapshot(ViewContext& ctx, HistoryViewState& st, SnapshotId id); // view read-only
void closeSnapshot(ViewContext& ctx);                                      // back to live
// Keeps the comparison in step with the live board and makes the ghosts (once a frame,
// before the board is drawn).
void updateCompare(ViewContext& ctx, HistoryViewState& st);
// Starts a comparison from -> to (zero id = now) and computes the change list.
void startCompare(ViewContext& ctx, HistoryViewState& st, SnapshotId from, SnapshotId to);

void historyShortcuts(ViewContext& ctx, HistoryViewState& st);
// Draws the read-only banner when a snapshot is open; returns its height (0 when not drawn).
float drawSnapshotBanner(ViewContext& ctx, HistoryViewState& st);
void drawHistoryView(ViewContext& ctx, HistoryViewState& st); // ctx.doc = the live document
void drawHistoryDialogs(ViewContext& ctx, HistoryViewState& st);

} // namespace horizons::ui
