// Diff of two plans: one test per kind of change, plus a randomised round trip:
// diff(a, apply(a, edits)) reports exactly the edited items.
#include "model/diff.hpp"
#include "model/document.hpp"
#include "model/edits.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <set>
#include <tuple>

using namespace horizons;

namespace {

struct Fixture {
    Board b = makeEmptyBoard();
    std::vector<HorizonId> cols; // 6 months, 2 years, 5 years
    Fixture() {
        for (const auto* h : orderedHorizons(b.content))
            cols.push_back(h->id);
    }
    GoalId goal(std::string title, std::size_t col = 0, double spec = 0.3) {
        Goal g;
        g.id = GoalId{b.nextId++};
        g.title = std::move(title);
        g.horizon = cols[col];
        g.specificity = spec;
        b.content.goals.put(g);
        return g.id;
    }
    PersonId person(std::string name, int trust = 3) {
        Person p;
        p.id = PersonId{b.nextId++};
        p.name = std::move(name);
        p.trust = trust;
        b.content.people.put(p);
        return p.id;
    }
    Goal& g(GoalId id) { return const_cast<Goal&>(*b.content.goals.find(id)); }
};

std::vector<ChangeKind> kinds(const std::vector<Change>& cs) {
    std::vector<ChangeKind> out;
    for (const auto& c : cs)
        out.push_back(c.kind);
    return out;
}

} // namespace

TEST_CASE("diff: identical contents have no changes") {
    Fixture f;
    f.goal("A");
    f.person("Sam");
    CHECK(diffContents(f.b.content, f.b.content).empty());
}

TEST_CASE("diff: goal added and removed carry the goal id and title") {
    Fixture f;
    const GoalId kept = f.goal("Kept");
    const GoalId gone = f.goal("Gone", 1);
    BoardContent before = f.b.content;
    f.b.content.goals.erase(gone);
    const GoalId added = f.goal("New one", 2);
    const auto cs = diffContents(before, f.b.content);
    REQUIRE(cs.size() == 2);
    CHECK(cs[0].kind == ChangeKind::GoalRemoved);
    CHECK(cs[0].goal == gone);
    CHECK(cs[0].fromHorizon == f.cols[1]);
    CHECK(cs[1].kind == ChangeKind::GoalAdded);
    CHECK(cs[1].goal == added);
    CHECK(cs[1].toHorizon == f.cols[2]);
    CHECK(describeChange(cs[1], before, f.b.content) == "Added \"New one\" in 5 years");
    CHECK(describeChange(cs[0], before, f.b.content) == "Removed \"Gone\" from 2 years");
    (void)kept;
}

TEST_CASE("diff: a goal moved to another horizon") {
    Fixture f;
    const GoalId a = f.goal("Lead a team", 1);
    BoardContent before = f.b.content;
    f.g(a).horizon = f.cols[0];
    f.g(a).order = 5; // reordering alone is not reported; the horizon change is
    const auto cs = diffContents(before, f.b.content);
    REQUIRE(cs.size() == 1);
    CHECK(cs[0].kind == ChangeKind::GoalMoved);
    CHECK(cs[0].goal == a);
    CHECK(cs[0].fromHorizon == f.cols[1]);
    CHECK(cs[0].toHorizon == f.cols[0]);
    CHECK(describeChange(cs[0], before, f.b.content) ==
          "Moved \"Lead a team\" from 2 years to 6 months");
}

TEST_CASE("diff: reordering within a column is not a change") {
    Fixture f;
    const GoalId a = f.goal("A");
    BoardContent before = f.b.content;
    f.g(a).order = 3;
    CHECK(diffContents(before, f.b.content).empty());
}

TEST_CASE("diff: firmed up across the direction/destination line") {
    Fixture f;
    const GoalId a = f.goal("Write a book", 2, 0.45);
    BoardContent before = f.b.content;
    f.g(a).specificity = 0.55; // small delta, but crosses the line
    const auto cs = diffContents(before, f.b.content);
    REQUIRE(cs.size() == 1);
    CHECK(cs[0].kind == ChangeKind::GoalFirmedUp);
    CHECK(cs[0].fromSpecificity == doctest::Approx(0.45));
    CHECK(cs[0].toSpecificity == doctest::Approx(0.55));
    CHECK(describeChange(cs[0], before, f.b.content) ==
          "Firmed up \"Write a book\" (45% -> 55% specific, now a destination)");
}

