// File > Export: the plan and the CSV lists go to the file the user names, made from the
// open board at that moment (the app writes them atomically).
#include "support/imgui_fixture.hpp"
#include "ui/app_ui.hpp"

#include "model/document.hpp"
#include "model/edits.hpp"
#include "model/export_text.hpp"

#include <doctest/doctest.h>

using namespace horizons;
using horizons::test::ImGuiFixture;

namespace {

struct ShellWithBoard {
    ImGuiFixture fx;
    Document doc{makeEmptyBoard("Export me")};
    ui::AppUiState state;
    ui::DocStatus status;
    ShellWithBoard() {
        Goal g;
        g.id = doc.newId<GoalId>();
        g.title = "Give a talk, \"in public\"";
        g.horizon = orderedHorizons(doc.content())[0]->id;
        doc.apply(addGoal(doc.board(), g));
        status.path = "/tmp/career.horizons.json";
        fx.setDraw([this] { ui::drawApp(state, &doc, status); });
        fx.step(2);
    }
    const ui::Request* exportRequest() const {
        for (const auto& r : state.requests)
            if (r.kind == ui::AppRequest::ExportText) return &r;
        return nullptr;
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

TEST_CASE("File > Export > Plan as Markdown asks for a path next to the board and sends the plan") {
    ShellWithBoard s;
    s.exportVia("menu:file/export-md");
    const ui::Request* r = s.exportRequest();
    REQUIRE(r);
    CHECK(r->path == "/tmp/career.md");
    CHECK(r->text == planMarkdown(s.doc.content(), Date::today()));
    CHECK(r->text.find("Give a talk") != std::string::npos);
}

TEST_CASE("File > Export > Goals as CSV sends RFC 4180 text") {
    ShellWithBoard s;
    s.exportVia("menu:file/export-goals-csv");
    const ui::Request* r = s.exportRequest();
    REQUIRE(r);
    CHECK(r->path == "/tmp/career-goals.csv");
    CHECK(r->text == goalsCsv(s.doc.content()));
    CHECK(r->text.find("\"Give a talk, \"\"in public\"\"\"") != std::string::npos);
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
    s.state.boardSettingsDraft.title = "Plan for 2027"; // what typing into the fields does
    s.state.boardSettingsDraft.settings.beyondOrgTrust = 3;
    const std::size_t depth = s.doc.undoDepth();
    s.fx.clickItem("button:board-settings-ok");
    s.fx.step(2);
    CHECK(s.doc.content().meta.title == "Plan for 2027");
    CHECK(s.doc.content().meta.settings.beyondOrgTrust == 3);
    CHECK(s.doc.undoDepth() == depth + 1);
    CHECK(s.doc.undoLabel() == "Edit board settings");
    s.doc.undo();
    CHECK(s.doc.content().meta.title == "Export me");
}
