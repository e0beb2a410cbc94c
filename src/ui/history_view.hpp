// history_view.hpp — snapshots: take one, list them on a timeline, open one read-only,
// compare two (or one with now), restore one, and a chart of how the plan moved.
//
// Index
//   HistoryViewState              view state (lives in AppUiState)
//   viewedDocument()              the document the other views draw (live or snapshot copy)
//   historyShortcuts()            Ctrl+T: take a snapshot
//   drawSnapshotBanner()          "Viewing snapshot … — read only" + Back, above the board
//   drawHistoryView()             the bottom panel: timeline + list | changes | chart
//   drawHistoryDialogs()          the take-snapshot modal (call once per frame, top level)
//
// Opening a snapshot read-only is a document swap: the live Document stays untouched, a
// Document holding the snapshot's content is built once, and viewedDocument() hands it to the
// board, map, inspector and prep views while shared.readOnly is set. The history panel always
// works on the live document.
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
    // Read-only viewing
    SnapshotId viewing;                // 0 = the live board
    std::unique_ptr<Document> viewDoc; // the snapshot's content (kept after closing, see .cpp)
    std::uint64_t viewDocSource = 0;   // viewing.value the copy was built from

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

// The document the board, map, inspector and prep views should draw this frame: `live`, or
// the read-only copy of the open snapshot. Keeps shared.readOnly in step with it. If the
// open snapshot no longer exists (deleted, undone), viewing ends.
Document& viewedDocument(HistoryViewState& st, Document& live, SharedViewState& shared);

void openSnapshot(HistoryViewState& st, SnapshotId id); // view read-only
void closeSnapshot(HistoryViewState& st);               // back to the live board
// Starts a comparison from -> to (zero id = now) and computes the change list.
void startCompare(HistoryViewState& st, const Document& live, SnapshotId from, SnapshotId to);

void historyShortcuts(ViewContext& ctx, HistoryViewState& st);
// Draws the read-only banner when a snapshot is open; returns its height (0 when not drawn).
float drawSnapshotBanner(ViewContext& ctx, HistoryViewState& st);
void drawHistoryView(ViewContext& ctx, HistoryViewState& st); // ctx.doc = the live document
void drawHistoryDialogs(ViewContext& ctx, HistoryViewState& st);

} // namespace horizons::ui
