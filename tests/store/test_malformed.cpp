// Untrusted input: a malformed corpus generated here. Every case must give a clean error
// (one line, what and where), never crash, hang or allocate without bound.
#include "store/board_file.hpp"
#include "store/paths.hpp"
#include "store_test_util.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <cstring>

#if defined(__linux__)
#include <sys/resource.h>
#endif

using namespace horizons;
using namespace horizons::store;
using namespace horizons::testutil;

namespace {

std::string starterJson() { return readBytes(assetDir() / kStarterAssetName); }

LoadResult mustFail(std::string_view bytes, const char* expected = nullptr) {
    LoadResult r = loadBoardFromBytes(bytes, "bad.horizons.json");
    CHECK_FALSE(r);
    CHECK_FALSE(r.board.has_value());
    CHECK_FALSE(r.error.empty());
    CHECK(r.error.find('\n') == std::string::npos); // one line
    CHECK(r.error.rfind("bad.horizons.json: ", 0) == 0);
    if (expected) {
        INFO(r.error);
        CHECK(r.error.find(expected) != std::string::npos);
    }
    return r;
}

std::string replaceOnce(std::string s, std::string_view from, std::string_view to) {
    const auto at = s.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    s.replace(at, from.size(), to);
    return s;
}

// Binary: the offset of the 8-byte length prefix of the first text equal to `text`.
std::size_t afterLengthPrefixedText(const std::string& bin, const std::string& text) {
    std::string needle(8, '\0');
    for (int i = 0; i < 8; ++i)
        needle[static_cast<std::size_t>(i)] = static_cast<char>((text.size() >> (8 * i)) & 0xFF);
    needle += text;
    const auto at = bin.find(needle);
    REQUIRE(at != std::string::npos);
    return at;
}

void putU64(std::string& bin, std::size_t at, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) // portable binary is little-endian
        bin[at + static_cast<std::size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xFF);
}

long peakRssKiB() {
#if defined(__linux__)
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
#else
    return 0;
#endif
}

} // namespace

TEST_CASE("truncations of the starter file at many offsets, JSON and binary") {
    const std::string json = starterJson();
    const auto starter = loadBoardFromBytes(json, "starter");
    REQUIRE(starter);
    const std::string bin = serializeBinary(*starter.board);
    int cases = 0;
    for (const std::string* file : {&json, &bin}) {
        const std::size_t n = file->size();
        for (std::size_t cut = 0; cut < n; cut += (cut < 64 ? 1 : 7)) {
            CAPTURE(cut);
            mustFail(std::string_view(*file).substr(0, cut));
            ++cases;
        }
    }
    MESSAGE(cases << " truncations rejected");
}

TEST_CASE("syntax errors say where: line and column") {
    const std::string json = starterJson();
    // Break the JSON on a known line.
    const auto at = json.find("\"nextId\"");
    const std::string broken = json.substr(0, at) + "?" + json.substr(at);
    std::size_t line = 1;
    for (std::size_t i = 0; i < at; ++i)
        line += json[i] == '\n';
    const LoadResult r = mustFail(broken, ("line " + std::to_string(line) + ",").c_str());
    CHECK(r.error.find("column 5") != std::string::npos);
    mustFail("{", "line 1");
    mustFail("{\"header\": 1,}", "line 1");
    mustFail("{} trailing", "root must not be followed");
}

TEST_CASE("wrong types and missing fields name the field, with its line") {
    const std::string json = starterJson();
    auto r = mustFail(replaceOnce(json, "\"title\": \"Shape", "\"title\": 42, \"x\": \"Shape"),
                      "expected text");
    CHECK(r.error.find("board.content.goals[0].title") != std::string::npos);
    CHECK(r.error.find("line ") != std::string::npos);
    mustFail(replaceOnce(json, "\"trust\": 3", "\"trust\": \"three\""), "people[0].trust");
    mustFail(replaceOnce(json, "\"trust\": 3", "\"trust\": 3.5"), "whole number");
    mustFail(replaceOnce(json, "\"trust\": 3", "\"trust\": 99999999999"), "whole number");
    mustFail(replaceOnce(json, "\"id\": 4,", "\"id\": -4,"), "goals[0].id");
    mustFail(replaceOnce(json, "\"months\": 6,", "\"months\": true,"), "horizons[0].months");
    mustFail(replaceOnce(json, "\"beyondOrg\": true", "\"beyondOrg\": 1"), "true or false");
    mustFail(replaceOnce(json, "\"horizons\": [", "\"horizons\": {\"a\": ["), nullptr);
    mustFail(replaceOnce(json, "\"goals\": [", "\"goals\": 7, \"old\": ["), "goals");
    mustFail(replaceOnce(json, "\"status\": \"active\"", "\"status\": \"busy\""),
             "unknown value \"busy\"");
    mustFail(replaceOnce(json, "\"target\": \"2025-05-30\"", "\"target\": \"2025-02-30\""),
             "not a date");
    mustFail(replaceOnce(json, "\"colour\": \"#2f7d6b\"", "\"colour\": \"green\""), "colour");
    mustFail(replaceOnce(json, "\"listen\"", "\"juggle\""), "unknown kind of help");
    // Missing fields.
    r = mustFail(replaceOnce(json, "\"specificity\": 0.15,", ""), "\"specificity\" is missing");
    CHECK(r.error.find("goals[0]") != std::string::npos);
    mustFail(replaceOnce(json, "\"header\"", "\"heading\""), "\"header\" is missing");
    mustFail(replaceOnce(json, "\"horizons-board\"", "\"some-other-app\""), "not a Horizons board");
    mustFail(replaceOnce(json, "\"cereal_class_version\": 1,\n          \"id\": 4,", "\"id\": 4,"),
             "cereal_class_version");
    mustFail("{}", "\"header\" is missing");
    mustFail("[1, 2, 3]", "not a Horizons board file");
    mustFail("", "empty");
    mustFail("hello", "not a Horizons board file");
}

