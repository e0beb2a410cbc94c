// cli_protect.cpp — see cli_protect.hpp.
#include "app/cli_protect.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <fcntl.h>
#include <iostream>
#include <termios.h>
#include <unistd.h>

namespace horizons::app {

namespace {

// One line from the terminal with echo off. Nothing when there is no terminal.
std::optional<store::Secret> askTerminal(const std::string& prompt) {
    const int fd = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    termios old{};
    const bool isTty = ::tcgetattr(fd, &old) == 0;
    if (isTty) {
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    const std::string ask = prompt + ": ";
    [[maybe_unused]] const auto wrote = ::write(fd, ask.data(), ask.size());
    std::string buf;
    buf.reserve(1024); // one buffer, wiped below: no copies left behind by growing
    char ch = 0;
    while (buf.size() < 1023 && ::read(fd, &ch, 1) == 1 && ch != '\n' && ch != '\r')
        buf.push_back(ch);
    if (isTty) ::tcsetattr(fd, TCSAFLUSH, &old);
    [[maybe_unused]] const auto nl = ::write(fd, "\n", 1);
    ::close(fd);
    return store::Secret(std::move(buf));
}

} // namespace

std::optional<store::Secret> obtainPassphrase(const std::string& passphraseFile,
                                              const std::string& prompt, bool confirm,
                                              std::string& error) {
    if (!passphraseFile.empty()) {
        store::Secret s;
        if (auto err = store::readPassphraseFile(passphraseFile, s)) {
            error = *err;
            return std::nullopt;
        }
        return s;
    }
    auto first = askTerminal(prompt);
    if (!first) {
        error = "no terminal to ask for the passphrase on: give --passphrase-file FILE";
        return std::nullopt;
    }
    if (first->empty()) {
        error = "the passphrase is empty";
        return std::nullopt;
    }
    if (confirm) {
        auto again = askTerminal("Again, to be sure");
        if (!again || again->view() != first->view()) {
            error = "the two passphrases differ; nothing was changed";
            return std::nullopt;
        }
    }
    return first;
}

store::LoadResult openForCli(const std::string& file, const std::string& passphraseFile) {
    if (!store::isProtectedFile(file)) return store::loadBoardFile(file);
    std::string error;
    auto pass = obtainPassphrase(passphraseFile, "Passphrase for " + file, false, error);
    if (!pass) {
        store::LoadResult r;
        r.isProtected = true;
        r.error = file + " is protected with a passphrase: " + error;
        return r;
    }
    return store::loadBoardFile(file, pass->view());
}

int runProtect(const std::string& file, const std::string& passphraseFile) {
    if (store::isProtectedFile(file)) {
        std::cerr << "horizons protect: " << file << " is already protected\n";
        return 1;
    }
    // Read it first: a file that does not load is not worth a passphrase prompt.
    if (const auto r = store::loadBoardFile(file); !r) {
        std::cerr << "horizons protect: " << r.error << "\n";
        return 1;
    }
    std::string error;
    auto pass = obtainPassphrase(passphraseFile, "New passphrase for " + file, true, error);
    if (!pass) {
        std::cerr << "horizons protect: " << error << "\n";
        return 1;
    }
    const store::ProtectResult p = store::protectBoardFile(file, pass->view());
    if (!p) {
        std::cerr << "horizons protect: " << p.error << "\n";
        return 1;
    }
    std::cout << file << ": protected with a passphrase (Argon2id " << p.key->kdf().memoryKiB / 1024
              << " MiB, " << p.key->kdf().passes
              << " passes; XChaCha20-Poly1305). Without the passphrase it cannot be opened.\n";
    return 0;
}

int runUnprotect(const std::string& file, const std::string& passphraseFile) {
    if (!store::isProtectedFile(file)) {
        std::cerr << "horizons unprotect: " << file << " is not protected\n";
        return 1;
    }
    std::string error;
    auto pass = obtainPassphrase(passphraseFile, "Passphrase for " + file, false, error);
    if (!pass) {
        std::cerr << "horizons unprotect: " << error << "\n";
        return 1;
    }
    const store::ProtectResult p = store::unprotectBoardFile(file, pass->view());
    if (!p) {
        std::cerr << "horizons unprotect: " << p.error << "\n";
        return 1;
    }
    std::cout << file << ": protection removed; the file is plain again\n";
    return 0;
}

void addPassphraseFileOption(CLI::App* sub, std::string& into) {
    sub->add_option("--passphrase-file", into,
                    "For a protected board: read the passphrase from this file's first line")
        ->type_name("PASSFILE");
}

void ProtectCommands::add(CLI::App& cli) {
    protect_ = cli.add_subcommand("protect", "Protect a board file with a passphrase (asked "
                                             "on the terminal, or --passphrase-file)");
    unprotect_ = cli.add_subcommand("unprotect", "Remove the passphrase protection of a board "
                                                 "file");
    for (CLI::App* sub : {protect_, unprotect_}) {
        sub->add_option("FILE", file_, "Board file")->required()->type_name("FILE");
        addPassphraseFileOption(sub, passphraseFile_);
    }
}

std::optional<int> ProtectCommands::run() const {
    if (protect_ && protect_->parsed()) return runProtect(file_, passphraseFile_);
    if (unprotect_ && unprotect_->parsed()) return runUnprotect(file_, passphraseFile_);
    return std::nullopt;
}

} // namespace horizons::app
