// board_view.cpp — the direction-versus-destination board.
//
// Index
//   helpers ........... em, colours, text (wrapped/ellipsed, vertical), dashed lines, arrows
//   caches ............ layout + coach hints + link counts, rebuilt when the document changes
//   input ............. mouse gesture (click / drag cards / rubber band / header), keyboard
//   drawing ........... background + axis, columns, cards, ghosts, serves arrows, overlays
//   popups ............ context menus, rename fields, remove-horizon dialog, filter bar
//   drawBoardView() ... the frame
#include "ui/board_view.hpp"
#include "ui/widgets.hpp"

#include "model/edits.hpp"
#include "model/text.hpp"
#include "ui/fonts.hpp"
#include "ui/layout_registry.hpp"
#include "ui/theme.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <string>

namespace horizons::ui {

// ------------------------------------------------------------------------------- helpers
namespace {

constexpr ZoomLimits kZoomLimits{0.04f, 4.0f};
constexpr ZoomLimits kFitLimits{0.04f, 1.0f}; // fitting never magnifies a small board
constexpr float kSimpleBelowPx = 7.0f;        // cards drawn as plain blocks below this em

ImU32 mix(ImU32 a, ImU32 b, float t) {
    const ImVec4 x = ImGui::ColorConvertU32ToFloat4(a), y = ImGui::ColorConvertU32ToFloat4(b);
    return ImGui::ColorConvertFloat4ToU32(ImVec4(x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t,
                                                 x.z + (y.z - x.z) * t, x.w + (y.w - x.w) * t));
}

ImU32 rgb(std::uint32_t rrggbb) {
    return IM_COL32((rrggbb >> 16) & 0xFF, (rrggbb >> 8) & 0xFF, rrggbb & 0xFF, 255);
}

ImU32 statusColour(GoalStatus s, const Palette& pal) {
    switch (s) {
    case GoalStatus::Idea: return pal.textMuted;
    case GoalStatus::Active: return pal.accent;
    case GoalStatus::Done: return pal.success;
    case GoalStatus::Dropped: return pal.textMuted;
    }
    return pal.textMuted;
}

ImFont* titleFont() { return fonts().semibold ? fonts().semibold : ImGui::GetFont(); }
ImFont* bodyFont() { return fonts().regular ? fonts().regular : ImGui::GetFont(); }

float textWidth(ImFont* f, float size, const char* b, const char* e) {
    return f->CalcTextSizeA(size, FLT_MAX, 0.0f, b, e).x;
}

const char* prevUtf8(const char* begin, const char* p) {
    if (p <= begin) return begin;
    --p;
    while (p > begin && (static_cast<unsigned char>(*p) & 0xC0) == 0x80)
        --p;
    return p;
}

const char* nextUtf8(const char* p, const char* end) {
    if (p >= end) return end;
    ++p;
    while (p < end && (static_cast<unsigned char>(*p) & 0xC0) == 0x80)
        ++p;
    return p;
}

// One line, cut with an ellipsis to fit `width`.
void textEllipsed(ImDrawList* dl, ImFont* f, float size, ImVec2 pos, ImU32 col, const char* b,
                  const char* e, float width) {
    if (textWidth(f, size, b, e) <= width) {
        dl->AddText(f, size, pos, col, b, e);
        return;
    }
    static const char* kEllipsis = "\xE2\x80\xA6"; // …
    const float ew = textWidth(f, size, kEllipsis, nullptr);
    const char* cut = e;
    while (cut > b && textWidth(f, size, b, cut) + ew > width)
        cut = prevUtf8(b, cut);
    while (cut > b && (cut[-1] == ' '))
        --cut;
    dl->AddText(f, size, pos, col, b, cut);
    dl->AddText(f, size, ImVec2(pos.x + textWidth(f, size, b, cut), pos.y), col, kEllipsis);
}

// Word-wrapped text in at most `maxLines` lines; the last one ellipsed. Returns lines used.
int textWrapped(ImDrawList* dl, ImFont* f, float size, ImVec2 pos, ImU32 col,
                const std::string& text, float width, int maxLines) {
    const char* s = text.data();
    const char* end = s + std::min<std::size_t>(text.size(), 400);
    int line = 0;
    while (s < end && line < maxLines) {
        while (s < end && (*s == ' ' || *s == '\n' || *s == '\r' || *s == '\t'))
            ++s;
        if (s >= end) break;
        const char* lineEnd = f->CalcWordWrapPosition(size, s, end, width);
        if (lineEnd <= s) lineEnd = nextUtf8(s, end);
        const ImVec2 p(pos.x, pos.y + static_cast<float>(line) * size * 1.15f);
        if (line == maxLines - 1 && lineEnd < end) {
            const char* nl = std::find(s, end, '\n');
            textEllipsed(dl, f, size, p, col, s, nl, width);
        } else {
            const char* e = lineEnd;
            while (e > s && (e[-1] == ' ' || e[-1] == '\n'))
                --e;
            dl->AddText(f, size, p, col, s, e);
        }
        s = lineEnd;
        ++line;
    }
    return line;
}

// Text reading bottom to top, its baseline start at `bottomLeft` (ImGui 1.86 has no rotated
// text: draw it flat, then turn the new vertices by -90 degrees).
void textVertical(ImDrawList* dl, ImFont* f, float size, ImVec2 bottomLeft, ImU32 col,
                  const char* text) {
    const int first = dl->VtxBuffer.Size;
    // Drawn flat with its top-left at the pivot, so it lies inside the clip rect as long as
    // the rotated version does (glyphs outside the clip rect are dropped at this point).
    const ImVec2 pivot = bottomLeft;
    dl->AddText(f, size, pivot, col, text);
    for (int i = first; i < dl->VtxBuffer.Size; ++i) {
        ImDrawVert& v = dl->VtxBuffer[i];
        const float dx = v.pos.x - pivot.x, dy = v.pos.y - pivot.y;
        v.pos = ImVec2(pivot.x + dy, pivot.y - dx);
    }
}

void dashedLine(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float thickness, float dash) {
    const float dx = b.x - a.x, dy = b.y - a.y;
    const float len = std::sqrt(dx * dx + dy * dy);
    if (len < 1.0f || dash <= 0.5f) return;
    const int n = std::min(400, static_cast<int>(len / dash));
    for (int i = 0; i < n; i += 2) {
        const float t0 = static_cast<float>(i) / static_cast<float>(n);
        const float t1 = static_cast<float>(i + 1) / static_cast<float>(n);
        dl->AddLine(ImVec2(a.x + dx * t0, a.y + dy * t0), ImVec2(a.x + dx * t1, a.y + dy * t1), col,
                    thickness);
    }
}

void dashedRect(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float thickness, float dash) {
    dashedLine(dl, a, ImVec2(b.x, a.y), col, thickness, dash);
    dashedLine(dl, ImVec2(b.x, a.y), b, col, thickness, dash);
    dashedLine(dl, b, ImVec2(a.x, b.y), col, thickness, dash);
    dashedLine(dl, ImVec2(a.x, b.y), a, col, thickness, dash);
}

void arrow(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float thickness, float head,
           bool curved) {
    const float dx = b.x - a.x, dy = b.y - a.y;
    const float len = std::sqrt(dx * dx + dy * dy);
    if (len < 2.0f) return;
    ImVec2 dir(dx / len, dy / len);
    if (curved) {
        const ImVec2 c1(a.x + dx * 0.5f, a.y), c2(a.x + dx * 0.5f, b.y);
        dl->AddBezierCubic(a, c1, c2, b, col, thickness);
        if (std::fabs(dx) > 1.0f) dir = ImVec2(dx > 0 ? 1.0f : -1.0f, 0.0f);
    } else {
        dl->AddLine(a, b, col, thickness);
    }
    const ImVec2 n(-dir.y, dir.x);
    dl->AddTriangleFilled(
        b, ImVec2(b.x - dir.x * head + n.x * head * 0.5f, b.y - dir.y * head + n.y * head * 0.5f),
        ImVec2(b.x - dir.x * head - n.x * head * 0.5f, b.y - dir.y * head - n.y * head * 0.5f),
        col);
}

bool registryOn() { return currentLayoutRegistry() != nullptr; }

std::string goalItemId(GoalId g) { return "goal:" + std::to_string(g.value); }
std::string horizonItemId(HorizonId h) { return "horizon:" + std::to_string(h.value); }

std::uint64_t gestureKey(const void* state, std::uint64_t n) {
    return (reinterpret_cast<std::uintptr_t>(state) * 1315423911ull) ^ (n * 2654435761ull) ^
           0xB0A2Dull;
}

// -------------------------------------------------------------------------------- caches

void refreshCaches(const ViewContext& ctx, BoardViewState& st) {
    const float e = em();
    const Document& doc = ctx.doc;
    // The level of detail follows the zoom in quarter-octave steps (chips stay readable).
    BoardLayoutParams p = BoardLayoutParams::sized(e, st.columnWidthEm, st.bandHeightEm);
    p.zoom = st.naiveDrawForBenchmark ? 1.0f : quantiseZoom(st.nav.xf.zoom);
    const bool same = st.layoutGeneration == ctx.generation() && st.layoutEm == e &&
                      !st.layout.columns.empty() && st.layout.params == p;
    if (same && st.hintsGeneration == ctx.derived.version()) return;
    const BoardContent& c = doc.content();
    if (!same) {
        st.layout = computeBoardLayout(c, p);
        st.linkCount.clear();
        for (const GoalLink& l : c.links)
            ++st.linkCount[l.goal];
    }
    const std::vector<Hint>& hints = ctx.derived.hints(); // computed once for all views
    st.goalHints.clear();
    for (std::size_t i = 0; i < hints.size(); ++i)
        if (hints[i].goal) st.goalHints[hints[i].goal].push_back(i);
    st.layoutGeneration = ctx.generation();
    st.layoutEm = e;
    st.hintsGeneration = ctx.derived.version();
    std::size_t matches = 0;
    for (const Goal& g : c.goals)
        matches += goalMatches(g, st.filter) ? 1 : 0;
    st.matchCount = matches;
}

std::size_t countMatches(const BoardContent& c, const BoardFilter& f) {
    std::size_t n = 0;
    for (const Goal& g : c.goals)
        n += goalMatches(g, f) ? 1 : 0;
    return n;
}

bool isReadOnly(const ViewContext& ctx) { return ctx.shared.readOnly; }

// The column header's screen rectangle: sticky at the top of the canvas while its column is
// scrolled past.
Rectf headerScreenRect(const BoardViewState& st, const ColumnBox& col) {
    const CanvasTransform& xf = st.nav.xf;
    Rectf r = xf.toScreenRect(col.header);
    const Rectf colS = xf.toScreenRect(col.rect);
    const float h = r.height();
    const float top = std::clamp(r.min.y, st.canvasRect.min.y, std::max(r.min.y, colS.max.y - h));
    r.min.y = top;
    r.max.y = top + h;
    return r;
}

int headerAt(const BoardViewState& st, Vec2f screen) {
    for (std::size_t i = 0; i < st.layout.columns.size(); ++i)
        if (headerScreenRect(st, st.layout.columns[i]).contains(screen)) return static_cast<int>(i);
    return -1;
}

} // namespace

// -------------------------------------------------------------------------- pure helper

std::vector<GoalPlacement> dragPlacements(const BoardLayout& layout, const BoardContent& c,
                                          std::span<const GoalId> goals, Vec2f worldDelta) {
    std::vector<GoalPlacement> out;
    out.reserve(goals.size());
    const BoardLayoutParams& p = layout.params;
    const double travel = p.bandHeight - p.cardHeight;
    const double by = travel > 0 ? worldDelta.y / travel : 0.0;
    // Per target column, the goals that stay, made once: a drag of many cards costs
    // O(n + k log n), not k column scans.
    std::vector<std::vector<SortedGoal>> stay(layout.columns.size());
    std::vector<bool> built(layout.columns.size(), false);
    for (GoalId g : goals) {
        const CardBox* k = layout.find(g);
        const Goal* goal = c.goals.find(g);
        if (!k || !goal) continue;
        const int col = layout.columnNearestX(k->rect.center().x + worldDelta.x);
        if (col < 0) continue;
        // No vertical movement keeps the stored value exactly; else it moves by the drag.
        const double spec =
            worldDelta.y == 0 ? goal->specificity : std::clamp(goal->specificity + by, 0.0, 1.0);
        const auto ci = static_cast<std::size_t>(col);
        if (!built[ci]) {
            built[ci] = true;
            const ColumnBox& box = layout.columns[ci];
            for (std::size_t i = box.sortedFirst; i < box.sortedFirst + box.goals; ++i)
                if (!std::binary_search(goals.begin(), goals.end(), layout.sorted[i].goal))
                    stay[ci].push_back(layout.sorted[i]);
        }
        out.push_back(
            GoalPlacement{g, layout.columns[ci].horizon, spec, orderAmongSorted(stay[ci], spec)});
    }
    // Cards landing in the same column at the same specificity keep their order among
    // themselves: equal orders are nudged apart in their original order.
    std::vector<std::pair<double, std::size_t>> key(out.size());
    for (std::size_t i = 0; i < out.size(); ++i)
        key[i] = {c.goals.find(out[i].goal)->order, i};
    std::vector<GoalPlacement> sorted;
    sorted.reserve(out.size());
    std::sort(key.begin(), key.end());
    for (const auto& k : key)
        sorted.push_back(out[k.second]);
    std::stable_sort(
        sorted.begin(), sorted.end(), [](const GoalPlacement& a, const GoalPlacement& b) {
            return a.horizon != b.horizon ? a.horizon < b.horizon : a.specificity < b.specificity;
        });
    for (std::size_t i = 1; i < sorted.size(); ++i)
        if (sorted[i].horizon == sorted[i - 1].horizon &&
            sorted[i].specificity == sorted[i - 1].specificity &&
            sorted[i].order <= sorted[i - 1].order)
            sorted[i].order = sorted[i - 1].order + 1e-6;
    out = std::move(sorted);
    return out;
}

namespace {

// --------------------------------------------------------------------------------- input

struct Frame {
    ViewContext& ctx;
    BoardViewState& st;
    const Palette& pal;
    ImDrawList* dl;
    bool readOnly;
    bool hovered; // the canvas item is hovered (no popup or other window in the way)
    Vec2f mouse;  // screen
    Vec2f mouseWorld;
    float e; // em in pixels
};

void applyEdit(Frame& f, Edit edit, std::uint64_t key = 0) {
    if (f.readOnly || edit.empty()) return;
    f.ctx.dispatch.apply(std::move(edit), key);
}

void startRename(Frame& f, GoalId g, bool isNew, std::uint64_t key) {
    const Goal* goal = f.ctx.doc.content().goals.find(g);
    if (!goal || f.readOnly) return;
    f.st.renaming = g;
    f.st.renameBuffer = goal->title;
    f.st.renameFocus = true;
    f.st.renameIsNew = isNew;
    f.st.renameKey = key;
}

GoalId createGoalAt(Frame& f, Vec2f world) {
    if (f.readOnly) return {};
    const BoardLayout& L = f.st.layout;
    const BoardLayoutParams& p = L.params;
    const Vec2f topLeft{world.x - p.cardWidth * 0.5f, world.y - p.cardHeight * 0.5f};
    const DropPlacement d = dropPlacement(L, f.ctx.doc.content(), topLeft);
    if (d.column < 0) return {};
    Goal g;
    g.id = f.ctx.dispatch.newId<GoalId>();
    g.title = "New goal";
    g.horizon = d.horizon;
    g.specificity = d.specificity;
    g.order = d.order;
    static std::uint64_t counter = 0;
    const std::uint64_t key = gestureKey(&f.st, ++counter + 0x10000);
    f.ctx.dispatch.apply(addGoal(f.ctx.doc.board(), g), key);
    f.ctx.shared.selection.selectOnly(g.id);
    f.st.cursor = g.id;
    startRename(f, g.id, true, key);
    return g.id;
}

// Insert / N: a new goal in the keyboard cursor's column (the first column without one),
// half way down the axis, its title in edit.
void createGoalFromKeyboard(Frame& f) {
    const BoardLayout& L = f.st.layout;
    if (L.columns.empty()) return;
    const CardBox* k = f.st.cursor ? L.find(f.st.cursor) : nullptr;
    const ColumnBox& col = L.columns[k ? static_cast<std::size_t>(k->column) : 0];
    const float y = yForSpecificity(L.params, 0.5) + L.params.cardHeight * 0.5f;
    createGoalAt(f, Vec2f{col.rect.center().x, y});
}

void deleteSelected(Frame& f) {
    auto ids = f.ctx.shared.selection.goals;
    if (ids.empty() || f.readOnly) return;
    applyEdit(f, deleteGoals(f.ctx.doc.board(), ids));
    for (GoalId g : ids)
        f.ctx.shared.selection.drop(g);
}

void moveSelectionToColumn(Frame& f, int dir) {
    const BoardLayout& L = f.st.layout;
    std::vector<GoalPlacement> moves;
    for (GoalId g : f.ctx.shared.selection.goals) {
        const CardBox* k = L.find(g);
        const Goal* goal = f.ctx.doc.content().goals.find(g);
        if (!k || !goal) continue;
        const int to = k->column + dir;
        if (to < 0 || to >= static_cast<int>(L.columns.size())) return; // keep the group intact
        const ColumnBox& col = L.columns[static_cast<std::size_t>(to)];
        moves.push_back({g, col.horizon, goal->specificity,
                         orderAmong(L, to, goal->specificity, f.ctx.shared.selection.goals)});
    }
    if (!moves.empty()) applyEdit(f, moveGoals(f.ctx.doc.board(), moves));
}

void moveSelectionVertically(Frame& f, double by) {
    std::vector<GoalPlacement> moves;
    for (GoalId g : f.ctx.shared.selection.goals)
        if (const Goal* goal = f.ctx.doc.content().goals.find(g))
            moves.push_back(
                {g, goal->horizon, std::clamp(goal->specificity + by, 0.0, 1.0), goal->order});
    if (!moves.empty()) applyEdit(f, moveGoals(f.ctx.doc.board(), moves));
}

// Arrow keys: the next card up/down in the column, or the nearest card in the next column.
void moveCursor(Frame& f, int dx, int dy) {
    const BoardLayout& L = f.st.layout;
    if (L.cards.empty()) return;
    Selection& sel = f.ctx.shared.selection;
    GoalId from = f.st.cursor && sel.has(f.st.cursor) ? f.st.cursor
                  : !sel.goals.empty()                ? sel.goals.front()
                                                      : GoalId{};
    const CardBox* k = from ? L.find(from) : nullptr;
    const CardBox* to = nullptr;
    if (!k) {
        to = &L.cards.front();
    } else if (dy != 0) {
        const std::size_t i = static_cast<std::size_t>(k - L.cards.data());
        const ColumnBox& col = L.columns[static_cast<std::size_t>(k->column)];
        if (dy < 0 && i > col.first) to = &L.cards[i - 1];
        if (dy > 0 && i + 1 < col.first + col.count) to = &L.cards[i + 1];
    } else {
        for (int c = k->column + dx; c >= 0 && c < static_cast<int>(L.columns.size()); c += dx) {
            const ColumnBox& col = L.columns[static_cast<std::size_t>(c)];
            float best = FLT_MAX;
            for (std::size_t i = col.first; i < col.first + col.count; ++i) {
                const float d = std::fabs(L.cards[i].rect.min.y - k->rect.min.y);
                if (d < best) best = d, to = &L.cards[i];
            }
            if (to) break;
        }
    }
    if (!to) return;
    sel.selectOnly(to->goal);
    f.st.cursor = to->goal;
    // Keep it in view.
    const Rectf vis = visibleWorld(f.st.nav.xf, f.st.canvasRect.max - f.st.canvasRect.min);
    if (!vis.containsRect(to->rect)) {
        const Vec2f c = to->rect.center();
        const Vec2f screenCentre = f.st.canvasRect.center();
        f.st.nav.xf = panBy(f.st.nav.xf, screenCentre - f.st.nav.xf.toScreen(c));
    }
}

void publishGoalsDrag(Frame& f) {
    CrossViewDrag& d = f.ctx.shared.drag;
    d.kind = CrossViewDrag::Kind::Goals;
    d.goals = f.st.dragGoals;
    d.person = {};
    d.released = false;
    f.st.publishedDrag = true;
}

void withdrawGoalsDrag(Frame& f) {
    if (f.st.publishedDrag && f.ctx.shared.drag.kind == CrossViewDrag::Kind::Goals)
        f.ctx.shared.drag = {};
    f.st.publishedDrag = false;
}

// The world movement of a card drag. A drag that stays within 0.75 em of the press height on
// screen is sideways only: its y is exactly 0, so the stored specificity is kept.
Vec2f dragDelta(const Frame& f) {
    Vec2f d = f.mouseWorld - f.st.pressWorld;
    if (std::fabs(f.mouse.y - f.st.pressScreen.y) < 0.75f * f.e) d.y = 0;
    return d;
}

using G = BoardViewState::Gesture;

// A person the map released over a card links them (the map gave us this frame to take it).
void consumePersonDrop(Frame& f) {
    CrossViewDrag& xd = f.ctx.shared.drag;
    if (xd.kind != CrossViewDrag::Kind::Person || !xd.released) return;
    const Vec2f at{xd.releaseX, xd.releaseY};
    if (!f.st.canvasRect.contains(at)) return;
    if (const CardBox* k = f.st.layout.cardAt(f.st.nav.xf.toWorld(at)); k && !f.readOnly) {
        applyEdit(f, linkPersonToGoal(f.ctx.doc.board(), f.ctx.dispatch.newId<LinkId>(), xd.person,
                                      k->goal));
    }
    xd = {};
}

// Hit-test of a left press: the card, stack or column header under it, kept in the state
// with the modifiers and the selection the press started from.
void recordPress(Frame& f) {
    BoardViewState& st = f.st;
    const BoardLayout& L = st.layout;
    const ImGuiIO& io = ImGui::GetIO();
    const CardBox* k = L.cardAt(f.mouseWorld);
    const int header = headerAt(st, f.mouse);
    st.pressScreen = f.mouse;
    st.pressWorld = f.mouseWorld;
    const bool stack = k && header < 0 && k->kind == ItemKind::Stack;
    st.pressGoal = k && header < 0 && !stack ? k->goal : GoalId{};
    st.pressStack.clear();
    if (stack) st.pressStack.assign(L.goalsOf(*k).begin(), L.goalsOf(*k).end());
    st.pressHeader =
        header >= 0 ? L.columns[static_cast<std::size_t>(header)].horizon : HorizonId{};
    st.pressCtrl = io.KeyCtrl;
    st.pressShift = io.KeyShift;
    st.bandBase = f.ctx.shared.selection.goals;
}

// A double-click renames a card or a horizon, opens a stack by zooming in on it, or adds a
// goal on empty space. No drag starts from it.
void doubleClick(Frame& f) {
    BoardViewState& st = f.st;
    st.gesture = G::Cancelled;
    if (st.pressGoal) {
        startRename(f, st.pressGoal, false, 0);
    } else if (!st.pressStack.empty()) {
        st.nav.xf = zoomAbout(st.nav.xf, f.mouse, st.nav.xf.zoom * 2.0f, kZoomLimits);
        st.viewMoved = true;
    } else if (st.pressHeader && !f.readOnly) {
        if (const Horizon* h = f.ctx.doc.content().horizons.find(st.pressHeader)) {
            st.renamingHorizon = h->id;
            st.horizonBuffer = h->name;
            st.renameFocus = true;
        }
    } else {
        createGoalAt(f, f.mouseWorld);
    }
}

// A left press on the canvas: a double-click acts at once (and returns true: nothing more
// this frame); a press on a card selects it (Ctrl toggles, Shift adds) and waits to become
// a click or a drag.
bool startGesture(Frame& f) {
    BoardViewState& st = f.st;
    Selection& sel = f.ctx.shared.selection;
    const bool spacePan = st.nav.spaceHeld || st.nav.panButton >= 0;
    if (st.gesture != G::None || !f.hovered || spacePan ||
        !ImGui::IsMouseClicked(ImGuiMouseButton_Left))
        return false;
    recordPress(f);
    if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        doubleClick(f);
        return true;
    }
    if (st.pressGoal) {
        st.pressWasSelected = sel.has(st.pressGoal);
        if (st.pressCtrl)
            sel.toggle(st.pressGoal);
        else if (st.pressShift)
            sel.add(st.pressGoal);
        else if (!st.pressWasSelected)
            sel.selectOnly(st.pressGoal);
        st.cursor = st.pressGoal;
    }
    st.gesture = G::Pressed;
    return false;
}

// Escape cancels; past the drag threshold a press becomes a header drag, a card drag or a
// rubber band (read only: cancelled).
void promotePress(Frame& f) {
    BoardViewState& st = f.st;
    Selection& sel = f.ctx.shared.selection;
    if (st.gesture != G::Cancelled && ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
        if (st.gesture == G::RubberBand) sel.goals = st.bandBase;
        withdrawGoalsDrag(f);
        st.gesture = G::Cancelled;
    }
    if (st.gesture != G::Pressed || !ImGui::IsMouseDown(ImGuiMouseButton_Left)) return;
    const Vec2f d = f.mouse - st.pressScreen;
    const float thr = std::max(2.0f, ImGui::GetIO().MouseDragThreshold);
    if (d.x * d.x + d.y * d.y < thr * thr) return;
    if (st.pressHeader)
        st.gesture = f.readOnly ? G::Cancelled : G::DragHeader;
    else if (st.pressGoal)
        st.gesture = f.readOnly || !sel.has(st.pressGoal) ? G::Cancelled : G::DragCards;
    else
        st.gesture = G::RubberBand;
    if (st.gesture == G::DragCards) st.dragGoals = sel.goals;
    if (st.gesture == G::RubberBand && !st.pressCtrl && !st.pressShift) st.bandBase.clear();
}

// While the button is held: cards dragged out of the canvas are published for the map; the
// rubber band selects what it overlaps (added to the selection it started from).
void trackGesture(Frame& f, bool inCanvas) {
    BoardViewState& st = f.st;
    if (st.gesture == G::DragCards) {
        if (!inCanvas)
            publishGoalsDrag(f);
        else if (st.publishedDrag)
            withdrawGoalsDrag(f);
    }
    if (st.gesture == G::RubberBand) {
        const Rectf band = rectFromCorners(st.pressWorld, f.mouseWorld);
        std::vector<GoalId> hit = st.layout.cardsOverlapping(band);
        std::vector<GoalId> merged;
        std::set_union(st.bandBase.begin(), st.bandBase.end(), hit.begin(), hit.end(),
                       std::back_inserter(merged));
        f.ctx.shared.selection.goals = std::move(merged);
    }
}

// A press released without a drag: narrow the selection to the card, list a stack, or
// clear the selection on empty space.
void releaseClick(Frame& f) {
    BoardViewState& st = f.st;
    Selection& sel = f.ctx.shared.selection;
    if (st.pressGoal) {
        if (!st.pressCtrl && !st.pressShift && st.pressWasSelected) sel.selectOnly(st.pressGoal);
    } else if (!st.pressStack.empty()) {
        st.stackList = st.pressStack;
        st.openStackList = true;
    } else if (!st.pressHeader && !st.pressCtrl && !st.pressShift) {
        sel.clear();
    }
}

// Cards dropped on the board move there; dropped outside, they are left for the map.
void releaseCards(Frame& f, bool inCanvas) {
    BoardViewState& st = f.st;
    if (inCanvas) {
        auto moves = dragPlacements(st.layout, f.ctx.doc.content(), st.dragGoals, dragDelta(f));
        if (!moves.empty()) applyEdit(f, moveGoals(f.ctx.doc.board(), moves));
        withdrawGoalsDrag(f);
    } else {
        publishGoalsDrag(f);
        f.ctx.shared.drag.released = true;
        f.ctx.shared.drag.releaseX = f.mouse.x;
        f.ctx.shared.drag.releaseY = f.mouse.y;
    }
}

// The button went up: finish the gesture and forget it.
void releaseGesture(Frame& f, bool inCanvas) {
    BoardViewState& st = f.st;
    switch (st.gesture) {
    case G::Pressed: releaseClick(f); break;
    case G::DragCards: releaseCards(f, inCanvas); break;
    case G::DragHeader: {
        const int to = st.layout.columnNearestX(f.mouseWorld.x);
        if (to >= 0)
            applyEdit(
                f, moveHorizonTo(f.ctx.doc.board(), st.pressHeader, static_cast<std::size_t>(to)));
        break;
    }
    default: break;
    }
    st.gesture = G::None;
    st.dragGoals.clear();
    st.pressStack.clear();
    st.dropHorizon = {};
}

void handleMouse(Frame& f) {
    BoardViewState& st = f.st;
    const bool inCanvas = st.canvasRect.contains(f.mouse);
    // A drag we published that the map did not take: forget it.
    if (st.publishedDrag && st.gesture != G::DragCards) withdrawGoalsDrag(f);
    consumePersonDrop(f);
    if (startGesture(f) || st.gesture == G::None) return;
    promotePress(f);
    if (ImGui::IsMouseDown(ImGuiMouseButton_Left))
        trackGesture(f, inCanvas);
    else
        releaseGesture(f, inCanvas);
}

void handleKeyboard(Frame& f, bool focused) {
    BoardViewState& st = f.st;
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || st.renaming || st.renamingHorizon) return;
    const bool noneFocused = !ImGui::IsWindowFocused(ImGuiFocusedFlags_AnyWindow);
    if (!focused && !(noneFocused && f.hovered)) return;
    Selection& sel = f.ctx.shared.selection;

