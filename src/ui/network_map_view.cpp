// network_map_view.cpp — see network_map_view.hpp.
//
// Index
//   helpers ............ em(), colours, initials, mouse snapshot
//   edits .............. linkGoalsToPersonEdit, add / rename / delete helpers
//   toolbar ............ add, fit, filter popup, legend toggle, workspace toggle
//   canvas drawing ..... rings, threshold zone, "You", intro curves, nodes, legend, fit
//   frame set-up ....... the canvas item, cache, fit and transform (beginMapFrame)
//   hit-test ........... MapHits: the person, link handle and goal drop target under the mouse
//   update ............. gestures (move across rings, link, cross-view drags), keys
//   draw ............... names, people, handles, previews, overlays, tooltips
//   menus .............. person, intro and background context menus
//   rename in place
//   drawNetworkMapView() one frame: set up, hit-test, update, draw, menus, rename

#include "ui/network_map_view.hpp"
#include "ui/person_delete_dialog.hpp"
#include "ui/widgets.hpp"

#include "model/edits.hpp"
#include "ui/fonts.hpp"
#include "ui/layout_registry.hpp"
#include "ui/network_layout.hpp"
#include "ui/theme.hpp"
#include "ui/workspace_view.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <string>
#include <unordered_map>

namespace horizons::ui {

// ---------------------------------------------------------------------------------- helpers

namespace {

// World units per em: the geometry is authored for a 16 px font.
RingGeometry geometryForEm(float e) {
    RingGeometry g;
    const float s = e / 16.0f;
    g.youRadius *= s;
    g.innerRadius *= s;
    g.ringGap *= s;
    g.nodeRadius *= s;
    return g;
}

// The bytes of the first UTF-8 code point of `s` (ASCII upper-cased).
std::string firstLetter(std::string_view s) {
    if (s.empty()) return {};
    const auto c = static_cast<unsigned char>(s[0]);
    std::size_t n = 1;
    if (c >= 0xF0)
        n = 4;
    else if (c >= 0xE0)
        n = 3;
    else if (c >= 0xC0)
        n = 2;
    n = std::min(n, s.size());
    std::string out(s.substr(0, n));
    if (n == 1) out[0] = static_cast<char>(std::toupper(c));
    return out;
}

std::string initials(std::string_view name) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < name.size()) {
        while (i < name.size() && name[i] == ' ')
            ++i;
        const std::size_t start = i;
        while (i < name.size() && name[i] != ' ')
            ++i;
        if (i > start) words.push_back(name.substr(start, i - start));
    }
    if (words.empty()) return "?";
    std::string out = firstLetter(words.front());
    if (words.size() > 1) out += firstLetter(words.back());
    return out;
}

// `text` shortened with an ellipsis to fit `maxWidth` pixels.
std::string fitText(const std::string& text, float maxWidth) {
    if (ImGui::CalcTextSize(text.c_str()).x <= maxWidth) return text;
    std::string s = text;
    while (!s.empty()) {
        // drop one UTF-8 code point from the end
        std::size_t cut = s.size() - 1;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
            --cut;
        s.resize(cut);
        if (ImGui::CalcTextSize((s + "\xE2\x80\xA6").c_str()).x <= maxWidth)
            return s + "\xE2\x80\xA6";
    }
    return "\xE2\x80\xA6";
}

// The mouse, read once per frame.
struct MouseSnap {
    ImVec2 pos{0, 0};
    bool valid = false;
    bool clicked = false;       // left went down
    bool doubleClicked = false; // left double click
    bool down = false;          // left held
    bool released = false;      // left went up
    float dragThreshold = 4.0f; // pixels before a press becomes a drag
};

MouseSnap snapMouse() {
    const ImGuiIO& io = ImGui::GetIO();
    MouseSnap m;
    m.pos = io.MousePos;
    m.valid = ImGui::IsMousePosValid(&io.MousePos);
    m.clicked = ImGui::IsMouseClicked(ImGuiMouseButton_Left);
    m.doubleClicked = ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left);
    m.down = ImGui::IsMouseDown(ImGuiMouseButton_Left);
    m.released = ImGui::IsMouseReleased(ImGuiMouseButton_Left);
    m.dragThreshold = std::max(4.0f, 0.3f * em());
    return m;
}

bool inRect(ImVec2 p, ImVec2 a, ImVec2 b) {
    return p.x >= a.x && p.y >= a.y && p.x < b.x && p.y < b.y;
}

std::string personKey(PersonId id) { return "person:" + std::to_string(id.value); }

} // namespace

ImU32 relationshipColour(Relationship r) {
    static const ImU32 dark[kRelationshipCount] = {
        IM_COL32(84, 142, 255, 255),  // Manager
        IM_COL32(128, 112, 245, 255), // SkipLevel
        IM_COL32(38, 170, 175, 255),  // Colleague
        IM_COL32(86, 178, 92, 255),   // Mentor
        IM_COL32(214, 166, 36, 255),  // Sponsor
        IM_COL32(232, 118, 56, 255),  // PeerOutside
        IM_COL32(224, 92, 150, 255),  // FriendFamily
        IM_COL32(172, 98, 222, 255),  // Coach
        IM_COL32(130, 136, 150, 255), // Other
    };
    static const ImU32 light[kRelationshipCount] = {
        IM_COL32(36, 102, 224, 255), IM_COL32(96, 76, 214, 255),  IM_COL32(16, 132, 140, 255),
        IM_COL32(46, 140, 56, 255),  IM_COL32(176, 128, 0, 255),  IM_COL32(204, 88, 24, 255),
        IM_COL32(196, 56, 120, 255), IM_COL32(140, 64, 196, 255), IM_COL32(110, 116, 130, 255),
    };
    const int i = std::clamp(static_cast<int>(r), 0, kRelationshipCount - 1);
    return currentTheme() == Theme::Light ? light[i] : dark[i];
}

const char* trustRingLabel(int trust) {
    switch (std::clamp(trust, kMinTrust, kMaxTrust)) {
    case 5: return "talk about anything";
    case 4: return "wider aspirations";
    case 3: return "growth here";
    case 2: return "the current role, openly";
    default: return "keep to the current role";
    }
}

// ------------------------------------------------------------------------------------ edits

Edit linkGoalsToPersonEdit(const Document& doc, session::Dispatcher& ids, PersonId person,
                           std::span<const GoalId> goals) {
    Edit out;
    std::vector<GoalId> seen;
    for (GoalId g : goals) {
        if (std::find(seen.begin(), seen.end(), g) != seen.end()) continue;
        seen.push_back(g);
        Edit e = linkPersonToGoal(doc.board(), ids.newId<LinkId>(), person, g);
        if (e.empty()) continue;
        for (auto& op : e.ops)
            out.ops.push_back(std::move(op));
    }
    if (!out.empty()) out.label = seen.size() == 1 ? "Link person to goal" : "Link person to goals";
    return out;
}

