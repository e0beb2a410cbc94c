// bench_main.cpp — `make bench`: the performance figures of Horizons, one table.
//
// Index
//   figures ............ the POD a size's child process sends back (SizeFigures)
//   views .............. headless frames of the board view and the network map: fit-all,
//                        ~100 cards/people, and the naive baseline (every card, no LOD)
//   file, undo, diff ... load/save JSON and binary, undo memory after 1,000 moves, diff
//   autosave ........... the longest frame while the autosave worker writes
//   app ................ the real binary under Xvfb: start-up to first frame, idle frames
//   table .............. Markdown, pasted as is into README "Performance"
//
// Each board size runs in its own child process (fork) so that its peak RSS is its own.
// Frame times are CPU time of the UI thread (NewFrame .. Render): less disturbed by other
// processes than wall time on a busy machine. Nothing here fails on a timing.
//
// Usage: horizons_bench [--quick] [--sizes 100,1000] [--no-app] [--app PATH]
//                       [--profile-load json|binary GOALS]   (load only: for callgrind/perf)
#include "bench_util.hpp"
#include "headless_ui.hpp"
#include "synthetic_board.hpp"

#include "model/diff.hpp"
#include "model/document.hpp"
#include "model/edits.hpp"
#include "store/autosave.hpp"
#include "store/board_file.hpp"
#include "ui/board_view.hpp"
#include "ui/network_map_view.hpp"
#include "ui/view_context.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace horizons;
using namespace horizons::bench;

namespace {

// ------------------------------------------------------------------------------ figures

struct ViewFigures {
    double median = 0, p99 = 0; // ms CPU per frame
    double vertices = 0;        // of the measured frame
    double shown = 0;           // cards (board) / people (map) on screen
    double frames = 0;          // frames measured
};

struct SizeFigures { // plain doubles: sent through a pipe from the child
    double goals = 0;
    ViewFigures boardFit, boardFitNaive, boardZoom, boardZoomNaive, mapFit, mapFitNaive, mapZoom,
        mapZoomNaive;
    double editFrameMs = 0; // frame right after a one-card move (layout rebuilt)
    double jsonBytes = 0, jsonLoadMs = 0, jsonSaveMs = 0;
    double binBytes = 0, binLoadMs = 0, binSaveMs = 0;
    double undoHistoryBytes = 0; // Document::historyBytes() after 1,000 moves
    double undoHeapBytes = 0;    // malloc'd bytes the 1,000 moves added
    double undoDepth = 0;
    double moveApplyMs = 0; // median Document::apply of one single-card move
    double diffMs = 0, diffChanges = 0;
    double autosaveMaxFrameMs = 0; // wall ms, longest frame while the worker wrote
    double autosaveMaxCpuMs = 0;   // CPU ms of the UI thread, longest frame while it wrote
    double autosaveP99Ms = 0;      // wall ms, p99 of the frames while it wrote
    double autosaveFrames = 0;     // frames drawn while it wrote
    double autosaveIdleMaxMs = 0;  // wall ms, longest frame with no autosave running
    double autosaveCopyMs = 0;     // copying the board for the worker (UI thread)
    double autosaveWrites = 0;
    double peakRssBytes = 0;
    double ok = 0;
};

constexpr double kFrameBudgetSeconds = 1.2; // per measured configuration (capped frames)
constexpr int kMaxFrames = 300;
constexpr int kMinFrames = 8;

int framesFor(double firstFrameMs, int maxFrames) {
    const int n = static_cast<int>(kFrameBudgetSeconds * 1000.0 / std::max(firstFrameMs, 0.01));
    return std::clamp(n, kMinFrames, maxFrames);
}

// Runs `frames` frames (after 3 warm-up frames) and summarises them.
ViewFigures measure(HeadlessUi& ui, const std::function<void()>& view,
                    const std::function<double()>& shown, int maxFrames) {
    FrameResult last;
    for (int i = 0; i < 3; ++i)
        last = ui.frame(view);
    const int n = framesFor(last.cpuMs, maxFrames);
    std::vector<double> t;
    t.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        last = ui.frame(view);
        t.push_back(last.cpuMs);
    }
    const Stats s = statsOf(t);
    ViewFigures v;
    v.median = s.median;
    v.p99 = s.p99;
    v.vertices = last.vertices;
    v.shown = shown();
    v.frames = static_cast<double>(n);
    return v;
}