TEST_CASE("diff: firmed up by a meaningful delta within one kind; small nudges ignored") {
    Fixture f;
    const GoalId a = f.goal("A", 0, 0.55);
    const GoalId b = f.goal("B", 0, 0.55);
    BoardContent before = f.b.content;
    f.g(a).specificity = 0.80; // +0.25: reported
    f.g(b).specificity = 0.70; // +0.15, same kind: not reported
    const auto cs = diffContents(before, f.b.content);
    REQUIRE(cs.size() == 1);
    CHECK(cs[0].kind == ChangeKind::GoalFirmedUp);
    CHECK(cs[0].goal == a);
    CHECK(firmedUp(0.1, 0.35));
    CHECK_FALSE(firmedUp(0.1, 0.3));
    CHECK_FALSE(firmedUp(0.6, 0.4)); // that is loosening
}

TEST_CASE("diff: loosened toward a direction") {
    Fixture f;
    const GoalId a = f.goal("Become a manager", 1, 0.9);
    BoardContent before = f.b.content;
    f.g(a).specificity = 0.4;
    const auto cs = diffContents(before, f.b.content);
    REQUIRE(cs.size() == 1);
    CHECK(cs[0].kind == ChangeKind::GoalLoosened);
    CHECK(cs[0].goal == a);
    CHECK(loosened(0.9, 0.4));
}

TEST_CASE("diff: status changed") {
    Fixture f;
    const GoalId a = f.goal("Finish the course");
    BoardContent before = f.b.content;
    f.g(a).status = GoalStatus::Done;
    const auto cs = diffContents(before, f.b.content);
    REQUIRE(cs.size() == 1);
    CHECK(cs[0].kind == ChangeKind::GoalStatusChanged);
    CHECK(cs[0].fromStatus == GoalStatus::Idea);
    CHECK(cs[0].toStatus == GoalStatus::Done);
    CHECK(describeChange(cs[0], before, f.b.content) ==
          "Status of \"Finish the course\": Idea -> Done");
}

TEST_CASE("diff: renamed") {
    Fixture f;
    const GoalId a = f.goal("Old title");
    BoardContent before = f.b.content;
    f.g(a).title = "New title";
    const auto cs = diffContents(before, f.b.content);
    REQUIRE(cs.size() == 1);
    CHECK(cs[0].kind == ChangeKind::GoalRenamed);
    CHECK(cs[0].oldTitle == "Old title");
    CHECK(cs[0].title == "New title");
}

TEST_CASE("diff: one goal with several changes lists each, in a fixed order") {
    Fixture f;
    const GoalId a = f.goal("X", 2, 0.2);
    BoardContent before = f.b.content;
    f.g(a).title = "Y";
    f.g(a).status = GoalStatus::Active;
    f.g(a).specificity = 0.8;
    f.g(a).horizon = f.cols[1];
    CHECK(kinds(diffContents(before, f.b.content)) ==
          std::vector<ChangeKind>{ChangeKind::GoalMoved, ChangeKind::GoalFirmedUp,
                                  ChangeKind::GoalStatusChanged, ChangeKind::GoalRenamed});
}

