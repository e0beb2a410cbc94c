// trash.cpp — see trash.hpp.
#include "store/trash.hpp"

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <system_error>

#ifdef _WIN32
#include <windows.h>
// after windows.h, which it needs
#include <shellapi.h>
#endif

namespace horizons::store {

namespace fs = std::filesystem;

namespace {

#if !defined(_WIN32)
fs::path homePath() {
    const char* h = std::getenv("HOME");
    return h && *h ? fs::path(h) : fs::path();
}

// The Path= value of a .trashinfo: the absolute path, percent-encoded as a URI path.
std::string trashInfoPath(const fs::path& p) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char c : p.string()) {
        const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                           (c >= '0' && c <= '9') || c == '/' || c == '-' || c == '_' || c == '.' ||
                           c == '~';
        if (plain) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string deletionDate() {
    const std::time_t t = std::time(nullptr);
    char buf[32] = "";
    if (const std::tm* tm = std::localtime(&t))
        std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", tm);
    return buf;
}
#endif

} // namespace

fs::path trashDir() {
#if defined(_WIN32)
    return {};
#elif defined(__APPLE__)
    return homePath() / ".Trash";
#else
    const char* xdg = std::getenv("XDG_DATA_HOME");
    const fs::path base = xdg && *xdg && fs::path(xdg).is_absolute()
                              ? fs::path(xdg)
                              : homePath() / ".local" / "share";
    return base / "Trash";
#endif
}

std::string moveToTrash(const fs::path& file) {
    std::error_code ec;
    const fs::path abs = fs::absolute(file, ec).lexically_normal();
    if (!fs::is_regular_file(fs::symlink_status(abs, ec)))
        return file.filename().string() + " is not a file";
#if defined(_WIN32)
    // SHFileOperationW takes a list ending in two NULs.
    std::wstring from = abs.wstring();
    from.push_back(L'\0');
    SHFILEOPSTRUCTW op{};
    op.wFunc = FO_DELETE;
    op.pFrom = from.c_str();
    op.fFlags = FOF_ALLOWUNDO | FOF_NOCONFIRMATION | FOF_SILENT | FOF_NOERRORUI;
    if (SHFileOperationW(&op) != 0 || op.fAnyOperationsAborted)
        return "the Recycle Bin did not take " + file.filename().string();
    return {};
#else
    const fs::path dir = trashDir();
    if (dir.empty()) return "no home folder for the trash";
#if defined(__APPLE__)
    const fs::path files = dir;
#else
    const fs::path files = dir / "files", info = dir / "info";
    fs::create_directories(info, ec);
#endif
    fs::create_directories(files, ec);
    if (ec) return "cannot make the trash folder " + files.string() + ": " + ec.message();
    // A free name in the trash: "NAME", "NAME.2", ... (the info file is claimed first, as
    // the spec asks, so two programs never take the same name).
    const std::string name = abs.filename().string();
    for (int n = 1; n < 1000; ++n) {
        const std::string candidate = n == 1 ? name : name + "." + std::to_string(n);
        if (fs::exists(files / candidate, ec)) continue;
#if !defined(__APPLE__)
        const fs::path infoFile = info / (candidate + ".trashinfo");
        std::FILE* f = std::fopen(infoFile.c_str(), "wx"); // exclusive: fails when taken
        if (!f) continue;
        const std::string text =
            "[Trash Info]\nPath=" + trashInfoPath(abs) + "\nDeletionDate=" + deletionDate() + "\n";
        const bool wrote = std::fwrite(text.data(), 1, text.size(), f) == text.size();
        std::fclose(f);
        if (!wrote) {
            fs::remove(infoFile, ec);
            return "cannot write to the trash folder " + info.string();
        }
#endif
        fs::rename(abs, files / candidate, ec);
        if (!ec) return {};
#if !defined(__APPLE__)
        std::error_code ignored;
        fs::remove(infoFile, ignored);
#endif
        if (ec == std::errc::cross_device_link)
            return file.filename().string() + " is on another drive than the trash (" +
                   dir.string() + "); it stays where it is";
        return "cannot move " + file.filename().string() + " to the trash: " + ec.message();
    }
    return "the trash has too many files named " + name;
#endif
}

} // namespace horizons::store
