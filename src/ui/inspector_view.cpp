// inspector_view.cpp — the selected goal's fields; dispatches to the person inspector.
//
// Index
//   helpers ............ tags, labels, merge keys, text-field commit pattern
//   goal inspector ..... GoalForm, one short function per field, drawGoalInspector()
//   several goals ...... drawMultiInspector()
//   drawInspectorView()
#include "ui/inspector_view.hpp"
#include "ui/widgets.hpp"

#include "model/edits.hpp"
#include "model/text.hpp"
#include "ui/fonts.hpp"
#include "ui/layout_registry.hpp"
#include "ui/theme.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace horizons::ui {

std::vector<std::string> parseTags(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(',', start);
        if (end == std::string::npos) end = text.size();
        std::string t = text.substr(start, end - start);
        const auto b = t.find_first_not_of(" \t");
        const auto e = t.find_last_not_of(" \t");
        if (b != std::string::npos) {
            t = t.substr(b, e - b + 1);
            if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
        }
        start = end + 1;
    }
    return out;
}

std::string joinTags(const std::vector<std::string>& tags) {
    std::string out;
    for (const auto& t : tags)
        out += (out.empty() ? "" : ", ") + t;
    return out;
}

namespace {

std::uint64_t newGestureKey(InspectorViewState& st) {
    return 0x1A5BEC7ull ^ (reinterpret_cast<std::uintptr_t>(&st) << 8) ^
           (++st.gestureCount * 0x9E3779B97F4A7C15ull);
}

// A single-line text field that shows the model's value until it is edited and commits when
// it loses focus or on Enter. Returns true when the caller should commit `buf`.
bool textField(const char* id, const char* hint, std::string& buf, bool& active,
               const std::string& model, const char* itemId) {
    if (!active) buf = model;
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint(id, hint, &buf);
    registerLastItem(itemId, "input", hint);
    active = ImGui::IsItemActive();
    return ImGui::IsItemDeactivatedAfterEdit();
}

// ------------------------------------------------------------------------- goal inspector

// A text field still in edit when the selection moves to another goal: ImGui reports its
// deactivation only next frame, when the inspector already shows the other goal, so the
// edit is committed here, to the goal it belongs to.
void commitPending(ViewContext& ctx, InspectorViewState& st) {
    const Document& doc = ctx.doc;
    const Goal* old = doc.content().goals.find(st.shown);
    if (!old || ctx.shared.readOnly) return;
    Goal g = *old;
    if (st.titleActive && !isBlank(st.title) && st.title != g.title) g.title = st.title;
    if (st.notesActive) g.notes = st.notes;
    if (st.tagsActive) g.tags = parseTags(st.tags);
    if (st.targetActive) {
        if (isBlank(st.target))
            g.target.reset();
        else if (auto d = Date::parse(st.target))
            g.target = d;
    }
    if (!(g == *old)) ctx.dispatch.apply(updateGoal(doc.board(), g));
}

// One frame of the goal inspector: the goal shown, an edited copy of it (back to the shown
// goal after every edit) and the rule for applying edits.
struct GoalForm {
    GoalForm(ViewContext& c, InspectorViewState& s, const Goal& shown)
        : ctx(c), st(s), goal(shown), g(shown), ro(c.shared.readOnly),
          direction(shown.kind() == GoalKind::Direction) {}
    ViewContext& ctx;
    InspectorViewState& st;
    const Goal& goal;
    Goal g;
    const bool ro;
    const bool direction;

