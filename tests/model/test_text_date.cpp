#include "model/date.hpp"
#include "model/document.hpp"
#include "model/edits.hpp"
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

TEST_CASE("a text field's round trip never changes a title: emoji come back, NULs go") {
    const std::string title = "Lead \xF0\x9F\x9A\x80 team"; // Lead 🚀 team
    const std::string shown = "Lead \xEF\xBF\xBD team";     // as ImGui 1.86 shows it
    CHECK(restoreEditedText(title, shown + std::string(1, '\0')) == title); // F2, Enter
    CHECK(restoreEditedText(title, shown + " now") == title + " now");      // edit elsewhere
    CHECK(restoreEditedText(title, "Lead team") == "Lead team");            // emoji deleted
    CHECK(restoreEditedText("", std::string("a\0b", 3)) == "ab");
    CHECK(restoreEditedText("plain", "plain edited") == "plain edited");
}

TEST_CASE("an edit that only went through a text field keeps the emoji in the goal") {
    horizons::Document doc{horizons::makeEmptyBoard()};
    horizons::Goal g;
    g.id = doc.newId<horizons::GoalId>();
    g.title = "Lead \xF0\x9F\x9A\x80 team";
    g.horizon = horizons::orderedHorizons(doc.content())[0]->id;
    doc.apply(horizons::addGoal(doc.board(), g));
    const std::size_t depth = doc.undoDepth();
    CHECK_FALSE(doc.apply(
        horizons::renameGoal(doc.board(), g.id, std::string("Lead \xEF\xBF\xBD team\0", 14))));
    CHECK(doc.undoDepth() == depth);
    CHECK(doc.content().goals.find(g.id)->title == g.title);
}
