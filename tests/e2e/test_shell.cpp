// End-to-end tests of the app shell: the real binary in a real window (Xvfb under ctest).
#include "support/e2e.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <thread>

using namespace horizons::test::e2e;
namespace fs = std::filesystem;

TEST_CASE("shell: start, open the File menu, quit with Ctrl+Q") {
    App app;
    REQUIRE(app.start({"--size", "1280x800"}));
    const auto file = app.waitForItem("menu:file");
    REQUIRE_MESSAGE(file, "no File menu; app stderr:\n" << app.stderrText());
    CHECK(file->kind == "menu");
    CHECK(file->label == "File");

    REQUIRE(app.click(*file));
    const auto quit = app.waitForItem("menu:file/quit");
    REQUIRE_MESSAGE(quit, "the File menu did not open");
    CHECK(quit->label == "Quit");
    CHECK(quit->y > file->y);

    REQUIRE(app.key("Escape")); // close the menu, then quit from the keyboard
    REQUIRE(app.waitForItemGone("menu:file/quit"));
    REQUIRE(app.key("ctrl+q"));
    const auto status = app.waitForExit();
    REQUIRE_MESSAGE(status, "app did not quit on Ctrl+Q");
    CHECK_MESSAGE(*status == 0, "stderr:\n" << app.stderrText());

    // The window state went to the (temporary) config folder, nowhere else.
    CHECK(fs::exists(app.configDir() / "horizons" / "settings.ini"));
    std::ifstream in(app.configDir() / "horizons" / "settings.ini");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(text.find("window.width = 1280") != std::string::npos);
}

TEST_CASE("shell: Quit from the File menu with the mouse") {
    App app;
    REQUIRE(app.start());
    const auto file = app.waitForItem("menu:file");
    REQUIRE_MESSAGE(file, "stderr:\n" << app.stderrText());
    REQUIRE(app.click(*file));
    const auto quit = app.waitForItem("menu:file/quit");
    REQUIRE(quit);
    REQUIRE(app.click(*quit));
    const auto status = app.waitForExit();
    REQUIRE(status);
    CHECK(*status == 0);
}

TEST_CASE("shell: no frames are drawn while idle") {
    App app;
    REQUIRE(app.start());
    REQUIRE_MESSAGE(app.waitForItem("menu:file"), "stderr:\n" << app.stderrText());
    std::this_thread::sleep_for(std::chrono::seconds(1)); // initial frames settle
    const auto before = app.frameCount();
    std::this_thread::sleep_for(std::chrono::seconds(5));
    const auto after = app.frameCount();
    MESSAGE("frames drawn in 5 s of idleness: " << after - before);
    CHECK(after - before <= 10);
    REQUIRE(app.mouseMove(200, 200)); // pointer over the window, as a user's would be
    REQUIRE(app.waitForFrame(after));
    REQUIRE(app.key("ctrl+q"));
    CHECK(app.waitForExit() == std::optional<int>(0));
}

TEST_CASE("shell: --screenshot writes a PNG of the requested size") {
    App app;
    const fs::path png = app.root() / "shot.png";
    REQUIRE(app.start({"--screenshot", png.string(), "--size", "800x600", "--frames", "3"}));
    const auto status = app.waitForExit(Seconds(30));
    REQUIRE(status);
    CHECK_MESSAGE(*status == 0, "stderr:\n" << app.stderrText());
    REQUIRE(fs::exists(png));
    std::ifstream in(png, std::ios::binary);
    unsigned char h[24] = {};
    in.read(reinterpret_cast<char*>(h), sizeof h);
    CHECK(h[1] == 'P');
    CHECK(h[2] == 'N');
    CHECK(h[3] == 'G');
    const unsigned w = (h[16] << 24) | (h[17] << 16) | (h[18] << 8) | h[19];
    const unsigned hh = (h[20] << 24) | (h[21] << 16) | (h[22] << 8) | h[23];
    CHECK(w == 800);
    CHECK(hh == 600);
    // Screenshot mode never touches the user's settings.
    CHECK_FALSE(fs::exists(app.configDir() / "horizons" / "settings.ini"));
}

TEST_CASE("command line: unknown option exits 2, --help and --version exit 0") {
    const std::string bin = binaryPath().string();
    CHECK(runCommand({bin, "--bogus"}) == 2);
    std::string out;
    CHECK(runCommand({bin, "--help"}, &out) == 0);
    CHECK(out.find("--screenshot") != std::string::npos);
    out.clear();
    CHECK(runCommand({bin, "--version"}, &out) == 0);
    CHECK(out.find("horizons") != std::string::npos);
    CHECK(runCommand({bin, "--size", "huge", "--screenshot", "x.png"}) == 2);
}

TEST_CASE("shell: the map maximised stays maximised after a restart") {
    App app;
    REQUIRE(app.start());
    REQUIRE(app.waitForFrame(2)); // the first frames settle the layout
    const auto maximise = app.waitForItem("button:map-maximise");
    REQUIRE_MESSAGE(maximise, "stderr:\n" << app.stderrText());
    REQUIRE(app.click(*maximise));
    REQUIRE(app.waitForItemGone("panel:board"));
    REQUIRE(app.key("ctrl+q"));
    REQUIRE(app.waitForExit() == 0);

    REQUIRE(app.start());
    REQUIRE(app.waitForItem("panel:map"));
    auto frame = app.waitForFrame(app.frameCount());
    REQUIRE(frame);
    CHECK(frame->find("panel:board") == nullptr);
    REQUIRE(app.key("ctrl+q"));
    CHECK(app.waitForExit() == 0);
}

TEST_CASE("file dialogs: a missing file is an error, a relative name lands next to the board") {
    App app;
    const fs::path board = app.root() / "boards" / "plan.horizons.json";
    fs::create_directories(board.parent_path());
    fs::copy_file(fs::path(HORIZONS_ASSET_DIR) / "starter.horizons.json", board);
    REQUIRE(app.start({board.string()}));
    REQUIRE(app.waitForFrame(2));
    const auto file = app.waitForItem("status:file");
    REQUIRE(file);
    app.mouseMove(file->cx(), file->cy() - 300);

    REQUIRE(app.key("ctrl+o"));
    REQUIRE(app.waitForItem("input:open-path"));
    REQUIRE(app.type("missing.horizons.json"));
    REQUIRE(app.key("Return"));
    std::optional<Item> msg;
    for (int i = 0; i < 50 && !(msg && msg->label.find("No board at") != std::string::npos); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        msg = app.waitForItem("status:message", std::chrono::seconds(1));
    }
    REQUIRE(msg);
    CHECK(msg->label.find((board.parent_path() / "missing.horizons.json").string()) !=
          std::string::npos);
    CHECK(app.waitForItem("status:file")->label == board.string()); // still the same board

    REQUIRE(app.key("ctrl+shift+s"));
    REQUIRE(app.waitForItem("input:save-as-path"));
    REQUIRE(app.key("ctrl+a"));
    REQUIRE(app.type("copy.horizons.json"));
    REQUIRE(app.key("Return"));
    for (int i = 0; i < 50 && !fs::exists(board.parent_path() / "copy.horizons.json"); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK(fs::exists(board.parent_path() / "copy.horizons.json"));
    REQUIRE(app.key("ctrl+q"));
    CHECK(app.waitForExit() == 0);
}