// Zoom (about `world`, kept at the canvas centre) at which `count(zoom)` is closest to
// `want`; count falls as the zoom grows.
template <class Count> float zoomShowing(std::size_t want, float lo, float hi, Count count) {
    float best = lo;
    double bestErr = 1e300;
    float a = std::log(lo), b = std::log(hi);
    for (int i = 0; i < 14; ++i) {
        const float m = 0.5f * (a + b);
        const std::size_t n = count(std::exp(m));
        const double err = std::fabs(
            std::log(static_cast<double>(std::max<std::size_t>(n, 1)) / static_cast<double>(want)));
        if (err < bestErr) bestErr = err, best = std::exp(m);
        if (n > want)
            a = m;
        else
            b = m;
    }
    return best;
}

// Places world point `w` at the centre of a canvas (screen rectangle) at `zoom`.
void centreOn(ui::CanvasTransform& xf, ui::Vec2f w, ui::Vec2f canvasMin, ui::Vec2f canvasSize,
              float zoom) {
    xf.zoom = zoom;
    xf.origin = canvasMin;
    xf.offset = canvasSize * 0.5f - w * zoom;
}

// ---------------------------------------------------------------------------------- views

void benchViews(SizeFigures& out, Document& doc, bool quick) {
    HeadlessUi ui;
    ui::SharedViewState shared;
    ui::ViewContext ctx{doc, shared, Date::fromYmd(2026, 6, 1)};
    const int maxFrames = quick ? 60 : kMaxFrames;

    // ---- board view
    ui::BoardViewState board;
    auto drawBoard = [&] { ui::drawBoardView(ctx, board); };
    auto cards = [&] { return static_cast<double>(board.visibleCards); };
    ui.frame(drawBoard); // fits
    ui.frame(drawBoard);
    const ui::CanvasTransform fit = board.nav.xf;
    out.boardFit = measure(ui, drawBoard, cards, maxFrames);
    board.naiveDrawForBenchmark = true;
    out.boardFitNaive = measure(ui, drawBoard, cards, maxFrames);
    board.naiveDrawForBenchmark = false;

    // ~100 cards: about the middle of the board's top (where the cards are dense).
    const ui::Rectf canvas = board.canvasRect;
    const ui::BoardLayoutParams& p = board.layout.params;
    const ui::Vec2f focus{board.layout.bounds.center().x, p.bandTop + 0.35f * p.bandHeight};
    const float zoom = zoomShowing(100, std::min(fit.zoom, 0.04f), 3.0f, [&](float z) {
        centreOn(board.nav.xf, focus, canvas.min, canvas.max - canvas.min, z);
        ui.frame(drawBoard);
        return board.visibleCards;
    });
    centreOn(board.nav.xf, focus, canvas.min, canvas.max - canvas.min, zoom);
    out.boardZoom = measure(ui, drawBoard, cards, maxFrames);
    board.naiveDrawForBenchmark = true;
    out.boardZoomNaive = measure(ui, drawBoard, cards, maxFrames);
    board.naiveDrawForBenchmark = false;
    ui.frame(drawBoard);
    resetPeakRss(); // the naive baseline's millions of vertices are not the app's memory

    // The frame after an edit: one card moved, layout and hints rebuilt (fit-all zoom).
    board.nav.xf = fit;
    {
        std::vector<double> t;
        std::mt19937 rng(7);
        const auto& goals = doc.content().goals.items();
        const auto cols = orderedHorizons(doc.content());
        for (int i = 0; i < (quick ? 5 : 15); ++i) {
            const Goal& g = goals[rng() % goals.size()];
            const GoalPlacement mv{g.id, cols[rng() % cols.size()]->id, 0.5, g.order};
            doc.apply(moveGoals(doc.board(), std::span<const GoalPlacement>(&mv, 1)));
            t.push_back(ui.frame(drawBoard).cpuMs);
            ui.frame(drawBoard);
        }
        out.editFrameMs = statsOf(t).median;
        while (doc.canUndo())
            doc.undo();
    }

    // ---- network map (naive: derived data rebuilt every frame, every person in full)
    ui::NetworkMapViewState map;
    auto drawMap = [&] { ui::drawNetworkMapView(ctx, map); };
    auto people = [&] {
        const ui::Vec2f c0 = map.nav.xf.origin, c1 = c0 + map.canvasSize;
        std::size_t n = 0;
        for (const ui::LayoutItem& it : ui.registry().items())
            if (it.kind == "person" && it.x + it.w > c0.x && it.x < c1.x && it.y + it.h > c0.y &&
                it.y < c1.y)
                ++n;
        return n;
    };
    ui.frame(drawMap);
    ui.frame(drawMap);
    ui.setRegistry(true);
    ui.frame(drawMap);
    const double mapFitPeople = static_cast<double>(people());
    // A person a quarter of the way out from the centre of the canvas: the zoom's focus.
    const ui::Vec2f mc = map.nav.xf.origin + map.canvasSize * 0.5f;
    ui::Vec2f mapFocus{0, 0};
    {
        double best = 1e300;
        const ui::Vec2f want = mc + ui::Vec2f{map.canvasSize.y * 0.25f, 0};
        for (const ui::LayoutItem& it : ui.registry().items()) {
            if (it.kind != "person") continue;
            const ui::Vec2f c{it.x + it.w * 0.5f, it.y + it.h * 0.5f};
            const double d = std::hypot(c.x - want.x, c.y - want.y);
            if (d < best) best = d, mapFocus = map.nav.xf.toWorld(c);
        }
    }
    ui.setRegistry(false);
    out.mapFit = measure(
        ui, drawMap, [&] { return mapFitPeople; }, maxFrames);
    map.naiveDrawForBenchmark = true;
    out.mapFitNaive = measure(
        ui, drawMap, [&] { return mapFitPeople; }, maxFrames);
    map.naiveDrawForBenchmark = false;
    const ui::CanvasTransform mapFitXf = map.nav.xf;
    ui.setRegistry(true);
    const float mapZoom = zoomShowing(100, mapFitXf.zoom, mapFitXf.zoom * 400.0f, [&](float z) {
        centreOn(map.nav.xf, mapFocus, map.nav.xf.origin, map.canvasSize, z);
        ui.frame(drawMap);
        return people();
    });
    centreOn(map.nav.xf, mapFocus, map.nav.xf.origin, map.canvasSize, mapZoom);
    ui.frame(drawMap);
    const double mapZoomPeople = static_cast<double>(people());
    ui.setRegistry(false);
    out.mapZoom = measure(
        ui, drawMap, [&] { return mapZoomPeople; }, maxFrames);
    map.naiveDrawForBenchmark = true;
    out.mapZoomNaive = measure(
        ui, drawMap, [&] { return mapZoomPeople; }, maxFrames);
    map.naiveDrawForBenchmark = false;
}

