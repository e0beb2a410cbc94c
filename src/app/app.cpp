// app.cpp — window, GL context, ImGui backends and the event-driven main loop. A thin shell:
// the open board and every rule about files and edits belong to the session (src/session).
//
// Index
//   wake-up bookkeeping    input callbacks mark activity; requestRedraw() from other threads
//   LayoutDump             the --layout-dump JSONL writer
//   Shell                  window + ImGui lifetime, fonts/theme, one frame
//   run()                  the loop: wait for events, draw a few frames after each, repeat

#include "app/app.hpp"

#include "app/frame_cache.hpp"
#include "app/paths.hpp"
#include "app/screenshot.hpp"
#include "app/settings.hpp"
#include "app/system_fonts.hpp"
#include "session/session.hpp"
#include "ui/app_ui.hpp"
#include "ui/fonts.hpp"
#include "ui/layout_registry.hpp"
#include "ui/theme.hpp"

#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h> // GImGui->InputEventsQueue: input still waiting for a frame

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#if defined(__SANITIZE_ADDRESS__) && defined(__linux__)
#include <dlfcn.h>
#include <link.h>
#define HORIZONS_PIN_GL_DRIVERS 1
#endif

namespace fs = std::filesystem;

namespace horizons::app {
namespace {

#ifdef HORIZONS_PIN_GL_DRIVERS
// Sanitizer builds only: Mesa dlclose()s its driver when the display closes, before
// LeakSanitizer runs, so the driver's own allocations show up as leaks in "<unknown module>"
// that no suppression can name. Marking the loaded GL driver libraries RTLD_NODELETE keeps
// them mapped, their frames symbolized, and tests/lsan.supp able to suppress them by name.
void pinGlDrivers() {
    dl_iterate_phdr(
        [](dl_phdr_info* info, size_t, void*) -> int {
            const std::string name = info->dlpi_name ? info->dlpi_name : "";
            for (const char* part :
                 {"_dri.so", "libgallium", "libGLX_mesa", "libEGL_mesa", "libglapi", "libLLVM"})
                if (name.find(part) != std::string::npos) {
                    dlopen(name.c_str(), RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
                    break;
                }
            return 0;
        },
        nullptr);
}
#else
void pinGlDrivers() {}
#endif

// ---- wake-up bookkeeping -------------------------------------------------------------------
constexpr int kFramesAfterInput = 3; // popups, drag-and-drop and layout settle in 2-3 frames
constexpr double kMaxWait = 2.0;     // idle wake-up cap (no frame is drawn on a mere wake-up)
// A caret left alone blinks this long, then stays on (as GTK's does): an idle text field
// then costs no frames at all.
constexpr double kCaretBlinkSeconds = 10.0;

std::atomic<int> g_activity{0};     // input/window events since the last frame
std::atomic<bool> g_redraw{false};  // requestRedraw() from another thread
std::atomic<bool> g_rescale{false}; // content scale changed: rescale the style and text
std::atomic<bool> g_focused{false}; // the window got focus: the board file may have changed

void markActivity() { g_activity.fetch_add(1, std::memory_order_relaxed); }

// Our callbacks are installed before ImGui's backend, which chains to them, and then feeds
// the events to Dear ImGui's input queue (which spreads quick press/release pairs over frames,
// so nothing typed or clicked between two frames is lost).
void onCursorPos(GLFWwindow*, double, double) { markActivity(); }
void onMouseButton(GLFWwindow*, int, int, int) { markActivity(); }
void onScroll(GLFWwindow*, double, double) { markActivity(); }
void onKey(GLFWwindow*, int, int, int, int) { markActivity(); }
void onChar(GLFWwindow*, unsigned) { markActivity(); }

// Chord guard. Dear ImGui's queue applies at most one change of each key per frame, but it
// applies a modifier's release in the frame where another key went down: Ctrl down, S down,
// Ctrl up in one poll (quick hands on a slow frame, xdotool) would turn Ctrl+S into a bare S.
// From such a release on, the rest of the poll's input waits for the next frame, in order.
struct HeldEvent {
    enum Kind { Key, Char, Button, Pos, Scroll } kind;
    int a = 0, b = 0, c = 0, d = 0;
    double x = 0, y = 0;
};
std::vector<HeldEvent> g_held;
// --panels: the names of a comma-separated list, each one flag of PanelState.
bool* panelFlag(ui::PanelState& p, std::string_view name) {
    if (name == "board") return &p.board;
    if (name == "map") return &p.networkMap;
    if (name == "inspector") return &p.inspector;
    if (name == "coach") return &p.coach;
    if (name == "history") return &p.history;
    if (name == "prep") return &p.prep;
    if (name == "minimap") return &p.minimap;
    return nullptr;
}

template <class F> bool forEachPanelName(const std::string& list, F&& f) {
    std::size_t at = 0;
    while (at <= list.size()) {
        const std::size_t comma = std::min(list.find(',', at), list.size());
        if (!f(std::string_view(list).substr(at, comma - at))) return false;
        at = comma + 1;
    }
    return true;
}

// Exactly the listed panels are shown.
void applyPanelList(const std::string& list, ui::PanelState& p) {
    for (const char* n : {"board", "map", "inspector", "coach", "history", "prep", "minimap"})
        *panelFlag(p, n) = false;
    forEachPanelName(list, [&](std::string_view n) {
        if (bool* b = panelFlag(p, n)) *b = true;
        return true;
    });
}

bool g_keyWentDown = false;  // a non-modifier key went down since the frame began
bool g_pointerMoved = false; // the pointer moved since the frame began

bool isModifier(int key) {
    return key == GLFW_KEY_LEFT_CONTROL || key == GLFW_KEY_RIGHT_CONTROL ||
           key == GLFW_KEY_LEFT_SHIFT || key == GLFW_KEY_RIGHT_SHIFT || key == GLFW_KEY_LEFT_ALT ||
           key == GLFW_KEY_RIGHT_ALT || key == GLFW_KEY_LEFT_SUPER || key == GLFW_KEY_RIGHT_SUPER;
}
// True when `e` must wait (and then it is kept). A modifier released in the frame its key
// went down waits (Ctrl+S stays Ctrl+S), and so does a press in the frame the pointer moved:
// widgets that overlap (the board's cards over its canvas) answer a press only where the
// pointer hovered the frame before, so a move and a click within one slow frame lost it.
bool hold(const HeldEvent& e) {
    const bool modRelease = e.kind == HeldEvent::Key && e.c == GLFW_RELEASE && isModifier(e.a);
    const bool pressAfterMove = e.kind == HeldEvent::Button && e.b == GLFW_PRESS && g_pointerMoved;
    if (g_held.empty() && !(modRelease && g_keyWentDown) && !pressAfterMove) return false;
    g_held.push_back(e);
    markActivity();
    return true;
}
void gateKey(GLFWwindow* w, int key, int scancode, int action, int mods) {
    if (hold({HeldEvent::Key, key, scancode, action, mods})) return;
    if (action == GLFW_PRESS && !isModifier(key)) g_keyWentDown = true;
    ImGui_ImplGlfw_KeyCallback(w, key, scancode, action, mods);
}
void gateChar(GLFWwindow* w, unsigned c) {
    if (!hold({HeldEvent::Char, static_cast<int>(c)})) ImGui_ImplGlfw_CharCallback(w, c);
}
void gateButton(GLFWwindow* w, int button, int action, int mods) {
    if (!hold({HeldEvent::Button, button, action, mods}))
        ImGui_ImplGlfw_MouseButtonCallback(w, button, action, mods);
}
void gatePos(GLFWwindow* w, double x, double y) {
    if (hold({HeldEvent::Pos, 0, 0, 0, 0, x, y})) return;
    g_pointerMoved = true;
    ImGui_ImplGlfw_CursorPosCallback(w, x, y);
}
void gateScroll(GLFWwindow* w, double x, double y) {
    if (!hold({HeldEvent::Scroll, 0, 0, 0, 0, x, y})) ImGui_ImplGlfw_ScrollCallback(w, x, y);
}
// Once Dear ImGui has applied everything queued before them, held events go on to the next
// frame (and may be split again).
void releaseHeld(GLFWwindow* w) {
    g_keyWentDown = false;
    g_pointerMoved = false;
    std::vector<HeldEvent> events;
    events.swap(g_held);
    for (const HeldEvent& e : events) {
        switch (e.kind) {
        case HeldEvent::Key: gateKey(w, e.a, e.b, e.c, e.d); break;
        case HeldEvent::Char: gateChar(w, static_cast<unsigned>(e.a)); break;
        case HeldEvent::Button: gateButton(w, e.a, e.b, e.c); break;
        case HeldEvent::Pos: gatePos(w, e.x, e.y); break;
        case HeldEvent::Scroll: gateScroll(w, e.x, e.y); break;
        }
    }
}
void installInputGate(GLFWwindow* w) { // after the backend installed (and chained) its own
    glfwSetKeyCallback(w, gateKey);
    glfwSetCharCallback(w, gateChar);
    glfwSetMouseButtonCallback(w, gateButton);
    glfwSetCursorPosCallback(w, gatePos);
    glfwSetScrollCallback(w, gateScroll);
}

// Input not yet applied: held here, or queued by Dear ImGui for a later frame.
bool inputPending() { return !g_held.empty() || (GImGui && !GImGui->InputEventsQueue.empty()); }
void onFocus(GLFWwindow*, int focused) {
    if (focused) g_focused = true;
    markActivity();
}
void onCursorEnter(GLFWwindow*, int) { markActivity(); }
void onSize(GLFWwindow*, int, int) { markActivity(); }
void onRefresh(GLFWwindow*) { markActivity(); }
void onContentScale(GLFWwindow*, float, float) {
    g_rescale = true;
    markActivity();
}
void onGlfwError(int code, const char* what) {
    std::fprintf(stderr, "horizons: GLFW error %d: %s\n", code, what ? what : "?");
}

// --board-stdin: the board file's bytes from stdin, kept in memory files (never on disk).
std::string boardFromStdin(session::Environment& env) {
    auto files = std::make_shared<session::MemoryFiles>();
    const fs::path p = "/stdin/board.horizons.json";
    files->files[p] = std::string(std::istreambuf_iterator<char>(std::cin), {});
    env.files = files;
    return p.string();
}

// ---- LayoutDump ----------------------------------------------------------------------------
class LayoutDump {
  public:
    bool open(const std::string& path) {
        file_ = std::fopen(path.c_str(), "w");
        return file_ != nullptr;
    }
    ~LayoutDump() {
        if (file_) std::fclose(file_);
    }
    bool active() const { return file_ != nullptr; }
    void write(const ui::LayoutRegistry& reg, unsigned long long frame, double t) {
        if (!file_) return;
        const std::string line = reg.toJsonLine(frame, t);
        std::fputs(line.c_str(), file_);
        std::fputc('\n', file_);
        std::fflush(file_); // tests poll the file while we run
    }

  private:
    std::FILE* file_ = nullptr;
};

// ---- Shell ---------------------------------------------------------------------------------
class Shell {
  public:
    explicit Shell(const Options& opt) : opt_(opt), screenshotMode_(!opt.screenshot.empty()) {}
    ~Shell() { shutdown(); }

    bool init();
    int loop();

  private:
    void loadFonts();
    void applyScale(float scale); // style sizes and text size for the monitor's content scale
    void drawFrame();
    void updateTitle(const ui::DocStatus& st);
    void rememberGeometry();
    void shutdown();

    Options opt_;
    bool screenshotMode_;
    GLFWwindow* window_ = nullptr;
    bool imguiReady_ = false;    // ImGui context exists
    bool backendsReady_ = false; // GLFW + OpenGL3 backends initialised
    Settings settings_;
    fs::path settingsFile_;
    std::string iniFile_; // ImGui's own settings; must outlive the context
    ui::AppUiState ui_;
    std::unique_ptr<session::Session> session_; // the open board: the UI draws and dispatches
    ui::Theme appliedTheme_ = ui::Theme::Dark;
    float scale_ = 1.0f;
    ui::LayoutRegistry layout_;
    LayoutDump dump_;
    std::unique_ptr<OffscreenTarget> offscreen_;
    ui::DamageTracker damage_; // what changed since the last frame ...
    FrameCache frameCache_;    // ... is all that is repainted into the kept frame
    bool frameCacheOk_ = true;
    double lastInputAt_ = 0; // glfwGetTime() of the last input event
    std::string title_;
    unsigned long long frame_ = 0;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    bool quit_ = false;
};

bool Shell::init() {
    glfwSetErrorCallback(onGlfwError);
    if (!glfwInit()) {
        std::fprintf(stderr, "horizons: cannot open a window (no display?)\n");
        return false;
    }

    settingsFile_ = configDir() / "settings.ini";
    if (!screenshotMode_) settings_ = loadSettings(settingsFile_);
    ui_.panels = settings_.panels;
    if (!opt_.panels.empty()) applyPanelList(opt_.panels, ui_.panels);
    if (opt_.only == "board" || opt_.only == "map") { // PNG export: one view, nothing else
        ui_.panels.board = opt_.only == "board";
        ui_.panels.networkMap = opt_.only == "map";
        ui_.panels.inspector = ui_.panels.coach = ui_.panels.history = ui_.panels.prep = false;
        ui_.chromeless = true;
    }
    ui_.theme = settings_.theme;

    int w = settings_.window.width, h = settings_.window.height;
    if (opt_.width > 0 && opt_.height > 0) {
        w = opt_.width;
        h = opt_.height;
    }

    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE); // required on macOS
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);              // shown once placed
    window_ = glfwCreateWindow(w, h, "Horizons", nullptr, nullptr);
    if (!window_) {
        std::fprintf(stderr, "horizons: cannot create an OpenGL 3.3 window\n");
        return false;
    }
    if (!screenshotMode_ && settings_.window.x >= 0 && settings_.window.y >= 0) {
        // Only restore a position that is still on some monitor.
        int count = 0;
        GLFWmonitor** monitors = glfwGetMonitors(&count);
        for (int i = 0; i < count; ++i) {
            int mx = 0, my = 0, mw = 0, mh = 0;
            glfwGetMonitorWorkarea(monitors[i], &mx, &my, &mw, &mh);
            const int x = settings_.window.x, y = settings_.window.y;
            if (x >= mx && y >= my && x < mx + mw - 64 && y < my + mh - 64) {
                glfwSetWindowPos(window_, x, y);
                break;
            }
        }
    }