    if (shortcut(ImGuiKey_F)) {
        st.filterOpen = true;
        st.focusFilter = true;
    }
    if (shortcut(ImGuiKey_0)) st.fitPending = true;
    if (shortcut(ImGuiKey_A)) {
        std::vector<GoalId> all;
        for (const Goal& g : f.ctx.doc.content().goals)
            if (goalMatches(g, st.filter)) all.push_back(g.id);
        sel.goals = std::move(all); // ids come sorted from the table
    }
    if (st.gesture != BoardViewState::Gesture::None) return;
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false) && !sel.goals.empty()) sel.goals.clear();
    if (!f.readOnly && ImGui::IsKeyPressed(ImGuiKey_Delete, false)) deleteSelected(f);
    const bool plain = !io.KeyCtrl && !io.KeyAlt && !io.KeyShift && !io.KeySuper;
    if (!f.readOnly && plain &&
        (ImGui::IsKeyPressed(ImGuiKey_Insert, false) || ImGui::IsKeyPressed(ImGuiKey_N, false))) {
        createGoalFromKeyboard(f);
        return;
    }
    if (!f.readOnly && (ImGui::IsKeyPressed(ImGuiKey_F2, false) ||
                        (plain && (ImGui::IsKeyPressed(ImGuiKey_Enter, false) ||
                                   ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false))))) {
        const GoalId g = st.cursor && sel.has(st.cursor) ? st.cursor
                         : sel.goals.empty()             ? GoalId{}
                                                         : sel.goals.front();
        if (g) startRename(f, g, false, 0);
    }
    const struct {
        ImGuiKey key;
        int dx, dy;
    } arrows[] = {{ImGuiKey_LeftArrow, -1, 0},
                  {ImGuiKey_RightArrow, 1, 0},
                  {ImGuiKey_UpArrow, 0, -1},
                  {ImGuiKey_DownArrow, 0, 1}};
    for (const auto& a : arrows) {
        if (!ImGui::IsKeyPressed(a.key)) continue;
        if (io.KeyCtrl && !f.readOnly) {
            if (a.dx != 0)
                moveSelectionToColumn(f, a.dx);
            else
                moveSelectionVertically(f, 0.1 * a.dy);
        } else if (!io.KeyCtrl) {
            moveCursor(f, a.dx, a.dy);
        }
    }
}

