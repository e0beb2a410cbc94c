// cli_export.cpp — see cli_export.hpp.
#include "app/cli_export.hpp"
#include "app/cli_protect.hpp"

#include "app/cli_file.hpp"

#include "model/agenda.hpp"
#include "model/calendar.hpp"
#include "model/canvas.hpp"
#include "model/diff.hpp"
#include "model/document.hpp"
#include "model/edits.hpp"
#include "model/export_text.hpp"
#include "model/share.hpp"
#include "store/atomic_file.hpp"
#include "store/board_file.hpp"
#include "store/board_lock.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <regex>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace fs = std::filesystem;

namespace horizons::app {

namespace {

constexpr int kOk = 0;
constexpr int kFailed = 1;
constexpr int kUsage = 2;

int usage(const std::string& msg) {
    std::cerr << "horizons: " << msg << "\n";
    return kUsage;
}

int fail(const std::string& msg) {
    std::cerr << "horizons: " << msg << "\n";
    return kFailed;
}

// `key`: set when the file is protected (to save it sealed again).
std::optional<Board> load(const CliExportOptions& o, int& code,
                          std::shared_ptr<const store::BoardKey>* key = nullptr) {
    const std::string& file = o.file;
    if (file.empty()) {
        code = fail("no board file given");
        return std::nullopt;
    }
    std::error_code ec;
    if (!fs::exists(file, ec)) {
        code = fail(file + ": no such file");
        return std::nullopt;
    }
    store::LoadResult r = openForCli(file, o.passphraseFile);
    if (!r) {
        code = fail(r.error.empty() ? file + ": cannot be read" : r.error);
        return std::nullopt;
    }
    if (key) *key = r.key;
    return std::move(*r.board);
}

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

// A snapshot by name (case-insensitive, newest wins) or numeric id.
const Snapshot* findSnapshot(const Board& b, const std::string& key) {
    const Snapshot* best = nullptr;
    for (const auto& s : b.snapshots)
        if (iequals(s.name, key) && (!best || s.takenAt >= best->takenAt)) best = &s;
    if (best) return best;
    if (!key.empty() &&
        std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return b.snapshots.find(SnapshotId{std::stoull(key)});
    return nullptr;
}

std::string snapshotNames(const Board& b) {
    if (b.snapshots.empty()) return "the board has no snapshots";
    std::string out = "snapshots:";
    for (const auto& s : b.snapshots)
        out += " \"" + s.name + "\"";
    return out;
}

// Refuses an OUT that is the board itself (before loading: nothing is written).
bool outputAllowed(const CliExportOptions& o, int& code) {
    if (auto same = outputIsBoard(o.file, o.out)) {
        code = fail(*same);
        return false;
    }
    return true;
}

const Person* findPerson(const Board& b, const CliExportOptions& o) {
    return findPersonByName(b.content, o.person);
}

std::string unknownPerson(const Board& b, const CliExportOptions& o) {
    std::string names;
    for (const auto& x : b.content.people)
        names += (names.empty() ? "" : ", ") + x.name;
    return "no person \"" + o.person + "\" in " + o.file +
           (names.empty() ? " (the board has no people)" : " (people: " + names + ")");
}

bool writeOut(const std::string& out, const std::string& bytes, int& code) {
    const auto r = store::writeFileAtomically(out, bytes, false);
    if (!r) {
        code = fail(r.error.empty() ? "cannot write " + out : r.error);
        return false;
    }
    return true;
}

} // namespace

bool parseSize(const std::string& s, int& w, int& h) {
    static const std::regex re("^([0-9]{2,5})x([0-9]{2,5})$");
    std::smatch m;
    if (!std::regex_match(s, m, re)) return false;
    w = std::stoi(m[1].str());
    h = std::stoi(m[2].str());
    return w >= kMinSide && h >= kMinSide && w <= kMaxSide && h <= kMaxSide;
}

int runExport(const CliExportOptions& o, const PngRenderer& renderPng) {
    const bool exchange = o.format == "ics" || o.format == "vcf" || o.format == "canvas";
    if (o.format != "md" && o.format != "csv" && o.format != "png" && !exchange)
        return usage("unknown format \"" + o.format + "\" (use md, csv, png, ics, vcf or canvas)");
    if (exchange && (o.share || !o.person.empty()))
        return usage("--share: calendars, contacts and canvases are for you only (they hold "
                     "trust, roles and notes); use md or csv goals to share");
    if (o.what != "goals" && o.what != "people")
        return usage("--what must be goals or people, not \"" + o.what + "\"");
    if (o.view != "board" && o.view != "map")
        return usage("--view must be board or map, not \"" + o.view + "\"");
    if (o.out.empty()) return fail("no output file (-o OUT)");
    int w = 0, h = 0;
    if (o.format == "png" && !parseSize(o.size, w, h))
        return usage("--size must look like 1600x1000 (64..16384 pixels), not \"" + o.size + "\"");
    if (o.share && o.format == "png" && o.view == "map")
        return fail("--share: the map is for you only (it shows trust rings and everyone on "
                    "them); share the board picture (--view board)");
    if (o.share && o.format == "csv" && o.what == "people")
        return fail("--share: the people table is for you only (trust, notes); use --what goals");
    if (!o.person.empty() && !o.share) return fail("--person needs --share for export");
    int code = kOk;
    if (!outputAllowed(o, code)) return code;
    const auto board = load(o, code);
    if (!board) return code;

    if (exchange) {
        const BoardContent& c = board->content;
        writeOut(o.out,
                 o.format == "ics"   ? calendarIcs(c, Date::today(), nowTimestamp())
                 : o.format == "vcf" ? peopleVcf(c)
                                     : boardCanvas(c),
                 code);
        return code;
    }
    PersonId reader; // --share --person NAME
    if (o.share && !o.person.empty()) {
        const Person* p = findPerson(*board, o);
        if (!p) return fail(unknownPerson(*board, o));
        reader = p->id;
    }
    if (o.share && o.format != "png") {
        writeOut(o.out,
                 o.format == "md" ? sharePlanMarkdown(board->content, reader, Date::today())
                                  : shareGoalsCsv(board->content, reader),
                 code);
        return code;
    }
    if (o.format == "md") {
        writeOut(o.out, planMarkdown(board->content, Date::today()), code);
        return code;
    }
    if (o.format == "csv") {
        writeOut(o.out,
                 o.what == "people" ? peopleCsv(board->content, Date::today())
                                    : goalsCsv(board->content),
                 code);
        return code;
    }
    // PNG: rendered into a temp file next to OUT, then moved over it in one step.
    if (!renderPng) return fail("PNG export is not available in this build");
    const fs::path outPath(o.out);
    const fs::path dir = outPath.has_parent_path() ? outPath.parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return fail("cannot write " + o.out + ": no such folder");
    const fs::path tmp =
        dir / ("." + outPath.filename().string() + ".tmp-" + std::to_string(::getpid()) + ".png");
    // The renderer gets the board through a pipe, never a file: a protected board stays off
    // the disk, and a picture to share is drawn from what that reader may see alone.
    const std::string err =
        renderPng(store::serializeJson(o.share ? sharePictureBoard(*board, reader) : *board),
                  o.view, w, h, tmp.string());
    if (!err.empty()) {
        fs::remove(tmp, ec);
        return fail(err);
    }
    std::string bytes;
    if (auto e = store::readFileBytes(tmp, 1u << 30, bytes)) {
        fs::remove(tmp, ec);
        return fail(*e);
    }
    fs::remove(tmp, ec);
    writeOut(o.out, bytes, code);
    return code;
}

int runSnapshot(const CliExportOptions& o) {
    if (o.name.empty() ||
        std::all_of(o.name.begin(), o.name.end(), [](char c) { return c == ' '; }))
        return fail("the snapshot needs a name (--name NAME)");
    int code = kOk;
    // One writer: not while a window has the board open. (A lock that cannot be made at all,
    // e.g. in a missing folder, is no reason to stop: loading or saving then says what is wrong.)
    store::BoardLock lock;
    if (const store::LockResult l = lock.acquire(o.file); l.status == store::LockStatus::Held)
        return fail(o.file + ": " + l.error);
    std::shared_ptr<const store::BoardKey> key;
    auto board = load(o, code, &key);
    if (!board) return code;
    Document doc(std::move(*board));
    const SnapshotId id = doc.newId<SnapshotId>();
    doc.apply(takeSnapshot(doc.board(), id, o.name, o.note, nowTimestamp()));
    store::SaveOptions so;
    so.key = key; // a protected board stays protected
    const auto r = store::saveBoardFile(doc.board(), o.file, so);
    if (!r) return fail(r.error.empty() ? "cannot save " + o.file : r.error);
    const Snapshot* s = doc.board().snapshots.find(id);
    std::cout << "Snapshot \"" << s->name << "\" taken " << formatTimestamp(s->takenAt) << " UTC ("
              << doc.board().snapshots.size() << " in " << o.file << ")\n";
    return kOk;
}

int runDiff(const CliExportOptions& o) {
    int code = kOk;
    const auto board = load(o, code);
    if (!board) return code;
    const Snapshot* from = findSnapshot(*board, o.from);
    if (!from)
        return fail("no snapshot \"" + o.from + "\" in " + o.file + " (" + snapshotNames(*board) +
                    ")");
    const bool toNow = iequals(o.to, "now") || o.to.empty();
    const Snapshot* to = toNow ? nullptr : findSnapshot(*board, o.to);
    if (!toNow && !to)
        return fail("no snapshot \"" + o.to + "\" in " + o.file + " (" + snapshotNames(*board) +
                    ")");
    const BoardContent& a = from->content;
    const BoardContent& b = to ? to->content : board->content;
    const auto changes = diffContents(a, b);
    std::cout << "From \"" << from->name << "\" (" << formatTimestamp(from->takenAt) << ") to "
              << (to ? "\"" + to->name + "\" (" + formatTimestamp(to->takenAt) + ")"
                     : std::string("now"))
              << ": " << changes.size() << (changes.size() == 1 ? " change" : " changes") << "\n";
    for (const auto& c : changes)
        std::cout << "- " << describeChange(c, a, b) << "\n"; // the line names its kind
    return kOk;
}

int runAgenda(const CliExportOptions& o) {
    int code = kOk;
    if (!o.out.empty() && !outputAllowed(o, code)) return code;
    const auto board = load(o, code);
    if (!board) return code;
    const Person* p = findPerson(*board, o);
    if (!p) return fail(unknownPerson(*board, o));
    const std::string md = o.share ? shareAgendaMarkdown(board->content, p->id)
                                   : agendaMarkdown(board->content, p->id);
    if (o.out.empty()) {
        std::cout << md;
        return kOk;
    }
    writeOut(o.out, md, code);
    return code;
}

PngRenderer screenshotRenderer() {
    return [](const std::string& board, const std::string& view, int w, int h,
              const std::string& png) -> std::string {
        std::error_code ec;
        const fs::path self = fs::read_symlink("/proc/self/exe", ec);
        if (ec) return "cannot find the horizons executable to render with";
        std::vector<std::string> args = {
            self.string(),  "--board-stdin",
            "--screenshot", png,
            "--size",       std::to_string(w) + "x" + std::to_string(h),
            "--frames",     "8",
            "--only",       view};
        std::vector<char*> argv;
        for (auto& a : args)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        int fds[2];
        if (::pipe(fds) != 0) return "cannot start the renderer (no pipe)";
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, fds[0], 0); // the board on its stdin
        posix_spawn_file_actions_addclose(&actions, fds[1]);
        pid_t pid = -1;
        const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(fds[0]);
        if (spawned != 0) {
            ::close(fds[1]);
            return "cannot start the renderer";
        }
        // A renderer that ends early (no display) closes the pipe: no SIGPIPE, just an error.
        void (*oldPipe)(int) = std::signal(SIGPIPE, SIG_IGN);
        for (std::size_t at = 0; at < board.size();) {
            const ssize_t n = ::write(fds[1], board.data() + at, board.size() - at);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            at += static_cast<std::size_t>(n);
        }
        ::close(fds[1]);
        std::signal(SIGPIPE, oldPipe);
        int status = 0;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            return "could not render the " + view + " (is there a display? try xvfb-run)";
        if (!fs::exists(png, ec)) return "the renderer wrote no picture";
        return {};
    };
}

void CliCommands::add(CLI::App& cli) {
    export_ = cli.add_subcommand(
        "export", "Write the plan as Markdown or CSV, the calendar (iCalendar), the people "
                  "(vCard 4.0) or a JSON Canvas of board and map (no window), or the board or "
                  "map as a PNG (renders offscreen: needs a display, e.g. xvfb-run)");
    export_->add_option("FILE", opt_.file, "Board file")->required()->type_name("FILE");
    export_
        ->add_option("--format", opt_.format,
                     "md: the whole plan; csv: a table; png: a picture; ics: planned "
                     "conversations, the review date and follow-ups; vcf: the people; canvas: "
                     "JSON Canvas of board and map")
        ->required()
        ->type_name("md|csv|png|ics|vcf|canvas");
    export_->add_option("--what", opt_.what, "csv only: which table (default goals)")
        ->type_name("goals|people");
    export_->add_option("--view", opt_.view, "png only: which view (default board)")
        ->type_name("board|map");
    export_->add_option("--size", opt_.size, "png only: picture size (default 1600x1000)")
        ->type_name("WxH");
    export_->add_flag("--share", opt_.share,
                      "Output to share: only what the reader may see (no trust levels, people, "
                      "notes or conversations); md and csv goals only");
    export_
        ->add_option("--person", opt_.person,
                     "With --share: the reader (default: anyone, so no goals beyond the "
                     "organisation)")
        ->type_name("NAME");
    export_->add_option("-o,--output", opt_.out, "File to write (replaced atomically)")
        ->required()
        ->type_name("OUT");

    snapshot_ = cli.add_subcommand("snapshot", "Take a snapshot of the plan and save the file "
                                               "(no window)");
    snapshot_->add_option("FILE", opt_.file, "Board file")->required()->type_name("FILE");
    snapshot_->add_option("--name", opt_.name, "Snapshot name, e.g. \"Review 2024\"")
        ->required()
        ->type_name("NAME");
    snapshot_->add_option("--note", opt_.note, "Optional note")->type_name("TEXT");

    diff_ = cli.add_subcommand("diff", "Print what changed between two snapshots, or a snapshot "
                                       "and the current plan (no window)");
    diff_->add_option("FILE", opt_.file, "Board file")->required()->type_name("FILE");
    diff_->add_option("--from", opt_.from, "Snapshot name or id")
        ->required()
        ->type_name("SNAPSHOT");
    diff_->add_option("--to", opt_.to, "Snapshot name or id, or now (default)")
        ->type_name("SNAPSHOT|now");

    agenda_ = cli.add_subcommand("agenda", "Print a conversation agenda for one person as "
                                           "Markdown (no window): prep notes for me, or with "
                                           "--share the agenda to share with them");
    agenda_->add_option("FILE", opt_.file, "Board file")->required()->type_name("FILE");
    agenda_->add_option("--person", opt_.person, "The person's name (case-insensitive)")
        ->required()
        ->type_name("NAME");
    agenda_->add_flag("--share", opt_.share,
                      "The agenda to share with them: no trust level, notes or left-out count");
    agenda_->add_option("-o,--output", opt_.out, "Write to a file instead of printing")
        ->type_name("OUT");
    for (CLI::App* sub : {export_, snapshot_, diff_, agenda_})
        addPassphraseFileOption(sub, opt_.passphraseFile);
}

std::optional<int> CliCommands::run(const PngRenderer& renderPng) const {
    if (export_ && export_->parsed()) return runExport(opt_, renderPng);
    if (snapshot_ && snapshot_->parsed()) return runSnapshot(opt_);
    if (diff_ && diff_->parsed()) return runDiff(opt_);
    if (agenda_ && agenda_->parsed()) return runAgenda(opt_);
    return std::nullopt;
}

} // namespace horizons::app
