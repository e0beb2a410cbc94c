// person_inspector_view.cpp — see person_inspector_view.hpp.
#include "ui/person_inspector_view.hpp"
#include "ui/widgets.hpp"

#include "model/edits.hpp"
#include "ui/fonts.hpp"
#include "ui/layout_registry.hpp"
#include "ui/network_map_view.hpp"
#include "ui/person_delete_dialog.hpp"
#include "ui/theme.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <string>

namespace horizons::ui {

namespace {

enum Field : std::uint64_t { FName = 1, FTrust, FCadence, FNotes, FNext };

// One merge key per (person, field): typing in one field is one undo step.
std::uint64_t mergeKey(PersonId id, Field f) {
    return 0x7065727300000000ull ^ (id.value << 8) ^ static_cast<std::uint64_t>(f);
}

// Applies `edit` as part of the field's gesture; the gesture ends when the widget is released.
void applyLive(ViewContext& ctx, Edit edit, PersonId id, Field f) {
    ctx.dispatch.apply(std::move(edit), mergeKey(id, f));
}
void endGestureIfReleased(ViewContext& ctx) {
    if (ImGui::IsItemDeactivated()) ctx.dispatch.endGesture();
}

constexpr float kFieldWidth = -FLT_MIN; // fields fill the panel

const CadencePreset kPresets[] = {
    {"No regular cadence", 0}, {"Every 2 weeks", 14},  {"Every month", 30},
    {"Every 2 months", 60},    {"Every 3 months", 90}, {"Every 6 months", 180},
    {"Once a year", 365},
};

} // namespace

const CadencePreset* cadencePresets(int& count) {
    count = static_cast<int>(std::size(kPresets));
    return kPresets;
}

const char* cadenceLabel(int days) {
    for (const auto& p : kPresets)
        if (p.days == days) return p.label;
    return nullptr;
}

namespace {

// The heading: name, relationship (in its colour), organisation and trust.
void personHeading(const Person& p) {
    {
        FontScope big(fonts().large);
        ImGui::TextUnformatted(p.name.c_str());
    }
    const std::string rel(relationshipName(p.relationship));
    ImGui::PushStyleColor(ImGuiCol_Text, relationshipColour(p.relationship));
    ImGui::TextUnformatted(rel.c_str());
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s the organisation, trust %d", p.insideOrg ? "inside" : "outside",
                        p.trust);
    ImGui::PopTextWrapPos();
}

void applyUpdate(ViewContext& ctx, const Person& copy, const char* what) {
    ctx.dispatch.apply(updatePerson(ctx.doc.board(), copy, what));
}

void nameField(ViewContext& ctx, const Person& p) {
    std::string name = p.name;
    ImGui::SetNextItemWidth(kFieldWidth);
    if (ImGui::InputTextWithHint("##name", "Name", &name)) {
        if (!name.empty()) {
            Person copy = p;
            copy.name = name;
            applyLive(ctx, updatePerson(ctx.doc.board(), copy, "Rename person"), p.id, FName);
        }
    }
    registerLastItem("input:person-name", "input", "Name");
    endGestureIfReleased(ctx);
}

void relationshipField(ViewContext& ctx, const Person& p) {
    fieldLabel("Relationship");
    ImGui::SameLine(7 * em());
    ImGui::SetNextItemWidth(kFieldWidth);
    const std::string current(relationshipName(p.relationship));
    if (ImGui::BeginCombo("##relationship", current.c_str())) {
        for (int i = 0; i < kRelationshipCount; ++i) {
            const auto r = static_cast<Relationship>(i);
            const std::string n(relationshipName(r));
            if (ImGui::Selectable(n.c_str(), r == p.relationship) && r != p.relationship) {
                Person copy = p;
                copy.relationship = r;
                // A peer outside the organisation is, by definition, outside.
                if (r == Relationship::PeerOutside) copy.insideOrg = false;
                applyUpdate(ctx, copy, "Change relationship");
            }
        }
        ImGui::EndCombo();
    }
    registerLastItem("input:person-relationship", "input", "Relationship");
}

void organisationField(ViewContext& ctx, const Person& p) {
    fieldLabel("Organisation");
    ImGui::SameLine(7 * em());
    int inside = p.insideOrg ? 1 : 0;
    bool changed = ImGui::RadioButton("Inside", &inside, 1);
    registerLastItem("input:person-inside", "input", "Inside");
    ImGui::SameLine();
    changed = ImGui::RadioButton("Outside", &inside, 0) || changed;
    registerLastItem("input:person-outside", "input", "Outside");
    if (changed && (inside == 1) != p.insideOrg) {
        Person copy = p;
        copy.insideOrg = inside == 1;
        applyUpdate(ctx, copy, "Change organisation");
    }
}

void trustField(ViewContext& ctx, const Person& p) {
    fieldLabel("Trust");
    ImGui::SameLine(7 * em());
    ImGui::SetNextItemWidth(kFieldWidth);
    int trust = p.trust;
    if (ImGui::SliderInt("##trust", &trust, kMinTrust, kMaxTrust, "%d") && trust != p.trust) {
        Person copy = p;
        copy.trust = std::clamp(trust, kMinTrust, kMaxTrust);
        applyLive(ctx, updatePerson(ctx.doc.board(), copy, "Change trust"), p.id, FTrust);
    }
    registerLastItem("input:person-trust", "input", "Trust");
    endGestureIfReleased(ctx);
    const int threshold = ctx.doc.content().meta.settings.beyondOrgTrust;
    ImGui::TextDisabled("%s%s", trustRingLabel(p.trust),
                        p.trust >= threshold ? "; goals beyond the organisation too" : "");
}

// "Can help by": a checkbox per kind of help, in two columns when the panel is wide enough
// for the longest label, else one.
void helpWithTable(ViewContext& ctx, const Person& p) {
    ImGui::SeparatorText("Can help by");
    float longest = 0;
    for (int i = 0; i < kHelpWithCount; ++i)
        longest = std::max(
            longest, ImGui::CalcTextSize(std::string(helpWithName(helpWithBit(i))).c_str()).x);
    const float checkW = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x;
    const int helpColumns =
        ImGui::GetContentRegionAvail().x >= 2 * (checkW + longest) + 2 * em() ? 2 : 1;
    if (!ImGui::BeginTable("##help", helpColumns, ImGuiTableFlags_SizingStretchSame)) return;
    for (int i = 0; i < kHelpWithCount; ++i) {
        ImGui::TableNextColumn();
        const HelpWith bit = helpWithBit(i);
        bool on = (p.helpsWith & bit) != 0;
        const std::string name(helpWithName(bit));
        ImGui::PushID(i);
        if (ImGui::Checkbox(name.c_str(), &on)) {
            Person copy = p;
            copy.helpsWith = on ? (copy.helpsWith | bit) : (copy.helpsWith & ~bit);
            applyUpdate(ctx, copy,
                        on ? "Add what they can help with" : "Remove what they can help with");
        }
        registerLastItem("input:person-help-" + std::to_string(i), "input", name);
        ImGui::PopID();
    }
    ImGui::EndTable();
}

// Cadence: a preset combo, and the days themselves.
void cadenceFields(ViewContext& ctx, const Person& p) {
    fieldLabel("Cadence");
    ImGui::SameLine(7 * em());
    const char* preset = cadenceLabel(p.cadenceDays);
    std::string custom = "Every " + std::to_string(p.cadenceDays) + " days";
    ImGui::SetNextItemWidth(kFieldWidth);
    if (ImGui::BeginCombo("##cadence", preset ? preset : custom.c_str())) {
        for (const auto& pr : kPresets)
            if (ImGui::Selectable(pr.label, pr.days == p.cadenceDays) && pr.days != p.cadenceDays) {
                Person copy = p;
                copy.cadenceDays = pr.days;
                applyUpdate(ctx, copy, "Change cadence");
            }
        ImGui::EndCombo();
    }
    registerLastItem("input:person-cadence", "input", "Cadence");
    fieldLabel("Days");
    ImGui::SameLine(7 * em());
    ImGui::SetNextItemWidth(8 * em());
    int days = p.cadenceDays;
    if (ImGui::InputInt("##cadence-days", &days, 1, 7)) {
        Person copy = p;
        copy.cadenceDays = std::clamp(days, 0, 3650);
        applyLive(ctx, updatePerson(ctx.doc.board(), copy, "Change cadence"), p.id, FCadence);
    }
    registerLastItem("input:person-cadence-days", "input", "Cadence in days");
    ImGui::SetItemTooltip("%s", "Days between conversations (0 = no regular cadence)");
    endGestureIfReleased(ctx);
}

// "Next planned": a date field whose text survives while it does not parse yet, and a
// button that clears the date or plans one in two weeks.
void nextPlannedField(ViewContext& ctx, PersonInspectorState& st, const Person& p) {
    const Palette& pal = palette();
    fieldLabel("Next planned");
    ImGui::SameLine(7 * em());
    if (!st.nextDateActive) st.nextDate = p.nextPlanned ? p.nextPlanned->iso() : std::string();
    const std::optional<Date> parsed = Date::parse(st.nextDate);
    const bool invalid = !st.nextDate.empty() && !parsed;
    if (invalid) ImGui::PushStyleColor(ImGuiCol_Text, pal.warning);
    const char* buttonLabel = p.nextPlanned ? "Clear" : "In 2 weeks";
    const float buttonW = ImGui::CalcTextSize(buttonLabel).x +
                          ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetStyle().ItemSpacing.x;
    ImGui::SetNextItemWidth(
        std::clamp(ImGui::GetContentRegionAvail().x - buttonW, 5 * em(), 8 * em()));
    if (ImGui::InputTextWithHint("##next", "YYYY-MM-DD", &st.nextDate)) {
        const std::optional<Date> d = Date::parse(st.nextDate);
        if (d || st.nextDate.empty()) {
            Person copy = p;
            copy.nextPlanned = d;
            applyLive(ctx, updatePerson(ctx.doc.board(), copy, "Plan a conversation"), p.id, FNext);
        }
    }
    if (invalid) ImGui::PopStyleColor();
    registerLastItem("input:person-next", "input", "Next planned");
    st.nextDateActive = ImGui::IsItemActive();
    endGestureIfReleased(ctx);
    ImGui::SameLine();
    if (p.nextPlanned) {
        if (ImGui::SmallButton("Clear")) {
            Person copy = p;
            copy.nextPlanned.reset();
            applyUpdate(ctx, copy, "Clear planned conversation");
        }
    } else if (ImGui::SmallButton("In 2 weeks")) {
        Person copy = p;
        copy.nextPlanned = ctx.today.plusDays(14);
        applyUpdate(ctx, copy, "Plan a conversation");
    }
    if (invalid)
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(pal.warning),
                           "Not a date yet: use YYYY-MM-DD");
}

