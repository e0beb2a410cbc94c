#include "ui/network_filter.hpp"

#include <algorithm>
#include <unordered_set>

namespace horizons::ui {

namespace {

template <class IdT> void sortUnique(std::vector<IdT>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

} // namespace

bool NetworkFilter::active() const { return *this != NetworkFilter{}; }

bool passesFilter(const NetworkFilter& f, const Person& p, bool overdue) {
    if ((f.relationships & relationshipBit(p.relationship)) == 0) return false;
    if (f.org == OrgFilter::Inside && !p.insideOrg) return false;
    if (f.org == OrgFilter::Outside && p.insideOrg) return false;
    if (f.overdueOnly && !overdue) return false;
    return p.trust >= f.minTrust;
}

std::vector<PersonId> visiblePeople(const BoardContent& c, const NetworkFilter& f, Date today) {
    std::vector<PersonId> out;
    out.reserve(c.people.size());
    const auto last = lastTalkedByPerson(c);
    for (const auto& p : c.people) {
        const auto it = last.find(p.id);
        const bool overdue =
            isOverdue(p, it == last.end() ? std::nullopt : std::optional<Date>(it->second), today);
        if (passesFilter(f, p, overdue)) out.push_back(p.id);
    }
    return out; // Table iterates in id order
}

std::vector<PersonId> overduePeople(const BoardContent& c, Date today) {
    std::vector<PersonId> out;
    const auto last = lastTalkedByPerson(c);
    for (const auto& p : c.people) {
        const auto it = last.find(p.id);
        if (isOverdue(p, it == last.end() ? std::nullopt : std::optional<Date>(it->second), today))
            out.push_back(p.id);
    }
    return out;
}

std::vector<PersonId> peopleLinkedToGoals(const BoardContent& c, std::span<const GoalId> goals) {
    std::vector<PersonId> out;
    if (goals.empty()) return out;
    const std::unordered_set<GoalId> wanted(goals.begin(), goals.end());
    for (const auto& l : c.links)
        if (wanted.count(l.goal) && c.people.contains(l.person)) out.push_back(l.person);
    sortUnique(out);
    return out;
}

std::vector<GoalId> goalsLinkedToPeople(const BoardContent& c, std::span<const PersonId> people) {
    std::vector<GoalId> out;
    if (people.empty()) return out;
    const std::unordered_set<PersonId> wanted(people.begin(), people.end());
    for (const auto& l : c.links)
        if (wanted.count(l.person) && c.goals.contains(l.goal)) out.push_back(l.goal);
    sortUnique(out);
    return out;
}

std::vector<GoalId> goalsWithNobody(const BoardContent& c) {
    std::unordered_set<GoalId> linked;
    for (const auto& l : c.links)
        if (c.people.contains(l.person)) linked.insert(l.goal);
    std::vector<GoalId> out;
    for (const auto& g : c.goals) {
        if (g.status == GoalStatus::Done || g.status == GoalStatus::Dropped) continue;
        if (!linked.count(g.id)) out.push_back(g.id);
    }
    return out;
}

std::vector<IntroId> introsOf(const BoardContent& c, PersonId p) {
    std::vector<IntroId> out;
    for (const auto& i : c.intros)
        if (i.from == p || i.to == p) out.push_back(i.id);
    return out;
}

} // namespace horizons::ui
