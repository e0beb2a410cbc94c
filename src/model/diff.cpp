#include "model/diff.hpp"

#include <cmath>
#include <cstdio>

namespace horizons {

std::string_view changeKindName(ChangeKind k) {
    switch (k) {
    case ChangeKind::GoalAdded: return "Goal added";
    case ChangeKind::GoalRemoved: return "Goal removed";
    case ChangeKind::GoalMoved: return "Moved";
    case ChangeKind::GoalFirmedUp: return "Firmed up";
    case ChangeKind::GoalLoosened: return "Loosened";
    case ChangeKind::GoalStatusChanged: return "Status changed";
    case ChangeKind::GoalRenamed: return "Renamed";
    case ChangeKind::PersonAdded: return "Person added";
    case ChangeKind::PersonRemoved: return "Person removed";
    case ChangeKind::PersonTrustChanged: return "Trust changed";
    case ChangeKind::LinkAdded: return "Link added";
    case ChangeKind::LinkRemoved: return "Link removed";
    case ChangeKind::IntroAdded: return "Introduction added";
    case ChangeKind::IntroRemoved: return "Introduction removed";
    case ChangeKind::PersonRolesChanged: return "Roles changed";
    case ChangeKind::AskAdded: return "Ask added";
    case ChangeKind::AskRemoved: return "Ask removed";
    case ChangeKind::AskSettled: return "Ask settled";
    case ChangeKind::WinAdded: return "Win added";
    case ChangeKind::WinRemoved: return "Win removed";
    }
    return "Change";
}

namespace {

GoalKind kindOf(double specificity) {
    return specificity >= kDestinationThreshold ? GoalKind::Destination : GoalKind::Direction;
}

// Walks two id-sorted tables in step, calling onlyA / onlyB / both.
template <class T, class A, class B, class Both>
void merge(const Table<T>& a, const Table<T>& b, A&& onlyA, B&& onlyB, Both&& both) {
    auto ia = a.begin(), ib = b.begin();
    while (ia != a.end() || ib != b.end()) {
        if (ib == b.end() || (ia != a.end() && ia->id < ib->id))
            onlyA(*ia++);
        else if (ia == a.end() || ib->id < ia->id)
            onlyB(*ib++);
        else
            both(*ia++, *ib++);
    }
}

Change goalChange(ChangeKind k, const Goal& g) {
    Change c{};
    c.kind = k;
    c.goal = g.id;
    c.oldTitle = g.title;
    c.title = g.title;
    c.fromHorizon = c.toHorizon = g.horizon;
    c.fromSpecificity = c.toSpecificity = g.specificity;
    c.fromStatus = c.toStatus = g.status;
    return c;
}

Change personChange(ChangeKind k, const Person& p) {
    Change c{};
    c.kind = k;
    c.person = p.id;
    c.oldTitle = p.name;
    c.title = p.name;
    c.fromTrust = c.toTrust = p.trust;
    return c;
}

Change linkChange(ChangeKind k, const GoalLink& l) {
    Change c{};
    c.kind = k;
    c.link = l.id;
    c.goal = l.goal;
    c.person = l.person;
    c.title = l.topic;
    return c;
}

Change introChange(ChangeKind k, const Intro& i) {
    Change c{};
    c.kind = k;
    c.intro = i.id;
    c.person = i.from;
    c.otherPerson = i.to;
    return c;
}

Change askChange(ChangeKind k, const Ask& a) {
    Change c{};
    c.kind = k;
    c.ask = a.id;
    c.person = a.person;
    c.oldTitle = c.title = a.what;
    c.fromAsk = c.toAsk = a.status;
    return c;
}

Change winChange(ChangeKind k, const Win& w) {
    Change c{};
    c.kind = k;
    c.win = w.id;
    c.oldTitle = c.title = w.what;
    return c;
}

// Appended piecewise: GCC 12 at -O2/-O3 reports a false -Wrestrict (GCC PR105329) for
// `"\"" + std::string(s)`, which breaks the Release build under -Werror.
std::string quoted(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    out += s;
    out += '"';
    return out;
}

std::string horizonName(HorizonId id, const BoardContent& from, const BoardContent& to) {
    if (const Horizon* h = to.horizons.find(id)) return h->name;
    if (const Horizon* h = from.horizons.find(id)) return h->name;
    return "a removed horizon";
}

std::string personName(PersonId id, const BoardContent& from, const BoardContent& to) {
    if (const Person* p = to.people.find(id)) return p->name;
    if (const Person* p = from.people.find(id)) return p->name;
    return "someone";
}

std::string goalTitle(GoalId id, const BoardContent& from, const BoardContent& to) {
    if (const Goal* g = to.goals.find(id)) return g->title;
    if (const Goal* g = from.goals.find(id)) return g->title;
    return "a goal";
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& ch : out)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return out;
}

std::string percent(double v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%d%%", static_cast<int>(std::lround(v * 100)));
    return buf;
}

} // namespace