// "Last talked", from the log, and whether a conversation is overdue.
void lastTalkedRow(const ViewContext& ctx, const Person& p) {
    fieldLabel("Last talked");
    ImGui::SameLine(7 * em());
    const std::optional<Date> last = lastTalked(ctx.doc.content(), p.id);
    if (last) {
        const int ago = ctx.today.days - last->days;
        ImGui::Text("%s (%d day%s ago)", last->iso().c_str(), ago, ago == 1 ? "" : "s");
    } else {
        ImGui::TextDisabled("never (log a conversation)");
    }
    if (isOverdue(p, last, ctx.today)) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().warning);
        ImGui::TextWrapped("%s",
                           last && p.cadenceDays > 0 && ctx.today.days - last->days > p.cadenceDays
                               ? "Overdue: longer ago than your cadence."
                               : "Overdue: the planned date has passed.");
        ImGui::PopStyleColor();
    }
}

void notesField(ViewContext& ctx, const Person& p) {
    ImGui::SeparatorText("Notes");
    std::string notes = p.notes;
    if (ImGui::InputTextMultiline("##notes", &notes, ImVec2(-FLT_MIN, 5 * em()))) {
        Person copy = p;
        copy.notes = notes;
        applyLive(ctx, updatePerson(ctx.doc.board(), copy, "Edit notes"), p.id, FNotes);
    }
    registerLastItem("input:person-notes", "input", "Notes");
    endGestureIfReleased(ctx);
}

