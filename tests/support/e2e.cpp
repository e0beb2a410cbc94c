#include "support/e2e.hpp"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>
#include <utility>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace fs = std::filesystem;

namespace horizons::test::e2e {
namespace {

using Clock = std::chrono::steady_clock;

void sleepFor(double seconds) {
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
}

// ---- a tiny JSON reader for the layout dump (objects, arrays, strings, numbers) -----------
class Json {
  public:
    explicit Json(std::string_view s) : s_(s) {}

    bool frame(Frame& f) {
        const bool ok = object([&](const std::string& key) {
            if (key == "frame") {
                double v = 0;
                if (!number(v)) return false;
                f.frame = static_cast<unsigned long long>(v);
                return true;
            }
            if (key == "t") return number(f.t);
            if (key == "items") return items(f.items);
            return skip();
        });
        if (!ok) return false;
        ws();
        return i_ == s_.size();
    }

  private:
    char peek() const { return i_ < s_.size() ? s_[i_] : '\0'; }
    void ws() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\r'))
            ++i_;
    }
    bool expect(char c) {
        ws();
        if (peek() != c) return false;
        ++i_;
        return true;
    }
    bool string(std::string& out) {
        if (!expect('"')) return false;
        while (i_ < s_.size()) {
            char c = s_[i_++];
            if (c == '"') return true;
            if (c != '\\') {
                out += c;
                continue;
            }
            if (i_ >= s_.size()) return false;
            c = s_[i_++];
            switch (c) {
            case 'n': out += '\n'; break;
            case 't': out += '\t'; break;
            case 'r': out += '\r'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'u': {
                if (i_ + 4 > s_.size()) return false;
                const unsigned cp = static_cast<unsigned>(
                    std::strtoul(std::string(s_.substr(i_, 4)).c_str(), nullptr, 16));
                i_ += 4;
                if (cp < 0x80) {
                    out += static_cast<char>(cp);
                } else if (cp < 0x800) {
                    out += static_cast<char>(0xC0 | (cp >> 6));
                    out += static_cast<char>(0x80 | (cp & 0x3F));
                } else {
                    out += static_cast<char>(0xE0 | (cp >> 12));
                    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
                    out += static_cast<char>(0x80 | (cp & 0x3F));
                }
                break;
            }
            default: out += c;
            }
        }
        return false;
    }
    bool number(double& out) {
        ws();
        const std::string rest(s_.substr(i_, std::min<std::size_t>(40, s_.size() - i_)));
        char* end = nullptr;
        out = std::strtod(rest.c_str(), &end);
        if (end == rest.c_str()) return false;
        i_ += static_cast<std::size_t>(end - rest.c_str());
        return true;
    }
    // An object: `member(key)` reads each member's value (false: malformed).
    template <class Member> bool object(Member&& member) {
        if (!expect('{')) return false;
        bool first = true;
        while (true) {
            ws();
            if (peek() == '}') {
                ++i_;
                return true;
            }
            if (!first && !expect(',')) return false;
            first = false;
            std::string key;
            if (!string(key) || !expect(':') || !member(key)) return false;
        }
    }
    bool item(Item& it) {
        return object([&](const std::string& key) {
            if (key == "id") return string(it.id);
            if (key == "kind") return string(it.kind);
            if (key == "label") return string(it.label);
            if (key == "x") return number(it.x);
            if (key == "y") return number(it.y);
            if (key == "w") return number(it.w);
            if (key == "h") return number(it.h);
            return skip();
        });
    }
    bool items(std::vector<Item>& out) {
        if (!expect('[')) return false;
        ws();
        if (peek() == ']') {
            ++i_;
            return true;
        }
        while (true) {
            Item it;
            if (!item(it)) return false;
            out.push_back(std::move(it));
            ws();
            if (peek() == ',') {
                ++i_;
                continue;
            }
            return expect(']');
        }
    }
    bool skip() { // any value we do not know
        ws();
        const char c = peek();
        if (c == '"') {
            std::string tmp;
            return string(tmp);
        }
        if (c == '{' || c == '[') {
            const char close = c == '{' ? '}' : ']';
            ++i_;
            ws();
            if (peek() == close) {
                ++i_;
                return true;
            }
            while (true) {
                if (c == '{') {
                    std::string k;
                    if (!string(k) || !expect(':')) return false;
                }
                if (!skip()) return false;
                ws();
                if (peek() == ',') {
                    ++i_;
                    continue;
                }
                return expect(close);
            }
        }
        if (s_.substr(i_, 4) == "true" || s_.substr(i_, 4) == "null") {
            i_ += 4;
            return true;
        }
        if (s_.substr(i_, 5) == "false") {
            i_ += 5;
            return true;
        }
        double d = 0;
        return number(d);
    }

