// board_view.hpp — the direction-versus-destination board: horizon columns left to right,
// Direction (open-ended) at the top, Destination (concrete) at the bottom, goals as cards.
//
// Index
//   GoalGhost ........ a goal's earlier place, drawn translucent with an arrow (compare)
//   BoardViewState ... everything the view keeps between frames (pan/zoom, filter, gesture)
//   drawBoardView() .. draws into the current window's remaining content region
//
// Input (see README "Board"): click / Ctrl-click / Shift-click / rubber band select; drag
// cards (one undo step; Escape cancels; a sideways drag keeps the specificity, a vertical
// one moves it with the pointer); click a stack to list its goals, double-click to zoom in;
// double-click empty space = new goal; F2 or double-click a card = rename; Delete; Ctrl+A; arrows
// move the selection, Ctrl+arrows move the cards; middle/right/Space drag pans; wheel zooms about
// the cursor; Ctrl+0 fits; Ctrl+F filters. Dragging cards out of the board publishes shared.drag
// (the network map links them to the person under the mouse); a person dropped on a card links the
// two.
#pragma once

#include "model/coach.hpp"
#include "model/edits.hpp"
#include "ui/board_layout.hpp"
#include "ui/canvas.hpp"
#include "ui/view_context.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace horizons::ui {

// Where a goal was (in an older snapshot). Drawn as a dashed, translucent card at that
// place with an arrow to where the goal is now (no arrow when the goal no longer exists).
struct GoalGhost {
    GoalId goal;
    HorizonId oldHorizon; // a horizon of the current board; else the ghost is skipped
    double oldSpecificity = 0.5;
    double oldOrder = 0; // kept for callers' lists; the ghost's y follows specificity
    std::string title;   // shown on the ghost (needed when the goal was removed)
};

struct BoardViewState {
    // ---- persistent view state
    CanvasNav nav;           // pan / zoom (world units = pixels at zoom 1)
    bool fitPending = true;  // fit the whole board at the next frame (first draw, Ctrl+0)
    bool viewMoved = false;  // panned/zoomed since the last fit (then resizing keeps the view)
    float bandHeightEm = 0;  // height of the Direction..Destination axis; 0 = default.
    float columnWidthEm = 0; // width of a column; 0 = default. Both are set at each fit
                             // so the board fills the canvas's shape at a readable zoom.
    Vec2f fittedSize;        // canvas size at the last fit
    BoardFilter filter;      // Ctrl+F: non-matching cards are dimmed
    bool filterOpen = false; // the filter bar is shown
    bool showServes = true;  // "serves" arrows between cards
    bool minimap = false;    // View > Minimap: the whole board and the viewport, drag to pan
                             // (set by the shell from PanelState::minimap)
    bool picture = false;    // drawn for a picture (PNG export): the board alone, no filter
                             // bar, buttons or zoom readout (set by the shell from chromeless)
    bool naiveDrawForBenchmark =
        false; // baseline for tests/bench: every card in full (no culling, no LOD)
    std::vector<GoalGhost> ghosts; // compare overlay (set by the history view); empty = none

    // ---- outputs of the last frame (read by tests and the shell)
    std::size_t visibleCards = 0;      // cards drawn last frame
    std::size_t matchCount = 0;        // goals matching the filter (all goals when none)
    Rectf canvasRect;                  // screen rectangle of the canvas last frame
    Rectf minimapRect;                 // screen rectangle of the minimap (empty: none)
    HorizonId dropHorizon;             // column highlighted as the drop target (during a drag)
    bool dropKeepsSpecificity = false; // the drag so far is sideways only (stored value kept)
    double dropSpecificity = 0.5;      // where the pressed card lands (during a drag)

    // ---- transient gesture state (not persisted)
    enum class Gesture : std::uint8_t {
        None,
        Pressed,    // left button down, not yet past the drag threshold
        DragCards,  // moving the selected cards
        RubberBand, // selecting with a rectangle
        DragHeader, // reordering a horizon column
        Cancelled   // Escape pressed: ignore the mouse until the button goes up
    };
    Gesture gesture = Gesture::None;
    Vec2f pressScreen;              // where the left button went down (screen)
    Vec2f pressWorld;               // the same in world coordinates
    GoalId pressGoal;               // card under the press, if any
    HorizonId pressHeader;          // column header under the press, if any
    bool pressWasSelected = false;  // the pressed card was selected before the press
    std::vector<GoalId> pressStack; // goals of the stack under the press (a click lists them)
    bool pressCtrl = false, pressShift = false;
    std::vector<GoalId> dragGoals; // cards being dragged (sorted)
    std::vector<GoalId> bandBase;  // selection before a Ctrl/Shift rubber band
    bool publishedDrag = false;    // shared.drag is ours (cards left the canvas)

    // ---- in-place rename
    GoalId renaming; // card whose title is in edit
    std::string renameBuffer;
    bool renameFocus = false;    // give the text field keyboard focus next frame
    bool renameIsNew = false;    // the goal was created for this edit (Escape removes it)
    std::uint64_t renameKey = 0; // merge key tying "create" and "rename" into one undo step
    HorizonId renamingHorizon;   // header whose name is in edit
    std::string horizonBuffer;

    // ---- popups
    GoalId contextGoal;        // card of the open context menu
    HorizonId contextHorizon;  // column header / column of the open context menu
    Vec2f contextWorld;        // where the context menu was opened (world)
    HorizonId removingHorizon; // "remove horizon" dialog
    HorizonId removeTarget;    // where its goals go
    bool openRemoveDialog = false;
    bool focusFilter = false;      // give the filter's text field focus next frame
    std::vector<GoalId> stackList; // goals of the stack whose list is open
    bool openStackList = false;
    GoalId cursor;             // keyboard cursor (arrow keys); usually the last clicked card
    bool keyboardHere = false; // the board's panel has the keyboard: the cursor's ring shows
    HorizonId revealHorizon;   // just added: pan so its column is in view at the next frame

    // ---- caches (rebuilt when the document changes)
    BoardLayout layout;
    std::uint64_t layoutGeneration = 0; // ViewContext::generation it was made for
    float layoutEm = 0;
    std::uint64_t hintsGeneration = 0;                              // of ctx.derived
    std::unordered_map<GoalId, std::vector<std::size_t>> goalHints; // goal -> indices in hints
    std::unordered_map<GoalId, std::uint16_t> linkCount;            // goal -> linked people
    std::vector<GoalId> litGoals; // goals linked to the selected people (sorted)
    std::uint64_t litGeneration = 0;
    std::vector<PersonId> litPeople; // the selection litGoals was made for
};

// Draws the board into the rest of the current window (or child). Reads ctx.doc, dispatches
// edits through ctx.doc.apply(); nothing is dispatched when ctx.shared.readOnly (or the
// document status) says read-only.
void drawBoardView(ViewContext& ctx, BoardViewState& state);

// Pure helpers the view uses (exposed for tests).
// The placements of `goals` (sorted by id) when each is moved by `worldDelta`: the column
// under its item's centre moved by delta.x; the specificity moved by delta.y on the axis,
// kept exactly as stored when delta.y is 0. O(n + k log n) for k goals on a board of n.
std::vector<GoalPlacement> dragPlacements(const BoardLayout& layout, const BoardContent& c,
                                          std::span<const GoalId> goals, Vec2f worldDelta);

} // namespace horizons::ui
