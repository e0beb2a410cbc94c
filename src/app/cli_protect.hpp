// cli_protect.hpp — passphrase protection on the command line (store/protect.hpp):
//
//   horizons protect FILE [--passphrase-file PASSFILE]     seal FILE under a new passphrase
//   horizons unprotect FILE [--passphrase-file PASSFILE]   write FILE back in the clear
//
// The passphrase comes from PASSFILE (its first line) or, without it, from a prompt on the
// terminal with echo off (protect asks twice); never from an argument, which other users
// could read in the process list. Every other subcommand takes --passphrase-file too, and
// openForCli() is how they read a board that may be protected.
//
// Exit codes: 0 done; 1 the file or the passphrase could not be used; 2 bad command line.
#pragma once

#include "store/board_file.hpp"
#include "store/protect.hpp"

#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace horizons::app {

// The passphrase from `passphraseFile`, or asked on the terminal (`confirm`: twice). On
// failure returns nothing and sets `error`.
std::optional<store::Secret> obtainPassphrase(const std::string& passphraseFile,
                                              const std::string& prompt, bool confirm,
                                              std::string& error);

// loadBoardFile for the command line: a protected FILE needs the passphrase (from
// `passphraseFile` or the prompt); r.key is then set, for saving it sealed again.
store::LoadResult openForCli(const std::string& file, const std::string& passphraseFile);

// Adds `--passphrase-file PASSFILE` to a subcommand that reads a board.
void addPassphraseFileOption(CLI::App* sub, std::string& into);

int runProtect(const std::string& file, const std::string& passphraseFile);
int runUnprotect(const std::string& file, const std::string& passphraseFile);

class ProtectCommands {
  public:
    void add(CLI::App& cli); // adds `protect` and `unprotect`
    std::optional<int> run() const;

  private:
    CLI::App* protect_ = nullptr;
    CLI::App* unprotect_ = nullptr;
    std::string file_, passphraseFile_;
};

} // namespace horizons::app
