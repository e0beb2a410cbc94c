// Three-way merge of boards (merge.hpp): examples of each rule and conflict kind, then
// properties over random edit sequences applied to two copies of one base.
#include "model/document.hpp"
#include "model/edits.hpp"
#include "model/merge.hpp"
#include "model/validate.hpp"
#include "random_edits.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <type_traits>

using namespace horizons;

namespace {

// A base board with a goal linked to a person, and two documents copied from it.
struct Copies {
    GoalId goal; // (before `base`: makeBase sets them)
    PersonId sam;
    LinkId link;
    Board base;
    Document ours, theirs;

    static Board makeBase(GoalId& goal, PersonId& sam, LinkId& link) {
        Document d(makeEmptyBoard("Plan"), 1000, IdSource::seeded(1));
        Goal g;
        g.id = goal = d.newId<GoalId>();
        g.title = "Lead a team";
        g.horizon = orderedHorizons(d.content())[1]->id;
        d.apply(addGoal(d.board(), g));
        Person p;
        p.id = sam = d.newId<PersonId>();
        p.name = "Sam";
        d.apply(addPerson(d.board(), p));
        link = d.newId<LinkId>();
        d.apply(linkPersonToGoal(d.board(), link, sam, goal));
        return d.board();
    }
    Copies()
        : goal(), sam(), link(), base(makeBase(goal, sam, link)),
          ours(base, 1000, IdSource::seeded(2)), theirs(base, 1000, IdSource::seeded(3)) {}

    MergeResult merge(const MergeChoices& c = {}) {
        return mergeBoards(base, ours.board(), theirs.board(), c);
    }
    static void rename(Document& d, GoalId g, const char* t) {
        REQUIRE(d.apply(renameGoal(d.board(), g, t)));
    }
    static GoalId addGoalTo(Document& d, const char* title, std::size_t col = 0) {
        Goal g;
        g.id = d.newId<GoalId>();
        g.title = title;
        g.horizon = orderedHorizons(d.content())[col]->id;
        REQUIRE(d.apply(addGoal(d.board(), g)));
        return g.id;
    }
};

void deleteGoal(Document& d, GoalId g) {
    const GoalId ids[] = {g};
    REQUIRE(d.apply(deleteGoals(d.board(), ids)));
}

} // namespace

TEST_CASE("merge: changes to different goals and to different fields of one goal both arrive") {
    Copies c;
    const GoalId mine = Copies::addGoalTo(c.ours, "Write a blog");
    const GoalId yours = Copies::addGoalTo(c.theirs, "Give a talk");
    Copies::rename(c.ours, c.goal, "Lead a small team");
    Goal g = *c.theirs.content().goals.find(c.goal);
    g.notes = "ask Sam first";
    g.tags = {"people"};
    REQUIRE(c.theirs.apply(updateGoal(c.theirs.board(), g)));

    const MergeResult r = c.merge();
    CHECK(r.clean());
    CHECK(r.repairs.empty());
    const auto& goals = r.board.content.goals;
    CHECK(goals.contains(mine));
    CHECK(goals.contains(yours));
    CHECK(goals.find(c.goal)->title == "Lead a small team");
    CHECK(goals.find(c.goal)->notes == "ask Sam first");
    CHECK(goals.find(c.goal)->tags == std::vector<std::string>{"people"});
    CHECK_FALSE(validateBoard(r.board));
}

