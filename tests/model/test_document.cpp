// Undo/redo and the invariants every edit keeps.
#include "model/document.hpp"
#include "model/edits.hpp"
#include "model/validate.hpp"
#include "random_edits.hpp"

#include <doctest/doctest.h>

#include <random>

using namespace horizons;

namespace {

struct Fixture {
    Document doc{makeEmptyBoard("Test"), 1000, IdSource::seeded(7)};
    std::vector<const Horizon*> cols() const { return orderedHorizons(doc.content()); }

    GoalId goal(std::string title, std::size_t col = 0, double spec = 0.5) {
        Goal g;
        g.id = doc.newId<GoalId>();
        g.title = std::move(title);
        g.horizon = cols()[col]->id;
        g.specificity = spec;
        REQUIRE(doc.apply(addGoal(doc.board(), g)));
        return g.id;
    }
    PersonId person(std::string name, int trust = 3) {
        Person p;
        p.id = doc.newId<PersonId>();
        p.name = std::move(name);
        p.trust = trust;
        REQUIRE(doc.apply(addPerson(doc.board(), p)));
        return p.id;
    }
    LinkId link(PersonId p, GoalId g) {
        const LinkId id = doc.newId<LinkId>();
        REQUIRE(doc.apply(linkPersonToGoal(doc.board(), id, p, g)));
        return id;
    }
};

} // namespace

TEST_CASE(
    "moving a goal to another horizon is one undo step that restores horizon and specificity") {
    Fixture f;
    const GoalId g = f.goal("Lead a team", 0, 0.9);
    const HorizonId far = f.cols()[2]->id;
    const GoalPlacement move{g, far, 0.2, 3};
    REQUIRE(f.doc.apply(moveGoals(f.doc.board(), {&move, 1})));
    CHECK(f.doc.content().goals.find(g)->horizon == far);
    CHECK(f.doc.content().goals.find(g)->specificity == doctest::Approx(0.2));
    CHECK(f.doc.undoLabel() == "Move goal");
    REQUIRE(f.doc.undo());
    CHECK(f.doc.content().goals.find(g)->horizon == f.cols()[0]->id);
    CHECK(f.doc.content().goals.find(g)->specificity == doctest::Approx(0.9));
    REQUIRE(f.doc.redo());
    CHECK(f.doc.content().goals.find(g)->horizon == far);
}

TEST_CASE("edits of one gesture merge into a single undo step") {
    Fixture f;
    const GoalId g = f.goal("Draft", 0, 0.5);
    const std::size_t depth = f.doc.undoDepth();
    const std::uint64_t gesture = 42;
    for (int i = 1; i <= 20; ++i) {
        const GoalPlacement m{g, f.cols()[i % 3]->id, i / 20.0, 0};
        REQUIRE(f.doc.apply(moveGoals(f.doc.board(), {&m, 1}), gesture));
    }
    CHECK(f.doc.undoDepth() == depth + 1);
    f.doc.undo();
    CHECK(f.doc.content().goals.find(g)->specificity == doctest::Approx(0.5));
    CHECK(f.doc.content().goals.find(g)->horizon == f.cols()[0]->id);

    SUBCASE("a new gesture with the same key starts a new step") {
        f.doc.redo();
        f.doc.endGesture();
        const GoalPlacement m{g, f.cols()[0]->id, 0.1, 0};
        f.doc.apply(moveGoals(f.doc.board(), {&m, 1}), gesture);
        CHECK(f.doc.undoDepth() == depth + 2);
    }
}

