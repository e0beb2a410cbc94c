// File > Export: the plan and the CSV lists go to the file the user names, made from the
// open board at that moment (the app writes them atomically).
#include "support/imgui_fixture.hpp"
#include "support/session_harness.hpp"
#include "ui/app_ui.hpp"

#include "model/document.hpp"
#include "model/edits.hpp"
#include "model/export_text.hpp"

#include <doctest/doctest.h>

using namespace horizons;
using horizons::test::ImGuiFixture;

namespace {

Board boardToExport() {
    Board b = makeEmptyBoard("Export me");
    Goal g;
    g.id = GoalId{b.nextId++};
    g.title = "Give a talk, \"in public\"";
    g.horizon = orderedHorizons(b.content)[0]->id;
    b.content.goals.put(g);
    return b;
}

struct ShellWithBoard {
    ImGuiFixture fx;
    test::SessionHarness sh{boardToExport()}; // at /boards/plan.horizons.json
    session::Session& s = sh.s;
    ui::AppUiState state;
    ShellWithBoard() {
        fx.setDraw([this] { ui::drawApp(state, s); });
        fx.step(2);
    }
    const Document& doc() const { return s.live(); }
    const std::string* exported(const std::string& path) const {
        const auto it = sh.files->files.find(path);
        return it == sh.files->files.end() ? nullptr : &it->second;
    }
    void exportVia(const char* menuId) {
        REQUIRE(fx.item("menu:file"));
        fx.clickItem("menu:file");
        fx.step(2);
        REQUIRE(fx.item("menu:file/export"));
        fx.moveMouse(fx.centre("menu:file/export").x, fx.centre("menu:file/export").y);
        fx.step(3);
        REQUIRE(fx.item(menuId));
        fx.clickItem(menuId);
        fx.step(3);
        REQUIRE(fx.item("button:export-ok"));
        fx.clickItem("button:export-ok");
        fx.step(2);
    }
};

} // namespace

TEST_CASE("File > Export > Plan as Markdown writes the plan next to the board") {
    ShellWithBoard s;
    s.exportVia("menu:file/export-md");
    const std::string* text = s.exported("/boards/plan.md");
    REQUIRE(text);
    CHECK(*text == planMarkdown(s.doc().content(), Date::today()));
    CHECK(text->find("Give a talk") != std::string::npos);
}

TEST_CASE("File > Export > Goals as CSV writes RFC 4180 text") {
    ShellWithBoard s;
    s.exportVia("menu:file/export-goals-csv");
    const std::string* text = s.exported("/boards/plan-goals.csv");
    REQUIRE(text);
    CHECK(*text == goalsCsv(s.doc().content()));
    CHECK(text->find("\"Give a talk, \"\"in public\"\"\"") != std::string::npos);
}

TEST_CASE("Edit > Board settings changes title, owner and trust threshold in one undo step") {
    ShellWithBoard s;
    REQUIRE(s.fx.item("menu:edit"));
    s.fx.clickItem("menu:edit");
    s.fx.step(2);
    REQUIRE(s.fx.item("menu:edit/board-settings"));
    s.fx.clickItem("menu:edit/board-settings");
    s.fx.step(3);
    REQUIRE(s.fx.item("input:board-title"));
    s.fx.key(ImGuiKey_A, test::Ctrl); // the title field has the keyboard when it opens
    s.fx.typeText("Plan for 2027");
    s.state.boardSettingsDraft.settings.beyondOrgTrust = 3;
    const std::size_t depth = s.doc().undoDepth();
    s.fx.clickItem("button:board-settings-ok");
    s.fx.step(2);
    CHECK(s.doc().content().meta.title == "Plan for 2027");
    CHECK(s.doc().content().meta.settings.beyondOrgTrust == 3);
    CHECK(s.doc().undoDepth() == depth + 1);
    CHECK(s.doc().undoLabel() == "Edit board settings");
    s.s.dispatch(session::Undo{});
    CHECK(s.doc().content().meta.title == "Export me");
}