// ------------------------------------------------------------------------ file, undo, diff

template <class Fn> double medianMs(int reps, Fn&& fn) {
    std::vector<double> t;
    for (int i = 0; i < reps; ++i) {
        const double t0 = wallMs();
        fn();
        t.push_back(wallMs() - t0);
    }
    return statsOf(t).median;
}

void benchFiles(SizeFigures& out, const Board& board, const fs::path& dir, bool quick) {
    const int reps = quick ? 2 : 5;
    for (const bool json : {true, false}) {
        const fs::path file = dir / (json ? "board.horizons.json" : "board.horizons");
        bool ok = true;
        const double save =
            medianMs(reps, [&] { ok = ok && store::saveBoardFile(board, file).ok; });
        std::size_t bytes = ok ? static_cast<std::size_t>(fs::file_size(file)) : 0;
        const double load = medianMs(reps, [&] {
            const store::LoadResult r = store::loadBoardFile(file);
            ok = ok && r.board && r.board->content.goals.size() == board.content.goals.size();
        });
        if (!ok) std::fprintf(stderr, "bench: %s save/load failed\n", json ? "JSON" : "binary");
        (json ? out.jsonBytes : out.binBytes) = static_cast<double>(bytes);
        (json ? out.jsonSaveMs : out.binSaveMs) = save;
        (json ? out.jsonLoadMs : out.binLoadMs) = load;
    }
}

