#include "store/json_scan.hpp"

// cereal's json.hpp first: it configures RapidJSON (assertions throw).
#include "store/json_input_stream.hpp"
#include <cereal/archives/json.hpp>

#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <cstring>
#include <string>
#include <unordered_set>

namespace horizons::store::detail {

namespace {

constexpr unsigned kScanFlags = rapidjson::kParseIterativeFlag |
                                rapidjson::kParseValidateEncodingFlag |
                                rapidjson::kParseFullPrecisionFlag; // no NaN/Infinity

struct ScanHandler : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, ScanHandler> {
    const rapidjson::MemoryStream* stream = nullptr;
    std::optional<JsonProblem> problem;
    int depth = 0;
    std::size_t values = 0;
    std::vector<std::unordered_set<std::string>> keys; // one set per open object
    std::vector<bool> isObject;                        // per open container

    bool fail(std::string what) {
        problem = JsonProblem{std::move(what), stream->Tell()};
        return false;
    }
    bool Default() { return ++values <= kMaxJsonValues || fail("too many values in the file"); }
    bool String(const char* s, rapidjson::SizeType len, bool) {
        if (len > (1u << 20)) return fail("a text is longer than 1 MiB");
        if (std::memchr(s, '\0', len)) return fail("text contains a NUL character (\\u0000)");
        return Default();
    }
    bool open(bool object) {
        if (++depth > kMaxJsonDepth)
            return fail("nesting is deeper than " + std::to_string(kMaxJsonDepth) + " levels");
        isObject.push_back(object);
        if (object) keys.emplace_back();
        return Default();
    }
    bool close() {
        --depth;
        if (!isObject.empty()) {
            if (isObject.back()) keys.pop_back();
            isObject.pop_back();
        }
        return true;
    }
    bool StartObject() { return open(true); }
    bool EndObject(rapidjson::SizeType) { return close(); }
    bool StartArray() { return open(false); }
    bool EndArray(rapidjson::SizeType) { return close(); }
    bool Key(const char* s, rapidjson::SizeType len, bool) {
        if (std::memchr(s, '\0', len)) return fail("a key contains a NUL character");
        auto& set = keys.back();
        if (set.size() >= kMaxJsonKeysPerObject) return fail("too many keys in one object");
        std::string k(s, len);
        if (!set.insert(k).second)
            return fail("the key \"" + k.substr(0, 40) + "\" appears twice in one object");
        return true;
    }
};

bool startsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

struct LocateHandler : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, LocateHandler> {
    struct Frame {
        bool object = false;
        std::size_t count = 0;
        std::string key;
    };
    const rapidjson::MemoryStream* stream = nullptr;
    const std::vector<JsonPathStep>* target = nullptr;
    std::vector<Frame> frames;
    std::size_t bestDepth = 0;
    std::optional<std::size_t> best;