TEST_CASE("deleting a goal removes its links and references; undo brings them all back") {
    Fixture f;
    const GoalId big = f.goal("Move into product", 2, 0.1);
    const GoalId small = f.goal("Shadow a PM", 0, 0.9);
    Goal s = *f.doc.content().goals.find(small);
    s.serves = big;
    f.doc.apply(updateGoal(f.doc.board(), s));
    const PersonId sam = f.person("Sam");
    f.link(sam, big);
    Conversation c{f.doc.newId<ConversationId>(), Date::fromYmd(2026, 1, 5), sam, {big}, "", {}, ""};
    f.doc.apply(logConversation(f.doc.board(), c));
    const Board before = f.doc.board();

    const GoalId ids[] = {big};
    REQUIRE(f.doc.apply(deleteGoals(f.doc.board(), ids)));
    CHECK_FALSE(f.doc.content().goals.contains(big));
    CHECK(f.doc.content().links.empty());
    CHECK_FALSE(f.doc.content().goals.find(small)->serves);
    CHECK(f.doc.content().conversations.begin()->goals.empty());
    CHECK_FALSE(validateBoard(f.doc.board()));

    f.doc.undo();
    CHECK(f.doc.board() == before);
}

TEST_CASE("deleting a person removes their links and introductions, keeps the log under a former "
          "contact; undo restores them") {
    Fixture f;
    const GoalId g = f.goal("Speak at a conference");
    const PersonId a = f.person("Ana"), b = f.person("Ben");
    f.link(a, g);
    f.doc.apply(addIntro(f.doc.board(), f.doc.newId<IntroId>(), a, b));
    f.doc.apply(logConversation(
        f.doc.board(), Conversation{f.doc.newId<ConversationId>(), Date{20000}, a, {g}, "n", {}, ""}));
    const Board before = f.doc.board();
    const PersonId ids[] = {a};
    f.doc.apply(deletePeople(f.doc.board(), ids));
    CHECK(f.doc.content().links.empty());
    CHECK(f.doc.content().intros.empty());
    REQUIRE(f.doc.content().conversations.size() == 1); // it happened: it stays history
    const Conversation& kept = *f.doc.content().conversations.begin();
    CHECK(kept.person == PersonId{});
    CHECK(kept.formerContact == "Ana");
    CHECK(kept.notes == "n");
    CHECK_FALSE(validateBoard(f.doc.board()));
    f.doc.undo();
    CHECK(f.doc.board() == before);
}

TEST_CASE("removing a horizon moves its goals where the user says; the last horizon stays") {
    Fixture f;
    const GoalId g = f.goal("Learn SQL", 1);
    const auto cols = f.cols();
    CHECK(removeHorizon(f.doc.board(), cols[1]->id, cols[1]->id).empty());
    REQUIRE(f.doc.apply(removeHorizon(f.doc.board(), cols[1]->id, cols[0]->id)));
    CHECK(f.doc.content().goals.find(g)->horizon == cols[0]->id);
    CHECK(f.doc.content().horizons.size() == 2);
    const auto rest = f.cols();
    f.doc.apply(removeHorizon(f.doc.board(), rest[1]->id, rest[0]->id));
    CHECK(removeHorizon(f.doc.board(), rest[0]->id, rest[0]->id).empty());
    CHECK(f.doc.content().horizons.size() == 1);
}

TEST_CASE("invariants: specificity clamped, trust 1..5, titles never empty, UTF-8 kept exactly") {
    Fixture f;
    const GoalId g = f.goal("  ", 0, 7.0);
    CHECK(f.doc.content().goals.find(g)->specificity == 1.0);
    CHECK(f.doc.content().goals.find(g)->title == "Untitled goal");
    const GoalId nan = f.goal("x", 0, std::nan(""));
    CHECK(f.doc.content().goals.find(nan)->specificity == 0.5);
    const PersonId p = f.person("", 9);
    CHECK(f.doc.content().people.find(p)->trust == 5);
    CHECK(f.doc.content().people.find(p)->name == "Unnamed");
    f.doc.apply(setTrust(f.doc.board(), p, -3, 1.0));
    CHECK(f.doc.content().people.find(p)->trust == 1);
    const std::string text = " Zürich — 東京 🚀 ";
    f.doc.apply(renameGoal(f.doc.board(), g, text));
    CHECK(f.doc.content().goals.find(g)->title == text);
}