// ------------------------------------------------------------------------------- drawing

void drawBackground(Frame& f) {
    BoardViewState& st = f.st;
    const CanvasTransform& xf = st.nav.xf;
    const BoardLayoutParams& p = st.layout.params;
    ImDrawList* dl = f.dl;
    dl->AddRectFilled(toIm(st.canvasRect.min), toIm(st.canvasRect.max), f.pal.canvasBg);

    // The specificity band: a faint tint from direction (top) to destination (bottom), and
    // the threshold where a direction becomes a destination.
    const float x0 = xf.toScreen(Vec2f{0, 0}).x;
    const float x1 = xf.toScreen(Vec2f{st.layout.bounds.max.x, 0}).x;
    const float yTop = xf.toScreen(Vec2f{0, p.bandTop}).y;
    const float yBot = xf.toScreen(Vec2f{0, p.bandTop + p.bandHeight}).y;
    const float yMid =
        xf.toScreen(Vec2f{0, yForSpecificity(p, kDestinationThreshold) + p.cardHeight * 0.5f}).y;
    const ImU32 dirTint = withAlpha(f.pal.direction, 0.07f);
    const ImU32 destTint = withAlpha(f.pal.destination, 0.07f);
    dl->AddRectFilledMultiColor(ImVec2(x0, yTop), ImVec2(x1, yMid), dirTint, dirTint,
                                withAlpha(f.pal.direction, 0.02f),
                                withAlpha(f.pal.direction, 0.02f));
    dl->AddRectFilledMultiColor(ImVec2(x0, yMid), ImVec2(x1, yBot),
                                withAlpha(f.pal.destination, 0.02f),
                                withAlpha(f.pal.destination, 0.02f), destTint, destTint);
    dashedLine(dl, ImVec2(x0, yMid), ImVec2(x1, yMid), withAlpha(f.pal.textMuted, 0.45f), 1.0f,
               std::max(3.0f, 0.4f * f.e));

    // Axis in the left gutter: an arrow from Direction down to Destination, labelled.
    const float zoomEm = f.e * xf.zoom;
    const float ax = xf.toScreen(Vec2f{p.axisGutter * 0.5f, 0}).x;
    const float thick = std::max(1.0f, 0.12f * zoomEm);
    dl->AddRectFilledMultiColor(ImVec2(ax - thick, yTop), ImVec2(ax + thick, yBot), f.pal.direction,
                                f.pal.direction, f.pal.destination, f.pal.destination);
    dl->AddTriangleFilled(ImVec2(ax - 4 * thick, yBot - 5 * thick),
                          ImVec2(ax + 4 * thick, yBot - 5 * thick), ImVec2(ax, yBot + thick),
                          f.pal.destination);
    if (zoomEm >= kSimpleBelowPx) {
        const float size = std::min(std::max(zoomEm * 0.85f, 0.8f * f.e), 1.6f * f.e);
        ImFont* font = titleFont();
        const char* top = "DIRECTION \xC2\xB7 open-ended";
        const char* bottom = "DESTINATION \xC2\xB7 concrete";
        const float wTop = textWidth(font, size, top, nullptr);
        const float wBot = textWidth(font, size, bottom, nullptr);
        const float lx = ax - thick - size * 1.25f;
        if (wTop + wBot + 2 * f.e < yBot - yTop) {
            textVertical(dl, font, size, ImVec2(lx, yTop + wTop + 0.3f * zoomEm), f.pal.direction,
                         top);
            textVertical(dl, font, size, ImVec2(lx, yBot - 0.3f * zoomEm - 5 * thick),
                         f.pal.destination, bottom);
        }
    }
}

void drawColumns(Frame& f) {
    BoardViewState& st = f.st;
    const CanvasTransform& xf = st.nav.xf;
    const BoardContent& c = f.ctx.doc.content();
    ImDrawList* dl = f.dl;
    const float zoomEm = f.e * xf.zoom;
    const float rounding = 0.4f * zoomEm;
    const bool dragging = st.gesture == BoardViewState::Gesture::DragCards;
    for (const ColumnBox& col : st.layout.columns) {
        Rectf r = xf.toScreenRect(col.rect);
        r.max.y = std::max(r.max.y, st.canvasRect.max.y + 4.0f); // columns run to the bottom
        if (!r.overlaps(st.canvasRect)) continue;
        const bool target = dragging && st.dropHorizon == col.horizon;
        dl->AddRectFilled(
            toIm(r.min), toIm(r.max),
            target ? withAlpha(f.pal.accent, 0.14f) : withAlpha(f.pal.canvasGrid, 0.35f), rounding);
        if (target)
            dl->AddRect(toIm(r.min), toIm(r.max), withAlpha(f.pal.accent, 0.9f), rounding,
                        std::max(1.5f, 0.12f * zoomEm));
        if (registryOn()) {
            const Horizon* h = c.horizons.find(col.horizon);
            registerItem(horizonItemId(col.horizon), "column", h ? h->name : std::string(),
                         toIm(xf.toScreen(col.rect.min)), toIm(xf.toScreen(col.rect.max)));
        }
    }
}

void drawHeaders(Frame& f) {
    BoardViewState& st = f.st;
    const CanvasTransform& xf = st.nav.xf;
    const BoardContent& c = f.ctx.doc.content();
    ImDrawList* dl = f.dl;
    const float zoomEm = f.e * xf.zoom;
    for (const ColumnBox& col : st.layout.columns) {
        const Horizon* h = c.horizons.find(col.horizon);
        if (!h) continue;
        const Rectf r = headerScreenRect(st, col);
        if (!r.overlaps(st.canvasRect)) continue;
        const bool hot =
            st.pressHeader == col.horizon && st.gesture == BoardViewState::Gesture::DragHeader;
        dl->AddRectFilled(toIm(r.min), toIm(r.max),
                          hot ? mix(f.pal.cardBg, f.pal.accent, 0.25f) : f.pal.cardBg,
                          0.4f * zoomEm, ImDrawFlags_RoundCornersTop);
        dl->AddLine(ImVec2(r.min.x, r.max.y), ImVec2(r.max.x, r.max.y), f.pal.cardBorder,
                    std::max(1.0f, 0.08f * zoomEm));
        // The name and count stay readable when zoomed out, as long as the strip holds them.
        const float size = std::clamp(zoomEm * 1.05f, 0.8f * f.e, 2.2f * f.e);
        if (r.height() < 1.05f * size || st.renamingHorizon == h->id) continue;
        const float pad = std::max(0.7f * zoomEm, 0.3f * f.e);
        char count[32];
        std::snprintf(count, sizeof count, "%zu", col.goals);
        const float cw = textWidth(bodyFont(), size * 0.85f, count, nullptr);
        const float chipW = cw + 0.85f * size;
        const float cy = (r.min.y + r.max.y) * 0.5f;
        const ImVec2 chipMin(r.max.x - pad - chipW, cy - 0.55f * size);
        dl->AddRectFilled(chipMin, ImVec2(r.max.x - pad, cy + 0.55f * size),
                          withAlpha(f.pal.textMuted, 0.22f), 0.55f * size);
        dl->AddText(bodyFont(), size * 0.85f, ImVec2(chipMin.x + 0.42f * size, cy - 0.425f * size),
                    f.pal.text, count);
        registerItem("count:" + std::to_string(h->id.value), "label", count, chipMin,
                     ImVec2(r.max.x - pad, cy + 0.55f * size));
        textEllipsed(dl, titleFont(), size, ImVec2(r.min.x + pad, cy - 0.5f * size), f.pal.text,
                     h->name.data(), h->name.data() + h->name.size(),
                     chipMin.x - r.min.x - 1.4f * pad);
    }
}

struct CardLook {
    float alpha = 1.0f; // dimmed by the filter / dragged placeholder
    bool selected = false;
    bool hovered = false;
    bool lit = false;   // linked to the selected person, or a person-drop target
    bool ghost = false; // compare overlay
};

