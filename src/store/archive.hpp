// archive.hpp — cereal serialisation of the board (internal to src/store).
//
// One description of each type's fields (describe()) serves saving and loading, in both
// archives: io(ar, name, value) saves or loads by the archive's direction. The archives
// differ where a human reads the file: in JSON, enums are names ("active"), dates are
// "YYYY-MM-DD", colours "#rrggbb"; in the portable binary archive they are plain integers.
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
//   primitives .... text, integers, doubles, dates, enums, colours, arrays (save*/load*)
//   io ............ io, ioArray, ioTable, ioEnum, ioColour, ioBits: one call, both directions
//   entities ...... describe() for FileHeader, Horizon, Goal, Person, GoalLink, Intro,
//                   Conversation, Ask, Win, BoardMeta, Settings, BoardContent, Snapshot, Board
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
inline constexpr std::uint32_t kClassVersion = 1;      // of every serialised type not listed below
inline constexpr std::uint32_t kConversationVersion = 2; // 2: formerContact
inline constexpr std::uint32_t kPersonVersion = 2;  // 2: roles, organisation, latestGapDays, uid
inline constexpr std::uint32_t kMetaVersion = 2;    // 2: reviewDate
inline constexpr std::uint32_t kContentVersion = 2; // 2: asks, wins

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
        throw FormatError(
            std::string("the ") + what + " record has version " + std::to_string(version) +
            ", newer than this version of Horizons reads (" + std::to_string(newest) + ")");
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
inline constexpr const char* kRoleNames[] = {"manager", "skipLevel", "mentor",
                                             "sponsor", "peer",      "outsideContact"};
inline constexpr const char* kAskStatusNames[] = {"open", "done", "declined"};
static_assert(std::size(kRoleNames) == kRoleCount);
static_assert(std::size(kAskStatusNames) == kAskStatusCount);
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

// ------------------------------------------------------------------- one description
// Each type's fields are described once (`describe` below) and that description both saves
// and loads: io(ar, name, value) writes `value` to an output archive, and reads it into
// `value` from an input archive with the checks above. Saving passes a const value.

template <class A, class S> void io(A& ar, const char* name, S& v) {
    using V = std::remove_const_t<S>;
    if constexpr (kLoading<A>) {
        if constexpr (std::is_same_v<V, std::string>)
            loadText(ar, name, v);
        else if constexpr (std::is_same_v<V, double>)
            loadDouble(ar, name, v);
        else if constexpr (std::is_same_v<V, bool>)
            loadBool(ar, name, v);
        else if constexpr (std::is_same_v<V, Date>)
            loadDate(ar, name, v);
        else if constexpr (std::is_same_v<V, std::optional<Date>>)
            loadOptDate(ar, name, v);
        else if constexpr (requires { v.value; })
            loadId(ar, name, v);
        else if constexpr (std::is_integral_v<V>)
            loadInt(ar, name, v);
        else
            rawField(ar, name, v); // a nested record with its own describe()
    } else {
        if constexpr (std::is_same_v<V, std::string>)
            saveText(ar, name, v);
        else if constexpr (std::is_same_v<V, double>)
            saveDouble(ar, name, v);
        else if constexpr (std::is_same_v<V, bool>)
            saveBool(ar, name, v);
        else if constexpr (std::is_same_v<V, Date>)
            saveDate(ar, name, v);
        else if constexpr (std::is_same_v<V, std::optional<Date>>)
            saveOptDate(ar, name, v);
        else if constexpr (requires { v.value; })
            saveId(ar, name, v);
        else if constexpr (std::is_integral_v<V>)
            saveInt(ar, name, v);
        else
            ar(cereal::make_nvp(name, v));
    }
}

