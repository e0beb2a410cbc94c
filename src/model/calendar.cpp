#include "model/calendar.hpp"

#include "model/export_text.hpp"
#include "model/text.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace horizons {

std::string foldLine(std::string_view line) {
    std::string out;
    std::size_t used = 0; // octets on the current physical line
    std::size_t i = 0;
    while (i < line.size()) {
        // One UTF-8 character (a broken sequence counts byte by byte).
        std::size_t n = 1;
        const unsigned char ch = static_cast<unsigned char>(line[i]);
        if (ch >= 0xF0)
            n = 4;
        else if (ch >= 0xE0)
            n = 3;
        else if (ch >= 0xC0)
            n = 2;
        n = std::min(n, line.size() - i);
        if (used + n > kMaxLineOctets) {
            out += "\r\n ";
            used = 1; // the space that starts a continuation line
        }
        out.append(line.substr(i, n));
        used += n;
        i += n;
    }
    return out + "\r\n";
}

std::string escapeText(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char ch = s[i];
        if (ch == '\\' || ch == ';' || ch == ',') {
            out += '\\';
            out += ch;
        } else if (ch == '\r') {
            out += "\\n";
            if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
        } else if (ch == '\n') {
            out += "\\n";
        } else if (static_cast<unsigned char>(ch) < 0x20 && ch != '\t') {
            out += ' '; // other control characters are not allowed in a value
        } else {
            out += ch;
        }
    }
    return out;
}

std::string unescapeText(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\\' || i + 1 == s.size()) {
            out += s[i];
            continue;
        }
        const char next = s[++i];
        out += next == 'n' || next == 'N' ? '\n' : next;
    }
    return out;
}

namespace {

std::string icsDate(Date d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02u%02u", d.year(), d.month(), d.day());
    return buf;
}

std::string icsStamp(Timestamp t) {
    const std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
#ifdef _WIN32
    gmtime_s(&tm, &tt);
#else
    gmtime_r(&tt, &tm);
#endif
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d%02d%02dT%02d%02d%02dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
    return buf;
}

struct Ics {
    std::string out;
    void line(std::string_view name, std::string_view value) {
        out += foldLine(std::string(name) + ":" + std::string(value));
    }
    void text(std::string_view name, std::string_view value) { line(name, escapeText(value)); }
};

std::string goalTitles(const BoardContent& c, const std::vector<GoalId>& goals) {
    std::string out;
    for (GoalId g : goals)
        if (const Goal* goal = c.goals.find(g)) out += (out.empty() ? "" : "; ") + goal->title;
    return out;
}

} // namespace

std::string calendarIcs(const BoardContent& c, Date today, Timestamp now) {
    Ics ics;
    const std::string stamp = icsStamp(now);
    ics.line("BEGIN", "VCALENDAR");
    ics.line("VERSION", "2.0");
    ics.line("PRODID", "-//Horizons//Career plan " HORIZONS_VERSION "//EN");
    ics.line("CALSCALE", "GREGORIAN");
    ics.text("X-WR-CALNAME", c.meta.title);

    for (const Person& p : c.people) {
        const CadenceState s = cadenceOf(c, p.id, today);
        if (!s.due) continue;
        const Date start = std::max(*s.due, today);
        std::vector<GoalId> linked;
        for (const GoalLink* l : linksOfPerson(c, p.id))
            linked.push_back(l->goal);
        std::string description = "A career conversation with " + p.name + ".";
        if (const std::string goals = goalTitles(c, linked); !goals.empty())
            description += "\nTo talk about: " + goals + ".";
        if (s.last) description += "\nLast talked on " + s.last->iso() + ".";
        ics.line("BEGIN", "VEVENT");
        ics.line("UID", "person-" + std::to_string(p.id.value) + "@horizons");
        ics.line("DTSTAMP", stamp);
        ics.line("DTSTART;VALUE=DATE", icsDate(start));
        ics.line("DTEND;VALUE=DATE", icsDate(start.plusDays(1)));
        ics.text("SUMMARY", "Talk to " + p.name);
        ics.text("DESCRIPTION", description);
        if (p.cadenceDays > 0)
            ics.line("RRULE", p.cadenceDays % 7 == 0
                                  ? "FREQ=WEEKLY;INTERVAL=" + std::to_string(p.cadenceDays / 7)
                                  : "FREQ=DAILY;INTERVAL=" + std::to_string(p.cadenceDays));
        ics.line("TRANSP", "TRANSPARENT");
        ics.line("CATEGORIES", "Career conversation");
        ics.line("END", "VEVENT");
    }

    if (c.meta.reviewDate) {
        ics.line("BEGIN", "VEVENT");
        ics.line("UID", "review@horizons");
        ics.line("DTSTAMP", stamp);
        ics.line("DTSTART;VALUE=DATE", icsDate(*c.meta.reviewDate));
        ics.line("DTEND;VALUE=DATE", icsDate(c.meta.reviewDate->plusDays(1)));
        ics.text("SUMMARY", "Career review: " + c.meta.title);
        ics.text("DESCRIPTION", "Bring the review packet: wins, how the plan moved, the "
                                "conversations held and the asks.");
        ics.line("END", "VEVENT");
    }

    for (const Conversation& cv : c.conversations)
        for (std::size_t i = 0; i < cv.followUps.size(); ++i) {
            const std::string& f = cv.followUps[i];
            if (isBlank(f)) continue;
            const bool became = std::any_of(c.goals.begin(), c.goals.end(),
                                            [&](const Goal& g) { return g.title == f; });
            ics.line("BEGIN", "VTODO");
            ics.line("UID", "followup-" + std::to_string(cv.id.value) + "-" + std::to_string(i) +
                                "@horizons");
            ics.line("DTSTAMP", stamp);
            ics.line("DTSTART;VALUE=DATE", icsDate(cv.date));
            ics.text("SUMMARY", f);
            ics.text("DESCRIPTION", "Follow-up of the conversation with " +
                                        conversationWith(c, cv) + " on " + cv.date.iso() + ".");
            ics.line("STATUS", became ? "COMPLETED" : "NEEDS-ACTION");
            ics.line("END", "VTODO");
        }
    for (const Ask& a : c.asks) {
        if (a.status != AskStatus::Open) continue;
        ics.line("BEGIN", "VTODO");
        ics.line("UID", "ask-" + std::to_string(a.id.value) + "@horizons");
        ics.line("DTSTAMP", stamp);
        ics.line("DTSTART;VALUE=DATE", icsDate(a.asked));
        ics.text("SUMMARY", "Follow up with " + askedOf(c, a) + ": " + a.what);
        if (const std::string goals = goalTitles(c, a.goals); !goals.empty())
            ics.text("DESCRIPTION", "For: " + goals + ".");
        ics.line("STATUS", "NEEDS-ACTION");
        ics.line("END", "VTODO");
    }
    ics.line("END", "VCALENDAR");
    return ics.out;
}

} // namespace horizons