    const Board& board() const { return ctx.doc.board(); }
    const BoardContent& content() const { return ctx.doc.content(); }
    void apply(Edit e, std::uint64_t key = 0) {
        if (!ro && !e.empty()) ctx.dispatch.apply(std::move(e), key);
    }
    void applyAndReset(Edit e) {
        apply(std::move(e));
        g = goal;
    }
};

constexpr float kLabelWidthEm = 5.5f; // labels in front of the horizon and status combos

void kindAndTitle(GoalForm& f) {
    const Palette& pal = palette();
    ImGui::PushStyleColor(ImGuiCol_Text, f.direction ? pal.direction : pal.destination);
    ImGui::TextUnformatted(f.direction ? "DIRECTION \xC2\xB7 open-ended"
                                       : "DESTINATION \xC2\xB7 concrete");
    ImGui::PopStyleColor();
    FontScope font(fonts().semibold); // the title: larger, bold
    if (textField("##title", "Goal title", f.st.title, f.st.titleActive, f.g.title,
                  "input:inspector-title"))
        f.apply(renameGoal(f.board(), f.g.id, nonBlankOr(f.st.title, f.g.title)));
}

// Specificity: one drag = one undo step (live, merged by key).
void specificitySlider(GoalForm& f) {
    fieldLabel("Direction \xE2\x86\x94 Destination");
    float spec = static_cast<float>(f.g.specificity);
    ImGui::SetNextItemWidth(-1);
    const bool moved =
        ImGui::SliderFloat("##specificity", &spec, 0.0f, 1.0f,
                           spec >= kDestinationThreshold ? "destination %.2f" : "direction %.2f");
    registerLastItem("input:inspector-specificity", "input", "Specificity");
    if (ImGui::IsItemActivated()) f.st.gestureKey = newGestureKey(f.st);
    if (moved) {
        const GoalPlacement p{f.g.id, f.g.horizon, std::clamp(static_cast<double>(spec), 0.0, 1.0),
                              f.g.order};
        f.apply(moveGoals(f.board(), std::span<const GoalPlacement>(&p, 1)), f.st.gestureKey);
    }
    if (ImGui::IsItemDeactivated()) f.ctx.dispatch.endGesture();
    ImGui::SetItemTooltip(
        "%s",
        "Top of the board: an open-ended heading. Bottom: a concrete end point you can check off.");
}

// Horizon: moving there puts the goal last in its column.
void horizonCombo(GoalForm& f) {
    const BoardContent& c = f.content();
    fieldLabel("Horizon");
    ImGui::SameLine(kLabelWidthEm * em());
    const Horizon* h = c.horizons.find(f.g.horizon);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##horizon", h ? h->name.c_str() : "?")) {
        for (const Horizon* x : orderedHorizons(c)) {
            ImGui::PushID(static_cast<int>(x->id.value));
            if (ImGui::Selectable(x->name.c_str(), x->id == f.g.horizon) && x->id != f.g.horizon) {
                std::optional<double> last;
                for (const Goal& o : c.goals)
                    if (o.horizon == x->id) last = std::max(last.value_or(o.order), o.order);
                const GoalPlacement p{f.g.id, x->id, f.g.specificity,
                                      orderBetween(last, std::nullopt)};
                f.apply(moveGoals(f.board(), std::span<const GoalPlacement>(&p, 1)));
            }
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    registerLastItem("input:inspector-horizon", "input", "Horizon");
}

void statusCombo(GoalForm& f) {
    fieldLabel("Status");
    ImGui::SameLine(kLabelWidthEm * em());
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##status", std::string(statusName(f.g.status)).c_str())) {
        for (int s = 0; s < kGoalStatusCount; ++s) {
            const auto status = static_cast<GoalStatus>(s);
            if (ImGui::Selectable(std::string(statusName(status)).c_str(), status == f.g.status) &&
                status != f.g.status)
                f.apply(setGoalStatus(f.board(), std::span<const GoalId>(&f.g.id, 1), status));
        }
        ImGui::EndCombo();
    }
    registerLastItem("input:inspector-status", "input", "Status");
}

// Target date: blank clears it; text that is not a date yet says so and changes nothing.
void targetDateField(GoalForm& f) {
    InspectorViewState& st = f.st;
    fieldLabel("Target date");
    if (textField("##target", "YYYY-MM-DD (optional)", st.target, st.targetActive,
                  f.g.target ? f.g.target->iso() : std::string(), "input:inspector-target")) {
        if (isBlank(st.target)) {
            st.targetInvalid = false;
            f.g.target.reset();
            f.apply(updateGoal(f.board(), f.g, "Clear target date"));
        } else if (auto d = Date::parse(st.target)) {
            st.targetInvalid = false;
            f.g.target = d;
            f.apply(updateGoal(f.board(), f.g, "Set target date"));
        } else {
            st.targetInvalid = true;
        }
    }
    if (st.targetInvalid) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().warning);
        ImGui::TextUnformatted("Use the form 2026-12-31.");
        ImGui::PopStyleColor();
    }
    f.g = f.goal;
}