// Lists and tables: `what` names the items in messages ("goals discussed").
template <class A, class V>
void ioArray(A& ar, const char* name, V& v, [[maybe_unused]] const char* what) {
    if constexpr (kLoading<A>)
        loadArray(ar, name, v, what);
    else
        saveArray(ar, name, v);
}
template <class A, class V>
void ioTable(A& ar, const char* name, V& t, [[maybe_unused]] const char* what) {
    if constexpr (kLoading<A>)
        loadTable(ar, name, t, what);
    else
        saveTable(ar, name, t);
}
template <class A, class E, std::size_t N>
void ioEnum(A& ar, const char* name, E& v, const char* const (&names)[N]) {
    if constexpr (kLoading<A>)
        loadEnum(ar, name, v, names);
    else
        saveEnum(ar, name, v, names);
}
template <class A, class C> void ioColour(A& ar, const char* name, C& c) {
    if constexpr (kLoading<A>)
        loadColour(ar, name, c);
    else
        saveColour(ar, name, c);
}

// Bit flags: a list of names in JSON ("bitN" for bits without a name), the bits in binary.
template <std::size_t N>
std::vector<std::string> bitNames(std::uint32_t bits, const char* const (&names)[N]) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < 32; ++i)
        if (bits & (1u << i))
            out.push_back(i < N ? std::string(names[i]) : "bit" + std::to_string(i));
    return out;
}
template <std::size_t N> std::uint32_t bitsFromNames(const std::vector<std::string>& list,
                                                     const char* const (&names)[N],
                                                     const char* what) {
    std::uint32_t bits = 0;
    for (const auto& n : list) {
        int bit = -1;
        for (std::size_t i = 0; i < N; ++i)
            if (n == names[i]) bit = static_cast<int>(i);
        if (bit < 0 && n.size() >= 4 && n.size() <= 5 && n.compare(0, 3, "bit") == 0) {
            int v = 0;
            bool ok = true;
            for (std::size_t k = 3; k < n.size(); ++k) {
                if (n[k] < '0' || n[k] > '9')
                    ok = false;
                else
                    v = v * 10 + (n[k] - '0');
            }
            if (ok && v >= static_cast<int>(N) && v < 32) bit = v;
        }
        if (bit < 0)
            throw FormatError(std::string("unknown ") + what + " \"" + n.substr(0, 40) + "\"");
        bits |= 1u << bit;
    }
    return bits;
}
template <class A, class B, std::size_t N> void ioBits(A& ar, const char* name, B& bits,
                                                       const char* const (&names)[N],
                                                       const char* what, const char* listWhat) {
    if constexpr (kText<A>) {
        if constexpr (kLoading<A>) {
            std::vector<std::string> list;
            loadArray(ar, name, list, listWhat);
            Crumb c(name);
            bits = bitsFromNames(list, names, what);
        } else {
            saveArray(ar, name, bitNames(bits, names));
        }
    } else {
        ar(bits);
    }
}

// The file header, first in every board file.
struct FileHeader {
    std::string magic;
    std::uint32_t schema = 0;
    std::string app;
};

inline constexpr const char* kJsonMagic = "horizons-board";

// P is T or const T (describe() serves saving and loading).
template <class P, class T>
concept Is = std::is_same_v<std::remove_const_t<P>, T>;

// save() and load() of a type with a describe(): loading first refuses a newer record.
#define HORIZONS_ARCHIVE(T, what, newest)                                                          \
    template <class A> void save(A& ar, const T& v, std::uint32_t version) {                       \
        describe(ar, v, version);                                                                  \
    }                                                                                              \
    template <class A> void load(A& ar, T& v, std::uint32_t version) {                             \
        ::horizons::store::detail::checkVersion(version, what, newest);                            \
        describe(ar, v, version);                                                                  \
    }

template <class A, Is<FileHeader> H> void describe(A& ar, H& h, std::uint32_t) {
    io(ar, "magic", h.magic);
    io(ar, "schema", h.schema);
    io(ar, "app", h.app);
}
HORIZONS_ARCHIVE(FileHeader, "file header", kClassVersion)

} // namespace horizons::store::detail

// ------------------------------------------------------------------------------ entities
// One describe() per type; cereal finds save/load by argument-dependent lookup, so they live
// in the types' namespace. A field added in class version N is described under
// `if (version >= N)`; loading an older record gives it the value of the else branch.

