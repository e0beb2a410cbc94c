// settings.hpp — window geometry, panel layout, theme, recent files and the last board,
// remembered between runs in configDir()/settings.ini (plain `key = value` lines; unknown
// keys are ignored). The session (src/session) decides what goes into the recent files.
#pragma once

#include "ui/app_ui.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace horizons::app {

struct WindowGeometry {
    int x = -1, y = -1; // -1: let the system place the window
    int width = 1440, height = 900;
    bool maximized = false;
};

struct Settings {
    WindowGeometry window;
    ui::PanelState panels;
    ui::Theme theme = ui::Theme::Dark;
    std::vector<std::string> recentFiles; // most recent first, at most kMaxRecent
    std::string lastBoard;                // open when the app last quit: opened again

    static constexpr std::size_t kMaxRecent = 10;
};

// Missing or unreadable file: defaults. Values out of range are clamped or ignored.
Settings loadSettings(const std::filesystem::path& file);
// Writes atomically (temp file + rename), creating the folder. Returns false on error.
bool saveSettings(const std::filesystem::path& file, const Settings& s);

std::string formatSettings(const Settings& s);
Settings parseSettings(const std::string& text);

} // namespace horizons::app