bool firmedUp(double a, double b) {
    if (!(b > a)) return false;
    return kindOf(a) != kindOf(b) || b - a >= kSpecificityDelta - 1e-9;
}

bool loosened(double a, double b) { return firmedUp(b, a); }

std::vector<Change> diffContents(const BoardContent& from, const BoardContent& to) {
    std::vector<Change> out;
    merge(
        from.goals, to.goals,
        [&](const Goal& g) { out.push_back(goalChange(ChangeKind::GoalRemoved, g)); },
        [&](const Goal& g) { out.push_back(goalChange(ChangeKind::GoalAdded, g)); },
        [&](const Goal& a, const Goal& b) {
            Change base = goalChange(ChangeKind::GoalMoved, b);
            base.oldTitle = a.title;
            base.fromHorizon = a.horizon;
            base.fromSpecificity = a.specificity;
            base.fromStatus = a.status;
            auto add = [&](ChangeKind k) {
                Change c = base;
                c.kind = k;
                out.push_back(std::move(c));
            };
            if (a.horizon != b.horizon) add(ChangeKind::GoalMoved);
            if (firmedUp(a.specificity, b.specificity))
                add(ChangeKind::GoalFirmedUp);
            else if (loosened(a.specificity, b.specificity))
                add(ChangeKind::GoalLoosened);
            if (a.status != b.status) add(ChangeKind::GoalStatusChanged);
            if (a.title != b.title) add(ChangeKind::GoalRenamed);
        });
    merge(
        from.people, to.people,
        [&](const Person& p) { out.push_back(personChange(ChangeKind::PersonRemoved, p)); },
        [&](const Person& p) { out.push_back(personChange(ChangeKind::PersonAdded, p)); },
        [&](const Person& a, const Person& b) {
            Change c = personChange(ChangeKind::PersonTrustChanged, b);
            c.oldTitle = a.name;
            c.fromTrust = a.trust;
            c.fromRoles = a.roles;
            c.toRoles = b.roles;
            if (a.trust != b.trust) out.push_back(c);
            if (a.roles != b.roles) {
                c.kind = ChangeKind::PersonRolesChanged;
                out.push_back(std::move(c));
            }
        });
    merge(
        from.links, to.links,
        [&](const GoalLink& l) { out.push_back(linkChange(ChangeKind::LinkRemoved, l)); },
        [&](const GoalLink& l) { out.push_back(linkChange(ChangeKind::LinkAdded, l)); },
        [&](const GoalLink& a, const GoalLink& b) {
            if (a.person == b.person && a.goal == b.goal) return;
            out.push_back(linkChange(ChangeKind::LinkRemoved, a));
            out.push_back(linkChange(ChangeKind::LinkAdded, b));
        });
    merge(
        from.intros, to.intros,
        [&](const Intro& i) { out.push_back(introChange(ChangeKind::IntroRemoved, i)); },
        [&](const Intro& i) { out.push_back(introChange(ChangeKind::IntroAdded, i)); },
        [&](const Intro& a, const Intro& b) {
            if (a.from == b.from && a.to == b.to) return;
            out.push_back(introChange(ChangeKind::IntroRemoved, a));
            out.push_back(introChange(ChangeKind::IntroAdded, b));
        });
    merge(
        from.asks, to.asks,
        [&](const Ask& a) { out.push_back(askChange(ChangeKind::AskRemoved, a)); },
        [&](const Ask& a) { out.push_back(askChange(ChangeKind::AskAdded, a)); },
        [&](const Ask& a, const Ask& b) {
            if (a.status == b.status) return;
            Change c = askChange(ChangeKind::AskSettled, b);
            c.oldTitle = a.what;
            c.fromAsk = a.status;
            out.push_back(std::move(c));
        });
    merge(
        from.wins, to.wins,
        [&](const Win& w) { out.push_back(winChange(ChangeKind::WinRemoved, w)); },
        [&](const Win& w) { out.push_back(winChange(ChangeKind::WinAdded, w)); },
        [](const Win&, const Win&) {});
    return out;
}