namespace {

struct Frame; // per-frame data shared by the drawing and input helpers

PersonId addPersonAt(ViewContext& ctx, int trust, double angle) {
    Person p;
    p.id = ctx.dispatch.newId<PersonId>();
    p.name = "New person";
    p.trust = std::clamp(trust, kMinTrust, kMaxTrust);
    p.mapAngle = normalizeAngle(angle);
    if (!ctx.dispatch.apply(addPerson(ctx.doc.board(), p))) return {};
    ctx.shared.selection.selectOnly(p.id);
    return p.id;
}

void startRename(NetworkMapViewState& st, const Person& p) {
    st.renaming = p.id;
    st.renameText = p.name;
    st.renameFocus = true;
}

void deleteSelectedPeople(ViewContext& ctx) {
    deletePeopleAsking(ctx, ctx.shared.selection.people);
}

// --------------------------------------------------------------------------------- toolbar

void drawFilterPopup(const BoardContent& c, NetworkMapViewState& st) {
    if (!ImGui::BeginPopup("map-filter")) return;
    NetworkFilter& f = st.filter;
    ImGui::SeparatorText("Relationship");
    // Only relationships on the board, plus any already excluded (so they can be re-enabled).
    bool present[kRelationshipCount] = {};
    for (const auto& p : c.people)
        present[static_cast<int>(p.relationship)] = true;
    for (int i = 0; i < kRelationshipCount; ++i) {
        const auto r = static_cast<Relationship>(i);
        if (!present[i] && (f.relationships & relationshipBit(r))) continue;
        bool on = (f.relationships & relationshipBit(r)) != 0;
        ImGui::PushID(i);
        ImGui::ColorButton("##c", ImGui::ColorConvertU32ToFloat4(relationshipColour(r)),
                           ImGuiColorEditFlags_NoTooltip | ImGuiColorEditFlags_NoDragDrop,
                           ImVec2(0.8f * em(), 0.8f * em()));
        ImGui::SameLine();
        const std::string label(relationshipName(r));
        if (ImGui::Checkbox(label.c_str(), &on))
            f.relationships = on ? (f.relationships | relationshipBit(r))
                                 : (f.relationships & ~relationshipBit(r));
        ImGui::PopID();
    }
    if (ImGui::SmallButton("All")) f.relationships = kAllRelationships;
    ImGui::SameLine();
    if (ImGui::SmallButton("None")) f.relationships = 0;

    ImGui::SeparatorText("Organisation");
    int org = static_cast<int>(f.org);
    ImGui::RadioButton("Anyone", &org, static_cast<int>(OrgFilter::Any));
    ImGui::SameLine();
    ImGui::RadioButton("Inside", &org, static_cast<int>(OrgFilter::Inside));
    ImGui::SameLine();
    ImGui::RadioButton("Outside", &org, static_cast<int>(OrgFilter::Outside));
    f.org = static_cast<OrgFilter>(org);

    ImGui::SeparatorText("Conversations");
    ImGui::Checkbox("Only overdue conversations", &f.overdueOnly);

    ImGui::SeparatorText("Minimum trust");
    ImGui::SetNextItemWidth(12 * em());
    ImGui::SliderInt("##mintrust", &f.minTrust, kMinTrust, kMaxTrust, "%d");
    f.minTrust = std::clamp(f.minTrust, kMinTrust, kMaxTrust);
    ImGui::SameLine();
    ImGui::TextDisabled("%s", trustRingLabel(f.minTrust));

    ImGui::Separator();
    if (ImGui::Button("Clear filter")) f.reset();
    ImGui::EndPopup();
}

// The toolbar's actions, in order. Those that do not fit the pane's width go into a "…" menu
// at the end of the row, so a narrow map (1024x640 with every panel open) cuts none off.
struct ToolbarAction {
    const char* label;
    const char* id;
    const char* tip;
    bool enabled;
};
enum ToolbarIndex { kAddPerson, kFit, kFilter, kLegend, kToolbarActions };

void runToolbarAction(ViewContext& ctx, NetworkMapViewState& st, int i) {
    const BoardContent& c = ctx.doc.content();
    if (i == kAddPerson) {
        std::vector<double> angles;
        for (const auto& p : c.people)
            if (p.trust == 3) angles.push_back(p.mapAngle);
        const PersonId id = addPersonAt(ctx, 3, freeAngle(angles, -std::numbers::pi / 2));
        if (const Person* p = ctx.doc.content().people.find(id)) startRename(st, *p);
    } else if (i == kFit) {
        st.fitRequested = true;
    } else if (i == kFilter) {
        ImGui::OpenPopup("map-filter");
    } else if (i == kLegend) {
        st.showLegend = !st.showLegend;
    }
}

// How many of the actions fit in `width` (the rest go into the "…" menu).
int toolbarActionsThatFit(const ToolbarAction* a, float width) {
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    float all = 0;
    for (int i = 0; i < kToolbarActions; ++i)
        all += buttonWidth(a[i].label) + (i ? gap : 0);
    if (all <= width) return kToolbarActions;
    float x = buttonWidth("\xE2\x80\xA6"); // the "…" button
    int n = 0;
    while (n < kToolbarActions && x + gap + buttonWidth(a[n].label) <= width)
        x += gap + buttonWidth(a[n++].label);
    return n;
}

// The "…" button and its menu of the actions from `first` on; returns the one chosen or -1.
int toolbarOverflow(const ToolbarAction* a, int first) {
    int chosen = -1;
    if (button("\xE2\x80\xA6", "map-toolbar-more")) ImGui::OpenPopup("map-toolbar-more");
    ImGui::SetItemTooltip("More: the map's actions that do not fit here");
    if (ImGui::BeginPopup("map-toolbar-more")) {
        for (int i = first; i < kToolbarActions; ++i) {
            if (ImGui::MenuItem(a[i].label, nullptr, false, a[i].enabled)) chosen = i;
            registerLastItem(std::string("menu:map-toolbar/") + a[i].id, "menu", a[i].label);
            ImGui::SetItemTooltip("%s", a[i].tip);
        }
        ImGui::EndPopup();
    }
    return chosen;
}

void drawToolbar(ViewContext& ctx, NetworkMapViewState& st, float canvasWidthHint) {
    const bool filtered = st.filter.active();
    const ToolbarAction actions[kToolbarActions] = {
        {"+ Person", "map-add-person",
         "Add a person to the map (or double-click empty space on a ring)", !ctx.shared.readOnly},
        {"Fit", "map-fit", "Show the whole map (Ctrl+0)", true},
        {filtered ? "Filter *" : "Filter", "map-filter",
         "Show only some people: relationship, inside or outside the organisation, overdue "
         "conversations, minimum trust",
         true},
        {st.showLegend ? "Hide legend" : "Legend", "map-legend",
         "What the colours and markers mean", true},
    };
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float toggleW = ctx.panels ? workspaceToggleWidth() + gap : 0;
    const int fit = toolbarActionsThatFit(actions, canvasWidthHint - toggleW);
    int chosen = -1;
    for (int i = 0; i < fit; ++i) {
        if (i) ImGui::SameLine();
        ImGui::BeginDisabled(!actions[i].enabled);
        const bool lit = i == kFilter && filtered;
        if (lit)
            ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (button(actions[i].label, actions[i].id)) chosen = i;
        ImGui::SetItemTooltip("%s", actions[i].tip);
        if (lit) ImGui::PopStyleColor();
        ImGui::EndDisabled();
    }
    if (fit < kToolbarActions) {
        if (fit > 0) ImGui::SameLine();
        const int more = toolbarOverflow(actions, fit);
        if (more >= 0) chosen = more;
    }
    if (chosen >= 0) runToolbarAction(ctx, st, chosen);
    drawFilterPopup(ctx.doc.content(), st);
    if (ctx.panels) {
        const float x = ImGui::GetCursorPosX();
        sameLineIfFits(toggleW - gap);
        const float right = x + canvasWidthHint - (toggleW - gap);
        if (right > ImGui::GetCursorPosX()) ImGui::SetCursorPosX(right);
        drawWorkspaceToggle(*ctx.panels, WorkspacePane::Map);
    }
}

// ------------------------------------------------------------------------- per-frame data

struct Frame {
    Frame(const BoardContent& content, NetworkMapViewState& state, RingGeometry geometry,
          ImVec2 min, ImVec2 max)
        : c(content), st(state), cache(state.cache), g(geometry), c0(min), c1(max) {}
    const BoardContent& c;
    NetworkMapViewState& st;
    NetworkMapCache& cache;
    RingGeometry g;
    ImVec2 c0, c1; // canvas rectangle (screen)
    float zoom = 1;
    CanvasTransform navXf;
    std::span<const PersonId> linkedToSelectedGoals; // sorted
    float nodeR = 10;                                // screen radius of a node
    MouseSnap mouse;
    bool hovered = false; // canvas hovered (no other item active)
    bool mouseInCanvas = false;
    bool naive = false; // the benchmark's baseline: no culling, no level of detail