void benchUndo(SizeFigures& out, const Board& board) {
    Document doc{board};
    std::mt19937 rng(11);
    const auto cols = orderedHorizons(doc.content());
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const std::size_t heap0 = heapInUseBytes();
    std::vector<double> t;
    for (int i = 0; i < 1000; ++i) {
        const auto& goals = doc.content().goals.items();
        const Goal& g = goals[rng() % goals.size()];
        const GoalPlacement mv{g.id, cols[rng() % cols.size()]->id, unit(rng), g.order + 0.5};
        Edit e = moveGoals(doc.board(), std::span<const GoalPlacement>(&mv, 1));
        const double t0 = wallMs();
        doc.apply(std::move(e));
        t.push_back(wallMs() - t0);
    }
    const std::size_t heap1 = heapInUseBytes();
    out.undoHistoryBytes = static_cast<double>(doc.historyBytes());
    out.undoHeapBytes = heap1 > heap0 ? static_cast<double>(heap1 - heap0) : 0.0;
    out.undoDepth = static_cast<double>(doc.undoDepth());
    out.moveApplyMs = statsOf(t).median;
}

// Two snapshots: the board, and the board a few weeks later (a tenth of the goals moved,
// firmed up, renamed or finished; 1% removed; 1% added; some people's trust changed).
void benchDiff(SizeFigures& out, const Board& board, bool quick) {
    const BoardContent& a = board.content;
    BoardContent b = a;
    std::mt19937 rng(5);
    const auto cols = orderedHorizons(a);
    std::uint64_t nextId = board.nextId;
    std::vector<GoalId> removed;
    for (const Goal& g : a.goals) {
        const unsigned r = rng() % 100;
        if (r >= 11) continue;
        Goal m = g;
        if (r == 10) {
            removed.push_back(g.id);
            continue;
        }
        if (r < 3)
            m.horizon = cols[rng() % cols.size()]->id;
        else if (r < 6)
            m.specificity = std::min(1.0, m.specificity + 0.4);
        else if (r < 8)
            m.title += " (revised)";
        else
            m.status = GoalStatus::Done;
        b.goals.put(std::move(m));
    }
    for (GoalId id : removed)
        b.goals.erase(id);
    for (std::size_t i = 0; i < a.goals.size() / 100; ++i) {
        Goal g;
        g.id = GoalId{nextId++};
        g.title = "New goal " + std::to_string(i);
        g.horizon = cols[rng() % cols.size()]->id;
        b.goals.put(std::move(g));
    }
    for (const Person& p : a.people)
        if (rng() % 10 == 0) {
            Person q = p;
            q.trust = q.trust % 5 + 1;
            b.people.put(std::move(q));
        }
    std::size_t changes = 0;
    out.diffMs = medianMs(quick ? 3 : 7, [&] { changes = diffContents(a, b).size(); });
    out.diffChanges = static_cast<double>(changes);
}

// ------------------------------------------------------------------------------ autosave

// The board view at fit-all while edits arrive and the autosave worker writes each new
// state (delay 0: it starts at once). Wall time, because a stall (a lock, the disk) is what
// the user would see.
void benchAutosave(SizeFigures& out, Document& doc, const fs::path& dir, bool quick) {
    HeadlessUi ui;
    ui::SharedViewState shared;
    ui::ViewContext ctx{doc, shared, Date::fromYmd(2026, 6, 1)};
    ui::BoardViewState board;
    auto draw = [&] { ui::drawBoardView(ctx, board); };
    for (int i = 0; i < 4; ++i)
        ui.frame(draw);

    std::vector<double> idle;
    for (int i = 0; i < 20; ++i) {
        const double t0 = wallMs();
        ui.frame(draw);
        idle.push_back(wallMs() - t0);
    }
    out.autosaveIdleMaxMs = statsOf(idle).max;

    store::Autosaver saver({dir / "recovery.horizons.json", std::chrono::milliseconds(0), {}});
    std::mt19937 rng(3);
    const auto cols = orderedHorizons(doc.content());
    std::vector<double> during, duringCpu, copies;
    const int edits = quick ? 2 : 4;
    for (int e = 0; e < edits; ++e) {
        const auto& goals = doc.content().goals.items();
        const Goal& g = goals[rng() % goals.size()];
        const GoalPlacement mv{g.id, cols[rng() % cols.size()]->id, 0.3, g.order};
        doc.apply(moveGoals(doc.board(), std::span<const GoalPlacement>(&mv, 1)));
        ui.frame(draw); // the edit's own frame (layout rebuild): not an autosave figure
        const double c0 = wallMs();
        saver.changed(std::make_shared<const Board>(doc.board()), doc.stateId());
        copies.push_back(wallMs() - c0);
        const std::size_t writesBefore = saver.status().writes;
        const double start = wallMs();
        // Frames until the write is done (or 10 s).
        while (wallMs() - start < 10000) {
            const store::Autosaver::Status s0 = saver.status();
            const bool busy = s0.pending || s0.writing || s0.writes == writesBefore;
            if (!busy) break;
            const double t0 = wallMs();
            duringCpu.push_back(ui.frame(draw).cpuMs);
            during.push_back(wallMs() - t0);
        }
    }
    saver.flush();
    const Stats s = statsOf(during);
    out.autosaveMaxFrameMs = s.max;
    out.autosaveP99Ms = s.p99;
    out.autosaveMaxCpuMs = statsOf(duringCpu).max;
    out.autosaveFrames = static_cast<double>(s.n);
    out.autosaveCopyMs = statsOf(copies).median;
    out.autosaveWrites = static_cast<double>(saver.status().writes);
    while (doc.canUndo())
        doc.undo();
}