void tagsField(GoalForm& f) {
    fieldLabel("Tags");
    if (textField("##tags", "comma, separated", f.st.tags, f.st.tagsActive, joinTags(f.g.tags),
                  "input:inspector-tags")) {
        f.g.tags = parseTags(f.st.tags);
        f.applyAndReset(updateGoal(f.board(), f.g, "Edit tags"));
    }
}

// The picker's colour: the goal's own, or (none) the card's kind colour.
void pickerColour(const GoalForm& f, float col[3]) {
    const Palette& pal = palette();
    const ImVec4 kindCol =
        ImGui::ColorConvertU32ToFloat4(f.direction ? pal.direction : pal.destination);
    col[0] = kindCol.x, col[1] = kindCol.y, col[2] = kindCol.z;
    if (f.g.colour != 0) {
        col[0] = static_cast<float>((f.g.colour >> 16) & 0xFF) / 255.0f;
        col[1] = static_cast<float>((f.g.colour >> 8) & 0xFF) / 255.0f;
        col[2] = static_cast<float>(f.g.colour & 0xFF) / 255.0f;
    }
}

// Colour: a picker (one drag = one undo step) and a button back to the theme's colour.
void colourPicker(GoalForm& f) {
    float col[3];
    pickerColour(f, col);
    const bool changed = ImGui::ColorEdit3("##colour", col, ImGuiColorEditFlags_NoInputs);
    if (ImGui::IsItemActivated()) f.st.gestureKey = newGestureKey(f.st);
    if (changed) {
        auto to8 = [](float v) {
            return static_cast<std::uint32_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f));
        };
        f.g.colour = (to8(col[0]) << 16) | (to8(col[1]) << 8) | to8(col[2]);
        if (f.g.colour == 0) f.g.colour = 0x010101; // 0 means "theme default"
        f.apply(updateGoal(f.board(), f.g, "Change colour"), f.st.gestureKey);
        f.g = f.goal;
    }
    if (ImGui::IsItemDeactivated()) f.ctx.dispatch.endGesture();
    ImGui::SameLine();
    ImGui::TextDisabled(f.g.colour ? "Colour" : "Colour (default)");
    if (f.g.colour) {
        ImGui::SameLine();
        if (ImGui::SmallButton("Clear")) {
            f.g.colour = 0;
            f.applyAndReset(updateGoal(f.board(), f.g, "Clear colour"));
        }
    }
}

void beyondOrgCheckbox(GoalForm& f) {
    bool beyond = f.g.beyondOrg;
    if (ImGui::Checkbox("Beyond the current organisation", &beyond)) {
        f.g.beyondOrg = beyond;
        f.applyAndReset(
            updateGoal(f.board(), f.g,
                       beyond ? "Mark beyond the organisation" : "Mark within the organisation"));
    }
    registerLastItem("input:inspector-beyond-org", "input", "Beyond the current organisation");
    ImGui::SetItemTooltip(
        "%s", "Only shared with people you trust enough to discuss aspirations outside your "
              "current organisation.");
}

