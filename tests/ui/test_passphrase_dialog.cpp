// The passphrase dialogs in the whole window (drawApp over a real session, files in memory):
// unlock with a wrong then the right passphrase, Escape, File > Protect with passphrase…;
// what was typed is left neither in our buffers nor in Dear ImGui's.
#include "support/imgui_fixture.hpp"
#include "support/session_harness.hpp"
#include "ui/app_ui.hpp"

#include <doctest/doctest.h>

#include <imgui_internal.h>

#include <string>
#include <string_view>

using namespace horizons;

namespace {

const std::string kLocked = "/boards/locked.horizons.json";

bool holds(const ImVector<char>& v, std::string_view s) {
    return v.Data && std::string_view(v.Data, static_cast<std::size_t>(v.Capacity)).find(s) !=
                         std::string_view::npos;
}
bool holds(const std::array<char, 256>& a, std::string_view s) {
    return std::string_view(a.data(), a.size()).find(s) != std::string_view::npos;
}

struct Window {
    test::ImGuiFixture fx;
    test::SessionHarness sh; // an untitled board first
    session::Session& s = sh.s;
    ui::AppUiState state;
    Window() {
        Board b = makeEmptyBoard("Locked plan");
        const auto key = store::BoardKey::derive("correct horse", store::kTestKdf);
        sh.files->files[kLocked] = store::seal(*key, store::serializeJson(b));
        fx.setDraw([this] { ui::drawApp(state, s); });
        fx.step(2);
    }
    // No copy of `typed` in the dialog's buffers or in Dear ImGui's text field state.
    void checkWiped(std::string_view typed) {
        const ImGuiContext& g = *fx.context();
        CHECK_FALSE(holds(state.passphrase.first, typed));
        CHECK_FALSE(holds(state.passphrase.second, typed));
        CHECK_FALSE(holds(g.InputTextState.TextA, typed));
        CHECK_FALSE(holds(g.InputTextState.TextToRevertTo, typed));
        CHECK_FALSE(holds(g.InputTextDeactivatedState.TextA, typed));
    }
};

} // namespace

TEST_CASE("passphrase dialog: a wrong passphrase says so and stays; the right one opens the "
          "board; nothing typed is left in memory") {
    Window w;
    w.s.dispatch(session::Open{kLocked});
    w.fx.step(2);
    REQUIRE(w.fx.item("input:unlock-passphrase"));
    w.fx.clickItem("input:unlock-passphrase");
    w.fx.typeText("not-the-passphrase");
    w.fx.key(ImGuiKey_Enter);
    w.fx.step(2);
    REQUIRE(w.fx.item("text:unlock-error"));
    CHECK(w.fx.item("text:unlock-error")->label.find("Wrong passphrase") != std::string::npos);
    CHECK(w.fx.item("input:unlock-passphrase")); // still asking
    CHECK(w.s.path().empty());
    w.checkWiped("not-the-passphrase");

    w.fx.typeText("correct horse");     // the field has the focus again
    w.fx.clickItem("button:unlock-ok"); // still inside the dialog below the message
    w.fx.step(2);
    CHECK_FALSE(w.fx.item("input:unlock-passphrase"));
    CHECK(w.s.path() == kLocked);
    CHECK(w.s.isProtected());
    CHECK(w.fx.item("status:protected"));
    w.checkWiped("correct horse");
}

TEST_CASE("passphrase dialog: Escape keeps the board that was open") {
    Window w;
    w.s.dispatch(session::Open{kLocked});
    w.fx.step(2);
    REQUIRE(w.fx.item("input:unlock-passphrase"));
    w.fx.clickItem("input:unlock-passphrase");
    w.fx.typeText("half typed");
    w.fx.key(ImGuiKey_Escape);
    w.fx.step(2);
    CHECK_FALSE(w.fx.item("input:unlock-passphrase"));
    CHECK_FALSE(w.s.unlockRequest());
    CHECK(w.s.path().empty());
    w.checkWiped("half typed");
}

TEST_CASE("passphrase dialog: File > Protect with passphrase… asks twice and seals the board") {
    test::ImGuiFixture fx;
    test::SessionHarness sh(makeEmptyBoard("Plain plan"));
    ui::AppUiState state;
    fx.setDraw([&] { ui::drawApp(state, sh.s); });
    fx.step(2);
    fx.clickItem("menu:file");
    fx.clickItem("menu:file/protect");
    fx.step(2);
    REQUIRE(fx.item("input:new-passphrase"));
    fx.typeText("one thing");
    fx.clickItem("input:new-passphrase-again");
    fx.typeText("another");
    fx.clickItem("button:passphrase-ok");
    fx.step(2);
    CHECK(fx.item("input:new-passphrase")); // refused: they differ
    CHECK_FALSE(sh.s.isProtected());
    CHECK_FALSE(store::isProtected(sh.files->files[test::SessionHarness::kPath]));

    fx.clickItem("input:new-passphrase");
    fx.typeText("same words");
    fx.clickItem("input:new-passphrase-again");
    fx.typeText("same words");
    fx.key(ImGuiKey_Enter);
    fx.step(2);
    CHECK_FALSE(fx.item("input:new-passphrase"));
    CHECK(sh.s.isProtected());
    CHECK(store::isProtected(sh.files->files[test::SessionHarness::kPath]));
    CHECK(fx.item("status:protected"));
    // The File menu now offers to change or remove it.
    fx.clickItem("menu:file");
    CHECK(fx.item("menu:file/change-passphrase"));
    CHECK(fx.item("menu:file/remove-protection"));
    CHECK_FALSE(fx.item("menu:file/protect"));
}

TEST_CASE("passphrase dialog: File > Open… of a protected board goes on to ask its passphrase") {
    Window w;
    w.fx.clickItem("menu:file");
    w.fx.clickItem("menu:file/open");
    w.fx.step(2);
    REQUIRE(w.fx.item("input:open-path"));
    w.fx.typeText(kLocked);
    w.fx.clickItem("button:open-ok");
    w.fx.step(3);
    REQUIRE(w.fx.item("input:unlock-passphrase"));
    CHECK_FALSE(w.fx.item("input:open-path"));
    w.fx.typeText("correct horse"); // the passphrase field has the focus
    w.fx.key(ImGuiKey_Enter);
    w.fx.step(2);
    CHECK(w.s.path() == kLocked);
}
