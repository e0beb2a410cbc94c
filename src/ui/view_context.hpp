// What every view gets each frame: the board to draw (read only), the dispatcher through
// which it asks for every change, what is derived from the board (coach hints, agendas), the
// state the views share (selection, cross-view drags, highlights) and today's date.
// View-private state (pan, zoom, open popups, text buffers) lives in each view's own struct.
#pragma once

#include "model/document.hpp"
#include "session/command.hpp"
#include "session/derived.hpp"
#include "ui/panels.hpp"

#include <cstdint>
#include <vector>

namespace horizons::session {
class Session;
}

namespace horizons::ui {

// The selection is shared: selecting a goal on the board lights up its people on the map,
// and the reverse. Kept as sorted vectors so membership is a binary search.
struct Selection {
    std::vector<GoalId> goals;
    std::vector<PersonId> people;

    bool has(GoalId g) const;
    bool has(PersonId p) const;
    void clear() { goals.clear(), people.clear(); }
    void selectOnly(GoalId g);
    void selectOnly(PersonId p);
    void toggle(GoalId g);
    void toggle(PersonId p);
    void add(GoalId g);
    void add(PersonId p);
    void drop(GoalId g); // removes it if selected (e.g. after delete)
    void drop(PersonId p);
    bool empty() const { return goals.empty() && people.empty(); }
};

// A drag that leaves one view and ends over another: a goal card dropped on a person links
// them; a person dropped on a card does the same. The view where the drag started publishes
// it; the view under the mouse at release consumes it (and clears it).
struct CrossViewDrag {
    enum class Kind : std::uint8_t { None, Goals, Person };
    Kind kind = Kind::None;
    std::vector<GoalId> goals;        // Kind::Goals
    PersonId person;                  // Kind::Person
    bool released = false;            // the mouse button went up this frame
    float releaseX = 0, releaseY = 0; // screen position at release
};

struct SharedViewState {
    Selection selection;
    CrossViewDrag drag;
    bool readOnly = false; // a snapshot is shown: views grey out editing (the session refuses it)
    std::vector<PersonId> confirmDeletePeople; // asked about (person_delete_dialog.hpp)
};

struct ViewContext {
    const Document& doc;           // what the views draw: the live board or the snapshot shown
    session::Dispatcher& dispatch; // the one way to change anything
    session::Derived& derived;     // hints and agendas of `doc`, computed once per generation
    SharedViewState& shared;
    Date today;
    const Document& live;         // the live board (the history panel works on it)
    SnapshotId viewing;           // the snapshot shown (0: the live board)
    PanelState* panels = nullptr; // null in headless view tests

    // Changes whenever `doc` does, at once (mid-frame too): caches key on it.
    std::uint64_t generation() const { return dispatch.generation(); }
};

// The context for this frame from the session: keeps shared.readOnly in step with it.
ViewContext makeViewContext(session::Session& s, SharedViewState& shared, Date today,
                            PanelState* panels = nullptr);

} // namespace horizons::ui
