// The headless subcommands (export, snapshot, diff, agenda): success and error paths, exit
// codes, what goes to stdout/stderr, and that nothing is written on error.
#include "model/document.hpp"
#include "model/edits.hpp"
#include "store/board_file.hpp"
#include "store/board_lock.hpp"
#include "support/e2e.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <sys/stat.h>
#include <unistd.h>

using namespace horizons::test::e2e;
namespace fs = std::filesystem;

namespace {

void spit(const fs::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
}

std::string quote(const std::string& s) {
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

struct Cli {
    fs::path dir;
    fs::path board;
    std::string out, err;
    Cli() {
        dir = fs::temp_directory_path() /
              ("horizons-cli-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
        fs::create_directories(dir);
        board = dir / "plan.horizons.json";
        fs::copy_file(fs::path(HORIZONS_ASSET_DIR) / "starter.horizons.json", board);
    }
    ~Cli() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    static int& counter() {
        static int n = 0;
        return n;
    }
    // Runs `horizons ARGS...` in `dir`; stdout -> out, stderr -> err; returns the exit code.
    int run(const std::vector<std::string>& args) {
        std::string cmd = "cd " + quote(dir.string()) + " && " + quote(binaryPath().string());
        for (const auto& a : args)
            cmd += " " + quote(a);
        cmd += " 2>" + quote((dir / "stderr.txt").string());
        out.clear();
        const int rc = runCommand({"sh", "-c", cmd}, &out);
        err = readFileText(dir / "stderr.txt");
        fs::remove(dir / "stderr.txt");
        return rc;
    }
    std::vector<std::string> files() const {
        std::vector<std::string> names;
        for (const auto& e : fs::directory_iterator(dir))
            names.push_back(e.path().filename().string());
        std::sort(names.begin(), names.end());
        return names;
    }
};

} // namespace

TEST_CASE("cli export: Markdown of the whole plan") {
    Cli c;
    REQUIRE(c.run({"export", "plan.horizons.json", "--format", "md", "-o", "plan.md"}) == 0);
    const std::string md = readFileText(c.dir / "plan.md");
    CHECK(md.rfind("# ", 0) == 0);
    CHECK(md.find("## Horizons") != std::string::npos);
    CHECK(md.find("## People") != std::string::npos);
    CHECK(md.find("## Recent conversations") != std::string::npos);
    CHECK(c.err.empty());
}

TEST_CASE("cli export: CSV of goals (default) and of people") {
    Cli c;
    REQUIRE(c.run({"export", "plan.horizons.json", "--format", "csv", "-o", "goals.csv"}) == 0);
    CHECK(readFileText(c.dir / "goals.csv").rfind("id,title,horizon,kind,specificity,status", 0) ==
          0);
    REQUIRE(c.run({"export", "plan.horizons.json", "--format", "csv", "--what", "people", "-o",
                   "people.csv"}) == 0);
    CHECK(readFileText(c.dir / "people.csv").rfind("id,name,relationship,inside_org,trust", 0) ==
          0);
}

TEST_CASE("cli export: an existing OUT is replaced; on error it is left alone") {
    Cli c;
    spit(c.dir / "out.md", "old\n");
    REQUIRE(c.run({"export", "plan.horizons.json", "--format", "md", "-o", "out.md"}) == 0);
    CHECK(readFileText(c.dir / "out.md") != "old\n");
    spit(c.dir / "out.md", "old\n");
    CHECK(c.run({"export", "missing.horizons.json", "--format", "md", "-o", "out.md"}) == 1);
    CHECK(readFileText(c.dir / "out.md") == "old\n");
    CHECK(c.err.find("missing.horizons.json") != std::string::npos);
}

TEST_CASE("cli export: error paths write nothing") {
    Cli c;
    const auto before = c.files();
    CHECK(c.run({"export", "plan.horizons.json", "--format", "pdf", "-o", "x.pdf"}) == 2);
    CHECK(c.err.find("unknown format") != std::string::npos);
    CHECK(c.run({"export", "plan.horizons.json", "--format", "csv", "--what", "cats", "-o",
                 "x.csv"}) == 2); // bad command lines exit 2, as the README says
    CHECK(c.err.find("--what") != std::string::npos);
    CHECK(c.run({"export", "plan.horizons.json", "--format", "png", "--size", "huge", "-o",
                 "x.png"}) == 2);
    CHECK(c.run({"export", "plan.horizons.json", "--format", "png", "--size", "99999x10", "-o",
                 "x.png"}) == 2);
    CHECK(c.err.find("--size") != std::string::npos);
    CHECK(c.run({"export", "plan.horizons.json", "--format", "png", "--view", "table", "-o",
                 "x.png"}) == 2);
    CHECK(c.run({"export", "plan.horizons.json", "--format", "md"}) == 2); // -o is required
    CHECK_FALSE(c.err.empty());
    CHECK(c.run({"export", "plan.horizons.json", "--format", "md", "-o", "no/such/folder/x.md"}) ==
          1);
    spit(c.dir / "broken.horizons.json", "{ not json");
    const auto withBroken = c.files();
    CHECK(c.run({"export", "broken.horizons.json", "--format", "md", "-o", "x.md"}) == 1);
    CHECK_FALSE(c.err.empty());
    CHECK(c.files() == withBroken);
    fs::remove(c.dir / "broken.horizons.json");
    CHECK(c.files() == before);
}

TEST_CASE("cli snapshot: takes a snapshot and saves the file; errors leave it alone") {
    Cli c;
    const std::string original = readFileText(c.board);
    CHECK(c.run({"snapshot", "plan.horizons.json"}) == 2); // --name is required
    CHECK(c.run({"snapshot", "plan.horizons.json", "--name", "  "}) == 1);
    CHECK(c.run({"snapshot", "nope.horizons.json", "--name", "X"}) == 1);
    CHECK_FALSE(fs::exists(c.dir / "nope.horizons.json"));
    CHECK(readFileText(c.board) == original);

    REQUIRE(c.run({"snapshot", "plan.horizons.json", "--name", "Review, \"spring\"", "--note",
                   "before the review"}) == 0);
    CHECK(c.out.find("Snapshot \"Review, \"spring\"\" taken") != std::string::npos);
    const std::string saved = readFileText(c.board);
    CHECK(saved != original);
    CHECK(saved.find("before the review") != std::string::npos);
    CHECK(fs::exists(c.dir / "plan.horizons.json.bak")); // the previous version is kept
}

TEST_CASE("cli diff: between snapshots and with now; unknown snapshots fail") {
    Cli c;
    REQUIRE(c.run({"snapshot", "plan.horizons.json", "--name", "Spring"}) == 0);
    CHECK(c.run({"diff", "plan.horizons.json", "--from", "spring"}) == 0);
    CHECK(c.out.find("From \"Spring\"") != std::string::npos);
    CHECK(c.out.find(": 0 changes") != std::string::npos);

    // Rename a goal in the live plan (its first occurrence in the file is the live content).
    std::string text = readFileText(c.board);
    const std::string title = "Finish the product management course (modules 1-4)";
    const auto at = text.find(title);
    REQUIRE(at != std::string::npos);
    text.replace(at, title.size(), "Finish the product course");
    spit(c.board, text);
    REQUIRE(c.run({"diff", "plan.horizons.json", "--from", "Spring", "--to", "now"}) == 0);
    CHECK(c.out.find("1 change") != std::string::npos);
    CHECK(c.out.find("\n- Renamed \"" + title + "\" to \"Finish the product course\"\n") !=
          std::string::npos);
    CHECK(c.out.find("Renamed: Renamed") == std::string::npos); // the kind is said once

    REQUIRE(c.run({"snapshot", "plan.horizons.json", "--name", "Autumn"}) == 0);
    REQUIRE(c.run({"diff", "plan.horizons.json", "--from", "Spring", "--to", "Autumn"}) == 0);
    CHECK(c.out.find("to \"Autumn\"") != std::string::npos);
    CHECK(c.out.find("1 change") != std::string::npos);

    CHECK(c.run({"diff", "plan.horizons.json", "--from", "Winter"}) == 1);
    CHECK(c.err.find("no snapshot \"Winter\"") != std::string::npos);
    CHECK(c.err.find("\"Spring\"") != std::string::npos); // lists what there is
    CHECK(c.run({"diff", "plan.horizons.json", "--from", "Spring", "--to", "Winter"}) == 1);
    CHECK(c.run({"diff", "plan.horizons.json"}) == 2); // --from is required
    CHECK(c.run({"diff", "missing.horizons.json", "--from", "Spring"}) == 1);
}

TEST_CASE("cli agenda: prints Markdown; unknown person fails") {
    Cli c;
    REQUIRE(c.run({"agenda", "plan.horizons.json", "--person", "priya raman"}) == 0);
    CHECK(c.out.rfind("# Prep for a career conversation with Priya Raman (for me", 0) == 0);
    CHECK(c.out.find("trust 3/5") != std::string::npos);
    CHECK(c.out.find("## What I could ask") != std::string::npos);
    REQUIRE(c.run({"agenda", "plan.horizons.json", "--person", "Priya Raman", "-o", "agenda.md"}) ==
            0);
    CHECK(c.out.empty());
    CHECK(readFileText(c.dir / "agenda.md").rfind("# Prep for a career conversation", 0) == 0);
    CHECK(c.run({"agenda", "plan.horizons.json", "--person", "Nobody"}) == 1);
    CHECK(c.err.find("no person \"Nobody\"") != std::string::npos);
    CHECK(c.run({"agenda", "plan.horizons.json"}) == 2);
}

TEST_CASE("cli --share: the agenda and exports to share hold no note, trust or left-out count") {
    Cli c;
    // Every note on the board (goals, people, conversations) becomes a marker.
    std::string json = readFileText(c.board);
    int n = 0;
    std::string marked;
    const std::regex note("\"notes\": \"([^\"\\\\]|\\\\.)*\"");
    auto it = std::sregex_iterator(json.begin(), json.end(), note);
    std::size_t last = 0;
    for (; it != std::sregex_iterator(); ++it) {
        marked += json.substr(last, static_cast<std::size_t>(it->position()) - last);
        marked += "\"notes\": \"MARK-NOTE-" + std::to_string(n++) + "\"";
        last = static_cast<std::size_t>(it->position() + it->length());
    }
    marked += json.substr(last);
    REQUIRE(n > 5);
    spit(c.board, marked);
    REQUIRE(c.run({"export", "plan.horizons.json", "--format", "md", "-o", "me.md"}) == 0);
    CHECK(readFileText(c.dir / "me.md").find("MARK-NOTE-") != std::string::npos);

    std::vector<std::string> outputs;
    REQUIRE(c.run({"agenda", "plan.horizons.json", "--person", "Priya Raman", "--share"}) == 0);
    outputs.push_back(c.out);
    CHECK(c.out.rfind("# Career conversation with Priya Raman\n", 0) == 0);
    REQUIRE(c.run({"export", "plan.horizons.json", "--format", "md", "--share", "-o", "a.md"}) ==
            0);
    outputs.push_back(readFileText(c.dir / "a.md"));
    REQUIRE(c.run({"export", "plan.horizons.json", "--format", "md", "--share", "--person",
                   "Priya Raman", "-o", "b.md"}) == 0);
    outputs.push_back(readFileText(c.dir / "b.md"));
    REQUIRE(c.run({"export", "plan.horizons.json", "--format", "csv", "--share", "-o", "c.csv"}) ==
            0);
    outputs.push_back(readFileText(c.dir / "c.csv"));
    REQUIRE(c.run({"packet", "plan.horizons.json", "--share", "--person", "Priya Raman"}) == 0);
    outputs.push_back(c.out);
    CHECK(c.out.find("Let me join the spring discovery work") != std::string::npos);
    for (const auto& o : outputs) {
        CAPTURE(o);
        CHECK_FALSE(o.empty());
        CHECK(o.find("MARK-NOTE-") == std::string::npos);
        CHECK(o.find("trust") == std::string::npos);
        CHECK(o.find("Trust") == std::string::npos);
        CHECK(o.find("Left out") == std::string::npos);
        CHECK(o.find("Jo Whitfield") == std::string::npos); // someone else on the map
    }
    // The people table and the map are for me only.
    CHECK(c.run({"export", "plan.horizons.json", "--format", "csv", "--what", "people", "--share",
                 "-o", "p.csv"}) == 1);
    CHECK(c.err.find("for you only") != std::string::npos);
    CHECK(c.run({"export", "plan.horizons.json", "--format", "png", "--view", "map", "--share",
                 "-o", "p.png"}) == 1);
    CHECK(c.err.find("for you only") != std::string::npos);
    CHECK_FALSE(fs::exists(c.dir / "p.csv"));
    CHECK_FALSE(fs::exists(c.dir / "p.png"));
}

TEST_CASE("cli protect/unprotect: the passphrase from a file, check without it, wrong one fails") {
    Cli c;
    spit(c.dir / "pass.txt", "open sesame\n");
    spit(c.dir / "wrong.txt", "open sesame!\n");
    REQUIRE(c.run({"protect", "plan.horizons.json", "--passphrase-file", "pass.txt"}) == 0);
    CHECK(c.out.find("protected with a passphrase") != std::string::npos);
    const std::string sealed = readFileText(c.board);
    CHECK(sealed.find("Priya") == std::string::npos);
    CHECK(c.files() == std::vector<std::string>{"pass.txt", "plan.horizons.json", "wrong.txt"});

    REQUIRE(c.run({"check", "plan.horizons.json"}) == 0); // no passphrase needed
    CHECK(c.out.find("protected (Argon2id 64 MiB, 3 passes") != std::string::npos);
    CHECK(c.run({"agenda", "plan.horizons.json", "--person", "Priya Raman", "--share",
                 "--passphrase-file", "wrong.txt"}) == 1);
    CHECK(c.err.find("wrong passphrase") != std::string::npos);
    CHECK(readFileText(c.board) == sealed); // nothing written
    REQUIRE(c.run({"agenda", "plan.horizons.json", "--person", "Priya Raman", "--share",
                   "--passphrase-file", "pass.txt"}) == 0);
    CHECK(c.out.rfind("# Career conversation with Priya Raman\n", 0) == 0);
    // Without a terminal and without --passphrase-file, it says what to do.
    CHECK(c.run({"agenda", "plan.horizons.json", "--person", "Priya Raman"}) == 1);
    CHECK(c.err.find("--passphrase-file") != std::string::npos);
    // Never from an argument: there is no such option.
    CHECK(c.run({"unprotect", "plan.horizons.json", "--passphrase", "open sesame"}) == 2);

    REQUIRE(c.run({"unprotect", "plan.horizons.json", "--passphrase-file", "pass.txt"}) == 0);
    CHECK(readFileText(c.board).find("Priya Raman") != std::string::npos);
    REQUIRE(c.run({"check", "plan.horizons.json"}) == 0);
    CHECK(c.out.find(": OK, JSON schema 2") != std::string::npos);
}

TEST_CASE("cli: --help says which subcommands need no window") {
    Cli c;
    REQUIRE(c.run({"--help"}) == 0);
    CHECK(c.out.find("export") != std::string::npos);
    CHECK(c.out.find("(no window)") != std::string::npos);
    CHECK(c.out.find("needs a display") != std::string::npos);
}

namespace {

// Width and height from a PNG's IHDR chunk (0, 0 when it is not a PNG).
std::pair<std::uint32_t, std::uint32_t> pngSize(const std::string& bytes) {
    if (bytes.size() < 24 || bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0 ||
        bytes.compare(12, 4, "IHDR") != 0)
        return {0, 0};
    auto be32 = [&](std::size_t at) {
        std::uint32_t v = 0;
        for (std::size_t i = 0; i < 4; ++i)
            v = (v << 8) | static_cast<unsigned char>(bytes[at + i]);
        return v;
    };
    return {be32(16), be32(20)};
}

} // namespace

TEST_CASE("cli export: PNG of the board and of the map at the requested size, not blank") {
    Cli c;
    REQUIRE_MESSAGE(c.run({"export", "plan.horizons.json", "--format", "png", "--size", "900x640",
                           "-o", "board.png"}) == 0,
                    c.err);
    const std::string board = readFileText(c.dir / "board.png");
    CHECK(pngSize(board) == std::pair<std::uint32_t, std::uint32_t>{900, 640});
    // A blank 900x640 picture compresses to a few kilobytes; cards, text and rings do not.
    CHECK(board.size() > 20000);

    spit(c.dir / "map.png", "old");
    REQUIRE(c.run({"export", "plan.horizons.json", "--format", "png", "--view", "map", "--size",
                   "640x480", "-o", "map.png"}) == 0);
    const std::string map = readFileText(c.dir / "map.png");
    CHECK(pngSize(map) == std::pair<std::uint32_t, std::uint32_t>{640, 480});
    CHECK(map.size() > 15000);
    // No temp files are left next to OUT.
    for (const auto& name : c.files())
        CHECK(name.find(".tmp") == std::string::npos);
}

TEST_CASE("cli export: the board PNG to share, also of a protected board, and nothing on disk "
          "but the picture") {
    Cli c;
    REQUIRE_MESSAGE(c.run({"export", "plan.horizons.json", "--format", "png", "--share", "--person",
                           "Priya Raman", "--size", "900x640", "-o", "share.png"}) == 0,
                    c.err);
    const std::string shared = readFileText(c.dir / "share.png");
    CHECK(pngSize(shared) == std::pair<std::uint32_t, std::uint32_t>{900, 640});
    CHECK(shared.size() > 20000); // cards were drawn
    CHECK(c.run({"export", "plan.horizons.json", "--format", "png", "--share", "--person", "Nobody",
                 "-o", "x.png"}) == 1);

    spit(c.dir / "pass.txt", "open sesame\n");
    REQUIRE(c.run({"protect", "plan.horizons.json", "--passphrase-file", "pass.txt"}) == 0);
    const auto before = c.files();
    REQUIRE_MESSAGE(
        c.run({"export", "plan.horizons.json", "--format", "png", "--share", "--passphrase-file",
               "pass.txt", "--size", "640x480", "-o", "sealed.png"}) == 0,
        c.err);
    CHECK(pngSize(readFileText(c.dir / "sealed.png")) ==
          std::pair<std::uint32_t, std::uint32_t>{640, 480});
    auto after = c.files();
    std::erase(after, std::string("sealed.png"));
    CHECK(after == before); // the board went to the renderer through a pipe
}

TEST_CASE("cli: an output that is the input board is refused, under any name; nothing written") {
    Cli c;
    const std::string original = readFileText(c.board);
    fs::create_symlink("plan.horizons.json", c.dir / "link.md");
    fs::create_hard_link(c.board, c.dir / "hard.md");
    fs::create_directories(c.dir / "sub");
    const auto before = c.files();
    for (const std::string& out :
         std::vector<std::string>{"plan.horizons.json", "./sub/../plan.horizons.json",
                                  (c.dir / "plan.horizons.json").string(), "link.md", "hard.md"}) {
        CAPTURE(out);
        CHECK(c.run({"export", "plan.horizons.json", "--format", "md", "-o", out}) == 1);
        CHECK(c.err.find("is the board file") != std::string::npos);
        CHECK(c.run({"export", "plan.horizons.json", "--format", "csv", "-o", out}) == 1);
        CHECK(c.run({"agenda", "plan.horizons.json", "--person", "Priya Raman", "-o", out}) == 1);
        CHECK(c.run({"convert", "plan.horizons.json", out}) == 1);
        CHECK(readFileText(c.board) == original);
        CHECK(fs::is_symlink(fs::symlink_status(c.dir / "link.md")));
    }
    CHECK(c.files() == before); // no .bak, no temp file, no lock left
    // Another file is still fine.
    CHECK(c.run({"export", "plan.horizons.json", "--format", "md", "-o", "plan.md"}) == 0);
}

TEST_CASE("cli: a FIFO as the board is refused at once by every subcommand") {
    Cli c;
    REQUIRE(::mkfifo((c.dir / "pipe.horizons.json").c_str(), 0644) == 0);
    // `timeout`: a subcommand that opened the FIFO would wait for a writer for ever.
    const std::vector<std::vector<std::string>> commands = {
        {"check", "pipe.horizons.json"},
        {"export", "pipe.horizons.json", "--format", "md", "-o", "x.md"},
        {"snapshot", "pipe.horizons.json", "--name", "X"},
        {"diff", "pipe.horizons.json", "--from", "X"},
        {"agenda", "pipe.horizons.json", "--person", "X"},
        {"convert", "pipe.horizons.json", "x.horizons"}};
    for (const auto& args : commands) {
        CAPTURE(args[0]);
        std::vector<std::string> cmd = {"timeout", "20", binaryPath().string()};
        cmd.insert(cmd.end(), args.begin(), args.end());
        std::string out;
        const int rc = runCommand({"sh", "-c",
                                   "cd " + quote(c.dir.string()) + " && " +
                                       [&] {
                                           std::string line;
                                           for (const auto& a : cmd)
                                               line += quote(a) + " ";
                                           return line + "2>&1";
                                       }()},
                                  &out);
        CHECK(rc == 1); // 124 would be the timeout
        CHECK(out.find("not a regular file (a FIFO)") != std::string::npos);
    }
    CHECK_FALSE(fs::exists(c.dir / "x.md"));
    CHECK_FALSE(fs::exists(c.dir / "x.horizons"));
    CHECK(fs::is_fifo(c.dir / "pipe.horizons.json"));
}

TEST_CASE("cli: a read-only board is read but never replaced by snapshot or convert") {
    Cli c;
    ::chmod(c.board.c_str(), 0444);
    const std::string original = readFileText(c.board);
    CHECK(c.run({"check", "plan.horizons.json"}) == 0);
    CHECK(c.run({"export", "plan.horizons.json", "--format", "md", "-o", "plan.md"}) == 0);
    CHECK(c.run({"snapshot", "plan.horizons.json", "--name", "X"}) == 1);
    CHECK(c.err.find("read-only file") != std::string::npos);
    REQUIRE(c.run({"convert", "plan.horizons.json", "copy.horizons.json"}) == 0);
    ::chmod((c.dir / "copy.horizons.json").c_str(), 0444);
    const std::string copy = readFileText(c.dir / "copy.horizons.json");
    CHECK(c.run({"convert", "plan.horizons.json", "copy.horizons.json"}) == 1);
    CHECK(c.err.find("read-only file") != std::string::npos);
    CHECK(readFileText(c.board) == original);
    CHECK(readFileText(c.dir / "copy.horizons.json") == copy);
    CHECK_FALSE(fs::exists(c.dir / "plan.horizons.json.bak"));
}

TEST_CASE("cli: snapshot through a symbolic link saves the target and keeps the link") {
    Cli c;
    fs::create_directories(c.dir / "real");
    fs::rename(c.board, c.dir / "real" / "plan.horizons.json");
    fs::create_symlink("real/plan.horizons.json", c.board);
    REQUIRE(c.run({"snapshot", "plan.horizons.json", "--name", "Linked"}) == 0);
    CHECK(fs::is_symlink(fs::symlink_status(c.board)));
    CHECK(readFileText(c.dir / "real" / "plan.horizons.json").find("Linked") != std::string::npos);
    CHECK(fs::exists(c.dir / "real" / "plan.horizons.json.bak"));
}

TEST_CASE("cli: snapshot and convert refuse a board that a running Horizons holds") {
    Cli c;
    const std::string original = readFileText(c.board);
    horizons::store::BoardLock window; // this test process stands for the open window
    REQUIRE(window.acquire(c.board));
    CHECK(c.run({"snapshot", "plan.horizons.json", "--name", "X"}) == 1);
    CHECK(c.err.find("already open in process " + std::to_string(::getpid())) != std::string::npos);
    CHECK(c.run({"convert", "plan.horizons.json", "plan.horizons"}) == 0); // OUT is not locked
    CHECK(c.run({"convert", "plan.horizons", "plan.horizons.json"}) == 1);
    CHECK(readFileText(c.board) == original);
    CHECK(window.stillOurs());
    window.release();
    CHECK(c.run({"snapshot", "plan.horizons.json", "--name", "X"}) == 0);
    CHECK_FALSE(fs::exists(horizons::store::lockFileFor(c.board))); // released at exit
}

namespace {

// Copies the starter board to NAME, with `from` replaced by `to` (empty: unchanged).
void boardCopy(const Cli& c, const std::string& name, const std::string& from = {},
               const std::string& to = {}) {
    std::string json = readFileText(c.board);
    if (!from.empty()) {
        const auto at = json.find(from);
        REQUIRE(at != std::string::npos);
        json.replace(at, from.size(), to);
    }
    spit(c.dir / name, json);
}

const std::string kGoal = "Move from engineering into a product role";

} // namespace

TEST_CASE("cli merge: edits of two copies merge cleanly; OUT is a sound board") {
    Cli c;
    boardCopy(c, "laptop.horizons.json", kGoal, "Move into a product role");
    boardCopy(c, "home.horizons.json");
    REQUIRE(c.run({"snapshot", "home.horizons.json", "--name", "At home"}) == 0);
    REQUIRE(c.run({"merge", "plan.horizons.json", "laptop.horizons.json", "home.horizons.json",
                   "-o", "merged.horizons.json"}) == 0);
    CHECK(c.err.empty());
    CHECK(c.out.find("wrote merged.horizons.json") != std::string::npos);
    const std::string merged = readFileText(c.dir / "merged.horizons.json");
    CHECK(merged.find("Move into a product role") != std::string::npos);
    CHECK(merged.find("At home") != std::string::npos);
    CHECK(c.run({"check", "merged.horizons.json"}) == 0);
    // Binary output by extension, and the inputs are left alone.
    REQUIRE(c.run({"merge", "plan.horizons.json", "laptop.horizons.json", "home.horizons.json",
                   "-o", "merged.horizons"}) == 0);
    CHECK(c.run({"check", "merged.horizons"}) == 0);
    CHECK(readFileText(c.dir / "laptop.horizons.json").find("Move into a product role") !=
          std::string::npos);
}

TEST_CASE("cli merge: conflicts are listed one a line and nothing is written unless --prefer") {
    Cli c;
    boardCopy(c, "laptop.horizons.json", kGoal, "Become a product manager");
    boardCopy(c, "home.horizons.json", kGoal, "Become a designer");
    const std::vector<std::string> args{
        "merge", "plan.horizons.json",  "laptop.horizons.json", "home.horizons.json",
        "-o",    "merged.horizons.json"};
    CHECK(c.run(args) == 1);
    CHECK_FALSE(fs::exists(c.dir / "merged.horizons.json"));
    CHECK(c.err.find("conflict: goal \"Become a product manager\"") != std::string::npos);
    CHECK(c.err.find("title: ours \"Become a product manager\" | theirs \"Become a designer\"") !=
          std::string::npos);
    CHECK(std::count(c.err.begin(), c.err.end(), '\n') == 2); // one conflict + the summary

    auto withPrefer = args;
    withPrefer.insert(withPrefer.end(), {"--prefer", "theirs"});
    REQUIRE(c.run(withPrefer) == 0);
    CHECK(c.err.find("[took theirs]") != std::string::npos);
    const std::string merged = readFileText(c.dir / "merged.horizons.json");
    CHECK(merged.find("Become a designer") != std::string::npos);
    CHECK(merged.find("Become a product manager") == std::string::npos);
    CHECK(c.run({"check", "merged.horizons.json"}) == 0);
}

TEST_CASE("cli merge: --base auto uses the newest shared snapshot, else an empty board") {
    Cli c;
    REQUIRE(c.run({"snapshot", "plan.horizons.json", "--name", "Shared"}) == 0);
    boardCopy(c, "laptop.horizons.json", kGoal, "Become a product manager");
    boardCopy(c, "home.horizons.json");
    REQUIRE(c.run({"merge", "--base", "auto", "laptop.horizons.json", "home.horizons.json", "-o",
                   "merged.horizons.json"}) == 0);
    CHECK(c.err.find("the newest snapshot both files share") != std::string::npos);
    CHECK(readFileText(c.dir / "merged.horizons.json").find("Become a product manager") !=
          std::string::npos);

    // No shared snapshot: an empty base, so the same field changed apart is a conflict.
    Cli d;
    boardCopy(d, "laptop.horizons.json", kGoal, "Become a product manager");
    boardCopy(d, "home.horizons.json");
    CHECK(d.run({"merge", "--base", "auto", "laptop.horizons.json", "home.horizons.json", "-o",
                 "merged.horizons.json"}) == 1);
    CHECK(d.err.find("an empty board") != std::string::npos);
    CHECK(d.err.find("(added on both sides)") != std::string::npos);
    CHECK_FALSE(fs::exists(d.dir / "merged.horizons.json"));
}

TEST_CASE("cli merge: bad usage exits 2; OUT equal to an input is refused; bad files exit 1") {
    Cli c;
    boardCopy(c, "laptop.horizons.json", kGoal, "Become a product manager");
    const std::string laptop = readFileText(c.dir / "laptop.horizons.json");
    CHECK(c.run({"merge", "plan.horizons.json", "laptop.horizons.json", "plan.horizons.json", "-o",
                 "laptop.horizons.json"}) == 2);
    CHECK(c.err.find("is one of the inputs") != std::string::npos);
    CHECK(c.run({"merge", "plan.horizons.json", "laptop.horizons.json", "plan.horizons.json", "-o",
                 "./plan.horizons.json"}) == 2);
    CHECK(readFileText(c.dir / "laptop.horizons.json") == laptop);
    CHECK(c.run({"merge", "laptop.horizons.json", "plan.horizons.json", "-o", "x.json"}) == 2);
    CHECK(c.run({"merge", "plan.horizons.json", "laptop.horizons.json", "plan.horizons.json"}) ==
          2); // no -o
    CHECK(c.run({"merge", "plan.horizons.json", "laptop.horizons.json", "plan.horizons.json", "-o",
                 "x.json", "--prefer", "mine"}) == 2);
    CHECK(c.run({"merge", "plan.horizons.json", "nope.horizons.json", "plan.horizons.json", "-o",
                 "x.json"}) == 1);
    CHECK_FALSE(fs::exists(c.dir / "x.json"));
}

TEST_CASE("cli: a board whose id counter is at 2^64-1 takes a snapshot and still checks") {
    Cli c;
    std::string json = readFileText(c.board);
    const auto at = json.find("\"nextId\": ");
    REQUIRE(at != std::string::npos);
    const auto end = json.find(',', at);
    json.replace(at, end - at, "\"nextId\": 18446744073709551615");
    spit(c.board, json);
    REQUIRE(c.run({"snapshot", "plan.horizons.json", "--name", "One"}) == 0);
    REQUIRE(c.run({"snapshot", "plan.horizons.json", "--name", "Two"}) == 0);
    CHECK(c.run({"check", "plan.horizons.json"}) == 0);
    const std::string saved = readFileText(c.board);
    CHECK(saved.find("\"nextId\": 18446744073709551615") != std::string::npos);
    CHECK(saved.find("\"id\": 0,") == std::string::npos);
}

TEST_CASE(
    "cli export: iCalendar, vCard and JSON Canvas; unknown formats and --share are usage errors") {
    Cli c;
    REQUIRE(c.run({"export", "plan.horizons.json", "--format", "ics", "-o", "plan.ics"}) == 0);
    const std::string ics = readFileText(c.dir / "plan.ics");
    CHECK(ics.rfind("BEGIN:VCALENDAR\r\n", 0) == 0);
    CHECK(ics.find("SUMMARY:Talk to Priya Raman\r\n") != std::string::npos);
    CHECK(ics.find("RRULE:FREQ=DAILY;INTERVAL=90\r\n") != std::string::npos);
    CHECK(ics.find("UID:review@horizons\r\n") != std::string::npos);
    CHECK(ics.find("BEGIN:VTODO\r\n") != std::string::npos);
    REQUIRE(c.run({"export", "plan.horizons.json", "--format", "vcf", "-o", "people.vcf"}) == 0);
    const std::string vcf = readFileText(c.dir / "people.vcf");
    CHECK(std::count(vcf.begin(), vcf.end(), 'B') >= 4);
    CHECK(vcf.find("FN:Jo Whitfield\r\n") != std::string::npos);
    CHECK(vcf.find("ORG:Fieldnote Labs\r\n") != std::string::npos);
    REQUIRE(c.run({"export", "plan.horizons.json", "--format", "canvas", "-o", "plan.canvas"}) ==
            0);
    CHECK(readFileText(c.dir / "plan.canvas").find("\"label\": \"5 years\"") != std::string::npos);

    const auto before = c.files();
    CHECK(c.run({"export", "plan.horizons.json", "--format", "ical", "-o", "x.ics"}) == 2);
    CHECK(c.err.find("unknown format") != std::string::npos);
    CHECK(c.run({"export", "plan.horizons.json", "--format", "vcf", "--share", "-o", "x.vcf"}) ==
          2);
    CHECK(c.err.find("for you only") != std::string::npos);
    CHECK(c.files() == before);
}

TEST_CASE("cli import: people from a vCard, the same file twice updates instead of duplicating") {
    Cli c;
    REQUIRE(c.run({"export", "plan.horizons.json", "--format", "vcf", "-o", "people.vcf"}) == 0);
    std::string vcf = readFileText(c.dir / "people.vcf");
    // Priya moved; a new contact arrives from another address book (no UID).
    vcf.replace(vcf.find("ORG:Northwind Health"), 20, "ORG:Lakeside Clinic");
    vcf += "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Noor Haddad\r\nORG:Open Health\r\n"
           "ROLE:Mentor\r\nEND:VCARD\r\n";
    spit(c.dir / "people.vcf", vcf);
    REQUIRE(c.run({"import", "plan.horizons.json", "people.vcf"}) == 0);
    CHECK(c.out.find("1 person added, 1 updated, 3 unchanged") != std::string::npos);
    REQUIRE(c.run({"check", "plan.horizons.json"}) == 0);
    CHECK(c.out.find("5 people") != std::string::npos);
    REQUIRE(c.run({"import", "plan.horizons.json", "people.vcf"}) == 0);
    CHECK(c.out.find("0 people added, 0 updated, 5 unchanged") != std::string::npos);
    CHECK(c.out.find("nothing to save") != std::string::npos);
    REQUIRE(c.run({"check", "plan.horizons.json"}) == 0);
    CHECK(c.out.find("5 people") != std::string::npos);
    REQUIRE(c.run({"export", "plan.horizons.json", "--format", "vcf", "-o", "again.vcf"}) == 0);
    const std::string again = readFileText(c.dir / "again.vcf");
    CHECK(again.find("ORG:Lakeside Clinic") != std::string::npos);
    CHECK(again.find("FN:Noor Haddad") != std::string::npos);

    // A file that is not a vCard changes nothing; missing arguments are usage errors.
    const std::string board = readFileText(c.board);
    spit(c.dir / "bad.vcf", "BEGIN:VCARD\nFN:Half a card\n");
    CHECK(c.run({"import", "plan.horizons.json", "bad.vcf"}) == 1);
    CHECK(c.err.find("bad.vcf") != std::string::npos);
    CHECK(c.run({"import", "plan.horizons.json", "missing.vcf"}) == 1);
    CHECK(c.run({"import", "plan.horizons.json"}) == 2);
    CHECK(readFileText(c.board) == board);
}

TEST_CASE("cli packet: two wins, the diff since the last snapshot and the open asks") {
    Cli c;
    {
        auto r = horizons::store::loadBoardFile(c.board);
        REQUIRE(r);
        horizons::Document doc(std::move(*r.board));
        using namespace horizons;
        doc.apply(takeSnapshot(doc.board(), doc.newId<SnapshotId>(), "Before the review", "",
                               nowTimestamp() - 86400));
        const Goal* course = nullptr;
        for (const Goal& g : doc.content().goals)
            if (g.title.rfind("Finish the product management course", 0) == 0) course = &g;
        REQUIRE(course);
        const GoalId courseId = course->id;
        const GoalId done[] = {courseId};
        doc.apply(setGoalStatus(doc.board(), done, GoalStatus::Done));
        for (const char* what : {"Passed the product course", "Ran my first discovery interview"})
            doc.apply(
                addWin(doc.board(), Win{doc.newId<WinId>(), Date::today(), what, {courseId}, ""}));
        REQUIRE(horizons::store::saveBoardFile(doc.board(), c.board));
    }
    REQUIRE(c.run({"packet", "plan.horizons.json", "-o", "packet.md"}) == 0);
    const std::string md = readFileText(c.dir / "packet.md");
    CHECK(md.rfind("# Review packet: ", 0) == 0);
    CHECK(md.find("Passed the product course") != std::string::npos);
    CHECK(md.find("Ran my first discovery interview") != std::string::npos);
    CHECK(md.find("Led the accessibility review") == std::string::npos); // before the snapshot
    CHECK(md.find("Status of \"Finish the product management course") != std::string::npos);
    CHECK(md.find("Active -\\> Done") != std::string::npos); // Markdown-escaped
    CHECK(md.find("### Open\n\n- Let me join the spring discovery work") != std::string::npos);
    CHECK(md.find("since the snapshot \"Before the review\"") != std::string::npos);

    CHECK(c.run({"packet", "plan.horizons.json", "--since", "yesterday"}) == 2);
    CHECK(c.run({"packet", "plan.horizons.json", "--person", "Priya Raman"}) == 2);
    CHECK(c.run({"packet", "plan.horizons.json", "--share", "--person", "Nobody"}) == 1);
    REQUIRE(c.run({"packet", "plan.horizons.json", "--since", "2000-01-01"}) == 0);
    CHECK(c.out.find("Led the accessibility review") != std::string::npos);
}