TEST_CASE("100,000 nested brackets are refused before any recursive parse") {
    for (const char* open : {"[", "{\"a\":"}) {
        std::string deep = "{\"header\":";
        for (int i = 0; i < 100000; ++i)
            deep += open;
        mustFail(deep, "nesting is deeper than");
    }
    std::string arrays(100000, '[');
    arrays = "{\"x\":" + arrays + std::string(100000, ']') + "}";
    mustFail(arrays, "nesting is deeper than");
}

TEST_CASE("a zero with an exponent (RapidJSON 1.1 misparses it) is refused with its place") {
    const std::string json = starterJson();
    for (const char* bad : {"0e99", "-0.000E-7", "0.0e5"}) {
        CAPTURE(bad);
        const auto r = mustFail(
            replaceOnce(json, "\"specificity\": 0.15", std::string("\"specificity\": ") + bad));
        CHECK(r.error.find("zero with an exponent") != std::string::npos);
        CHECK(r.error.find("line ") != std::string::npos);
    }
    // Inside a string it is just text, and 10e2 or 0.5 are ordinary numbers.
    CHECK(loadBoardFromBytes(replaceOnce(json, "My career plan", "Plan 0e99"), "s"));
    CHECK(loadBoardFromBytes(replaceOnce(json, "\"specificity\": 0.15", "\"specificity\": 15e-2"),
                             "s"));
}

TEST_CASE("NaN, Infinity and numbers too big to be finite are refused") {
    const std::string json = starterJson();
    for (const char* bad : {"NaN", "Infinity", "-Infinity", "1e999", "-1e400"}) {
        CAPTURE(bad);
        const auto r = mustFail(
            replaceOnce(json, "\"specificity\": 0.15", std::string("\"specificity\": ") + bad));
        CHECK((r.error.find("NaN and Infinity") != std::string::npos ||
               r.error.find("too big") != std::string::npos));
        CHECK(r.error.find("line ") != std::string::npos);
    }
    // Binary carries raw doubles: a NaN there is refused too.
    auto starter = loadBoardFromBytes(json, "s");
    REQUIRE(starter);
    Board b = *starter.board;
    Goal g = *b.content.goals.items().begin();
    g.order = 12345.678;
    b.content.goals.put(g);
    std::string bin = serializeBinary(b);
    double marker = 12345.678;
    const auto at = bin.find(std::string(reinterpret_cast<const char*>(&marker), 8));
    REQUIRE(at != std::string::npos);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    std::memcpy(bin.data() + at, &nan, 8);
    mustFail(bin, "not finite");
}

TEST_CASE("invalid UTF-8 and NUL characters in text are refused") {
    const std::string json = starterJson();
    for (const char* bad :
         {"\xC3\x28", "\xED\xA0\x80", "\xF8\x88\x80\x80\x80", "\xC0\xAF", "\xFF"}) {
        CAPTURE(bad);
        mustFail(replaceOnce(json, "Shape how", std::string("Shape ") + bad), "UTF-8");
    }
    mustFail(replaceOnce(json, "Shape how", "Shape \\u0000how"), "NUL");
    mustFail(replaceOnce(json, "Shape how", "Shape \\udc00how"), "UTF-8");
    // Binary: the bytes of a title replaced by invalid UTF-8.
    auto starter = loadBoardFromBytes(json, "s");
    REQUIRE(starter);
    std::string bin = serializeBinary(*starter.board);
    const auto at = bin.find("Shape how");
    REQUIRE(at != std::string::npos);
    bin[at + 1] = '\xC3';
    bin[at + 2] = '\x28';
    mustFail(bin, "UTF-8");
}

