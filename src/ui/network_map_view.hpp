// network_map_view.hpp — the network map of trusted people: "You" at the centre, one ring per
// trust level (5 innermost … 1 outermost), people as nodes, "can introduce me to" curves.
//
// Index
//   NetworkMapViewState ..... pan/zoom, filter, the gesture in progress, rename buffer
//   drawNetworkMapView() .... toolbar (add, fit, filter, legend) + the canvas
//   linkGoalsToPersonEdit() . one undoable edit that links several goals to a person
//   relationshipColour() .... node colour per relationship (also used by the legend)
//
// Mouse on the canvas:
//   click a person ............ select (Ctrl: toggle)       double-click / F2 ... rename
//   drag a person ............. across rings: trust follows the ring (one undo step); onto a
//                               board card: links them (published as shared.drag Kind::Person)
//   Shift+drag a person, or drag the small handle on a hovered person, onto another person:
//                               "can introduce me to"
//   double-click empty space .. a new person on that ring     Delete ... delete selected people
//   right click ............... context menu                  middle/right drag, wheel ... pan,
//   zoom Ctrl+0 / Fit .............. fit the map
// A goal drag from the board (shared.drag Kind::Goals) released over a person links every
// dragged goal to that person in one undo step.
//
// Cost per frame follows what is on screen: what depends on the board (placement, filter
// results, overdue flags, link counts, goals with nobody) lives in a NetworkMapCache rebuilt
// only when Document::stateId(), the filter, today or the geometry change; people, labels and
// curves outside the visible world rect are skipped; crowded or far-out rings draw plain dots
// (no initials, names or badges).
#pragma once

#include "ui/canvas.hpp"
#include "ui/network_filter.hpp"
#include "ui/network_layout.hpp"
#include "ui/view_context.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace horizons::ui {

struct NetworkMapViewState {
    CanvasNav nav;
    NetworkFilter filter;
    bool fitRequested = true; // fit on the next frame (first show, Fit button, Ctrl+0)
    bool viewMoved = false;   // panned/zoomed since the last fit (then a resize keeps the view)
    bool showLegend = true;
    bool picture = false; // drawn for a picture (PNG export): the map alone, no toolbar or
                          // buttons (set by the shell from AppUiState::chromeless)
    bool naiveDrawForBenchmark =
        false; // baseline for tests/bench: derived data rebuilt every frame, every person in
               // full (no cache, no culling, no level of detail)
    bool focused = false; // the last click landed on the map (or F6 came here): keys act here
    PersonId cursor;      // keyboard cursor (arrow keys): Enter opens them, L links the goal

    // The left-button gesture in progress (transient).
    enum class Gesture : std::uint8_t { None, Press, MovePerson, Link };
    Gesture gesture = Gesture::None;
    PersonId gesturePerson;
    ImVec2 pressPos{0, 0};      // screen
    bool publishedDrag = false; // we published shared.drag (Kind::Person) and must clear it
    bool releasedDrag = false;  // ... and it was released outside the map last frame

    // Rename in place.
    PersonId renaming;
    std::string renameText;
    bool renameFocus = false;

    // Targets of the context menu.
    PersonId menuPerson;
    IntroId menuIntro;
    Vec2f menuWorld;

    // The people selection last frame: a change made elsewhere (e.g. a coach hint) scrolls the
    // map to show the selected person.
    std::vector<PersonId> lastSelection;
    Vec2f canvasSize{0, 0};

    // Derived data (rebuilt on change, see NetworkMapCache) and per-frame scratch buffers
    // kept between frames so drawing allocates nothing in proportion to the board.
    NetworkMapCache cache;
    std::vector<std::uint32_t> drawn; // indices into cache.placed() drawn this frame
    std::vector<Rectf> nameBoxes;     // per drawn person: screen box of the name (empty: none)
    std::vector<Rectf> obstacles;     // screen boxes ring captions must avoid
    std::vector<std::string> names;   // per drawn person: the name as drawn (fitted)

    // Outputs of the last frame (tests, bench).
    std::size_t visiblePeople = 0;  // people drawn (inside the visible rect)
    std::size_t detailedPeople = 0; // ... of which drawn in full (initials, name, badge)
    int captionsShown = 0;          // ring captions drawn (of 5, + the threshold's)
};

void drawNetworkMapView(ViewContext& ctx, NetworkMapViewState& state);

// Links every goal in `goals` to `person` as one edit (already-linked goals are skipped);
// empty when there is nothing to link. Ids come from doc.newId<LinkId>().
Edit linkGoalsToPersonEdit(const Document& doc, session::Dispatcher& ids, PersonId person,
                           std::span<const GoalId> goals);

ImU32 relationshipColour(Relationship r); // for the current theme
const char* trustRingLabel(int trust);    // "talk about anything" … "keep to the current role"

} // namespace horizons::ui