TEST_CASE("merge: the same field changed differently is a conflict; ours, theirs or both") {
    Copies c;
    Copies::rename(c.ours, c.goal, "Lead the platform team");
    Copies::rename(c.theirs, c.goal, "Lead a product team");
    MergeResult r = c.merge();
    REQUIRE(r.conflicts.size() == 1);
    const MergeConflict k = r.conflicts[0];
    CHECK(k.kind == EntityKind::Goal);
    CHECK(k.id == c.goal.value);
    CHECK(k.field == "title");
    CHECK(k.what == ConflictKind::BothChanged);
    CHECK(k.ours == "\"Lead the platform team\"");
    CHECK(k.theirs == "\"Lead a product team\"");
    CHECK(k.canKeepBoth());
    CHECK(r.unresolved() == 1);
    CHECK(r.board.content.goals.find(c.goal)->title == "Lead the platform team"); // ours so far
    CHECK(describeConflict(k) == "goal \"Lead the platform team\" (id " +
                                     std::to_string(c.goal.value) +
                                     "): title: ours \"Lead the platform team\" | theirs \"Lead "
                                     "a product team\"");

    MergeChoices pick;
    pick.choose(k, Resolution::Theirs);
    r = c.merge(pick);
    CHECK(r.unresolved() == 0);
    CHECK(r.board.content.goals.find(c.goal)->title == "Lead a product team");

    pick.choose(k, Resolution::Both);
    r = c.merge(pick);
    CHECK(r.unresolved() == 0);
    REQUIRE(r.board.content.goals.size() == 2);
    const Goal& kept = *r.board.content.goals.find(c.goal);
    const Goal& other = r.board.content.goals.items()[0].id == c.goal
                            ? r.board.content.goals.items()[1]
                            : r.board.content.goals.items()[0];
    CHECK(kept.title == "Lead the platform team");
    CHECK(other.title == "Lead a product team");
    CHECK_FALSE(idInUse(c.base, other.id.value));
    CHECK(r.board.content.links.find(c.link)->goal == c.goal); // links stay with ours
    CHECK_FALSE(validateBoard(r.board));
}

TEST_CASE("merge: an edit against a deletion is a conflict, from either side") {
    Copies c;
    deleteGoal(c.ours, c.goal);
    Copies::rename(c.theirs, c.goal, "Lead two teams");
    MergeResult r = c.merge();
    REQUIRE(r.conflicts.size() == 1);
    CHECK(r.conflicts[0].what == ConflictKind::OursDeleted);
    CHECK(r.conflicts[0].ours == "(deleted)");
    CHECK(r.conflicts[0].theirs == "edited: title");
    CHECK_FALSE(r.conflicts[0].canKeepBoth());
    CHECK_FALSE(r.board.content.goals.contains(c.goal)); // ours: deleted
    CHECK_FALSE(validateBoard(r.board));

    MergeChoices keep;
    CHECK_FALSE(keep.choose(r.conflicts[0], Resolution::Both));
    keep.choose(r.conflicts[0], Resolution::Theirs);
    r = c.merge(keep);
    CHECK(r.board.content.goals.find(c.goal)->title == "Lead two teams");
    CHECK_FALSE(validateBoard(r.board));

    // The mirror image.
    const MergeResult m = mergeBoards(c.base, c.theirs.board(), c.ours.board());
    REQUIRE(m.conflicts.size() == 1);
    CHECK(m.conflicts[0].what == ConflictKind::TheirsDeleted);
    CHECK(m.board.content.goals.find(c.goal)->title == "Lead two teams"); // ours: kept
}

TEST_CASE("merge: a deletion on one side of something the other left alone is taken") {
    Copies c;
    deleteGoal(c.ours, c.goal);
    const MergeResult r = c.merge();
    CHECK(r.clean());
    CHECK(r.board.content.goals.empty());
    CHECK(r.board.content.links.empty());
}

TEST_CASE("merge: a link to a goal deleted on the other side goes; the board stays sound") {
    Copies c;
    deleteGoal(c.ours, c.goal);
    Person p;
    p.id = c.theirs.newId<PersonId>();
    p.name = "Kim";
    c.theirs.apply(addPerson(c.theirs.board(), p));
    c.theirs.apply(linkPersonToGoal(c.theirs.board(), c.theirs.newId<LinkId>(), p.id, c.goal));
    c.theirs.apply(logConversation(
        c.theirs.board(),
        Conversation{c.theirs.newId<ConversationId>(), Date{20000}, p.id, {c.goal}, "", {}, ""}));
    const MergeResult r = c.merge();
    CHECK(r.clean());
    CHECK(r.board.content.people.contains(p.id));
    CHECK(r.board.content.links.empty());
    CHECK(r.board.content.conversations.items().front().goals.empty());
    CHECK_FALSE(r.repairs.empty());
    CHECK_FALSE(validateBoard(r.board));
}

TEST_CASE("merge: a goal added to a horizon the other side removed moves to the closest one") {
    Copies c;
    const auto cols = orderedHorizons(c.base.content); // 6 months, 2 years, 5 years
    REQUIRE(c.ours.apply(removeHorizon(c.ours.board(), cols[2]->id, cols[0]->id)));
    const GoalId g = Copies::addGoalTo(c.theirs, "Found a company", 2);
    const MergeResult r = c.merge();
    CHECK(r.clean());
    CHECK(r.board.content.goals.find(g)->horizon == cols[1]->id); // 2 years is closest to 5
    CHECK(r.repairs.size() == 1);
    CHECK_FALSE(validateBoard(r.board));
}