TEST_CASE("ids are never reused, even after undo") {
    Fixture f;
    const GoalId a = f.goal("a");
    f.doc.undo();
    const GoalId b = f.goal("b");
    CHECK(b != a);
    CHECK(b.value > a.value);
}

TEST_CASE("stateId tells saved from unsaved across undo and redo") {
    Fixture f;
    const std::uint64_t saved = f.doc.stateId();
    f.goal("a");
    CHECK(f.doc.stateId() != saved);
    f.doc.undo();
    CHECK(f.doc.stateId() == saved);
    f.doc.redo();
    CHECK(f.doc.stateId() != saved);
}

TEST_CASE("restoring a snapshot snapshots the current board first and is one undo step") {
    Fixture f;
    const GoalId g = f.goal("Before");
    const SnapshotId snap = f.doc.newId<SnapshotId>();
    f.doc.apply(takeSnapshot(f.doc.board(), snap, "Review", "", 100));
    f.doc.apply(renameGoal(f.doc.board(), g, "After"));
    const BoardContent moved = f.doc.content();
    REQUIRE(f.doc.apply(restoreSnapshot(f.doc.board(), snap, f.doc.newId<SnapshotId>(), 200)));
    CHECK(f.doc.content().goals.find(g)->title == "Before");
    CHECK(f.doc.board().snapshots.size() == 2);
    CHECK(f.doc.board().snapshots.items().back().content == moved);
    f.doc.undo();
    CHECK(f.doc.content() == moved);
    CHECK(f.doc.board().snapshots.size() == 1);
}

TEST_CASE("property: random edits, undo all gives the initial board, redo all the final one") {
    for (unsigned seed = 1; seed <= 30; ++seed) {
        Fixture f;
        std::mt19937 rng(seed);
        f.goal("seed goal");
        f.person("seed person");
        const Board initial = f.doc.board();
        std::size_t steps = 0;
        for (int i = 0; i < 120; ++i) {
            Edit e = test::randomEdit(f.doc, rng, i);
            if (f.doc.apply(std::move(e))) ++steps;
            INFO("seed " << seed << " step " << i);
            REQUIRE_FALSE(validateBoard(f.doc.board()));
        }
        Board final = f.doc.board();
        for (std::size_t k = 0; k < steps; ++k)
            REQUIRE(f.doc.undo());
        final.nextId = f.doc.board().nextId; // the id counter only grows; it is not undone
        Board expectedInitial = initial;
        expectedInitial.nextId = f.doc.board().nextId;
        CHECK(f.doc.board() == expectedInitial);
        while (f.doc.redo()) {
        }
        CHECK_FALSE(f.doc.canRedo());
        CHECK(f.doc.board() == final);
        CHECK(steps > 20);
    }
}

TEST_CASE("history of 1,000 single-card moves on a 10,000-goal board stays small") {
    Board b = makeEmptyBoard();
    const auto cols = orderedHorizons(b.content);
    std::vector<Goal> goals;
    for (int i = 0; i < 10000; ++i) {
        Goal g;
        g.id = GoalId{b.nextId++};
        g.title = "Goal number " + std::to_string(i) + " with a realistic title";
        g.horizon = cols[static_cast<std::size_t>(i) % 3]->id;
        goals.push_back(std::move(g));
    }
    b.content.goals.assign(std::move(goals));
    Document doc(std::move(b));
    const auto& items = doc.content().goals.items();
    for (int i = 0; i < 1000; ++i) {
        const GoalPlacement m{items[static_cast<std::size_t>(i * 7) % items.size()].id,
                              cols[static_cast<std::size_t>(i) % 3]->id, 0.3, double(i)};
        REQUIRE(doc.apply(moveGoals(doc.board(), {&m, 1})));
    }
    CHECK(doc.undoDepth() == 1000);
    CHECK(doc.historyBytes() < 50u * 1024 * 1024);
    CHECK(doc.historyBytes() < 2u * 1024 * 1024); // a goal value per step, not a board
}
