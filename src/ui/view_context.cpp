#include "ui/view_context.hpp"

#include "session/session.hpp"

#include <algorithm>

namespace horizons::ui {

namespace {

template <class IdT> bool contains(const std::vector<IdT>& v, IdT id) {
    return std::binary_search(v.begin(), v.end(), id);
}
template <class IdT> void insertSorted(std::vector<IdT>& v, IdT id) {
    auto it = std::lower_bound(v.begin(), v.end(), id);
    if (it == v.end() || *it != id) v.insert(it, id);
}
template <class IdT> void eraseSorted(std::vector<IdT>& v, IdT id) {
    auto it = std::lower_bound(v.begin(), v.end(), id);
    if (it != v.end() && *it == id) v.erase(it);
}

} // namespace

bool Selection::has(GoalId g) const { return contains(goals, g); }
bool Selection::has(PersonId p) const { return contains(people, p); }
void Selection::selectOnly(GoalId g) { clear(), goals.push_back(g); }
void Selection::selectOnly(PersonId p) { clear(), people.push_back(p); }
void Selection::toggle(GoalId g) { has(g) ? eraseSorted(goals, g) : insertSorted(goals, g); }
void Selection::toggle(PersonId p) { has(p) ? eraseSorted(people, p) : insertSorted(people, p); }
void Selection::add(GoalId g) { insertSorted(goals, g); }
void Selection::add(PersonId p) { insertSorted(people, p); }
void Selection::drop(GoalId g) { eraseSorted(goals, g); }
void Selection::drop(PersonId p) { eraseSorted(people, p); }

ViewContext makeViewContext(session::Session& s, SharedViewState& shared, Date today,
                            PanelState* panels) {
    shared.readOnly = s.readOnly();
    session::Derived& d = s.derived(today);
    return ViewContext{s.viewed(), s, d, shared, today, s.live(), s.viewing(), panels};
}

} // namespace horizons::ui