// Serves: the larger goal this one is a step towards (in its horizon or a longer one).
void servesCombo(GoalForm& f) {
    const BoardContent& c = f.content();
    fieldLabel("Serves");
    const Goal* served = f.g.serves ? c.goals.find(f.g.serves) : nullptr;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##serves", served ? served->title.c_str() : "(nothing)")) {
        if (ImGui::Selectable("(nothing)", !served)) {
            f.g.serves = {};
            f.applyAndReset(updateGoal(f.board(), f.g, "Clear serves"));
        }
        const Horizon* mine = c.horizons.find(f.g.horizon);
        for (const Goal& o : c.goals) {
            if (o.id == f.g.id) continue;
            const Horizon* oh = c.horizons.find(o.horizon);
            if (mine && oh && oh->order < mine->order) continue; // a goal serves a longer-term one
            ImGui::PushID(static_cast<int>(o.id.value));
            if (ImGui::Selectable(o.title.c_str(), o.id == f.g.serves)) {
                f.g.serves = o.id;
                f.applyAndReset(updateGoal(f.board(), f.g, "Set serves"));
            }
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ImGui::SetItemTooltip(
        "%s", "The larger goal this one is a step towards: drawn as an arrow on the board.");
}

void notesField(GoalForm& f) {
    InspectorViewState& st = f.st;
    fieldLabel("Notes");
    if (!st.notesActive) st.notes = f.g.notes;
    ImGui::InputTextMultiline("##notes", &st.notes, ImVec2(-1, 4.5f * em()));
    registerLastItem("input:inspector-notes", "input", "Notes");
    st.notesActive = ImGui::IsItemActive();
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        f.g.notes = st.notes;
        f.applyAndReset(updateGoal(f.board(), f.g, "Edit notes"));
    }
}