// A card's bottom row: status chip, target date | beyond-org marker, hints, people badge.
// Sizes of a card's bottom row at this zoom.
struct RowMetrics {
    float zoomEm = 0; // the font size on screen
    float small = 0;  // the row's text size
    float border = 0; // outline width
    float rowY = 0;   // top of the row (screen)
    float a = 1;      // the card's alpha
};

// The right side of the bottom row, from `right` leftwards: the people badge, the hints
// mark and the beyond-org mark. Returns where the room left of them ends.
float drawRowBadges(Frame& f, const Goal& g, const RowMetrics& m, float right) {
    ImDrawList* dl = f.dl;
    const Palette& pal = f.pal;
    const float small = m.small, rowY = m.rowY, a = m.a;
    const ImU32 muted = withAlpha(pal.textMuted, a);
    auto it = f.st.linkCount.find(g.id);
    const int people = it == f.st.linkCount.end() ? 0 : it->second;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%d", people);
    const float bw =
        std::max(1.1f * small, textWidth(bodyFont(), small, buf, nullptr) + 0.6f * small);
    const ImVec2 b0(right - bw, rowY - 0.1f * small), b1(right, rowY + 1.1f * small);
    const ImU32 bc = people > 0 ? pal.accent : pal.textMuted;
    if (people > 0)
        dl->AddRectFilled(b0, b1, withAlpha(bc, 0.25f * a), 0.6f * small);
    else
        dl->AddRect(b0, b1, withAlpha(bc, 0.7f * a), 0.6f * small, m.border);
    dl->AddText(
        bodyFont(), small,
        ImVec2((b0.x + b1.x) * 0.5f - textWidth(bodyFont(), small, buf, nullptr) * 0.5f, rowY),
        withAlpha(pal.text, a), buf);
    // A tiny person glyph before the count.
    const ImVec2 pc(b0.x - 0.55f * small, rowY + 0.3f * small);
    dl->AddCircleFilled(pc, 0.2f * small, muted, 8);
    dl->AddRectFilled(ImVec2(pc.x - 0.32f * small, pc.y + 0.3f * small),
                      ImVec2(pc.x + 0.32f * small, pc.y + 0.75f * small), muted, 0.2f * small,
                      ImDrawFlags_RoundCornersTop);
    right = pc.x - 0.6f * small;
    if (auto h = f.st.goalHints.find(g.id); h != f.st.goalHints.end() && !h->second.empty()) {
        const ImVec2 c(right - 0.55f * small, rowY + 0.5f * small);
        dl->AddCircleFilled(c, 0.55f * small, withAlpha(pal.warning, a), 12);
        const float w = textWidth(titleFont(), small * 0.85f, "!", nullptr);
        dl->AddText(titleFont(), small * 0.85f, ImVec2(c.x - w * 0.5f, c.y - 0.45f * small),
                    withAlpha(pal.canvasBg, a), "!");
        right = c.x - 0.55f * small - 0.4f * small;
    }
    if (g.beyondOrg) {
        const char* mark = "\xE2\x86\x97"; // ↗ beyond the current organisation
        const float w = textWidth(titleFont(), small, mark, nullptr);
        dl->AddText(titleFont(), small, ImVec2(right - w, rowY), withAlpha(pal.warning, a), mark);
        right -= w + 0.4f * small;
    }
    return right;
}

// The target date as a card shows it: in full ("Overdue · 3 Mar 2026") or short ("Mar 26").
struct DateText {
    char full[48] = {};
    char shortDate[32] = {};
    float shortW = 0;  // width of shortDate (0 without a date)
    bool late = false; // past, on a goal still being pursued
};

DateText dateText(const Frame& f, const Goal& g, float small) {
    DateText d;
    d.late = g.target && goalOverdue(g, f.ctx.today);
    if (!g.target) return d;
    static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const unsigned m = std::clamp(g.target->month(), 1u, 12u) - 1;
    std::snprintf(d.full, sizeof d.full, "%s%u %s %d", d.late ? "Overdue \xC2\xB7 " : "",
                  g.target->day(), kMonths[m], g.target->year());
    std::snprintf(d.shortDate, sizeof d.shortDate, "%s%s %02d", d.late ? "Overdue " : "",
                  kMonths[m], g.target->year() % 100);
    d.shortW = textWidth(bodyFont(), small, d.shortDate, nullptr);
    return d;
}

// The status chip at `x`, or only a dot in its colour when `compact` (the tooltip names
// it). Returns x after it.
float drawStatusChip(Frame& f, const Goal& g, const RowMetrics& m, float x, bool compact) {
    ImDrawList* dl = f.dl;
    const Palette& pal = f.pal;
    const float zoomEm = m.zoomEm, small = m.small, rowY = m.rowY, a = m.a;
    const ImU32 sc = statusColour(g.status, pal);
    if (compact) {
        dl->AddCircleFilled(ImVec2(x + 0.3f * small, rowY + 0.5f * small), 0.3f * small,
                            withAlpha(sc, a), 10);
        return x + 0.9f * small;
    }
    const std::string_view status = statusName(g.status);
    const float statusW =
        textWidth(bodyFont(), small, status.data(), status.data() + status.size()) + 1.3f * zoomEm;
    const float sw = statusW - 1.3f * zoomEm;
    const bool done = g.status == GoalStatus::Done;
    dl->AddRectFilled(ImVec2(x, rowY - 0.12f * small),
                      ImVec2(x + sw + 0.8f * zoomEm, rowY + 1.12f * small), withAlpha(sc, 0.2f * a),
                      0.6f * small);
    if (done)
        dl->AddCircleFilled(ImVec2(x + 0.35f * zoomEm, rowY + 0.5f * small), 0.18f * zoomEm,
                            withAlpha(sc, a), 8);
    dl->AddText(
        bodyFont(), small, ImVec2(x + 0.4f * zoomEm + (done ? 0.25f * zoomEm : 0.0f), rowY),
        withAlpha(g.status == GoalStatus::Idea || g.status == GoalStatus::Dropped ? pal.text : sc,
                  a),
        status.data(), status.data() + status.size());
    return x + (sw + 1.3f * zoomEm + (done ? 0.25f * zoomEm : 0.0f));
}

// The target date between `x` and `right`: in full when it fits, else short, ellipsed.
void drawRowDate(Frame& f, const RowMetrics& m, const DateText& d, float x, float right) {
    const Palette& pal = f.pal;
    const float small = m.small, rowY = m.rowY, a = m.a;
    const float room = right - x - 0.2f * small;
    const char* text = textWidth(bodyFont(), small, d.full, nullptr) <= room ? d.full : d.shortDate;
    const ImU32 col = d.late ? pal.warning : pal.textMuted;
    if (d.late) {
        const float w = std::min(room, textWidth(bodyFont(), small, text, nullptr));
        f.dl->AddRectFilled(ImVec2(x - 0.2f * small, rowY - 0.1f * small),
                            ImVec2(x + w + 0.2f * small, rowY + 1.1f * small),
                            withAlpha(pal.warning, 0.18f * a), 0.3f * small);
    }
    textEllipsed(f.dl, bodyFont(), small, ImVec2(x, rowY), withAlpha(col, a), text,
                 text + std::strlen(text), room);
}

// Bottom row: status chip, target date | beyond-org marker, hints, people badge. A narrow
// card with a date keeps the row for the date: people, hints and the beyond-org mark are in
// its tooltip. The status chip gives way to the date (a dot) when the row is short.
void cardBottomRow(Frame& f, const Goal& g, Rectf r, float a, float left) {
    RowMetrics m;
    m.zoomEm = f.e * f.st.nav.xf.zoom;
    const ImVec2 mx = toIm(r.max);
    const float pad = 0.6f * m.zoomEm;
    m.small = m.zoomEm * 0.8f;
    m.border = std::max(1.0f, 0.09f * m.zoomEm);
    m.rowY = mx.y - pad - m.small;
    m.a = a;
    float right = mx.x - pad;
    const bool badges = !g.target || r.width() >= 11.5f * m.zoomEm;
    if (badges) right = drawRowBadges(f, g, m, right);
    const DateText date = dateText(f, g, m.small);
    const std::string_view statusText = statusName(g.status);
    const float statusW =
        textWidth(bodyFont(), m.small, statusText.data(), statusText.data() + statusText.size()) +
        1.3f * m.zoomEm;
    const bool compact = g.target && left + statusW + date.shortW + 0.3f * m.small > right;
    const float x = drawStatusChip(f, g, m, left, compact);
    if (g.target) drawRowDate(f, m, date, x, right);
}

void drawCard(Frame& f, const Goal& g, Rectf r, const CardLook& look,
              const std::string* ghostTitle) {
    ImDrawList* dl = f.dl;
    const Palette& pal = f.pal;
    const float zoomEm = f.e * f.st.nav.xf.zoom;
    const bool direction = g.kind() == GoalKind::Direction;
    const ImU32 kindCol = direction ? pal.direction : pal.destination;
    const float a = look.alpha;
    const ImVec2 mn = toIm(r.min), mx = toIm(r.max);

    if (zoomEm < kSimpleBelowPx && !f.st.naiveDrawForBenchmark) { // far out: a plain block
        dl->AddRectFilled(
            mn, mx,
            withAlpha(look.selected ? pal.accent : kindCol, a * (look.ghost ? 0.3f : 0.8f)));
        return;
    }
    const float rounding = direction ? 0.9f * zoomEm : 0.25f * zoomEm;
    const float border = std::max(1.0f, 0.09f * zoomEm);
    if (look.ghost) {
        dl->AddRectFilled(mn, mx, withAlpha(pal.cardBg, 0.35f), rounding);
        dashedRect(dl, mn, mx, withAlpha(kindCol, 0.8f), border, std::max(3.0f, 0.45f * zoomEm));
    } else {
        if (look.selected || look.lit)
            dl->AddRectFilled(ImVec2(mn.x - 3 * border, mn.y - 3 * border),
                              ImVec2(mx.x + 3 * border, mx.y + 3 * border),
                              withAlpha(look.selected ? pal.accent : pal.warning, 0.28f * a),
                              rounding + 3 * border);
        ImU32 bg = look.hovered ? mix(pal.cardBg, kindCol, 0.10f) : pal.cardBg;
        dl->AddRectFilled(mn, mx, withAlpha(bg, a), rounding);
        if (direction) {
            // Open-ended: a rounded card with an outline in the direction colour.
            dl->AddRect(mn, mx, withAlpha(kindCol, a), rounding, border * 1.6f);
        } else {
            // Concrete: a squarer card with a solid bar on the left.
            dl->AddRect(mn, mx, withAlpha(pal.cardBorder, a), rounding, border);
            dl->AddRectFilled(mn, ImVec2(mn.x + 0.35f * zoomEm, mx.y), withAlpha(kindCol, a),
                              rounding, ImDrawFlags_RoundCornersLeft);
        }
        if (g.colour != 0)
            dl->AddRectFilled(ImVec2(mx.x - 1.6f * zoomEm, mn.y + border),
                              ImVec2(mx.x - 0.6f * zoomEm, mn.y + 0.35f * zoomEm),
                              withAlpha(rgb(g.colour), a), 0.1f * zoomEm);
        if (look.selected) dl->AddRect(mn, mx, withAlpha(pal.accent, a), rounding, border * 2.2f);
    }

    const float pad = 0.6f * zoomEm;
    const float size = zoomEm * 0.95f;
    const float small = zoomEm * 0.8f;
    const float left = mn.x + pad + (direction ? 0.2f * zoomEm : 0.35f * zoomEm);
    const ImU32 text = withAlpha(look.ghost ? pal.textMuted : pal.text, a);
    const ImU32 muted = withAlpha(pal.textMuted, a);

    // Kind icon: an arrow for a direction, a target for a destination.
    const ImVec2 ic(left + 0.45f * zoomEm, mn.y + pad + 0.55f * size);
    if (direction) {
        dl->AddLine(ImVec2(ic.x - 0.4f * zoomEm, ic.y), ImVec2(ic.x + 0.35f * zoomEm, ic.y),
                    withAlpha(kindCol, a), border * 1.5f);
        dl->AddTriangleFilled(
            ImVec2(ic.x + 0.5f * zoomEm, ic.y), ImVec2(ic.x + 0.1f * zoomEm, ic.y - 0.3f * zoomEm),
            ImVec2(ic.x + 0.1f * zoomEm, ic.y + 0.3f * zoomEm), withAlpha(kindCol, a));
    } else {
        dl->AddCircle(ic, 0.42f * zoomEm, withAlpha(kindCol, a), 16, border * 1.4f);
        dl->AddCircleFilled(ic, 0.16f * zoomEm, withAlpha(kindCol, a), 12);
    }

    // Title: up to two lines.
    const float titleX = left + 1.3f * zoomEm;
    const float titleW = mx.x - pad - titleX;
    const std::string& title = ghostTitle ? *ghostTitle : g.title;
    if (f.st.renaming != g.id || look.ghost) {
        const int lines = std::clamp(
            static_cast<int>((r.height() - 2 * pad - small - 0.2f * zoomEm) / (size * 1.15f)), 1,
            3);
        textWrapped(dl, titleFont(), size, ImVec2(titleX, mn.y + pad), text, title, titleW, lines);
        if (g.status == GoalStatus::Dropped) {
            const float w = std::min(
                titleW, textWidth(titleFont(), size, title.data(),
                                  title.data() + std::min<std::size_t>(title.size(), 400)));
            dl->AddLine(ImVec2(titleX, mn.y + pad + 0.6f * size),
                        ImVec2(titleX + w, mn.y + pad + 0.6f * size), muted, border);
        }
    }
    if (look.ghost) return;
    cardBottomRow(f, g, r, a, left);
}

