// cli_file.hpp — the board-file subcommands (no window):
//
//   horizons check FILE      validates FILE; prints one line (format, schema, counts) and
//                            exits 0, or prints the error (what and where) and exits 1.
//                            A protected FILE: without --passphrase-file, its header is
//                            checked and "protected (...)" printed; with it, all of it
//   horizons convert IN OUT  JSON <-> binary by OUT's extension (.horizons = binary, else
//                            JSON); the written file is read back and must be the same board;
//                            a protected IN gives a protected OUT (same passphrase)
//   Both take --passphrase-file PASSFILE for a protected board.
//
// Exit codes: 0 success; 1 the file is invalid or cannot be read/written; 2 bad command line.
//
// Safety rules shared by every subcommand (here and in cli_export): a board path must be a
// regular file (a FIFO or device is refused at once); an output that is the input board
// (same file under any spelling, link or hard link) is refused before anything is written;
// a subcommand that writes a board (snapshot, convert) holds the board's lock while it
// works and refuses a board open in a running Horizons; a read-only board is never replaced.
#pragma once

#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace horizons::app {

// The error for an OUT that is the board file itself, or nothing.
std::optional<std::string> outputIsBoard(const std::string& board, const std::string& out);
int runCheck(const std::string& file, const std::string& passphraseFile = {});
int runConvert(const std::string& in, const std::string& out,
               const std::string& passphraseFile = {});

class FileCommands {
  public:
    void add(CLI::App& cli); // adds `check` and `convert`
    // After a successful cli.parse(): the exit code of the chosen subcommand, or nothing.
    std::optional<int> run() const;

  private:
    CLI::App* check_ = nullptr;
    CLI::App* convert_ = nullptr;
    std::string file_, in_, out_, passphraseFile_;
};

} // namespace horizons::app
