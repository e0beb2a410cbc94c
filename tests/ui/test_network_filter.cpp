// Network map filters and highlight sets (pure functions) and the overdue rule around the
// cadence boundary.
#include "ui/network_filter.hpp"

#include <doctest/doctest.h>

using namespace horizons;
using namespace horizons::ui;

namespace {

struct Fixture {
    BoardContent c = makeEmptyBoard().content;
    Date today = Date::fromYmd(2024, 6, 1);
    GoalId g1{101}, g2{102}, g3{103}, gDone{104};
    PersonId manager{201}, mentor{202}, friendOut{203}, peer{204};

    Fixture() {
        const HorizonId h = c.horizons.items().front().id;
        auto goal = [&](GoalId id, GoalStatus s) {
            Goal g;
            g.id = id;
            g.title = "G" + std::to_string(id.value);
            g.horizon = h;
            g.status = s;
            c.goals.put(g);
        };
        goal(g1, GoalStatus::Active);
        goal(g2, GoalStatus::Idea);
        goal(g3, GoalStatus::Idea);
        goal(gDone, GoalStatus::Done);
        auto person = [&](PersonId id, Relationship r, bool inside, int trust) {
            Person p;
            p.id = id;
            p.name = "P" + std::to_string(id.value);
            p.relationship = r;
            p.insideOrg = inside;
            p.trust = trust;
            c.people.put(p);
        };
        person(manager, Relationship::Manager, true, 3);
        person(mentor, Relationship::Mentor, true, 5);
        person(friendOut, Relationship::FriendFamily, false, 4);
        person(peer, Relationship::PeerOutside, false, 1);
        c.links.put({LinkId{301}, manager, g1, ""});
        c.links.put({LinkId{302}, mentor, g1, ""});
        c.links.put({LinkId{303}, mentor, g2, ""});
        c.intros.put({IntroId{401}, mentor, peer});
        // the manager has a 30-day cadence and last talked 31 days ago: overdue
        Person m = *c.people.find(manager);
        m.cadenceDays = 30;
        c.people.put(m);
        Conversation conv;
        conv.id = ConversationId{501};
        conv.person = manager;
        conv.date = today.plusDays(-31);
        c.conversations.put(conv);
    }
};

} // namespace

TEST_CASE("network filter: the default filter lets everyone through") {
    Fixture f;
    NetworkFilter nf;
    CHECK_FALSE(nf.active());
    CHECK(visiblePeople(f.c, nf, f.today) ==
          std::vector<PersonId>{f.manager, f.mentor, f.friendOut, f.peer});
}

TEST_CASE("network filter: by relationship") {
    Fixture f;
    NetworkFilter nf;
    nf.relationships =
        relationshipBit(Relationship::Mentor) | relationshipBit(Relationship::PeerOutside);
    CHECK(nf.active());
    CHECK(visiblePeople(f.c, nf, f.today) == std::vector<PersonId>{f.mentor, f.peer});
    nf.relationships = 0;
    CHECK(visiblePeople(f.c, nf, f.today).empty());
}

TEST_CASE("network filter: inside or outside the organisation") {
    Fixture f;
    NetworkFilter nf;
    nf.org = OrgFilter::Inside;
    CHECK(visiblePeople(f.c, nf, f.today) == std::vector<PersonId>{f.manager, f.mentor});
    nf.org = OrgFilter::Outside;
    CHECK(visiblePeople(f.c, nf, f.today) == std::vector<PersonId>{f.friendOut, f.peer});
}

TEST_CASE("network filter: minimum trust and overdue only, combined") {
    Fixture f;
    NetworkFilter nf;
    nf.minTrust = 4;
    CHECK(visiblePeople(f.c, nf, f.today) == std::vector<PersonId>{f.mentor, f.friendOut});
    nf.minTrust = 1;
    nf.overdueOnly = true;
    CHECK(visiblePeople(f.c, nf, f.today) == std::vector<PersonId>{f.manager});
    CHECK(overduePeople(f.c, f.today) == std::vector<PersonId>{f.manager});
    nf.minTrust = 4; // the overdue manager has trust 3
    CHECK(visiblePeople(f.c, nf, f.today).empty());
    nf.reset();
    CHECK_FALSE(nf.active());
}

