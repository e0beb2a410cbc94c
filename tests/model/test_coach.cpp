// Coach hints: each rule fires when the advice applies and stays quiet otherwise.
#include "model/coach.hpp"
#include "model/document.hpp"
#include "model/edits.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace horizons;

namespace {

struct Board3 {
    Board b = makeEmptyBoard();
    std::vector<HorizonId> cols;
    Board3() {
        for (const auto* h : orderedHorizons(b.content))
            cols.push_back(h->id);
    }
    GoalId goal(std::size_t col, double spec, std::optional<Date> target = {}) {
        Goal g;
        g.id = GoalId{b.nextId++};
        g.title = "goal";
        g.horizon = cols[col];
        g.specificity = spec;
        g.target = target;
        b.content.goals.put(g);
        return g.id;
    }
    PersonId person(Relationship r, bool inside = true, int cadence = 0) {
        Person p;
        p.id = PersonId{b.nextId++};
        p.name = "P";
        p.relationship = r;
        p.insideOrg = inside;
        p.cadenceDays = cadence;
        b.content.people.put(p);
        return p.id;
    }
    void link(PersonId p, GoalId g) { b.content.links.put(GoalLink{LinkId{b.nextId++}, p, g, ""}); }
    std::vector<Hint> hints(Date today = Date::fromYmd(2026, 6, 1)) const {
        return coachHints(b.content, today);
    }
};

std::size_t count(const std::vector<Hint>& hs, HintKind k, GoalId g = {}) {
    return static_cast<std::size_t>(std::count_if(
        hs.begin(), hs.end(), [&](const Hint& h) { return h.kind == k && (!g || h.goal == g); }));
}

} // namespace

TEST_CASE("a destination in the five-year horizon is flagged; a direction is not") {
    Board3 t;
    const GoalId fixed = t.goal(2, 0.9), fuzzy = t.goal(2, 0.1);
    const auto hs = t.hints();
    CHECK(count(hs, HintKind::DestinationInLongestHorizon, fixed) == 1);
    CHECK(count(hs, HintKind::DestinationInLongestHorizon, fuzzy) == 0);
}

TEST_CASE("more than three two-year goals is one board-wide hint") {
    Board3 t;
    for (int i = 0; i < 3; ++i)
        t.goal(1, 0.5);
    CHECK(count(t.hints(), HintKind::TooManyMidTermGoals) == 0);
    t.goal(1, 0.5);
    CHECK(count(t.hints(), HintKind::TooManyMidTermGoals) == 1);
}

TEST_CASE("six-month goals want a date and a concrete shape") {
    Board3 t;
    const GoalId vague = t.goal(0, 0.2);
    const GoalId sharp = t.goal(0, 0.9, Date::fromYmd(2026, 9, 1));
    const auto hs = t.hints();
    CHECK(count(hs, HintKind::NearTermWithoutDate, vague) == 1);
    CHECK(count(hs, HintKind::NearTermStillFuzzy, vague) == 1);
    CHECK(count(hs, HintKind::NearTermWithoutDate, sharp) == 0);
    CHECK(count(hs, HintKind::NearTermStillFuzzy, sharp) == 0);
}

TEST_CASE("a goal nobody is linked to is flagged until someone is; dismissing hides it") {
    Board3 t;
    const GoalId g = t.goal(1, 0.5);
    CHECK(count(t.hints(), HintKind::GoalWithoutPeople, g) == 1);
    Document doc(t.b);
    doc.apply(dismissGoalHint(doc.board(), g, static_cast<int>(HintKind::GoalWithoutPeople)));
    CHECK(count(coachHints(doc.content(), Date{20000}), HintKind::GoalWithoutPeople, g) == 0);
    const PersonId p = t.person(Relationship::Mentor);
    t.link(p, g);
    CHECK(count(t.hints(), HintKind::GoalWithoutPeople, g) == 0);
}

TEST_CASE("network hints: one person, only managers, nobody outside") {
    Board3 t;
    CHECK(count(t.hints(), HintKind::OnlyOnePerson) == 0);
    t.person(Relationship::Manager);
    auto hs = t.hints();
    CHECK(count(hs, HintKind::OnlyOnePerson) == 1);
    CHECK(count(hs, HintKind::OnlyManager) == 1);
    CHECK(count(hs, HintKind::NobodyOutsideOrg) == 1);
    t.person(Relationship::FriendFamily, false);
    hs = t.hints();
    CHECK(count(hs, HintKind::OnlyOnePerson) == 0);
    CHECK(count(hs, HintKind::OnlyManager) == 0);
    CHECK(count(hs, HintKind::NobodyOutsideOrg) == 0);
}

TEST_CASE("overdue by cadence: exactly at the cadence is on time, a day later is overdue") {
    Board3 t;
    const PersonId p = t.person(Relationship::Manager, true, 30);
    const Date talked = Date::fromYmd(2026, 1, 1);
    t.b.content.conversations.put(
        Conversation{ConversationId{t.b.nextId++}, talked, p, {}, "", {}, ""});
    CHECK(count(t.hints(talked.plusDays(30)), HintKind::ConversationOverdue) == 0);
    CHECK(count(t.hints(talked.plusDays(31)), HintKind::ConversationOverdue) == 1);
    const Person& person = *t.b.content.people.find(p);
    CHECK_FALSE(isOverdue(person, std::nullopt, talked.plusDays(400))); // never talked, no plan
    Person planned = person;
    planned.nextPlanned = talked.plusDays(10);
    CHECK_FALSE(isOverdue(planned, talked, talked.plusDays(10)));
    CHECK(isOverdue(planned, talked, talked.plusDays(11)));
}

TEST_CASE("a goal past its target date is overdue until done, dropped or dismissed") {
    Board3 t;
    const Date today = Date::fromYmd(2026, 6, 1);
    const GoalId late = t.goal(1, 0.8, Date::fromYmd(2026, 5, 31));
    const GoalId onTime = t.goal(1, 0.8, today);
    const GoalId undated = t.goal(1, 0.8);
    auto hs = t.hints(today);
    CHECK(count(hs, HintKind::GoalOverdue, late) == 1);
    CHECK(count(hs, HintKind::GoalOverdue, onTime) == 0);
    CHECK(count(hs, HintKind::GoalOverdue, undated) == 0);
    CHECK(goalOverdue(*t.b.content.goals.find(late), today));
    CHECK_FALSE(goalOverdue(*t.b.content.goals.find(onTime), today));

    Goal done = *t.b.content.goals.find(late);
    done.status = GoalStatus::Done;
    CHECK_FALSE(goalOverdue(done, today));

    Document doc(t.b);
    doc.apply(dismissGoalHint(doc.board(), late, static_cast<int>(HintKind::GoalOverdue)));
    hs = coachHints(doc.content(), today);
    CHECK(count(hs, HintKind::GoalOverdue, late) == 0);
    CHECK(count(hs, HintKind::GoalWithoutPeople, late) == 1); // only that hint is gone
}
