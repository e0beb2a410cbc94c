#include "model/edit.hpp"

#include "model/text.hpp"

#include <algorithm>
#include <cmath>

namespace horizons {

namespace {

Table<Horizon>& tableFor(Board& b, const Horizon*) { return b.content.horizons; }
Table<Goal>& tableFor(Board& b, const Goal*) { return b.content.goals; }
Table<Person>& tableFor(Board& b, const Person*) { return b.content.people; }
Table<GoalLink>& tableFor(Board& b, const GoalLink*) { return b.content.links; }
Table<Intro>& tableFor(Board& b, const Intro*) { return b.content.intros; }
Table<Conversation>& tableFor(Board& b, const Conversation*) { return b.content.conversations; }
Table<Snapshot>& tableFor(Board& b, const Snapshot*) { return b.snapshots; }
Table<Ask>& tableFor(Board& b, const Ask*) { return b.content.asks; }
Table<Win>& tableFor(Board& b, const Win*) { return b.content.wins; }

template <class T> void normalizeIfNeeded(T& v) {
    if constexpr (requires { normalize(v); }) normalize(v);
}

template <class T> Op applyPut(Board& b, Put<T>&& p) {
    normalizeIfNeeded(p.value);
    const auto id = p.value.id;
    auto old = tableFor(b, static_cast<const T*>(nullptr)).put(std::move(p.value));
    if (old) return Put<T>{std::move(*old)};
    return Erase<T>{id};
}

template <class T> Op applyErase(Board& b, Erase<T>&& e) {
    auto old = tableFor(b, static_cast<const T*>(nullptr)).erase(e.id);
    if (old) return Put<T>{std::move(*old)};
    return Erase<T>{e.id}; // erasing nothing is undone by erasing nothing
}

double finiteOr(double v, double fallback) { return std::isfinite(v) ? v : fallback; }

} // namespace

void normalize(Horizon& h) {
    h.name = nonBlankOr(restoreEditedText({}, h.name), "Horizon");
    h.months = std::clamp(h.months, 1, 1200);
    h.order = finiteOr(h.order, 0);
}

void normalize(Goal& g) {
    g.title = nonBlankOr(restoreEditedText({}, g.title), "Untitled goal"); // no NULs
    g.notes = restoreEditedText({}, g.notes);
    g.specificity = std::clamp(finiteOr(g.specificity, 0.5), 0.0, 1.0);
    g.order = finiteOr(g.order, 0);
    if (g.serves == g.id) g.serves = GoalId{};
    g.colour &= 0xFFFFFFu;
}

void normalize(Person& p) {
    p.name = nonBlankOr(restoreEditedText({}, p.name), "Unnamed");
    p.notes = restoreEditedText({}, p.notes);
    p.trust = std::clamp(p.trust, kMinTrust, kMaxTrust);
    p.helpsWith &= kHelpWithAll;
    p.cadenceDays = std::clamp(p.cadenceDays, 0, 3660);
    p.latestGapDays = std::clamp(p.latestGapDays, 0, 3660);
    if (p.latestGapDays != 0 && p.latestGapDays < p.cadenceDays) p.latestGapDays = p.cadenceDays;
    p.mapAngle = finiteOr(p.mapAngle, 0);
    p.roles &= kRoleAll;
    p.organisation = restoreEditedText({}, p.organisation);
    p.uid = restoreEditedText({}, p.uid);
}

void normalize(Ask& a) {
    a.what = nonBlankOr(restoreEditedText({}, a.what), "Untitled ask");
    a.notes = restoreEditedText({}, a.notes);
    if (a.status == AskStatus::Open) a.settled.reset();
}

void normalize(Win& w) {
    w.what = nonBlankOr(restoreEditedText({}, w.what), "Untitled win");
    w.notes = restoreEditedText({}, w.notes);
}

void normalize(BoardMeta& m) {
    m.title = nonBlankOr(restoreEditedText({}, m.title), "My career plan");
    m.owner = restoreEditedText({}, m.owner);
    m.settings.beyondOrgTrust = std::clamp(m.settings.beyondOrgTrust, kMinTrust, kMaxTrust);
}

Op applyOp(Board& b, Op op) {
    return std::visit(
        [&b](auto&& o) -> Op {
            using O = std::decay_t<decltype(o)>;
            if constexpr (std::is_same_v<O, Put<BoardMeta>>) {
                normalize(o.value);
                Op inverse = Put<BoardMeta>{std::move(b.content.meta)};
                b.content.meta = std::move(o.value);
                return inverse;
            } else if constexpr (std::is_same_v<O, Put<BoardContent>>) {
                Op inverse = Put<BoardContent>{std::move(b.content)};
                b.content = std::move(o.value);
                return inverse;
            } else if constexpr (requires { o.value; }) {
                return applyPut(b, std::move(o));
            } else {
                return applyErase(b, std::move(o));
            }
        },
        std::move(op));
}

} // namespace horizons
