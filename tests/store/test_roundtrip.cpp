// Round trips (board -> JSON/binary -> board is the same board, and the bytes are stable),
// the starter board, every golden schema file, format detection, exact conversion.
#include "store/board_file.hpp"
#include "store/paths.hpp"
#include "store_test_util.hpp"

#include <doctest/doctest.h>

#include <chrono>

using namespace horizons;
using namespace horizons::store;
using namespace horizons::testutil;

namespace {

Board loadOk(std::string_view bytes, const char* name = "test") {
    LoadResult r = loadBoardFromBytes(bytes, name);
    INFO(r.error);
    REQUIRE(r);
    return std::move(*r.board);
}

void checkRoundTrip(const Board& b) {
    REQUIRE_FALSE(validateBoard(b));
    const std::string json = serializeJson(b);
    const std::string bin = serializeBinary(b);
    CHECK(detectFormat(json) == FileFormat::Json);
    CHECK(detectFormat(bin) == FileFormat::Binary);
    const Board fromJson = loadOk(json);
    const Board fromBin = loadOk(bin);
    CHECK(fromJson == b);
    CHECK(fromBin == b);
    // Stable bytes: saving what was loaded gives the same file, in both directions.
    CHECK(serializeJson(fromJson) == json);
    CHECK(serializeBinary(fromBin) == bin);
    CHECK(serializeBinary(fromJson) == bin);
    CHECK(serializeJson(fromBin) == json);
}

} // namespace

TEST_CASE("starter board: loads, is teaching-complete, and round-trips exactly") {
    LoadResult r = loadBoardFile(assetDir() / kStarterAssetName);
    INFO(r.error);
    REQUIRE(r);
    CHECK(r.format == FileFormat::Json);
    CHECK(r.schema == kSchemaVersion);
    const Board& b = *r.board;
    const auto cols = orderedHorizons(b.content);
    REQUIRE(cols.size() == 3);
    auto countIn = [&](const Horizon* h) {
        int n = 0;
        for (const auto& g : b.content.goals)
            n += g.horizon == h->id;
        return n;
    };
    CHECK(countIn(cols[2]) == 1); // one fuzzy direction in 5 years
    for (const auto& g : b.content.goals)
        if (g.horizon == cols[2]->id) CHECK(g.kind() == GoalKind::Direction);
    CHECK(countIn(cols[1]) == 2);                            // two 2-year things
    CHECK((countIn(cols[0]) >= 3 && countIn(cols[0]) <= 4)); // a few specific 6-month goals
    for (const auto& g : b.content.goals)
        if (g.horizon == cols[0]->id) {
            CHECK(g.target.has_value());
            CHECK(g.kind() == GoalKind::Destination);
        }
    int managers = 0, outside = 0;
    for (const auto& p : b.content.people) {
        managers += p.relationship == Relationship::Manager;
        outside += !p.insideOrg;
    }
    CHECK(managers == 1);
    CHECK(outside >= 1);
    CHECK(b.content.people.size() >= 3);
    CHECK(b.content.links.size() >= 3);
    CHECK(b.content.conversations.size() >= 1);
    checkRoundTrip(b);
    // The asset itself is in canonical form: saving it again changes nothing.
    CHECK(serializeJson(b) == readBytes(assetDir() / kStarterAssetName));
}

TEST_CASE("generated boards with unicode, empty fields and extreme values round-trip") {
    for (std::uint32_t seed = 1; seed <= 60; ++seed) {
        CAPTURE(seed);
        BoardGen gen(seed);
        checkRoundTrip(gen.make(seed % 7 * 3, seed % 5 + 1, seed % 3));
    }
    // The smallest board: one horizon, nothing else, every text empty.
    Board tiny;
    tiny.content.meta.title.clear();
    tiny.content.horizons.put(Horizon{HorizonId{1}, "", 1, 0});
    tiny.nextId = 2;
    checkRoundTrip(tiny);
    checkRoundTrip(makeEmptyBoard());
}

