#include "store/process_info.hpp"

#ifdef _WIN32
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <process.h>
#include <windows.h>
#else
#include <cerrno>
#include <csignal>
#include <fstream>
#include <iterator>
#include <unistd.h>
#endif

namespace horizons::store {

#ifdef _WIN32

std::uint64_t currentProcessId() { return static_cast<std::uint64_t>(GetCurrentProcessId()); }

bool processAlive(std::uint64_t pid) {
    if (pid == 0 || pid > 0xFFFFFFFFull) return false;
    HANDLE h = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, static_cast<DWORD>(pid));
    if (!h) return GetLastError() == ERROR_ACCESS_DENIED; // exists, but not ours to inspect
    DWORD code = 0;
    const bool alive = GetExitCodeProcess(h, &code) && code == STILL_ACTIVE;
    CloseHandle(h);
    return alive;
}

std::uint64_t processStartId(std::uint64_t pid) {
    if (pid == 0 || pid > 0xFFFFFFFFull) return 0;
    HANDLE h = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, static_cast<DWORD>(pid));
    if (!h) return 0;
    FILETIME created{}, exited{}, kernel{}, user{};
    std::uint64_t id = 0;
    if (GetProcessTimes(h, &created, &exited, &kernel, &user))
        id = (static_cast<std::uint64_t>(created.dwHighDateTime) << 32) | created.dwLowDateTime;
    CloseHandle(h);
    return id;
}

std::string hostName() {
    wchar_t buf[MAX_COMPUTERNAME_LENGTH + 1];
    DWORD n = MAX_COMPUTERNAME_LENGTH + 1;
    if (!GetComputerNameW(buf, &n)) return {};
    const int len =
        WideCharToMultiByte(CP_UTF8, 0, buf, static_cast<int>(n), nullptr, 0, nullptr, nullptr);
    std::string out(static_cast<std::size_t>(len > 0 ? len : 0), '\0');
    if (len > 0)
        WideCharToMultiByte(CP_UTF8, 0, buf, static_cast<int>(n), out.data(), len, nullptr,
                            nullptr);
    return out;
}

#else

std::uint64_t currentProcessId() { return static_cast<std::uint64_t>(::getpid()); }

bool processAlive(std::uint64_t pid) {
    if (pid == 0 || pid > 0x7FFFFFFFull) return false;
    // Signal 0 only checks: EPERM means the process exists but belongs to someone else.
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

std::uint64_t processStartId(std::uint64_t pid) {
    if (pid == 0 || pid > 0x7FFFFFFFull) return 0;
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    if (!in) return 0;
    const std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // Field 2 (the command) may hold spaces and ')': count fields after the last ')'.
    const auto close = stat.rfind(')');
    if (close == std::string::npos) return 0;
    std::size_t pos = close + 1;
    for (int field = 3; field < 22; ++field) { // starttime is field 22
        pos = stat.find(' ', pos + 1);
        if (pos == std::string::npos) return 0;
    }
    try {
        return std::stoull(stat.substr(pos + 1));
    } catch (...) {
        return 0;
    }
}

std::string hostName() {
    char buf[256] = {};
    if (::gethostname(buf, sizeof buf - 1) != 0) return {};
    return buf;
}

#endif

} // namespace horizons::store
