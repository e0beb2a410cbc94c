// paths.hpp — where the app's own files live (config, assets). Board files and the user data
// folder belong to src/store.
#pragma once

#include <filesystem>

namespace horizons::app {

// The per-user config folder for Horizons (window state, layout, ImGui settings):
//   Linux:   $XDG_CONFIG_HOME/horizons, else ~/.config/horizons
//   Windows: %APPDATA%\Horizons
//   macOS:   ~/Library/Application Support/Horizons
// Never the current directory. Not created here.
std::filesystem::path configDir();

// Folder of the running executable (empty when it cannot be found).
std::filesystem::path executableDir();

// The assets folder: <exe dir>/assets (copied there at build time), <exe dir>/../share/
// horizons/assets (installed), or the source tree's assets (HORIZONS_SOURCE_ASSET_DIR).
std::filesystem::path assetDir();

} // namespace horizons::app
