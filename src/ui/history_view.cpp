// history_view.cpp — see history_view.hpp.
//
// Index
//   helpers              em(), button(), snapshot ordering, names
//   viewing, compare     openSnapshot(), closeSnapshot(), updateCompare(), startCompare()
//   compare              startCompare(), refresh, ghosts
//   timeline + list      drawTimeline(), drawSnapshotList()
//   changes              drawChanges()
//   chart                drawChart()
//   banner, dialogs      drawSnapshotBanner(), drawHistoryDialogs(), historyShortcuts()

#include "ui/history_view.hpp"
#include "ui/widgets.hpp"

#include "model/edits.hpp"
#include "model/history_stats.hpp"
#include "ui/fonts.hpp"
#include "ui/layout_registry.hpp"
#include "ui/theme.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

namespace horizons::ui {

namespace {

// ---- helpers -------------------------------------------------------------------------------

std::vector<const Snapshot*> snapshotsByTime(const Board& b) {
    std::vector<const Snapshot*> out;
    for (const auto& s : b.snapshots)
        out.push_back(&s);
    std::stable_sort(out.begin(), out.end(),
                     [](const Snapshot* x, const Snapshot* y) { return x->takenAt < y->takenAt; });
    return out;
}

std::string sideName(const Board& b, SnapshotId id) {
    if (!id) return "Now (current board)";
    if (const Snapshot* s = b.snapshots.find(id))
        return s->name + "  (" + formatTimestamp(s->takenAt) + ")";
    return "(deleted snapshot)";
}

void setStatus(ViewContext& ctx, std::string msg) { ctx.dispatch.notify(std::move(msg)); }

ImU32 changeColour(ChangeKind k) {
    const Palette& pal = palette();
    switch (k) {
    case ChangeKind::GoalAdded:
    case ChangeKind::PersonAdded:
    case ChangeKind::LinkAdded:
    case ChangeKind::IntroAdded: return pal.success;
    case ChangeKind::GoalRemoved:
    case ChangeKind::PersonRemoved:
    case ChangeKind::LinkRemoved:
    case ChangeKind::IntroRemoved: return pal.warning;
    case ChangeKind::GoalFirmedUp: return pal.destination;
    case ChangeKind::GoalLoosened: return pal.direction;
    default: return pal.accent;
    }
}

// Colours for the horizons in the chart (cycled), readable on both themes.
ImU32 seriesColour(std::size_t i) {
    static const ImU32 colours[] = {IM_COL32(86, 156, 214, 255),  IM_COL32(78, 201, 176, 255),
                                    IM_COL32(220, 170, 90, 255),  IM_COL32(197, 134, 192, 255),
                                    IM_COL32(214, 105, 105, 255), IM_COL32(150, 180, 90, 255)};
    return colours[i % (sizeof colours / sizeof colours[0])];
}

void takeSnapshotNow(ViewContext& ctx, HistoryViewState& st) {
    const Document& doc = ctx.live;
    const SnapshotId id = ctx.dispatch.newId<SnapshotId>();
    if (ctx.dispatch.apply(
            takeSnapshot(doc.board(), id, st.nameBuffer, st.noteBuffer, nowTimestamp()))) {
        st.selectedSnapshot = id;
        setStatus(ctx, "Snapshot taken: " + doc.board().snapshots.find(id)->name);
    }
}

void restore(ViewContext& ctx, HistoryViewState&, SnapshotId id) {
    closeSnapshot(ctx);
    const Document& doc = ctx.live;
    const Snapshot* s = doc.board().snapshots.find(id);
    if (!s) return;
    const std::string name = s->name;
    const SnapshotId safety = ctx.dispatch.newId<SnapshotId>();
    if (ctx.dispatch.apply(restoreSnapshot(doc.board(), id, safety, nowTimestamp())))
        setStatus(ctx, "Restored \"" + name +
                           "\" (the board before it was kept as a snapshot; "
                           "Ctrl+Z undoes)");
}

const BoardContent* contentOf(const Board& b, SnapshotId id) {
    if (!id) return &b.content;
    const Snapshot* s = b.snapshots.find(id);
    return s ? &s->content : nullptr;
}

} // namespace

// ---- viewing, compare ----------------------------------------------------------------------
// The snapshot shown is the session's (session.hpp): these ask it.
void openSnapshot(ViewContext& ctx, HistoryViewState& st, SnapshotId id) {
    if (ctx.dispatch.dispatch(session::ViewSnapshot{id})) st.selectedSnapshot = id;
}

void closeSnapshot(ViewContext& ctx) { ctx.dispatch.dispatch(session::ViewSnapshot{}); }

void updateCompare(ViewContext& ctx, HistoryViewState& st) {
    const Document& live = ctx.live;
    // Compare: keep the list in step with the live board when it is one side.
    if (st.comparing) {
        const bool liveSide = !st.compareFrom || !st.compareTo;
        if (!contentOf(live.board(), st.compareFrom) || !contentOf(live.board(), st.compareTo)) {
            st.comparing = false;
            st.changes.clear();
        } else if (liveSide && st.changesStateId != live.stateId()) {
            startCompare(ctx, st, st.compareFrom, st.compareTo);
        }
    }
    // Ghosts only make sense on the board that shows the "to" side.
    st.ghosts.clear();
    const bool boardShowsTo = st.comparing && st.compareTo == ctx.viewing;
    if (boardShowsTo) {
        std::set<GoalId> seen;
        for (const auto& c : st.changes) {
            if (c.kind != ChangeKind::GoalMoved && c.kind != ChangeKind::GoalFirmedUp &&
                c.kind != ChangeKind::GoalLoosened)
                continue;
            if (!seen.insert(c.goal).second) continue;
            const Goal* old = st.fromContent.goals.find(c.goal);
            st.ghosts.push_back(
                {c.goal, c.fromHorizon, c.fromSpecificity, old ? old->order : 0, c.oldTitle});
        }
    }
}

// ---- compare -------------------------------------------------------------------------------
void startCompare(ViewContext& ctx, HistoryViewState& st, SnapshotId from, SnapshotId to) {
    const Document& live = ctx.live;
    const BoardContent* a = contentOf(live.board(), from);
    const BoardContent* b = contentOf(live.board(), to);
    if (!a || !b) return;
    const bool same = st.comparing && st.compareFrom == from && st.compareTo == to;
    st.comparing = true;
    st.compareFrom = from;
    st.compareTo = to;
    st.fromContent = *a;
    st.toContent = *b;
    st.changes = diffContents(*a, *b);
    st.changesStateId = live.stateId();
    if (!same || st.selectedChange >= static_cast<int>(st.changes.size())) st.selectedChange = -1;
    // The board shows the "to" side, so ghosts and selections land where they belong.
    if (to)
        openSnapshot(ctx, st, to);
    else
        closeSnapshot(ctx);
}

namespace {

// ---- timeline + list -----------------------------------------------------------------------
void drawTimeline(ViewContext& ctx, HistoryViewState& st,
                  const std::vector<const Snapshot*>& snaps) {
    const Palette& pal = palette();
    const float h = 2.4f * em();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const float w = std::max(4 * em(), ImGui::GetContentRegionAvail().x);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float y = p0.y + 0.8f * em();
    const float x0 = p0.x + 0.8f * em(), x1 = p0.x + w - 2.2f * em();
    dl->AddLine(ImVec2(x0, y), ImVec2(p0.x + w - 0.4f * em(), y), pal.canvasGrid, 2.0f);

    const Timestamp now = nowTimestamp();
    const Timestamp tmin = snaps.empty() ? now : snaps.front()->takenAt;
    const Timestamp tmax = std::max(now, tmin + 1);
    auto xOf = [&](Timestamp t) {
        return x0 + static_cast<float>(static_cast<double>(t - tmin) /
                                       static_cast<double>(tmax - tmin)) *
                        (x1 - x0);
    };
    const float r = 0.38f * em();
    for (const Snapshot* s : snaps) {
        const ImVec2 c(xOf(s->takenAt), y);
        ImGui::SetCursorScreenPos(c - ImVec2(r + 2, r + 2));
        ImGui::PushID(static_cast<int>(s->id.value));
        ImGui::InvisibleButton("##dot", ImVec2(2 * r + 4, 2 * r + 4));
        ImGui::PopID();
        registerLastItem("timeline:" + std::to_string(s->id.value), "timeline", s->name);
        const bool hovered = ImGui::IsItemHovered();
        if (ImGui::IsItemClicked()) st.selectedSnapshot = s->id;
        if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left))
            openSnapshot(ctx, st, s->id);
        if (hovered) {
            ImGui::BeginTooltip();
            ImGui::TextUnformatted(s->name.c_str());
            ImGui::TextDisabled("%s", formatTimestamp(s->takenAt).c_str());
            if (!s->note.empty()) ImGui::TextUnformatted(s->note.c_str());
            ImGui::TextDisabled("Double-click to open it read-only.");
            ImGui::EndTooltip();
        }
        const bool sel = st.selectedSnapshot == s->id;
        dl->AddCircleFilled(c, r, sel || hovered ? pal.accent : pal.textMuted);
        if (ctx.viewing == s->id) dl->AddCircle(c, r + 3, pal.accent, 0, 2.0f);
    }
    // "Now" marker at the right end.
    const ImVec2 nowC(x1, y);
    dl->AddRectFilled(nowC - ImVec2(r, r), nowC + ImVec2(r, r),
                      ctx.viewing ? pal.textMuted : pal.success, 2.0f);
    dl->AddText(ImVec2(nowC.x - ImGui::CalcTextSize("Now").x * 0.5f, y + r + 2), pal.textMuted,
                "Now");
    (void)ctx;
    ImGui::SetCursorScreenPos(p0);
    ImGui::Dummy(ImVec2(w, h));
}