    glfwMakeContextCurrent(window_);
    glfwSwapInterval(screenshotMode_ ? 0 : 1);
    pinGlDrivers();
    if (!gladLoadGL(glfwGetProcAddress)) {
        std::fprintf(stderr, "horizons: cannot load OpenGL 3.3 functions\n");
        return false;
    }

    glfwSetCursorPosCallback(window_, onCursorPos);
    glfwSetMouseButtonCallback(window_, onMouseButton);
    glfwSetScrollCallback(window_, onScroll);
    glfwSetKeyCallback(window_, onKey);
    glfwSetCharCallback(window_, onChar);
    glfwSetWindowFocusCallback(window_, onFocus);
    glfwSetCursorEnterCallback(window_, onCursorEnter);
    glfwSetWindowSizeCallback(window_, onSize);
    glfwSetWindowRefreshCallback(window_, onRefresh);
    glfwSetWindowContentScaleCallback(window_, onContentScale);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    imguiReady_ = true;
    frameCache_.setCheck(opt_.damageCheck);
    ui::configureImGui(); // keyboard navigation; Ctrl+Tab left to the shell
    ImGuiIO& io = ImGui::GetIO();
    if (screenshotMode_) {
        io.IniFilename = nullptr; // deterministic pictures; never touch the user's layout
    } else {
        iniFile_ = (configDir() / "imgui.ini").string();
        std::error_code ec;
        fs::create_directories(configDir(), ec);
        io.IniFilename = iniFile_.c_str();
    }

