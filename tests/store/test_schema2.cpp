// Schema 2: roles, organisation, latest gap and vCard UID per person; the review date; asks
// and wins. Older files load unchanged and get the roles their relationship implies.
#include "store/board_file.hpp"
#include "store/paths.hpp"
#include "store_test_util.hpp"

#include <doctest/doctest.h>

using namespace horizons;
using namespace horizons::store;
using namespace horizons::testutil;

namespace {

Board loadFile(const std::string& name) {
    LoadResult r = loadBoardFile(dataDir() / name);
    INFO(r.error);
    REQUIRE(r);
    return std::move(*r.board);
}

} // namespace

TEST_CASE("a schema-1 file loads unchanged, with roles that follow from each relationship") {
    const Board b = loadFile("schema-1.horizons.json");
    CHECK(b.content.asks.empty());
    CHECK(b.content.wins.empty());
    CHECK_FALSE(b.content.meta.reviewDate);
    REQUIRE_FALSE(b.content.people.empty());
    for (const Person& p : b.content.people) {
        CAPTURE(p.name);
        CHECK(p.roles == rolesFromRelationship(p.relationship, p.insideOrg));
        CHECK(p.organisation.empty());
        CHECK(p.latestGapDays == 0);
        CHECK(p.uid.empty());
        if (p.relationship == Relationship::Manager) CHECK((p.roles & RoleManager) != 0);
        if (!p.insideOrg) CHECK((p.roles & RoleOutsideContact) != 0);
    }
    // Binary and JSON of schema 1 agree on the new fields too.
    CHECK(loadFile("schema-1.horizons") == b);
}

TEST_CASE("the schema-2 golden files hold asks, wins, roles and the review date") {
    const Board b = loadFile("schema-2.horizons.json");
    CHECK(loadFile("schema-2.horizons") == b);
    CHECK(b.content.meta.reviewDate == Date::parse("2025-06-30"));
    const Person* priya = b.content.people.find(PersonId{11});
    REQUIRE(priya);
    CHECK(priya->roles == (RoleManager | RoleSponsor));
    CHECK(priya->organisation == "Northwind Health");
    CHECK(priya->latestGapDays == 120);
    REQUIRE(b.content.asks.size() == 3);
    const Ask* open = b.content.asks.find(AskId{24});
    REQUIRE(open);
    CHECK(open->status == AskStatus::Open);
    CHECK(open->goals == std::vector<GoalId>{GoalId{7}});
    const Ask* gone = b.content.asks.find(AskId{28});
    REQUIRE(gone);
    CHECK(gone->status == AskStatus::Declined);
    CHECK(gone->formerContact == "Sam Doe");
    CHECK(gone->settled == Date::parse("2024-10-09"));
    REQUIRE(b.content.wins.size() == 1);
    CHECK(b.content.wins.begin()->goals.size() == 2);
    REQUIRE(b.snapshots.size() == 1);
    CHECK(b.snapshots.begin()->content.asks.size() == 2); // a snapshot holds them too
    // Saving what was loaded gives the golden bytes back, in both formats.
    CHECK(serializeJson(b) == readBytes(dataDir() / "schema-2.horizons.json"));
    CHECK(serializeBinary(b) == readBytes(dataDir() / "schema-2.horizons"));
}

TEST_CASE("schema-2 JSON names roles and ask statuses; unknown ones are refused where they are") {
    const std::string json = readBytes(dataDir() / "schema-2.horizons.json");
    CHECK(json.find("\"roles\": [\n            \"manager\",\n            \"sponsor\"") !=
          std::string::npos);
    CHECK(json.find("\"status\": \"declined\"") != std::string::npos);
    CHECK(json.find("\"reviewDate\": \"2025-06-30\"") != std::string::npos);

    std::string badRole = json;
    badRole.replace(badRole.find("\"sponsor\"\n"), 9, "\"patron\"");
    LoadResult r = loadBoardFromBytes(badRole, "bad.horizons.json");
    REQUIRE_FALSE(r);
    CHECK(r.error.find("unknown role \"patron\"") != std::string::npos);
    CHECK(r.error.find("people[0].roles") != std::string::npos);

    std::string badStatus = json;
    badStatus.replace(badStatus.find("\"status\": \"declined\""), 20, "\"status\": \"maybe\"");
    r = loadBoardFromBytes(badStatus, "bad.horizons.json");
    REQUIRE_FALSE(r);
    CHECK(r.error.find("asks[2].status") != std::string::npos);

    std::string missingPerson = json;
    missingPerson.replace(missingPerson.find("\"person\": 11,\n          \"what\""), 13,
                          "\"person\": 99,");
    r = loadBoardFromBytes(missingPerson, "bad.horizons.json");
    REQUIRE_FALSE(r);
    CHECK(r.error.find("ask 24") != std::string::npos);
}

TEST_CASE("the starter's asks, wins and review date move with today like its other dates") {
    LoadResult r = loadBoardFile(assetDir() / kStarterAssetName);
    REQUIRE(r);
    const Date today = Date::fromYmd(2026, 3, 1);
    const int shift = today.days - kStarterAnchor.days;
    const Board b = instantiateStarter(*r.board, today, 0);
    CHECK(b.content.meta.reviewDate == r.board->content.meta.reviewDate->plusDays(shift));
    for (const Ask& a : b.content.asks)
        CHECK(a.asked == r.board->content.asks.find(a.id)->asked.plusDays(shift));
    for (const Win& w : b.content.wins)
        CHECK(w.date == r.board->content.wins.find(w.id)->date.plusDays(shift));
}
