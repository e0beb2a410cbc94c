// paths.hpp — where boards live, and the first-start starter board.
//
//   user data folder   Linux   $XDG_DATA_HOME/horizons, else ~/.local/share/horizons
//                      Windows %APPDATA%\Horizons
//                      macOS   ~/Library/Application Support/Horizons
//   default board      <data>/board.horizons.json
//   recovery files     <data>/recovery/<16 hex digits>.horizons.json (autosave.hpp)
//
// Nothing here creates folders except ensureDefaultBoard().
#pragma once

#include "model/board.hpp"
#include "model/date.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace horizons::store {

std::filesystem::path userDataDir();
std::filesystem::path defaultBoardPath(); // userDataDir() / "board.horizons.json"

inline constexpr const char* kStarterAssetName = "starter.horizons.json";

// The starter's dates are written relative to this day ("today" when the asset was written);
// instantiateStarter moves them so that the plan starts today.
inline constexpr Date kStarterAnchor{20089}; // 2025-01-01

// The starter board as a new user gets it: dates moved by (today - kStarterAnchor),
// created/updated times set to `now`.
Board instantiateStarter(Board starter, Date today, Timestamp now);

struct DefaultBoard {
    std::filesystem::path path;
    bool created = false; // it did not exist and was made from the starter
    std::string error;    // set when it did not exist and could not be created
};

// Makes sure `boardPath` (default: defaultBoardPath()) exists: when missing, loads
// `<assetDir>/starter.horizons.json`, instantiates it for today and saves it there (folders
// created as needed). An existing file is left alone, even one that fails to load.
DefaultBoard ensureDefaultBoard(const std::filesystem::path& assetDir,
                                std::optional<std::filesystem::path> boardPath = std::nullopt);

} // namespace horizons::store