TEST_CASE("binary files with huge size prefixes are refused without allocating") {
    auto starter = loadBoardFromBytes(starterJson(), "s");
    REQUIRE(starter);
    const std::string bin = serializeBinary(*starter.board);
    const long before = peakRssKiB();
    const std::uint64_t huge[] = {1ull << 32, 1ull << 63, ~0ull, (1ull << 20) + 1, 1ull << 40};
    for (std::uint64_t size : huge) {
        CAPTURE(size);
        // A text's length prefix.
        std::string a = bin;
        putU64(a, afterLengthPrefixedText(bin, "6 months"), size);
        mustFail(a);
        // A table's element count: [count u64][version u32][id u64][name] for the horizons.
        std::string b = bin;
        putU64(b, afterLengthPrefixedText(bin, "6 months") - 8 - 4 - 8, size);
        mustFail(b);
        // The tags list of the first goal.
        std::string c = bin;
        putU64(c, afterLengthPrefixedText(bin, "direction") - 8, size);
        // Each text of a conversation's follow-ups list, and the list itself.
        std::string d = bin;
        putU64(
            d,
            afterLengthPrefixedText(bin, "Ask Priya whether I can join the spring discovery work") -
                8,
            size);
        mustFail(d);
        mustFail(c);
    }
    const long after = peakRssKiB();
    MESSAGE("peak RSS grew by " << (after - before) << " KiB");
    CHECK(after - before < 64 * 1024);
}

TEST_CASE("duplicate ids, links to missing ids, and other inconsistencies are refused") {
    const std::string json = starterJson();
    mustFail(replaceOnce(json, "\"id\": 5,", "\"id\": 4,"), "share the same id");
    mustFail(replaceOnce(json, "\"id\": 2,", "\"id\": 1,"), "share the same id");
    mustFail(replaceOnce(json, "\"id\": 4,", "\"id\": 0,"), "id 0");
    // A link to a goal that does not exist.
    auto starter = loadBoardFromBytes(json, "s");
    REQUIRE(starter);
    {
        Board b = *starter.board;
        GoalLink l = *b.content.links.items().begin();
        l.goal = GoalId{999};
        b.content.links.put(l);
        mustFail(serializeJson(b), "refers to a person or goal that does not exist");
        mustFail(serializeBinary(b), "refers to a person or goal that does not exist");
    }
    {
        Board b = *starter.board;
        Conversation c = *b.content.conversations.items().begin();
        c.person = PersonId{12345};
        b.content.conversations.put(c);
        mustFail(serializeJson(b), "person who does not exist");
    }
    {
        Board b = *starter.board;
        b.nextId = 3; // behind the ids in use: new ids would collide
        mustFail(serializeJson(b), "id counter");
    }
    {
        Board b = *starter.board;
        Person p = *b.content.people.items().begin();
        p.trust = 9;
        b.content.people.put(p);
        mustFail(serializeBinary(b), "trust");
    }
    // Duplicate keys in one object.
    mustFail(replaceOnce(json, "\"owner\": \"You\",", "\"owner\": \"You\", \"owner\": \"Me\","),
             "appears twice");
    // An unknown enum byte in binary.
    {
        std::string bin = serializeBinary(*starter.board);
        // Trailing garbage after a valid binary board.
        mustFail(bin + "x", "unexpected data after the board");
    }
}

TEST_CASE("random byte flips never crash (a quick in-test fuzz, both formats)") {
    auto starter = loadBoardFromBytes(starterJson(), "s");
    REQUIRE(starter);
    const std::string files[] = {starterJson(), serializeBinary(*starter.board)};
    std::mt19937 rng(42);
    int loaded = 0, refused = 0;
    const auto t0 = std::chrono::steady_clock::now();
    for (const auto& f : files) {
        for (int i = 0; i < 1500; ++i) {
            std::string m = f;
            const int flips = 1 + static_cast<int>(rng() % 4);
            for (int k = 0; k < flips; ++k)
                m[rng() % m.size()] = static_cast<char>(rng());
            const LoadResult r = loadBoardFromBytes(m, "flip");
            if (r) {
                ++loaded;
                CHECK_FALSE(validateBoard(*r.board));
            } else {
                ++refused;
                CHECK_FALSE(r.error.empty());
            }
        }
    }
    MESSAGE(loaded << " mutated files still loaded (valid), " << refused << " refused in "
                   << std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::steady_clock::now() - t0)
                          .count()
                   << " ms");
}
