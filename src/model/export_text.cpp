#include "model/export_text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace horizons {

std::string markdownInline(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool lastSpace = false;
    for (char ch : s) {
        if (ch == '\n' || ch == '\r' || ch == '\t') {
            if (!lastSpace && !out.empty()) out += ' ';
            lastSpace = true;
            continue;
        }
        if (ch == ' ' && lastSpace) continue;
        lastSpace = ch == ' ';
        switch (ch) {
        case '\\':
        case '`':
        case '*':
        case '_':
        case '[':
        case ']':
        case '<':
        case '>':
        case '#':
        case '|': out += '\\'; break;
        default: break;
        }
        out += ch;
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

std::string csvField(std::string_view s) {
    const bool quote = s.find_first_of(",\"\r\n") != std::string_view::npos ||
                       (!s.empty() && (s.front() == ' ' || s.back() == ' '));
    if (!quote) return std::string(s);
    std::string out = "\"";
    for (char ch : s) {
        if (ch == '"') out += '"';
        out += ch;
    }
    return out + '"';
}

std::string csvRow(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        out += csvField(fields[i]);
    }
    return out + "\r\n";
}

std::vector<const Goal*> goalsInHorizon(const BoardContent& c, HorizonId h) {
    std::vector<const Goal*> out;
    for (const auto& g : c.goals)
        if (g.horizon == h) out.push_back(&g);
    std::stable_sort(out.begin(), out.end(),
                     [](const Goal* a, const Goal* b) { return a->order < b->order; });
    return out;
}

std::string helpsWithList(std::uint32_t bits, std::string_view separator) {
    std::string out;
    for (int i = 0; i < kHelpWithCount; ++i)
        if (bits & helpWithBit(i)) {
            if (!out.empty()) out += separator;
            out += helpWithName(helpWithBit(i));
        }
    return out;
}

namespace {

std::string fixed2(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", std::isfinite(v) ? v : 0.0);
    return buf;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) out += sep;
        out += parts[i];
    }
    return out;
}

std::vector<std::string> linkedNames(const BoardContent& c, GoalId g) {
    std::vector<std::string> names;
    for (const GoalLink* l : linksOfGoal(c, g))
        if (const Person* p = c.people.find(l->person)) names.push_back(p->name);
    return names;
}

// The notes of an entity as indented Markdown lines under a list item.
void appendNotes(std::string& md, std::string_view notes, std::string_view indent) {
    std::size_t start = 0;
    while (start <= notes.size()) {
        std::size_t end = notes.find('\n', start);
        if (end == std::string_view::npos) end = notes.size();
        const std::string line = markdownInline(notes.substr(start, end - start));
        if (!line.empty()) md += std::string(indent) + line + "\n";
        start = end + 1;
    }
}

void appendGoal(std::string& md, const BoardContent& c, const Goal& g) {
    md += "- ";
    if (g.status == GoalStatus::Done)
        md += "[done] ";
    else if (g.status == GoalStatus::Dropped)
        md += "[dropped] ";
    else if (g.status == GoalStatus::Active)
        md += "[active] ";
    md += "**" + markdownInline(g.title) + "**";
    std::vector<std::string> extra;
    if (g.target) extra.push_back("by " + g.target->iso());
    if (g.beyondOrg) extra.push_back("beyond the current organisation");
    if (!g.tags.empty()) {
        std::vector<std::string> tags;
        for (const auto& t : g.tags)
            tags.push_back(markdownInline(t));
        extra.push_back("tags: " + join(tags, ", "));
    }
    auto people = linkedNames(c, g.id);
    if (!people.empty()) {
        for (auto& p : people)
            p = markdownInline(p);
        extra.push_back("talk to " + join(people, ", "));
    }
    if (!extra.empty()) md += " (" + join(extra, "; ") + ")";
    md += "\n";
    appendNotes(md, g.notes, "  ");
}

} // namespace

