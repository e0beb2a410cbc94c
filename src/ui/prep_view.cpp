// prep_view.cpp — see prep_view.hpp.
#include "ui/prep_view.hpp"
#include "ui/widgets.hpp"

#include "model/agenda.hpp"
#include "model/share.hpp"
#include "ui/fonts.hpp"
#include "ui/layout_registry.hpp"
#include "ui/theme.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace horizons::ui {

namespace {

void heading(const std::string& text) {
    ImGui::Spacing();
    FontScope f(fonts().semibold);
    ImGui::TextUnformatted(text.c_str());
}

void goalBullet(const BoardContent& c, GoalId id, const std::string& extra = {}) {
    const Goal* g = c.goals.find(id);
    if (!g) return;
    const Palette& pal = palette();
    ImGui::PushStyleColor(ImGuiCol_Text,
                          g->kind() == GoalKind::Direction ? pal.direction : pal.destination);
    ImGui::Bullet();
    ImGui::PopStyleColor();
    ImGui::SameLine();
    std::string line = g->title;
    if (g->kind() == GoalKind::Direction) line += "  (still open)";
    if (g->target) line += "  by " + g->target->iso();
    if (!extra.empty()) line += "  - " + extra;
    ImGui::TextWrapped("%s", line.c_str());
    registerLastItem("agenda-goal:" + std::to_string(id.value), "agenda", g->title);
}

void drawAgenda(ViewContext& ctx, PrepViewState& st) {
    const BoardContent& c = ctx.doc.content();
    if (c.people.empty()) {
        ImGui::TextWrapped("Add the people you talk with about your career on the network map; "
                           "then Horizons drafts what to bring up with each of them.");
        return;
    }
    PersonId who = agendaPerson(ctx, st);
    ImGui::TextUnformatted("Prepare for");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    const Person* p = c.people.find(who);
    if (ImGui::BeginCombo("##prep-person", p ? p->name.c_str() : "")) {
        for (const auto& x : c.people) {
            ImGui::PushID(static_cast<int>(x.id.value));
            if (ImGui::Selectable(x.name.c_str(), x.id == who)) {
                st.person = x.id;
                who = x.id;
            }
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    registerLastItem("combo:prep-person", "combo", p ? p->name : "");
    p = c.people.find(who);
    if (!p) return;

    const Agenda& a = ctx.derived.agenda(who);
    if (button("Copy to share", "agenda-copy-share")) {
        ImGui::SetClipboardText(shareAgendaMarkdown(c, who).c_str());
        ctx.dispatch.notify("Agenda to share copied: no trust levels or private notes");
    }
    ImGui::SetItemTooltip("%s", "Copy the agenda as Markdown to paste to this person: only what "
                                "they may see, without trust levels, notes or what was left out.");
    sameLineIfFits(buttonWidth("Copy for me")); // a narrow side panel wraps the row
    if (button("Copy for me", "agenda-copy-me")) {
        ImGui::SetClipboardText(agendaMarkdown(c, a).c_str());
        ctx.dispatch.notify("Prep notes for me copied (not to share)");
    }
    ImGui::SetItemTooltip("%s", "Copy your prep notes as Markdown, with trust levels and what "
                                "was left out. For you alone, not to paste to them.");
    sameLineIfFits(buttonWidth("Export to share…"));
    if (button("Export to share…", "agenda-export")) {
        st.openExportDialog = true;
        std::string file = "agenda-" + p->name + ".md";
        for (char& ch : file)
            if (ch == ' ' || ch == '/' || ch == '\\') ch = '-';
        st.exportPath = file;
    }

    if (ImGui::BeginChild("##agenda", ImVec2(0, 0), ImGuiChildFlags_None)) {
        const Palette& pal = palette();
        ImGui::PushStyleColor(ImGuiCol_Text, pal.textMuted);
        std::string sub = std::string(relationshipName(p->relationship)) + ", trust " +
                          std::to_string(p->trust) + "/5";
        if (a.lastTalked) sub += ", last talked " + a.lastTalked->iso();
        ImGui::TextWrapped("%s", sub.c_str());
        ImGui::TextWrapped("You lead this one: say where you are heading, listen to how it "
                           "lands, leave with sharper ideas.");
        ImGui::PopStyleColor();
        for (const auto& s : a.sections) {
            heading(s.heading);
            for (GoalId g : s.goals)
                goalBullet(c, g);
        }
        heading("To talk about with " + a.personName);
        if (a.linked.empty())
            ImGui::TextDisabled("Nothing linked to them yet: drag a goal onto them on the map.");
        for (GoalId g : a.linked) {
            std::string topic;
            for (const GoalLink* l : linksOfGoal(c, g))
                if (l->person == who) topic = l->topic;
            goalBullet(c, g, topic);
        }
        heading("What you could ask");
        for (const auto& q : a.asks) {
            ImGui::Bullet();
            ImGui::SameLine();
            ImGui::TextWrapped("%s", q.c_str());
        }
        if (!a.openFollowUps.empty()) {
            heading("Open from last time");
            for (const auto& f : a.openFollowUps) {
                ImGui::Bullet();
                ImGui::SameLine();
                ImGui::TextWrapped("%s", f.c_str());
            }
        }
        if (a.leftOutBeyondOrg > 0) {
            ImGui::Spacing();
            ImGui::PushStyleColor(ImGuiCol_Text, pal.warning);
            ImGui::TextWrapped("%d goal%s beyond your current organisation left out: trust with "
                               "%s (%d) is below the board's threshold (%d).",
                               a.leftOutBeyondOrg, a.leftOutBeyondOrg == 1 ? "" : "s",
                               a.personName.c_str(), p->trust, c.meta.settings.beyondOrgTrust);
            ImGui::PopStyleColor();
            registerLastItem("agenda:left-out", "agenda", "left out");
        }
    }
    ImGui::EndChild();
}

} // namespace

PersonId agendaPerson(const ViewContext& ctx, const PrepViewState& st) {
    const BoardContent& c = ctx.doc.content();
    if (c.people.contains(st.person)) return st.person;
    for (PersonId p : ctx.shared.selection.people)
        if (c.people.contains(p)) return p;
    return c.people.empty() ? PersonId{} : c.people.begin()->id;
}

void drawPrepView(ViewContext& ctx, PrepViewState& st) {
    if (!ImGui::BeginTabBar("##prep-tabs")) return;
    if (ImGui::BeginTabItem("Agenda")) {
        st.tab = 0;
        drawAgenda(ctx, st);
        ImGui::EndTabItem();
    }
    registerLastItem("tab:agenda", "tab", "Agenda");
    if (ImGui::BeginTabItem("Conversations")) {
        st.tab = 1;
        if (ImGui::BeginChild("##log", ImVec2(0, 0), ImGuiChildFlags_None))
            drawConversationLogView(ctx, st.log);
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    registerLastItem("tab:conversations", "tab", "Conversations");
    ImGui::EndTabBar();
}

void drawPrepDialogs(ViewContext& ctx, PrepViewState& st) {
    const char* title = "Export agenda to share";
    if (st.openExportDialog) {
        st.openExportDialog = false;
        ImGui::OpenPopup(title);
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(30 * em(), 0), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    ImGui::TextUnformatted("Markdown file (to share: no trust levels or private notes):");
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(-1);
    const bool enter =
        ImGui::InputText("##agenda-path", &st.exportPath, ImGuiInputTextFlags_EnterReturnsTrue);
    registerLastItem("input:agenda-path", "input", "Markdown file");
    const bool ok = button("Export", "agenda-export-ok", ImVec2(7 * em(), 0));
    ImGui::SameLine();
    const bool cancel = button("Cancel", "agenda-export-cancel", ImVec2(7 * em(), 0)) ||
                        ImGui::IsKeyPressed(ImGuiKey_Escape, false);
    if ((ok || enter || dialogEnter()) && !st.exportPath.empty()) {
        ctx.dispatch.dispatch(session::ExportText{
            st.exportPath, shareAgendaMarkdown(ctx.doc.content(), agendaPerson(ctx, st))});
        ImGui::CloseCurrentPopup();
    } else if (cancel) {
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

} // namespace horizons::ui
