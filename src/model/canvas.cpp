#include "model/canvas.hpp"

#include "model/export_text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace horizons {

std::string jsonString(std::string_view s) {
    std::string out = "\"";
    for (const char ch : s) {
        switch (ch) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(ch) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(ch));
                out += buf;
            } else {
                out += ch;
            }
        }
    }
    return out + "\"";
}

namespace {

constexpr int kCardW = 280, kCardH = 110, kColGap = 60, kColW = kCardW + 40, kBoardH = 1100;
constexpr int kPersonW = 220, kPersonH = 90;

struct Writer {
    std::string nodes, edges;
    void node(const std::string& id, const char* type, long x, long y, long w, long h,
              const std::string& extra) {
        nodes += std::string(nodes.empty() ? "" : ",\n") + "    {\"id\": " + jsonString(id) +
                 ", \"type\": \"" + type + "\", \"x\": " + std::to_string(x) +
                 ", \"y\": " + std::to_string(y) + ", \"width\": " + std::to_string(w) +
                 ", \"height\": " + std::to_string(h) + extra + "}";
    }
    void edge(const std::string& id, const std::string& from, const char* fromSide,
              const std::string& to, const char* toSide, const std::string& label,
              const char* toEnd) {
        edges += std::string(edges.empty() ? "" : ",\n") + "    {\"id\": " + jsonString(id) +
                 ", \"fromNode\": " + jsonString(from) + ", \"fromSide\": \"" + fromSide +
                 "\", \"toNode\": " + jsonString(to) + ", \"toSide\": \"" + toSide +
                 "\", \"toEnd\": \"" + toEnd + "\"" +
                 (label.empty() ? "" : ", \"label\": " + jsonString(label)) + "}";
    }
};

std::string colourHex(std::uint32_t c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "#%06x", static_cast<unsigned>(c & 0xFFFFFF));
    return buf;
}

std::string goalText(const Goal& g) {
    std::string t = "**" + markdownInline(g.title) + "**\n\n" + std::string(statusName(g.status)) +
                    " · " + std::string(kindName(g.kind()));
    if (g.target) t += " · by " + g.target->iso();
    if (g.beyondOrg) t += "\n\nBeyond the current organisation";
    return t;
}

std::string personText(const Person& p) {
    std::string t = "**" + markdownInline(p.name) + "**";
    const std::string roles = roleList(p.roles);
    if (!roles.empty()) t += "\n" + roles;
    if (!p.organisation.empty()) t += "\n" + markdownInline(p.organisation);
    t += "\nTrust " + std::to_string(p.trust) + " of " + std::to_string(kMaxTrust);
    return t;
}

} // namespace

std::string boardCanvas(const BoardContent& c) {
    Writer w;
    // The board: one group per horizon, goals placed by specificity (direction at the top).
    const auto cols = orderedHorizons(c);
    for (std::size_t i = 0; i < cols.size(); ++i) {
        const long x = static_cast<long>(i) * (kColW + kColGap);
        w.node("horizon-" + std::to_string(cols[i]->id.value), "group", x, 0, kColW, kBoardH,
               ", \"label\": " + jsonString(cols[i]->name));
        long nextFree = 50;
        for (const Goal* g : goalsInHorizon(c, cols[i]->id)) {
            const long wanted = 50 + std::lround(g->specificity * (kBoardH - kCardH - 100));
            long y = std::max(wanted, nextFree);
            nextFree = y + kCardH + 20;
            w.node("goal-" + std::to_string(g->id.value), "text", x + 20, y, kCardW, kCardH,
                   ", \"text\": " + jsonString(goalText(*g)) +
                       (g->colour ? ", \"color\": " + jsonString(colourHex(g->colour)) : ""));
        }
    }
    for (const Goal& g : c.goals)
        if (g.serves && c.goals.contains(g.serves))
            w.edge("serves-" + std::to_string(g.id.value), "goal-" + std::to_string(g.id.value),
                   "right", "goal-" + std::to_string(g.serves.value), "left", "serves", "arrow");

    // The map: You at the centre, people on their trust ring.
    const long boardW = static_cast<long>(cols.size()) * (kColW + kColGap);
    const long ringStep = 130, inner = 170;
    const long radius = inner + ringStep * (kMaxTrust - kMinTrust) + kPersonW;
    const long cx = boardW + 200 + radius, cy = kBoardH / 2;
    w.node("network", "group", cx - radius, cy - radius, 2 * radius, 2 * radius,
           ", \"label\": \"Network\"");
    w.node("you", "text", cx - 60, cy - 30, 120, 60, ", \"text\": \"**You**\"");
    for (const Person& p : c.people) {
        const double r = inner + ringStep * (kMaxTrust - std::clamp(p.trust, kMinTrust, kMaxTrust));
        const long x = cx + std::lround(r * std::cos(p.mapAngle)) - kPersonW / 2;
        const long y = cy + std::lround(r * std::sin(p.mapAngle)) - kPersonH / 2;
        w.node("person-" + std::to_string(p.id.value), "text", x, y, kPersonW, kPersonH,
               ", \"text\": " + jsonString(personText(p)));
    }
    for (const Intro& i : c.intros)
        if (c.people.contains(i.from) && c.people.contains(i.to))
            w.edge("intro-" + std::to_string(i.id.value), "person-" + std::to_string(i.from.value),
                   "bottom", "person-" + std::to_string(i.to.value), "top", "can introduce",
                   "arrow");
    for (const GoalLink& l : c.links)
        if (c.people.contains(l.person) && c.goals.contains(l.goal))
            w.edge("link-" + std::to_string(l.id.value), "person-" + std::to_string(l.person.value),
                   "left", "goal-" + std::to_string(l.goal.value), "right",
                   l.topic.empty() ? std::string("talk about") : l.topic, "none");
    return "{\n  \"nodes\": [\n" + w.nodes + "\n  ],\n  \"edges\": [\n" + w.edges + "\n  ]\n}\n";
}

} // namespace horizons