void drawSnapshotList(ViewContext& ctx, HistoryViewState& st,
                      const std::vector<const Snapshot*>& snaps) {
    if (button("Take snapshot…", "take-snapshot")) st.openTakeDialog = true;
    ImGui::SetItemTooltip("%s", "Keep the plan as it stands now, e.g. before a review (Ctrl+T).");
    drawTimeline(ctx, st, snaps);
    if (snaps.empty()) {
        ImGui::PushTextWrapPos(0.0f); // a narrow column wraps, never cuts a word
        ImGui::TextDisabled("No snapshots yet. Take one before each review to see later how "
                            "your plan moved.");
        ImGui::PopTextWrapPos();
        return;
    }
    if (!ImGui::BeginChild("##snapshot-list", ImVec2(0, 0), ImGuiChildFlags_None))
        return ImGui::EndChild();
    for (auto it = snaps.rbegin(); it != snaps.rend(); ++it) { // newest first
        const Snapshot& s = **it;
        const std::string sid = std::to_string(s.id.value);
        ImGui::PushID(static_cast<int>(s.id.value));
        const bool sel = st.selectedSnapshot == s.id;
        if (ImGui::Selectable(s.name.c_str(), sel || ctx.viewing == s.id,
                              ImGuiSelectableFlags_AllowDoubleClick)) {
            st.selectedSnapshot = s.id;
            if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) openSnapshot(ctx, st, s.id);
        }
        registerLastItem("snapshot:" + sid, "snapshot", s.name);
        ImGui::TextDisabled("%s%s%s", formatTimestamp(s.takenAt).c_str(),
                            s.note.empty() ? "" : " - ", s.note.c_str());
        auto small = [&](const char* label, const std::string& id, const char* tip) {
            const bool clicked = ImGui::SmallButton(label);
            registerLastItem("button:" + id, "button", label);
            ImGui::SetItemTooltip("%s", tip);
            ImGui::SameLine();
            return clicked;
        };
        if (small("View", "snapshot-view:" + sid,
                  "Open this snapshot read-only on the board and the map."))
            openSnapshot(ctx, st, s.id);
        if (small("Compare with now", "snapshot-compare:" + sid,
                  "What changed between this snapshot and the current board."))
            startCompare(ctx, st, s.id, SnapshotId{});
        if (small("Restore", "snapshot-restore:" + sid,
                  "Make this snapshot the current board. The current board is kept as a "
                  "snapshot first, and Ctrl+Z undoes the restore."))
            restore(ctx, st, s.id);
        const bool del = small("Delete", "snapshot-delete:" + sid,
                               "Delete this snapshot (Ctrl+Z brings it back).");
        ImGui::NewLine();
        ImGui::Spacing();
        ImGui::PopID();
        if (del) { // last: the edit changes the table this loop walks
            if (ctx.viewing == s.id) closeSnapshot(ctx);
            ctx.dispatch.apply(deleteSnapshot(ctx.live.board(), s.id));
            break;
        }
    }
    ImGui::EndChild();
}

