// conflict_copies.hpp — the copies sync tools leave beside a board when two devices changed it.
//
//   for (const ConflictCopy& c : findConflictCopies(boardPath))
//       offerMerge(c.path, c.tool, c.detail);
//
// Names recognised, for a board NAME.EXT (EXT = .horizons.json or .horizons; Syncthing,
// Dropbox and Nextcloud put their mark before the last extension, so for NAME.horizons.json
// both "NAME (…).horizons.json" and "NAME.horizons (…).json" are looked for):
//   Syncthing  NAME.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.EXT    DEVICE: 7 letters/digits
//   Dropbox    NAME (conflicted copy YYYY-MM-DD).EXT, NAME (Someone's conflicted copy
//              YYYY-MM-DD).EXT, optionally numbered "... YYYY-MM-DD (2))"
//   Nextcloud  NAME (conflicted copy YYYY-MM-DD HHMMSS).EXT (also with a user name before
//              the date)
//   OneDrive   NAME-COMPUTER.EXT (optionally NAME-COMPUTER-N.EXT): COMPUTER looks like a
//              machine name (2-15 capitals, digits or inner hyphens, at least one letter)
//              and the file loads as a board — the name alone is too common a shape.
// Never the board itself, its .bak, our temp and lock files (they start with '.'), folders,
// or a file of another extension.
//
// Index
//   ConflictTool, toolName
//   ConflictCopy
//   matchConflictName ... the name test alone (no file access; OneDrive needs the load check)
//   findConflictCopies .. the copies beside a board, oldest first
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace horizons::store {

enum class ConflictTool { Syncthing, Dropbox, Nextcloud, OneDrive };
std::string_view toolName(ConflictTool tool); // "Syncthing", ...

struct ConflictCopy {
    std::filesystem::path path;
    ConflictTool tool = ConflictTool::Syncthing;
    std::string detail; // the device id, whose copy ("Someone"), or the computer name; may be ""
    std::filesystem::file_time_type modified{};
};

struct ConflictName {
    ConflictTool tool;
    std::string detail;
};

// Whether `candidate` (a file name) is named like a sync tool's conflict copy of the board
// file named `board` (a file name). No file is read.
std::optional<ConflictName> matchConflictName(std::string_view board, std::string_view candidate);

// The conflict copies beside `board` (regular files; OneDrive ones only if they load as a
// board), oldest first.
std::vector<ConflictCopy> findConflictCopies(const std::filesystem::path& board);

} // namespace horizons::store
