#include "ui/coach_view.hpp"

#include "model/edits.hpp"
#include "ui/layout_registry.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h> // RenderTextEllipsis

#include <cstdio>
#include <string>

namespace horizons::ui {

bool canDismiss(const Hint& h) { return h.goal || isBoardWide(h.kind); }

void drawCoachView(ViewContext& ctx, CoachViewState&) {
    const Document& doc = ctx.doc;
    const std::vector<Hint>& hints = ctx.derived.hints();
    const Palette& pal = palette();
    const float em = ImGui::GetFontSize();
    ImGui::PushID("coach");
    char title[48];
    std::snprintf(title, sizeof title, "Coach (%zu)", hints.size());
    ImGui::SeparatorText(hints.empty() ? "Coach" : title);
    if (hints.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("Nothing to suggest right now. Hints about your plan appear here.");
        ImGui::PopTextWrapPos();
        ImGui::PopID();
        return;
    }
    ImGui::BeginChild("##coach-scroll", ImVec2(0, 0), ImGuiChildFlags_None); // long lists scroll
    const float dismissW = ImGui::CalcTextSize("Dismiss").x + 2 * ImGui::GetStyle().FramePadding.x;
    const Hint* dismiss = nullptr;
    for (std::size_t i = 0; i < hints.size(); ++i) {
        const Hint& h = hints[i];
        ImGui::PushID(static_cast<int>(i));
        const bool selected = (h.goal && ctx.shared.selection.has(h.goal)) ||
                              (h.person && ctx.shared.selection.has(h.person));
        const float textW = ImGui::GetContentRegionAvail().x - dismissW - 1.2f * em;
        const ImVec2 start = ImGui::GetCursorScreenPos();
        // The text, wrapped, and under it (muted, one line) the goal it is about, so two
        // hints of the same kind can be told apart; the selectable covers both.
        const Goal* subject = h.goal ? doc.content().goals.find(h.goal) : nullptr;
        const ImVec2 size = ImGui::CalcTextSize(h.what.c_str(), nullptr, false, textW - 1.0f * em);
        const float subjectH = subject ? ImGui::GetTextLineHeight() : 0.0f;
        if (ImGui::Selectable("##hint", selected, ImGuiSelectableFlags_AllowOverlap,
                              ImVec2(textW, size.y + subjectH))) {
            if (h.goal)
                ctx.shared.selection.selectOnly(h.goal);
            else if (h.person)
                ctx.shared.selection.selectOnly(h.person);
        }
        registerLastItem("hint:" + std::to_string(i), "hint", h.what);
        ImGui::SetItemTooltip("%s", h.why.c_str());
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddCircleFilled(ImVec2(start.x + 0.35f * em, start.y + 0.55f * em), 0.22f * em,
                            pal.warning, 10);
        ImGui::SetCursorScreenPos(ImVec2(start.x + 0.9f * em, start.y));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + textW - 1.0f * em);
        ImGui::TextUnformatted(h.what.c_str());
        ImGui::PopTextWrapPos();
        if (subject) {
            const ImVec2 at(start.x + 0.9f * em, start.y + size.y);
            const ImVec4 clip(at.x, at.y, start.x + textW, at.y + subjectH);
            // One line, ended with an ellipsis when the title is longer than the panel.
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
            ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), at, ImVec2(clip.z, clip.w),
                                      clip.z, subject->title.c_str(), nullptr, nullptr);
            ImGui::PopStyleColor();
            registerItem("hint-subject:" + std::to_string(i), "text", subject->title, at,
                         ImVec2(clip.z, clip.w));
        }
        if (canDismiss(h) && !ctx.shared.readOnly) {
            ImGui::SameLine(contentRight() - dismissW);
            ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, start.y));
            if (ImGui::SmallButton("Dismiss")) dismiss = &h;
            registerLastItem("button:hint-dismiss:" + std::to_string(i), "button", "Dismiss");
        }
        // The next hint starts below this one's text and subject line, whatever came last.
        ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + size.y + subjectH));
        ImGui::Dummy(ImVec2(1.0f, 0.0f));
        ImGui::PopID();
    }
    ImGui::EndChild();
    if (dismiss && !ctx.shared.readOnly) {
        const int kind = static_cast<int>(dismiss->kind);
        ctx.dispatch.apply(dismiss->goal ? dismissGoalHint(doc.board(), dismiss->goal, kind)
                                : dismissBoardHint(doc.board(), kind));
    }
    ImGui::PopID();
}

} // namespace horizons::ui