    // How many leading steps of the target the value starting now matches.
    std::size_t matched() const {
        const auto& t = *target;
        std::size_t k = 0;
        for (std::size_t i = 0; i < frames.size(); ++i) {
            if (k != i || k >= t.size()) break;
            const Frame& f = frames[i];
            const JsonPathStep& s = t[k];
            if (f.object ? (!s.isIndex && s.key == f.key) : (s.isIndex && s.index + 1 == f.count))
                ++k;
        }
        return k;
    }
    bool value() {
        if (!frames.empty() && !frames.back().object) ++frames.back().count;
        const std::size_t k = matched();
        if (k == frames.size() && (k > bestDepth || !best)) {
            bestDepth = k;
            best = stream->Tell();
        }
        return !(best && bestDepth == target->size());
    }
    bool Default() { return value(); }
    bool StartObject() {
        const bool go = value();
        frames.push_back(Frame{true, 0, {}});
        return go;
    }
    bool StartArray() {
        const bool go = value();
        frames.push_back(Frame{false, 0, {}});
        return go;
    }
    bool EndObject(rapidjson::SizeType) {
        frames.pop_back();
        return true;
    }
    bool EndArray(rapidjson::SizeType) {
        frames.pop_back();
        return true;
    }
    bool Key(const char* s, rapidjson::SizeType len, bool) {
        frames.back().key.assign(s, len);
        return true;
    }
};

} // namespace

// RapidJSON 1.1 (Debian 12) has undefined behaviour (clz(0), negative shifts) when its
// full-precision parser meets a number whose digits are all zero but which has an exponent,
// like "0e99" or "-0.00E-7" (fixed upstream). Board files never hold such numbers, so they
// are refused before RapidJSON sees them. Strings are skipped (escapes included).
static std::optional<JsonProblem> findZeroWithExponent(std::string_view json) {
    bool inString = false;
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
            continue;
        }
        if (!(c == '-' || (c >= '0' && c <= '9'))) continue;
        const std::size_t start = i;
        bool nonZeroDigit = false;
        if (json[i] == '-') ++i;
        while (i < json.size() && ((json[i] >= '0' && json[i] <= '9') || json[i] == '.')) {
            nonZeroDigit = nonZeroDigit || (json[i] >= '1' && json[i] <= '9');
            ++i;
        }
        if (i < json.size() && (json[i] == 'e' || json[i] == 'E') && !nonZeroDigit)
            return JsonProblem{"a zero with an exponent (like 0e5) is not a number a board holds",
                               start};
        if (i > start) --i; // the loop's ++i looks at the character after the number
    }
    return std::nullopt;
}

std::optional<JsonProblem> scanJson(std::string_view json) {
    if (auto p = findZeroWithExponent(json)) return p;
    rapidjson::MemoryStream ms(json.data(), json.size());
    ScanHandler h;
    h.stream = &ms;
    rapidjson::Reader reader;
    const rapidjson::ParseResult r = reader.Parse<kScanFlags>(ms, h);
    if (h.problem) return h.problem;
    if (!r) {
        JsonProblem p{rapidjson::GetParseError_En(r.Code()), r.Offset()};
        if (!p.what.empty() && p.what.back() == '.') p.what.pop_back();
        if (!p.what.empty() && p.what[0] >= 'A' && p.what[0] <= 'Z') // "Invalid value"
            p.what[0] = static_cast<char>(p.what[0] - 'A' + 'a');
        const std::string_view rest = json.substr(std::min(r.Offset(), json.size()));
        if (r.Code() == rapidjson::kParseErrorValueInvalid &&
            (startsWith(rest, "NaN") || startsWith(rest, "Inf") || startsWith(rest, "-Inf") ||
             startsWith(rest, "nan") || startsWith(rest, "inf") || startsWith(rest, "-inf")))
            p.what = "NaN and Infinity are not allowed";
        if (rest.find_first_not_of(" \t\r\n") == std::string_view::npos &&
            r.Code() != rapidjson::kParseErrorDocumentEmpty)
            p.what = "the file ends too early (it is truncated)";
        if (r.Code() == rapidjson::kParseErrorNumberTooBig)
            p.what = "a number is too big (not finite)";
        if (r.Code() == rapidjson::kParseErrorStringInvalidEncoding)
            p.what = "text is not valid UTF-8";
        return p;
    }
    return std::nullopt;
}

std::optional<std::size_t> locateJsonPath(std::string_view json,
                                          const std::vector<JsonPathStep>& path) {
    rapidjson::MemoryStream ms(json.data(), json.size());
    LocateHandler h;
    h.stream = &ms;
    h.target = &path;
    rapidjson::Reader reader;
    try {
        reader.Parse<kScanFlags>(ms, h);
    } catch (...) {
    }
    return h.best;
}

LineColumn lineColumnAt(std::string_view text, std::size_t offset) {
    LineColumn lc;
    offset = std::min(offset, text.size());
    for (std::size_t i = 0; i < offset; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++lc.line;
            lc.column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++lc.column;
        }
    }
    return lc;
}

} // namespace horizons::store::detail
