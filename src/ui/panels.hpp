// panels.hpp — which panels are shown and how big they are: plain data, persisted by the
// app in the config folder (never in the board file).
#pragma once

namespace horizons::ui {

// Which panels are shown and how big they are. Persisted by the app in the config folder.
struct PanelState {
    bool board = true;            // board view (left of the central area)
    bool networkMap = true;       // network map (right of the central area)
    bool inspector = true;        // right side panel: selected goal / person
    bool coach = true;            // coach hints (bottom of the side panel)
    bool history = false;         // snapshots timeline (bottom panel)
    bool prep = false;            // conversation prep (side panel tab)
    bool minimap = false;         // the board's minimap (bottom right of the board)
    float mapFraction = 0.42f;    // share of the central area taken by the map
    float sideWidthEm = 20.0f;    // side panel width in font units
    float bottomHeightEm = 12.0f; // bottom panel height in font units
};

} // namespace horizons::ui
