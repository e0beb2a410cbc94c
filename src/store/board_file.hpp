// board_file.hpp — reading and writing board files.
//
//   auto r = store::loadBoardFile(path);          // never throws, never crashes
//   if (!r) showError(r.error);                   // one line: what is wrong and where
//   else doc.reset(std::move(*r.board));          // swap in only on success
//   auto s = store::saveBoardFile(doc.board(), path);   // atomic, keeps path.bak
//
// Formats (see docs/file-format.md): cereal JSON (`*.horizons.json`, the default) and cereal
// portable binary (`*.horizons`). Loading detects the format from the content; saving picks it
// from the extension. Every file starts with a header: magic, schema version, app version.
// Older schemas are migrated on load; newer ones are refused. A loaded board has passed
// validateBoard (model/validate.hpp).
//
// Index
//   constants ..... kSchemaVersion, kMaxFileBytes, extensions
//   load .......... LoadResult, loadBoardFile, loadBoardFromBytes, detectFormat
//   save .......... SaveResult, saveBoardFile, serializeJson, serializeBinary
//   misc .......... summarizeBoard (the `horizons check` line), migrateBoard
#pragma once

#include "model/board.hpp"
#include "store/file_stamp.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace horizons::store {

class BoardKey; // protect.hpp: the key of a passphrase-protected board

// ------------------------------------------------------------------------------ constants

inline constexpr std::uint32_t kSchemaVersion = 2;      // what this build writes
inline constexpr std::size_t kMaxFileBytes = 64u << 20; // larger files are refused
inline constexpr std::string_view kJsonExtension = ".horizons.json";
inline constexpr std::string_view kBinaryExtension = ".horizons";
// The first 8 bytes of a binary board file.
inline constexpr char kBinaryMagic[8] = {'\x89', 'H', 'Z', 'N', '\r', '\n', '\x1a', '\n'};

enum class FileFormat { Json, Binary };
std::string_view formatName(FileFormat f); // "JSON", "binary"

// ----------------------------------------------------------------------------------- load

struct LoadResult {
    std::optional<Board> board; // set on success only
    std::string error;          // on failure: "<name>: <what> at <where> (line L, column C)"
    FileFormat format = FileFormat::Json;
    std::uint32_t schema = 0;         // schema version in the file's header (0: not read)
    std::string appVersion;           // the Horizons version that wrote it
    bool migrated = false;            // the file had an older schema and was migrated
    std::size_t tempFilesRemoved = 0; // leftovers of an interrupted save, cleaned up
    FileStamp stamp;                  // loadBoardFile: the file exactly as read (file_stamp.hpp)
    bool readOnly = false;            // loadBoardFile: saving may not replace it (whyNotWritable)
    bool isProtected = false;         // a protected file (protect.hpp), with or without passphrase
    bool wrongPassphrase = false;     // loadBoardFile(path, passphrase): it did not open the file
    std::shared_ptr<const BoardKey> key; // protected: the key for this board's later writes
    explicit operator bool() const { return board.has_value(); }
};

// Loads and validates. Removes temp files left next to `path` by an interrupted save. Only a
// regular file is read (a FIFO, device or folder is refused at once, never waited on); a
// read-only file loads, with readOnly set. A protected file is refused with r.isProtected
// set: use loadBoardFile(path, passphrase).
LoadResult loadBoardFile(const std::filesystem::path& path);
// The same from memory; `nameForMessages` prefixes the error ("board.horizons.json: ...").
LoadResult loadBoardFromBytes(std::string_view bytes, std::string_view nameForMessages);

// JSON (first non-blank byte '{', optional UTF-8 BOM) or binary (kBinaryMagic), else nothing.
std::optional<FileFormat> detectFormat(std::string_view bytes);

// ----------------------------------------------------------------------------------- save

struct SaveOptions {
    std::optional<FileFormat> format;              // default: from the extension (formatForPath)
    bool keepBackup = true;                        // keep the previous version as FILE.bak
    std::shared_ptr<const BoardKey> key = nullptr; // set: the file is sealed with it (protect.hpp);
                                                   // no plaintext of the board reaches the disk
};

struct SaveResult {
    bool ok = false;
    std::string error;
    std::size_t bytes = 0; // size written
    FileStamp stamp;       // on success: the file as written
    explicit operator bool() const { return ok; }
};

// `.horizons` -> binary; anything else (`.horizons.json`, `.json`, ...) -> JSON.
FileFormat formatForPath(const std::filesystem::path& path);

// Atomic save (atomic_file.hpp). On failure the previous file is byte-identical. A read-only
// file is never replaced ("... is a read-only file"); a symbolic link is saved through.
SaveResult saveBoardFile(const Board& board, const std::filesystem::path& path,
                         const SaveOptions& options = {});

// The file bytes, header included. JSON is indented with 2 spaces and ends with a newline;
// keys come in a fixed order, entities in id order, so files diff well.
std::string serializeJson(const Board& board);
std::string serializeBinary(const Board& board);
std::string serializeBoard(const Board& board, FileFormat format);

// ----------------------------------------------------------------------------------- misc

// "schema 1, JSON: 3 horizons, 6 goals, 4 people, 5 links, 1 introduction, 1 conversation,
// 0 snapshots" (then ", 2 asks, 1 win" when there are any) — used by `horizons check`.
std::string summarizeBoard(const Board& board);

// Brings a board loaded from schema `fromSchema` up to kSchemaVersion (see migrate.cpp).
// Field-level changes are handled by the types' cereal class versions while reading; this
// hook is for changes of meaning across the whole board.
void migrateBoard(Board& board, std::uint32_t fromSchema);

} // namespace horizons::store
