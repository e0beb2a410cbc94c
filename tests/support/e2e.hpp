// e2e.hpp — drive the real `horizons` binary in a real X window (Xvfb under ctest).
//
//   test::e2e::App app;                          // temp HOME/XDG dirs, --layout-dump
//   REQUIRE(app.start({"--size", "1280x800"}));  // extra args; the binary is HORIZONS_BINARY
//   auto file = app.waitForItem("menu:file");    // polls the JSONL dump (default 10 s)
//   app.click(*file);                            // xdotool: move to its centre, click
//   REQUIRE(app.waitForItem("menu:file/quit"));
//   app.key("ctrl+q");                           // xdotool key names
//   CHECK(app.waitForExit() == 0);               // exit status; nullopt on timeout (killed)
//   app.configDir() / app.dataDir()              // inspect what the app saved
//
// Coordinates are window pixel coordinates, exactly as in the layout dump. Under Xvfb (no
// window manager) keys reach the window reliably only with the pointer over it: call
// mouseMove()/click() before key() when nothing has moved the pointer there yet.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <sys/types.h>

namespace horizons::test::e2e {

struct Item {
    std::string id, kind, label;
    double x = 0, y = 0, w = 0, h = 0;
    double cx() const { return x + w / 2; }
    double cy() const { return y + h / 2; }
};

struct Frame {
    unsigned long long frame = 0;
    double t = 0;
    std::vector<Item> items;
    const Item* find(std::string_view id) const;
};

// Parses one line of the layout dump; nullopt when it is not a complete frame object.
std::optional<Frame> parseFrameLine(std::string_view line);

using Seconds = std::chrono::duration<double>;

// Runs a command (argv[0] looked up in PATH), waits, returns its exit status (-1: could not
// start); stdout is captured into *out when given.
int runCommand(const std::vector<std::string>& argv, std::string* out = nullptr);

// The whole content of a file ("" when it cannot be read).
std::string readFileText(const std::filesystem::path& p);
// "goal:14" -> "14": the id part of a layout-dump item id.
std::string idPart(const std::string& itemId);

// The binary under test (HORIZONS_BINARY, a compile definition of test_e2e).
std::filesystem::path binaryPath();

// A goal on the board is drawn as a full card or, in a crowded column, as a compact chip
// (both report "goal:<id>").
inline bool isGoalItem(const Item& it) { return it.kind == "card" || it.kind == "chip"; }

class App {
  public:
    App();  // creates a fresh temp folder with home/, config/, data/
    ~App(); // kills the app if still running, removes the temp folder
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    // Starts the binary with --layout-dump plus `args`, with HOME, XDG_CONFIG_HOME,
    // XDG_DATA_HOME, XDG_STATE_HOME and XDG_CACHE_HOME pointed into the temp folder.
    bool start(const std::vector<std::string>& args = {});

    // Waits until the latest dumped frame contains `id`.
    std::optional<Item> waitForItem(std::string_view id, Seconds timeout = Seconds(10));
    // Waits until the latest dumped frame no longer contains `id`.
    bool waitForItemGone(std::string_view id, Seconds timeout = Seconds(10));
    // Waits until two dumps taken apart agree on where `id` is (the first frames settle the
    // layout: fonts, window size, fit).
    void settle(std::string_view id);
    // Waits for a frame number greater than `after`; returns the latest frame.
    std::optional<Frame> waitForFrame(unsigned long long after = 0, Seconds timeout = Seconds(10));
    std::optional<Frame> latestFrame(); // reads what is new in the dump
    unsigned long long frameCount();    // latest frame number (0: none yet)

    // The app's X window id (found by PID, cached).
    std::string windowId(Seconds timeout = Seconds(10));

    // xdotool input (window-relative coordinates).
    bool mouseMove(double x, double y);
    bool mouseDown(int button = 1);
    bool mouseUp(int button = 1);
    bool click(double x, double y, int button = 1);
    bool click(const Item& item, int button = 1) { return click(item.cx(), item.cy(), button); }
    bool drag(double x0, double y0, double x1, double y1, int steps = 8, int button = 1);
    bool key(const std::string& keys); // e.g. "ctrl+q", "Escape", "ctrl+shift+s"
    bool type(const std::string& text);

    // Waits for the process to end; its exit status (128+signal when killed by a signal),
    // or nullopt after `timeout` (the process is then killed).
    std::optional<int> waitForExit(Seconds timeout = Seconds(10));
    bool running();

    pid_t pid() const { return pid_; }
    const std::filesystem::path& root() const { return root_; }
    std::filesystem::path homeDir() const { return root_ / "home"; }
    std::filesystem::path configDir() const { return root_ / "config"; } // XDG_CONFIG_HOME
    std::filesystem::path dataDir() const { return root_ / "data"; }     // XDG_DATA_HOME
    std::filesystem::path dumpPath() const { return root_ / "layout.jsonl"; }
    std::filesystem::path stderrPath() const { return root_ / "stderr.txt"; }
    std::string stderrText() const; // what the app wrote to stderr

  private:
    void readDump();
    void kill();

    std::filesystem::path root_;
    pid_t pid_ = -1;
    std::optional<int> status_;
    std::string window_;
    std::string pending_; // incomplete last line of the dump
    std::streamoff offset_ = 0;
    std::optional<Frame> latest_;
};

// Polling helpers every e2e test shares (one check each 100 ms).
// The first item whose id starts with `prefix` (10 s).
std::optional<Item> waitForPrefix(App& app, const std::string& prefix);
// The first item whose id starts with `prefix` and whose label is `label` (5 s).
std::optional<Item> waitForLabel(App& app, const std::string& prefix, const std::string& label);
// Until the status line's message contains `text` (5 s).
bool waitForMessage(App& app, const std::string& text);
// Until goal item `goal`'s centre lies inside column item `horizon` (10 s).
bool waitCardInColumn(App& app, const std::string& goal, const std::string& horizon);

} // namespace horizons::test::e2e