SizeFigures runSize(std::size_t goals, bool quick) {
    SizeFigures out;
    out.goals = static_cast<double>(goals);
    const fs::path dir = fs::temp_directory_path() / ("horizons-bench-" + std::to_string(getpid()));
    fs::create_directories(dir);
    const Board board = makeSyntheticBoard(goals, 1);
    {
        Document doc{board};
        benchViews(out, doc, quick);
        benchAutosave(out, doc, dir, quick);
    }
    benchFiles(out, board, dir, quick);
    benchUndo(out, board);
    benchDiff(out, board, quick);
    std::error_code ec;
    fs::remove_all(dir, ec);
    out.peakRssBytes = static_cast<double>(peakRssBytes());
    out.ok = 1;
    return out;
}

// One size in a child process: its own peak RSS, and a crash does not end the benchmark.
SizeFigures runSizeInChild(std::size_t goals, bool quick) {
    int fds[2];
    if (pipe(fds) != 0) return runSize(goals, quick);
    std::fflush(nullptr);
    const pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        const SizeFigures f = runSize(goals, quick);
        const char* p = reinterpret_cast<const char*>(&f);
        std::size_t left = sizeof f;
        while (left > 0) {
            const ssize_t w = write(fds[1], p, left);
            if (w <= 0) break;
            p += w;
            left -= static_cast<std::size_t>(w);
        }
        close(fds[1]);
        _exit(0);
    }
    close(fds[1]);
    SizeFigures f;
    char* p = reinterpret_cast<char*>(&f);
    std::size_t got = 0;
    while (got < sizeof f) {
        const ssize_t r = read(fds[0], p + got, sizeof f - got);
        if (r <= 0) break;
        got += static_cast<std::size_t>(r);
    }
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (got != sizeof f) {
        std::fprintf(stderr, "bench: the %zu-goal run failed (status %d)\n", goals, status);
        f = SizeFigures{};
        f.goals = static_cast<double>(goals);
    }
    return f;
}

// ----------------------------------------------------------------------------------- app

struct AppFigures {
    bool ran = false;
    std::string note;
    std::vector<double> startupMs; // fork -> first frame in the layout dump
    int framesIn5s = 0;
    int framesAfter1s = 0;
};

