#include "app/cli_merge.hpp"

#include "model/merge.hpp"
#include "store/board_file.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>

namespace horizons::app {

namespace {

constexpr int kUsage = 2;
namespace fs = std::filesystem;

bool samePath(const fs::path& a, const fs::path& b) {
    std::error_code ec;
    if (fs::exists(a, ec) && fs::exists(b, ec)) return fs::equivalent(a, b, ec);
    return fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec);
}

std::optional<Board> load(const std::string& file) {
    store::LoadResult r = store::loadBoardFile(file);
    if (!r) {
        std::cerr << "horizons merge: " << r.error << "\n";
        return std::nullopt;
    }
    return std::move(*r.board);
}

const char* sideName(Resolution r) {
    switch (r) {
    case Resolution::Ours: return " [took ours]";
    case Resolution::Theirs: return " [took theirs]";
    case Resolution::Both: return " [kept both]";
    case Resolution::Unresolved: break;
    }
    return "";
}

int runMerge(const std::string& baseArg, const std::string& oursFile, const std::string& theirsFile,
             const std::string& out, const std::string& prefer) {
    for (const std::string& in : {baseArg, oursFile, theirsFile})
        if (in != "auto" && samePath(in, out)) {
            std::cerr << "horizons merge: the output " << out << " is one of the inputs; "
                      << "write the merge to a new file\n";
            return kUsage;
        }
    const std::optional<Board> ours = load(oursFile);
    const std::optional<Board> theirs = ours ? load(theirsFile) : std::nullopt;
    if (!theirs) return 1;
    std::optional<Board> base;
    if (baseArg.empty()) {
        bool found = false;
        base = baseFromSnapshots(*ours, *theirs, &found);
        std::cerr << "horizons merge: base: "
                  << (found ? "the newest snapshot both files share"
                            : "none shared, an empty board (only additions merge cleanly)")
                  << "\n";
    } else if (!(base = load(baseArg))) {
        return 1;
    }

    MergeChoices choices;
    if (prefer == "ours") choices.fallback = Resolution::Ours;
    if (prefer == "theirs") choices.fallback = Resolution::Theirs;
    const MergeResult r = mergeBoards(*base, *ours, *theirs, choices);
    for (const MergeConflict& c : r.conflicts)
        std::cerr << "conflict: " << describeConflict(c) << sideName(c.resolution) << "\n";
    if (r.unresolved() > 0) {
        std::cerr << "horizons merge: " << r.conflicts.size()
                  << (r.conflicts.size() == 1 ? " conflict" : " conflicts")
                  << "; nothing written (choose a side with --prefer ours|theirs)\n";
        return 1;
    }
    for (const std::string& note : r.repairs)
        std::cerr << "note: " << note << "\n";
    const store::SaveResult s = store::saveBoardFile(r.board, out);
    if (!s) {
        std::cerr << "horizons merge: " << s.error << "\n";
        return 1;
    }
    std::cout << "wrote " << out << " (" << s.bytes << " bytes, " << r.conflicts.size()
              << (r.conflicts.size() == 1 ? " conflict" : " conflicts")
              << "): " << store::summarizeBoard(r.board) << "\n";
    return 0;
}

} // namespace

void MergeCommand::add(CLI::App& cli) {
    merge_ = cli.add_subcommand(
        "merge", "Three-way merge of two copies of a board by entity id (exit 1 on conflicts)");
    merge_->add_option("FILES", files_, "BASE OURS THEIRS, or OURS THEIRS with --base")
        ->required()
        ->expected(2, 3)
        ->type_name("FILE");
    merge_
        ->add_option("--base", base_,
                     "The common ancestor: a board file, or `auto` for the newest snapshot "
                     "both copies share (else an empty board)")
        ->type_name("FILE|auto");
    merge_->add_option("-o,--output", out_, "File to write the merged board to")
        ->required()
        ->type_name("OUT");
    merge_->add_option("--prefer", prefer_, "Resolve every conflict with this side and write OUT")
        ->check(CLI::IsMember({"ours", "theirs"}))
        ->type_name("ours|theirs");
}

std::optional<int> MergeCommand::run() const {
    if (!merge_ || !merge_->parsed()) return std::nullopt;
    const bool withBase = !base_.empty();
    if (files_.size() != (withBase ? 2u : 3u)) {
        std::cerr << "horizons merge: give BASE OURS THEIRS, or OURS THEIRS with --base "
                     "FILE|auto\n";
        return kUsage;
    }
    const std::size_t at = withBase ? 0 : 1;
    const std::string base = !withBase ? files_[0] : base_ == "auto" ? std::string() : base_;
    return runMerge(base, files_[at], files_[at + 1], out_, prefer_);
}

} // namespace horizons::app
