#include "ui/person_delete_dialog.hpp"

#include "model/edits.hpp"
#include "ui/layout_registry.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

#include <string>

namespace horizons::ui {

namespace {

constexpr const char* kTitle = "Delete person?";

std::size_t conversationsWith(const BoardContent& c, const std::vector<PersonId>& ids) {
    std::size_t n = 0;
    for (const Conversation& cv : c.conversations)
        n += std::find(ids.begin(), ids.end(), cv.person) != ids.end() ? 1 : 0;
    return n;
}

void deleteNow(ViewContext& ctx, const std::vector<PersonId>& ids) {
    if (ctx.dispatch.apply(deletePeople(ctx.doc.board(), ids)))
        for (PersonId id : ids)
            ctx.shared.selection.drop(id);
}

} // namespace

bool deletePeopleAsking(ViewContext& ctx, std::vector<PersonId> ids) {
    if (ids.empty()) return false;
    if (conversationsWith(ctx.doc.content(), ids) == 0) {
        deleteNow(ctx, ids);
        return true;
    }
    ctx.shared.confirmDeletePeople = std::move(ids);
    return false;
}

void drawDeletePeopleDialog(ViewContext& ctx) {
    std::vector<PersonId>& ids = ctx.shared.confirmDeletePeople;
    if (!ids.empty() && !ImGui::IsPopupOpen(kTitle)) ImGui::OpenPopup(kTitle);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(28 * em(), 0), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(kTitle, nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    const BoardContent& c = ctx.doc.content();
    const Person* first = ids.empty() ? nullptr : c.people.find(ids.front());
    const std::string who =
        ids.size() == 1 && first ? first->name : std::to_string(ids.size()) + " people";
    const std::size_t talks = conversationsWith(c, ids);
    const std::string text =
        "You logged " + std::to_string(talks) +
        (talks == 1 ? " conversation with " : " conversations with ") + who +
        ". They stay in the log, under the name as a former contact; the links to goals and "
        "the introductions go. Ctrl+Z brings everything back.";
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    registerLastItem("dialog:delete-person", "dialog", text);
    ImGui::Spacing();
    const bool ok = button("Delete " + who, "delete-person-ok") || dialogEnter();
    ImGui::SameLine();
    const bool cancel =
        button("Cancel", "delete-person-cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape, false);
    if (ok) deleteNow(ctx, ids);
    if (ok || cancel || ids.empty()) {
        ids.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

} // namespace horizons::ui