TEST_CASE("network highlight: people linked to the selected goals") {
    Fixture f;
    const GoalId sel1[] = {f.g1};
    CHECK(peopleLinkedToGoals(f.c, sel1) == std::vector<PersonId>{f.manager, f.mentor});
    const GoalId sel2[] = {f.g2, f.g3};
    CHECK(peopleLinkedToGoals(f.c, sel2) == std::vector<PersonId>{f.mentor});
    const GoalId both[] = {f.g1, f.g2}; // mentor linked twice: listed once
    CHECK(peopleLinkedToGoals(f.c, both) == std::vector<PersonId>{f.manager, f.mentor});
    CHECK(peopleLinkedToGoals(f.c, {}).empty());
}

TEST_CASE("network highlight: goals linked to the selected people") {
    Fixture f;
    const PersonId m[] = {f.mentor};
    CHECK(goalsLinkedToPeople(f.c, m) == std::vector<GoalId>{f.g1, f.g2});
    const PersonId none[] = {f.peer};
    CHECK(goalsLinkedToPeople(f.c, none).empty());
    const PersonId two[] = {f.manager, f.mentor};
    CHECK(goalsLinkedToPeople(f.c, two) == std::vector<GoalId>{f.g1, f.g2});
}

TEST_CASE("network highlight: open goals with nobody to talk to") {
    Fixture f;
    // g3 has nobody; gDone has nobody but is done
    CHECK(goalsWithNobody(f.c) == std::vector<GoalId>{f.g3});
    f.c.links.put({LinkId{310}, f.peer, f.g3, ""});
    CHECK(goalsWithNobody(f.c).empty());
    f.c.links.erase(LinkId{301});
    f.c.links.erase(LinkId{302});
    CHECK(goalsWithNobody(f.c) == std::vector<GoalId>{f.g1});
}

TEST_CASE("network: intros touching a person") {
    Fixture f;
    CHECK(introsOf(f.c, f.mentor) == std::vector<IntroId>{IntroId{401}});
    CHECK(introsOf(f.c, f.peer) == std::vector<IntroId>{IntroId{401}});
    CHECK(introsOf(f.c, f.manager).empty());
}

TEST_CASE("overdue rule: around the cadence boundary") {
    Person p;
    p.cadenceDays = 30;
    const Date last = Date::fromYmd(2024, 1, 1);
    CHECK_FALSE(isOverdue(p, last, last));
    CHECK_FALSE(isOverdue(p, last, last.plusDays(29)));
    CHECK_FALSE(isOverdue(p, last, last.plusDays(30))); // exactly the cadence: still on time
    CHECK(isOverdue(p, last, last.plusDays(31)));       // one day past: overdue
    CHECK_FALSE(isOverdue(p, std::nullopt, last.plusDays(400))); // never talked, no plan
    p.cadenceDays = 0;                                           // no cadence: never overdue by it
    CHECK_FALSE(isOverdue(p, last, last.plusDays(400)));
}

TEST_CASE("overdue rule: a planned date that has passed") {
    Person p;
    const Date planned = Date::fromYmd(2024, 3, 10);
    p.nextPlanned = planned;
    CHECK_FALSE(isOverdue(p, std::nullopt, planned));               // today is the day
    CHECK(isOverdue(p, std::nullopt, planned.plusDays(1)));         // the day has passed
    CHECK_FALSE(isOverdue(p, planned, planned.plusDays(1)));        // and it happened
    CHECK(isOverdue(p, planned.plusDays(-5), planned.plusDays(1))); // talked before, not since
}
