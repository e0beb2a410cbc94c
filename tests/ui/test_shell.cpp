// Headless tests of the UI shell (menus, shortcuts, requests, empty state, layout registry).
#include "model/edits.hpp"
#include "support/imgui_fixture.hpp"
#include "support/session_harness.hpp"
#include "ui/app_ui.hpp"
#include "ui/fonts.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace horizons;
using horizons::test::ImGuiFixture;

namespace {

// The window over an untitled empty board (files in memory).
struct Shell {
    ImGuiFixture fx;
    test::SessionHarness sh;
    session::Session& s = sh.s;
    ui::AppUiState state;
    Shell() {
        fx.setDraw([this] { ui::drawApp(state, s); });
        fx.step(2);
    }
    void addGoal(const std::string& title) {
        Goal g;
        g.id = s.newId<GoalId>();
        g.title = title;
        g.horizon = orderedHorizons(s.live().content()).front()->id;
        REQUIRE(s.apply(horizons::addGoal(s.live().board(), g)));
    }
    int writes(const std::string& path) const {
        const auto it = sh.files->writes.find(path);
        return it == sh.files->writes.end() ? 0 : it->second;
    }
};

} // namespace

TEST_CASE("fixture: real Inter font, display size, 32-bit vertex offsets") {
    ImGuiFixture fx;
    const ImGuiIO& io = fx.io();
    CHECK(io.DisplaySize.x == 1600);
    CHECK((io.BackendFlags & ImGuiBackendFlags_RendererHasVtxOffset) != 0);
    REQUIRE(ui::fonts().regular != nullptr);
    CHECK(ui::fonts().regular->LegacySize == doctest::Approx(ui::kBaseFontPx));
    CHECK(std::string(ui::fonts().regular->GetDebugName()).find("Inter") != std::string::npos);
}

TEST_CASE("fonts: names in Latin, Greek, Cyrillic, Chinese, Japanese and Korean have real glyphs") {
    ImGuiFixture fx; // the fonts the app loads: Inter merged with the system's fonts
    const char* names[] = {
        "Zo\u00eb \u00c6r\u00f8sk\u00f8bing",                          // Zoë Ærøskøbing
        "Ji\u0159\u00ed \u0141ukasz M\u00fcller \u2014 Fran\u00e7ois", // Jiří Łukasz Müller —
                                                                       // François
        "\u03a3\u03bf\u03c6\u03af\u03b1",                              // Σοφία
        "\u041e\u043b\u044c\u0433\u0430",                              // Ольга
        "\u5f20\u4f1f",                                                // 张伟
        "\u7530\u4e2d\u3055\u304f\u3089",                              // 田中さくら
        "\uae40\ubbfc\uc900",                                          // 김민준
    };
    for (ImFont* f : {ui::fonts().regular, ui::fonts().semibold, ui::fonts().large}) {
        REQUIRE(f != nullptr);
        for (const char* n : names)
            CHECK_MESSAGE(ui::hasGlyphs(f, n), f->GetDebugName() << ": " << n);
    }
    // And a character no font has is reported, rather than drawn as a box unnoticed.
    CHECK_FALSE(ui::hasGlyphs(ui::fonts().regular, "\U0010FFFD"));
}

TEST_CASE("shell: menu bar, status bar, empty state are laid out") {
    Shell s;
    for (const char* id : {"menu:file", "menu:edit", "menu:view", "menu:help", "status:saved",
                           "status:title", "panel:board", "panel:map", "button:empty-open"})
        CHECK_MESSAGE(s.fx.item(id) != nullptr, id);
    const auto* file = s.fx.item("menu:file");
    const auto* edit = s.fx.item("menu:edit");
    REQUIRE(file);
    REQUIRE(edit);
    CHECK(file->y == 0);
    CHECK(edit->x > file->x + file->w - 1);
    const auto* saved = s.fx.item("status:saved");
    REQUIRE(saved);
    CHECK(saved->y > 900); // bottom of a 1000 px window
    CHECK(saved->label == "Not saved yet");
    REQUIRE(s.s.dispatch(session::SaveAs{"/tmp/plan.horizons"}));
    s.fx.step();
    REQUIRE(s.fx.item("status:saved"));
    CHECK(s.fx.item("status:saved")->label.rfind("Saved", 0) == 0);
    REQUIRE(s.fx.item("status:file"));
    CHECK(s.fx.item("status:file")->label == "/tmp/plan.horizons");
}

TEST_CASE("shell: status bar says unsaved") {
    Shell s;
    s.addGoal("unsaved");
    s.fx.step();
    REQUIRE(s.fx.item("status:saved"));
    CHECK(s.fx.item("status:saved")->label == "Unsaved changes");
}