// A compact chip: the title only, in the shape and colour of its kind.
void drawChip(Frame& f, const Goal& g, Rectf r, const CardLook& look) {
    ImDrawList* dl = f.dl;
    const Palette& pal = f.pal;
    const bool direction = g.kind() == GoalKind::Direction;
    const ImU32 kindCol = direction ? pal.direction : pal.destination;
    const float a = look.alpha;
    const ImVec2 mn = toIm(r.min), mx = toIm(r.max);
    const float h = r.height();
    const float rounding = direction ? 0.5f * h : 0.18f * h;
    if (look.selected || look.lit)
        dl->AddRectFilled(ImVec2(mn.x - 3, mn.y - 3), ImVec2(mx.x + 3, mx.y + 3),
                          withAlpha(look.selected ? pal.accent : pal.warning, 0.3f * a),
                          rounding + 3);
    dl->AddRectFilled(mn, mx,
                      withAlpha(look.hovered ? mix(pal.cardBg, kindCol, 0.12f) : pal.cardBg, a),
                      rounding);
    if (direction) {
        dl->AddRect(mn, mx, withAlpha(kindCol, a), rounding, 1.5f);
    } else {
        dl->AddRect(mn, mx, withAlpha(pal.cardBorder, a), rounding, 1.0f);
        dl->AddRectFilled(mn, ImVec2(mn.x + std::max(2.0f, 0.12f * h), mx.y), withAlpha(kindCol, a),
                          rounding, ImDrawFlags_RoundCornersLeft);
    }
    if (look.selected) dl->AddRect(mn, mx, withAlpha(pal.accent, a), rounding, 2.0f);
    const float size = std::min(0.62f * h, 1.1f * f.e * std::max(1.0f, f.st.nav.xf.zoom));
    if (size < 0.55f * f.e) return; // too small to read: the shape alone
    const float pad = std::max(0.35f * h, 0.3f * f.e);
    textEllipsed(dl, titleFont(), size, ImVec2(mn.x + pad, (mn.y + mx.y - size) * 0.5f),
                 withAlpha(pal.text, a), g.title.data(), g.title.data() + g.title.size(),
                 r.width() - 2 * pad);
}

// A counted stack: several goals gathered at their place, "+12" on a pile of chips.
void drawStack(Frame& f, const CardBox& k, Rectf r, const CardLook& look) {
    ImDrawList* dl = f.dl;
    const Palette& pal = f.pal;
    const bool direction = k.specificity < kDestinationThreshold;
    const ImU32 kindCol = direction ? pal.direction : pal.destination;
    const float h = r.height();
    const float off = std::clamp(0.12f * h, 1.0f, 0.25f * f.e);
    const float rounding = 0.25f * h;
    for (int layer = 2; layer >= 1; --layer) { // the pile behind
        const float o = off * static_cast<float>(layer);
        dl->AddRectFilled(ImVec2(r.min.x + o, r.min.y - o), ImVec2(r.max.x + o, r.max.y - o),
                          withAlpha(mix(pal.cardBg, kindCol, 0.25f), look.alpha * 0.8f), rounding);
        dl->AddRect(ImVec2(r.min.x + o, r.min.y - o), ImVec2(r.max.x + o, r.max.y - o),
                    withAlpha(kindCol, look.alpha * 0.6f), rounding);
    }
    const ImU32 bg = look.hovered ? mix(pal.cardBg, kindCol, 0.2f) : mix(pal.cardBg, kindCol, 0.1f);
    dl->AddRectFilled(toIm(r.min), toIm(r.max), withAlpha(bg, look.alpha), rounding);
    dl->AddRect(toIm(r.min), toIm(r.max),
                withAlpha(look.selected ? pal.accent : kindCol, look.alpha), rounding,
                look.selected ? 2.5f : 1.5f);
    const float size = std::min(0.62f * h, 1.1f * f.e * std::max(1.0f, f.st.nav.xf.zoom));
    if (size < 0.55f * f.e) return;
    char label[32];
    std::snprintf(label, sizeof label, "+%u", k.count);
    const float w = textWidth(titleFont(), size, label, nullptr);
    if (w + 0.4f * f.e > r.width()) return;
    dl->AddText(titleFont(), size, ImVec2(r.center().x - w * 0.5f, r.center().y - size * 0.5f),
                withAlpha(pal.text, look.alpha), label);
}

void stackTooltip(Frame& f, const CardBox& k) {
    ImGui::BeginTooltip();
    ImGui::Text("%u goals here (about %.0f%% concrete)", k.count, k.specificity * 100.0);
    const auto goals = f.st.layout.goalsOf(k);
    const BoardContent& c = f.ctx.doc.content();
    for (std::size_t i = 0; i < goals.size() && i < 5; ++i)
        if (const Goal* g = c.goals.find(goals[i])) ImGui::BulletText("%s", g->title.c_str());
    if (goals.size() > 5) ImGui::TextDisabled("\xE2\x80\xA6 and %zu more", goals.size() - 5);
    ImGui::TextDisabled("Click to list them, double-click to zoom in.");
    ImGui::EndTooltip();
}

