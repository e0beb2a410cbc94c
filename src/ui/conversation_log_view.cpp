// conversation_log_view.cpp — see conversation_log_view.hpp.
#include "ui/conversation_log_view.hpp"
#include "ui/widgets.hpp"

#include "model/edits.hpp"
#include "model/text.hpp"
#include "ui/fonts.hpp"
#include "ui/layout_registry.hpp"
#include "ui/theme.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace horizons::ui {

namespace {

std::string personLabel(const BoardContent& c, PersonId id) {
    const Person* p = c.people.find(id);
    return p ? p->name : std::string("Choose a person");
}

bool personCombo(const char* id, const BoardContent& c, PersonId& value, bool allowEveryone) {
    bool changed = false;
    const std::string current = !value && allowEveryone ? "Everyone" : personLabel(c, value);
    if (ImGui::BeginCombo(id, current.c_str())) {
        if (allowEveryone && ImGui::Selectable("Everyone", !value)) {
            value = PersonId{};
            changed = true;
        }
        for (const auto& p : c.people) {
            ImGui::PushID(static_cast<int>(p.id.value));
            if (ImGui::Selectable(p.name.c_str(), value == p.id)) {
                value = p.id;
                changed = true;
            }
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    registerLastItem(std::string("combo:") + (id + 2), "combo", current);
    return changed;
}

void resetForm(ConversationLogState& st) {
    st.date.clear();
    st.goals.clear();
    st.notes.clear();
    st.followUps.clear();
    st.newFollowUp.clear();
    st.error.clear();
}

void drawForm(ViewContext& ctx, ConversationLogState& st) {
    const BoardContent& c = ctx.doc.content();
    if (st.date.empty()) st.date = ctx.today.iso();
    ImGui::TextUnformatted("Date");
    ImGui::SameLine(5 * em());
    ImGui::SetNextItemWidth(8 * em());
    ImGui::InputText("##log-date", &st.date);
    registerLastItem("input:log-date", "input", "Date");
    ImGui::TextUnformatted("With");
    ImGui::SameLine(5 * em());
    ImGui::SetNextItemWidth(-1);
    personCombo("##log-person", c, st.person, false);

    ImGui::TextUnformatted("Goals you talked about");
    if (ImGui::BeginChild("##log-goals", ImVec2(0, 6 * em()), ImGuiChildFlags_Borders)) {
        for (const Horizon* h : orderedHorizons(c)) {
            for (const auto& g : c.goals) {
                if (g.horizon != h->id) continue;
                bool on = std::find(st.goals.begin(), st.goals.end(), g.id) != st.goals.end();
                ImGui::PushID(static_cast<int>(g.id.value));
                if (ImGui::Checkbox(g.title.c_str(), &on)) {
                    if (on)
                        st.goals.push_back(g.id);
                    else
                        std::erase(st.goals, g.id);
                }
                ImGui::PopID();
                ImGui::SameLine();
                ImGui::TextDisabled("%s", h->name.c_str());
            }
        }
    }
    ImGui::EndChild();
    ImGui::TextUnformatted("Notes");
    ImGui::InputTextMultiline("##log-notes", &st.notes, ImVec2(-1, 4 * em()));
    registerLastItem("input:log-notes", "input", "Notes");

    ImGui::TextUnformatted("Follow-ups");
    for (std::size_t i = 0; i < st.followUps.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        ImGui::SetNextItemWidth(-2.5f * em());
        ImGui::InputText("##fu", &st.followUps[i]);
        ImGui::SameLine();
        const bool remove = ImGui::SmallButton("x");
        ImGui::PopID();
        if (remove) {
            st.followUps.erase(st.followUps.begin() + static_cast<std::ptrdiff_t>(i));
            break;
        }
    }
    ImGui::SetNextItemWidth(-4.5f * em());
    const bool enter =
        ImGui::InputTextWithHint("##log-new-followup", "Something to do next", &st.newFollowUp,
                                 ImGuiInputTextFlags_EnterReturnsTrue);
    registerLastItem("input:log-followup", "input", "Follow-up");
    ImGui::SameLine();
    if ((button("Add", "log-add-followup") || enter) && !isBlank(st.newFollowUp)) {
        st.followUps.push_back(st.newFollowUp);
        st.newFollowUp.clear();
    }

    ImGui::Spacing();
    if (button("Log conversation", "log-save")) {
        if (!isBlank(st.newFollowUp)) {
            st.followUps.push_back(st.newFollowUp);
            st.newFollowUp.clear();
        }
        const auto date = Date::parse(st.date);
        if (!date) {
            st.error = "The date should look like 2024-05-31.";
        } else if (!c.people.contains(st.person)) {
            st.error = "Choose who you talked with.";
        } else {
            Conversation cv;
            cv.id = ctx.dispatch.newId<ConversationId>();
            cv.date = *date;
            cv.person = st.person;
            cv.goals = st.goals;
            cv.notes = st.notes;
            cv.followUps = st.followUps;
            std::erase_if(cv.followUps, [](const std::string& s) { return isBlank(s); });
            if (ctx.dispatch.apply(logConversation(ctx.doc.board(), std::move(cv)))) {
                ctx.dispatch.notify("Conversation logged");
                const PersonId keep = st.person;
                resetForm(st);
                st.person = keep;
                st.formOpen = false;
            }
        }
    }
    ImGui::SameLine();
    if (button("Cancel", "log-cancel")) {
        resetForm(st);
        st.formOpen = false;
    }
    if (!st.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().warning);
        ImGui::TextWrapped("%s", st.error.c_str());
        ImGui::PopStyleColor();
    }
}

} // namespace

bool followUpOnBoard(const BoardContent& c, const std::string& followUp) {
    const Horizon* nearH = shortestHorizon(c);
    if (!nearH) return false;
    return std::any_of(c.goals.begin(), c.goals.end(), [&](const Goal& g) {
        return g.horizon == nearH->id && g.title == followUp;
    });
}

Edit followUpToGoal(const Board& b, session::Dispatcher& ids, const Conversation& c,
                    const std::string& followUp) {
    const Horizon* nearH = shortestHorizon(b.content);
    if (!nearH || isBlank(followUp)) return {};
    double maxOrder = -1;
    for (const auto& g : b.content.goals)
        if (g.horizon == nearH->id) maxOrder = std::max(maxOrder, g.order);
    Goal g;
    g.id = ids.newId<GoalId>();
    g.title = followUp;
    g.horizon = nearH->id;
    g.specificity = 0.8;
    g.order = maxOrder + 1;
    g.status = GoalStatus::Active;
    g.target = c.date.plusDays(nearH->months * 30);
    g.notes = "From a conversation on " + c.date.iso();
    Edit e = addGoal(b, g);
    e.label = "Make follow-up a goal";
    if (b.content.people.contains(c.person))
        e.ops.emplace_back(Put<GoalLink>{GoalLink{ids.newId<LinkId>(), c.person, g.id, {}}});
    return e;
}

void drawConversationLogView(ViewContext& ctx, ConversationLogState& st) {
    const BoardContent& c = ctx.doc.content();
    const bool ro = ctx.shared.readOnly;
    if (!ro) {
        if (!st.formOpen) {
            if (button("Log a conversation…", "log-open")) {
                st.formOpen = true;
                if (!st.person && !ctx.shared.selection.people.empty())
                    st.person = ctx.shared.selection.people.front();
            }
            ImGui::SetItemTooltip("%s",
                                  "Write down what you talked about and what to do next. It also "
                                  "sets when you last talked with them.");
        } else {
            ImGui::SeparatorText("New conversation");
            drawForm(ctx, st);
        }
    }

    ImGui::SeparatorText("Log");
    ImGui::SetNextItemWidth(-1);
    personCombo("##log-filter", c, st.filter, true);
    std::vector<const Conversation*> log;
    for (const auto& cv : c.conversations)
        if (!st.filter || cv.person == st.filter) log.push_back(&cv);
    std::stable_sort(log.begin(), log.end(), [](const Conversation* a, const Conversation* b) {
        return a->date > b->date;
    });
    if (log.empty()) ImGui::TextDisabled("No conversations logged yet.");
    ConversationId doomed;
    for (const Conversation* cv : log) {
        ImGui::PushID(static_cast<int>(cv->id.value));
        {
            FontScope f(fonts().semibold);
            ImGui::Text("%s  %s", cv->date.iso().c_str(), conversationWith(c, *cv).c_str());
        }
        for (GoalId g : cv->goals)
            if (const Goal* goal = c.goals.find(g)) ImGui::BulletText("%s", goal->title.c_str());
        if (!cv->notes.empty()) ImGui::TextWrapped("%s", cv->notes.c_str());
        for (std::size_t i = 0; i < cv->followUps.size(); ++i) {
            const std::string& fu = cv->followUps[i];
            ImGui::PushID(static_cast<int>(i));
            ImGui::TextWrapped("-> %s", fu.c_str());
            if (followUpOnBoard(c, fu)) {
                ImGui::SameLine();
                ImGui::TextDisabled("(on the board)");
            } else if (!ro) {
                ImGui::Indent();
                const std::string id =
                    "followup-goal:" + std::to_string(cv->id.value) + ":" + std::to_string(i);
                if (ImGui::SmallButton("Make it a six-month goal")) {
                    Edit e = followUpToGoal(ctx.doc.board(), ctx.dispatch, *cv, fu);
                    if (!e.empty()) {
                        const GoalId made = std::get<Put<Goal>>(e.ops.front()).value.id;
                        ctx.dispatch.apply(std::move(e));
                        ctx.shared.selection.selectOnly(made);
                        ctx.dispatch.notify("Added \"" + fu + "\" to the six-month horizon");
                    }
                }
                registerLastItem("button:" + id, "button", "Make it a six-month goal");
                ImGui::SetItemTooltip("%s", "Add it to the six-month horizon as a concrete goal, "
                                            "linked to this person (one undo step).");
                ImGui::Unindent();
            }
            ImGui::PopID();
        }
        if (!ro && ImGui::SmallButton("Delete entry")) doomed = cv->id;
        ImGui::Separator();
        ImGui::PopID();
    }
    if (doomed) // after the loop: the edit changes the table the loop walks
        ctx.dispatch.apply(deleteConversation(ctx.doc.board(), doomed));
}

} // namespace horizons::ui