// "Talk to them about": the linked goals (each with a remove button) and a goal picker.
void linkedGoalsSection(ViewContext& ctx, PersonId id) {
    ImGui::SeparatorText("Talk to them about");
    const BoardContent& c = ctx.doc.content();
    const auto links = linksOfPerson(c, id);
    std::optional<LinkId> doomed;
    if (links.empty()) ImGui::TextDisabled("No goals yet: drag a card onto them on the map.");
    for (const GoalLink* l : links) {
        const Goal* g = c.goals.find(l->goal);
        ImGui::PushID(static_cast<int>(l->id.value));
        if (ImGui::SmallButton("x")) doomed = l->id;
        registerLastItem("button:person-unlink-" + std::to_string(l->id.value), "button",
                         "Remove link");
        ImGui::SetItemTooltip("%s", "Remove this link");
        ImGui::SameLine();
        ImGui::TextWrapped("%s", g ? g->title.c_str() : "(missing goal)");
        ImGui::PopID();
    }
    if (doomed) ctx.dispatch.apply(unlink(ctx.doc.board(), *doomed));
    // Ids, not pointers: applying an edit moves the table's entries.
    std::vector<GoalId> linked;
    for (const GoalLink* l : linksOfPerson(c, id))
        linked.push_back(l->goal);
    std::optional<GoalId> toLink;
    ImGui::SetNextItemWidth(kFieldWidth);
    if (ImGui::BeginCombo("##link-goal", "Link a goal...")) {
        for (const auto& g : c.goals) {
            if (std::find(linked.begin(), linked.end(), g.id) != linked.end()) continue;
            ImGui::PushID(static_cast<int>(g.id.value));
            if (ImGui::Selectable(g.title.c_str())) toLink = g.id;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    if (toLink)
        ctx.dispatch.apply(
            linkPersonToGoal(ctx.doc.board(), ctx.dispatch.newId<LinkId>(), id, *toLink));
    registerLastItem("input:person-link-goal", "input", "Link a goal");
}

// The introductions both ways, each with a remove button.
void introductionList(ViewContext& ctx, PersonId id) {
    const BoardContent& c = ctx.doc.content();
    std::optional<IntroId> doomed;
    bool any = false;
    for (const auto& in : c.intros) {
        const bool from = in.from == id;
        if (!from && in.to != id) continue;
        any = true;
        const Person* other = c.people.find(from ? in.to : in.from);
        ImGui::PushID(static_cast<int>(in.id.value));
        if (ImGui::SmallButton("x")) doomed = in.id;
        registerLastItem("button:person-remove-intro-" + std::to_string(in.id.value), "button",
                         "Remove introduction");
        ImGui::SetItemTooltip("%s", "Remove this introduction");
        ImGui::SameLine();
        if (from)
            ImGui::TextWrapped("Can introduce me to %s", other ? other->name.c_str() : "?");
        else
            ImGui::TextWrapped("%s can introduce me to them", other ? other->name.c_str() : "?");
        ImGui::PopID();
    }
    if (!any) ImGui::TextDisabled("None yet: Shift+drag from one person to another on the map.");
    if (doomed) ctx.dispatch.apply(removeIntro(ctx.doc.board(), *doomed));
}

// "Can introduce me to...": everyone they cannot introduce you to yet.
void addIntroductionCombo(ViewContext& ctx, PersonId id) {
    const BoardContent& c = ctx.doc.content();
    ImGui::SetNextItemWidth(kFieldWidth);
    if (ImGui::BeginCombo("##add-intro", "Can introduce me to...")) {
        for (const auto& o : c.people) {
            if (o.id == id) continue;
            bool exists = false;
            for (const auto& in : c.intros)
                exists = exists || (in.from == id && in.to == o.id);
            if (exists) continue;
            ImGui::PushID(static_cast<int>(o.id.value));
            if (ImGui::Selectable(o.name.c_str()))
                ctx.dispatch.apply(
                    addIntro(ctx.doc.board(), ctx.dispatch.newId<IntroId>(), id, o.id));
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    registerLastItem("input:person-add-intro", "input", "Can introduce me to");
}

void deletePersonButton(ViewContext& ctx, PersonId id) {
    ImGui::Spacing();
    ImGui::Separator();
    if (ImGui::Button("Delete person")) deletePeopleAsking(ctx, {id});
    registerLastItem("button:person-delete", "button", "Delete person");
    ImGui::SetItemTooltip("%s", "Removes them with their links and introductions; conversations "
                                "stay in the log (Ctrl+Z brings everything back)");
}

} // namespace

void drawPersonInspector(ViewContext& ctx, PersonInspectorState& st, PersonId id) {
    const Person* found = ctx.doc.content().people.find(id);
    if (!found) {
        ImGui::TextDisabled("This person is no longer on the map.");
        return;
    }
    const Person p = *found; // edits below replace the table entry
    if (st.person != id) {
        st = PersonInspectorState{};
        st.person = id;
    }

    ImGui::PushID("person-inspector");
    ImGui::PushID(static_cast<int>(id.value));
    personHeading(p);
    ImGui::BeginDisabled(ctx.shared.readOnly);
    ImGui::SeparatorText("Who");
    nameField(ctx, p);
    relationshipField(ctx, p);
    organisationField(ctx, p);
    trustField(ctx, p);
    helpWithTable(ctx, p);
    ImGui::SeparatorText("Conversations");
    cadenceFields(ctx, p);
    nextPlannedField(ctx, st, p);
    lastTalkedRow(ctx, p);
    notesField(ctx, p);
    linkedGoalsSection(ctx, id);
    ImGui::SeparatorText("Introductions");
    introductionList(ctx, id);
    addIntroductionCombo(ctx, id);
    deletePersonButton(ctx, id);
    ImGui::EndDisabled();
    ImGui::PopID();
    ImGui::PopID();
}

} // namespace horizons::ui