    ImVec2 toScreen(ImVec2 w) const { return toIm(navXf.toScreen(fromIm(w))); }
    ImVec2 toWorld(ImVec2 s) const { return toIm(navXf.toWorld(fromIm(s))); }
    ImVec2 centre() const { return toScreen(ImVec2(0, 0)); }
    bool isVisible(PersonId id) const { return cache.indexOf(id).has_value(); }
    bool isOverdue(PersonId id) const {
        const auto i = cache.indexOf(id);
        return i && cache.overdue(*i);
    }
    std::optional<PersonId> personAt(ImVec2 screen) const {
        return cache.personAt(toWorld(screen), (nodeR + 3.0f) / zoom);
    }
    ImVec2 handlePos(const PlacedPerson& p) const { // link handle: on the rim, outwards
        const ImVec2 s = toScreen(p.pos);
        const float a = static_cast<float>(p.angle);
        return s + ImVec2(std::cos(a), std::sin(a)) * (nodeR + 0.55f * em());
    }
    // The world rectangle on screen, grown by `marginPx` (everything when naive).
    Rectf visible(float marginPx) const {
        if (naive) return Rectf{{-FLT_MAX, -FLT_MAX}, {FLT_MAX, FLT_MAX}};
        return visibleWorld(navXf, fromIm(c1 - c0)).expanded(marginPx / zoom);
    }
    // Level of detail of a ring: a full node (initials, name, badge) needs room around it.
    // Far out, or when a ring holds more people than fit side by side, nodes are plain dots.
    bool detailed(int trust) const {
        if (naive) return true;
        if (g.ringGap * zoom < 1.2f * em()) return false; // no room between rings for names
        return spacingPx(trust) >= 2.0f * nodeR;
    }
    float spacingPx(int trust) const { // screen distance between neighbours on a sub-ring
        const int n = cache.ringCount(trust);
        const int rows = ringRows(g, trust, static_cast<std::size_t>(std::max(n, 0)));
        return n <= 1 ? FLT_MAX
                      : 2.0f * std::numbers::pi_v<float> * ringRadius(g, trust) * zoom *
                            static_cast<float>(rows) / static_cast<float>(n);
    }
    float dotRadius(int trust) const { // a plain dot, small enough not to cover its neighbours
        return std::max(1.5f, std::min(nodeR, 0.42f * spacingPx(trust)));
    }
};

// An intro curve in screen space: bowed away from the map's centre (not the screen's origin).
IntroCurve screenCurve(const Frame& f, ImVec2 a, ImVec2 b) {
    const ImVec2 o = f.centre();
    IntroCurve cv = introCurve(a - o, b - o, f.nodeR + 2.0f);
    cv.p0 = cv.p0 + o;
    cv.ctrl = cv.ctrl + o;
    cv.p1 = cv.p1 + o;
    return cv;
}

// Intro under the mouse (curves between visible people), for the context menu.
std::optional<IntroId> introAt(const Frame& f, ImVec2 screen) {
    std::optional<IntroId> best;
    float bestD = 0.35f * em();
    const ImVec2 w = f.toWorld(screen);
    const float tol = bestD / f.zoom;
    const auto placed = f.cache.placed();
    for (const MapIntro& in : f.cache.intros()) {
        if (!in.box.expanded(tol).contains({w.x, w.y})) continue;
        const IntroCurve cv =
            screenCurve(f, f.toScreen(placed[in.from].pos), f.toScreen(placed[in.to].pos));
        const float d = cv.distanceTo(screen);
        if (d < bestD) {
            bestD = d;
            best = in.id;
        }
    }
    return best;
}

// ------------------------------------------------------------------------- canvas drawing

void drawRings(ImDrawList* dl, const Frame& f, int threshold, int highlightTrust) {
    const Palette& pal = palette();
    const ImVec2 centre = f.centre();
    const bool reg = currentLayoutRegistry() != nullptr;
    // The zone of people trusted with goals beyond the organisation: shaded.
    if (threshold >= kMinTrust && threshold <= kMaxTrust) {
        const float rz = (ringRadius(f.g, threshold) + 0.5f * f.g.ringGap) * f.zoom;
        dl->AddCircleFilled(centre, rz, withAlpha(pal.accent, 0.07f), 96);
        dl->AddCircle(centre, rz, withAlpha(pal.accent, 0.45f), 96, 1.5f);
    }
    for (int t = kMinTrust; t <= kMaxTrust; ++t) {
        const float r = ringRadius(f.g, t) * f.zoom;
        const bool isThreshold = t == threshold;
        const bool hot = t == highlightTrust;
        ImU32 col = isThreshold ? withAlpha(pal.accent, 0.8f) : pal.canvasGrid;
        float thick = isThreshold ? 2.0f : 1.2f;
        if (hot) {
            col = pal.accent;
            thick = 3.0f;
        }
        dl->AddCircle(centre, r, col, 128, thick);
        if (reg)
            registerItem("ring:" + std::to_string(t), "ring",
                         "Trust " + std::to_string(t) + ": " + trustRingLabel(t),
                         centre - ImVec2(r, r), centre + ImVec2(r, r));
    }
}

// Ring captions and the threshold's caption: drawn over the intro curves, under the people,
// each at the first angle near the top (the threshold's: near the bottom) where no node,
// name or other caption is; a caption with no free place is left out while names are shown
// (the legend and the tooltips still say what the rings mean).
void drawRingLabels(ImDrawList* dl, Frame& f, int threshold, bool namesShown) {
    const Palette& pal = palette();
    const ImVec2 centre = f.centre();
    const float fs = 0.8f * em();
    ImFont* font = ImGui::GetFont();
    const ImVec2 pad(0.3f * em(), 0.05f * em());
    const Rectf viewport{fromIm(f.c0), fromIm(f.c1)};
    std::vector<Rectf>& obstacles = f.st.obstacles; // node discs and names, filled by the caller
    const float youR = std::max(f.g.youRadius * f.zoom, 0.9f * em());
    obstacles.push_back(
        Rectf{{centre.x - youR, centre.y - youR}, {centre.x + youR, centre.y + youR}});
    f.st.captionsShown = 0;

    auto place = [&](const char* text, float radius, bool preferBottom, ImU32 col, bool always) {
        const ImVec2 sz = font->CalcTextSizeA(fs, FLT_MAX, 0.0f, text);
        const ImVec2 box = sz + pad * 2.0f;
        std::optional<Rectf> at =
            placeCaption(centre, radius, box, captionAngles(preferBottom), obstacles, viewport);
        if (!at && always) // no free place, but no names either: over the dots, at the top
            at = placeCaption(centre, radius, box, captionAngles(preferBottom), {}, viewport);
        if (!at) return;
        obstacles.push_back(at->expanded(0.25f * em())); // air between captions
        dl->AddRectFilled(toIm(at->min), toIm(at->max), withAlpha(pal.canvasBg, 0.92f), fs * 0.5f);
        dl->AddText(font, fs, toIm(at->min) + pad, col, text);
        ++f.st.captionsShown;
    };
    const bool crowdedOut = f.zoom * f.g.ringGap < fs * 1.6f; // rings closer than a caption
    for (int t = kMinTrust; t <= kMaxTrust; ++t) {
        if (crowdedOut && t != kMinTrust && t != kMaxTrust && t != threshold) continue;
        char buf[96];
        std::snprintf(buf, sizeof buf, "%d \xC2\xB7 %s", t, trustRingLabel(t));
        place(buf, ringRadius(f.g, t) * f.zoom, false, t == threshold ? pal.accent : pal.textMuted,
              !namesShown);
    }
    // The threshold's meaning, on the edge of the shaded zone.
    if (threshold >= kMinTrust && threshold <= kMaxTrust && !crowdedOut) {
        const float rz = (ringRadius(f.g, threshold) + 0.5f * f.g.ringGap) * f.zoom;
        char buf[96];
        std::snprintf(buf, sizeof buf, "beyond-org goals: trust %d+", threshold);
        place(buf, rz, true, pal.accent, !namesShown);
    }
}

void drawYou(ImDrawList* dl, const Frame& f) {
    const Palette& pal = palette();
    const ImVec2 centre = f.centre();
    const float r = std::max(f.g.youRadius * f.zoom, 0.9f * em());
    dl->AddCircleFilled(centre, r, pal.accent, 48);
    FontScope bold(fonts().semibold);
    const char* you = "You";
    const ImVec2 sz = ImGui::CalcTextSize(you);
    dl->AddText(centre - sz * 0.5f, IM_COL32(255, 255, 255, 255), you);
    registerItem("map:you", "you", "You", centre - ImVec2(r, r), centre + ImVec2(r, r));
}

void drawIntroCurve(ImDrawList* dl, const Frame& f, ImVec2 a, ImVec2 b, ImU32 col, float thick) {
    const IntroCurve cv = screenCurve(f, a, b);
    dl->AddBezierQuadratic(cv.p0, cv.ctrl, cv.p1, col, thick, 24);
    const ArrowHead h = arrowHead(cv, 0.55f * em());
    dl->AddTriangleFilled(h.tip, h.left, h.right, col);
}

void drawIntros(ImDrawList* dl, const Frame& f, const Selection& sel, IntroId hot) {
    const Palette& pal = palette();
    const Rectf vis = f.visible(f.nodeR + 4.0f);
    const auto placed = f.cache.placed();
    for (const MapIntro& in : f.cache.intros()) {
        if (!in.box.overlaps(vis)) continue;
        const PlacedPerson& a = placed[in.from];
        const PlacedPerson& b = placed[in.to];
        const bool lit = sel.has(a.id) || sel.has(b.id) || in.id == hot;
        drawIntroCurve(dl, f, f.toScreen(a.pos), f.toScreen(b.pos),
                       lit ? pal.accent : withAlpha(pal.textMuted, 0.75f), lit ? 2.2f : 1.4f);
    }
}

struct NodeLook {
    bool selected = false;
    bool hovered = false;
    bool litByGoal = false;  // linked to a goal selected on the board
    bool dimmed = false;     // goals are selected and this person is not linked to them
    bool dropTarget = false; // a goal or link drag would land here
    bool ghost = false;      // the original place of a person being dragged
    bool overdue = false;    // a conversation is overdue (badge)
};

// The name as drawn under a node: at most 9 em wide.
std::string nodeName(const Person& p) { return fitText(p.name, 9.0f * em()); }

ImVec2 nameTextSize(const std::string& name, bool bold) {
    FontScope font(bold ? fonts().semibold : nullptr);
    return ImGui::CalcTextSize(name.c_str());
}

// A plain dot: far out or on a crowded ring.
void drawDot(ImDrawList* dl, const Person& p, ImVec2 s, float r, const NodeLook& look) {
    const Palette& pal = palette();
    const float a = look.ghost ? 0.3f : (look.dimmed ? 0.35f : 1.0f);
    const ImU32 col = relationshipColour(p.relationship);
    const int seg = r < 4.0f ? 6 : 12;
    if (look.litByGoal) dl->AddCircleFilled(s, r + 3.0f, withAlpha(pal.accent, 0.35f), seg);
    // inside the organisation: solid; outside: paler
    dl->AddCircleFilled(s, r, withAlpha(col, a * (p.insideOrg ? 1.0f : 0.45f)), seg);
    if (look.selected || look.hovered || look.dropTarget)
        dl->AddCircle(s, r + 2.0f, look.hovered && !look.selected ? pal.text : pal.accent, seg + 4,
                      2.0f);
}

// A full node: disc, initials, overdue badge and (when `nameMin` is set) the name.
void drawNode(ImDrawList* dl, const Frame& f, const Person& p, ImVec2 s, const NodeLook& look,
              const std::string* name, ImVec2 nameMin) {
    const Palette& pal = palette();
    const float a = look.ghost ? 0.3f : (look.dimmed ? 0.4f : 1.0f);
    const ImU32 col = withAlpha(relationshipColour(p.relationship), a);
    const float r = f.nodeR;

    if (look.litByGoal) dl->AddCircleFilled(s, r + 0.45f * em(), withAlpha(pal.accent, 0.28f), 32);
    if (look.dropTarget) dl->AddCircle(s, r + 0.5f * em(), pal.accent, 32, 3.0f);

    // Inside the organisation: a filled disc. Outside: a ring with the canvas showing through.
    if (p.insideOrg) {
        dl->AddCircleFilled(s, r, col, 32);
    } else {
        dl->AddCircleFilled(s, r, withAlpha(pal.canvasBg, a), 32);
        dl->AddCircle(s, r - 1.5f, col, 32, 3.0f);
    }
    if (look.selected || look.hovered)
        dl->AddCircle(s, r + 2.5f, look.selected ? pal.accent : withAlpha(pal.text, 0.6f), 32,
                      look.selected ? 2.5f : 1.5f);

    // Initials inside (when the disc is big enough), the name outside.
    const float fs = std::min(0.8f * em(), r * 1.0f);
    if (fs >= 0.45f * em()) {
        const std::string ini = initials(p.name);
        FontScope bold(fonts().semibold);
        ImFont* font = ImGui::GetFont();
        const ImVec2 sz = font->CalcTextSizeA(fs, FLT_MAX, 0.0f, ini.c_str());
        const ImU32 tc = p.insideOrg ? withAlpha(IM_COL32(255, 255, 255, 255), a) : col;
        dl->AddText(font, fs, s - sz * 0.5f, tc, ini.c_str());
    }
    if (name) {
        FontScope font(look.selected ? fonts().semibold : nullptr);
        const ImVec2 sz = ImGui::CalcTextSize(name->c_str());
        dl->AddRectFilled(nameMin - ImVec2(0.2f * em(), 0), nameMin + sz + ImVec2(0.2f * em(), 0),
                          withAlpha(pal.canvasBg, 0.8f * a), 0.25f * em());
        dl->AddText(nameMin, withAlpha(pal.text, a), name->c_str());
    }
    // Overdue: a warning badge at the top right.
    if (look.overdue && !look.ghost) {
        const ImVec2 b = s + ImVec2(r * 0.75f, -r * 0.75f);
        const float br = std::max(0.42f * em(), r * 0.38f);
        dl->AddCircleFilled(b, br, withAlpha(pal.warning, a), 16);
        FontScope bold(fonts().semibold);
        ImFont* font = ImGui::GetFont();
        const float bfs = br * 1.7f;
        const ImVec2 sz = font->CalcTextSizeA(bfs, FLT_MAX, 0.0f, "!");
        dl->AddText(font, bfs, b - sz * 0.5f, IM_COL32(30, 20, 0, 255), "!");
    }
}

// The corner of the canvas for a legend of `size`: bottom left, bottom right or top right
// (the top left has the overlays), the first that covers no person and no name drawn this
// frame (`obstacles`, screen boxes). None: the legend would cover someone.
std::optional<ImVec2> legendCorner(const Frame& f, ImVec2 size, std::span<const Rectf> obstacles) {
    const float m = 0.5f * em();
    const ImVec2 corners[] = {ImVec2(f.c0.x + m, f.c1.y - m - size.y),
                              ImVec2(f.c1.x - m - size.x, f.c1.y - m - size.y),
                              ImVec2(f.c1.x - m - size.x, f.c0.y + m)};
    for (const ImVec2 a : corners) {
        const Rectf r{fromIm(a), fromIm(a + size)};
        bool clear = true;
        for (const Rectf& o : obstacles)
            if (!o.empty() && o.overlaps(r)) {
                clear = false;
                break;
            }
        if (clear) return a;
    }
    return std::nullopt;
}

// The legend collapsed to a small "Legend" button at the bottom left; hovering it shows the
// legend there (over the map, while the pointer stays). Returns where to draw it, if at all.
std::optional<ImVec2> collapsedLegend(ImDrawList* dl, const Frame& f, ImVec2 size) {
    const Palette& pal = palette();
    const char* label = "Legend";
    const ImVec2 pad(0.4f * em(), 0.2f * em());
    const ImVec2 bs = ImGui::CalcTextSize(label) + pad * 2;
    const ImVec2 a(f.c0.x + 0.5f * em(), f.c1.y - 0.5f * em() - bs.y);
    ImGui::SetCursorScreenPos(a);
    ImGui::InvisibleButton("##legend-collapsed", bs);
    registerLastItem("button:map-legend-collapsed", "button", label);
    const bool hov = ImGui::IsItemHovered();
    dl->AddRectFilled(a, a + bs, hov ? pal.cardBorder : withAlpha(pal.cardBg, 0.94f), 0.3f * em());
    dl->AddRect(a, a + bs, pal.cardBorder, 0.3f * em());
    dl->AddText(a + pad, pal.textMuted, label);
    if (!hov) return std::nullopt;
    return ImVec2(a.x, std::max(f.c0.y, a.y - 0.3f * em() - size.y));
}

void drawLegend(ImDrawList* dl, const Frame& f, int threshold, std::span<const Rectf> obstacles,
                bool picture) {
    const Palette& pal = palette();
    bool present[kRelationshipCount] = {};
    int count = 0;
    for (int i = 0; i < kRelationshipCount; ++i)
        if (f.cache.relationshipsPresent() & relationshipBit(static_cast<Relationship>(i))) {
            present[i] = true;
            ++count;
        }
    char thresholdText[64];
    std::snprintf(thresholdText, sizeof thresholdText, "trusted with beyond-org goals (%d+)",
                  threshold);
    const char* symbols[] = {"inside the organisation", "outside the organisation",
                             "conversation overdue", "can introduce me to", thresholdText};
    const int rows = count + 5;
    const float line = ImGui::GetTextLineHeight() + 0.15f * em();
    float textW = 0;
    for (int i = 0; i < kRelationshipCount; ++i)
        if (present[i])
            textW = std::max(
                textW, ImGui::CalcTextSize(
                           std::string(relationshipName(static_cast<Relationship>(i))).c_str())
                           .x);
    for (const char* s : symbols)
        textW = std::max(textW, ImGui::CalcTextSize(s).x);
    const float pad = 0.5f * em();
    const float iconW = 1.6f * em();
    const ImVec2 size(pad * 2 + iconW + textW,
                      pad * 2 + line * static_cast<float>(rows) + 0.3f * em());
    const bool tooSmall = size.y > (f.c1.y - f.c0.y) * 0.8f || size.x > (f.c1.x - f.c0.x) * 0.7f;
    std::optional<ImVec2> at = tooSmall ? std::nullopt : legendCorner(f, size, obstacles);
    if (!at && picture) return; // a picture leaves it out rather than cover a name
    if (!at) at = collapsedLegend(dl, f, size);
    if (!at) return;
    const ImVec2 a = *at;
    registerItem("map:legend", "legend", "Legend", a, a + size);
    dl->AddRectFilled(a, a + size, withAlpha(pal.cardBg, 0.94f), 0.4f * em());
    dl->AddRect(a, a + size, pal.cardBorder, 0.4f * em());
    ImVec2 p = a + ImVec2(pad, pad);
    const float dot = 0.4f * em();
    auto rowText = [&](const char* s, ImU32 c) {
        dl->AddText(ImVec2(p.x + iconW, p.y), c, s);
        p.y += line;
    };
    for (int i = 0; i < kRelationshipCount; ++i) {
        if (!present[i]) continue;
        const auto r = static_cast<Relationship>(i);
        dl->AddCircleFilled(ImVec2(p.x + dot + 0.2f * em(), p.y + line * 0.45f), dot,
                            relationshipColour(r), 16);
        rowText(std::string(relationshipName(r)).c_str(), pal.text);
    }
    p.y += 0.3f * em();
    const ImVec2 ic(p.x + dot + 0.2f * em(), 0);
    dl->AddCircleFilled(ImVec2(ic.x, p.y + line * 0.45f), dot, pal.textMuted, 16);
    rowText(symbols[0], pal.textMuted);
    dl->AddCircle(ImVec2(ic.x, p.y + line * 0.45f), dot - 1.0f, pal.textMuted, 16, 2.0f);
    rowText(symbols[1], pal.textMuted);
    dl->AddCircleFilled(ImVec2(ic.x, p.y + line * 0.45f), dot, pal.warning, 16);
    {
        const ImVec2 sz = ImGui::CalcTextSize("!");
        dl->AddText(ImVec2(ic.x, p.y + line * 0.45f) - sz * 0.5f, IM_COL32(30, 20, 0, 255), "!");
    }
    rowText(symbols[2], pal.textMuted);
    {
        const float y = p.y + line * 0.45f;
        dl->AddLine(ImVec2(p.x, y), ImVec2(p.x + iconW - 0.5f * em(), y), pal.textMuted, 1.5f);
        const ImVec2 tip(p.x + iconW - 0.4f * em(), y);
        dl->AddTriangleFilled(tip, tip - ImVec2(0.45f * em(), 0.25f * em()),
                              tip - ImVec2(0.45f * em(), -0.25f * em()), pal.textMuted);
    }
    rowText(symbols[3], pal.textMuted);
    dl->AddRectFilled(ImVec2(p.x, p.y + 0.15f * em()),
                      ImVec2(p.x + iconW - 0.4f * em(), p.y + line - 0.25f * em()),
                      withAlpha(pal.accent, 0.18f), 0.2f * em());
    dl->AddRect(ImVec2(p.x, p.y + 0.15f * em()),
                ImVec2(p.x + iconW - 0.4f * em(), p.y + line - 0.25f * em()),
                withAlpha(pal.accent, 0.6f), 0.2f * em());
    rowText(symbols[4], pal.textMuted);
}

void personTooltip(const Frame& f, const Person& p, std::optional<Date> last, Date today) {
    ImGui::BeginTooltip();
    {
        FontScope bold(fonts().semibold);
        ImGui::TextUnformatted(p.name.c_str());
    }
    const std::string rel(relationshipName(p.relationship));
    ImGui::TextDisabled("%s, %s the organisation", rel.c_str(), p.insideOrg ? "inside" : "outside");
    ImGui::Text("Trust %d: %s", p.trust, trustRingLabel(p.trust));
    if (last)
        ImGui::Text("Last talked %s (%d days ago)", last->iso().c_str(), today.days - last->days);
    else
        ImGui::TextDisabled("No conversation logged yet");
    if (f.isOverdue(p.id)) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().warning);
        ImGui::TextUnformatted("A conversation is overdue");
        ImGui::PopStyleColor();
    }
    const auto i = f.cache.indexOf(p.id);
    const unsigned n = i ? f.cache.goalCount(*i) : 0u;
    ImGui::Text("%u linked goal%s", n, n == 1 ? "" : "s");
    ImGui::Separator();
    ImGui::TextDisabled("Drag across the rings to change trust, onto a card to link a goal.\n"
                        "Shift+drag (or the handle) to another person: can introduce me to.");
    ImGui::EndTooltip();
}

