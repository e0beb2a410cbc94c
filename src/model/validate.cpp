#include "model/validate.hpp"

#include "model/text.hpp"

#include <cmath>

namespace horizons {

namespace {

std::string idText(std::uint64_t v) { return std::to_string(v); }

std::optional<std::string> checkText(const std::string& s, const char* what, std::uint64_t id) {
    if (!isValidUtf8(s))
        return std::string(what) + " " + idText(id) + " has text that is not valid UTF-8";
    return std::nullopt;
}

} // namespace

std::optional<std::string> validateContent(const BoardContent& c) {
    if (c.horizons.empty()) return "the board has no horizons";
    if (!isValidUtf8(c.meta.title) || !isValidUtf8(c.meta.owner))
        return "the board title or owner is not valid UTF-8";
    if (c.meta.settings.beyondOrgTrust < kMinTrust || c.meta.settings.beyondOrgTrust > kMaxTrust)
        return "the trust threshold must be between 1 and 5";
    for (const auto& h : c.horizons) {
        if (auto e = checkText(h.name, "horizon", h.id.value)) return e;
        if (h.months < 1 || !std::isfinite(h.order))
            return "horizon " + idText(h.id.value) + " has an invalid span or order";
    }
    for (const auto& g : c.goals) {
        if (auto e = checkText(g.title, "goal", g.id.value)) return e;
        if (auto e = checkText(g.notes, "goal", g.id.value)) return e;
        for (const auto& t : g.tags)
            if (auto e = checkText(t, "goal", g.id.value)) return e;
        if (!c.horizons.contains(g.horizon))
            return "goal " + idText(g.id.value) + " refers to a horizon that does not exist";
        if (!std::isfinite(g.specificity) || g.specificity < 0 || g.specificity > 1)
            return "goal " + idText(g.id.value) + " has a specificity outside 0..1";
        if (!std::isfinite(g.order)) return "goal " + idText(g.id.value) + " has an invalid order";
        if (g.serves && (g.serves == g.id || !c.goals.contains(g.serves)))
            return "goal " + idText(g.id.value) + " serves a goal that does not exist";
        if (static_cast<int>(g.status) >= kGoalStatusCount)
            return "goal " + idText(g.id.value) + " has an unknown status";
    }
    for (const auto& p : c.people) {
        if (auto e = checkText(p.name, "person", p.id.value)) return e;
        if (auto e = checkText(p.notes, "person", p.id.value)) return e;
        if (p.trust < kMinTrust || p.trust > kMaxTrust)
            return "person " + idText(p.id.value) + " has a trust level outside 1..5";
        if (static_cast<int>(p.relationship) >= kRelationshipCount)
            return "person " + idText(p.id.value) + " has an unknown relationship";
        if (p.cadenceDays < 0 || p.latestGapDays < 0 || !std::isfinite(p.mapAngle))
            return "person " + idText(p.id.value) + " has an invalid cadence or map position";
        if (auto e = checkText(p.organisation, "person", p.id.value)) return e;
        if (auto e = checkText(p.uid, "person", p.id.value)) return e;
    }
    for (const auto& l : c.links) {
        if (!c.people.contains(l.person) || !c.goals.contains(l.goal))
            return "link " + idText(l.id.value) + " refers to a person or goal that does not exist";
        if (auto e = checkText(l.topic, "link", l.id.value)) return e;
    }
    for (const auto& i : c.intros)
        if (!c.people.contains(i.from) || !c.people.contains(i.to) || i.from == i.to)
            return "introduction " + idText(i.id.value) + " refers to a missing person";
    for (const auto& conv : c.conversations) {
        // A conversation is with someone on the map, or with a former contact (deleted since).
        if (conv.person ? !c.people.contains(conv.person) : conv.formerContact.empty())
            return "conversation " + idText(conv.id.value) + " is with a person who does not exist";
        if (auto e = checkText(conv.formerContact, "conversation", conv.id.value)) return e;
        for (GoalId g : conv.goals)
            if (!c.goals.contains(g))
                return "conversation " + idText(conv.id.value) + " refers to a missing goal";
        if (auto e = checkText(conv.notes, "conversation", conv.id.value)) return e;
        for (const auto& f : conv.followUps)
            if (auto e = checkText(f, "conversation", conv.id.value)) return e;
    }
    for (const auto& a : c.asks) {
        if (a.person ? !c.people.contains(a.person) : a.formerContact.empty())
            return "ask " + idText(a.id.value) + " is of a person who does not exist";
        if (static_cast<int>(a.status) >= kAskStatusCount)
            return "ask " + idText(a.id.value) + " has an unknown status";
        for (GoalId g : a.goals)
            if (!c.goals.contains(g))
                return "ask " + idText(a.id.value) + " refers to a missing goal";
        for (const auto* t : {&a.what, &a.notes, &a.formerContact})
            if (auto e = checkText(*t, "ask", a.id.value)) return e;
    }
    for (const auto& w : c.wins) {
        for (GoalId g : w.goals)
            if (!c.goals.contains(g))
                return "win " + idText(w.id.value) + " refers to a missing goal";
        for (const auto* t : {&w.what, &w.notes})
            if (auto e = checkText(*t, "win", w.id.value)) return e;
    }
    return std::nullopt;
}

std::optional<std::string> validateBoard(const Board& b) {
    if (auto e = validateContent(b.content)) return e;
    for (const auto& s : b.snapshots) {
        if (!isValidUtf8(s.name) || !isValidUtf8(s.note))
            return "snapshot " + idText(s.id.value) + " has text that is not valid UTF-8";
        if (auto e = validateContent(s.content)) return "snapshot \"" + s.name + "\": " + *e;
    }
    // One counter hands out every id; a file whose counter lags would reuse ids.
    if (maxIdInUse(b) >= b.nextId) return "the board's id counter is behind the ids in use";
    return std::nullopt;
}

} // namespace horizons
