// cli_export.hpp — the headless subcommands: export, snapshot, diff, agenda.
//
//   horizons export FILE --format md|csv|png|ics|vcf|canvas [--what goals|people]
//                        [--view board|map] [--size WxH] [--share [--person NAME]] -o OUT
//   horizons snapshot FILE --name NAME [--note TEXT]
//   horizons diff FILE --from SNAPSHOT [--to SNAPSHOT|now]
//   horizons agenda FILE --person NAME [--share] [-o OUT]
//
// Two kinds of output (model/share.hpp): without --share, *for me* (trust levels, notes,
// what was left out); with --share, *to share*: only what NAME may see (export without
// --person: what anyone may see), rendered from the shareable content. `--share` works for
// md, the goals CSV and the board PNG (drawn from sharePictureBoard: goals and horizons, no
// person); the people table, the map, ics, vcf and canvas are for me only and refuse it.
// ics, vcf and canvas: model/calendar.hpp and model/canvas.hpp.
//
// None of them opens a window, except `export --format png`, which renders the board or the
// map offscreen (it needs a display, e.g. under xvfb-run). SNAPSHOT is a snapshot's name
// (case-insensitive; the newest wins when names repeat) or its numeric id.
//
// A protected FILE is read with the passphrase from --passphrase-file PASSFILE (or a prompt);
// `snapshot` saves it sealed again. The PNG renderer gets the board through a pipe, so a
// protected board is never written in the clear for it.
//
// Exit codes: 0 success; 1 the work could not be done (file missing or invalid, unknown
// snapshot or person, cannot write OUT); 2 bad command line (CLI11 parse errors, an unknown
// --format, --share with ics, vcf or canvas). Errors go to stderr. Nothing is written on
// error; OUT (and FILE for `snapshot`) is replaced atomically, never half-written.
#pragma once

#include <functional>
#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace horizons::app {

struct CliExportOptions {
    std::string file;
    std::string format;         // md | csv | png | ics | vcf | canvas
    std::string what = "goals"; // csv: goals | people
    std::string view = "board"; // png: board | map
    std::string size = "1600x1000";
    std::string out;
    std::string name, note;       // snapshot
    std::string from, to = "now"; // diff
    std::string person;           // agenda; export --share: the reader
    bool share = false;           // agenda, export: the output to share
    std::string passphraseFile;   // all: for a protected FILE (cli_protect.hpp)
};

// Renders `view` of the board whose file bytes are `board` offscreen at width x height and
// writes a PNG to `pngPath`. Returns an empty string on success, else the error. Set by the
// app (it owns GL).
using PngRenderer = std::function<std::string(const std::string& board, const std::string& view,
                                              int width, int height, const std::string& pngPath)>;

// The renderer the app uses: runs this executable again with `--board-stdin --screenshot PNG
// --size WxH --only VIEW` (the app's offscreen --screenshot mode, one view maximised and
// fitted) and writes the board to its stdin: it never touches a file.
PngRenderer screenshotRenderer();

class CliCommands {
  public:
    // Adds the four subcommands to `cli`.
    void add(CLI::App& cli);
    // After a successful cli.parse(): the exit code of the chosen subcommand, or nothing when
    // none of these was chosen.
    std::optional<int> run(const PngRenderer& renderPng) const;

  private:
    CLI::App* export_ = nullptr;
    CLI::App* snapshot_ = nullptr;
    CLI::App* diff_ = nullptr;
    CLI::App* agenda_ = nullptr;
    CliExportOptions opt_;
};

// The subcommands as plain functions (used by run(), and by tests without CLI11).
// "WxH" for --size (the window, a screenshot, a PNG export): 64..16384 pixels a side.
inline constexpr int kMinSide = 64;
inline constexpr int kMaxSide = 16384;
bool parseSize(const std::string& s, int& w, int& h);

int runExport(const CliExportOptions& o, const PngRenderer& renderPng);
int runSnapshot(const CliExportOptions& o);
int runDiff(const CliExportOptions& o);
int runAgenda(const CliExportOptions& o);

} // namespace horizons::app