// Zoom so the rings, the nodes and their names fill the canvas, centred on "You".
void fitMap(NetworkMapViewState& st, const BoardContent& c, const RingGeometry& g, Vec2f canvas) {
    const ZoomLimits limits{0.2f, 3.0f};
    const float margin = 0.5f * em();
    // The rings alone give an upper bound of the zoom; names are measured at that zoom for
    // the rings that show them (a crowded ring shows dots only, see Frame::detailed).
    const float z0 = fitZoomForMap(g.outerRadius() + g.nodeRadius, {}, canvas, margin, limits);
    const float nodeR = std::max(g.nodeRadius * z0, 0.75f * em());
    bool named[kMaxTrust + 1] = {};
    for (int t = kMinTrust; t <= kMaxTrust; ++t) {
        const int n = st.cache.ringCount(t);
        const float spacing = n <= 1 ? FLT_MAX
                                     : 2.0f * std::numbers::pi_v<float> * ringRadius(g, t) * z0 /
                                           static_cast<float>(n);
        named[t] = g.ringGap * z0 >= 1.2f * em() && spacing >= 2.0f * nodeR;
    }
    std::vector<FitNode> nodes;
    nodes.reserve(std::min<std::size_t>(st.cache.placed().size(), 400));
    for (const PlacedPerson& pp : st.cache.placed()) {
        FitNode fn{pp.pos, {-nodeR, -nodeR}, {nodeR, nodeR}};
        const Person* p = c.people.find(pp.id);
        if (p && named[pp.trust] && nodes.size() < 400) {
            const ImVec2 sz = nameTextSize(nodeName(*p), false);
            const ImVec2 mn = nameBoxMin(ImVec2(0, 0), nodeR, pp.angle, sz, 0.2f * em());
            fn.pxMin = {std::min(fn.pxMin.x, mn.x - 0.2f * em()), std::min(fn.pxMin.y, mn.y)};
            fn.pxMax = {std::max(fn.pxMax.x, mn.x + sz.x + 0.2f * em()),
                        std::max(fn.pxMax.y, mn.y + sz.y)};
            nodes.push_back(fn);
        } else if (nodes.size() < 400) {
            nodes.push_back(fn);
        }
    }
    st.nav.xf.zoom = fitZoomForMap(g.outerRadius() + g.nodeRadius, nodes, canvas, margin, limits);
    st.nav.xf.offset = canvas * 0.5f;
    st.viewMoved = false;
}

// ------------------------------------------------------------------- frame set-up (per frame)

using Gesture = NetworkMapViewState::Gesture;

// What the mouse is over this frame: found once, before anything changes, and read by the
// update and the draw phases (the map's interaction state).
struct MapHits {
    std::optional<PersonId> under; // person under the mouse (or whose link handle it is on)
    bool overHandle = false;       // on the "can introduce me to" handle of `under`
    bool goalDragHere = false;     // a goal drag from the board is over (or released on) us
    std::optional<PersonId> goalDropTarget; // person under that goal drag
    std::optional<PersonId> linkTarget;     // person under a link gesture
    int targetTrust = 0;                    // ring under a person being moved (0 = none)
};

// Our published person drag was released outside the map last frame: whoever was under
// the mouse had a frame to consume it; clear what is left.
void clearReleasedPersonDrag(NetworkMapViewState& st, CrossViewDrag& drag) {
    if (!st.publishedDrag || !st.releasedDrag) return;
    if (drag.kind == CrossViewDrag::Kind::Person) drag = CrossViewDrag{};
    st.publishedDrag = st.releasedDrag = false;
}

struct CanvasItem {
    ImVec2 min, max;
    bool hovered = false;
};

// The canvas: an invisible button under everything drawn on it, and its pan / zoom.
CanvasItem placeCanvas(NetworkMapViewState& st) {
    const ImVec2 c0 = ImGui::GetCursorScreenPos();
    ImVec2 size = ImGui::GetContentRegionAvail();
    size.x = std::max(size.x, 4.0f * em());
    size.y = std::max(size.y, 4.0f * em());
    ImGui::SetNextItemAllowOverlap(); // nodes and widgets drawn over the canvas stay usable
    ImGui::InvisibleButton("##map-canvas", size,
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                               ImGuiButtonFlags_MouseButtonMiddle);
    const bool hovered = ImGui::IsItemHovered();
    registerLastItem("panel:map-canvas", "canvas", "Network map");
    handleCanvasNavigation(st.nav, c0, size, hovered);
    if (st.nav.changed) st.viewMoved = true;
    return {c0, c0 + size, hovered};
}