// "Talk to": the linked people (unlink, or select one) and a picker for another.
void linkedPeople(GoalForm& f) {
    const BoardContent& c = f.content();
    ImGui::SeparatorText("Talk to");
    const auto links = linksOfGoal(c, f.g.id);
    if (links.empty()) ImGui::TextDisabled("Nobody yet. Drag the card onto a person on the map.");
    for (const GoalLink* l : links) {
        const Person* p = c.people.find(l->person);
        if (!p) continue;
        ImGui::PushID(static_cast<int>(l->id.value));
        if (ImGui::SmallButton("\xC3\x97")) f.apply(unlink(f.board(), l->id)); // ×
        ImGui::SetItemTooltip("%s", "Unlink");
        ImGui::SameLine();
        if (ImGui::Selectable(p->name.c_str(), false)) f.ctx.shared.selection.selectOnly(p->id);
        ImGui::PopID();
    }
    if (c.people.empty()) return;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##link-person", "Link a person\xE2\x80\xA6")) {
        for (const Person& p : c.people) {
            bool linked = false;
            for (const GoalLink* l : links)
                linked = linked || l->person == p.id;
            if (linked) continue;
            ImGui::PushID(static_cast<int>(p.id.value));
            if (ImGui::Selectable(p.name.c_str()))
                f.apply(linkPersonToGoal(f.board(), f.ctx.dispatch.newId<LinkId>(), p.id, f.g.id));
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    registerLastItem("input:inspector-link-person", "input", "Link a person");
}

// The coach's hints about this goal, each with a Dismiss button.
void goalHints(GoalForm& f) {
    const Palette& pal = palette();
    bool header = false;
    for (const Hint& hint : f.ctx.derived.hints()) {
        if (hint.goal != f.g.id) continue;
        if (!header) ImGui::SeparatorText("Coach");
        header = true;
        ImGui::PushID(static_cast<int>(hint.kind));
        ImGui::PushStyleColor(ImGuiCol_Text, pal.warning);
        ImGui::Bullet();
        ImGui::PopStyleColor();
        ImGui::SameLine();
        ImGui::PushTextWrapPos(contentRight() - 4.5f * em());
        ImGui::TextUnformatted(hint.what.c_str());
        ImGui::PopTextWrapPos();
        ImGui::SetItemTooltip("%s", hint.why.c_str());
        ImGui::SameLine(contentRight() - 4.0f * em());
        if (ImGui::SmallButton("Dismiss"))
            f.apply(dismissGoalHint(f.board(), f.g.id, static_cast<int>(hint.kind)));
        ImGui::PopID();
    }
}

void deleteGoalButton(GoalForm& f) {
    ImGui::Spacing();
    ImGui::Separator();
    if (ImGui::Button("Delete goal")) {
        f.apply(deleteGoals(f.board(), std::span<const GoalId>(&f.g.id, 1)));
        f.ctx.shared.selection.drop(f.g.id);
    }
    registerLastItem("button:inspector-delete", "button", "Delete goal");
}

void drawGoalInspector(ViewContext& ctx, InspectorViewState& st, const Goal& goal) {
    if (st.shown != goal.id) {
        commitPending(ctx, st); // a field left by selecting another goal keeps its text
        st.shown = goal.id;
        st.titleActive = st.notesActive = st.tagsActive = st.targetActive = false;
        st.targetInvalid = false;
    }
    GoalForm f(ctx, st, goal);

    ImGui::PushID("goal-inspector");
    // Widget ids per goal: a field still in edit (committed above) never carries its text
    // over to the next goal shown.
    ImGui::PushID(static_cast<int>(f.g.id.value));
    ImGui::BeginDisabled(f.ro);
    kindAndTitle(f);
    specificitySlider(f);
    horizonCombo(f);
    statusCombo(f);
    targetDateField(f);
    tagsField(f);
    colourPicker(f);
    beyondOrgCheckbox(f);
    servesCombo(f);
    notesField(f);
    linkedPeople(f);
    goalHints(f);
    deleteGoalButton(f);
    ImGui::EndDisabled();
    ImGui::PopID(); // the goal
    ImGui::PopID();
}

void drawMultiInspector(ViewContext& ctx, const std::vector<GoalId>& ids) {
    const Document& doc = ctx.doc;
    const bool ro = ctx.shared.readOnly;
    ImGui::PushID("multi-inspector");
    {
        FontScope f(fonts().semibold);
        ImGui::Text("%zu goals selected", ids.size());
    }
    ImGui::BeginDisabled(ro);
    fieldLabel("Set status");
    for (int s = 0; s < kGoalStatusCount; ++s) {
        if (s) ImGui::SameLine();
        const auto status = static_cast<GoalStatus>(s);
        if (ImGui::Button(std::string(statusName(status)).c_str()) && !ro)
            ctx.dispatch.apply(setGoalStatus(doc.board(), ids, status));
    }
    ImGui::Spacing();
    if (ImGui::Button("Delete goals") && !ro) {
        const std::vector<GoalId> copy = ids;
        ctx.dispatch.apply(deleteGoals(doc.board(), copy));
        for (GoalId g : copy)
            ctx.shared.selection.drop(g);
    }
    registerLastItem("button:inspector-delete", "button", "Delete goals");
    ImGui::EndDisabled();
    ImGui::PopID();
}

} // namespace

void drawInspectorView(ViewContext& ctx, InspectorViewState& st) {
    const BoardContent& c = ctx.doc.content();
    Selection& sel = ctx.shared.selection;
    // Forget selected ids that no longer exist (deleted, undone).
    std::erase_if(sel.goals, [&](GoalId g) { return !c.goals.contains(g); });
    std::erase_if(sel.people, [&](PersonId p) { return !c.people.contains(p); });

    // Its own scrolling region: every field stays reachable on a short window.
    ImGui::BeginChild("##inspector-scroll", ImVec2(0, 0), ImGuiChildFlags_None);

    if (sel.goals.size() == 1 && sel.people.empty()) {
        drawGoalInspector(ctx, st, *c.goals.find(sel.goals.front()));
    } else if (sel.goals.empty() && sel.people.size() == 1) {
        drawPersonInspector(ctx, st.person, sel.people.front());
    } else if (sel.goals.size() > 1) {
        drawMultiInspector(ctx, sel.goals);
    } else {
        ImGui::SeparatorText("Inspector");
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("Select a goal on the board or a person on the map to see and edit "
                            "its details.");
        ImGui::PopTextWrapPos();
    }
    ImGui::EndChild();
}

} // namespace horizons::ui
