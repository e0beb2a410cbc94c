#include "store/paths.hpp"

#include "store/board_file.hpp"

#include <cstdlib>
#include <system_error>

namespace horizons::store {

namespace fs = std::filesystem;

namespace {

#ifdef _WIN32
fs::path envPath(const wchar_t* name) {
    const wchar_t* v = _wgetenv(name);
    return v && *v ? fs::path(v) : fs::path();
}
#else
fs::path envPath(const char* name) {
    const char* v = std::getenv(name);
    return v && *v ? fs::path(v) : fs::path();
}
#endif

} // namespace

fs::path userDataDir() {
#if defined(_WIN32)
    fs::path base = envPath(L"APPDATA");
    if (base.empty()) base = envPath(L"USERPROFILE") / "AppData" / "Roaming";
    return base / "Horizons";
#elif defined(__APPLE__)
    return envPath("HOME") / "Library" / "Application Support" / "Horizons";
#else
    fs::path base = envPath("XDG_DATA_HOME");
    if (base.empty() || base.is_relative()) // the XDG spec says to ignore relative paths
        base = envPath("HOME") / ".local" / "share";
    return base / "horizons";
#endif
}

fs::path defaultBoardPath() { return userDataDir() / "board.horizons.json"; }

Board instantiateStarter(Board b, Date today, Timestamp now) {
    const int shift = today.days - kStarterAnchor.days;
    auto move = [shift](std::optional<Date>& d) {
        if (d) d = d->plusDays(shift);
    };
    std::vector<Goal> goals(b.content.goals.begin(), b.content.goals.end());
    for (auto& g : goals) {
        move(g.target);
        g.created = g.updated = now;
    }
    b.content.goals.assign(std::move(goals));
    std::vector<Person> people(b.content.people.begin(), b.content.people.end());
    for (auto& p : people)
        move(p.nextPlanned);
    b.content.people.assign(std::move(people));
    std::vector<Conversation> log(b.content.conversations.begin(), b.content.conversations.end());
    for (auto& c : log)
        c.date = c.date.plusDays(shift);
    b.content.conversations.assign(std::move(log));
    std::vector<Ask> asks(b.content.asks.begin(), b.content.asks.end());
    for (auto& a : asks) {
        a.asked = a.asked.plusDays(shift);
        move(a.settled);
    }
    b.content.asks.assign(std::move(asks));
    std::vector<Win> wins(b.content.wins.begin(), b.content.wins.end());
    for (auto& w : wins)
        w.date = w.date.plusDays(shift);
    b.content.wins.assign(std::move(wins));
    move(b.content.meta.reviewDate);
    return b;
}

DefaultBoard ensureDefaultBoard(const fs::path& assetDir, std::optional<fs::path> boardPath) {
    DefaultBoard out;
    out.path = boardPath.value_or(defaultBoardPath());
    std::error_code ec;
    if (fs::exists(out.path, ec)) return out;
    LoadResult starter = loadBoardFile(assetDir / kStarterAssetName);
    if (!starter) {
        out.error = "the starter board could not be read: " + starter.error;
        return out;
    }
    fs::create_directories(out.path.parent_path(), ec);
    if (ec) {
        out.error = "could not create the folder for the board: " + ec.message();
        return out;
    }
    const Board board =
        instantiateStarter(std::move(*starter.board), Date::today(), nowTimestamp());
    const SaveResult saved = saveBoardFile(board, out.path, SaveOptions{{}, false});
    if (!saved) {
        out.error = saved.error;
        return out;
    }
    out.created = true;
    return out;
}

} // namespace horizons::store
