// merge_panel.cpp — see merge_panel.hpp.
#include "ui/merge_panel.hpp"

#include "ui/layout_registry.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

namespace horizons::ui {

namespace {

using session::PendingMerge;

void wrapped(const std::string& text) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
}

std::string conflictSubject(const MergeConflict& c) {
    std::string what = c.entity;
    if (!c.field.empty()) what += ": " + c.field;
    switch (c.what) {
    case ConflictKind::OursDeleted: return what + " (deleted on one side, changed on the other)";
    case ConflictKind::TheirsDeleted: return what + " (changed on one side, deleted on the other)";
    case ConflictKind::BothAdded: return what + " (added on both sides)";
    case ConflictKind::BothChanged: break;
    }
    return what;
}

// One side of a conflict: a radio button and the value, wrapped in its column.
void sideCell(session::Session& s, const MergeConflict& c, Resolution side,
              const std::string& value, const std::string& id) {
    if (ImGui::RadioButton(("##" + id).c_str(), c.resolution == side))
        s.dispatch(session::ResolveConflict{c.kind, c.id, c.field, side});
    registerLastItem("merge:" + id, "radio", value);
    ImGui::SameLine();
    wrapped(value);
}

void conflictRow(session::Session& s, const MergeConflict& c, std::size_t i) {
    const std::string n = std::to_string(i);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    wrapped(conflictSubject(c));
    if (c.canKeepBoth()) {
        bool both = c.resolution == Resolution::Both;
        if (ImGui::Checkbox(("Keep both##both" + n).c_str(), &both))
            s.dispatch(session::ResolveConflict{c.kind, c.id, c.field,
                                                both ? Resolution::Both : Resolution::Unresolved});
        registerLastItem("merge:both" + n, "checkbox", "Keep both");
    }
    ImGui::TableNextColumn();
    sideCell(s, c, Resolution::Ours, c.ours, "ours" + n);
    ImGui::TableNextColumn();
    sideCell(s, c, Resolution::Theirs, c.theirs, "theirs" + n);
}

void conflictTable(session::Session& s, const PendingMerge& m, const MergeResult& r) {
    // A few conflicts: the table is as tall as its rows. Many: it scrolls, and only the rows
    // on screen are laid out.
    const bool scroll = r.conflicts.size() > 4;
    const float height = scroll ? ImGui::GetMainViewport()->WorkSize.y * 0.45f : 0.0f;
    ImGuiTableFlags flags =
        ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (scroll) flags |= ImGuiTableFlags_ScrollY;
    if (!ImGui::BeginTable("conflicts", 3, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("What", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(m.oursLabel.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(m.theirsLabel.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper; // only the rows on screen, however many conflicts there are
    clipper.Begin(static_cast<int>(r.conflicts.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
            conflictRow(s, r.conflicts[static_cast<std::size_t>(i)], static_cast<std::size_t>(i));
    ImGui::EndTable();
}

void mergeButtons(session::Session& s, const PendingMerge& m, const MergeResult& r,
                  MergePanelState& st) {
    if (button("Keep all: " + m.oursLabel, "merge-all-ours"))
        s.dispatch(session::ResolveAllConflicts{Resolution::Ours});
    ImGui::SameLine();
    if (button("Take all: " + m.theirsLabel, "merge-all-theirs"))
        s.dispatch(session::ResolveAllConflicts{Resolution::Theirs});
    ImGui::Spacing();
    const bool ready = r.unresolved() == 0;
    ImGui::BeginDisabled(!ready);
    if (button("Apply merge", "merge-apply") ||
        (ready && ImGui::IsKeyPressed(ImGuiKey_Enter, false)))
        s.dispatch(session::ApplyMerge{});
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (m.source != PendingMerge::Source::Disk) {
        const char* cancel = m.source == PendingMerge::Source::Recovery
                                 ? "Discard the autosaved work"
                                 : "Don't merge";
        if (button(cancel, "merge-cancel")) s.dispatch(session::CancelMerge{});
        ImGui::SameLine();
    }
    if (button("Later", "merge-later") || ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
        st.later = true;
        st.laterFor = m.serial;
    }
}

void drawConflicts(session::Session& s, const PendingMerge& m, MergePanelState& st) {
    const MergeResult* r = s.mergePreview();
    if (!r) return;
    const std::size_t left = r->unresolved();
    wrapped("Merging " + m.from + ". Everything that does not clash is merged already. " +
            std::to_string(r->conflicts.size()) +
            (r->conflicts.size() == 1 ? " change was made" : " changes were made") +
            " on both sides: choose which to keep" +
            (left ? " (" + std::to_string(left) + " still to choose)." : ".") +
            (m.source == PendingMerge::Source::Disk
                 ? " The board file is not written until every one has a side."
                 : ""));
    registerLastItem("merge:summary", "text", m.from);
    ImGui::Spacing();
    conflictTable(s, m, *r);
    if (!r->repairs.empty()) {
        ImGui::TextDisabled("Adjusted to keep the board whole:");
        for (const std::string& line : r->repairs)
            ImGui::BulletText("%s", line.c_str());
    }
    ImGui::Spacing();
    mergeButtons(s, m, *r, st);
}

void drawCopies(session::Session& s) {
    for (const store::ConflictCopy& c : s.conflictCopies()) {
        const std::string name = c.path.filename().string();
        const std::string id = name;
        ImGui::PushID(id.c_str());
        if (s.copyMerged(c.path)) {
            wrapped("Merged " + name + " into this board. Move the copy to the trash?");
            if (button("Move to trash", "copy-trash:" + name))
                s.dispatch(session::SetCopyAside{c.path.string(), true});
            ImGui::SameLine();
            if (button("Keep it", "copy-keep:" + name))
                s.dispatch(session::SetCopyAside{c.path.string(), false});
        } else {
            std::string who = std::string(store::toolName(c.tool));
            if (!c.detail.empty()) who += " (" + c.detail + ")";
            wrapped(who + " left a conflicting copy of this board beside it: " + name +
                    ". Merge it to bring its changes in.");
            registerLastItem("copy:" + name, "text", name);
            if (button("Merge it", "copy-merge:" + name))
                s.dispatch(session::MergeCopy{c.path.string()});
            ImGui::SameLine();
            if (button("Not now", "copy-later:" + name))
                s.dispatch(session::SetCopyAside{c.path.string(), false});
        }
        ImGui::PopID();
        if (&c != &s.conflictCopies().back()) ImGui::Separator();
    }
}

} // namespace

void drawMergePanel(session::Session& s, MergePanelState& st) {
    const PendingMerge* m = s.pendingMerge();
    if (st.later && (!m || st.laterFor != m->serial)) st.later = false; // a new one shows
    const bool showMerge = m && !st.later;
    if (!showMerge && (m || s.conflictCopies().empty() || s.readOnly())) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float width = std::min(48 * em(), vp->WorkSize.x * 0.92f);
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + 2 * em()),
                            ImGuiCond_Appearing, ImVec2(0.5f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(width, 0), ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0),
                                        ImVec2(vp->WorkSize.x, vp->WorkSize.y * 0.8f));
    const char* title = showMerge ? "Changes made elsewhere###merge" : "Conflicting copies###merge";
    if (!ImGui::Begin(title, nullptr,
                      ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                          ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::End();
        return;
    }
    if (showMerge)
        drawConflicts(s, *m, st);
    else
        drawCopies(s);
    ImGui::End();
}

} // namespace horizons::ui