TEST_CASE("merge: the board's settings and hints merge field by field") {
    Copies c;
    BoardMeta m = c.ours.content().meta;
    m.title = "Ours";
    m.settings.dismissedBoardHints = 1;
    c.ours.apply(setMeta(c.ours.board(), m));
    m = c.theirs.content().meta;
    m.title = "Theirs";
    m.settings.dismissedBoardHints = 4;
    m.settings.beyondOrgTrust = 5;
    c.theirs.apply(setMeta(c.theirs.board(), m));
    const MergeResult r = c.merge();
    REQUIRE(r.conflicts.size() == 1);
    CHECK(r.conflicts[0].kind == EntityKind::Board);
    CHECK(r.conflicts[0].field == "title");
    CHECK(r.board.content.meta.settings.dismissedBoardHints == 5); // both dismissals kept
    CHECK(r.board.content.meta.settings.beyondOrgTrust == 5);
}

TEST_CASE("merge: both sides adding under one id (older sequential ids) is a conflict") {
    // Two copies of an old file, each extended by an old version: both made goal 10.
    Board base = makeEmptyBoard();
    Board a = base, b = base;
    Goal g;
    g.id = GoalId{10};
    g.horizon = HorizonId{1};
    g.title = "Learn Rust";
    a.content.goals.put(g);
    g.title = "Learn Go";
    b.content.goals.put(g);
    a.nextId = b.nextId = 11;
    MergeResult r = mergeBoards(base, a, b);
    REQUIRE(r.conflicts.size() == 1);
    CHECK(r.conflicts[0].what == ConflictKind::BothAdded);
    MergeChoices both;
    both.choose(r.conflicts[0], Resolution::Both);
    IdSource ids = IdSource::seeded(4);
    r = mergeBoards(base, a, b, both, &ids);
    std::set<std::string> titles;
    for (const Goal& x : r.board.content.goals)
        titles.insert(x.title);
    CHECK(titles == std::set<std::string>{"Learn Go", "Learn Rust"});
    CHECK_FALSE(validateBoard(r.board));
}

TEST_CASE("merge: snapshots are a union by id; one deleted on one side goes") {
    Copies c;
    REQUIRE(c.ours.apply(takeSnapshot(c.ours.board(), c.ours.newId<SnapshotId>(), "Mine", "", 1)));
    const SnapshotId shared = c.theirs.newId<SnapshotId>();
    REQUIRE(c.theirs.apply(takeSnapshot(c.theirs.board(), shared, "Yours", "", 2)));
    c.base = c.theirs.board(); // the shared snapshot is in the base now
    c.ours.apply(takeSnapshot(c.ours.board(), shared, "Yours", "", 2));
    // (the same snapshot value on both sides, as after a sync)
    Board ours = c.ours.board();
    ours.snapshots.put(*c.theirs.board().snapshots.find(shared));
    Board theirs = c.theirs.board();
    REQUIRE(theirs.snapshots.erase(shared));
    REQUIRE(
        c.theirs.apply(takeSnapshot(c.theirs.board(), c.theirs.newId<SnapshotId>(), "New", "", 3)));
    theirs.snapshots.put(c.theirs.board().snapshots.items().back());
    const MergeResult r = mergeBoards(c.base, ours, theirs);
    std::set<std::string> names;
    for (const Snapshot& s : r.board.snapshots)
        names.insert(s.name);
    CHECK(names == std::set<std::string>{"Mine", "New"}); // "Yours" was deleted by theirs
}

TEST_CASE("merge: applied as one undo step; undo gives the board as it was") {
    Copies c;
    Copies::addGoalTo(c.theirs, "Give a talk");
    Copies::rename(c.theirs, c.goal, "Lead a big team");
    Copies::addGoalTo(c.ours, "Write a blog");
    const Board before = c.ours.board();
    const MergeResult r = c.merge();
    REQUIRE(r.clean());
    const std::size_t depth = c.ours.undoDepth();
    REQUIRE(c.ours.apply(editToBoard(c.ours.board(), r.board)));
    CHECK(c.ours.undoDepth() == depth + 1);
    CHECK(c.ours.board() == r.board);
    CHECK(c.ours.undoLabel() == "Merge changes");
    c.ours.undo();
    Board expected = before;
    expected.nextId = c.ours.board().nextId; // the id counter only grows; it is not undone
    CHECK(c.ours.board() == expected);
    CHECK(editToBoard(r.board, r.board).empty());
}

