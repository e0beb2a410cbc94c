#include "app/settings.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>
#include <system_error>

namespace fs = std::filesystem;

namespace horizons::app {
namespace {

std::string trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r");
    return std::string(s.substr(b, e - b + 1));
}

bool toInt(const std::string& v, int& out) {
    int x = 0;
    const auto r = std::from_chars(v.data(), v.data() + v.size(), x);
    if (r.ec != std::errc() || r.ptr != v.data() + v.size()) return false;
    out = x;
    return true;
}

bool toFloat(const std::string& v, float& out) {
    std::istringstream is(v);
    is.imbue(std::locale::classic());
    float x = 0;
    if (!(is >> x) || !std::isfinite(x)) return false;
    out = x;
    return true;
}

bool toBool(const std::string& v, bool& out) {
    if (v == "1" || v == "true")
        out = true;
    else if (v == "0" || v == "false")
        out = false;
    else
        return false;
    return true;
}

} // namespace

std::string formatSettings(const Settings& s) {
    std::ostringstream o;
    o.imbue(std::locale::classic());
    o << "# Horizons settings (window state and layout). Safe to delete.\n";
    o << "window.x = " << s.window.x << "\n";
    o << "window.y = " << s.window.y << "\n";
    o << "window.width = " << s.window.width << "\n";
    o << "window.height = " << s.window.height << "\n";
    o << "window.maximized = " << (s.window.maximized ? 1 : 0) << "\n";
    o << "theme = " << ui::themeName(s.theme) << "\n";
    const auto& p = s.panels;
    o << "panel.board = " << p.board << "\n";
    o << "panel.networkMap = " << p.networkMap << "\n";
    o << "panel.inspector = " << p.inspector << "\n";
    o << "panel.coach = " << p.coach << "\n";
    o << "panel.history = " << p.history << "\n";
    o << "panel.prep = " << p.prep << "\n";
    o << "panel.minimap = " << p.minimap << "\n";
    o << "panel.mapFraction = " << p.mapFraction << "\n";
    o << "panel.sideWidthEm = " << p.sideWidthEm << "\n";
    o << "panel.bottomHeightEm = " << p.bottomHeightEm << "\n";
    for (const auto& f : s.recentFiles)
        if (f.find('\n') == std::string::npos) o << "recent = " << f << "\n";
    if (!s.lastBoard.empty() && s.lastBoard.find('\n') == std::string::npos)
        o << "lastBoard = " << s.lastBoard << "\n";
    return o.str();
}

Settings parseSettings(const std::string& text) {
    Settings s;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        const std::string t = trim(line);
        if (t.empty() || t[0] == '#') continue;
        const auto eq = t.find('=');
        if (eq == std::string::npos) continue;
        const std::string key = trim(std::string_view(t).substr(0, eq));
        const std::string val = trim(std::string_view(t).substr(eq + 1));
        auto& p = s.panels;
        int i = 0;
        float f = 0;
        if (key == "window.x" && toInt(val, i))
            s.window.x = i;
        else if (key == "window.y" && toInt(val, i))
            s.window.y = i;
        else if (key == "window.width" && toInt(val, i))
            s.window.width = std::clamp(i, 320, 16384);
        else if (key == "window.height" && toInt(val, i))
            s.window.height = std::clamp(i, 240, 16384);
        else if (key == "window.maximized")
            toBool(val, s.window.maximized);
        else if (key == "theme")
            ui::parseTheme(val, s.theme);
        else if (key == "panel.board")
            toBool(val, p.board);
        else if (key == "panel.networkMap")
            toBool(val, p.networkMap);
        else if (key == "panel.inspector")
            toBool(val, p.inspector);
        else if (key == "panel.coach")
            toBool(val, p.coach);
        else if (key == "panel.history")
            toBool(val, p.history);
        else if (key == "panel.prep")
            toBool(val, p.prep);
        else if (key == "panel.minimap")
            toBool(val, p.minimap);
        else if (key == "panel.mapFraction" && toFloat(val, f))
            p.mapFraction = std::clamp(f, 0.1f, 0.9f);
        else if (key == "panel.sideWidthEm" && toFloat(val, f))
            p.sideWidthEm = std::clamp(f, 10.0f, 80.0f);
        else if (key == "panel.bottomHeightEm" && toFloat(val, f))
            p.bottomHeightEm = std::clamp(f, 4.0f, 60.0f);
        else if (key == "recent" && !val.empty() && s.recentFiles.size() < Settings::kMaxRecent)
            s.recentFiles.push_back(val);
        else if (key == "lastBoard")
            s.lastBoard = val;
    }
    if (!s.panels.board && !s.panels.networkMap) s.panels.board = true; // never hide both
    return s;
}

Settings loadSettings(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return {};
    std::ostringstream buf;
    buf << in.rdbuf();
    std::string text = buf.str();
    if (text.size() > (1u << 20)) return {}; // not ours
    return parseSettings(text);
}

bool saveSettings(const fs::path& file, const Settings& s) {
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    if (ec) return false;
    fs::path tmp = file;
    tmp += ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) return false;
        out << formatSettings(s);
        out.flush();
        if (!out) return false;
    }
    fs::rename(tmp, file, ec);
    if (ec) {
        fs::remove(tmp, ec);
        return false;
    }
    return true;
}

} // namespace horizons::app