std::string describeChange(const Change& c, const BoardContent& from, const BoardContent& to) {
    switch (c.kind) {
    case ChangeKind::GoalAdded:
        return "Added " + quoted(c.title) + " in " + horizonName(c.toHorizon, from, to);
    case ChangeKind::GoalRemoved:
        return "Removed " + quoted(c.oldTitle) + " from " + horizonName(c.fromHorizon, from, to);
    case ChangeKind::GoalMoved:
        return "Moved " + quoted(c.title) + " from " + horizonName(c.fromHorizon, from, to) +
               " to " + horizonName(c.toHorizon, from, to);
    case ChangeKind::GoalFirmedUp:
    case ChangeKind::GoalLoosened: {
        std::string s = (c.kind == ChangeKind::GoalFirmedUp ? "Firmed up " : "Loosened ") +
                        quoted(c.title) + " (" + percent(c.fromSpecificity) + " -> " +
                        percent(c.toSpecificity) + " specific";
        if (kindOf(c.fromSpecificity) != kindOf(c.toSpecificity))
            s += ", now a " + lower(kindName(kindOf(c.toSpecificity)));
        return s + ")";
    }
    case ChangeKind::GoalStatusChanged:
        return "Status of " + quoted(c.title) + ": " + std::string(statusName(c.fromStatus)) +
               " -> " + std::string(statusName(c.toStatus));
    case ChangeKind::GoalRenamed: return "Renamed " + quoted(c.oldTitle) + " to " + quoted(c.title);
    case ChangeKind::PersonAdded: return "Added " + c.title + " to the network";
    case ChangeKind::PersonRemoved: return "Removed " + c.oldTitle + " from the network";
    case ChangeKind::PersonTrustChanged:
        return "Trust in " + c.title + ": " + std::to_string(c.fromTrust) + " -> " +
               std::to_string(c.toTrust);
    case ChangeKind::LinkAdded:
        return "Linked " + personName(c.person, from, to) + " to " +
               quoted(goalTitle(c.goal, from, to));
    case ChangeKind::LinkRemoved:
        return "Unlinked " + personName(c.person, from, to) + " from " +
               quoted(goalTitle(c.goal, from, to));
    case ChangeKind::IntroAdded:
        return personName(c.person, from, to) + " can now introduce you to " +
               personName(c.otherPerson, from, to);
    case ChangeKind::IntroRemoved:
        return "Removed the introduction from " + personName(c.person, from, to) + " to " +
               personName(c.otherPerson, from, to);
    case ChangeKind::PersonRolesChanged: {
        const std::string before = roleList(c.fromRoles), after = roleList(c.toRoles);
        return "Roles of " + c.title + ": " + (before.empty() ? "none" : before) + " -> " +
               (after.empty() ? "none" : after);
    }
    case ChangeKind::AskAdded:
        return "Asked " + personName(c.person, from, to) + ": " + quoted(c.title);
    case ChangeKind::AskRemoved: return "Removed the ask " + quoted(c.oldTitle);
    case ChangeKind::AskSettled:
        return "Ask " + quoted(c.title) + ": " + std::string(askStatusName(c.fromAsk)) + " -> " +
               std::string(askStatusName(c.toAsk));
    case ChangeKind::WinAdded: return "Win: " + quoted(c.title);
    case ChangeKind::WinRemoved: return "Removed the win " + quoted(c.oldTitle);
    }
    return std::string(changeKindName(c.kind));
}

} // namespace horizons