TEST_CASE("merge: base for two copies without one: their newest common snapshot, else empty") {
    Copies c;
    const SnapshotId older = c.ours.newId<SnapshotId>();
    c.ours.apply(takeSnapshot(c.ours.board(), older, "Older", "", 100));
    Copies::rename(c.ours, c.goal, "Renamed before the newer snapshot");
    const SnapshotId newer = c.ours.newId<SnapshotId>();
    c.ours.apply(takeSnapshot(c.ours.board(), newer, "Newer", "", 200));
    Board a = c.ours.board(), b = c.ours.board();
    Board onlyA = a;
    onlyA.snapshots.erase(newer); // b still has it, a does not: the older one is common
    bool found = false;
    Board base = baseFromSnapshots(a, b, &found);
    CHECK(found);
    CHECK(base.content == a.snapshots.find(newer)->content);
    base = baseFromSnapshots(onlyA, b, &found);
    CHECK(found);
    CHECK(base.content == a.snapshots.find(older)->content);
    CHECK(base.snapshots.size() == 1);

    base = baseFromSnapshots(makeEmptyBoard(), c.theirs.board(), &found);
    CHECK_FALSE(found);
    CHECK(base.content.goals.empty());
    // Without a base only additions merge cleanly: the same goal on both sides is kept once.
    const MergeResult r = mergeBoards(base, c.theirs.board(), c.theirs.board());
    CHECK(r.clean());
    CHECK(r.board == c.theirs.board());
}

// ----------------------------------------------------------------------------- properties