    loadFonts();
    float sx = 1.0f, sy = 1.0f;
    glfwGetWindowContentScale(window_, &sx, &sy);
    applyScale(std::max(sx, sy));

    ImGui_ImplGlfw_InitForOpenGL(window_, true); // chains to the callbacks installed above
    installInputGate(window_);                   // in front of the backend's
    ImGui_ImplOpenGL3_Init("#version 330 core"); // creates and updates the font textures
    backendsReady_ = true;

    // The board: FILE, else where the user left off (the session's rules). Screenshots
    // without FILE show a fresh empty board, and screenshots never autosave.
    session::Environment env = session::Environment::real(assetDir(), [] { requestRedraw(); });
    env.autosave = !screenshotMode_;
    std::string file = opt_.file;
    if (opt_.boardFromStdin) file = boardFromStdin(env); // PNG export: nothing on disk
    session_ = std::make_unique<session::Session>(std::move(env));
    session::StartOptions start;
    start.file = file;
    start.blank = screenshotMode_;
    start.lastBoard = settings_.lastBoard;
    start.recent = settings_.recentFiles;
    session_->start(start);

    if (!opt_.layoutDump.empty()) {
        if (!dump_.open(opt_.layoutDump)) {
            std::fprintf(stderr, "horizons: cannot write %s\n", opt_.layoutDump.c_str());
            return false;
        }
        ui::setCurrentLayoutRegistry(&layout_);
    }

