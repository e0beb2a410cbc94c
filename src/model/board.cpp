#include "model/board.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

namespace horizons {

std::string_view statusName(GoalStatus s) {
    switch (s) {
    case GoalStatus::Idea: return "Idea";
    case GoalStatus::Active: return "Active";
    case GoalStatus::Done: return "Done";
    case GoalStatus::Dropped: return "Dropped";
    }
    return "Idea";
}

std::string_view kindName(GoalKind k) {
    return k == GoalKind::Direction ? "Direction" : "Destination";
}

std::string_view relationshipName(Relationship r) {
    switch (r) {
    case Relationship::Manager: return "Manager";
    case Relationship::SkipLevel: return "Skip-level manager";
    case Relationship::Colleague: return "Colleague";
    case Relationship::Mentor: return "Mentor";
    case Relationship::Sponsor: return "Sponsor";
    case Relationship::PeerOutside: return "Peer outside the organisation";
    case Relationship::FriendFamily: return "Friend or family";
    case Relationship::Coach: return "Coach";
    case Relationship::Other: return "Other";
    }
    return "Other";
}

HelpWith helpWithBit(int index) { return static_cast<HelpWith>(1u << index); }

std::string_view helpWithName(HelpWith h) {
    switch (h) {
    case HelpListen: return "Listen";
    case HelpConnect: return "Connect to networks";
    case HelpSponsor: return "Sponsor";
    case HelpKeepEarOut: return "Keep an ear out";
    case HelpMobility: return "Smooth mobility";
    case HelpEncourage: return "Encourage";
    case HelpBlindSpots: return "Challenge blind spots";
    }
    return "";
}

std::string_view roleName(PersonRole r) {
    switch (r) {
    case RoleManager: return "Manager";
    case RoleSkipLevel: return "Skip-level";
    case RoleMentor: return "Mentor";
    case RoleSponsor: return "Sponsor";
    case RolePeer: return "Peer";
    case RoleOutsideContact: return "Outside contact";
    }
    return "";
}

PersonRole roleBit(int index) { return static_cast<PersonRole>(1u << index); }

std::string roleList(std::uint32_t roles, std::string_view separator) {
    std::string out;
    for (int i = 0; i < kRoleCount; ++i)
        if (roles & roleBit(i)) {
            if (!out.empty()) out += separator;
            out += roleName(roleBit(i));
        }
    return out;
}

std::uint32_t rolesFromRelationship(Relationship r, bool insideOrg) {
    std::uint32_t roles = insideOrg ? 0u : std::uint32_t{RoleOutsideContact};
    switch (r) {
    case Relationship::Manager: roles |= RoleManager; break;
    case Relationship::SkipLevel: roles |= RoleSkipLevel; break;
    case Relationship::Mentor: roles |= RoleMentor; break;
    case Relationship::Sponsor: roles |= RoleSponsor; break;
    case Relationship::Colleague:
    case Relationship::PeerOutside: roles |= RolePeer; break;
    case Relationship::Coach: roles |= RoleMentor; break;
    case Relationship::FriendFamily:
    case Relationship::Other: break;
    }
    return roles;
}

std::string_view askStatusName(AskStatus s) {
    switch (s) {
    case AskStatus::Open: return "Open";
    case AskStatus::Done: return "Done";
    case AskStatus::Declined: return "Declined";
    }
    return "Open";
}

Board makeEmptyBoard(std::string title) {
    Board b;
    b.content.meta.title = std::move(title);
    const struct {
        const char* name;
        int months;
    } defaults[] = {{"6 months", 6}, {"2 years", 24}, {"5 years", 60}};
    double order = 0;
    for (const auto& d : defaults)
        b.content.horizons.put(Horizon{HorizonId{b.nextId++}, d.name, d.months, order++});
    return b;
}

std::vector<const Horizon*> orderedHorizons(const BoardContent& c) {
    std::vector<const Horizon*> out;
    out.reserve(c.horizons.size());
    for (const auto& h : c.horizons)
        out.push_back(&h);
    std::stable_sort(out.begin(), out.end(),
                     [](const Horizon* a, const Horizon* b) { return a->order < b->order; });
    return out;
}

const Horizon* shortestHorizon(const BoardContent& c) {
    const Horizon* best = nullptr;
    for (const auto& h : c.horizons)
        if (!best || h.months < best->months) best = &h;
    return best;
}

const Horizon* longestHorizon(const BoardContent& c) {
    const Horizon* best = nullptr;
    for (const auto& h : c.horizons)
        if (!best || h.months > best->months) best = &h;
    return best;
}

std::vector<const GoalLink*> linksOfGoal(const BoardContent& c, GoalId g) {
    std::vector<const GoalLink*> out;
    for (const auto& l : c.links)
        if (l.goal == g) out.push_back(&l);
    return out;
}

std::vector<const GoalLink*> linksOfPerson(const BoardContent& c, PersonId p) {
    std::vector<const GoalLink*> out;
    for (const auto& l : c.links)
        if (l.person == p) out.push_back(&l);
    return out;
}

std::size_t countLinkedPeople(const BoardContent& c, GoalId g) {
    std::size_t n = 0;
    for (const auto& l : c.links)
        n += l.goal == g ? 1 : 0;
    return n;
}

std::optional<Date> lastTalked(const BoardContent& c, PersonId p) {
    std::optional<Date> last;
    for (const auto& conv : c.conversations)
        if (conv.person == p && (!last || conv.date > *last)) last = conv.date;
    return last;
}

std::unordered_map<PersonId, Date> lastTalkedByPerson(const BoardContent& c) {
    std::unordered_map<PersonId, Date> out;
    for (const auto& conv : c.conversations) {
        auto [it, inserted] = out.emplace(conv.person, conv.date);
        if (!inserted && conv.date > it->second) it->second = conv.date;
    }
    return out;
}

bool isOverdue(const Person& p, std::optional<Date> last, Date today) {
    return cadenceOf(p, last, today).isOverdue;
}

int latestGap(const Person& p) {
    return p.latestGapDays > p.cadenceDays ? p.latestGapDays : p.cadenceDays;
}

CadenceState cadenceOf(const Person& p, std::optional<Date> last, Date today) {
    CadenceState s;
    s.last = last;
    if (p.cadenceDays > 0) {
        s.due = last ? last->plusDays(p.cadenceDays) : today;
        if (last) s.latest = last->plusDays(latestGap(p));
    }
    // A planned conversation that has not happened yet makes its date the one to keep.
    if (p.nextPlanned && (!last || *last < *p.nextPlanned)) {
        if (!s.due || *p.nextPlanned < *s.due) s.due = p.nextPlanned;
        if (!s.latest || *p.nextPlanned < *s.latest) s.latest = p.nextPlanned;
    }
    s.isDue = s.due && today >= *s.due;
    s.isOverdue = s.latest && today > *s.latest;
    s.daysLate = s.isOverdue ? today.days - s.latest->days : 0;
    return s;
}

CadenceState cadenceOf(const BoardContent& c, PersonId id, Date today) {
    const Person* p = c.people.find(id);
    if (!p) return {};
    return cadenceOf(*p, lastTalked(c, id), today);
}

std::vector<OverdueEntry> overdueList(const BoardContent& c, Date today) {
    const auto last = lastTalkedByPerson(c);
    std::vector<OverdueEntry> out;
    for (const auto& p : c.people) {
        const auto it = last.find(p.id);
        CadenceState s =
            cadenceOf(p, it == last.end() ? std::nullopt : std::optional<Date>(it->second), today);
        if (s.isOverdue) out.push_back({p.id, s});
    }
    std::stable_sort(out.begin(), out.end(), [&](const OverdueEntry& a, const OverdueEntry& b) {
        if (a.state.daysLate != b.state.daysLate) return a.state.daysLate > b.state.daysLate;
        return c.people.find(a.person)->name < c.people.find(b.person)->name;
    });
    return out;
}

std::vector<const Ask*> asksOfPerson(const BoardContent& c, PersonId p) {
    std::vector<const Ask*> out;
    for (const auto& a : c.asks)
        if (a.person == p) out.push_back(&a);
    return out;
}

std::string askedOf(const BoardContent& c, const Ask& a) {
    if (const Person* p = c.people.find(a.person)) return p->name;
    return (a.formerContact.empty() ? std::string("Someone") : a.formerContact) +
           " (former contact)";
}

std::string conversationWith(const BoardContent& c, const Conversation& cv) {
    if (const Person* p = c.people.find(cv.person)) return p->name;
    return (cv.formerContact.empty() ? std::string("Someone") : cv.formerContact) +
           " (former contact)";
}

const Person* findPersonByName(const BoardContent& c, std::string_view name) {
    auto lower = [](std::string_view s) {
        std::string out(s);
        for (auto& ch : out)
            ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        return out;
    };
    const std::string wanted = lower(name);
    for (const auto& p : c.people)
        if (lower(p.name) == wanted) return &p;
    return nullptr;
}

static std::uint64_t maxIdInContent(const BoardContent& c) {
    std::uint64_t m = 0;
    auto scan = [&m](const auto& table) {
        if (!table.empty()) m = std::max(m, table.items().back().id.value);
    };
    scan(c.horizons);
    scan(c.goals);
    scan(c.people);
    scan(c.links);
    scan(c.intros);
    scan(c.conversations);
    scan(c.asks);
    scan(c.wins);
    return m;
}

std::uint64_t maxIdInUse(const Board& b) {
    std::uint64_t m = maxIdInContent(b.content);
    for (const auto& s : b.snapshots)
        m = std::max({m, s.id.value, maxIdInContent(s.content)});
    return m;
}

namespace {

bool idInContent(const BoardContent& c, std::uint64_t v) {
    return c.horizons.contains(HorizonId{v}) || c.goals.contains(GoalId{v}) ||
           c.people.contains(PersonId{v}) || c.links.contains(LinkId{v}) ||
           c.intros.contains(IntroId{v}) || c.conversations.contains(ConversationId{v}) ||
           c.asks.contains(AskId{v}) || c.wins.contains(WinId{v});
}

} // namespace

bool idInUse(const Board& b, std::uint64_t id) {
    if (idInContent(b.content, id) || b.snapshots.contains(SnapshotId{id})) return true;
    for (const auto& s : b.snapshots)
        if (idInContent(s.content, id)) return true;
    return false;
}

std::uint64_t mintId(const Board& b, IdSource& ids) {
    for (;;) {
        const std::uint64_t v = ids.next();
        if (!idInUse(b, v)) return v;
        ids.skipPrefix(); // this prefix is taken: the next values would clash too
    }
}

void keepNextIdAbove(Board& b) {
    const std::uint64_t m = maxIdInUse(b);
    if (m == std::numeric_limits<std::uint64_t>::max())
        return; // cannot be above; validateBoard says so
    b.nextId = std::max(b.nextId, m + 1);
}

} // namespace horizons