// Who is shown (derived data: rebuilt only when the board or the filter change).
void refreshCache(const ViewContext& ctx, NetworkMapViewState& st, const Frame& f) {
    st.cache.update(ctx.generation(), ctx.doc.content(), st.filter, ctx.today, f.g);
}

// True when the people selection changed (elsewhere, e.g. a coach hint) to one person; when
// the filter hides that person, the filter is cleared.
bool revealNewlySelected(const ViewContext& ctx, NetworkMapViewState& st, const Frame& f) {
    const Selection& sel = ctx.shared.selection;
    const bool changed = sel.people != st.lastSelection && sel.people.size() == 1;
    if (changed && ctx.doc.content().people.contains(sel.people.front()) &&
        !st.cache.find(sel.people.front())) {
        st.filter.reset();
        refreshCache(ctx, st, f);
    }
    return changed;
}

// Fit on demand, on the first draw, and whenever the canvas is resized (split dragged,
// window resized) unless the user zoomed or panned since the last fit.
void fitOrKeepCentre(NetworkMapViewState& st, const BoardContent& c, const Frame& f) {
    const Vec2f canvasSize = fromIm(f.c1 - f.c0);
    if (st.fitRequested || st.canvasSize.x == 0 ||
        (!(st.canvasSize == canvasSize) && !st.viewMoved)) {
        fitMap(st, c, f.g, canvasSize);
    } else if (!(st.canvasSize == canvasSize)) {
        // keep the centre where it was, relative to the canvas centre
        st.nav.xf.offset = st.nav.xf.offset + (canvasSize - st.canvasSize) * 0.5f;
    }
    st.fitRequested = false;
    st.canvasSize = canvasSize;
}

// The view transform, node size and mouse of this frame.
void settleFrame(Frame& f, const NetworkMapViewState& st, bool canvasHovered) {
    f.navXf = st.nav.xf;
    f.zoom = st.nav.xf.zoom;
    f.nodeR = std::max(f.g.nodeRadius * f.zoom, 0.75f * em());
    f.mouse = snapMouse();
    f.hovered = canvasHovered;
    f.mouseInCanvas = f.mouse.valid && inRect(f.mouse.pos, f.c0, f.c1) &&
                      ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem |
                                             ImGuiHoveredFlags_ChildWindows);
}

// A person selected elsewhere and off screen: pan so they are in view.
void scrollToSelected(NetworkMapViewState& st, Frame& f, const Selection& sel) {
    const PlacedPerson* pp = st.cache.find(sel.people.front());
    if (!pp) return;
    const ImVec2 s = f.toScreen(pp->pos);
    const float m = 2.0f * em();
    if (inRect(s, f.c0 + ImVec2(m, m), f.c1 - ImVec2(m, m))) return;
    st.nav.xf = panBy(st.nav.xf, fromIm((f.c0 + f.c1) * 0.5f - s));
    f.navXf = st.nav.xf;
    st.viewMoved = true;
}

// Everything before hit-testing: the canvas, the cache, the fit and the frame's transform.
Frame beginMapFrame(ViewContext& ctx, NetworkMapViewState& st) {
    clearReleasedPersonDrag(st, ctx.shared.drag);
    if (!st.picture) drawToolbar(ctx, st, ImGui::GetContentRegionAvail().x);
    const CanvasItem canvas = placeCanvas(st);
    Frame f(ctx.doc.content(), st, geometryForEm(em()), canvas.min, canvas.max);
    f.naive = st.naiveDrawForBenchmark;
    if (f.naive) st.cache.invalidate(); // the baseline recomputes everything every frame
    refreshCache(ctx, st, f);
    const bool selectionChanged = revealNewlySelected(ctx, st, f);
    fitOrKeepCentre(st, ctx.doc.content(), f);
    settleFrame(f, st, canvas.hovered);
    if (selectionChanged) scrollToSelected(st, f, ctx.shared.selection);
    return f;
}

// ------------------------------------------------------------------------------- hit-test

// Delete / F2 / Ctrl+0 act on the map after a click on it.
void updateFocus(NetworkMapViewState& st, const Frame& f) {
    const bool anyClick = ImGui::IsMouseClicked(ImGuiMouseButton_Left) ||
                          ImGui::IsMouseClicked(ImGuiMouseButton_Right);
    if (anyClick && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId))
        st.focused = f.mouseInCanvas && f.hovered;
}

// The person under the mouse, the link handle under it, and where a goal drag points.
MapHits hitTest(const ViewContext& ctx, const NetworkMapViewState& st, const Frame& f) {
    const Selection& sel = ctx.shared.selection;
    MapHits h;
    if (f.mouse.valid && f.mouseInCanvas) h.under = f.personAt(f.mouse.pos);
    if (!ctx.shared.readOnly && f.hovered && st.gesture == Gesture::None) {
        // The link handle of the hovered (or the only selected) person; the later id wins.
        PersonId cand[2] = {h.under.value_or(PersonId{}),
                            sel.people.size() == 1 ? sel.people.front() : PersonId{}};
        if (cand[1] < cand[0]) std::swap(cand[0], cand[1]);
        for (const PersonId id : cand) {
            const PlacedPerson* pp = id ? st.cache.find(id) : nullptr;
            if (pp && lengthOf(f.mouse.pos - f.handlePos(*pp)) <= 0.5f * em()) {
                h.overHandle = true;
                h.under = pp->id;
            }
        }
    }
    const CrossViewDrag& drag = ctx.shared.drag;
    if (drag.kind == CrossViewDrag::Kind::Goals && !drag.goals.empty()) {
        const ImVec2 at = drag.released ? ImVec2(drag.releaseX, drag.releaseY) : f.mouse.pos;
        if (inRect(at, f.c0, f.c1) && (drag.released || f.mouseInCanvas)) {
            h.goalDragHere = true;
            h.goalDropTarget = f.personAt(at);
        }
    }
    return h;
}

// ---------------------------------------------------------------------------------- update

// A goal drag from the board released over a person links every dragged goal to them.
void consumeGoalDrop(ViewContext& ctx, MapHits& h) {
    CrossViewDrag& drag = ctx.shared.drag;
    if (!h.goalDragHere || !drag.released) return;
    if (h.goalDropTarget && !ctx.shared.readOnly)
        ctx.dispatch.apply(
            linkGoalsToPersonEdit(ctx.doc, ctx.dispatch, *h.goalDropTarget, drag.goals));
    drag = CrossViewDrag{};
    h.goalDropTarget.reset();
}

// A gesture or a rename whose person was deleted under us (undo) ends.
void dropStaleGestures(NetworkMapViewState& st, CrossViewDrag& drag, const BoardContent& c) {
    if (st.gesture != Gesture::None && !c.people.contains(st.gesturePerson)) {
        st.gesture = Gesture::None;
        if (st.publishedDrag) drag = CrossViewDrag{}, st.publishedDrag = false;
    }
    if (st.renaming && !c.people.contains(st.renaming)) st.renaming = {};
}

// A left click: select (Ctrl toggles) and start pressing or linking; on empty space, clear.
void startGesture(ViewContext& ctx, NetworkMapViewState& st, const Frame& f, const MapHits& h) {
    Selection& sel = ctx.shared.selection;
    if (!f.hovered || !f.mouse.clicked || st.nav.spaceHeld || st.gesture != Gesture::None) return;
    if (h.under) {
        if (ImGui::GetIO().KeyCtrl)
            sel.toggle(*h.under);
        else if (!sel.has(*h.under))
            sel.selectOnly(*h.under);
        st.gesture = (h.overHandle || ImGui::GetIO().KeyShift) && !ctx.shared.readOnly
                         ? Gesture::Link
                         : Gesture::Press;
        st.gesturePerson = *h.under;
        st.pressPos = f.mouse.pos;
    } else if (!ImGui::GetIO().KeyCtrl && !introAt(f, f.mouse.pos)) {
        sel.clear();
    }
}

// Double-click: rename a person, or add one on empty space.
void handleDoubleClick(ViewContext& ctx, NetworkMapViewState& st, const Frame& f,
                       const MapHits& h) {
    if (!f.hovered || !f.mouse.doubleClicked || ctx.shared.readOnly || st.nav.spaceHeld) return;
    if (h.under) {
        if (const Person* p = ctx.doc.content().people.find(*h.under)) startRename(st, *p);
        st.gesture = Gesture::None;
    } else {
        const ImVec2 w = f.toWorld(f.mouse.pos);
        const PersonId id = addPersonAt(ctx, trustFromRadius(f.g, lengthOf(w)), angleOf(w));
        if (const Person* p = ctx.doc.content().people.find(id)) startRename(st, *p);
    }
}

// While the button is held: a press becomes a move past the drag threshold; a move is
// published for the board and aims at a ring; a link aims at a person. Escape cancels.
void trackGesture(ViewContext& ctx, NetworkMapViewState& st, const Frame& f, MapHits& h) {
    CrossViewDrag& drag = ctx.shared.drag;
    if (st.gesture == Gesture::Press && f.mouse.down) {
        const ImVec2 d = f.mouse.pos - st.pressPos;
        if (!ctx.shared.readOnly &&
            std::max(std::fabs(d.x), std::fabs(d.y)) >= f.mouse.dragThreshold)
            st.gesture = Gesture::MovePerson;
    }
    if (st.gesture == Gesture::MovePerson) {
        // Published for the board: a person dropped on a card links them.
        drag.kind = CrossViewDrag::Kind::Person;
        drag.person = st.gesturePerson;
        drag.goals.clear();
        drag.released = false;
        st.publishedDrag = true;
        st.releasedDrag = false;
        if (f.mouseInCanvas) h.targetTrust = trustFromRadius(f.g, lengthOf(f.toWorld(f.mouse.pos)));
    }
    if (st.gesture == Gesture::Link && f.mouseInCanvas) {
        h.linkTarget = f.personAt(f.mouse.pos);
        if (h.linkTarget == st.gesturePerson) h.linkTarget.reset();
    }
    if (st.gesture != Gesture::None && ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
        if (st.publishedDrag) drag = CrossViewDrag{}, st.publishedDrag = false;
        st.gesture = Gesture::None;
    }
}

// A person moved across the rings and dropped on the map: trust follows the ring.
void dropMovedPerson(ViewContext& ctx, NetworkMapViewState& st, const Frame& f) {
    const ImVec2 w = f.toWorld(f.mouse.pos);
    const Person* p = ctx.doc.content().people.find(st.gesturePerson);
    const int trust = trustFromRadius(f.g, lengthOf(w));
    const double angle = angleOf(w);
    if (p && (p->trust != trust || std::fabs(normalizeAngle(p->mapAngle - angle)) > 1e-6))
        ctx.dispatch.apply(setTrust(ctx.doc.board(), p->id, trust, angle));
}