    if (screenshotMode_) {
        int fw = 0, fh = 0;
        glfwGetFramebufferSize(window_, &fw, &fh);
        offscreen_ = std::make_unique<OffscreenTarget>();
        std::string err;
        if (!offscreen_->create(fw, fh, &err)) {
            std::fprintf(stderr, "horizons: %s\n", err.c_str());
            return false;
        }
    } else {
        if (settings_.window.maximized) glfwMaximizeWindow(window_);
        glfwShowWindow(window_);
    }
    return true;
}

void Shell::loadFonts() {
    ui::Fonts f;
    std::string err;
    if (!ui::loadFonts(assetDir() / "fonts", systemFallbackFonts(), f, &err))
        std::fprintf(stderr, "horizons: %s (using the built-in font)\n", err.c_str());
}

void Shell::applyScale(float scale) {
    if (!(scale > 0.25f && scale < 8.0f)) scale = 1.0f;
    scale_ = scale;
    ui::applyTheme(ui_.theme, scale);
    appliedTheme_ = ui_.theme;
    ui_.dpiScale = scale;
}

void Shell::updateTitle(const ui::DocStatus& st) {
    std::string t = st.title + (st.dirty ? " *" : "") + (st.isProtected ? " (protected)" : "") +
                    " \xE2\x80\x94 Horizons";
    if (t != title_) {
        title_ = t;
        glfwSetWindowTitle(window_, title_.c_str());
    }
}

void Shell::drawFrame() {
    if (g_rescale.exchange(false)) {
        float sx = 1.0f, sy = 1.0f;
        glfwGetWindowContentScale(window_, &sx, &sy);
        applyScale(std::max(sx, sy)); // dynamic fonts: glyphs at the new size as drawn
    }
    if (ui_.theme != appliedTheme_) {
        ui::applyTheme(ui_.theme, scale_);
        appliedTheme_ = ui_.theme;
    }

    // Test hook (--frame-delay-ms): a slow frame, as on a busy or remote machine.
    if (opt_.frameDelayMs > 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(opt_.frameDelayMs));
    const bool catchingUp = inputPending();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    // Events left over from an earlier poll arrived together with the ones already applied:
    // the time between them is not this frame's length. Counting it would stretch a quick
    // double-click over several slow frames and miss it.
    if (catchingUp) ImGui::GetIO().DeltaTime = 1.0f / 1000.0f;
    ImGui::GetIO().ConfigInputTextCursorBlink = glfwGetTime() - lastInputAt_ < kCaretBlinkSeconds;
    ImGui::NewFrame();
    if (GImGui->InputEventsQueue.empty()) releaseHeld(window_); // all before them is applied
    layout_.beginFrame();

    if (g_focused.exchange(false)) session_->dispatch(session::CheckDisk{});
    updateTitle(session_->status());
    ui::drawApp(ui_, *session_);

    ImGui::Render();
    int fw = 0, fh = 0;
    glfwGetFramebufferSize(window_, &fw, &fh);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    ImDrawData* drawData = ImGui::GetDrawData();
    if (!offscreen_ && frameCacheOk_) { // the window: repaint what changed, into the kept frame
        frameCacheOk_ = frameCache_.present(*drawData, damage_.update(*drawData), bg);
        if (!frameCacheOk_) std::fprintf(stderr, "horizons: no framebuffer: full repaints\n");
    }
    if (offscreen_ || !frameCacheOk_) {
        if (offscreen_) {
            offscreen_->bind();
            fw = offscreen_->width();
            fh = offscreen_->height();
        }
        glViewport(0, 0, fw, fh);
        glClearColor(bg.x, bg.y, bg.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(drawData);
    }
    if (offscreen_)
        offscreen_->unbind();
    else
        glfwSwapBuffers(window_);

    ++frame_;
    if (dump_.active()) {
        const double t =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
        dump_.write(layout_, frame_, t);
    }
}

int Shell::loop() {
    if (screenshotMode_) {
        const int frames = std::max(1, opt_.frames);
        for (int i = 0; i < frames; ++i) {
            glfwPollEvents();
            drawFrame();
        }
        std::string err;
        if (!offscreen_->writePng(opt_.screenshot, &err)) {
            std::fprintf(stderr, "horizons: %s\n", err.c_str());
            return 1;
        }
        return 0;
    }

    int framesLeft = kFramesAfterInput; // first frames: layout settles
    double wakeAt = 0.0;                // glfwGetTime() of a timed redraw (status message)
    while (!quit_) {
        if (framesLeft > 0) {
            glfwPollEvents();
        } else {
            double wait = kMaxWait;
            if (wakeAt > 0.0) wait = std::clamp(wakeAt - glfwGetTime(), 0.0, kMaxWait);
            glfwWaitEventsTimeout(wait);
        }
        const bool input = g_activity.exchange(0) > 0;
        if (input) lastInputAt_ = glfwGetTime();
        if (input || g_redraw.exchange(false) || g_rescale.load() || inputPending())
            framesLeft = std::max(framesLeft, kFramesAfterInput);
        if (wakeAt > 0.0 && glfwGetTime() >= wakeAt) {
            wakeAt = 0.0;
            framesLeft = std::max(framesLeft, 1);
        }
        if (glfwWindowShouldClose(window_)) {
            glfwSetWindowShouldClose(window_, GLFW_FALSE);
            session_->dispatch(session::Quit{});
            framesLeft = std::max(framesLeft, 1); // a refused quit says why
        }
        session_->tick();
        if (session_->quitApproved()) break;
        // The next autosave or the end of a status message needs the loop awake then (the
        // message one more frame).
        if (const double in = session_->wakeIn(); in >= 0) wakeAt = glfwGetTime() + in + 0.05;
        if (framesLeft <= 0) continue;

        --framesLeft;
        drawFrame();
        if (session_->quitApproved()) break;
        // A text field being edited: the caret blinks (ImGui shows it 0.8 s of every 1.2 s)
        // until kCaretBlinkSeconds after the last input; the frame after that draws it on.
        ImGuiIO& io = ImGui::GetIO();
        if (io.WantTextInput && io.ConfigInputTextCursorBlink && framesLeft == 0 && wakeAt == 0.0)
            wakeAt = glfwGetTime() + 0.4;
    }
    rememberGeometry();
    if (opt_.damageCheck)
        std::fprintf(stderr,
                     "horizons: damage check: %llu partial repaints, %llu differed; %.1f%% of "
                     "all pixels painted\n",
                     static_cast<unsigned long long>(frameCache_.partialFrames()),
                     static_cast<unsigned long long>(frameCache_.mismatchedFrames()),
                     100.0 * frameCache_.paintedShare());
    return 0;
}

void Shell::rememberGeometry() {
    if (screenshotMode_ || !window_) return;
    settings_.window.maximized = glfwGetWindowAttrib(window_, GLFW_MAXIMIZED) == GLFW_TRUE;
    if (!settings_.window.maximized) {
        glfwGetWindowPos(window_, &settings_.window.x, &settings_.window.y);
        glfwGetWindowSize(window_, &settings_.window.width, &settings_.window.height);
    }
    settings_.panels = ui_.panels;
    settings_.theme = ui_.theme;
    settings_.recentFiles = session_ ? session_->recent() : settings_.recentFiles;
    if (session_ && !session_->lastBoard().empty()) settings_.lastBoard = session_->lastBoard();
    if (!saveSettings(settingsFile_, settings_))
        std::fprintf(stderr, "horizons: cannot save %s\n", settingsFile_.string().c_str());
}

void Shell::shutdown() {
    session_.reset(); // the autosave worker writes what is pending
    ui::setCurrentLayoutRegistry(nullptr);
    offscreen_.reset(); // needs the GL context
    frameCache_.release();
    if (backendsReady_) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        backendsReady_ = false;
    }
    if (imguiReady_) {
        ImGui::DestroyContext();
        imguiReady_ = false;
    }
    if (window_) {
        glfwDestroyWindow(window_);
        window_ = nullptr;
    }
    glfwTerminate();
}

} // namespace

void requestRedraw() {
    g_redraw = true;
    glfwPostEmptyEvent();
}

bool validPanelList(const std::string& list) {
    ui::PanelState p;
    return forEachPanelName(list, [&](std::string_view n) { return panelFlag(p, n) != nullptr; });
}

int run(const Options& opt) {
    Shell shell(opt);
    if (!shell.init()) return 1;
    return shell.loop();
}

} // namespace horizons::app