struct Child {
    pid_t pid = -1;
    void stop() {
        if (pid > 0) {
            kill(pid, SIGTERM);
            for (int i = 0; i < 200; ++i) {
                if (waitpid(pid, nullptr, WNOHANG) == pid) {
                    pid = -1;
                    return;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            }
            kill(pid, SIGKILL);
            waitpid(pid, nullptr, 0);
            pid = -1;
        }
    }
    ~Child() { stop(); }
};

pid_t spawn(const std::vector<std::string>& argv, const std::vector<std::string>& env,
            int keepFd = -1, const std::string& errFile = {}) {
    const pid_t pid = fork();
    if (pid != 0) return pid;
    const int devnull = open("/dev/null", O_RDWR);
    if (devnull >= 0) {
        dup2(devnull, 0);
        dup2(devnull, 1);
        const int err =
            errFile.empty() ? -1 : open(errFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (!std::getenv("HORIZONS_BENCH_VERBOSE")) dup2(err >= 0 ? err : devnull, 2);
    }
    for (int fd = 3; fd < 256; ++fd)
        if (fd != keepFd) close(fd);
    for (const std::string& e : env)
        putenv(const_cast<char*>(e.c_str()));
    std::vector<char*> args;
    for (const std::string& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
}

// Lines of the layout dump: (frame, t).
std::vector<std::pair<unsigned long long, double>> readDump(const fs::path& file) {
    std::vector<std::pair<unsigned long long, double>> out;
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line.back() != '}') continue; // incomplete last line
        const auto f = line.find("\"frame\":"), t = line.find("\"t\":");
        if (f == std::string::npos || t == std::string::npos) continue;
        out.emplace_back(std::strtoull(line.c_str() + f + 8, nullptr, 10),
                         std::strtod(line.c_str() + t + 4, nullptr));
    }
    return out;
}

AppFigures benchApp(const std::string& binary, bool quick) {
    AppFigures a;
    if (!fs::exists(binary)) {
        a.note = "skipped: " + binary + " not built";
        return a;
    }
    // Our own Xvfb, so the figures do not depend on the caller's display.
    int fds[2];
    if (pipe(fds) != 0) {
        a.note = "skipped: pipe";
        return a;
    }
    Child xvfb;
    xvfb.pid = spawn({"Xvfb", "-displayfd", std::to_string(fds[1]), "-screen", "0", "1600x1000x24",
                      "-nolisten", "tcp"},
                     {}, fds[1]);
    close(fds[1]);
    std::string display;
    {
        char buf[32];
        const ssize_t n = read(fds[0], buf, sizeof buf - 1);
        if (n > 0) {
            buf[n] = 0;
            display = ":" + std::to_string(std::atoi(buf));
        }
    }
    close(fds[0]);
    if (display.empty()) {
        a.note = "skipped: Xvfb did not start (apt-get install xvfb)";
        return a;
    }
    const int runs = quick ? 2 : 5;
    int failures = 0;
    for (int run = 0; run < runs; ++run) {
        const fs::path root =
            fs::temp_directory_path() /
            ("horizons-bench-app-" + std::to_string(getpid()) + "-" + std::to_string(run));
        fs::create_directories(root / "home");
        const fs::path dump = root / "layout.jsonl";
        const std::vector<std::string> env = {
            "DISPLAY=" + display,
            "HOME=" + (root / "home").string(),
            "XDG_CONFIG_HOME=" + (root / "config").string(),
            "XDG_DATA_HOME=" + (root / "data").string(),
            "XDG_STATE_HOME=" + (root / "state").string(),
            "XDG_CACHE_HOME=" + (root / "cache").string(),
        };
        const bool idleRun = run == 0;
        Child app;
        const double t0 = wallMs();
        app.pid = spawn({binary, "--layout-dump", dump.string()}, env, -1,
                        (root / "stderr.txt").string());
        double first = -1;
        int exitStatus = -1;
        while (wallMs() - t0 < 15000) {
            if (waitpid(app.pid, &exitStatus, WNOHANG) == app.pid) {
                app.pid = -1;
                break;
            }
            std::error_code ec;
            if (fs::file_size(dump, ec) > 0 && !ec) {
                std::ifstream in(dump);
                std::string line;
                if (std::getline(in, line) && !in.eof()) {
                    first = wallMs() - t0;
                    break;
                }
            }
            std::this_thread::sleep_for(std::chrono::microseconds(500));
        }
        if (first < 0) {
            {
                std::ifstream err(root / "stderr.txt");
                std::string text((std::istreambuf_iterator<char>(err)),
                                 std::istreambuf_iterator<char>());
                std::fprintf(stderr, "bench: the app drew no frame (exit status %d): %s\n",
                             exitStatus, text.substr(0, 400).c_str());
            }
            std::error_code ec;
            fs::remove_all(root, ec);
            if (++failures < 3) { // e.g. the X server was briefly unavailable: try again
                --run;
                continue;
            }
            a.note = "the app drew no frame within 15 s (3 attempts)";
            break;
        }
        a.ran = true;
        a.startupMs.push_back(first);
        if (idleRun) {
            // 5 s without input, counted from the first frame.
            std::this_thread::sleep_for(std::chrono::milliseconds(5000));
            const auto frames = readDump(dump);
            if (!frames.empty()) {
                const double tFirst = frames.front().second;
                a.framesIn5s = static_cast<int>(frames.size());
                for (const auto& [n, t] : frames)
                    a.framesAfter1s += t - tFirst > 1.0 ? 1 : 0;
            }
        }
        app.stop();
        std::error_code ec;
        fs::remove_all(root, ec);
    }
    return a;
}

// --------------------------------------------------------------------------------- table

std::string fmt(const char* f, double v) {
    char b[64];
    std::snprintf(b, sizeof b, f, v);
    return b;
}
std::string ms(double v) {
    return v >= 100  ? fmt("%.0f", v)
           : v >= 10 ? fmt("%.1f", v)
           : v >= 1  ? fmt("%.2f", v)
                     : fmt("%.3f", v);
}
std::string count(double v) {
    const auto n = static_cast<long long>(std::llround(v));
    std::string s = std::to_string(n), out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i > 0 && (s.size() - i) % 3 == 0) out += ',';
        out += s[i];
    }
    return out;
}
std::string mb(double bytes) { return fmt(bytes >= 10e6 ? "%.0f" : "%.1f", bytes / 1e6); }
std::string view(const ViewFigures& v) {
    return ms(v.median) + " / " + ms(v.p99) + " (" + count(v.vertices) + " vtx, " + count(v.shown) +
           " shown)";
}
std::string ratio(const ViewFigures& naive, const ViewFigures& v) {
    return v.median > 0 ? fmt("%.1f\xC3\x97", naive.median / v.median) : "-";
}

