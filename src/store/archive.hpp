// archive.hpp — cereal serialisation of the board (internal to src/store).
//
// One set of save/load functions serves both archives. They differ where a human reads the
// file: in JSON, enums are names ("active"), dates are "YYYY-MM-DD", colours "#rrggbb"; in the
// portable binary archive they are plain integers.
//
// Loading untrusted bytes: every container and text is read by our own code (never by
// cereal's std::vector/std::string loaders, which resize to whatever size the file claims):
// a count is checked against the bytes still unread before anything is allocated, texts are
// limited in size and must be valid UTF-8, numbers must be finite, enums known. Every check
// throws FormatError; the breadcrumbs (LoadContext::path) say where it happened.
//
// Index
//   limits ........ kMaxTextBytes, kMaxItems
//   context ....... LoadContext (thread-local while loading), Crumb, FormatError
//   primitives .... text, integers, doubles, dates, enums, colours, arrays
//   entities ...... save/load for FileHeader, Horizon, Goal, Person, GoalLink, Intro,
//                   Conversation, BoardMeta, Settings, BoardContent, Snapshot, Board
#pragma once

// First: RapidJSON's options (assertions throw) and the fast input stream, then cereal's JSON.
#include "store/json_input_stream.hpp"
#include <cereal/archives/json.hpp>
#include <cereal/archives/portable_binary.hpp>
#include <cereal/cereal.hpp>

#include "model/board.hpp"
#include "model/text.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <type_traits>
#include <vector>

namespace horizons::store::detail {

// ------------------------------------------------------------------------------- limits

inline constexpr std::size_t kMaxTextBytes = 1u << 20; // one text field: 1 MiB
inline constexpr std::size_t kMaxItems = 1u << 20;     // entities in one table
inline constexpr std::uint32_t kClassVersion = 1; // of every serialised type not listed below
inline constexpr std::uint32_t kConversationVersion = 2; // 2: formerContact

// ------------------------------------------------------------------------------ context

struct FormatError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct PathElem {
    const char* key = nullptr; // a field name, or nullptr for an array index
    std::size_t index = 0;
};

struct LoadContext {
    std::streambuf* binary = nullptr; // the binary input (for bytes-left checks), else null
    std::vector<PathElem> path;       // where we are: board.content.goals[3].title
    bool capturedPath = false;        // path frozen at the first throw
};

inline thread_local LoadContext* tlLoad = nullptr;

// Pushes a breadcrumb for the duration of a scope. While an exception unwinds, the crumb
// stays so the handler can say where the problem was.
class Crumb {
  public:
    explicit Crumb(const char* key) {
        if (key) push(PathElem{key, 0});
    }
    explicit Crumb(std::size_t index) { push(PathElem{nullptr, index}); }
    ~Crumb() {
        if (active_ && std::uncaught_exceptions() == uncaught_) tlLoad->path.pop_back();
    }
    Crumb(const Crumb&) = delete;
    Crumb& operator=(const Crumb&) = delete;