namespace {

std::set<std::uint64_t> allIds(const Board& b) {
    std::set<std::uint64_t> out;
    auto add = [&out](const BoardContent& c) {
        for (const auto& x : c.horizons)
            out.insert(x.id.value);
        for (const auto& x : c.goals)
            out.insert(x.id.value);
        for (const auto& x : c.people)
            out.insert(x.id.value);
        for (const auto& x : c.links)
            out.insert(x.id.value);
        for (const auto& x : c.intros)
            out.insert(x.id.value);
        for (const auto& x : c.conversations)
            out.insert(x.id.value);
    };
    add(b.content);
    for (const auto& s : b.snapshots) {
        out.insert(s.id.value);
        add(s.content);
    }
    return out;
}

Board editRandomly(const Board& from, unsigned seed, int steps) {
    Document d(from, 1000, IdSource::seeded(seed));
    std::mt19937 rng(seed);
    for (int i = 0; i < steps; ++i)
        d.apply(test::randomEdit(d, rng, i));
    return d.board();
}

bool hasConflict(const MergeResult& r, EntityKind k, std::uint64_t id) {
    return std::any_of(r.conflicts.begin(), r.conflicts.end(),
                       [&](const MergeConflict& c) { return c.kind == k && c.id == id; });
}

// Whether `x` refers to a goal or person `side` deleted that the merge kept anyway (the other
// side's edit won): then what that deletion took along on `side` comes back.
bool revived(GoalId g, const BoardContent& side, const BoardContent& merged) {
    return g && !side.goals.contains(g) && merged.goals.contains(g);
}
bool revived(PersonId p, const BoardContent& side, const BoardContent& merged) {
    return !side.people.contains(p) && merged.people.contains(p);
}
template <class T> bool revived(const T& x, const BoardContent& side, const BoardContent& m) {
    if constexpr (std::is_same_v<T, GoalLink>)
        return revived(x.goal, side, m) || revived(x.person, side, m);
    else if constexpr (std::is_same_v<T, Intro>)
        return revived(x.from, side, m) || revived(x.to, side, m);
    else if constexpr (std::is_same_v<T, Conversation>)
        return revived(x.person, side, m) ||
               std::any_of(x.goals.begin(), x.goals.end(),
                           [&](GoalId g) { return revived(g, side, m); });
    else if constexpr (std::is_same_v<T, Goal>)
        return revived(x.serves, side, m);
    else
        return false;
}

// Every entity one side changed (or added, or deleted) and the other left alone is in the
// merge as that side has it, unless it is in a conflict or refers to something the merge
// lost (then the repairs took care of it).
template <class T> void checkOneSidedChanges(const Table<T>& base, const Table<T>& side,
                                             const Table<T>& other, const Table<T>& merged,
                                             const MergeResult& r, EntityKind kind,
                                             bool (*refsGone)(const T&, const BoardContent&),
                                             const BoardContent& sideContent) {
    for (const T& s : side) {
        const T* b = base.find(s.id);
        const T* o = other.find(s.id);
        if ((b && s == *b) || (b ? !(o && *o == *b) : o != nullptr)) continue; // not one-sided
        if (hasConflict(r, kind, s.id.value) || refsGone(s, r.board.content)) continue;
        if (b && revived(*b, sideContent, r.board.content)) continue; // its references came back
        INFO(entityKindName(kind) << " " << s.id.value);
        REQUIRE(merged.find(s.id));
        CHECK(*merged.find(s.id) == s);
    }
    const bool horizonsRestored =
        std::any_of(r.repairs.begin(), r.repairs.end(),
                    [](const std::string& s) { return s.rfind("the horizons", 0) == 0; });
    if (kind == EntityKind::Horizon && horizonsRestored) return;
    for (const T& b : base)
        if (!side.contains(b.id) && other.find(b.id) && *other.find(b.id) == b &&
            !revived(b, sideContent, r.board.content)) {
            INFO(entityKindName(kind) << " " << b.id.value << " deleted on one side");
            CHECK_FALSE(merged.contains(b.id));
        }
}

void checkKeepsEdits(const Board& base, const Board& a, const Board& b, const MergeResult& r) {
    const BoardContent &cb = base.content, &ca = a.content, &co = b.content, &cm = r.board.content;
    auto never = [](const auto&, const BoardContent&) { return false; };
    auto goalRefs = [](const Goal& g, const BoardContent& m) {
        return !m.horizons.contains(g.horizon) || (g.serves && !m.goals.contains(g.serves));
    };
    auto linkRefs = [](const GoalLink& l, const BoardContent& m) {
        if (!m.goals.contains(l.goal) || !m.people.contains(l.person)) return true;
        for (const GoalLink& x : m.links) // a duplicate of a link made on the other side
            if (x.person == l.person && x.goal == l.goal && x.id != l.id) return true;
        return false;
    };
    auto introRefs = [](const Intro& i, const BoardContent& m) {
        if (!m.people.contains(i.from) || !m.people.contains(i.to)) return true;
        for (const Intro& x : m.intros) // a duplicate of one made on the other side
            if (x.from == i.from && x.to == i.to && x.id != i.id) return true;
        return false;
    };
    auto convRefs = [](const Conversation& v, const BoardContent& m) {
        if (!m.people.contains(v.person)) return true;
        return std::any_of(v.goals.begin(), v.goals.end(),
                           [&](GoalId g) { return !m.goals.contains(g); });
    };
    for (const auto& [side, other] : {std::pair{&ca, &co}, std::pair{&co, &ca}}) {
        checkOneSidedChanges<Horizon>(cb.horizons, side->horizons, other->horizons, cm.horizons, r,
                                      EntityKind::Horizon, never, *side);
        checkOneSidedChanges<Goal>(cb.goals, side->goals, other->goals, cm.goals, r,
                                   EntityKind::Goal, goalRefs, *side);
        checkOneSidedChanges<Person>(cb.people, side->people, other->people, cm.people, r,
                                     EntityKind::Person, never, *side);
        checkOneSidedChanges<GoalLink>(cb.links, side->links, other->links, cm.links, r,
                                       EntityKind::Link, linkRefs, *side);
        checkOneSidedChanges<Intro>(cb.intros, side->intros, other->intros, cm.intros, r,
                                    EntityKind::Intro, introRefs, *side);
        checkOneSidedChanges<Conversation>(cb.conversations, side->conversations,
                                           other->conversations, cm.conversations, r,
                                           EntityKind::Conversation, convRefs, *side);
    }
    // Field level: a title, notes or status only one side changed arrives, unless the goal is
    // in a conflict (then the user decides).
    for (const Goal& g : cb.goals) {
        const Goal *x = ca.goals.find(g.id), *y = co.goals.find(g.id), *m = cm.goals.find(g.id);
        if (!x || !y || !m || hasConflict(r, EntityKind::Goal, g.id.value)) continue;
        for (const auto& [mine, yours] : {std::pair{x, y}, std::pair{y, x}}) {
            if (mine->title != g.title && yours->title == g.title) CHECK(m->title == mine->title);
            if (mine->notes != g.notes && yours->notes == g.notes) CHECK(m->notes == mine->notes);
            if (mine->status != g.status && yours->status == g.status)
                CHECK(m->status == mine->status);
        }
    }
}

} // namespace