TEST_CASE("extreme numbers survive JSON exactly") {
    Board b = makeEmptyBoard("x");
    Goal g;
    g.id = GoalId{b.nextId++};
    g.horizon = b.content.horizons.items().front().id;
    g.specificity = 4.9e-324; // smallest denormal
    g.order = -1.7976931348623157e308;
    g.colour = 0xFFFFFFFF;
    g.created = std::numeric_limits<std::int64_t>::min();
    g.updated = std::numeric_limits<std::int64_t>::max();
    g.target = Date{std::numeric_limits<std::int32_t>::min()};
    b.content.goals.put(g);
    b.nextId = std::numeric_limits<std::uint64_t>::max();
    const Board back = loadOk(serializeJson(b));
    const Goal& h = *back.content.goals.find(g.id);
    CHECK(h.specificity == 4.9e-324);
    CHECK(h.order == -1.7976931348623157e308);
    CHECK(h.created == g.created);
    CHECK(h.updated == g.updated);
    CHECK(h.target == g.target);
    CHECK(h.colour == 0xFFFFFFFFu);
    CHECK(back.nextId == b.nextId);
}

TEST_CASE("JSON is readable: names for enums, ISO dates, colours, stable key order") {
    const std::string json = readBytes(assetDir() / kStarterAssetName);
    CHECK(json.find("\"magic\": \"horizons-board\"") != std::string::npos);
    CHECK(json.find("\"schema\": " + std::to_string(kSchemaVersion)) != std::string::npos);
    CHECK(json.find("\"status\": \"active\"") != std::string::npos);
    CHECK(json.find("\"relationship\": \"manager\"") != std::string::npos);
    CHECK(json.find("\"target\": \"2025-") != std::string::npos);
    CHECK(json.find("\"colour\": \"#") != std::string::npos);
    CHECK(json.find("\"helpsWith\": [") != std::string::npos);
    // The header comes first.
    CHECK(json.find("\"header\"") < json.find("\"board\""));
    CHECK(json.back() == '\n');
}

TEST_CASE("every golden schema file loads (and migrates) to the same board") {
    int found = 0;
    for (std::uint32_t schema = 1; schema <= kSchemaVersion; ++schema) {
        for (const char* ext : {".horizons.json", ".horizons"}) {
            const auto path = dataDir() / ("schema-" + std::to_string(schema) + ext);
            CAPTURE(path.string());
            REQUIRE(std::filesystem::exists(path));
            LoadResult r = loadBoardFile(path);
            INFO(r.error);
            REQUIRE(r);
            CHECK(r.schema == schema);
            CHECK(r.migrated == (schema < kSchemaVersion));
            CHECK(r.board->content.goals.size() >= 3);
            ++found;
        }
    }
    CHECK(found == 2 * static_cast<int>(kSchemaVersion));
    // Each schema's golden files hold the same board in both formats.
    const auto a = loadBoardFile(dataDir() / "schema-1.horizons.json");
    const auto b = loadBoardFile(dataDir() / "schema-1.horizons");
    REQUIRE(a);
    REQUIRE(b);
    CHECK(*a.board == *b.board);
}

TEST_CASE("a file from a newer schema is refused with a message that says so") {
    std::string json = serializeJson(makeEmptyBoard());
    const std::string schema = "\"schema\": " + std::to_string(kSchemaVersion);
    const auto at = json.find(schema);
    REQUIRE(at != std::string::npos);
    json.replace(at, schema.size(), "\"schema\": 99");
    const LoadResult r = loadBoardFromBytes(json, "future.horizons.json");
    REQUIRE_FALSE(r);
    CHECK(r.schema == 99);
    CHECK(r.error.find("newer Horizons") != std::string::npos);
    CHECK(r.error.find("schema 99") != std::string::npos);

    // A record version newer than this build reads is refused too.
    std::string j2 = serializeJson(makeEmptyBoard());
    const auto v = j2.find("\"cereal_class_version\": 1", j2.find("\"horizons\": ["));
    REQUIRE(v != std::string::npos);
    j2.replace(v, 25, "\"cereal_class_version\": 7");
    const LoadResult r2 = loadBoardFromBytes(j2, "x");
    REQUIRE_FALSE(r2);
    CHECK(r2.error.find("newer than this version") != std::string::npos);
}