  private:
    void push(PathElem e) {
        if (tlLoad) {
            tlLoad->path.push_back(e);
            active_ = true;
        }
    }
    bool active_ = false;
    int uncaught_ = std::uncaught_exceptions();
};

inline std::string pathText(const std::vector<PathElem>& path) {
    std::string out;
    for (const auto& e : path) {
        if (e.key) {
            if (!out.empty()) out += '.';
            out += e.key;
        } else {
            out += '[' + std::to_string(e.index) + ']';
        }
    }
    return out;
}

template <class A> inline constexpr bool kText = cereal::traits::is_text_archive<A>::value;
template <class A> inline constexpr bool kLoading = A::is_loading::value;

inline std::size_t bytesLeft() {
    if (!tlLoad || !tlLoad->binary) return static_cast<std::size_t>(-1);
    const auto n = tlLoad->binary->in_avail();
    return n > 0 ? static_cast<std::size_t>(n) : 0;
}

inline void checkVersion(std::uint32_t version, const char* what,
                         std::uint32_t newest = kClassVersion) {
    if (version > newest)
        throw FormatError(std::string("the ") + what + " record has version " +
                          std::to_string(version) +
                          ", newer than this version of Horizons reads (" +
                          std::to_string(newest) + ")");
}

// Binary: a count of `n` elements each at least `minBytes` long must fit in what is left.
inline void checkCount(std::uint64_t n, std::size_t minBytes, std::size_t limit, const char* what) {
    if (n > limit)
        throw FormatError(std::string("too many ") + what + " (" + std::to_string(n) +
                          ", the limit is " + std::to_string(limit) + ")");
    const std::size_t left = bytesLeft();
    if (n > left / minBytes)
        throw FormatError(std::string("the file claims ") + std::to_string(n) + " " + what +
                          " but only " + std::to_string(left) + " bytes remain");
}

// ---------------------------------------------------------------------------- primitives

template <class A, class T> void rawField(A& ar, const char* name, T& v) {
    Crumb c(name);
    ar(cereal::make_nvp(name, v));
}

// Text: exact bytes; loading checks size and UTF-8.
template <class A> void saveText(A& ar, const char* name, const std::string& s) {
    if constexpr (kText<A>) {
        if (name)
            ar(cereal::make_nvp(name, s));
        else
            ar(s);
    } else {
        ar(cereal::make_size_tag(static_cast<cereal::size_type>(s.size())));
        ar(cereal::binary_data(s.data(), s.size()));
    }
}

template <class A> void loadText(A& ar, const char* name, std::string& s) {
    Crumb c(name);
    if constexpr (kText<A>) {
        if (name)
            ar(cereal::make_nvp(name, s));
        else
            ar(s);
    } else {
        cereal::size_type n = 0;
        ar(cereal::make_size_tag(n));
        checkCount(n, 1, kMaxTextBytes, "bytes of text");
        s.resize(static_cast<std::size_t>(n));
        ar(cereal::binary_data(s.data(), s.size()));
    }
    if (s.size() > kMaxTextBytes)
        throw FormatError("a text is longer than " + std::to_string(kMaxTextBytes) + " bytes");
    if (!isValidUtf8(s)) throw FormatError("text is not valid UTF-8");
    if (s.find('\0') != std::string::npos) throw FormatError("text contains a NUL character");
}

template <class A> void saveDouble(A& ar, const char* name, double v) {
    ar(cereal::make_nvp(name, v));
}
template <class A> void loadDouble(A& ar, const char* name, double& v) {
    Crumb c(name);
    ar(cereal::make_nvp(name, v));
    if (!std::isfinite(v)) throw FormatError("the number is not finite (NaN or infinity)");
}

// Integers of a fixed width in both archives.
template <class A, class T> void saveInt(A& ar, const char* name, T v) {
    ar(cereal::make_nvp(name, v));
}
template <class A, class T> void loadInt(A& ar, const char* name, T& v) { rawField(ar, name, v); }

// Booleans: true/false in JSON, one byte (0 or 1, checked) in binary.
template <class A> void saveBool(A& ar, const char* name, bool v) {
    if constexpr (kText<A>)
        ar(cereal::make_nvp(name, v));
    else
        ar(static_cast<std::uint8_t>(v ? 1 : 0));
}
template <class A> void loadBool(A& ar, const char* name, bool& v) {
    Crumb c(name);
    if constexpr (kText<A>) {
        ar(cereal::make_nvp(name, v));
    } else {
        std::uint8_t b = 0;
        ar(b);
        if (b > 1) throw FormatError("invalid true/false value " + std::to_string(b));
        v = b != 0;
    }
}

template <class A, class Tag> void saveId(A& ar, const char* name, Id<Tag> id) {
    ar(cereal::make_nvp(name, id.value));
}
template <class A, class Tag> void loadId(A& ar, const char* name, Id<Tag>& id) {
    rawField(ar, name, id.value);
}

// Dates: "YYYY-MM-DD" in JSON (years 0..9999; other days as their integer in a string, so
// any value round-trips), days since 1970 in binary. An absent optional date is "".
inline std::string dateText(Date d) {
    const Date lo = Date::fromYmd(0, 1, 1);
    const Date hi = Date::fromYmd(9999, 12, 31);
    if (d >= lo && d <= hi) return d.iso();
    return std::to_string(d.days);
}

inline Date parseDateText(const std::string& s) {
    if (auto d = Date::parse(s)) return *d;
    // The integer form, for days beyond year 9999 or before year 0.
    if (!s.empty() && s.size() <= 11) {
        std::size_t i = s[0] == '-' ? 1 : 0;
        bool digits = i < s.size();
        long long v = 0;
        for (; i < s.size() && digits; ++i) {
            if (s[i] < '0' || s[i] > '9')
                digits = false;
            else
                v = v * 10 + (s[i] - '0');
        }
        if (digits) {
            if (s[0] == '-') v = -v;
            if (v >= INT32_MIN && v <= INT32_MAX) return Date{static_cast<std::int32_t>(v)};
        }
    }
    throw FormatError("\"" + s.substr(0, 40) + "\" is not a date (YYYY-MM-DD)");
}

template <class A> void saveOptDate(A& ar, const char* name, const std::optional<Date>& d) {
    if constexpr (kText<A>) {
        ar(cereal::make_nvp(name, d ? dateText(*d) : std::string()));
    } else {
        ar(static_cast<std::uint8_t>(d ? 1 : 0));
        if (d) ar(d->days);
    }
}
template <class A> void loadOptDate(A& ar, const char* name, std::optional<Date>& d) {
    Crumb c(name);
    if constexpr (kText<A>) {
        std::string s;
        ar(cereal::make_nvp(name, s));
        d.reset();
        if (!s.empty()) d = parseDateText(s);
    } else {
        std::uint8_t has = 0;
        ar(has);
        if (has > 1) throw FormatError("invalid optional-date flag");
        d.reset();
        if (has) {
            Date v;
            ar(v.days);
            d = v;
        }
    }
}

template <class A> void saveDate(A& ar, const char* name, Date d) {
    if constexpr (kText<A>)
        ar(cereal::make_nvp(name, dateText(d)));
    else
        ar(d.days);
}
template <class A> void loadDate(A& ar, const char* name, Date& d) {
    Crumb c(name);
    if constexpr (kText<A>) {
        std::string s;
        ar(cereal::make_nvp(name, s));
        d = parseDateText(s);
    } else {
        ar(d.days);
    }
}

// Enums: names in JSON, one byte in binary. `names` has `count` entries.
template <class A, class E, std::size_t N>
void saveEnum(A& ar, const char* name, E v, const char* const (&names)[N]) {
    const auto i = static_cast<std::size_t>(v);
    if constexpr (kText<A>)
        ar(cereal::make_nvp(name, std::string(i < N ? names[i] : "unknown")));
    else
        ar(static_cast<std::uint8_t>(i));
}
template <class A, class E, std::size_t N>
void loadEnum(A& ar, const char* name, E& v, const char* const (&names)[N]) {
    Crumb c(name);
    if constexpr (kText<A>) {
        std::string s;
        ar(cereal::make_nvp(name, s));
        for (std::size_t i = 0; i < N; ++i)
            if (s == names[i]) {
                v = static_cast<E>(i);
                return;
            }
        throw FormatError("unknown value \"" + s.substr(0, 40) + "\"");
    } else {
        std::uint8_t i = 0;
        ar(i);
        if (i >= N) throw FormatError("unknown value " + std::to_string(i));
        v = static_cast<E>(i);
    }
}

inline constexpr const char* kStatusNames[] = {"idea", "active", "done", "dropped"};
inline constexpr const char* kRelationshipNames[] = {"manager",      "skipLevel", "colleague",
                                                     "mentor",       "sponsor",   "peerOutside",
                                                     "friendFamily", "coach",     "other"};
inline constexpr const char* kHelpNames[] = {"listen",   "connect",   "sponsor",   "keepEarOut",
                                             "mobility", "encourage", "blindSpots"};
static_assert(std::size(kStatusNames) == kGoalStatusCount);
static_assert(std::size(kRelationshipNames) == kRelationshipCount);
static_assert(std::size(kHelpNames) == kHelpWithCount);

// Colour: "" (theme default), "#rrggbb", or "#aarrggbb" when the top byte is used.
inline std::string colourText(std::uint32_t c) {
    if (c == 0) return {};
    char buf[16];
    if (c <= 0xFFFFFF)
        std::snprintf(buf, sizeof buf, "#%06x", static_cast<unsigned>(c));
    else
        std::snprintf(buf, sizeof buf, "#%08x", static_cast<unsigned>(c));
    return buf;
}
inline std::uint32_t parseColour(const std::string& s) {
    if (s.empty()) return 0;
    if ((s.size() == 7 || s.size() == 9) && s[0] == '#') {
        std::uint32_t v = 0;
        for (std::size_t i = 1; i < s.size(); ++i) {
            const char ch = s[i];
            int d = -1;
            if (ch >= '0' && ch <= '9')
                d = ch - '0';
            else if (ch >= 'a' && ch <= 'f')
                d = ch - 'a' + 10;
            else if (ch >= 'A' && ch <= 'F')
                d = ch - 'A' + 10;
            if (d < 0) throw FormatError("\"" + s + "\" is not a colour (#rrggbb)");
            v = (v << 4) | static_cast<std::uint32_t>(d);
        }
        return v;
    }
    throw FormatError("\"" + s.substr(0, 40) + "\" is not a colour (#rrggbb)");
}

template <class A> void saveColour(A& ar, const char* name, std::uint32_t c) {
    if constexpr (kText<A>)
        ar(cereal::make_nvp(name, colourText(c)));
    else
        ar(c);
}
template <class A> void loadColour(A& ar, const char* name, std::uint32_t& c) {
    Crumb cr(name);
    if constexpr (kText<A>) {
        std::string s;
        ar(cereal::make_nvp(name, s));
        c = parseColour(s);
    } else {
        ar(c);
    }
}

// Arrays. In JSON a named array node; in binary a 64-bit count followed by the elements.
// Every element takes at least 8 bytes in binary (an id or a size), which bounds the count.
inline constexpr std::size_t kMinElementBytes = 8;

template <class T> struct ArrayOut { const std::vector<T>& items; };
template <class T> struct ArrayIn {
    std::vector<T>& items;
    const char* what;
};

template <class A, class T> void saveElement(A& ar, const T& v) {
    if constexpr (std::is_same_v<T, std::string>)
        saveText(ar, nullptr, v);
    else if constexpr (std::is_same_v<T, GoalId>)
        ar(v.value);
    else
        ar(v);
}
template <class A, class T> void loadElement(A& ar, T& v) {
    if constexpr (std::is_same_v<T, std::string>)
        loadText(ar, nullptr, v);
    else if constexpr (std::is_same_v<T, GoalId>)
        ar(v.value);
    else
        ar(v);
}

template <class A, class T> void save(A& ar, const ArrayOut<T>& a) {
    ar(cereal::make_size_tag(static_cast<cereal::size_type>(a.items.size())));
    for (const auto& v : a.items)
        saveElement(ar, v);
}
template <class A, class T> void load(A& ar, ArrayIn<T>& a) {
    cereal::size_type n = 0;
    ar(cereal::make_size_tag(n));
    checkCount(n, kMinElementBytes, kMaxItems, a.what);
    a.items.clear();
    // No reserve from the claimed count: memory grows only with what is actually read.
    for (std::size_t i = 0; i < n; ++i) {
        Crumb c(i);
        T v{};
        loadElement(ar, v);
        a.items.push_back(std::move(v));
    }
}

template <class A, class T> void saveArray(A& ar, const char* name, const std::vector<T>& v) {
    ar(cereal::make_nvp(name, ArrayOut<T>{v}));
}
template <class A, class T>
void loadArray(A& ar, const char* name, std::vector<T>& v, const char* what) {
    Crumb c(name);
    ar(cereal::make_nvp(name, ArrayIn<T>{v, what}));
}

template <class A, class T> void saveTable(A& ar, const char* name, const Table<T>& t) {
    saveArray(ar, name, t.items());
}
template <class A, class T> void loadTable(A& ar, const char* name, Table<T>& t, const char* what) {
    std::vector<T> items;
    loadArray(ar, name, items, what);
    Crumb c(name);
    for (const auto& it : items)
        if (!it.id) throw FormatError(std::string("one of the ") + what + " has the id 0");
    if (!t.assign(std::move(items)))
        throw FormatError(std::string("two ") + what + " share the same id");
}

// The file header, first in every board file.
struct FileHeader {
    std::string magic;
    std::uint32_t schema = 0;
    std::string app;
};

inline constexpr const char* kJsonMagic = "horizons-board";

} // namespace horizons::store::detail