TEST_CASE("diff: people added, removed and trust changed") {
    Fixture f;
    const PersonId sam = f.person("Sam", 2);
    const PersonId kim = f.person("Kim");
    BoardContent before = f.b.content;
    const_cast<Person*>(f.b.content.people.find(sam))->trust = 5;
    const_cast<Person*>(f.b.content.people.find(sam))->notes = "notes are not diffed";
    f.b.content.people.erase(kim);
    const PersonId lee = f.person("Lee");
    const auto cs = diffContents(before, f.b.content);
    REQUIRE(cs.size() == 3);
    CHECK(cs[0].kind == ChangeKind::PersonTrustChanged);
    CHECK(cs[0].person == sam);
    CHECK(cs[0].fromTrust == 2);
    CHECK(cs[0].toTrust == 5);
    CHECK(describeChange(cs[0], before, f.b.content) == "Trust in Sam: 2 -> 5");
    CHECK(cs[1].kind == ChangeKind::PersonRemoved);
    CHECK(cs[1].person == kim);
    CHECK(cs[2].kind == ChangeKind::PersonAdded);
    CHECK(cs[2].person == lee);
}

TEST_CASE("diff: links and introductions added and removed") {
    Fixture f;
    const GoalId g = f.goal("Move to product");
    const PersonId sam = f.person("Sam");
    const PersonId kim = f.person("Kim");
    f.b.content.links.put(GoalLink{LinkId{f.b.nextId++}, kim, g, {}});
    const LinkId oldLink = f.b.content.links.begin()->id;
    BoardContent before = f.b.content;
    f.b.content.links.erase(oldLink);
    const LinkId newLink{f.b.nextId++};
    f.b.content.links.put(GoalLink{newLink, sam, g, "the move"});
    const IntroId intro{f.b.nextId++};
    f.b.content.intros.put(Intro{intro, sam, kim});
    const auto cs = diffContents(before, f.b.content);
    REQUIRE(cs.size() == 3);
    CHECK(cs[0].kind == ChangeKind::LinkRemoved);
    CHECK(cs[0].link == oldLink);
    CHECK(cs[0].person == kim);
    CHECK(cs[0].goal == g);
    CHECK(cs[1].kind == ChangeKind::LinkAdded);
    CHECK(cs[1].link == newLink);
    CHECK(describeChange(cs[1], before, f.b.content) == "Linked Sam to \"Move to product\"");
    CHECK(cs[2].kind == ChangeKind::IntroAdded);
    CHECK(cs[2].intro == intro);
    CHECK(cs[2].otherPerson == kim);
}

TEST_CASE("diff: a link whose ends changed under the same id is removed + added") {
    Fixture f;
    const GoalId g1 = f.goal("A");
    const GoalId g2 = f.goal("B");
    const PersonId p = f.person("Sam");
    const LinkId l{f.b.nextId++};
    f.b.content.links.put(GoalLink{l, p, g1, {}});
    BoardContent before = f.b.content;
    f.b.content.links.put(GoalLink{l, p, g2, {}});
    CHECK(kinds(diffContents(before, f.b.content)) ==
          std::vector<ChangeKind>{ChangeKind::LinkRemoved, ChangeKind::LinkAdded});
}

TEST_CASE("diff: every change kind has a name") {
    for (int i = 0; i < kChangeKindCount; ++i)
        CHECK_FALSE(changeKindName(static_cast<ChangeKind>(i)).empty());
}

// ------------------------------------------------------------------------------ randomised