TEST_CASE("shell: File > Quit and Ctrl+Q quit, keeping an untitled board's work") {
    Shell s;
    s.fx.clickItem("menu:file"); // Escape closes an open menu
    REQUIRE(s.fx.item("menu:file/quit"));
    s.fx.key(ImGuiKey_Escape);
    s.fx.step();
    CHECK_FALSE(s.fx.item("menu:file/quit"));

    s.fx.clickItem("menu:file");
    REQUIRE(s.fx.item("menu:file/quit"));
    s.fx.clickItem("menu:file/quit");
    CHECK(s.s.quitApproved());
    s.fx.step();
    CHECK_FALSE(s.fx.item("menu:file/quit")); // menu closed

    Shell t;
    t.addGoal("typed before quitting");
    t.fx.key(ImGuiKey_Q, test::Ctrl);
    CHECK(t.s.quitApproved());
    REQUIRE(t.s.recent().size() == 1); // kept as an untitled board in the data folder
    CHECK(t.s.recent().front().rfind("/data/Untitled board ", 0) == 0);
}

TEST_CASE("shell: Ctrl+S saves, or asks for a path when the board was never saved") {
    Shell s;
    s.fx.key(ImGuiKey_S, test::Ctrl); // untitled: asks for a name
    s.fx.step(2);
    REQUIRE(s.fx.item("input:save-as-path"));
    s.fx.typeText("/tmp/new.horizons");
    s.fx.clickItem("button:save-as-ok");
    CHECK(s.s.path() == "/tmp/new.horizons");
    CHECK(s.writes("/tmp/new.horizons") == 1);

    s.addGoal("more");
    s.fx.step(2);
    s.fx.key(ImGuiKey_S, test::Ctrl);
    CHECK(s.writes("/tmp/new.horizons") == 2);
    CHECK_FALSE(s.s.unsaved());
}

TEST_CASE("shell: Ctrl+Z and Ctrl+Y undo and redo the board") {
    Shell s;
    s.fx.key(ImGuiKey_Z, test::Ctrl); // nothing to undo: nothing happens
    CHECK_FALSE(s.s.live().canRedo());
    s.addGoal("undo me");
    s.fx.key(ImGuiKey_Z, test::Ctrl);
    CHECK(s.s.live().content().goals.empty());
    s.fx.key(ImGuiKey_Y, test::Ctrl);
    CHECK(s.s.live().content().goals.size() == 1);
}

TEST_CASE("shell: View menu toggles panels and theme") {
    Shell s;
    CHECK_FALSE(s.fx.item("panel:history"));
    s.fx.clickItem("menu:view");
    s.fx.clickItem("menu:view/history");
    s.fx.step();
    CHECK(s.state.panels.history);
    CHECK(s.fx.item("panel:history"));

    s.fx.clickItem("menu:view");
    s.fx.clickItem("menu:view/theme-light");
    CHECK(s.state.theme == ui::Theme::Light);
}

TEST_CASE("layout registry: JSON line format") {
    ui::LayoutRegistry r;
    r.add("goal:7", "card", "Say \"hi\"\n", ImVec2(10, 20), ImVec2(110, 70.5f));
    CHECK(r.toJsonLine(3, 1.25) ==
          "{\"frame\":3,\"t\":1.250,\"items\":[{\"id\":\"goal:7\",\"kind\":\"card\","
          "\"label\":\"Say \\\"hi\\\"\\n\",\"x\":10,\"y\":20,\"w\":100,\"h\":50.5}]}");
    ui::LayoutRegistry empty;
    CHECK(empty.toJsonLine(1, 0) == "{\"frame\":1,\"t\":0.000,\"items\":[]}");
}

TEST_CASE("shell: a refused quit says why in full, inside a 1024x640 window") {
    ImGuiFixture fx(ImVec2(1024, 640));
    test::SessionHarness sh(makeEmptyBoard("Plan"));
    ui::AppUiState state;
    fx.setDraw([&] { ui::drawApp(state, sh.s); });
    sh.files->failWrites[test::SessionHarness::kPath] = "Permission denied";
    sh.files->failRecovery = true; // and the recovery copy cannot keep the work either
    Goal g;
    g.id = sh.s.newId<GoalId>();
    g.title = "typed before quitting";
    g.horizon = orderedHorizons(sh.s.live().content()).front()->id;
    REQUIRE(sh.s.apply(horizons::addGoal(sh.s.live().board(), g)));
    fx.step(2);
    fx.key(ImGuiKey_Q, test::Ctrl);
    fx.step(2);
    CHECK_FALSE(sh.s.quitApproved());
    const auto* msg = fx.item("status:message");
    REQUIRE(msg);
    CHECK(msg->label.find("Quit again") != std::string::npos);
    CHECK(msg->x >= 0);
    CHECK(msg->x + msg->w <= 1024);
    CHECK(msg->y + msg->h <= 640);
    const auto* board = fx.item("panel:board");
    REQUIRE(board);
    CHECK(board->y + board->h <= msg->y); // the panels make room for it
}