// ------------------------------------------------------------------------------ entities
// cereal finds these by argument-dependent lookup, so they live in the types' namespaces.

namespace horizons::store::detail {

template <class A> void save(A& ar, const FileHeader& h, std::uint32_t) {
    saveText(ar, "magic", h.magic);
    saveInt(ar, "schema", h.schema);
    saveText(ar, "app", h.app);
}
template <class A> void load(A& ar, FileHeader& h, std::uint32_t version) {
    checkVersion(version, "file header");
    loadText(ar, "magic", h.magic);
    loadInt(ar, "schema", h.schema);
    loadText(ar, "app", h.app);
}

} // namespace horizons::store::detail

namespace horizons {

template <class A> void save(A& ar, const Horizon& h, std::uint32_t) {
    using namespace store::detail;
    saveId(ar, "id", h.id);
    saveText(ar, "name", h.name);
    saveInt(ar, "months", static_cast<std::int32_t>(h.months));
    saveDouble(ar, "order", h.order);
}
template <class A> void load(A& ar, Horizon& h, std::uint32_t version) {
    using namespace store::detail;
    checkVersion(version, "horizon");
    loadId(ar, "id", h.id);
    loadText(ar, "name", h.name);
    std::int32_t months = 0;
    loadInt(ar, "months", months);
    h.months = months;
    loadDouble(ar, "order", h.order);
}

template <class A> void save(A& ar, const Goal& g, std::uint32_t) {
    using namespace store::detail;
    saveId(ar, "id", g.id);
    saveText(ar, "title", g.title);
    saveText(ar, "notes", g.notes);
    saveId(ar, "horizon", g.horizon);
    saveDouble(ar, "specificity", g.specificity);
    saveDouble(ar, "order", g.order);
    saveEnum(ar, "status", g.status, kStatusNames);
    saveOptDate(ar, "target", g.target);
    saveArray(ar, "tags", g.tags);
    saveColour(ar, "colour", g.colour);
    saveBool(ar, "beyondOrg", g.beyondOrg);
    saveId(ar, "serves", g.serves);
    saveInt(ar, "dismissedHints", g.dismissedHints);
    saveInt(ar, "created", g.created);
    saveInt(ar, "updated", g.updated);
}
template <class A> void load(A& ar, Goal& g, std::uint32_t version) {
    using namespace store::detail;
    checkVersion(version, "goal");
    loadId(ar, "id", g.id);
    loadText(ar, "title", g.title);
    loadText(ar, "notes", g.notes);
    loadId(ar, "horizon", g.horizon);
    loadDouble(ar, "specificity", g.specificity);
    loadDouble(ar, "order", g.order);
    loadEnum(ar, "status", g.status, kStatusNames);
    loadOptDate(ar, "target", g.target);
    loadArray(ar, "tags", g.tags, "tags");
    loadColour(ar, "colour", g.colour);
    loadBool(ar, "beyondOrg", g.beyondOrg);
    loadId(ar, "serves", g.serves);
    loadInt(ar, "dismissedHints", g.dismissedHints);
    loadInt(ar, "created", g.created);
    loadInt(ar, "updated", g.updated);
}

// helpsWith: a list of names in JSON ("bitN" for bits without a name), the bits in binary.
template <class A> void saveHelps(A& ar, std::uint32_t bits) {
    using namespace store::detail;
    if constexpr (kText<A>) {
        std::vector<std::string> names;
        for (int i = 0; i < 32; ++i)
            if (bits & (1u << i))
                names.push_back(i < kHelpWithCount ? std::string(kHelpNames[i])
                                                   : "bit" + std::to_string(i));
        saveArray(ar, "helpsWith", names);
    } else {
        ar(bits);
    }
}
template <class A> void loadHelps(A& ar, std::uint32_t& bits) {
    using namespace store::detail;
    bits = 0;
    if constexpr (kText<A>) {
        std::vector<std::string> names;
        loadArray(ar, "helpsWith", names, "kinds of help");
        Crumb c("helpsWith");
        for (const auto& n : names) {
            int bit = -1;
            for (int i = 0; i < kHelpWithCount; ++i)
                if (n == kHelpNames[i]) bit = i;
            if (bit < 0 && n.size() >= 4 && n.size() <= 5 && n.compare(0, 3, "bit") == 0) {
                int v = 0;
                bool ok = true;
                for (std::size_t k = 3; k < n.size(); ++k) {
                    if (n[k] < '0' || n[k] > '9')
                        ok = false;
                    else
                        v = v * 10 + (n[k] - '0');
                }
                if (ok && v >= kHelpWithCount && v < 32) bit = v;
            }
            if (bit < 0) throw FormatError("unknown kind of help \"" + n.substr(0, 40) + "\"");
            bits |= 1u << bit;
        }
    } else {
        ar(bits);
    }
}

template <class A> void save(A& ar, const Person& p, std::uint32_t) {
    using namespace store::detail;
    saveId(ar, "id", p.id);
    saveText(ar, "name", p.name);
    saveEnum(ar, "relationship", p.relationship, kRelationshipNames);
    saveBool(ar, "insideOrg", p.insideOrg);
    saveInt(ar, "trust", static_cast<std::int32_t>(p.trust));
    saveHelps(ar, p.helpsWith);
    saveInt(ar, "cadenceDays", static_cast<std::int32_t>(p.cadenceDays));
    saveOptDate(ar, "nextPlanned", p.nextPlanned);
    saveText(ar, "notes", p.notes);
    saveDouble(ar, "mapAngle", p.mapAngle);
}
template <class A> void load(A& ar, Person& p, std::uint32_t version) {
    using namespace store::detail;
    checkVersion(version, "person");
    loadId(ar, "id", p.id);
    loadText(ar, "name", p.name);
    loadEnum(ar, "relationship", p.relationship, kRelationshipNames);
    loadBool(ar, "insideOrg", p.insideOrg);
    std::int32_t v = 0;
    loadInt(ar, "trust", v);
    p.trust = v;
    loadHelps(ar, p.helpsWith);
    loadInt(ar, "cadenceDays", v);
    p.cadenceDays = v;
    loadOptDate(ar, "nextPlanned", p.nextPlanned);
    loadText(ar, "notes", p.notes);
    loadDouble(ar, "mapAngle", p.mapAngle);
}

template <class A> void save(A& ar, const GoalLink& l, std::uint32_t) {
    using namespace store::detail;
    saveId(ar, "id", l.id);
    saveId(ar, "person", l.person);
    saveId(ar, "goal", l.goal);
    saveText(ar, "topic", l.topic);
}
template <class A> void load(A& ar, GoalLink& l, std::uint32_t version) {
    using namespace store::detail;
    checkVersion(version, "link");
    loadId(ar, "id", l.id);
    loadId(ar, "person", l.person);
    loadId(ar, "goal", l.goal);
    loadText(ar, "topic", l.topic);
}

template <class A> void save(A& ar, const Intro& i, std::uint32_t) {
    using namespace store::detail;
    saveId(ar, "id", i.id);
    saveId(ar, "from", i.from);
    saveId(ar, "to", i.to);
}
template <class A> void load(A& ar, Intro& i, std::uint32_t version) {
    using namespace store::detail;
    checkVersion(version, "introduction");
    loadId(ar, "id", i.id);
    loadId(ar, "from", i.from);
    loadId(ar, "to", i.to);
}

template <class A> void save(A& ar, const Conversation& c, std::uint32_t) {
    using namespace store::detail;
    saveId(ar, "id", c.id);
    saveDate(ar, "date", c.date);
    saveId(ar, "person", c.person);
    saveArray(ar, "goals", c.goals);
    saveText(ar, "notes", c.notes);
    saveArray(ar, "followUps", c.followUps);
    saveText(ar, "formerContact", c.formerContact);
}
template <class A> void load(A& ar, Conversation& c, std::uint32_t version) {
    using namespace store::detail;
    checkVersion(version, "conversation", kConversationVersion);
    loadId(ar, "id", c.id);
    loadDate(ar, "date", c.date);
    loadId(ar, "person", c.person);
    loadArray(ar, "goals", c.goals, "goals discussed");
    loadText(ar, "notes", c.notes);
    loadArray(ar, "followUps", c.followUps, "follow-ups");
    if (version >= 2) loadText(ar, "formerContact", c.formerContact); // since version 2
}

template <class A> void save(A& ar, const Settings& s, std::uint32_t) {
    using namespace store::detail;
    saveInt(ar, "beyondOrgTrust", static_cast<std::int32_t>(s.beyondOrgTrust));
    saveInt(ar, "dismissedBoardHints", s.dismissedBoardHints);
}
template <class A> void load(A& ar, Settings& s, std::uint32_t version) {
    using namespace store::detail;
    checkVersion(version, "settings");
    std::int32_t v = 0;
    loadInt(ar, "beyondOrgTrust", v);
    s.beyondOrgTrust = v;
    loadInt(ar, "dismissedBoardHints", s.dismissedBoardHints);
}

template <class A> void save(A& ar, const BoardMeta& m, std::uint32_t) {
    using namespace store::detail;
    saveText(ar, "title", m.title);
    saveText(ar, "owner", m.owner);
    ar(cereal::make_nvp("settings", m.settings));
}
template <class A> void load(A& ar, BoardMeta& m, std::uint32_t version) {
    using namespace store::detail;
    checkVersion(version, "board settings");
    loadText(ar, "title", m.title);
    loadText(ar, "owner", m.owner);
    rawField(ar, "settings", m.settings);
}

template <class A> void save(A& ar, const BoardContent& c, std::uint32_t) {
    using namespace store::detail;
    ar(cereal::make_nvp("meta", c.meta));
    saveTable(ar, "horizons", c.horizons);
    saveTable(ar, "goals", c.goals);
    saveTable(ar, "people", c.people);
    saveTable(ar, "links", c.links);
    saveTable(ar, "intros", c.intros);
    saveTable(ar, "conversations", c.conversations);
}
template <class A> void load(A& ar, BoardContent& c, std::uint32_t version) {
    using namespace store::detail;
    checkVersion(version, "board content");
    rawField(ar, "meta", c.meta);
    loadTable(ar, "horizons", c.horizons, "horizons");
    loadTable(ar, "goals", c.goals, "goals");
    loadTable(ar, "people", c.people, "people");
    loadTable(ar, "links", c.links, "links");
    loadTable(ar, "intros", c.intros, "introductions");
    loadTable(ar, "conversations", c.conversations, "conversations");
}

template <class A> void save(A& ar, const Snapshot& s, std::uint32_t) {
    using namespace store::detail;
    saveId(ar, "id", s.id);
    saveText(ar, "name", s.name);
    saveText(ar, "note", s.note);
    saveInt(ar, "takenAt", s.takenAt);
    ar(cereal::make_nvp("content", s.content));
}
template <class A> void load(A& ar, Snapshot& s, std::uint32_t version) {
    using namespace store::detail;
    checkVersion(version, "snapshot");
    loadId(ar, "id", s.id);
    loadText(ar, "name", s.name);
    loadText(ar, "note", s.note);
    loadInt(ar, "takenAt", s.takenAt);
    rawField(ar, "content", s.content);
}

template <class A> void save(A& ar, const Board& b, std::uint32_t) {
    using namespace store::detail;
    saveInt(ar, "nextId", b.nextId);
    ar(cereal::make_nvp("content", b.content));
    saveTable(ar, "snapshots", b.snapshots);
}
template <class A> void load(A& ar, Board& b, std::uint32_t version) {
    using namespace store::detail;
    checkVersion(version, "board");
    loadInt(ar, "nextId", b.nextId);
    rawField(ar, "content", b.content);
    loadTable(ar, "snapshots", b.snapshots, "snapshots");
}

} // namespace horizons

CEREAL_CLASS_VERSION(horizons::store::detail::FileHeader, 1)
CEREAL_CLASS_VERSION(horizons::Horizon, 1)
CEREAL_CLASS_VERSION(horizons::Goal, 1)
CEREAL_CLASS_VERSION(horizons::Person, 1)
CEREAL_CLASS_VERSION(horizons::GoalLink, 1)
CEREAL_CLASS_VERSION(horizons::Intro, 1)
CEREAL_CLASS_VERSION(horizons::Conversation, horizons::store::detail::kConversationVersion)
CEREAL_CLASS_VERSION(horizons::Settings, 1)
CEREAL_CLASS_VERSION(horizons::BoardMeta, 1)
CEREAL_CLASS_VERSION(horizons::BoardContent, 1)
CEREAL_CLASS_VERSION(horizons::Snapshot, 1)
CEREAL_CLASS_VERSION(horizons::Board, 1)
