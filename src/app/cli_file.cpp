#include "app/cli_file.hpp"

#include "app/cli_protect.hpp"
#include "store/atomic_file.hpp"
#include "store/board_file.hpp"
#include "store/board_lock.hpp"
#include "store/protect.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace horizons::app {

std::optional<std::string> outputIsBoard(const std::string& board, const std::string& out) {
    if (!store::isSameFile(board, out)) return std::nullopt;
    return "the output " + out + " is the board file " + board +
           " itself; nothing was written (choose another output file)";
}

int runCheck(const std::string& file, const std::string& passphraseFile) {
    if (store::isProtectedFile(file)) {
        std::string bytes, err;
        if (auto e = store::readFileBytes(file, store::kMaxFileBytes + 1024, bytes)) err = *e;
        const auto h = err.empty() ? store::readProtectedHeader(bytes, &err) : std::nullopt;
        if (!h) {
            std::cerr << "horizons check: " << file << ": " << err << "\n";
            return 1;
        }
        if (passphraseFile.empty()) { // the header alone, no passphrase needed
            std::cout << file << ": " << store::describeProtection(*h)
                      << "; give --passphrase-file to check its content\n";
            return 0;
        }
    }
    const store::LoadResult r = openForCli(file, passphraseFile);
    if (!r) {
        std::cerr << "horizons check: " << r.error << "\n";
        return 1;
    }
    std::cout << file << ": OK, " << (r.isProtected ? "protected, " : "")
              << store::formatName(r.format) << " schema " << r.schema
              << (r.migrated ? " (migrated to schema " + std::to_string(store::kSchemaVersion) + ")"
                             : std::string())
              << ", written by Horizons " << r.appVersion << ": " << store::summarizeBoard(*r.board)
              << "\n";
    return 0;
}

int runConvert(const std::string& in, const std::string& out, const std::string& passphraseFile) {
    if (auto same = outputIsBoard(in, out)) {
        std::cerr << "horizons convert: " << *same << "\n";
        return 1;
    }
    store::BoardLock lock; // OUT is a board: not while a window has it open
    if (const store::LockResult l = lock.acquire(out); l.status == store::LockStatus::Held) {
        std::cerr << "horizons convert: " << out << ": " << l.error << "\n";
        return 1;
    }
    const store::LoadResult r = openForCli(in, passphraseFile);
    if (!r) {
        std::cerr << "horizons convert: " << r.error << "\n";
        return 1;
    }
    store::SaveOptions so;
    so.key = r.key; // protected stays protected
    const store::SaveResult s = store::saveBoardFile(*r.board, out, so);
    if (!s) {
        std::cerr << "horizons convert: " << s.error << "\n";
        return 1;
    }
    // Exact round trip: what was written reads back as the same board.
    const store::LoadResult back =
        r.key ? store::loadBoardFile(out, r.key) : store::loadBoardFile(out);
    if (!back || !(*back.board == *r.board)) {
        std::cerr << "horizons convert: " << out << " does not read back as the same board"
                  << (back ? std::string() : ": " + back.error) << "\n";
        return 1;
    }
    std::cout << "wrote " << out << " (" << (back.isProtected ? "protected, " : "")
              << store::formatName(back.format) << ", " << s.bytes
              << " bytes): " << store::summarizeBoard(*back.board) << "\n";
    return 0;
}

void FileCommands::add(CLI::App& cli) {
    check_ = cli.add_subcommand("check", "Validate a board file and print a one-line summary");
    check_->add_option("FILE", file_, "Board file (.horizons.json or .horizons)")
        ->required()
        ->type_name("FILE");
    convert_ = cli.add_subcommand(
        "convert", "Convert a board file between JSON and binary (by OUT's extension)");
    convert_->add_option("IN", in_, "Board file to read (either format)")
        ->required()
        ->type_name("IN");
    convert_->add_option("OUT", out_, "File to write: .horizons = binary, otherwise JSON")
        ->required()
        ->type_name("OUT");
    addPassphraseFileOption(check_, passphraseFile_);
    addPassphraseFileOption(convert_, passphraseFile_);
}

std::optional<int> FileCommands::run() const {
    if (check_ && check_->parsed()) return runCheck(file_, passphraseFile_);
    if (convert_ && convert_->parsed()) return runConvert(in_, out_, passphraseFile_);
    return std::nullopt;
}

} // namespace horizons::app
