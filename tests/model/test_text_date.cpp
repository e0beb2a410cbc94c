#include "model/date.hpp"
#include "model/text.hpp"

#include <doctest/doctest.h>

using namespace horizons;

TEST_CASE("dates round-trip through ISO text and reject impossible days") {
    const Date d = Date::fromYmd(2024, 2, 29);
    CHECK(d.iso() == "2024-02-29");
    CHECK(Date::parse("2024-02-29") == d);
    CHECK(Date::fromYmd(1970, 1, 1).days == 0);
    CHECK_FALSE(Date::parse("2023-02-29"));
    CHECK_FALSE(Date::parse("2024-13-01"));
    CHECK_FALSE(Date::parse("2024-1-01"));
    CHECK_FALSE(Date::parse("abcd-ef-gh"));
    CHECK(formatTimestamp(0) == "1970-01-01 00:00");
}

TEST_CASE("UTF-8 validation accepts real text and rejects broken sequences") {
    CHECK(isValidUtf8("plain"));
    CHECK(isValidUtf8("Zürich 東京 🚀"));
    CHECK_FALSE(isValidUtf8("\xC3"));             // truncated
    CHECK_FALSE(isValidUtf8("\xC0\xAF"));         // overlong '/'
    CHECK_FALSE(isValidUtf8("\xED\xA0\x80"));     // surrogate
    CHECK_FALSE(isValidUtf8("\xF4\x90\x80\x80")); // beyond U+10FFFF
    CHECK_FALSE(isValidUtf8("\xFF"));
    CHECK(nonBlankOr("  x ", "f") == "  x ");
    CHECK(nonBlankOr(" \t", "f") == "f");
    CHECK(containsIgnoringCase("Move into Product", "product"));
}