std::string planMarkdown(const BoardContent& c, Date today, std::size_t maxConversations,
                         OutputKind kind) {
    std::string md = "# " + markdownInline(c.meta.title) + "\n\n";
    if (!c.meta.owner.empty()) md += "Owner: " + markdownInline(c.meta.owner) + "  \n";
    md += "Exported: " + today.iso() + "\n";

    md += "\n## Horizons\n";
    for (const Horizon* h : orderedHorizons(c)) {
        md += "\n### " + markdownInline(h->name) + "\n";
        const auto goals = goalsInHorizon(c, h->id);
        if (goals.empty()) {
            md += "\nNo goals yet.\n";
            continue;
        }
        for (GoalKind kind : {GoalKind::Direction, GoalKind::Destination}) {
            std::vector<const Goal*> ofKind;
            for (const Goal* g : goals)
                if (g->kind() == kind) ofKind.push_back(g);
            if (ofKind.empty()) continue;
            md += kind == GoalKind::Direction ? "\nDirections (open-ended):\n\n"
                                              : "\nDestinations (concrete):\n\n";
            for (const Goal* g : ofKind)
                appendGoal(md, c, *g);
        }
    }

    if (kind == OutputKind::ToShare) return md;

    md += "\n## People\n\n";
    if (c.people.empty()) md += "Nobody on the map yet.\n";
    const auto last = lastTalkedByPerson(c);
    for (const auto& p : c.people) {
        md += "- **" + markdownInline(p.name) + "** - " +
              std::string(relationshipName(p.relationship)) + ", " +
              (p.insideOrg ? "inside" : "outside") + " the organisation, trust " +
              std::to_string(p.trust) + "/5";
        const auto it = last.find(p.id);
        const std::optional<Date> lt =
            it == last.end() ? std::nullopt : std::optional<Date>(it->second);
        if (lt) md += ", last talked " + lt->iso();
        if (isOverdue(p, lt, today)) md += " (overdue)";
        md += "\n";
        if (p.helpsWith) md += "  Can help: " + helpsWithList(p.helpsWith) + "\n";
        appendNotes(md, p.notes, "  ");
    }

    md += "\n## Recent conversations\n\n";
    std::vector<const Conversation*> log;
    for (const auto& cv : c.conversations)
        log.push_back(&cv);
    std::stable_sort(log.begin(), log.end(), [](const Conversation* a, const Conversation* b) {
        return a->date > b->date;
    });
    if (log.size() > maxConversations) log.resize(maxConversations);
    if (log.empty()) md += "None logged yet.\n";
    for (const Conversation* cv : log) {
        md += "- " + cv->date.iso() + " with **" + markdownInline(conversationWith(c, *cv)) +
              "**\n";
        std::vector<std::string> goals;
        for (GoalId g : cv->goals)
            if (const Goal* goal = c.goals.find(g)) goals.push_back(markdownInline(goal->title));
        if (!goals.empty()) md += "  Discussed: " + join(goals, "; ") + "\n";
        appendNotes(md, cv->notes, "  ");
        for (const auto& f : cv->followUps)
            md += "  - [ ] " + markdownInline(f) + "\n";
    }
    return md;
}

std::string goalsCsv(const BoardContent& c) {
    std::string out = csvRow({"id", "title", "horizon", "kind", "specificity", "status", "target",
                              "beyond_org", "tags", "people", "serves", "notes"});
    for (const Horizon* h : orderedHorizons(c))
        for (const Goal* g : goalsInHorizon(c, h->id)) {
            std::string serves;
            if (const Goal* s = c.goals.find(g->serves)) serves = s->title;
            out += csvRow({std::to_string(g->id.value), g->title, h->name,
                           std::string(kindName(g->kind())), fixed2(g->specificity),
                           std::string(statusName(g->status)), g->target ? g->target->iso() : "",
                           g->beyondOrg ? "yes" : "no", join(g->tags, "; "),
                           join(linkedNames(c, g->id), "; "), serves, g->notes});
        }
    return out;
}

std::string peopleCsv(const BoardContent& c, Date today) {
    std::string out =
        csvRow({"id", "name", "relationship", "inside_org", "trust", "helps_with", "cadence_days",
                "last_talked", "next_planned", "overdue", "goals", "notes"});
    const auto last = lastTalkedByPerson(c);
    for (const auto& p : c.people) {
        const auto it = last.find(p.id);
        const std::optional<Date> lt =
            it == last.end() ? std::nullopt : std::optional<Date>(it->second);
        std::vector<std::string> goals;
        for (const GoalLink* l : linksOfPerson(c, p.id))
            if (const Goal* g = c.goals.find(l->goal)) goals.push_back(g->title);
        out += csvRow({std::to_string(p.id.value), p.name,
                       std::string(relationshipName(p.relationship)), p.insideOrg ? "yes" : "no",
                       std::to_string(p.trust), helpsWithList(p.helpsWith, "; "),
                       std::to_string(p.cadenceDays), lt ? lt->iso() : "",
                       p.nextPlanned ? p.nextPlanned->iso() : "",
                       isOverdue(p, lt, today) ? "yes" : "no", join(goals, "; "), p.notes});
    }
    return out;
}

} // namespace horizons