TEST_CASE("merge properties over random edits of two copies of one base") {
    std::size_t conflicts = 0, cleanMerges = 0;
    constexpr unsigned kSeeds = 80; // 1,500 also pass (about 30 s with ASan)
    for (unsigned seed = 1; seed <= kSeeds; ++seed) {
        CAPTURE(seed);
        const Board base = editRandomly(makeEmptyBoard("Base"), 1000 + seed, 30);
        const Board a = editRandomly(base, 2000 + seed, 25);
        const Board b = editRandomly(base, 3000 + seed, 25);

        // Ids minted in the two copies never collide.
        const std::set<std::uint64_t> inBase = allIds(base);
        for (std::uint64_t id : allIds(a))
            if (!inBase.count(id)) REQUIRE_FALSE(allIds(b).count(id));

        // Identities.
        const MergeResult onlyA = mergeBoards(base, a, base);
        CHECK(onlyA.clean());
        CHECK(onlyA.board == a);
        const MergeResult onlyB = mergeBoards(base, base, b);
        CHECK(onlyB.clean());
        CHECK(onlyB.board == b);
        const MergeResult same = mergeBoards(base, a, a);
        CHECK(same.clean());
        CHECK(same.board == a);

        // Symmetric apart from which side a conflict reports first.
        MergeChoices preferFirst, preferSecond;
        preferFirst.fallback = Resolution::Ours;
        preferSecond.fallback = Resolution::Theirs;
        const MergeResult ab = mergeBoards(base, a, b, preferFirst);
        const MergeResult ba = mergeBoards(base, b, a, preferSecond);
        CHECK(ab.board == ba.board);
        REQUIRE(ab.conflicts.size() == ba.conflicts.size());
        for (std::size_t i = 0; i < ab.conflicts.size(); ++i) {
            const MergeConflict &x = ab.conflicts[i], &y = ba.conflicts[i];
            CHECK(x.id == y.id);
            CHECK(x.field == y.field);
            CHECK(x.ours == y.theirs);
            CHECK(x.theirs == y.ours);
        }
        CHECK_FALSE(validateBoard(ab.board));
        const MergeResult abTheirs = mergeBoards(base, a, b, preferSecond);
        CHECK_FALSE(validateBoard(abTheirs.board));

        // Every non-conflicting edit of both sides is in the merge.
        checkKeepsEdits(base, a, b, ab);
        checkKeepsEdits(base, a, b, abTheirs);
        conflicts += ab.conflicts.size();
        cleanMerges += ab.clean() ? 1 : 0;
    }
    MESSAGE(conflicts << " conflicts, " << cleanMerges << " clean merges of " << kSeeds);
    CHECK(conflicts > 0);   // the generator does reach conflicts...
    CHECK(cleanMerges > 0); // ... and clean merges
}

TEST_CASE("merge: keeping a goal edited on the other side brings back what our delete took") {
    Copies c;
    Goal small;
    small.id = GoalId{c.base.nextId + 100};
    small.title = "Shadow a PM";
    small.horizon = c.base.content.goals.find(c.goal)->horizon;
    small.serves = c.goal;
    c.base.content.goals.put(small);
    c.base.content.conversations.put(
        Conversation{ConversationId{c.base.nextId + 101}, Date{20000}, c.sam, {c.goal}, "", {}, ""});
    c.base.nextId += 102;
    c.ours.reset(c.base);
    c.theirs.reset(c.base);
    deleteGoal(c.ours, c.goal); // takes the link, the serves and the log's mention along
    Copies::rename(c.theirs, c.goal, "Lead two teams");
    MergeResult r = c.merge();
    REQUIRE(r.conflicts.size() == 1);
    MergeChoices keep;
    keep.choose(r.conflicts[0], Resolution::Theirs);
    r = c.merge(keep);
    CHECK(r.conflicts.size() == 1);
    CHECK(r.board.content.goals.find(c.goal)->title == "Lead two teams");
    CHECK(r.board.content.links.contains(c.link));
    CHECK(r.board.content.goals.find(small.id)->serves == c.goal);
    CHECK(r.board.content.conversations.items().front().goals == std::vector<GoalId>{c.goal});
    CHECK_FALSE(validateBoard(r.board));
}
