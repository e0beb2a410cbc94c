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
#pragma once

#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace horizons::app {

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