namespace horizons {

using store::detail::Is;

template <class A, Is<Horizon> H> void describe(A& ar, H& h, std::uint32_t) {
    using namespace store::detail;
    io(ar, "id", h.id);
    io(ar, "name", h.name);
    io(ar, "months", h.months);
    io(ar, "order", h.order);
}

template <class A, Is<Goal> G> void describe(A& ar, G& g, std::uint32_t) {
    using namespace store::detail;
    io(ar, "id", g.id);
    io(ar, "title", g.title);
    io(ar, "notes", g.notes);
    io(ar, "horizon", g.horizon);
    io(ar, "specificity", g.specificity);
    io(ar, "order", g.order);
    ioEnum(ar, "status", g.status, kStatusNames);
    io(ar, "target", g.target);
    ioArray(ar, "tags", g.tags, "tags");
    ioColour(ar, "colour", g.colour);
    io(ar, "beyondOrg", g.beyondOrg);
    io(ar, "serves", g.serves);
    io(ar, "dismissedHints", g.dismissedHints);
    io(ar, "created", g.created);
    io(ar, "updated", g.updated);
}

template <class A, Is<Person> P> void describe(A& ar, P& p, std::uint32_t version) {
    using namespace store::detail;
    io(ar, "id", p.id);
    io(ar, "name", p.name);
    ioEnum(ar, "relationship", p.relationship, kRelationshipNames);
    io(ar, "insideOrg", p.insideOrg);
    io(ar, "trust", p.trust);
    ioBits(ar, "helpsWith", p.helpsWith, kHelpNames, "kind of help", "kinds of help");
    io(ar, "cadenceDays", p.cadenceDays);
    io(ar, "nextPlanned", p.nextPlanned);
    io(ar, "notes", p.notes);
    io(ar, "mapAngle", p.mapAngle);
    if (version >= 2) {
        ioBits(ar, "roles", p.roles, kRoleNames, "role", "roles");
        io(ar, "organisation", p.organisation);
        io(ar, "latestGapDays", p.latestGapDays);
        io(ar, "uid", p.uid);
    } else if constexpr (kLoading<A>) {
        p.roles = rolesFromRelationship(p.relationship, p.insideOrg); // before roles existed
    }
}

template <class A, Is<GoalLink> L> void describe(A& ar, L& l, std::uint32_t) {
    using namespace store::detail;
    io(ar, "id", l.id);
    io(ar, "person", l.person);
    io(ar, "goal", l.goal);
    io(ar, "topic", l.topic);
}

template <class A, Is<Intro> I> void describe(A& ar, I& i, std::uint32_t) {
    using namespace store::detail;
    io(ar, "id", i.id);
    io(ar, "from", i.from);
    io(ar, "to", i.to);
}

template <class A, Is<Conversation> C> void describe(A& ar, C& c, std::uint32_t version) {
    using namespace store::detail;
    io(ar, "id", c.id);
    io(ar, "date", c.date);
    io(ar, "person", c.person);
    ioArray(ar, "goals", c.goals, "goals discussed");
    io(ar, "notes", c.notes);
    ioArray(ar, "followUps", c.followUps, "follow-ups");
    if (version >= 2) io(ar, "formerContact", c.formerContact);
}

template <class A, Is<Ask> K> void describe(A& ar, K& a, std::uint32_t) {
    using namespace store::detail;
    io(ar, "id", a.id);
    io(ar, "person", a.person);
    io(ar, "what", a.what);
    io(ar, "asked", a.asked);
    ioEnum(ar, "status", a.status, kAskStatusNames);
    io(ar, "settled", a.settled);
    ioArray(ar, "goals", a.goals, "goals of an ask");
    io(ar, "notes", a.notes);
    io(ar, "formerContact", a.formerContact);
}

template <class A, Is<Win> W> void describe(A& ar, W& w, std::uint32_t) {
    using namespace store::detail;
    io(ar, "id", w.id);
    io(ar, "date", w.date);
    io(ar, "what", w.what);
    ioArray(ar, "goals", w.goals, "goals of a win");
    io(ar, "notes", w.notes);
}

template <class A, Is<Settings> S> void describe(A& ar, S& s, std::uint32_t) {
    using namespace store::detail;
    io(ar, "beyondOrgTrust", s.beyondOrgTrust);
    io(ar, "dismissedBoardHints", s.dismissedBoardHints);
}

template <class A, Is<BoardMeta> M> void describe(A& ar, M& m, std::uint32_t version) {
    using namespace store::detail;
    io(ar, "title", m.title);
    io(ar, "owner", m.owner);
    io(ar, "settings", m.settings);
    if (version >= 2) io(ar, "reviewDate", m.reviewDate);
}

template <class A, Is<BoardContent> C> void describe(A& ar, C& c, std::uint32_t version) {
    using namespace store::detail;
    io(ar, "meta", c.meta);
    ioTable(ar, "horizons", c.horizons, "horizons");
    ioTable(ar, "goals", c.goals, "goals");
    ioTable(ar, "people", c.people, "people");
    ioTable(ar, "links", c.links, "links");
    ioTable(ar, "intros", c.intros, "introductions");
    ioTable(ar, "conversations", c.conversations, "conversations");
    if (version >= 2) {
        ioTable(ar, "asks", c.asks, "asks");
        ioTable(ar, "wins", c.wins, "wins");
    }
}

template <class A, Is<Snapshot> S> void describe(A& ar, S& s, std::uint32_t) {
    using namespace store::detail;
    io(ar, "id", s.id);
    io(ar, "name", s.name);
    io(ar, "note", s.note);
    io(ar, "takenAt", s.takenAt);
    io(ar, "content", s.content);
}

template <class A, Is<Board> B> void describe(A& ar, B& b, std::uint32_t) {
    using namespace store::detail;
    io(ar, "nextId", b.nextId);
    io(ar, "content", b.content);
    ioTable(ar, "snapshots", b.snapshots, "snapshots");
}

HORIZONS_ARCHIVE(Horizon, "horizon", store::detail::kClassVersion)
HORIZONS_ARCHIVE(Goal, "goal", store::detail::kClassVersion)
HORIZONS_ARCHIVE(Person, "person", store::detail::kPersonVersion)
HORIZONS_ARCHIVE(GoalLink, "link", store::detail::kClassVersion)
HORIZONS_ARCHIVE(Intro, "introduction", store::detail::kClassVersion)
HORIZONS_ARCHIVE(Conversation, "conversation", store::detail::kConversationVersion)
HORIZONS_ARCHIVE(Ask, "ask", store::detail::kClassVersion)
HORIZONS_ARCHIVE(Win, "win", store::detail::kClassVersion)
HORIZONS_ARCHIVE(Settings, "settings", store::detail::kClassVersion)
HORIZONS_ARCHIVE(BoardMeta, "board settings", store::detail::kMetaVersion)
HORIZONS_ARCHIVE(BoardContent, "board content", store::detail::kContentVersion)
HORIZONS_ARCHIVE(Snapshot, "snapshot", store::detail::kClassVersion)
HORIZONS_ARCHIVE(Board, "board", store::detail::kClassVersion)

} // namespace horizons

#undef HORIZONS_ARCHIVE

CEREAL_CLASS_VERSION(horizons::store::detail::FileHeader, 1)
CEREAL_CLASS_VERSION(horizons::Horizon, 1)
CEREAL_CLASS_VERSION(horizons::Goal, 1)
CEREAL_CLASS_VERSION(horizons::Person, horizons::store::detail::kPersonVersion)
CEREAL_CLASS_VERSION(horizons::GoalLink, 1)
CEREAL_CLASS_VERSION(horizons::Intro, 1)
CEREAL_CLASS_VERSION(horizons::Conversation, horizons::store::detail::kConversationVersion)
CEREAL_CLASS_VERSION(horizons::Ask, 1)
CEREAL_CLASS_VERSION(horizons::Win, 1)
CEREAL_CLASS_VERSION(horizons::Settings, 1)
CEREAL_CLASS_VERSION(horizons::BoardMeta, horizons::store::detail::kMetaVersion)
CEREAL_CLASS_VERSION(horizons::BoardContent, horizons::store::detail::kContentVersion)
CEREAL_CLASS_VERSION(horizons::Snapshot, 1)
CEREAL_CLASS_VERSION(horizons::Board, 1)
