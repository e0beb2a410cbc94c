// Calendar dates (days since 1970-01-01, no time zone) and UTC timestamps.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace horizons {

struct Date {
    std::int32_t days = 0; // days since 1970-01-01

    static Date fromYmd(int year, unsigned month, unsigned day);
    static std::optional<Date> parse(std::string_view isoDate); // "YYYY-MM-DD", validated
    static Date today();                                        // local calendar date
    std::string iso() const;                                    // "YYYY-MM-DD"
    int year() const;
    unsigned month() const;
    unsigned day() const;
    Date plusDays(int n) const { return Date{days + n}; }
    auto operator<=>(const Date&) const = default;
};

using Timestamp = std::int64_t; // seconds since the Unix epoch, UTC

Timestamp nowTimestamp();
std::string formatTimestamp(Timestamp t); // "YYYY-MM-DD HH:MM" in UTC

} // namespace horizons
