// The views' chrome (toolbars, buttons, banner, legend) in the whole window, headless: a
// picture holds the board or the map alone; at small windows with every panel open nothing is
// cut off. Drawn on the starter board (assets/starter.horizons.json) through a real session.
#include "model/edits.hpp"
#include "store/board_file.hpp"
#include "support/imgui_fixture.hpp"
#include "support/session_harness.hpp"
#include "ui/app_ui.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using namespace horizons;
using horizons::test::ImGuiFixture;

namespace {

Board starterBoard() {
    std::ifstream in(std::string(HORIZONS_ASSET_DIR) + "/starter.horizons.json");
    std::stringstream ss;
    ss << in.rdbuf();
    store::LoadResult r = store::loadBoardFromBytes(ss.str(), "starter");
    REQUIRE_MESSAGE(r, r.error);
    return *r.board;
}

// The window over the starter board at `size`.
struct Window {
    ImGuiFixture fx;
    test::SessionHarness sh;
    ui::AppUiState state;
    explicit Window(ImVec2 size) : fx(size), sh(starterBoard()) {
        fx.setDraw([this] { ui::drawApp(state, sh.s); });
    }
};

bool inside(const ui::LayoutItem& a, const ui::LayoutItem& outer, float slack = 0.5f) {
    return a.x >= outer.x - slack && a.y >= outer.y - slack &&
           a.x + a.w <= outer.x + outer.w + slack && a.y + a.h <= outer.y + outer.h + slack;
}

} // namespace

TEST_CASE("picture: the board or the map alone fills the picture, with no toolbar or button") {
    for (const bool map : {false, true}) {
        CAPTURE(map);
        Window w(ImVec2(1600, 1000));
        w.state.chromeless = true; // what `--only board|map` sets (src/app)
        w.state.panels = {};
        w.state.panels.board = !map;
        w.state.panels.networkMap = map;
        w.state.panels.inspector = w.state.panels.coach = false;
        w.fx.step(3);
        const ui::LayoutItem* pane = w.fx.item(map ? "panel:map" : "panel:board");
        REQUIRE(pane);
        CHECK(pane->w >= 1600 - 24);
        CHECK(pane->h >= 1000 - 24);
        int people = 0, cards = 0;
        for (const ui::LayoutItem& it : w.fx.layout().items()) {
            CHECK_MESSAGE(it.kind != "button", it.id);
            CHECK_MESSAGE(it.kind != "input", it.id);
            CHECK_MESSAGE(it.kind != "menu", it.id);
            people += it.kind == "person";
            cards += it.kind == "card";
        }
        CHECK((map ? people : cards) > 0);
        // The canvas starts right at the top: no toolbar row above it.
        const ui::LayoutItem* canvas = w.fx.item(map ? "panel:map-canvas" : "panel:board-canvas");
        REQUIRE(canvas);
        CHECK(canvas->y <= pane->y + 12);
    }
}

namespace {

// Every panel of the View menu open (board and map split), a snapshot shown read-only (its
// banner over the board) and the board's filter bar open.
void openEverything(Window& w) {
    ui::PanelState& p = w.state.panels;
    p.board = p.networkMap = p.inspector = p.coach = p.history = p.prep = true;
    session::Session& s = w.sh.s;
    const SnapshotId id = s.newId<SnapshotId>();
    REQUIRE(s.apply(takeSnapshot(s.live().board(), id, "Before the reorganisation of the team", "",
                                 Timestamp{1764770000})));
    s.dispatch(session::ViewSnapshot{id});
    w.state.board.filterOpen = true;
    w.fx.step(4);
}

// The panel ("panel:<name>") whose rectangle holds the item's top-left corner, the smallest.
const ui::LayoutItem* panelOf(const ui::LayoutRegistry& layout, const ui::LayoutItem& it) {
    const ui::LayoutItem* best = nullptr;
    for (const ui::LayoutItem& p : layout.items()) {
        if (p.kind != "panel" || p.id.rfind("panel:", 0) != 0) continue;
        if (it.x + 1 < p.x || it.y + 1 < p.y || it.x + 1 > p.x + p.w || it.y + 1 > p.y + p.h)
            continue;
        if (!best || p.w * p.h < best->w * best->h) best = &p;
    }
    return best;
}

} // namespace

TEST_CASE("no clipping: with every panel open, each toolbar button lies inside its panel") {
    for (const ImVec2 size : {ImVec2(1024, 640), ImVec2(1280, 720)}) {
        CAPTURE(size.x);
        Window w(size);
        openEverything(w);
        const ui::LayoutRegistry& layout = w.fx.layout();
        REQUIRE(w.fx.item("banner:snapshot"));
        int checked = 0;
        for (const ui::LayoutItem& it : layout.items()) {
            if (it.kind != "button" && it.kind != "input" && it.kind != "banner" &&
                it.id != "banner:snapshot-text")
                continue;
            const ui::LayoutItem* p = panelOf(layout, it);
            if (!p) continue; // the menu bar, the status bar
            // A scrolling panel (inspector, prep, history) may hide rows below its bottom edge:
            // sideways nothing may stick out; the toolbars of the board and map fit whole.
            const bool toolbar = p->id == "panel:board" || p->id == "panel:map";
            CHECK_MESSAGE(it.x >= p->x - 0.5f, it.id << " in " << p->id);
            CHECK_MESSAGE(it.x + it.w <= p->x + p->w + 0.5f, it.id << " in " << p->id);
            if (toolbar) CHECK_MESSAGE(inside(it, *p), it.id << " in " << p->id);
            ++checked;
        }
        CHECK(checked > 8);
        // The banner's words wrap inside it.
        const ui::LayoutItem* banner = w.fx.item("banner:snapshot");
        const ui::LayoutItem* text = w.fx.item("banner:snapshot-text");
        REQUIRE(text);
        CHECK(inside(*text, *banner));
        CHECK(inside(*w.fx.item("button:snapshot-back"), *banner));
    }
}

TEST_CASE("map legend: never over a person's name; moved or collapsed to a Legend button") {
    for (const bool maximised : {false, true}) {
        CAPTURE(maximised);
        Window w(ImVec2(1024, 640));
        w.state.panels.board = !maximised; // the map alone, or beside the board
        w.fx.step(4);
        const ui::LayoutRegistry& layout = w.fx.layout();
        const ui::LayoutItem* legend = w.fx.item("map:legend");
        CHECK((legend != nullptr) != (w.fx.item("button:map-legend-collapsed") != nullptr));
        int names = 0;
        for (const ui::LayoutItem& it : layout.items()) {
            if (it.kind != "label" && it.kind != "person") continue;
            names += it.kind == "label";
            if (!legend) continue;
            const bool overlaps = it.x < legend->x + legend->w && legend->x < it.x + it.w &&
                                  it.y < legend->y + legend->h && legend->y < it.y + it.h;
            CHECK_MESSAGE(!overlaps, it.id << " " << it.label);
        }
        CHECK(names >= 4); // the starter board's people are named
    }
}