// ---- changes -------------------------------------------------------------------------------
bool sideCombo(const char* label, const char* id, const Board& b, SnapshotId& value) {
    bool changed = false;
    ImGui::SetNextItemWidth(std::max(6 * em(), ImGui::GetContentRegionAvail().x * 0.5f - 3 * em()));
    if (ImGui::BeginCombo(label, sideName(b, value).c_str())) {
        if (ImGui::Selectable("Now (current board)", !value)) {
            value = SnapshotId{};
            changed = true;
        }
        for (const Snapshot* s : snapshotsByTime(b)) {
            ImGui::PushID(static_cast<int>(s->id.value));
            if (ImGui::Selectable(sideName(b, s->id).c_str(), value == s->id)) {
                value = s->id;
                changed = true;
            }
            registerLastItem(std::string("combo:") + id + "/" + std::to_string(s->id.value), "menu",
                             sideName(b, s->id));
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    registerLastItem(std::string("combo:") + id, "combo", sideName(b, value));
    return changed;
}

void drawChanges(ViewContext& ctx, HistoryViewState& st) {
    const Board& b = ctx.live.board();
    ImGui::SeparatorText("Compare");
    if (b.snapshots.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("Take a snapshot first; then compare it with the board as it is now.");
        ImGui::PopTextWrapPos();
        return;
    }
    const bool keep = st.comparing ||
                      (st.sidesPicked && (!st.compareFrom || b.snapshots.contains(st.compareFrom)));
    SnapshotId from = keep ? st.compareFrom : snapshotsByTime(b).back()->id;
    SnapshotId to =
        keep && (!st.compareTo || b.snapshots.contains(st.compareTo)) ? st.compareTo : SnapshotId{};
    bool changed = sideCombo("##from", "compare-from", b, from);
    ImGui::SameLine();
    ImGui::TextUnformatted("->");
    ImGui::SameLine();
    changed |= sideCombo("##to", "compare-to", b, to);
    ImGui::SameLine();
    if (!st.comparing) {
        // Picking the two sides only prepares the comparison; the button runs it (it used to
        // run at once and turn the button under the mouse into Close).
        if (changed) {
            st.compareFrom = from;
            st.compareTo = to;
            st.sidesPicked = true;
        }
        if (button("Compare", "compare")) startCompare(ctx, st, from, to);
        return;
    }
    if (changed) startCompare(ctx, st, from, to);
    if (button("Close", "compare-close")) {
        st.comparing = false;
        st.changes.clear();
        return;
    }
    if (st.changes.empty()) {
        ImGui::TextDisabled("No changes: the two plans are the same.");
        return;
    }
    ImGui::TextDisabled("%zu change%s. Click one to select it; moved goals show as ghosts on the "
                        "board.",
                        st.changes.size(), st.changes.size() == 1 ? "" : "s");
    if (ImGui::BeginChild("##changes", ImVec2(0, 0), ImGuiChildFlags_None)) {
        for (std::size_t i = 0; i < st.changes.size(); ++i) {
            const Change& c = st.changes[i];
            const std::string text = describeChange(c, st.fromContent, st.toContent);
            ImGui::PushID(static_cast<int>(i));
            ImGui::PushStyleColor(ImGuiCol_Text, changeColour(c.kind));
            ImGui::TextUnformatted(std::string(changeKindName(c.kind)).c_str());
            ImGui::PopStyleColor();
            ImGui::SameLine(8 * em());
            if (ImGui::Selectable(text.c_str(), st.selectedChange == static_cast<int>(i))) {
                st.selectedChange = static_cast<int>(i);
                Selection& sel = ctx.shared.selection;
                if (c.kind >= ChangeKind::PersonAdded && c.kind <= ChangeKind::PersonTrustChanged)
                    sel.selectOnly(c.person);
                else if (c.goal)
                    sel.selectOnly(c.goal);
                else if (c.person)
                    sel.selectOnly(c.person);
            }
            registerLastItem("change:" + std::to_string(i), "change", text);
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

// ---- chart ---------------------------------------------------------------------------------
void drawChart(ViewContext& ctx, HistoryViewState&) {
    ImGui::SeparatorText("How the plan moved");
    const HistorySeries s = historyStats(ctx.live.board(), true, nowTimestamp());
    const Palette& pal = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();

    // Legend (wraps when the panel is narrow)
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    auto fits = [&](const char* text) {
        const float w = 1.0f * em() + ImGui::CalcTextSize(text).x;
        return ImGui::GetCursorScreenPos().x + w <= right;
    };
    for (std::size_t i = 0; i < s.horizons.size(); ++i) {
        if (i > 0 && !fits(s.horizons[i].name.c_str())) ImGui::NewLine();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float sq = 0.7f * em();
        dl->AddRectFilled(p + ImVec2(0, 0.25f * em()), p + ImVec2(sq, 0.25f * em() + sq),
                          seriesColour(i), 2.0f);
        ImGui::Dummy(ImVec2(sq, em()));
        ImGui::SameLine(0, 0.3f * em());
        ImGui::TextUnformatted(s.horizons[i].name.c_str());
        ImGui::SameLine(0, 0.8f * em());
    }
    if (!fits("directions | destinations")) ImGui::NewLine();
    const ImVec2 lp = ImGui::GetCursorScreenPos();
    dl->AddRectFilled(lp + ImVec2(0, 0.25f * em()), lp + ImVec2(0.35f * em(), 0.95f * em()),
                      pal.direction);
    dl->AddRectFilled(lp + ImVec2(0.35f * em(), 0.25f * em()),
                      lp + ImVec2(0.7f * em(), 0.95f * em()), pal.destination);
    ImGui::Dummy(ImVec2(0.7f * em(), em()));
    ImGui::SameLine(0, 0.3f * em());
    ImGui::PushTextWrapPos(0.0f); // two lines in a narrow column
    ImGui::TextDisabled("directions | destinations");
    ImGui::PopTextWrapPos();

    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float labelH = ImGui::GetTextLineHeight() + 2;
    const float plotH = std::max(2 * em(), avail.y - labelH - 0.3f * em());
    const ImVec2 size(std::max(8 * em(), avail.x), plotH + labelH);
    ImGui::InvisibleButton("##chart", size);
    registerLastItem("chart:history", "chart", "How the plan moved");
    const float base = origin.y + plotH;
    dl->AddLine(ImVec2(origin.x, base), ImVec2(origin.x + size.x, base), pal.canvasGrid);
    if (s.points.empty() || s.maxTotal == 0) {
        dl->AddText(ImVec2(origin.x + em(), origin.y + em()), pal.textMuted,
                    "Nothing to chart yet.");
        return;
    }
    const float slot = size.x / static_cast<float>(s.points.size());
    const float barW = std::clamp(slot * 0.35f, 0.4f * em(), 2.5f * em());
    const float unit = (plotH - 0.5f * em()) / static_cast<float>(s.maxTotal);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    int hovered = -1;
    for (std::size_t i = 0; i < s.points.size(); ++i) {
        const HistoryPoint& p = s.points[i];
        const float cx = origin.x + slot * (static_cast<float>(i) + 0.5f);
        // Stacked goals per horizon.
        float y = base;
        const float ax = cx - barW - 1, bx = cx - 1;
        for (std::size_t h = 0; h < p.perHorizon.size(); ++h) {
            const float hgt = unit * static_cast<float>(p.perHorizon[h]);
            if (hgt > 0) dl->AddRectFilled(ImVec2(ax, y - hgt), ImVec2(bx, y), seriesColour(h));
            y -= hgt;
        }
        // Directions over destinations.
        const float d1 = unit * static_cast<float>(p.destinations);
        const float d2 = unit * static_cast<float>(p.directions);
        dl->AddRectFilled(ImVec2(cx + 1, base - d1), ImVec2(cx + 1 + barW * 0.6f, base),
                          pal.destination);
        dl->AddRectFilled(ImVec2(cx + 1, base - d1 - d2), ImVec2(cx + 1 + barW * 0.6f, base - d1),
                          pal.direction);
        // Label (clipped to the slot).
        const ImVec2 lmin(cx - slot * 0.5f + 2, base + 2),
            lmax(cx + slot * 0.5f - 2, base + labelH);
        dl->PushClipRect(lmin, lmax, true);
        const float tw = ImGui::CalcTextSize(p.label.c_str()).x;
        dl->AddText(ImVec2(std::max(lmin.x, cx - tw * 0.5f), lmin.y),
                    p.snapshot == ctx.viewing ? pal.accent : pal.textMuted, p.label.c_str());
        dl->PopClipRect();
        if (mouse.x >= cx - slot * 0.5f && mouse.x < cx + slot * 0.5f && mouse.y >= origin.y &&
            mouse.y <= base + labelH)
            hovered = static_cast<int>(i);
    }
    if (hovered >= 0 && ImGui::IsItemHovered()) {
        const HistoryPoint& p = s.points[static_cast<std::size_t>(hovered)];
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(p.label.c_str());
        ImGui::TextDisabled("%s", formatTimestamp(p.at).c_str());
        for (std::size_t h = 0; h < s.horizons.size(); ++h)
            ImGui::Text("%s: %d", s.horizons[h].name.c_str(), p.perHorizon[h]);
        ImGui::Text("Directions: %d, destinations: %d", p.directions, p.destinations);
        ImGui::EndTooltip();
    }
}

} // namespace

// ---- banner, dialogs, shortcuts ------------------------------------------------------------
// The banner over the board while a snapshot is shown: what is shown and the way back. The
// text wraps to the panel's width, and the button goes below it when both do not fit on one
// line, so a narrow board pane (1024x640 with every panel open) cuts off neither.
float drawSnapshotBanner(ViewContext& ctx, HistoryViewState&) {
    if (!ctx.viewing) return 0;
    const Snapshot* s = ctx.live.board().snapshots.find(ctx.viewing);
    if (!s) return 0;
    const Palette& pal = palette();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const float pad = 0.6f * em();
    const std::string text = "Viewing snapshot \"" + s->name + "\" (" +
                             formatTimestamp(s->takenAt) + ") \xe2\x80\x94 read only";
    const char* back = "Back to the current board";
    const float bw = ImGui::CalcTextSize(back).x + 2 * ImGui::GetStyle().FramePadding.x;
    FontScope f(fonts().semibold);
    const float oneLine = ImGui::CalcTextSize(text.c_str()).x;
    const bool besides = pad + oneLine + pad + bw + 0.4f * em() <= w;
    const float wrapW = std::max(4 * em(), besides ? oneLine + 1.0f : w - 2 * pad);
    const ImVec2 tsz = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrapW);
    const float frame = ImGui::GetFrameHeight();
    const float h = besides ? frame + 0.6f * em() : tsz.y + frame + 1.0f * em();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p0, p0 + ImVec2(w, h), withAlpha(pal.warning, 0.9f), 4.0f);
    const float ty = besides ? (h - ImGui::GetTextLineHeight()) * 0.5f : 0.3f * em();
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), p0 + ImVec2(pad, ty),
                IM_COL32(20, 20, 20, 255), text.c_str(), nullptr, wrapW);
    registerItem("banner:snapshot", "banner", text, p0, p0 + ImVec2(w, h));
    registerItem("banner:snapshot-text", "text", text, p0 + ImVec2(pad, ty),
                 p0 + ImVec2(pad, ty) + tsz);
    const float bx = besides ? p0.x + w - bw - 0.4f * em() : p0.x + pad;
    const float by = besides ? p0.y + 0.3f * em() : p0.y + ty + tsz.y + 0.2f * em();
    ImGui::SetCursorScreenPos(ImVec2(bx, by));
    {
        FontScope regular(fonts().regular);
        if (button(back, "snapshot-back")) closeSnapshot(ctx);
    }
    ImGui::SetCursorScreenPos(ImVec2(p0.x, p0.y + h + 0.3f * em()));
    return h + 0.3f * em();
}