TEST_CASE("format is detected from the content, not the name") {
    TempDir dir;
    const Board b = BoardGen(7).make();
    // Binary bytes in a .json file and JSON in a .horizons file both load.
    writeBytes(dir / "a.horizons.json", serializeBinary(b));
    writeBytes(dir / "b.horizons", serializeJson(b));
    const auto ra = loadBoardFile(dir / "a.horizons.json");
    const auto rb = loadBoardFile(dir / "b.horizons");
    REQUIRE(ra);
    REQUIRE(rb);
    CHECK(ra.format == FileFormat::Binary);
    CHECK(rb.format == FileFormat::Json);
    CHECK(*ra.board == b);
    CHECK(*rb.board == b);
    // A UTF-8 byte-order mark before the JSON is accepted.
    CHECK(loadBoardFromBytes("\xEF\xBB\xBF" + serializeJson(b), "bom"));
    CHECK(formatForPath("x/board.horizons") == FileFormat::Binary);
    CHECK(formatForPath("x/board.horizons.json") == FileFormat::Json);
    CHECK(formatForPath("board.json") == FileFormat::Json);
}

TEST_CASE("convert: JSON -> binary -> JSON is byte-exact through files") {
    TempDir dir;
    const Board b = BoardGen(99).make(40, 8, 2);
    REQUIRE(saveBoardFile(b, dir / "a.horizons.json"));
    const auto a = loadBoardFile(dir / "a.horizons.json");
    REQUIRE(a);
    REQUIRE(saveBoardFile(*a.board, dir / "b.horizons"));
    const auto bb = loadBoardFile(dir / "b.horizons");
    REQUIRE(bb);
    CHECK(bb.format == FileFormat::Binary);
    REQUIRE(saveBoardFile(*bb.board, dir / "c.horizons.json"));
    CHECK(readBytes(dir / "a.horizons.json") == readBytes(dir / "c.horizons.json"));
    CHECK(readBytes(dir / "b.horizons").size() < readBytes(dir / "a.horizons.json").size());
}

TEST_CASE("a board of a few MB saves and loads quickly in both formats") {
    const Board big = BoardGen(5).make(4000, 300, 1, 600);
    for (FileFormat f : {FileFormat::Json, FileFormat::Binary}) {
        const auto t0 = std::chrono::steady_clock::now();
        const std::string bytes = serializeBoard(big, f);
        const auto t1 = std::chrono::steady_clock::now();
        const LoadResult r = loadBoardFromBytes(bytes, "big");
        const auto t2 = std::chrono::steady_clock::now();
        REQUIRE(r);
        CHECK(*r.board == big);
        using ms = std::chrono::milliseconds;
        MESSAGE(formatName(f) << ": " << bytes.size() / 1024 << " KiB, serialise "
                              << std::chrono::duration_cast<ms>(t1 - t0).count() << " ms, load "
                              << std::chrono::duration_cast<ms>(t2 - t1).count() << " ms");
    }
}

TEST_CASE("the starter is instantiated for today") {
    const auto r = loadBoardFile(assetDir() / kStarterAssetName);
    REQUIRE(r);
    const Date today = Date::fromYmd(2030, 6, 1);
    const Board b = instantiateStarter(*r.board, today, 1900000000);
    const int shift = today.days - kStarterAnchor.days;
    for (const auto& g : r.board->content.goals) {
        const Goal& n = *b.content.goals.find(g.id);
        if (g.target) CHECK(n.target->days == g.target->days + shift);
        CHECK(n.created == 1900000000);
    }
    for (const auto& c : r.board->content.conversations)
        CHECK(b.content.conversations.find(c.id)->date.days == c.date.days + shift);
    CHECK_FALSE(validateBoard(b));
    CHECK(Date::fromYmd(2025, 1, 1) == kStarterAnchor);
}