void cardTooltip(Frame& f, const Goal& g) {
    const BoardContent& c = f.ctx.doc.content();
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24.0f);
    {
        FontScope fs(fonts().semibold);
        ImGui::TextUnformatted(g.title.c_str());
    }
    ImGui::TextDisabled("%s \xC2\xB7 %s \xC2\xB7 %.0f%% concrete",
                        std::string(kindName(g.kind())).c_str(),
                        std::string(statusName(g.status)).c_str(), g.specificity * 100.0);
    if (g.target) ImGui::Text("Target: %s", g.target->iso().c_str());
    if (g.beyondOrg) ImGui::TextUnformatted("\xE2\x86\x97 Beyond the current organisation");
    const auto links = linksOfGoal(c, g.id);
    if (!links.empty()) {
        std::string names;
        for (const GoalLink* l : links)
            if (const Person* p = c.people.find(l->person))
                names += (names.empty() ? "" : ", ") + p->name;
        ImGui::Text("Talk to: %s", names.c_str());
    }
    if (auto h = f.st.goalHints.find(g.id); h != f.st.goalHints.end())
        for (std::size_t i : h->second) {
            ImGui::PushStyleColor(ImGuiCol_Text, f.pal.warning);
            ImGui::Text("! %s", f.ctx.derived.hints()[i].what.c_str());
            ImGui::PopStyleColor();
        }
    if (!g.notes.empty()) {
        ImGui::Separator();
        ImGui::TextUnformatted(g.notes.c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

// What the mouse is over while the cards are drawn: the card (or stack) under it, and
// whether a person from the map is being dragged over the board.
struct CardHover {
    const CardBox* card = nullptr;
    bool personDrag = false;
};

CardHover hoverTest(const Frame& f) {
    const BoardViewState& st = f.st;
    CardHover h;
    h.personDrag = f.ctx.shared.drag.kind == CrossViewDrag::Kind::Person &&
                   !f.ctx.shared.drag.released && st.canvasRect.contains(f.mouse);
    h.card = f.hovered && (st.gesture == BoardViewState::Gesture::None || h.personDrag)
                 ? st.layout.cardAt(f.mouseWorld)
                 : nullptr;
    if (h.personDrag && !h.card) h.card = st.layout.cardAt(f.mouseWorld);
    return h;
}

// The world rectangle cards are drawn in (everything for the benchmark's baseline).
Rectf visibleCardRect(const BoardViewState& st) {
    return st.naiveDrawForBenchmark
               ? Rectf{{-FLT_MAX, -FLT_MAX}, {FLT_MAX, FLT_MAX}}
               : visibleWorld(st.nav.xf, st.canvasRect.max - st.canvasRect.min);
}

// "Serves" arrows, drawn under the cards.
void drawServesArrows(Frame& f, const Rectf& vis) {
    const BoardViewState& st = f.st;
    const CanvasTransform& xf = st.nav.xf;
    if (!st.showServes || f.e * xf.zoom < kSimpleBelowPx) return;
    const BoardContent& c = f.ctx.doc.content();
    st.layout.forEachCardIn(vis, [&](const CardBox& k) {
        const Goal* g = c.goals.find(k.goal);
        if (!g || !g->serves) return;
        const CardBox* to = st.layout.find(g->serves);
        if (!to) return;
        const Rectf a = xf.toScreenRect(k.rect), b = xf.toScreenRect(to->rect);
        const bool rightwards = b.min.x > a.max.x;
        const ImVec2 p0 =
            rightwards ? ImVec2(a.max.x, a.center().y) : ImVec2(a.center().x, a.min.y);
        const ImVec2 p1 =
            rightwards ? ImVec2(b.min.x, b.center().y) : ImVec2(b.center().x, b.max.y);
        arrow(f.dl, p0, p1, withAlpha(f.pal.textMuted, 0.7f), std::max(1.0f, 0.08f * f.e * xf.zoom),
              0.6f * f.e * xf.zoom, rightwards);
    });
}

// How one card, chip or stack looks this frame.
CardLook lookOf(const Frame& f, const CardBox& k, const Goal& g, const CardHover& hover,
                const std::vector<GoalId>& litGoals) {
    const BoardViewState& st = f.st;
    const Selection& sel = f.ctx.shared.selection;
    const auto anyOf = [&](const std::vector<GoalId>& set) {
        if (set.empty()) return false;
        for (GoalId id : st.layout.goalsOf(k))
            if (std::binary_search(set.begin(), set.end(), id)) return true;
        return false;
    };
    CardLook look;
    look.hovered = hover.card == &k;
    if (k.kind == ItemKind::Stack) {
        look.selected = anyOf(sel.goals);
        look.lit = anyOf(litGoals);
        return look;
    }
    look.selected = sel.has(g.id);
    look.lit = std::binary_search(litGoals.begin(), litGoals.end(), g.id) ||
               (hover.personDrag && look.hovered);
    if (st.filter.active() && !goalMatches(g, st.filter)) look.alpha = 0.28f;
    const bool moving = st.gesture == BoardViewState::Gesture::DragCards &&
                        std::binary_search(st.dragGoals.begin(), st.dragGoals.end(), g.id);
    if (moving) look.alpha *= 0.35f, look.selected = false;
    return look;
}

// Reports a drawn card, chip or stack to the layout dump, with where specificity sits.
void registerCardItem(const Frame& f, const CardBox& k, const Goal& g, const Rectf& r,
                      BoardPlace& place, std::vector<std::uint64_t>& ids) {
    ids.clear();
    for (GoalId id : f.st.layout.goalsOf(k))
        ids.push_back(id.value);
    place.goals = ids;
    place.specificity = k.specificity;
    if (k.kind == ItemKind::Stack) {
        const std::string label = "+" + std::to_string(k.count);
        registerBoardItem("stack:" + std::to_string(k.goal.value), "stack", label, toIm(r.min),
                          toIm(r.max), place);
    } else {
        registerBoardItem(goalItemId(g.id), k.kind == ItemKind::Chip ? "chip" : "card", g.title,
                          toIm(r.min), toIm(r.max), place);
    }
}

// The cards, chips and stacks in view; returns how many were drawn.
std::size_t drawCardItems(Frame& f, const Rectf& vis, const CardHover& hover,
                          const std::vector<GoalId>& litGoals) {
    const BoardViewState& st = f.st;
    const CanvasTransform& xf = st.nav.xf;
    const BoardContent& c = f.ctx.doc.content();
    const bool reg = registryOn();
    const BoardLayoutParams& p = st.layout.params;
    BoardPlace place;
    std::vector<std::uint64_t> ids;
    if (reg) {
        place.lineY = xf.toScreen(Vec2f{0, lineY(p)}).y;
        place.y0 = xf.toScreen(Vec2f{0, placeY(p, 0.0)}).y;
        place.y1 = xf.toScreen(Vec2f{0, placeY(p, 1.0)}).y;
    }
    std::size_t drawn = 0;
    st.layout.forEachCardIn(vis, [&](const CardBox& k) {
        const Goal* g = c.goals.find(k.goal);
        if (!g) return;
        ++drawn;
        const Rectf r = xf.toScreenRect(k.rect);
        const CardLook look = lookOf(f, k, *g, hover, litGoals);
        if (k.kind == ItemKind::Stack)
            drawStack(f, k, r, look);
        else if (k.kind == ItemKind::Chip)
            drawChip(f, *g, r, look);
        else
            drawCard(f, *g, r, look, nullptr);
        if (reg) registerCardItem(f, k, *g, r, place, ids);
    });
    return drawn;
}

// The tooltip of the hovered card or stack; with nothing hovered, what a column header and
// the axis mean (for a first-time user).
void boardTooltips(Frame& f, const CardHover& hover) {
    const BoardViewState& st = f.st;
    const BoardContent& c = f.ctx.doc.content();
    const bool idle = f.hovered && st.gesture == BoardViewState::Gesture::None && !st.renaming;
    if (hover.card && idle) {
        if (hover.card->kind == ItemKind::Stack)
            stackTooltip(f, *hover.card);
        else if (const Goal* g = c.goals.find(hover.card->goal))
            cardTooltip(f, *g);
    }
    if (hover.card || !idle) return;
    const BoardLayoutParams& p = st.layout.params;
    const int header = headerAt(st, f.mouse);
    if (header >= 0) {
        const ColumnBox& col = st.layout.columns[static_cast<std::size_t>(header)];
        if (const Horizon* h = c.horizons.find(col.horizon))
            ImGui::SetTooltip("%s \xC2\xB7 %zu goal%s\nDrag to reorder, double-click to rename, "
                              "right-click for more.",
                              h->name.c_str(), col.goals, col.goals == 1 ? "" : "s");
    } else if (f.mouseWorld.x >= 0 && f.mouseWorld.x < p.axisGutter &&
               f.mouseWorld.y >= p.bandTop && f.mouseWorld.y <= p.bandTop + p.bandHeight) {
        ImGui::SetTooltip("Top: a direction, an open-ended heading you steer by.\n"
                          "Bottom: a destination, a concrete end point you can check off.\n"
                          "Drag a goal down as it firms up, up while it stays open.");
    }
}

// Hit-test once (what the mouse is over), then draw the arrows, the cards and the tooltips.
void drawCards(Frame& f, const std::vector<GoalId>& litGoals) {
    const CardHover hover = hoverTest(f);
    const Rectf vis = visibleCardRect(f.st);
    drawServesArrows(f, vis);
    f.st.visibleCards = drawCardItems(f, vis, hover, litGoals);
    boardTooltips(f, hover);
}

// The point where the segment from `from` to the centre of `r` enters `r`.
ImVec2 edgePoint(ImVec2 from, const Rectf& r) {
    const Vec2f c = r.center();
    const float dx = from.x - c.x, dy = from.y - c.y;
    const float hw = r.width() * 0.5f, hh = r.height() * 0.5f;
    const float sx = std::fabs(dx) > 1e-3f ? hw / std::fabs(dx) : FLT_MAX;
    const float sy = std::fabs(dy) > 1e-3f ? hh / std::fabs(dy) : FLT_MAX;
    const float s = std::min(1.0f, std::min(sx, sy));
    return ImVec2(c.x + dx * s, c.y + dy * s);
}

// Compare overlay: the ghost cards (under the real ones) or the arrows (over them).
void drawGhosts(Frame& f, bool arrows) {
    BoardViewState& st = f.st;
    if (st.ghosts.empty()) return;
    const CanvasTransform& xf = st.nav.xf;
    const BoardContent& c = f.ctx.doc.content();
    const Rectf vis = visibleWorld(xf, st.canvasRect.max - st.canvasRect.min);
    const float zoomEm = f.e * xf.zoom;
    for (const GoalGhost& gh : st.ghosts) {
        int column = -1;
        for (std::size_t i = 0; i < st.layout.columns.size(); ++i)
            if (st.layout.columns[i].horizon == gh.oldHorizon) column = static_cast<int>(i);
        if (column < 0) continue;
        const Rectf w = cardRectAt(st.layout, column, gh.oldSpecificity);
        const Goal* now = c.goals.find(gh.goal);
        const CardBox* to = now ? st.layout.find(gh.goal) : nullptr;
        if (!w.overlaps(vis) && !(to && to->rect.overlaps(vis))) continue;
        const Rectf r = xf.toScreenRect(w);
        if (!arrows) {
            Goal shown = now ? *now : Goal{};
            shown.specificity = gh.oldSpecificity;
            const std::string title = gh.title.empty() && now ? now->title : gh.title;
            CardLook look;
            look.ghost = true;
            drawCard(f, shown, r, look, &title);
        } else if (to) {
            const Rectf b = xf.toScreenRect(to->rect);
            const ImVec2 a0 = edgePoint(toIm(b.center()), r);
            const ImVec2 a1 = edgePoint(toIm(r.center()), b);
            const float t = std::max(1.5f, 0.12f * zoomEm);
            dashedRect(f.dl, toIm(r.min), toIm(r.max), withAlpha(f.pal.accent, 0.55f), 1.0f,
                       std::max(3.0f, 0.45f * zoomEm));
            f.dl->AddCircleFilled(a0, 2.0f * t, withAlpha(f.pal.accent, 0.9f), 12);
            arrow(f.dl, a0, a1, withAlpha(f.pal.accent, 0.9f), t, 0.8f * zoomEm, false);
        }
    }
}

void drawDragOverlay(Frame& f) {
    BoardViewState& st = f.st;
    using G = BoardViewState::Gesture;
    const CanvasTransform& xf = st.nav.xf;
    if (st.gesture == G::RubberBand) {
        const Rectf band = rectFromCorners(st.pressScreen, f.mouse);
        f.dl->AddRectFilled(toIm(band.min), toIm(band.max), withAlpha(f.pal.accent, 0.12f));
        f.dl->AddRect(toIm(band.min), toIm(band.max), withAlpha(f.pal.accent, 0.8f), 0, 1.0f);
        return;
    }
    if (st.gesture == G::DragHeader) {
        const int to = st.layout.columnNearestX(f.mouseWorld.x);
        if (to >= 0) {
            const Rectf r = xf.toScreenRect(st.layout.columns[static_cast<std::size_t>(to)].rect);
            f.dl->AddRect(toIm(r.min), ImVec2(r.max.x, st.canvasRect.max.y),
                          withAlpha(f.pal.accent, 0.9f), 0.4f * f.e * xf.zoom, 2.0f);
        }
        return;
    }
    if (st.gesture != G::DragCards) return;
    const BoardContent& c = f.ctx.doc.content();
    const Vec2f delta = dragDelta(f);
    const Vec2f follow = f.mouseWorld - st.pressWorld; // the dragged cards follow the mouse
    st.dropHorizon = {};
    const bool inCanvas = st.canvasRect.contains(f.mouse);
    const Goal* pressed = c.goals.find(st.pressGoal);
    const CardBox* primary = st.layout.find(st.pressGoal);
    if (primary && pressed && inCanvas) { // outside, the drop is the map's: no column is lit
        const GoalId one[] = {st.pressGoal};
        const auto lands = dragPlacements(st.layout, c, one, delta);
        if (!lands.empty()) {
            const GoalPlacement& d = lands.front();
            st.dropHorizon = d.horizon;
            st.dropKeepsSpecificity = delta.y == 0;
            st.dropSpecificity = d.specificity;
            int column = 0;
            for (std::size_t i = 0; i < st.layout.columns.size(); ++i)
                if (st.layout.columns[i].horizon == d.horizon) column = static_cast<int>(i);
            // A ghost where it will land, and what that place means.
            const Rectf r = xf.toScreenRect(cardRectAt(st.layout, column, d.specificity));
            const float zoomEm = f.e * xf.zoom;
            f.dl->AddRectFilled(toIm(r.min), toIm(r.max), withAlpha(f.pal.accent, 0.10f),
                                0.4f * zoomEm);
            dashedRect(f.dl, toIm(r.min), toIm(r.max), withAlpha(f.pal.accent, 0.95f),
                       std::max(1.5f, 0.1f * zoomEm), std::max(3.0f, 0.45f * zoomEm));
            char label[96];
            std::snprintf(label, sizeof label, "%s \xC2\xB7 %.0f%%%s",
                          d.specificity >= kDestinationThreshold ? "Destination" : "Direction",
                          d.specificity * 100.0, st.dropKeepsSpecificity ? " (kept)" : "");
            const float size = f.e * 0.9f;
            const ImVec2 ts = bodyFont()->CalcTextSizeA(size, FLT_MAX, 0, label);
            const ImVec2 at(r.min.x, r.min.y - ts.y - 0.3f * f.e);
            f.dl->AddRectFilled(ImVec2(at.x - 0.3f * f.e, at.y - 0.15f * f.e),
                                ImVec2(at.x + ts.x + 0.3f * f.e, at.y + ts.y + 0.15f * f.e),
                                withAlpha(f.pal.canvasBg, 0.9f), 0.3f * f.e);
            f.dl->AddText(bodyFont(), size, at, f.pal.accent, label);
            registerItem("board:drop-label", "label", label, at, ImVec2(at.x + ts.x, at.y + ts.y));
        }
    }
    const float lift = 0.25f * f.e;
    for (GoalId id : st.dragGoals) {
        const CardBox* k = st.layout.find(id);
        const Goal* g = c.goals.find(id);
        if (!k || !g || k->kind == ItemKind::Stack) continue;
        Rectf r = xf.toScreenRect({k->rect.min + follow, k->rect.max + follow});
        f.dl->AddRectFilled(ImVec2(r.min.x + lift, r.min.y + lift),
                            ImVec2(r.max.x + lift, r.max.y + lift), IM_COL32(0, 0, 0, 60),
                            0.5f * f.e * xf.zoom);
        CardLook look;
        look.selected = true;
        Goal preview = *g; // drawn as what it becomes: direction or destination
        if (delta.y != 0)
            preview.specificity =
                std::clamp(g->specificity + delta.y / (st.layout.params.bandHeight -
                                                       st.layout.params.cardHeight),
                           0.0, 1.0);
        if (k->kind == ItemKind::Chip)
            drawChip(f, preview, r, look);
        else
            drawCard(f, preview, r, look, nullptr);
    }
}

void drawOverlayText(Frame& f) {
    BoardViewState& st = f.st;
    if (st.picture) return; // a picture shows the board, not the viewer's zoom
    // Bottom-right: zoom and, with a filter, the match count.
    char buf[96];
    if (st.filter.active())
        std::snprintf(buf, sizeof buf, "%zu of %zu goals match  \xC2\xB7  %.0f%%", st.matchCount,
                      f.ctx.doc.content().goals.size(), st.nav.xf.zoom * 100.0f);
    else
        std::snprintf(buf, sizeof buf, "%.0f%%", st.nav.xf.zoom * 100.0f);
    const ImVec2 sz = ImGui::CalcTextSize(buf);
    const ImVec2 pos(st.canvasRect.max.x - sz.x - 0.6f * f.e,
                     st.canvasRect.max.y - sz.y - 0.4f * f.e);
    f.dl->AddRectFilled(ImVec2(pos.x - 0.4f * f.e, pos.y - 0.2f * f.e),
                        ImVec2(pos.x + sz.x + 0.4f * f.e, pos.y + sz.y + 0.2f * f.e),
                        withAlpha(f.pal.canvasBg, 0.85f), 0.3f * f.e);
    f.dl->AddText(pos, f.pal.textMuted, buf);
    if (f.readOnly) {
        const char* ro = "Read-only";
        const ImVec2 s2 = ImGui::CalcTextSize(ro);
        const ImVec2 p2(st.canvasRect.min.x + 0.6f * f.e, st.canvasRect.max.y - s2.y - 0.4f * f.e);
        f.dl->AddRectFilled(ImVec2(p2.x - 0.4f * f.e, p2.y - 0.2f * f.e),
                            ImVec2(p2.x + s2.x + 0.4f * f.e, p2.y + s2.y + 0.2f * f.e),
                            withAlpha(f.pal.warning, 0.25f), 0.3f * f.e);
        f.dl->AddText(p2, f.pal.text, ro);
    }
}

// ------------------------------------------------------------------------------- popups

void renameFields(Frame& f) {
    BoardViewState& st = f.st;
    const CanvasTransform& xf = st.nav.xf;
    const float zoomEm = f.e * xf.zoom;
    if (st.renaming) {
        const CardBox* k = st.layout.find(st.renaming);
        if (!k || f.readOnly) {
            st.renaming = {};
        } else {
            const Rectf r = xf.toScreenRect(k->rect);
            const float x = r.min.x + 0.6f * zoomEm + 1.5f * zoomEm;
            ImGui::SetCursorScreenPos(ImVec2(x, r.min.y + 0.35f * zoomEm));
            ImGui::SetNextItemWidth(std::max(4.0f * f.e, r.max.x - x - 0.4f * zoomEm));
            if (st.renameFocus) {
                ImGui::SetKeyboardFocusHere();
                st.renameFocus = false;
            }
            ImGui::PushID("rename-goal");
            const bool enter = ImGui::InputText("##title", &st.renameBuffer,
                                                ImGuiInputTextFlags_EnterReturnsTrue |
                                                    ImGuiInputTextFlags_AutoSelectAll);
            registerLastItem("input:goal-title", "input", "Goal title");
            const bool escape = ImGui::IsKeyPressed(ImGuiKey_Escape, false);
            const bool done = enter || ImGui::IsItemDeactivated();
            ImGui::PopID();
            if (escape) {
                if (st.renameIsNew && // the goal was made for this edit: take it back
                    f.ctx.dispatch.dispatch(session::CancelGesture{st.renameKey}))
                    f.ctx.shared.selection.drop(st.renaming);
                st.renaming = {};
            } else if (done) {
                const std::string title = nonBlankOr(st.renameBuffer, "Untitled goal");
                const Goal* g = f.ctx.doc.content().goals.find(st.renaming);
                if (g && g->title != title)
                    applyEdit(f, renameGoal(f.ctx.doc.board(), st.renaming, title), st.renameKey);
                f.ctx.dispatch.endGesture();
                st.renaming = {};
            }
        }
    }
    if (st.renamingHorizon) {
        const ColumnBox* col = nullptr;
        for (const ColumnBox& c : st.layout.columns)
            if (c.horizon == st.renamingHorizon) col = &c;
        if (!col || f.readOnly) {
            st.renamingHorizon = {};
            return;
        }
        const Rectf r = headerScreenRect(st, *col);
        ImGui::SetCursorScreenPos(ImVec2(r.min.x + 0.4f * zoomEm, r.min.y + 0.3f * zoomEm));
        ImGui::SetNextItemWidth(std::max(4.0f * f.e, r.width() - 0.8f * zoomEm));
        if (st.renameFocus) {
            ImGui::SetKeyboardFocusHere();
            st.renameFocus = false;
        }
        ImGui::PushID("rename-horizon");
        const bool enter = ImGui::InputText("##name", &st.horizonBuffer,
                                            ImGuiInputTextFlags_EnterReturnsTrue |
                                                ImGuiInputTextFlags_AutoSelectAll);
        registerLastItem("input:horizon-name", "input", "Horizon name");
        const bool escape = ImGui::IsKeyPressed(ImGuiKey_Escape, false);
        const bool done = enter || ImGui::IsItemDeactivated();
        ImGui::PopID();
        if (escape) {
            st.renamingHorizon = {};
        } else if (done) {
            if (!isBlank(st.horizonBuffer))
                applyEdit(f,
                          renameHorizon(f.ctx.doc.board(), st.renamingHorizon, st.horizonBuffer));
            st.renamingHorizon = {};
        }
    }
}

void addHorizonAfterLast(Frame& f) {
    const Document& doc = f.ctx.doc;
    Horizon h;
    h.id = f.ctx.dispatch.newId<HorizonId>();
    const Horizon* last = longestHorizon(doc.content());
    h.months = last ? last->months * 2 : 120;
    h.name = h.months % 12 == 0 ? std::to_string(h.months / 12) + " years"
                                : std::to_string(h.months) + " months";
    double maxOrder = 0;
    for (const Horizon& x : doc.content().horizons)
        maxOrder = std::max(maxOrder, x.order);
    h.order = maxOrder + 1;
    applyEdit(f, addHorizon(doc.board(), h));
    f.st.revealHorizon = h.id; // off to the right of a zoomed-in board: brought into view
}

// A menu item reported to the layout registry as "menu:<id>".
bool menuItem(const char* label, const char* id, const char* shortcut = nullptr,
              bool selected = false, bool enabled = true) {
    const bool clicked = ImGui::MenuItem(label, shortcut, selected, enabled);
    registerLastItem(std::string("menu:") + id, "menu", label);
    return clicked;
}

// A right click opens the menu of what is under it: a card, a column header, the board.
void openContextMenu(Frame& f) {
    BoardViewState& st = f.st;
    Selection& sel = f.ctx.shared.selection;
    if (st.nav.rightClicked && f.hovered) {
        const int header = headerAt(st, f.mouse);
        const CardBox* k = header < 0 ? st.layout.cardAt(f.mouseWorld) : nullptr;
        st.contextWorld = f.mouseWorld;
        st.contextGoal = k ? k->goal : GoalId{};
        const int col = header >= 0 ? header : st.layout.columnNearestX(f.mouseWorld.x);
        st.contextHorizon =
            col >= 0 ? st.layout.columns[static_cast<std::size_t>(col)].horizon : HorizonId{};
        if (k && !sel.has(k->goal)) sel.selectOnly(k->goal);
        ImGui::OpenPopup(k ? "##card-menu" : header >= 0 ? "##header-menu" : "##board-menu");
    }
}

// Status, kind, links, rename and delete of the card (with the selection, if it is in it).
void cardMenuItems(Frame& f, const Goal* g) {
    const Document& doc = f.ctx.doc;
    const BoardContent& c = doc.content();
    Selection& sel = f.ctx.shared.selection;
    const bool ro = f.readOnly;
    ImGui::TextDisabled("%s", g->title.c_str());
    ImGui::Separator();
    std::vector<GoalId> targets = sel.has(g->id) ? sel.goals : std::vector<GoalId>{g->id};
    if (ImGui::BeginMenu("Status", !ro)) {
        for (int s = 0; s < kGoalStatusCount; ++s) {
            const auto status = static_cast<GoalStatus>(s);
            if (ImGui::MenuItem(std::string(statusName(status)).c_str(), nullptr,
                                g->status == status))
                applyEdit(f, setGoalStatus(doc.board(), targets, status));
        }
        ImGui::EndMenu();
    }
    const bool dir = g->kind() == GoalKind::Direction;
    if (menuItem(dir ? "Make it a destination (concrete)" : "Make it a direction (open-ended)",
                 "card/kind", nullptr, false, !ro)) {
        std::vector<GoalPlacement> moves;
        for (GoalId id : targets)
            if (const Goal* t = c.goals.find(id))
                moves.push_back(
                    {id, t->horizon,
                     dir ? std::max(0.75, t->specificity) : std::min(0.25, t->specificity),
                     t->order});
        applyEdit(f, moveGoals(doc.board(), moves));
    }
    if (ImGui::BeginMenu("Link to person", !ro && !c.people.empty())) {
        for (const Person& p : c.people) {
            ImGui::PushID(static_cast<int>(p.id.value));
            bool linked = false;
            for (const GoalLink* l : linksOfGoal(c, g->id))
                linked = linked || l->person == p.id;
            if (ImGui::MenuItem(p.name.c_str(), nullptr, linked, !linked))
                applyEdit(
                    f, linkPersonToGoal(doc.board(), f.ctx.dispatch.newId<LinkId>(), p.id, g->id));
            ImGui::PopID();
        }
        ImGui::EndMenu();
    }
    if (menuItem("Rename", "card/rename", "F2", false, !ro)) startRename(f, g->id, false, 0);
    ImGui::Separator();
    if (menuItem(targets.size() > 1 ? "Delete selected goals" : "Delete", "card/delete", "Del",
                 false, !ro)) {
        applyEdit(f, deleteGoals(doc.board(), targets));
        for (GoalId id : targets)
            sel.drop(id);
    }
}

// New goal, rename, add and remove of a horizon.
void headerMenuItems(Frame& f, const Horizon* h) {
    BoardViewState& st = f.st;
    const BoardContent& c = f.ctx.doc.content();
    const bool ro = f.readOnly;
    ImGui::TextDisabled("%s", h->name.c_str());
    ImGui::Separator();
    if (menuItem("New goal here", "header/new-goal", nullptr, false, !ro)) {
        const ColumnBox* col = nullptr;
        for (const ColumnBox& x : st.layout.columns)
            if (x.horizon == h->id) col = &x;
        if (col)
            createGoalAt(f, {col->rect.center().x, yForSpecificity(st.layout.params, 0.5) +
                                                       st.layout.params.cardHeight * 0.5f});
    }
    if (menuItem("Rename horizon", "header/rename", nullptr, false, !ro)) {
        st.renamingHorizon = h->id;
        st.horizonBuffer = h->name;
        st.renameFocus = true;
    }
    if (menuItem("Add horizon", "header/add-horizon", nullptr, false, !ro)) addHorizonAfterLast(f);
    if (menuItem("Remove horizon\xE2\x80\xA6", "header/remove-horizon", nullptr, false,
                 !ro && c.horizons.size() > 1)) {
        st.removingHorizon = h->id;
        st.removeTarget = {};
        st.openRemoveDialog = true;
    }
}

void boardMenuItems(Frame& f) {
    BoardViewState& st = f.st;
    const bool ro = f.readOnly;
    if (menuItem("New goal here", "board/new-goal", nullptr, false,
                 !ro && !st.layout.columns.empty()))
        createGoalAt(f, st.contextWorld);
    if (menuItem("Add horizon", "board/add-horizon", nullptr, false, !ro)) addHorizonAfterLast(f);
    ImGui::Separator();
    if (menuItem("Fit board", "board/fit", "Ctrl+0")) st.fitPending = true;
    if (ImGui::MenuItem("Filter\xE2\x80\xA6", "Ctrl+F"))
        st.filterOpen = true, st.focusFilter = true;
    ImGui::MenuItem("Show \"serves\" arrows", nullptr, &st.showServes);
}

void contextMenus(Frame& f) {
    openContextMenu(f);
    if (ImGui::BeginPopup("##card-menu")) {
        if (const Goal* g = f.ctx.doc.content().goals.find(f.st.contextGoal))
            cardMenuItems(f, g);
        else
            ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    if (ImGui::BeginPopup("##header-menu")) {
        if (const Horizon* h = f.ctx.doc.content().horizons.find(f.st.contextHorizon))
            headerMenuItems(f, h);
        else
            ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    if (ImGui::BeginPopup("##board-menu")) {
        boardMenuItems(f);
        ImGui::EndPopup();
    }
}

// The goals of a clicked stack: pick one to select it (the inspector shows it), or all.
void stackListPopup(Frame& f) {
    BoardViewState& st = f.st;
    if (st.openStackList) {
        ImGui::OpenPopup("##stack-list");
        st.openStackList = false;
    }
    if (!ImGui::BeginPopup("##stack-list")) return;
    const BoardContent& c = f.ctx.doc.content();
    Selection& sel = f.ctx.shared.selection;
    ImGui::TextDisabled("%zu goals here", st.stackList.size());
    if (menuItem("Select all of them", "stack/select-all")) {
        std::vector<GoalId> all = st.stackList;
        std::sort(all.begin(), all.end());
        sel.goals = std::move(all);
        ImGui::CloseCurrentPopup();
    }
    ImGui::Separator();
    constexpr std::size_t kShown = 200; // beyond that, zoom in or filter
    for (std::size_t i = 0; i < st.stackList.size() && i < kShown; ++i) {
        const Goal* g = c.goals.find(st.stackList[i]);
        if (!g) continue;
        ImGui::PushID(static_cast<int>(g->id.value));
        if (ImGui::Selectable(g->title.c_str(), sel.has(g->id))) {
            sel.selectOnly(g->id);
            st.cursor = g->id;
        }
        registerLastItem("stack-goal:" + std::to_string(g->id.value), "menu", g->title);
        ImGui::PopID();
    }
    if (st.stackList.size() > kShown)
        ImGui::TextDisabled("\xE2\x80\xA6 and %zu more: zoom in or filter",
                            st.stackList.size() - kShown);
    ImGui::EndPopup();
}

void removeHorizonDialog(Frame& f) {
    BoardViewState& st = f.st;
    const Document& doc = f.ctx.doc;
    const BoardContent& c = doc.content();
    if (st.openRemoveDialog) {
        ImGui::OpenPopup("Remove horizon");
        st.openRemoveDialog = false;
    }
    ImGui::SetNextWindowSize(ImVec2(26 * f.e, 0), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal("Remove horizon", nullptr, ImGuiWindowFlags_NoSavedSettings))
        return;
    const Horizon* h = c.horizons.find(st.removingHorizon);
    if (!h || f.readOnly) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    std::size_t n = 0;
    for (const Goal& g : c.goals)
        n += g.horizon == h->id ? 1 : 0;
    const auto cols = orderedHorizons(c);
    if (!st.removeTarget || st.removeTarget == h->id || !c.horizons.find(st.removeTarget)) {
        st.removeTarget = {};
        for (std::size_t i = 0; i < cols.size(); ++i)
            if (cols[i]->id == h->id)
                st.removeTarget = cols[i > 0 ? i - 1 : std::min(cols.size() - 1, i + 1)]->id;
    }
    ImGui::PushTextWrapPos(0.0f);
    if (n == 0)
        ImGui::Text("Remove the horizon \"%s\"? It holds no goals.", h->name.c_str());
    else
        ImGui::Text("Remove the horizon \"%s\"? Its %zu goal%s move to:", h->name.c_str(), n,
                    n == 1 ? "" : "s");
    ImGui::PopTextWrapPos();
    const Horizon* target = c.horizons.find(st.removeTarget);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##goals-go-to", target ? target->name.c_str() : "")) {
        for (const Horizon* x : cols) {
            if (x->id == h->id) continue;
            ImGui::PushID(static_cast<int>(x->id.value));
            if (ImGui::Selectable(x->name.c_str(), x->id == st.removeTarget))
                st.removeTarget = x->id;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ImGui::Spacing();
    if (ImGui::Button("Remove", ImVec2(7 * f.e, 0)) || dialogEnter()) {
        applyEdit(f, removeHorizon(doc.board(), h->id, st.removeTarget));
        ImGui::CloseCurrentPopup();
    }
    registerLastItem("button:remove-horizon-ok", "button", "Remove");
    ImGui::SameLine();
    if (ImGui::Button("Cancel", ImVec2(7 * f.e, 0)) || ImGui::IsKeyPressed(ImGuiKey_Escape, false))
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

// The filter bar (Ctrl+F): text, tag, status toggles, match count. It wraps to the pane's
// width (a narrow board pane shows it on two or three lines, nothing cut off).
void filterBar(ViewContext& ctx, BoardViewState& st) {
    const float e = em();
    ImGui::PushID("board-filter");
    if (st.focusFilter) {
        ImGui::SetKeyboardFocusHere();
        st.focusFilter = false;
    }
    const float avail = ImGui::GetContentRegionAvail().x;
    ImGui::SetNextItemWidth(std::min(12 * e, avail));
    bool changed = ImGui::InputTextWithHint("##text", "Filter goals\xE2\x80\xA6", &st.filter.text);
    registerLastItem("input:board-filter", "input", "Filter goals");
    if (ImGui::IsItemFocused() && ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
        st.filter = {};
        st.filterOpen = false;
        changed = true;
    }
    const float tagW = std::min(7 * e, avail);
    sameLineIfFits(tagW);
    ImGui::SetNextItemWidth(tagW);
    changed |= ImGui::InputTextWithHint("##tag", "Tag", &st.filter.tag);
    registerLastItem("input:board-filter-tag", "input", "Tag");
    for (int s = 0; s < kGoalStatusCount; ++s) {
        const std::string name(statusName(static_cast<GoalStatus>(s)));
        sameLineIfFits(checkboxWidth(name.c_str()));
        bool on = st.filter.statusMask & (1u << s);
        if (ImGui::Checkbox(name.c_str(), &on)) {
            st.filter.statusMask = static_cast<std::uint8_t>(
                on ? st.filter.statusMask | (1u << s) : st.filter.statusMask & ~(1u << s));
            changed = true;
        }
        registerLastItem("button:board-filter-status:" + name, "button", name);
    }
    if (changed) st.matchCount = countMatches(ctx.doc.content(), st.filter);
    char count[64];
    std::snprintf(count, sizeof count, "%zu of %zu", st.matchCount, ctx.doc.content().goals.size());
    sameLineIfFits(ImGui::CalcTextSize(count).x);
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", count);
    sameLineIfFits(buttonWidth("Clear"));
    if (ImGui::SmallButton("Clear")) {
        st.filter = {};
        st.filterOpen = false;
        st.matchCount = ctx.doc.content().goals.size();
    }
    registerLastItem("button:board-filter-close", "button", "Clear filter");
    ImGui::PopID();
}

// Goals linked to the selected people (the map's selection lights them up here). Cached:
// recomputed only when the document or the selected people change.
void litGoalsFor(const ViewContext& ctx, BoardViewState& st) {
    std::vector<GoalId>& out = st.litGoals;
    if (st.litGeneration == ctx.generation() && st.litPeople == ctx.shared.selection.people) return;
    st.litGeneration = ctx.generation();
    st.litPeople = ctx.shared.selection.people;
    out.clear();
    if (ctx.shared.selection.people.empty()) return;
    for (PersonId p : ctx.shared.selection.people)
        for (const GoalLink* l : linksOfPerson(ctx.doc.content(), p))
            out.push_back(l->goal);
    std::sort(out.begin(), out.end());
}

} // namespace

// ------------------------------------------------------------------------- drawBoardView

struct BoardCanvas {
    ImVec2 origin, size;
    bool hovered = false;
};

// The canvas item under everything drawn on the board, reported as "panel:board-canvas".
BoardCanvas placeBoardCanvas(BoardViewState& st) {
    const float e = em();
    BoardCanvas c;
    c.origin = ImGui::GetCursorScreenPos();
    c.size = ImGui::GetContentRegionAvail();
    c.size.x = std::max(c.size.x, 4.0f * e);
    c.size.y = std::max(c.size.y, 4.0f * e);
    ImGui::SetNextItemAllowOverlap(); // cards and widgets drawn over the canvas stay usable
    ImGui::InvisibleButton("##canvas", c.size,
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                               ImGuiButtonFlags_MouseButtonMiddle);
    c.hovered = ImGui::IsItemHovered();
    registerLastItem("panel:board-canvas", "canvas", "Board");
    st.canvasRect = {fromIm(c.origin), fromIm(c.origin) + fromIm(c.size)};
    return c;
}

// Fit when asked, and when the canvas was resized unless the user has moved the view since
// the last fit. The axis gets the height that makes the board's shape match the canvas at
// the zoom its width allows, so a fitted board fills the view and its text stays large.
void fitBoardIfPending(ViewContext& ctx, BoardViewState& st, const BoardCanvas& c) {
    const float e = em();
    const ImVec2 size = c.size;
    if (!st.viewMoved &&
        (std::fabs(st.fittedSize.x - size.x) > 0.5f || std::fabs(st.fittedSize.y - size.y) > 0.5f))
        st.fitPending = true;
    if (!st.fitPending || st.layout.columns.empty()) return;
    const FitShape shape = fitShape(e, fromIm(size), st.layout.columns.size());
    st.columnWidthEm = shape.columnWidthEm;
    st.bandHeightEm = shape.bandHeightEm;
    refreshCaches(ctx, st);
    st.nav.xf.origin = fromIm(c.origin);
    st.nav.xf = fitRect(st.nav.xf, st.layout.bounds, fromIm(size), 1.0f * e, kFitLimits);
    refreshCaches(ctx, st); // the level of detail of the fitted zoom
    // Top-aligned when it fits: the headers belong at the top, spare room goes below.
    const float h = st.layout.bounds.height() * st.nav.xf.zoom;
    if (h + 2.0f * e <= size.y)
        st.nav.xf.offset.y = 1.0f * e - st.layout.bounds.min.y * st.nav.xf.zoom;
    st.fitPending = false;
    st.viewMoved = false;
    st.fittedSize = fromIm(size);
}

// The focus ring on the keyboard cursor's card while the board has the keyboard, in the
// accent colour just outside the card, reported as "focus:goal" (label: the goal's id).
void drawKeyboardCursor(Frame& f) {
    const BoardViewState& st = f.st;
    if (!st.keyboardHere || !st.cursor) return;
    const CardBox* k = st.layout.find(st.cursor);
    if (!k) return;
    const Rectf r = st.nav.xf.toScreenRect(k->rect);
    const float pad = 0.3f * f.e;
    const ImVec2 p0 = toIm(r.min) - ImVec2(pad, pad), p1 = toIm(r.max) + ImVec2(pad, pad);
    f.dl->AddRect(p0, p1, f.pal.accent, 0.5f * f.e * st.nav.xf.zoom + pad,
                  std::max(2.0f, 0.14f * f.e));
    registerItem("focus:goal", "focus", std::to_string(st.cursor.value), p0, p1);
}

// A horizon just added: pan (sideways, and down to its header when above) so its whole
// column is in view; a column wider than the canvas shows its left edge.
void revealNewHorizon(BoardViewState& st, const BoardCanvas& c) {
    if (!st.revealHorizon) return;
    const HorizonId id = st.revealHorizon;
    st.revealHorizon = {};
    for (const ColumnBox& col : st.layout.columns) {
        if (col.horizon != id) continue;
        const Rectf r = st.nav.xf.toScreenRect(col.rect);
        const float m = 1.0f * em();
        const float left = c.origin.x + m, right = c.origin.x + c.size.x - m;
        Vec2f d{0, 0};
        if (r.max.x > right) d.x = right - r.max.x;
        if (r.min.x + d.x < left) d.x = left - r.min.x;
        if (r.min.y < c.origin.y) d.y = c.origin.y + m - r.min.y;
        if (d.x == 0 && d.y == 0) return;
        st.nav.xf = panBy(st.nav.xf, d);
        st.viewMoved = true;
        return;
    }
}

// ------------------------------------------------------------------------------ minimap

// Where the minimap goes: the bottom right of the canvas, above the zoom readout, at most
// 10 em wide and a quarter of the canvas, in the board's own proportions. Empty when hidden.
Rectf minimapScreenRect(const BoardViewState& st, const BoardCanvas& c) {
    const Rectf& b = st.layout.bounds;
    if (!st.minimap || st.picture || b.empty()) return {};
    const float e = em();
    float w = std::min(10.0f * e, c.size.x * 0.25f);
    float h = w * b.height() / b.width();
    if (h > c.size.y * 0.25f) {
        h = c.size.y * 0.25f;
        w = h * b.width() / b.height();
    }
    const Vec2f max{c.origin.x + c.size.x - 0.6f * e, c.origin.y + c.size.y - 2.2f * e};
    return {{max.x - w, max.y - h}, max};
}

// The minimap's world-to-screen scale (uniform) for the board's bounds.
Vec2f minimapToScreen(const BoardViewState& st, Vec2f world) {
    const Rectf &b = st.layout.bounds, &m = st.minimapRect;
    const float k = m.width() / b.width();
    return {m.min.x + (world.x - b.min.x) * k, m.min.y + (world.y - b.min.y) * k};
}

// Set-up: the minimap's item over the canvas; pressing or dragging in it centres the view
// on the point of the board under the pointer.
void minimapInput(BoardViewState& st, const BoardCanvas& c) {
    st.minimapRect = minimapScreenRect(st, c);
    if (st.minimapRect.empty()) return;
    ImGui::SetCursorScreenPos(toIm(st.minimapRect.min)); // inside the canvas: it grows nothing
    ImGui::InvisibleButton("##minimap", toIm(st.minimapRect.max - st.minimapRect.min));
    registerLastItem("panel:board-minimap", "minimap", "Minimap");
    if (ImGui::IsItemActive() && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        const Rectf &b = st.layout.bounds, &m = st.minimapRect;
        const float k = b.width() / m.width();
        const Vec2f mouse = fromIm(ImGui::GetIO().MousePos);
        const Vec2f world{b.min.x + (mouse.x - m.min.x) * k, b.min.y + (mouse.y - m.min.y) * k};
        const Vec2f centre = fromIm(c.origin) + fromIm(c.size) * 0.5f;
        st.nav.xf = panBy(st.nav.xf, centre - st.nav.xf.toScreen(world));
        st.viewMoved = true;
    }
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeAll);
}

// The minimap: columns, every card, chip and stack as a small block in its colour, and the
// part of the board in view as a rectangle.
void drawMinimap(Frame& f) {
    const BoardViewState& st = f.st;
    const Rectf& m = st.minimapRect;
    if (m.empty()) return;
    ImDrawList* dl = f.dl;
    dl->AddRectFilled(toIm(m.min) - ImVec2(3, 3), toIm(m.max) + ImVec2(3, 3),
                      withAlpha(f.pal.cardBg, 0.95f), 0.3f * f.e);
    dl->AddRect(toIm(m.min) - ImVec2(3, 3), toIm(m.max) + ImVec2(3, 3), f.pal.cardBorder,
                0.3f * f.e);
    for (const ColumnBox& col : st.layout.columns)
        dl->AddRectFilled(toIm(minimapToScreen(st, col.rect.min)),
                          toIm(minimapToScreen(st, col.rect.max)), withAlpha(f.pal.text, 0.06f));
    for (const CardBox& k : st.layout.cards) {
        const ImVec2 a = toIm(minimapToScreen(st, k.rect.min));
        const ImVec2 b = toIm(minimapToScreen(st, k.rect.max));
        const ImU32 col = k.specificity < 0.5 ? f.pal.direction : f.pal.destination;
        dl->AddRectFilled(a, ImVec2(std::max(b.x, a.x + 1), std::max(b.y, a.y + 1)),
                          withAlpha(col, 0.8f));
    }
    const Rectf view = st.nav.xf.toWorldRect(st.canvasRect);
    ImVec2 va = toIm(minimapToScreen(st, view.min)), vb = toIm(minimapToScreen(st, view.max));
    va = ImVec2(std::max(va.x, m.min.x - 2), std::max(va.y, m.min.y - 2));
    vb = ImVec2(std::min(vb.x, m.max.x + 2), std::min(vb.y, m.max.y + 2));
    if (va.x < vb.x && va.y < vb.y) dl->AddRect(va, vb, f.pal.accent, 0.0f, 1.5f);
}

// Back to front: background and axis, columns, ghosts, cards, headers, the drag, overlays.
void drawBoard(Frame& f, ImVec2 origin) {
    BoardViewState& st = f.st;
    litGoalsFor(f.ctx, st);
    f.dl->PushClipRect(origin, toIm(st.canvasRect.max), true);
    drawBackground(f);
    drawColumns(f);
    drawGhosts(f, false);
    drawCards(f, st.litGoals);
    drawGhosts(f, true);
    drawHeaders(f);
    drawKeyboardCursor(f);
    drawDragOverlay(f);
    drawOverlayText(f);
    drawMinimap(f);
    f.dl->PopClipRect();
}

// One frame: set up the canvas (pan, zoom, fit), update from the mouse and keys (each change
// dispatched), draw, then the popups.
void drawBoardView(ViewContext& ctx, BoardViewState& st) {
    const float e = em();
    ImGui::PushID("board-view");
    refreshCaches(ctx, st);
    if (st.filterOpen && !st.picture) filterBar(ctx, st);
    const BoardCanvas canvas = placeBoardCanvas(st);
    fitBoardIfPending(ctx, st, canvas);
    revealNewHorizon(st, canvas);
    minimapInput(st, canvas);
    CanvasNavOptions opts;
    opts.limits = kZoomLimits;
    if (handleCanvasNavigation(st.nav, canvas.origin, canvas.size, canvas.hovered, opts))
        st.viewMoved = true;

    const ImGuiIO& io = ImGui::GetIO();
    Frame f{ctx,
            st,
            palette(),
            ImGui::GetWindowDrawList(),
            isReadOnly(ctx),
            canvas.hovered,
            fromIm(io.MousePos),
            st.nav.xf.toWorld(fromIm(io.MousePos)),
            e};
    const bool focused = ImGui::IsWindowFocused(ImGuiFocusedFlags_ChildWindows);
    st.keyboardHere = focused;
    handleMouse(f);
    handleKeyboard(f, focused);
    refreshCaches(ctx, st); // edits above change the layout drawn below
    if (st.nav.panning || st.gesture == BoardViewState::Gesture::DragCards)
        ImGui::SetMouseCursor(st.nav.panning ? ImGuiMouseCursor_ResizeAll : ImGuiMouseCursor_Hand);
    drawBoard(f, canvas.origin);

    renameFields(f);
    contextMenus(f);
    stackListPopup(f);
    removeHorizonDialog(f);
    ImGui::PopID();
}

} // namespace horizons::ui