void historyShortcuts(ViewContext& ctx, HistoryViewState& st) {
    if (shortcut(ImGuiKey_T)) st.openTakeDialog = true;
    if (ctx.viewing && ImGui::IsKeyPressed(ImGuiKey_Escape, false) &&
        !ImGui::GetIO().WantTextInput && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId))
        closeSnapshot(ctx);
}

void drawHistoryDialogs(ViewContext& ctx, HistoryViewState& st) {
    const char* title = "Take snapshot";
    if (st.openTakeDialog) {
        st.openTakeDialog = false;
        st.nameBuffer = "Review " + Date::today().iso();
        st.noteBuffer.clear();
        ImGui::OpenPopup(title);
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(28 * em(), 0), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    ImGui::TextWrapped("Keep the plan as it stands today, so you can look back at it and see "
                       "what moved. The snapshot is stored in the board file.");
    ImGui::Spacing();
    ImGui::TextUnformatted("Name");
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(-1);
    const bool enter =
        ImGui::InputText("##snapshot-name", &st.nameBuffer, ImGuiInputTextFlags_EnterReturnsTrue);
    registerLastItem("input:snapshot-name", "input", "Name");
    ImGui::TextUnformatted("Note (optional)");
    ImGui::InputTextMultiline("##snapshot-note", &st.noteBuffer, ImVec2(-1, 4 * em()));
    registerLastItem("input:snapshot-note", "input", "Note");
    ImGui::Spacing();
    const bool ok = button("Take snapshot", "snapshot-take", ImVec2(8 * em(), 0));
    ImGui::SameLine();
    const bool cancel = button("Cancel", "snapshot-cancel", ImVec2(7 * em(), 0)) ||
                        ImGui::IsKeyPressed(ImGuiKey_Escape, false);
    if (ok || enter || dialogEnter()) {
        takeSnapshotNow(ctx, st);
        ImGui::CloseCurrentPopup();
    } else if (cancel) {
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void drawHistoryView(ViewContext& ctx, HistoryViewState& st) {
    const std::vector<const Snapshot*> snaps = snapshotsByTime(ctx.live.board());
    const ImGuiTableFlags flags = ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV;
    if (!ImGui::BeginTable("##history", 3, flags, ImGui::GetContentRegionAvail())) return;
    ImGui::TableSetupColumn("Snapshots", ImGuiTableColumnFlags_WidthStretch, 0.36f);
    ImGui::TableSetupColumn("Compare", ImGuiTableColumnFlags_WidthStretch, 0.40f);
    ImGui::TableSetupColumn("Chart", ImGuiTableColumnFlags_WidthStretch, 0.24f);
    ImGui::TableNextRow();
    const float h = ImGui::GetContentRegionAvail().y;
    ImGui::TableNextColumn();
    if (ImGui::BeginChild("##history-snapshots", ImVec2(0, h), ImGuiChildFlags_None))
        drawSnapshotList(ctx, st, snaps);
    ImGui::EndChild();
    ImGui::TableNextColumn();
    if (ImGui::BeginChild("##history-compare", ImVec2(0, h), ImGuiChildFlags_None))
        drawChanges(ctx, st);
    ImGui::EndChild();
    ImGui::TableNextColumn();
    if (ImGui::BeginChild("##history-chart", ImVec2(0, h), ImGuiChildFlags_None,
                          ImGuiWindowFlags_NoScrollbar))
        drawChart(ctx, st);
    ImGui::EndChild();
    ImGui::EndTable();
}

} // namespace horizons::ui