void printTable(const std::vector<SizeFigures>& sizes, const AppFigures& app, double seconds) {
    std::printf("\nMachine: %s, %u cores\n", cpuModel().c_str(), cpuCount());
    std::printf("Frame = NewFrame..Render CPU time of one view in a 1600x1000 headless window,"
                " median / p99 in ms.\n\n");
    std::string head = "| goals (people, links) |";
    std::string rule = "|---|";
    for (const SizeFigures& s : sizes) {
        head += " " + count(s.goals) + " (" + count(std::max(1.0, std::floor(s.goals / 10))) +
                ", " + count(s.goals) + ") |";
        rule += "---|";
    }
    std::printf("%s\n%s\n", head.c_str(), rule.c_str());
    auto row = [&](const char* name, auto&& cell) {
        std::string r = std::string("| ") + name + " |";
        for (const SizeFigures& s : sizes)
            r += " " + (s.ok ? cell(s) : std::string("failed")) + " |";
        std::printf("%s\n", r.c_str());
    };
    row("Board, fit-all", [](const SizeFigures& s) { return view(s.boardFit); });
    row("Board, fit-all, naive", [](const SizeFigures& s) { return view(s.boardFitNaive); });
    row("naive / ours", [](const SizeFigures& s) { return ratio(s.boardFitNaive, s.boardFit); });
    row("Board, ~100 cards", [](const SizeFigures& s) { return view(s.boardZoom); });
    row("Board, ~100 cards, naive", [](const SizeFigures& s) { return view(s.boardZoomNaive); });
    row("naive / ours", [](const SizeFigures& s) { return ratio(s.boardZoomNaive, s.boardZoom); });
    row("Board, frame after a move (relayout)",
        [](const SizeFigures& s) { return ms(s.editFrameMs); });
    row("Map, fit-all", [](const SizeFigures& s) { return view(s.mapFit); });
    row("Map, fit-all, naive", [](const SizeFigures& s) { return view(s.mapFitNaive); });
    row("naive / ours", [](const SizeFigures& s) { return ratio(s.mapFitNaive, s.mapFit); });
    row("Map, ~100 people", [](const SizeFigures& s) { return view(s.mapZoom); });
    row("Map, ~100 people, naive", [](const SizeFigures& s) { return view(s.mapZoomNaive); });
    row("naive / ours", [](const SizeFigures& s) { return ratio(s.mapZoomNaive, s.mapZoom); });
    row("JSON: size MB; load ms (MB/s); save ms (MB/s)", [](const SizeFigures& s) {
        return mb(s.jsonBytes) + "; " + ms(s.jsonLoadMs) + " (" +
               fmt("%.0f", s.jsonBytes / 1e3 / s.jsonLoadMs) + "); " + ms(s.jsonSaveMs) + " (" +
               fmt("%.0f", s.jsonBytes / 1e3 / s.jsonSaveMs) + ")";
    });
    row("Binary: size MB; load ms (MB/s); save ms (MB/s)", [](const SizeFigures& s) {
        return mb(s.binBytes) + "; " + ms(s.binLoadMs) + " (" +
               fmt("%.0f", s.binBytes / 1e3 / s.binLoadMs) + "); " + ms(s.binSaveMs) + " (" +
               fmt("%.0f", s.binBytes / 1e3 / s.binSaveMs) + ")";
    });
    row("Undo history after 1,000 moves: MB (heap MB)", [](const SizeFigures& s) {
        return mb(s.undoHistoryBytes) + " (" + mb(s.undoHeapBytes) + ")";
    });
    row("One move, Document::apply \xC2\xB5s",
        [](const SizeFigures& s) { return fmt("%.1f", s.moveApplyMs * 1000.0); });
    row("Diff of two snapshots ms (changes)",
        [](const SizeFigures& s) { return ms(s.diffMs) + " (" + count(s.diffChanges) + ")"; });
    row("Autosave running: longest frame wall / CPU ms; p99 wall (frames)",
        [](const SizeFigures& s) {
            return ms(s.autosaveMaxFrameMs) + " / " + ms(s.autosaveMaxCpuMs) + "; " +
                   ms(s.autosaveP99Ms) + " (" + count(s.autosaveFrames) + ")";
        });
    row("... longest frame without autosave, wall ms",
        [](const SizeFigures& s) { return ms(s.autosaveIdleMaxMs); });
    row("... board copy handed to the worker, ms",
        [](const SizeFigures& s) { return ms(s.autosaveCopyMs); });
    row("Peak RSS MB (naive baseline excluded)",
        [](const SizeFigures& s) { return mb(s.peakRssBytes); });

    std::printf("\nReal binary under Xvfb, starter board:");
    if (!app.ran) {
        std::printf(" %s\n", app.note.c_str());
    } else {
        const Stats st = statsOf(app.startupMs);
        std::printf(" start-up to first frame %s ms median of %zu runs (min %s, max %s);"
                    " frames in 5 s without input: %d, after the first second: %d\n",
                    ms(st.median).c_str(), st.n,
                    ms(*std::min_element(app.startupMs.begin(), app.startupMs.end())).c_str(),
                    ms(st.max).c_str(), app.framesIn5s, app.framesAfter1s);
    }
    std::printf("Benchmark wall time %.0f s.\n", seconds);
}

