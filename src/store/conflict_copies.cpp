#include "store/conflict_copies.hpp"

#include "store/atomic_file.hpp"
#include "store/board_file.hpp"

#include <algorithm>
#include <regex>
#include <system_error>

namespace horizons::store {

namespace fs = std::filesystem;

namespace {

bool endsWith(std::string_view s, std::string_view e) {
    return s.size() >= e.size() && s.substr(s.size() - e.size()) == e;
}

bool validDate(int y, int m, int d) { return y >= 1970 && m >= 1 && m <= 12 && d >= 1 && d <= 31; }
bool validTime(int h, int m, int s) { return h < 24 && m < 60 && s < 61; }

int num(const std::ssub_match& m) { return std::stoi(m.str()); }

// The mark a tool put between the board's stem and extension.
std::optional<ConflictName> matchMark(const std::string& mark) {
    static const std::regex syncthing(
        R"(^\.sync-conflict-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-([A-Z0-9]{7})$)");
    static const std::regex dropbox(
        R"(^ \((?:(.+)(?:'|\xE2\x80\x99)s )?conflicted copy (\d{4})-(\d{2})-(\d{2})(?: \(\d+\))?\)$)");
    static const std::regex nextcloud(
        R"(^ \(conflicted copy (?:(.+) )?(\d{4})-(\d{2})-(\d{2}) (\d{2})(\d{2})(\d{2})\)$)");
    static const std::regex onedrive(R"(^-([A-Z0-9](?:[A-Z0-9-]{0,13}?[A-Z0-9])?)(?:-\d{1,3})?$)");
    std::smatch m;
    if (std::regex_match(mark, m, syncthing)) {
        if (!validDate(num(m[1]), num(m[2]), num(m[3])) ||
            !validTime(num(m[4]), num(m[5]), num(m[6])))
            return std::nullopt;
        return ConflictName{ConflictTool::Syncthing, m[7].str()};
    }
    if (std::regex_match(mark, m, nextcloud)) {
        if (!validDate(num(m[2]), num(m[3]), num(m[4])) ||
            !validTime(num(m[5]), num(m[6]), num(m[7])))
            return std::nullopt;
        return ConflictName{ConflictTool::Nextcloud, m[1].str()};
    }
    if (std::regex_match(mark, m, dropbox)) {
        if (!validDate(num(m[2]), num(m[3]), num(m[4]))) return std::nullopt;
        return ConflictName{ConflictTool::Dropbox, m[1].str()};
    }
    if (std::regex_match(mark, m, onedrive)) {
        const std::string name = m[1].str();
        if (name.size() < 2 ||
            std::none_of(name.begin(), name.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
            return std::nullopt;
        return ConflictName{ConflictTool::OneDrive, name};
    }
    return std::nullopt;
}

} // namespace

std::string_view toolName(ConflictTool tool) {
    switch (tool) {
    case ConflictTool::Syncthing: return "Syncthing";
    case ConflictTool::Dropbox: return "Dropbox";
    case ConflictTool::Nextcloud: return "Nextcloud";
    case ConflictTool::OneDrive: return "OneDrive";
    }
    return "?";
}

std::optional<ConflictName> matchConflictName(std::string_view board, std::string_view candidate) {
    if (candidate == board || candidate.empty() || candidate[0] == '.') return std::nullopt;
    // The board's extension: ours in full, else its last one. Tools mark before the last
    // extension; some users' tools before the full one: try both splits.
    std::string_view full;
    for (std::string_view e : {kJsonExtension, kBinaryExtension})
        if (endsWith(board, e) && board.size() > e.size()) {
            full = e;
            break;
        }
    const auto dot = board.rfind('.');
    const std::string_view last =
        dot == std::string_view::npos || dot == 0 ? std::string_view() : board.substr(dot);
    std::vector<std::string_view> exts;
    if (!full.empty()) exts.push_back(full);
    if (!last.empty() && last != full) exts.push_back(last);
    for (std::string_view ext : exts) {
        const std::string_view stem = board.substr(0, board.size() - ext.size());
        if (stem.empty() || candidate.size() <= board.size()) continue;
        if (candidate.substr(0, stem.size()) != stem || !endsWith(candidate, ext)) continue;
        const std::string mark(
            candidate.substr(stem.size(), candidate.size() - stem.size() - ext.size()));
        if (auto m = matchMark(mark)) return m;
    }
    return std::nullopt;
}

std::vector<ConflictCopy> findConflictCopies(const fs::path& board) {
    std::vector<ConflictCopy> out;
    const std::string name = board.filename().string();
    const fs::path dir = board.has_parent_path() ? board.parent_path() : fs::path(".");
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code fec;
        if (!it->is_regular_file(fec) || fec) continue;
        const auto m = matchConflictName(name, it->path().filename().string());
        if (!m || isSameFile(it->path(), board)) continue;
        if (m->tool == ConflictTool::OneDrive && !loadBoardFile(it->path())) continue;
        out.push_back(ConflictCopy{it->path(), m->tool, m->detail, it->last_write_time(fec)});
    }
    std::sort(out.begin(), out.end(), [](const ConflictCopy& a, const ConflictCopy& b) {
        return a.modified != b.modified ? a.modified < b.modified : a.path < b.path;
    });
    return out;
}

} // namespace horizons::store
