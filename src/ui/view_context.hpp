// What every view gets each frame: the document to read and dispatch edits to, the state the
// views share (selection, cross-view drags, highlights), and today's date for the coach.
// View-private state (pan, zoom, open popups, text buffers) lives in each view's own struct.
#pragma once

#include "model/document.hpp"

#include <cstdint>
#include <vector>

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
    bool readOnly = false; // viewing a snapshot: views draw but dispatch no edits
};

struct AppUiState; // app_ui.hpp: panels, theme, requests to the app
struct DocStatus;  // app_ui.hpp: title, path, saved/unsaved

struct ViewContext {
    Document& doc;
    SharedViewState& shared;
    Date today;
    AppUiState* ui = nullptr;          // null in headless view tests
    const DocStatus* status = nullptr; // null in headless view tests
};

} // namespace horizons::ui