// The button went up: drop the moved person (on a ring, or out on the board for it to
// consume next frame), or add the introduction.
void finishGesture(ViewContext& ctx, NetworkMapViewState& st, const Frame& f, const MapHits& h) {
    if (st.gesture == Gesture::None || (!f.mouse.released && f.mouse.down)) return;
    CrossViewDrag& drag = ctx.shared.drag;
    const Gesture g = st.gesture;
    st.gesture = Gesture::None;
    if (g == Gesture::MovePerson) {
        if (f.mouseInCanvas) {
            dropMovedPerson(ctx, st, f);
            drag = CrossViewDrag{};
            st.publishedDrag = false;
        } else {
            drag.released = true;
            drag.releaseX = f.mouse.pos.x;
            drag.releaseY = f.mouse.pos.y;
            st.releasedDrag = true;
        }
    } else if (g == Gesture::Link && h.linkTarget) {
        ctx.dispatch.apply(addIntro(ctx.doc.board(), ctx.dispatch.newId<IntroId>(),
                                    st.gesturePerson, *h.linkTarget));
    }
}

// Arrow keys: the keyboard cursor goes to the nearest person in that direction on screen
// (within 60 degrees either side, nearer the line counting more); the first one shown
// (or the selected one) when there is none yet.
void moveMapCursor(NetworkMapViewState& st, const Frame& f, ImVec2 dir) {
    const auto placed = st.cache.placed();
    if (placed.empty()) return;
    const PlacedPerson* from = st.cursor ? st.cache.find(st.cursor) : nullptr;
    if (!from) {
        st.cursor = !st.lastSelection.empty() && st.cache.find(st.lastSelection.front())
                        ? st.lastSelection.front()
                        : placed.front().id;
        return;
    }
    const ImVec2 a = f.toScreen(from->pos);
    float best = FLT_MAX;
    PersonId to;
    for (const PlacedPerson& pp : placed) {
        if (pp.id == from->id) continue;
        const ImVec2 d = f.toScreen(pp.pos) - a;
        const float along = d.x * dir.x + d.y * dir.y;
        const float across = std::fabs(d.x * dir.y - d.y * dir.x);
        if (along <= 0.5f || across > 1.75f * along) continue;
        const float score = along + 2.0f * across;
        if (score < best) best = score, to = pp.id;
    }
    if (to) st.cursor = to;
}

// The map's keyboard: arrows move the cursor, Enter opens the person in the inspector, L
// links the selected goals to them.
void handleMapCursorKeys(ViewContext& ctx, NetworkMapViewState& st, const Frame& f) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.KeyCtrl || io.KeyAlt || io.KeySuper) return;
    const struct {
        ImGuiKey key;
        ImVec2 dir;
    } arrows[] = {{ImGuiKey_LeftArrow, {-1, 0}},
                  {ImGuiKey_RightArrow, {1, 0}},
                  {ImGuiKey_UpArrow, {0, -1}},
                  {ImGuiKey_DownArrow, {0, 1}}};
    for (const auto& k : arrows)
        if (ImGui::IsKeyPressed(k.key)) moveMapCursor(st, f, k.dir);
    if (st.cursor && !ctx.doc.content().people.find(st.cursor)) st.cursor = {};
    if (!st.cursor) return;
    if (ImGui::IsKeyPressed(ImGuiKey_Enter, false) ||
        ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false)) {
        ctx.shared.selection.selectOnly(st.cursor);
        if (ctx.panels) ctx.panels->inspector = true;
    }
    if (!ctx.shared.readOnly && ImGui::IsKeyPressed(ImGuiKey_L, false)) {
        Edit e =
            linkGoalsToPersonEdit(ctx.doc, ctx.dispatch, st.cursor, ctx.shared.selection.goals);
        if (!e.empty()) ctx.dispatch.apply(std::move(e));
    }
}

// Delete and F2 after a click on the map; Ctrl+0 there or under the mouse.
void handleMapKeys(ViewContext& ctx, NetworkMapViewState& st, const Frame& f) {
    const Selection& sel = ctx.shared.selection;
    const bool ro = ctx.shared.readOnly;
    const bool keysHere = st.focused && !ImGui::GetIO().WantTextInput && !st.renaming;
    if (keysHere && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId))
        handleMapCursorKeys(ctx, st, f);
    if (keysHere && !ro && ImGui::IsKeyPressed(ImGuiKey_Delete, false) && !sel.people.empty())
        deleteSelectedPeople(ctx);
    if (keysHere && !ro && ImGui::IsKeyPressed(ImGuiKey_F2, false) && !sel.people.empty())
        if (const Person* p = ctx.doc.content().people.find(sel.people.front()))
            startRename(st, *p);
    if ((keysHere || f.hovered) && shortcut(ImGuiKey_0)) st.fitRequested = true;
}

// The update phase: every change this frame's input asks for, dispatched.
void updateMap(ViewContext& ctx, NetworkMapViewState& st, const Frame& f, MapHits& h) {
    consumeGoalDrop(ctx, h);
    dropStaleGestures(st, ctx.shared.drag, ctx.doc.content());
    startGesture(ctx, st, f, h);
    handleDoubleClick(ctx, st, f, h);
    trackGesture(ctx, st, f, h);
    finishGesture(ctx, st, f, h);
    handleMapKeys(ctx, st, f);
}

// ------------------------------------------------------------------------------------ draw

// How one placed person looks this frame.
NodeLook lookOf(const NetworkMapViewState& st, const Frame& f, const Selection& sel,
                const MapHits& h, std::uint32_t i) {
    const PersonId id = st.cache.placed()[i].id;
    const bool goalsSelected = !sel.goals.empty();
    NodeLook look;
    look.selected = sel.has(id);
    look.hovered = h.under == id && st.gesture == Gesture::None;
    look.litByGoal = goalsSelected && std::binary_search(f.linkedToSelectedGoals.begin(),
                                                         f.linkedToSelectedGoals.end(), id);
    look.dimmed = goalsSelected && !look.litByGoal && !look.selected;
    look.dropTarget = h.goalDropTarget == id || h.linkTarget == id;
    look.overdue = st.cache.overdue(i);
    look.ghost = st.gesture == Gesture::MovePerson && st.gesturePerson == id;
    return look;
}

bool drawnOnTop(const NodeLook& l) { return l.selected || l.hovered || l.ghost; }

// Which rings draw people in full (initials, names, badges) rather than as dots.
struct RingDetail {
    bool full[kMaxTrust + 1] = {};
};

RingDetail ringDetail(const Frame& f) {
    RingDetail d;
    for (int t = kMinTrust; t <= kMaxTrust; ++t)
        d.full[t] = f.detailed(t);
    return d;
}

// Names: outside each detailed node, away from the centre. Those of the selected and
// hovered people are placed first; a name that would cover a name or a node already
// placed is left out (the tooltip still has it). The boxes also keep the ring captions
// clear of the people. Returns whether any name is shown.
bool placeNames(NetworkMapViewState& st, const Frame& f, const Selection& sel, const MapHits& h,
                const RingDetail& detail) {
    const BoardContent& c = f.c;
    const auto placed = st.cache.placed();
    const std::size_t n = st.drawn.size();
    st.nameBoxes.assign(n, Rectf{});
    if (st.names.size() < n) st.names.resize(n);
    st.obstacles.clear();
    const bool resolveOverlaps = !f.naive && n <= 240; // pairwise: only for a readable count
    bool namesShown = false;
    for (std::size_t k = 0; k < n; ++k) {
        const PlacedPerson& pp = placed[st.drawn[k]];
        const ImVec2 s = f.toScreen(pp.pos);
        const float r = detail.full[pp.trust] ? f.nodeR : f.dotRadius(pp.trust);
        st.obstacles.push_back(Rectf{{s.x - r, s.y - r}, {s.x + r, s.y + r}});
    }
    for (int pass = 0; pass < 2; ++pass)
        for (std::size_t k = 0; k < n; ++k) {
            const std::uint32_t i = st.drawn[k];
            const PlacedPerson& pp = placed[i];
            if (!detail.full[pp.trust]) continue;
            const NodeLook look = lookOf(st, f, sel, h, i);
            if ((pass == 0) != drawnOnTop(look)) continue;
            const Person* p = c.people.find(pp.id);
            if (!p) continue;
            std::string& name = st.names[k];
            name = nodeName(*p);
            const ImVec2 sz = nameTextSize(name, look.selected);
            const ImVec2 mn = nameBoxMin(f.toScreen(pp.pos), f.nodeR, pp.angle, sz, 0.2f * em());
            const Rectf box{{mn.x - 0.2f * em(), mn.y}, {mn.x + sz.x + 0.2f * em(), mn.y + sz.y}};
            if (resolveOverlaps && pass == 1) {
                bool clash = false;
                for (std::size_t o = 0; o < st.obstacles.size() && !clash; ++o)
                    clash = o != k && st.obstacles[o].overlaps(box);
                if (clash) continue;
            }
            st.nameBoxes[k] = box;
            st.obstacles.push_back(box);
            namesShown = true;
        }
    return namesShown;
}

// People: unselected first, then selected / hovered on top; each reported as "person:<id>".
void drawPeople(ImDrawList* dl, NetworkMapViewState& st, const Frame& f, const Selection& sel,
                const MapHits& h, const RingDetail& detail) {
    const auto placed = st.cache.placed();
    const std::size_t n = st.drawn.size();
    const bool reg = currentLayoutRegistry() != nullptr;
    std::size_t detailed = 0;
    for (std::size_t k = 0; k < n; ++k)
        if (detail.full[placed[st.drawn[k]].trust]) ++detailed;
    for (int pass = 0; pass < 2; ++pass)
        for (std::size_t k = 0; k < n; ++k) {
            const std::uint32_t i = st.drawn[k];
            const PlacedPerson& pp = placed[i];
            const NodeLook look = lookOf(st, f, sel, h, i);
            if ((pass == 0) == drawnOnTop(look)) continue;
            const Person* p = f.c.people.find(pp.id);
            if (!p) continue;
            const ImVec2 s = f.toScreen(pp.pos);
            if (detail.full[pp.trust]) {
                const bool named = !st.nameBoxes[k].empty();
                drawNode(dl, f, *p, s, look, named ? &st.names[k] : nullptr,
                         toIm(st.nameBoxes[k].min) + ImVec2(0.2f * em(), 0));
            } else {
                drawDot(dl, *p, s, f.dotRadius(pp.trust), look);
            }
            if (reg)
                registerItem(personKey(pp.id), "person", p->name, s - ImVec2(f.nodeR, f.nodeR),
                             s + ImVec2(f.nodeR, f.nodeR));
            if (reg && !st.nameBoxes[k].empty())
                registerItem("name:" + std::to_string(pp.id.value), "label", st.names[k],
                             toIm(st.nameBoxes[k].min), toIm(st.nameBoxes[k].max));
        }
    st.visiblePeople = n;
    st.detailedPeople = detailed;
}

