#include "store/board_file.hpp"

#include "store/archive.hpp" // first: it configures cereal/RapidJSON
#include "store/atomic_file.hpp"
#include "store/json_scan.hpp"
#include "store/protect.hpp"

#include "model/validate.hpp"

#include <istream>
#include <new>
#include <sstream>

namespace horizons::store {

using namespace detail;

namespace {

// A read-only streambuf over memory: no copy, and in_avail() is the bytes left.
class MemoryBuf : public std::streambuf {
  public:
    explicit MemoryBuf(std::string_view bytes) {
        char* p = const_cast<char*>(bytes.data());
        setg(p, p, p + bytes.size());
    }
    std::size_t consumed() const { return static_cast<std::size_t>(gptr() - eback()); }
};

struct ContextGuard {
    LoadContext ctx;
    LoadContext* previous = tlLoad;
    ContextGuard() { tlLoad = &ctx; }
    ~ContextGuard() { tlLoad = previous; }
    ContextGuard(const ContextGuard&) = delete;
    ContextGuard& operator=(const ContextGuard&) = delete;
};

bool startsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// cereal's and RapidJSON's messages, in words a user can act on.
std::string describe(const std::string& what) {
    static const struct {
        const char* from;
        const char* to;
    } kAssertions[] = {
        {"IsString()", "expected text"},
        {"IsBool()", "expected true or false"},
        {"IsInt()", "expected a whole number (or it is out of range)"},
        {"IsUint()", "expected a whole number that is not negative (or it is out of range)"},
        {"IsInt64()", "expected a whole number (or it is out of range)"},
        {"IsUint64()", "expected a whole number that is not negative (or it is out of range)"},
        {"IsNumber()", "expected a number"},
        {"kIntFlag", "expected a whole number (or it is out of range)"},
        {"kUintFlag", "expected a whole number that is not negative (or it is out of range)"},
        {"kInt64Flag", "expected a whole number (or it is out of range)"},
        {"kUint64Flag", "expected a whole number that is not negative (or it is out of range)"},
        {"IsObject()", "expected an object { ... }"},
        {"IsArray()", "expected a list [ ... ]"},
    };
    const std::string_view assertion = "rapidjson internal assertion failure: ";
    if (startsWith(what, assertion)) {
        const std::string_view rest = std::string_view(what).substr(assertion.size());
        for (const auto& a : kAssertions)
            if (rest.find(a.from) != std::string_view::npos) return a.to;
        return "unexpected kind of value (" + std::string(rest) + ")";
    }
    const std::string_view missing = "JSON Parsing failed - provided NVP (";
    if (startsWith(what, missing)) {
        std::string name(std::string_view(what).substr(missing.size()));
        if (const auto end = name.find(')'); end != std::string::npos) name.resize(end);
        return "the field \"" + name + "\" is missing";
    }
    if (startsWith(what, "No more objects in input")) return "a value is missing";
    if (startsWith(what, "Failed to read "))
        return "the file ends too early (it is truncated or damaged)";
    return what;
}

std::vector<JsonPathStep> jsonPath(const std::vector<PathElem>& path) {
    std::vector<JsonPathStep> out;
    for (const auto& e : path) {
        if (e.key)
            out.push_back(JsonPathStep{e.key, 0, false});
        else
            out.push_back(JsonPathStep{{}, e.index, true});
    }
    return out;
}

void checkHeader(const FileHeader& h, LoadResult& r) {
    r.schema = h.schema;
    r.appVersion = h.app;
    if (h.magic != kJsonMagic)
        throw FormatError("this is not a Horizons board (the header's magic is \"" +
                          h.magic.substr(0, 40) + "\")");
    if (h.schema == 0) throw FormatError("the header has schema version 0, which never existed");
    if (h.schema > kSchemaVersion)
        throw FormatError("this board was written by a newer Horizons (" + h.app.substr(0, 40) +
                          ", file schema " + std::to_string(h.schema) +
                          "); this version reads schema " + std::to_string(kSchemaVersion) +
                          " and older. Update Horizons to open it");
}

template <class Archive> void readBoard(Archive& ar, Board& board, LoadResult& r) {
    FileHeader header;
    rawField(ar, "header", header);
    checkHeader(header, r);
    tlLoad->path.clear();
    rawField(ar, "board", board);
}

std::string finishError(std::string_view name, const std::string& what, const std::string& where,
                        const std::string& position) {
    std::string msg(name);
    msg += ": ";
    msg += what;
    if (!where.empty()) msg += " at " + where;
    if (!position.empty()) msg += " (" + position + ")";
    return msg;
}

// Texts with a NUL character: the loaders refuse them (a JSON reader would cut them short),
// so saving refuses them too rather than write a file that cannot be opened.
bool hasNul(const std::string& s) { return s.find('\0') != std::string::npos; }

bool contentHasNul(const BoardContent& c) {
    if (hasNul(c.meta.title) || hasNul(c.meta.owner)) return true;
    for (const auto& h : c.horizons)
        if (hasNul(h.name)) return true;
    for (const auto& g : c.goals) {
        if (hasNul(g.title) || hasNul(g.notes)) return true;
        for (const auto& t : g.tags)
            if (hasNul(t)) return true;
    }
    for (const auto& p : c.people)
        if (hasNul(p.name) || hasNul(p.notes)) return true;
    for (const auto& l : c.links)
        if (hasNul(l.topic)) return true;
    for (const auto& conv : c.conversations) {
        if (hasNul(conv.notes)) return true;
        for (const auto& f : conv.followUps)
            if (hasNul(f)) return true;
    }
    return false;
}

bool boardHasNul(const Board& b) {
    if (contentHasNul(b.content)) return true;
    for (const auto& s : b.snapshots)
        if (hasNul(s.name) || hasNul(s.note) || contentHasNul(s.content)) return true;
    return false;
}

} // namespace

std::string_view formatName(FileFormat f) { return f == FileFormat::Json ? "JSON" : "binary"; }

std::optional<FileFormat> detectFormat(std::string_view bytes) {
    if (bytes.size() >= sizeof kBinaryMagic &&
        bytes.substr(0, sizeof kBinaryMagic) == std::string_view(kBinaryMagic, sizeof kBinaryMagic))
        return FileFormat::Binary;
    if (startsWith(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
    for (char c : bytes) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
        if (c == '{') return FileFormat::Json;
        break;
    }
    return std::nullopt;
}

LoadResult loadBoardFromBytes(std::string_view bytes, std::string_view name) {
    LoadResult r;
    if (bytes.size() > kMaxFileBytes) {
        r.error = finishError(name,
                              "the file is too large (" + std::to_string(bytes.size()) +
                                  " bytes; the limit is " + std::to_string(kMaxFileBytes) + ")",
                              {}, {});
        return r;
    }
    if (isProtected(bytes)) {
        r.isProtected = true;
        r.error = finishError(name, "the board is protected with a passphrase", {}, {});
        return r;
    }
    const auto format = detectFormat(bytes);
    if (!format) {
        r.error = finishError(name,
                              bytes.empty() ? "the file is empty"
                                            : "this is not a Horizons board file (neither its "
                                              "JSON nor its binary format)",
                              {}, {});
        return r;
    }
    r.format = *format;
    std::string_view body = bytes;
    if (*format == FileFormat::Binary) {
        body.remove_prefix(sizeof kBinaryMagic);
    } else {
        if (startsWith(body, "\xEF\xBB\xBF")) body.remove_prefix(3);
        if (auto problem = scanJson(body)) {
            const auto lc = lineColumnAt(body, problem->offset);
            r.error = finishError(name, problem->what, {},
                                  "line " + std::to_string(lc.line) + ", column " +
                                      std::to_string(lc.column));
            return r;
        }
    }

    ContextGuard guard;
    MemoryBuf buf(body);
    std::istream in(&buf);
    Board board;
    std::string what;
    try {
        if (*format == FileFormat::Json) {
            cereal::JSONInputArchive ar(in);
            readBoard(ar, board, r);
        } else {
            guard.ctx.binary = &buf;
            cereal::PortableBinaryInputArchive ar(in);
            readBoard(ar, board, r);
            if (buf.in_avail() > 0)
                throw FormatError("there is unexpected data after the board (" +
                                  std::to_string(buf.in_avail()) + " bytes)");
        }
    } catch (const FormatError& e) {
        what = e.what();
    } catch (const std::bad_alloc&) {
        what = "not enough memory to load the board";
    } catch (const std::length_error&) {
        what = "a size in the file is impossibly large";
    } catch (const std::exception& e) {
        what = describe(e.what());
    } catch (...) {
        what = "unknown error while reading";
    }
    if (!what.empty()) {
        std::string position;
        if (*format == FileFormat::Json) {
            if (auto at = locateJsonPath(body, jsonPath(guard.ctx.path))) {
                const auto lc = lineColumnAt(body, *at);
                position =
                    "line " + std::to_string(lc.line) + ", column " + std::to_string(lc.column);
            }
        } else {
            position = "byte " + std::to_string(buf.consumed() + sizeof kBinaryMagic);
        }
        r.error = finishError(name, what, pathText(guard.ctx.path), position);
        return r;
    }

    if (r.schema < kSchemaVersion) {
        migrateBoard(board, r.schema);
        r.migrated = true;
    }
    if (auto problem = validateBoard(board)) {
        r.error = finishError(name, "the board is not consistent: " + *problem, {}, {});
        return r;
    }
    r.board = std::move(board);
    return r;
}

LoadResult loadBoardFile(const std::filesystem::path& path) {
    const std::size_t removed = cleanupTempFiles(path);
    std::string bytes;
    const auto u8 = path.u8string();
    const std::string name(u8.begin(), u8.end());
    FileStamp stamp;
    if (auto err = readFileBytes(path, kMaxFileBytes, bytes, &stamp)) {
        LoadResult r;
        r.error = *err;
        r.tempFilesRemoved = removed;
        return r;
    }
    LoadResult r = loadBoardFromBytes(bytes, name);
    r.tempFilesRemoved = removed;
    r.stamp = stamp;
    r.readOnly = !isWritableBoardFile(path);
    return r;
}

// ----------------------------------------------------------------------------------- save

FileFormat formatForPath(const std::filesystem::path& path) {
    const auto u8 = path.filename().u8string();
    const std::string name(u8.begin(), u8.end());
    const bool binary = name.size() >= kBinaryExtension.size() &&
                        name.compare(name.size() - kBinaryExtension.size(), kBinaryExtension.size(),
                                     kBinaryExtension) == 0;
    return binary ? FileFormat::Binary : FileFormat::Json;
}

std::string serializeJson(const Board& board) {
    std::ostringstream out;
    {
        cereal::JSONOutputArchive ar(
            out,
            cereal::JSONOutputArchive::Options(
                rapidjson::Writer<rapidjson::OStreamWrapper>::kDefaultMaxDecimalPlaces, // shortest
                                                                                        // exact
                cereal::JSONOutputArchive::Options::IndentChar::space, 2));
        FileHeader header{kJsonMagic, kSchemaVersion, HORIZONS_VERSION};
        ar(cereal::make_nvp("header", header));
        ar(cereal::make_nvp("board", board));
    }
    out << '\n';
    return std::move(out).str();
}

std::string serializeBinary(const Board& board) {
    std::ostringstream out;
    out.write(kBinaryMagic, sizeof kBinaryMagic);
    {
        cereal::PortableBinaryOutputArchive ar(out);
        FileHeader header{kJsonMagic, kSchemaVersion, HORIZONS_VERSION};
        ar(header);
        ar(board);
    }
    return std::move(out).str();
}

std::string serializeBoard(const Board& board, FileFormat format) {
    return format == FileFormat::Json ? serializeJson(board) : serializeBinary(board);
}

SaveResult saveBoardFile(const Board& board, const std::filesystem::path& path,
                         const SaveOptions& options) {
    SaveResult r;
    const FileFormat format = options.format.value_or(formatForPath(path));
    // Never write what we could not read back.
    if (boardHasNul(board)) {
        r.error = "could not save: a text contains a NUL character, which board files cannot hold";
        return r;
    }
    std::string bytes;
    try {
        bytes = serializeBoard(board, format);
    } catch (const std::exception& e) {
        r.error = std::string("could not write the board: ") + e.what();
        return r;
    }
    if (bytes.size() > kMaxFileBytes) {
        r.error =
            "could not save: the board is larger than " + std::to_string(kMaxFileBytes) + " bytes";
        return r;
    }
    if (options.key) { // the plain bytes are wiped; only the sealed ones are written
        std::string sealed = seal(*options.key, bytes);
        Secret wipe(std::move(bytes));
        bytes = std::move(sealed);
    }
    const WriteResult w = writeFileAtomically(path, bytes, options.keepBackup);
    r.ok = w.ok;
    r.error = w.error;
    r.bytes = w.ok ? bytes.size() : 0;
    r.stamp = w.stamp;
    return r;
}

// ----------------------------------------------------------------------------------- misc

std::string summarizeBoard(const Board& b) {
    auto count = [](std::size_t n, const char* one, const char* many) {
        return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    const auto& c = b.content;
    return count(c.horizons.size(), "horizon", "horizons") + ", " +
           count(c.goals.size(), "goal", "goals") + ", " +
           count(c.people.size(), "person", "people") + ", " +
           count(c.links.size(), "link", "links") + ", " +
           count(c.intros.size(), "introduction", "introductions") + ", " +
           count(c.conversations.size(), "conversation", "conversations") + ", " +
           count(b.snapshots.size(), "snapshot", "snapshots") +
           (c.asks.empty() ? "" : ", " + count(c.asks.size(), "ask", "asks")) +
           (c.wins.empty() ? "" : ", " + count(c.wins.size(), "win", "wins"));
}

} // namespace horizons::store
