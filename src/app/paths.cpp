#include "app/paths.hpp"

#include <cstdlib>
#include <system_error>

#if defined(_WIN32)
#include <windows.h>
#elif defined(__APPLE__)
#include <mach-o/dyld.h>
#endif

namespace fs = std::filesystem;

namespace horizons::app {
namespace {

fs::path env(const char* name) {
    const char* v = std::getenv(name);
    return (v && *v) ? fs::path(v) : fs::path();
}

bool isDir(const fs::path& p) {
    std::error_code ec;
    return !p.empty() && fs::is_directory(p, ec);
}

} // namespace

fs::path configDir() {
#if defined(_WIN32)
    fs::path base = env("APPDATA");
    if (base.empty()) base = env("USERPROFILE") / "AppData" / "Roaming";
    return base / "Horizons";
#elif defined(__APPLE__)
    return env("HOME") / "Library" / "Application Support" / "Horizons";
#else
    fs::path base = env("XDG_CONFIG_HOME");
    if (base.empty() || base.is_relative()) base = env("HOME") / ".config"; // XDG: ignore relative
    return base / "horizons";
#endif
}

fs::path executableDir() {
    std::error_code ec;
#if defined(_WIN32)
    wchar_t buf[MAX_PATH * 4];
    const DWORD n = GetModuleFileNameW(nullptr, buf, static_cast<DWORD>(std::size(buf)));
    if (n == 0 || n >= std::size(buf)) return {};
    return fs::path(buf).parent_path();
#elif defined(__APPLE__)
    char buf[4096];
    uint32_t size = sizeof buf;
    if (_NSGetExecutablePath(buf, &size) != 0) return {};
    return fs::weakly_canonical(fs::path(buf), ec).parent_path();
#else
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : exe.parent_path();
#endif
}

fs::path assetDir() {
    const fs::path exe = executableDir();
    if (!exe.empty()) {
        if (isDir(exe / "assets")) return exe / "assets";
        if (isDir(exe / ".." / "share" / "horizons" / "assets"))
            return (exe / ".." / "share" / "horizons" / "assets").lexically_normal();
    }
#ifdef HORIZONS_SOURCE_ASSET_DIR
    if (isDir(HORIZONS_SOURCE_ASSET_DIR)) return fs::path(HORIZONS_SOURCE_ASSET_DIR);
#endif
    return exe / "assets";
}

} // namespace horizons::app