// Link handle on the hovered / single selected person.
void drawLinkHandles(ImDrawList* dl, const ViewContext& ctx, const NetworkMapViewState& st,
                     const Frame& f, const MapHits& h) {
    if (ctx.shared.readOnly || st.gesture != Gesture::None || !f.hovered) return;
    const Palette& pal = palette();
    const Selection& sel = ctx.shared.selection;
    PersonId cand[2] = {h.under.value_or(PersonId{}),
                        sel.people.size() == 1 ? sel.people.front() : PersonId{}};
    if (cand[0] == cand[1]) cand[1] = PersonId{};
    for (const PersonId id : cand) {
        const PlacedPerson* pp = id ? st.cache.find(id) : nullptr;
        if (!pp) continue;
        const ImVec2 hp = f.handlePos(*pp);
        const bool hot = h.overHandle && h.under == pp->id;
        dl->AddCircleFilled(hp, 0.38f * em(), hot ? pal.accent : withAlpha(pal.accent, 0.7f), 16);
        const ImVec2 tsz = ImGui::CalcTextSize("+");
        dl->AddText(hp - tsz * 0.5f, IM_COL32(255, 255, 255, 255), "+");
    }
}

// The gesture's preview: the moved person under the cursor with the trust change, or the
// introduction curve being drawn.
void drawGesturePreview(ImDrawList* dl, const NetworkMapViewState& st, const Frame& f,
                        const MapHits& h) {
    const Palette& pal = palette();
    if (st.gesture == Gesture::MovePerson && f.mouseInCanvas) {
        if (const Person* p = f.c.people.find(st.gesturePerson)) {
            NodeLook look;
            look.selected = true;
            const std::string name = nodeName(*p);
            const ImVec2 nsz = nameTextSize(name, true);
            drawNode(dl, f, *p, f.mouse.pos, look, &name,
                     f.mouse.pos + ImVec2(-nsz.x * 0.5f, f.nodeR + 0.2f * em()));
            char buf[64];
            std::snprintf(buf, sizeof buf, "Trust %d \xE2\x86\x92 %d", p->trust, h.targetTrust);
            const ImVec2 at = f.mouse.pos + ImVec2(f.nodeR + 0.4f * em(), -f.nodeR - 1.2f * em());
            const ImVec2 sz = ImGui::CalcTextSize(buf);
            dl->AddRectFilled(at - ImVec2(0.3f * em(), 0.1f * em()),
                              at + sz + ImVec2(0.3f * em(), 0.1f * em()), pal.cardBg, 0.3f * em());
            dl->AddText(at, h.targetTrust == p->trust ? pal.textMuted : pal.accent, buf);
        }
    }
    if (st.gesture == Gesture::Link) {
        if (const PlacedPerson* from = st.cache.find(st.gesturePerson)) {
            ImVec2 to = f.mouse.pos;
            if (h.linkTarget)
                if (const PlacedPerson* t = st.cache.find(*h.linkTarget)) to = f.toScreen(t->pos);
            drawIntroCurve(dl, f, f.toScreen(from->pos), to, pal.accent, 2.2f);
        }
    }
}

// "N goals have nobody to talk to": a button at `at` whose tooltip lists them and whose
// click selects them on the board.
void lonelyGoalsButton(ImDrawList* dl, const Frame& f, Selection& sel, ImVec2 at,
                       std::span<const GoalId> lonely) {
    const Palette& pal = palette();
    const std::string text = std::to_string(lonely.size()) +
                             (lonely.size() == 1 ? " goal has" : " goals have") +
                             " nobody to talk to";
    const ImVec2 sz = ImGui::CalcTextSize(text.c_str());
    const ImVec2 pad(0.3f * em(), 0.1f * em());
    ImGui::SetCursorScreenPos(at - pad);
    ImGui::InvisibleButton("##lonely", sz + pad * 2);
    const bool hov = ImGui::IsItemHovered();
    registerLastItem("button:map-lonely-goals", "button", text);
    dl->AddRectFilled(at - pad, at + sz + pad,
                      hov ? withAlpha(pal.warning, 0.2f) : withAlpha(pal.canvasBg, 0.9f),
                      0.3f * em());
    dl->AddText(at, pal.warning, text.c_str());
    if (hov) {
        ImGui::BeginTooltip();
        for (GoalId g : lonely)
            if (const Goal* goal = f.c.goals.find(g)) ImGui::BulletText("%s", goal->title.c_str());
        ImGui::TextDisabled("Click to select them on the board, then drag one onto a person.");
        ImGui::EndTooltip();
    }
    if (ImGui::IsItemClicked()) {
        sel.clear();
        for (GoalId g : lonely)
            sel.add(g);
    }
}

// Overlays at the top left: what the selection means, goals with nobody, filter state.
void drawOverlays(ImDrawList* dl, const NetworkMapViewState& st, const Frame& f, Selection& sel) {
    const Palette& pal = palette();
    const BoardContent& c = f.c;
    const bool goalsSelected = !sel.goals.empty();
    ImVec2 at = f.c0 + ImVec2(0.6f * em(), 0.5f * em());
    auto overlay = [&](const std::string& text, ImU32 col) {
        const ImVec2 sz = ImGui::CalcTextSize(text.c_str());
        dl->AddRectFilled(at - ImVec2(0.3f * em(), 0.1f * em()),
                          at + sz + ImVec2(0.3f * em(), 0.1f * em()), withAlpha(pal.canvasBg, 0.9f),
                          0.3f * em());
        dl->AddText(at, col, text.c_str());
        at.y += sz.y + 0.3f * em();
    };
    if (c.people.empty())
        overlay("Double-click a ring to add someone you could talk to.", pal.textMuted);
    if (st.filter.active())
        overlay("Filtered: " + std::to_string(st.cache.placed().size()) + " of " +
                    std::to_string(c.people.size()) + " people shown",
                pal.textMuted);
    if (goalsSelected) {
        const std::size_t n = f.linkedToSelectedGoals.size();
        if (n == 0)
            overlay(sel.goals.size() == 1
                        ? "Nobody to talk to about this goal yet: drag it onto a person"
                        : "Nobody to talk to about these goals yet",
                    pal.warning);
        else
            overlay("Talk to " + std::to_string(n) + (n == 1 ? " person" : " people") +
                        " about the selected goal" + (sel.goals.size() == 1 ? "" : "s"),
                    pal.accent);
    }
    const std::span<const GoalId> lonely = st.cache.goalsWithNobody();
    if (lonely.empty() || goalsSelected) return;
    if (st.picture) // the same words, but nothing to click in a picture
        overlay(std::to_string(lonely.size()) + (lonely.size() == 1 ? " goal has" : " goals have") +
                    " nobody to talk to",
                pal.warning);
    else
        lonelyGoalsButton(dl, f, sel, at, lonely);
}

// The canvas, back to front: rings, "You", introductions, captions, people, handles, the
// gesture's preview, overlays and the legend.
// The focus ring round the keyboard cursor's person while the map has the keyboard,
// reported as "focus:person" (label: the person's id).
void drawMapKeyboardCursor(ImDrawList* dl, const NetworkMapViewState& st, const Frame& f) {
    if (!st.focused || !st.cursor) return;
    const PlacedPerson* pp = st.cache.find(st.cursor);
    if (!pp) return;
    const ImVec2 s = f.toScreen(pp->pos);
    const float r = f.nodeR + 0.35f * em();
    dl->AddCircle(s, r, palette().accent, 0, std::max(2.0f, 0.14f * em()));
    registerItem("focus:person", "focus", std::to_string(st.cursor.value), s - ImVec2(r, r),
                 s + ImVec2(r, r));
}

void drawCanvas(ViewContext& ctx, NetworkMapViewState& st, Frame& f, const MapHits& h) {
    Selection& sel = ctx.shared.selection;
    refreshCache(ctx, st, f); // edits in the update phase may have changed the board
    f.linkedToSelectedGoals = st.cache.linkedToGoals(f.c, sel.goals);
    // Who is on screen (with room for their names), and how much detail each ring gets.
    st.cache.peopleIn(f.visible(f.nodeR + 9.5f * em()), st.drawn);
    const RingDetail detail = ringDetail(f);
    const bool namesShown = placeNames(st, f, sel, h, detail);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(f.c0, f.c1, true);
    dl->AddRectFilled(f.c0, f.c1, palette().canvasBg, 0.3f * em());
    const int threshold = f.c.meta.settings.beyondOrgTrust;
    drawRings(dl, f, threshold, h.targetTrust);
    drawYou(dl, f);
    std::optional<IntroId> hotIntro;
    if (f.hovered && !h.under && st.gesture == Gesture::None) hotIntro = introAt(f, f.mouse.pos);
    drawIntros(dl, f, sel, hotIntro ? *hotIntro : IntroId{});
    drawRingLabels(dl, f, threshold, namesShown);
    drawPeople(dl, st, f, sel, h, detail);
    drawMapKeyboardCursor(dl, st, f);
    drawLinkHandles(dl, ctx, st, f, h);
    drawGesturePreview(dl, st, f, h);
    drawOverlays(dl, st, f, sel);
    if (st.showLegend) drawLegend(dl, f, threshold, st.obstacles, st.picture);
    dl->PopClipRect();
}

// The tooltip of the person, handle or drop target under the mouse.
void drawMapTooltip(const ViewContext& ctx, const NetworkMapViewState& st, const Frame& f,
                    const MapHits& h) {
    const BoardContent& c = f.c;
    if (h.under && f.hovered && st.gesture == Gesture::None && !h.overHandle &&
        !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId) &&
        ctx.shared.drag.kind == CrossViewDrag::Kind::None) {
        if (const Person* p = c.people.find(*h.under))
            personTooltip(f, *p, lastTalked(c, p->id), ctx.today);
    } else if (h.overHandle && f.hovered) {
        ImGui::SetTooltip("Drag to another person: they can introduce you");
    } else if (h.goalDropTarget) {
        if (const Person* p = c.people.find(*h.goalDropTarget))
            ImGui::SetTooltip("Link to %s", p->name.c_str());
    }
}