TEST_CASE("diff: randomised - diff(a, apply(a, edits)) reports exactly the edited items") {
    using Key = std::tuple<ChangeKind, std::uint64_t>;
    for (unsigned seed = 1; seed <= 60; ++seed) {
        CAPTURE(seed);
        std::mt19937 rng(seed);
        auto pick = [&](std::size_t n) {
            return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
        };
        Fixture f;
        for (int i = 0; i < 14; ++i)
            f.goal("goal " + std::to_string(i), pick(3),
                   std::uniform_real_distribution<double>(0, 1)(rng));
        for (int i = 0; i < 6; ++i)
            f.person("person " + std::to_string(i), 1 + static_cast<int>(pick(5)));
        Document doc(f.b);
        const BoardContent before = doc.content();

        std::vector<GoalId> goals;
        for (const auto& g : before.goals)
            goals.push_back(g.id);
        std::vector<PersonId> people;
        for (const auto& p : before.people)
            people.push_back(p.id);
        std::shuffle(goals.begin(), goals.end(), rng);
        std::shuffle(people.begin(), people.end(), rng);

        std::set<Key> expected;
        // Each goal/person is touched by at most one kind of edit, so nothing cancels out.
        std::size_t gi = 0, pi = 0;
        const int edits = 1 + static_cast<int>(pick(8));
        for (int e = 0; e < edits && gi < goals.size() && pi < people.size(); ++e) {
            const Board& b = doc.board();
            switch (pick(8)) {
            case 0: { // move to another horizon, same specificity
                const Goal& g = *b.content.goals.find(goals[gi++]);
                HorizonId to = f.cols[(std::find(f.cols.begin(), f.cols.end(), g.horizon) -
                                       f.cols.begin() + 1 + pick(2)) %
                                      3];
                GoalPlacement m{g.id, to, g.specificity, g.order};
                doc.apply(moveGoals(b, std::span(&m, 1)));
                expected.insert({ChangeKind::GoalMoved, g.id.value});
                break;
            }
            case 1: { // firm up or loosen across the line
                const Goal& g = *b.content.goals.find(goals[gi++]);
                const double s = g.kind() == GoalKind::Direction ? 0.9 : 0.1;
                GoalPlacement m{g.id, g.horizon, s, g.order};
                doc.apply(moveGoals(b, std::span(&m, 1)));
                expected.insert(
                    {s > 0.5 ? ChangeKind::GoalFirmedUp : ChangeKind::GoalLoosened, g.id.value});
                break;
            }
            case 2: {
                const GoalId id = goals[gi++];
                doc.apply(setGoalStatus(b, std::span(&id, 1), GoalStatus::Active));
                expected.insert({ChangeKind::GoalStatusChanged, id.value});
                break;
            }
            case 3: {
                const GoalId id = goals[gi++];
                doc.apply(renameGoal(b, id, "renamed " + std::to_string(e)));
                expected.insert({ChangeKind::GoalRenamed, id.value});
                break;
            }
            case 4: { // delete a goal: its links go too (and are reported)
                const GoalId id = goals[gi++];
                for (const GoalLink* l : linksOfGoal(b.content, id))
                    if (before.links.contains(l->id))
                        expected.insert({ChangeKind::LinkRemoved, l->id.value});
                    else
                        expected.erase({ChangeKind::LinkAdded, l->id.value});
                doc.apply(deleteGoals(b, std::span(&id, 1)));
                expected.insert({ChangeKind::GoalRemoved, id.value});
                break;
            }
            case 5: {
                Goal g;
                g.id = doc.newId<GoalId>();
                g.title = "added";
                g.horizon = f.cols[pick(3)];
                doc.apply(addGoal(doc.board(), g));
                expected.insert({ChangeKind::GoalAdded, g.id.value});
                break;
            }
            case 6: {
                const Person& p = *b.content.people.find(people[pi++]);
                doc.apply(setTrust(b, p.id, p.trust == 5 ? 1 : p.trust + 1, p.mapAngle));
                expected.insert({ChangeKind::PersonTrustChanged, p.id.value});
                break;
            }
            case 7: { // link a fresh goal to a fresh person
                const GoalId g = goals[gi++];
                const PersonId p = people[pi++];
                const LinkId l = doc.newId<LinkId>();
                doc.apply(linkPersonToGoal(doc.board(), l, p, g));
                expected.insert({ChangeKind::LinkAdded, l.value});
                break;
            }
            }
        }
        std::set<Key> got;
        for (const auto& c : diffContents(before, doc.content())) {
            std::uint64_t id = c.goal.value;
            if (c.kind == ChangeKind::PersonTrustChanged || c.kind == ChangeKind::PersonAdded ||
                c.kind == ChangeKind::PersonRemoved)
                id = c.person.value;
            if (c.kind == ChangeKind::LinkAdded || c.kind == ChangeKind::LinkRemoved)
                id = c.link.value;
            CHECK_MESSAGE(got.insert({c.kind, id}).second, "reported twice");
        }
        CHECK(got == expected);
        // And back: diff(after, before) mirrors it (added <-> removed).
        CHECK(diffContents(doc.content(), before).size() == got.size());
    }
}