    std::string_view s_;
    std::size_t i_ = 0;
};

std::vector<char*> cStrings(std::vector<std::string>& v) {
    std::vector<char*> out;
    for (auto& s : v)
        out.push_back(s.data());
    out.push_back(nullptr);
    return out;
}

std::string trim(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' '))
        s.pop_back();
    return s;
}

} // namespace

const Item* Frame::find(std::string_view id) const {
    for (const auto& it : items)
        if (it.id == id) return &it;
    return nullptr;
}

std::optional<Frame> parseFrameLine(std::string_view line) {
    Frame f;
    Json j(line);
    if (!j.frame(f)) return std::nullopt;
    return f;
}

fs::path binaryPath() {
#ifdef HORIZONS_BINARY
    return fs::path(HORIZONS_BINARY);
#else
    const char* env = std::getenv("HORIZONS_BINARY");
    return env ? fs::path(env) : fs::path("horizons");
#endif
}

int runCommand(const std::vector<std::string>& argv, std::string* out) {
    std::vector<std::string> args = argv;
    std::vector<char*> cargs = cStrings(args);
    int pipefd[2] = {-1, -1};
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    if (out) {
        if (pipe(pipefd) != 0) return -1;
        posix_spawn_file_actions_adddup2(&fa, pipefd[1], STDOUT_FILENO);
        posix_spawn_file_actions_addclose(&fa, pipefd[0]);
        posix_spawn_file_actions_addclose(&fa, pipefd[1]);
    }
    pid_t pid = -1;
    const int rc = posix_spawnp(&pid, cargs[0], &fa, nullptr, cargs.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    if (out) {
        close(pipefd[1]);
        if (rc == 0) {
            char buf[4096];
            ssize_t n = 0;
            while ((n = read(pipefd[0], buf, sizeof buf)) > 0)
                out->append(buf, static_cast<std::size_t>(n));
        }
        close(pipefd[0]);
    }
    if (rc != 0) return -1;
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

// ---- App -----------------------------------------------------------------------------------
App::App() {
    std::string tmpl = (fs::temp_directory_path() / "horizons-e2e-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    root_ = tmpl;
    for (const char* d : {"home", "config", "data", "state", "cache"})
        fs::create_directory(root_ / d);
}

App::~App() {
    kill();
    std::error_code ec;
    if (!std::getenv("HORIZONS_E2E_KEEP")) fs::remove_all(root_, ec);
}

std::string readFileText(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string idPart(const std::string& itemId) { return itemId.substr(itemId.find(':') + 1); }

void App::settle(std::string_view id) {
    std::optional<Item> last;
    for (int i = 0; i < 40; ++i) {
        sleepFor(0.15);
        const auto f = latestFrame();
        const Item* it = f ? f->find(id) : nullptr;
        if (it && last && it->x == last->x && it->y == last->y && it->w == last->w) return;
        if (it) last = *it;
    }
}

bool App::start(const std::vector<std::string>& extra) {
    // A second start (e.g. after a crash) begins a new process, window and layout dump.
    window_.clear();
    pending_.clear();
    offset_ = 0;
    latest_.reset();
    status_.reset();
    std::error_code ec;
    fs::remove(dumpPath(), ec);
    std::vector<std::string> args{binaryPath().string(), "--layout-dump", dumpPath().string()};
    args.insert(args.end(), extra.begin(), extra.end());
    std::vector<char*> cargs = cStrings(args);

    // Environment: ours, with every user folder redirected into the temp folder.
    const std::vector<std::pair<std::string, fs::path>> redirect{
        {"HOME", homeDir()},
        {"XDG_CONFIG_HOME", configDir()},
        {"XDG_DATA_HOME", dataDir()},
        {"XDG_STATE_HOME", root_ / "state"},
        {"XDG_CACHE_HOME", root_ / "cache"}};
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e) {
        const std::string kv = *e;
        bool replaced = false;
        for (const auto& [k, v] : redirect)
            if (kv.rfind(k + "=", 0) == 0) replaced = true;
        if (!replaced) env.push_back(kv);
    }
    for (const auto& [k, v] : redirect)
        env.push_back(k + "=" + v.string());
    std::vector<char*> cenv = cStrings(env);

    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, stderrPath().c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int rc = posix_spawn(&pid_, cargs[0], &fa, nullptr, cargs.data(), cenv.data());
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) {
        pid_ = -1;
        return false;
    }
    return true;
}

std::string App::stderrText() const {
    std::ifstream in(stderrPath());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void App::readDump() {
    std::ifstream in(dumpPath(), std::ios::binary);
    if (!in) return;
    in.seekg(offset_);
    std::string chunk((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    offset_ += static_cast<std::streamoff>(chunk.size());
    pending_ += chunk;
    std::size_t nl;
    while ((nl = pending_.find('\n')) != std::string::npos) {
        const std::string line = pending_.substr(0, nl);
        pending_.erase(0, nl + 1);
        if (auto f = parseFrameLine(line)) latest_ = std::move(f);
    }
}

std::optional<Frame> App::latestFrame() {
    readDump();
    return latest_;
}

unsigned long long App::frameCount() {
    readDump();
    return latest_ ? latest_->frame : 0;
}

std::optional<Item> App::waitForItem(std::string_view id, Seconds timeout) {
    const auto until = Clock::now() + std::chrono::duration_cast<Clock::duration>(timeout);
    while (true) {
        readDump();
        if (latest_)
            if (const Item* it = latest_->find(id)) return *it;
        if (Clock::now() >= until || !running()) return std::nullopt;
        sleepFor(0.05);
    }
}

bool App::waitForItemGone(std::string_view id, Seconds timeout) {
    const auto until = Clock::now() + std::chrono::duration_cast<Clock::duration>(timeout);
    while (true) {
        readDump();
        if (latest_ && !latest_->find(id)) return true;
        if (Clock::now() >= until || !running()) return false;
        sleepFor(0.05);
    }
}

std::optional<Frame> App::waitForFrame(unsigned long long after, Seconds timeout) {
    const auto until = Clock::now() + std::chrono::duration_cast<Clock::duration>(timeout);
    while (true) {
        readDump();
        if (latest_ && latest_->frame > after) return latest_;
        if (Clock::now() >= until || !running()) return std::nullopt;
        sleepFor(0.05);
    }
}

std::string App::windowId(Seconds timeout) {
    if (!window_.empty()) return window_;
    const auto until = Clock::now() + std::chrono::duration_cast<Clock::duration>(timeout);
    while (Clock::now() < until && running()) {
        std::string out;
        if (runCommand({"xdotool", "search", "--onlyvisible", "--pid", std::to_string(pid_)},
                       &out) == 0) {
            std::istringstream lines(out);
            std::string first;
            if (std::getline(lines, first) && !trim(first).empty()) {
                window_ = trim(first);
                return window_;
            }
        }
        sleepFor(0.1);
    }
    return {};
}

bool App::mouseMove(double x, double y) {
    const std::string w = windowId();
    if (w.empty()) return false;
    return runCommand({"xdotool", "mousemove", "--window", w, std::to_string(static_cast<int>(x)),
                       std::to_string(static_cast<int>(y))}) == 0;
}

bool App::mouseDown(int button) {
    return runCommand({"xdotool", "mousedown", std::to_string(button)}) == 0;
}

bool App::mouseUp(int button) {
    return runCommand({"xdotool", "mouseup", std::to_string(button)}) == 0;
}

bool App::click(double x, double y, int button) {
    if (!mouseMove(x, y)) return false;
    sleepFor(0.05); // let the app see the hover before the press
    if (!mouseDown(button)) return false;
    sleepFor(0.05);
    return mouseUp(button);
}

bool App::drag(double x0, double y0, double x1, double y1, int steps, int button) {
    // The app samples the pointer once per frame: on a loaded machine (sanitizers, parallel
    // tests) a press followed at once by moves can be seen with the pointer already moved
    // away. Hold still after the press and before the release so both land where meant.
    if (!mouseMove(x0, y0)) return false;
    sleepFor(0.15);
    if (!mouseDown(button)) return false;
    sleepFor(0.2);
    for (int i = 1; i <= steps; ++i) {
        const double t = static_cast<double>(i) / steps;
        sleepFor(0.03);
        if (!mouseMove(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)) return false;
    }
    sleepFor(0.2);
    return mouseUp(button);
}

bool App::key(const std::string& keys) {
    const std::string w = windowId();
    if (w.empty()) return false;
    runCommand({"xdotool", "windowfocus", w});
    return runCommand({"xdotool", "key", "--delay", "30", keys}) == 0;
}

bool App::type(const std::string& text) {
    const std::string w = windowId();
    if (w.empty()) return false;
    runCommand({"xdotool", "windowfocus", w});
    return runCommand({"xdotool", "type", "--delay", "20", text}) == 0;
}

bool App::running() {
    if (pid_ <= 0 || status_) return false;
    int status = 0;
    const pid_t r = waitpid(pid_, &status, WNOHANG);
    if (r == pid_) {
        status_ = WIFEXITED(status) ? WEXITSTATUS(status)
                                    : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
        return false;
    }
    return r == 0;
}

std::optional<int> App::waitForExit(Seconds timeout) {
    const auto until = Clock::now() + std::chrono::duration_cast<Clock::duration>(timeout);
    while (running()) {
        if (Clock::now() >= until) {
            kill();
            return std::nullopt;
        }
        sleepFor(0.05);
    }
    return status_;
}

void App::kill() {
    if (pid_ > 0 && !status_ && running()) {
        ::kill(pid_, SIGKILL);
        int status = 0;
        waitpid(pid_, &status, 0);
        status_ = 128 + SIGKILL;
    }
}

namespace {

// Calls `found` on the latest frame `tries` times, 100 ms apart, until it answers.
template <class Found> auto pollFrames(App& app, int tries, Found&& found)
    -> decltype(found(std::declval<Frame&>())) {
    for (int i = 0; i < tries; ++i) {
        if (auto f = app.latestFrame())
            if (auto answer = found(*f)) return answer;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return {};
}

} // namespace

std::optional<Item> waitForPrefix(App& app, const std::string& prefix) {
    return pollFrames(app, 100, [&](const Frame& f) -> std::optional<Item> {
        for (const auto& it : f.items)
            if (it.id.rfind(prefix, 0) == 0) return it;
        return std::nullopt;
    });
}

std::optional<Item> waitForLabel(App& app, const std::string& prefix, const std::string& label) {
    return pollFrames(app, 50, [&](const Frame& f) -> std::optional<Item> {
        for (const Item& it : f.items)
            if (it.id.rfind(prefix, 0) == 0 && it.label == label) return it;
        return std::nullopt;
    });
}

bool waitForMessage(App& app, const std::string& text) {
    return pollFrames(app, 50, [&](const Frame& f) {
        const Item* m = f.find("status:message");
        return m && m->label.find(text) != std::string::npos;
    });
}

bool waitCardInColumn(App& app, const std::string& goal, const std::string& horizon) {
    return pollFrames(app, 100, [&](const Frame& f) {
        const Item* g = f.find(goal);
        const Item* h = f.find(horizon);
        return g && h && g->cx() >= h->x && g->cx() <= h->x + h->w;
    });
}

} // namespace horizons::test::e2e