// A person dragged out of the map: show what is being carried.
void drawCarriedPerson(const NetworkMapViewState& st, const Frame& f) {
    if (st.gesture != Gesture::MovePerson || f.mouseInCanvas) return;
    const Person* p = f.c.people.find(st.gesturePerson);
    if (!p) return;
    const Palette& pal = palette();
    ImDrawList* fg = ImGui::GetForegroundDrawList();
    const std::string text = "Link " + p->name + " to a goal";
    // above the cursor, so it does not sit under a card tooltip
    const ImVec2 at = f.mouse.pos + ImVec2(0.8f * em(), -2.0f * em());
    const ImVec2 sz = ImGui::CalcTextSize(text.c_str());
    fg->AddRectFilled(at - ImVec2(0.4f * em(), 0.2f * em()),
                      at + sz + ImVec2(0.4f * em(), 0.2f * em()), pal.cardBg, 0.3f * em());
    fg->AddRect(at - ImVec2(0.4f * em(), 0.2f * em()), at + sz + ImVec2(0.4f * em(), 0.2f * em()),
                relationshipColour(p->relationship), 0.3f * em(), 2.0f);
    fg->AddText(at, pal.text, text.c_str());
}

// ----------------------------------------------------------------------------------- menus

// A right click opens the menu of what is under it: a person, an introduction, the canvas.
void openContextMenu(NetworkMapViewState& st, const Frame& f, Selection& sel) {
    if (!st.nav.rightClicked || !f.hovered) return;
    st.menuPerson = {};
    st.menuIntro = {};
    st.menuWorld = fromIm(f.toWorld(f.mouse.pos));
    if (const auto p = f.personAt(f.mouse.pos)) {
        st.menuPerson = *p;
        if (!sel.has(*p)) sel.selectOnly(*p);
        ImGui::OpenPopup("map-person-menu");
    } else if (const auto i = introAt(f, f.mouse.pos)) {
        st.menuIntro = *i;
        ImGui::OpenPopup("map-intro-menu");
    } else {
        ImGui::OpenPopup("map-canvas-menu");
    }
}

void trustMenu(ViewContext& ctx, const Person& person) {
    if (!ImGui::BeginMenu("Trust")) return;
    for (int t = kMaxTrust; t >= kMinTrust; --t) {
        char buf[80];
        std::snprintf(buf, sizeof buf, "%d \xC2\xB7 %s", t, trustRingLabel(t));
        if (ImGui::MenuItem(buf, nullptr, person.trust == t))
            ctx.dispatch.apply(setTrust(ctx.doc.board(), person.id, t, person.mapAngle));
    }
    ImGui::EndMenu();
}

void relationshipMenu(ViewContext& ctx, const Person& person) {
    if (!ImGui::BeginMenu("Relationship")) return;
    for (int i = 0; i < kRelationshipCount; ++i) {
        const auto r = static_cast<Relationship>(i);
        const std::string name(relationshipName(r));
        if (ImGui::MenuItem(name.c_str(), nullptr, person.relationship == r)) {
            Person copy = person;
            copy.relationship = r;
            ctx.dispatch.apply(updatePerson(ctx.doc.board(), copy, "Change relationship"));
        }
    }
    ImGui::EndMenu();
}

// "Can introduce me to": every other person, checked when the introduction exists.
void introduceMenu(ViewContext& ctx, const Person& person) {
    if (!ImGui::BeginMenu("Can introduce me to")) return;
    const BoardContent& c = ctx.doc.content();
    for (const auto& other : c.people) {
        if (other.id == person.id) continue;
        IntroId existing;
        for (const auto& in : c.intros)
            if (in.from == person.id && in.to == other.id) existing = in.id;
        ImGui::PushID(static_cast<int>(other.id.value));
        if (ImGui::MenuItem(other.name.c_str(), nullptr, static_cast<bool>(existing))) {
            if (existing)
                ctx.dispatch.apply(removeIntro(ctx.doc.board(), existing));
            else
                ctx.dispatch.apply(
                    addIntro(ctx.doc.board(), ctx.dispatch.newId<IntroId>(), person.id, other.id));
        }
        ImGui::PopID();
    }
    ImGui::EndMenu();
}

void unlinkGoalMenu(ViewContext& ctx, const Person& person) {
    const BoardContent& c = ctx.doc.content();
    const auto links = linksOfPerson(c, person.id);
    if (!ImGui::BeginMenu("Unlink a goal", !links.empty())) return;
    std::optional<LinkId> doomed;
    for (const GoalLink* l : links) {
        const Goal* g = c.goals.find(l->goal);
        ImGui::PushID(static_cast<int>(l->id.value));
        if (ImGui::MenuItem(g ? g->title.c_str() : "(missing goal)")) doomed = l->id;
        ImGui::PopID();
    }
    if (doomed) ctx.dispatch.apply(unlink(ctx.doc.board(), *doomed));
    ImGui::EndMenu();
}

// The items of a person's menu (all disabled while read only).
void personMenuItems(ViewContext& ctx, NetworkMapViewState& st, const Person& person) {
    const Selection& sel = ctx.shared.selection;
    {
        FontScope bold(fonts().semibold);
        ImGui::TextUnformatted(person.name.c_str());
    }
    ImGui::Separator();
    ImGui::BeginDisabled(ctx.shared.readOnly);
    if (ImGui::MenuItem("Rename", "F2")) startRename(st, person);
    trustMenu(ctx, person);
    relationshipMenu(ctx, person);
    if (ImGui::MenuItem("Inside the organisation", nullptr, person.insideOrg)) {
        Person copy = person;
        copy.insideOrg = !copy.insideOrg;
        ctx.dispatch.apply(updatePerson(ctx.doc.board(), copy, "Change organisation"));
    }
    ImGui::Separator();
    if (!sel.goals.empty()) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "Link to the selected goal%s",
                      sel.goals.size() == 1 ? "" : "s");
        if (ImGui::MenuItem(buf))
            ctx.dispatch.apply(linkGoalsToPersonEdit(ctx.doc, ctx.dispatch, person.id, sel.goals));
    }
    introduceMenu(ctx, person);
    unlinkGoalMenu(ctx, person);
    ImGui::Separator();
    if (ImGui::MenuItem(sel.people.size() > 1 ? "Delete selected people" : "Delete", "Del"))
        deleteSelectedPeople(ctx);
    ImGui::EndDisabled();
}

void personMenu(ViewContext& ctx, NetworkMapViewState& st) {
    if (!ImGui::BeginPopup("map-person-menu")) return;
    if (const Person* p = ctx.doc.content().people.find(st.menuPerson))
        personMenuItems(ctx, st, Person(*p)); // a copy: edits may move the table
    else
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void introMenu(ViewContext& ctx, const NetworkMapViewState& st) {
    if (!ImGui::BeginPopup("map-intro-menu")) return;
    const BoardContent& c = ctx.doc.content();
    if (const Intro* in = c.intros.find(st.menuIntro)) {
        const Person* a = c.people.find(in->from);
        const Person* b = c.people.find(in->to);
        ImGui::TextDisabled("%s can introduce me to %s", a ? a->name.c_str() : "?",
                            b ? b->name.c_str() : "?");
        ImGui::BeginDisabled(ctx.shared.readOnly);
        if (ImGui::MenuItem("Remove this introduction"))
            ctx.dispatch.apply(removeIntro(ctx.doc.board(), st.menuIntro));
        ImGui::EndDisabled();
    } else {
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void canvasMenu(ViewContext& ctx, NetworkMapViewState& st, const Frame& f) {
    if (!ImGui::BeginPopup("map-canvas-menu")) return;
    ImGui::BeginDisabled(ctx.shared.readOnly);
    if (ImGui::MenuItem("Add a person here")) {
        const ImVec2 w = toIm(st.menuWorld);
        const PersonId id = addPersonAt(ctx, trustFromRadius(f.g, lengthOf(w)), angleOf(w));
        if (const Person* p = ctx.doc.content().people.find(id)) startRename(st, *p);
    }
    ImGui::EndDisabled();
    if (ImGui::MenuItem("Fit the map", "Ctrl+0")) st.fitRequested = true;
    if (ImGui::MenuItem("Clear the filter", nullptr, false, st.filter.active())) st.filter.reset();
    ImGui::MenuItem("Show the legend", nullptr, &st.showLegend);
    ImGui::EndPopup();
}

void contextMenus(ViewContext& ctx, NetworkMapViewState& st, const Frame& f) {
    openContextMenu(st, f, ctx.shared.selection);
    personMenu(ctx, st);
    introMenu(ctx, st);
    canvasMenu(ctx, st, f);
}

// --------------------------------------------------------------------------- rename in place

std::string trimmedName(const std::string& text) {
    const auto b = text.find_first_not_of(" \t");
    const auto e = text.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : text.substr(b, e - b + 1);
}

// The name field under the person being renamed: Enter or leaving it keeps, Escape cancels.
void drawRenameField(ViewContext& ctx, NetworkMapViewState& st, const Frame& f) {
    if (!st.renaming) return;
    const PlacedPerson* pp = st.cache.find(st.renaming);
    if (!pp) {
        st.renaming = {};
        return;
    }
    const ImVec2 s = f.toScreen(pp->pos);
    const float w = 10.0f * em();
    ImGui::SetCursorScreenPos(ImVec2(s.x - w * 0.5f, s.y + f.nodeR + 0.05f * em()));
    ImGui::SetNextItemWidth(w);
    if (st.renameFocus) {
        ImGui::SetKeyboardFocusHere();
        st.renameFocus = false;
    }
    const bool enter =
        ImGui::InputText("##rename", &st.renameText,
                         ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
    registerLastItem("input:map-rename", "input", "Name");
    const bool cancel = ImGui::IsItemActive() && ImGui::IsKeyPressed(ImGuiKey_Escape, false);
    if (cancel) {
        st.renaming = {};
    } else if (enter || ImGui::IsItemDeactivated()) {
        const std::string name = trimmedName(st.renameText);
        if (!name.empty() && !ctx.shared.readOnly)
            if (const Person* p = ctx.doc.content().people.find(st.renaming)) {
                Person copy = *p;
                copy.name = name;
                ctx.dispatch.apply(updatePerson(ctx.doc.board(), copy, "Rename person"));
            }
        st.renaming = {};
    }
}

} // namespace

// ----------------------------------------------------------------------- drawNetworkMapView

// One frame: set up the canvas, hit-test once, update (dispatch), then draw.
void drawNetworkMapView(ViewContext& ctx, NetworkMapViewState& st) {
    ImGui::PushID("network-map");
    Frame f = beginMapFrame(ctx, st);
    updateFocus(st, f);
    MapHits hits = hitTest(ctx, st, f);
    updateMap(ctx, st, f, hits);
    drawCanvas(ctx, st, f, hits);
    drawMapTooltip(ctx, st, f, hits);
    drawCarriedPerson(st, f);
    contextMenus(ctx, st, f);
    drawRenameField(ctx, st, f);
    st.lastSelection = ctx.shared.selection.people;
    ImGui::PopID();
}

} // namespace horizons::ui
