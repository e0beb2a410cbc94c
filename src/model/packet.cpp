#include "model/packet.hpp"

#include "model/diff.hpp"
#include "model/export_text.hpp"

#include <algorithm>

namespace horizons {

namespace {

Date dateOf(Timestamp t) {
    const std::int64_t day = 86400;
    return Date{static_cast<std::int32_t>(t >= 0 ? t / day : (t - day + 1) / day)};
}

std::string goalList(const BoardContent& c, const std::vector<GoalId>& goals) {
    std::string out;
    for (GoalId g : goals)
        if (const Goal* goal = c.goals.find(g))
            out += (out.empty() ? "" : ", ") + markdownInline(goal->title);
    return out;
}

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

} // namespace

const Snapshot* lastSnapshot(const Board& b) {
    const Snapshot* best = nullptr;
    for (const Snapshot& s : b.snapshots)
        if (!best || s.takenAt > best->takenAt || (s.takenAt == best->takenAt && s.id > best->id))
            best = &s;
    return best;
}

std::string reviewPacketMarkdown(const Board& b, const PacketOptions& o) {
    const bool share = o.kind == OutputKind::ToShare;
    const Snapshot* snap = lastSnapshot(b);
    const BoardContent now = share ? shareableContent(b.content, o.reader) : b.content;
    const std::optional<Date> since = o.since ? o.since
                                      : snap  ? std::optional<Date>(dateOf(snap->takenAt))
                                              : std::nullopt;
    auto inPeriod = [&](Date d) { return !since || d >= *since; };

    std::string md = "# Review packet: " + markdownInline(b.content.meta.title) + "\n\n";
    if (!b.content.meta.owner.empty()) md += "By " + markdownInline(b.content.meta.owner) + ". ";
    md += "Prepared " + o.today.iso() + ".";
    if (const auto& r = b.content.meta.reviewDate) {
        const int left = r->days - o.today.days;
        md +=
            " Review on " + r->iso() +
            (left > 0    ? " (in " + plural(static_cast<std::size_t>(left), "day", "days") + ")"
             : left == 0 ? " (today)"
                         : " (" + plural(static_cast<std::size_t>(-left), "day", "days") + " ago)");
        md += ".";
    }
    md += "\n\n";
    if (since)
        md += "Covers " + since->iso() + " to " + o.today.iso() +
              (snap && !o.since ? ", since the snapshot \"" + markdownInline(snap->name) + "\""
                                : std::string()) +
              ".\n\n";
    else
        md += "There is no snapshot yet, so this covers everything on the board. Take one at the "
              "review: the next packet then shows what changed since.\n\n";

    // Wins.
    std::vector<const Win*> wins;
    for (const Win& w : now.wins)
        if (inPeriod(w.date)) wins.push_back(&w);
    std::stable_sort(wins.begin(), wins.end(),
                     [](const Win* a, const Win* c) { return a->date < c->date; });
    md += "## Wins\n\n";
    if (wins.empty()) md += "No wins recorded in this period.\n";
    for (const Win* w : wins) {
        md += "- " + w->date.iso() + ": " + markdownInline(w->what);
        if (const std::string g = goalList(now, w->goals); !g.empty()) md += " (" + g + ")";
        md += "\n";
        if (!share && !w->notes.empty()) md += "  " + markdownInline(w->notes) + "\n";
    }

    // How the plan moved.
    md += "\n## How the plan moved\n\n";
    if (!snap) {
        md += "Nothing to compare with yet.\n";
    } else {
        const BoardContent then = share ? shareableContent(snap->content, o.reader) : snap->content;
        const auto changes = diffContents(then, now);
        std::size_t shown = 0;
        for (const Change& ch : changes) {
            // Asks and wins have their own sections; people are private in a shared packet.
            if (ch.kind >= ChangeKind::AskAdded) continue;
            if (share &&
                (ch.kind == ChangeKind::PersonAdded || ch.kind == ChangeKind::PersonRemoved ||
                 ch.kind == ChangeKind::PersonTrustChanged ||
                 ch.kind == ChangeKind::PersonRolesChanged || ch.kind == ChangeKind::IntroAdded ||
                 ch.kind == ChangeKind::IntroRemoved))
                continue;
            md += "- " + markdownInline(describeChange(ch, then, now)) + "\n";
            ++shown;
        }
        if (shown == 0) md += "The plan is as it was at \"" + markdownInline(snap->name) + "\".\n";
    }

    // Conversations.
    std::vector<const Conversation*> talks;
    for (const Conversation& cv : now.conversations)
        if (inPeriod(cv.date)) talks.push_back(&cv);
    std::stable_sort(talks.begin(), talks.end(), [](const Conversation* a, const Conversation* c) {
        return a->date < c->date;
    });
    md += "\n## Conversations held\n\n";
    if (talks.empty()) md += "No conversations logged in this period.\n";
    for (const Conversation* cv : talks) {
        md += "- " + cv->date.iso() + ": with " + markdownInline(conversationWith(now, *cv));
        if (const std::string g = goalList(now, cv->goals); !g.empty()) md += ", about " + g;
        md += "\n";
        if (!share && !cv->notes.empty()) md += "  " + markdownInline(cv->notes) + "\n";
        for (const std::string& f : cv->followUps)
            if (!f.empty()) md += "  - Follow-up: " + markdownInline(f) + "\n";
    }

    // Asks.
    std::vector<const Ask*> open, settled;
    for (const Ask& a : now.asks) {
        if (a.status == AskStatus::Open)
            open.push_back(&a);
        else if (!a.settled || inPeriod(*a.settled))
            settled.push_back(&a);
    }
    auto askLine = [&](const Ask& a) {
        std::string l = "- " + markdownInline(a.what) + " (asked " +
                        markdownInline(askedOf(now, a)) + " on " + a.asked.iso();
        if (a.status != AskStatus::Open)
            l += "; " + std::string(a.status == AskStatus::Done ? "done" : "declined") +
                 (a.settled ? " on " + a.settled->iso() : std::string());
        l += ")";
        if (const std::string g = goalList(now, a.goals); !g.empty()) l += ", for " + g;
        l += "\n";
        if (!share && !a.notes.empty()) l += "  " + markdownInline(a.notes) + "\n";
        return l;
    };
    md += "\n## Asks\n\n### Open\n\n";
    if (open.empty()) md += "No open asks.\n";
    for (const Ask* a : open)
        md += askLine(*a);
    md += "\n### Settled\n\n";
    if (settled.empty()) md += "None settled in this period.\n";
    for (const Ask* a : settled)
        md += askLine(*a);
    return md;
}

} // namespace horizons