std::vector<std::size_t> parseSizes(const std::string& s) {
    std::vector<std::size_t> out;
    std::size_t pos = 0;
    while (pos < s.size()) {
        const std::size_t comma = s.find(',', pos);
        out.push_back(std::stoul(s.substr(pos, comma - pos)));
        pos = comma == std::string::npos ? s.size() : comma + 1;
    }
    return out;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::size_t> sizes = {100, 1000, 10000, 50000};
    bool quick = false, withApp = true;
    std::string binary = HORIZONS_BINARY;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--quick")
            quick = true;
        else if (a == "--no-app")
            withApp = false;
        else if (a == "--sizes" && i + 1 < argc)
            sizes = parseSizes(argv[++i]);
        else if (a == "--app" && i + 1 < argc)
            binary = argv[++i];
        else if (a == "--profile-load" && i + 2 < argc) { // for callgrind / perf: load only
            const bool json = std::string(argv[++i]) == "json";
            const Board board = makeSyntheticBoard(std::stoul(argv[++i]), 1);
            const std::string bytes =
                json ? store::serializeJson(board) : store::serializeBinary(board);
            for (int r = 0; r < 3; ++r) {
                const double t0 = wallMs();
                const bool ok = static_cast<bool>(store::loadBoardFromBytes(bytes, "bench"));
                std::printf("load %s: %.1f ms%s\n", json ? "JSON" : "binary", wallMs() - t0,
                            ok ? "" : " FAILED");
            }
            return 0;
        } else {
            std::fprintf(stderr, "usage: horizons_bench [--quick] [--sizes 100,1000] [--no-app] "
                                 "[--app PATH] [--profile-load json|binary GOALS]\n");
            return 2;
        }
    }
    const double start = wallMs();
    const std::string loadBefore = loadAverage();
    std::vector<SizeFigures> figures;
    for (std::size_t n : sizes) {
        std::fprintf(stderr, "bench: %zu goals...\n", n);
        figures.push_back(runSizeInChild(n, quick));
    }
    AppFigures app;
    if (withApp) {
        std::fprintf(stderr, "bench: the app under Xvfb...\n");
        app = benchApp(binary, quick);
    } else {
        app.note = "skipped (--no-app)";
    }
    printTable(figures, app, (wallMs() - start) / 1000.0);
    std::printf("Load average before: %s, after: %s (%u cores).\n", loadBefore.c_str(),
                loadAverage().c_str(), cpuCount());
    return 0;
}
