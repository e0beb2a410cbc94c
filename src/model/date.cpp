#include "model/date.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace horizons {

namespace ch = std::chrono;

Date Date::fromYmd(int y, unsigned m, unsigned d) {
    const ch::sys_days sd{ch::year{y} / ch::month{m} / ch::day{d}};
    return Date{static_cast<std::int32_t>(sd.time_since_epoch().count())};
}

std::optional<Date> Date::parse(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    int parts[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8};
    const std::size_t lens[3] = {4, 2, 2};
    for (int i = 0; i < 3; ++i) {
        for (std::size_t k = 0; k < lens[i]; ++k) {
            const char c = s[starts[i] + k];
            if (c < '0' || c > '9') return std::nullopt;
            parts[i] = parts[i] * 10 + (c - '0');
        }
    }
    const ch::year_month_day ymd{ch::year{parts[0]}, ch::month{static_cast<unsigned>(parts[1])},
                                 ch::day{static_cast<unsigned>(parts[2])}};
    if (!ymd.ok()) return std::nullopt;
    return Date{static_cast<std::int32_t>(ch::sys_days{ymd}.time_since_epoch().count())};
}

Date Date::today() {
    const std::time_t t = std::time(nullptr);
    std::tm local{};
#ifdef _WIN32
    localtime_s(&local, &t);
#else
    localtime_r(&t, &local);
#endif
    return fromYmd(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1),
                   static_cast<unsigned>(local.tm_mday));
}

static ch::year_month_day ymdOf(Date d) {
    return ch::year_month_day{ch::sys_days{ch::days{d.days}}};
}

int Date::year() const { return static_cast<int>(ymdOf(*this).year()); }
unsigned Date::month() const { return static_cast<unsigned>(ymdOf(*this).month()); }
unsigned Date::day() const { return static_cast<unsigned>(ymdOf(*this).day()); }

std::string Date::iso() const {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year(), month(), day());
    return buf;
}

Timestamp nowTimestamp() {
    return ch::duration_cast<ch::seconds>(ch::system_clock::now().time_since_epoch()).count();
}

std::string formatTimestamp(Timestamp t) {
    const ch::sys_seconds s{ch::seconds{t}};
    const auto dayPoint = ch::floor<ch::days>(s);
    const ch::year_month_day ymd{dayPoint};
    const ch::hh_mm_ss hms{s - dayPoint};
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02d:%02d", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()));
    return buf;
}

} // namespace horizons
