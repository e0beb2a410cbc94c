// trash.hpp — moving a file to the desktop's trash, where the user can still get it back
// (used for sync-tool conflict copies once they are merged into the board).
//
//   Linux/BSD  the freedesktop.org trash: $XDG_DATA_HOME/Trash (~/.local/share/Trash), the
//              file under files/ and a .trashinfo with its old path and the date under info/
//   Windows    the Recycle Bin (SHFileOperationW with FOF_ALLOWUNDO)
//   macOS      ~/.Trash
// A file on another file system than the trash is not copied across: the move is refused
// with a message, and the file stays where it is.
#pragma once

#include <filesystem>
#include <string>

namespace horizons::store {

// "" when the file is in the trash; else why not (the file is then untouched).
std::string moveToTrash(const std::filesystem::path& file);

// The freedesktop trash folder used (Linux/BSD): for tests and messages.
std::filesystem::path trashDir();

} // namespace horizons::store
