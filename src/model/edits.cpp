#include "model/edits.hpp"

#include "model/text.hpp"

#include <algorithm>
#include <set>

namespace horizons {

namespace {

template <class T> Edit single(std::string label, T op) {
    Edit e{std::move(label), {}};
    e.ops.emplace_back(std::move(op));
    return e;
}

} // namespace

// ---------------------------------------------------------------------------------- goals

Edit addGoal(const Board&, Goal goal) {
    const Timestamp now = nowTimestamp();
    if (goal.created == 0) goal.created = now;
    goal.updated = now;
    return single("Add goal", Put<Goal>{std::move(goal)});
}

Edit updateGoal(const Board& b, Goal goal, std::string label) {
    const Goal* old = b.content.goals.find(goal.id);
    if (!old) return {};
    goal.title = restoreEditedText(old->title, goal.title);
    goal.notes = restoreEditedText(old->notes, goal.notes);
    for (std::size_t i = 0; i < goal.tags.size(); ++i)
        goal.tags[i] = restoreEditedText(i < old->tags.size() ? old->tags[i] : "", goal.tags[i]);
    if (*old == goal) return {};
    goal.updated = nowTimestamp();
    return single(std::move(label), Put<Goal>{std::move(goal)});
}

Edit renameGoal(const Board& b, GoalId id, std::string title) {
    const Goal* g = b.content.goals.find(id);
    if (!g) return {};
    Goal copy = *g;
    copy.title = std::move(title);
    return updateGoal(b, std::move(copy), "Rename goal");
}

Edit moveGoals(const Board& b, std::span<const GoalPlacement> moves) {
    Edit e{moves.size() == 1 ? "Move goal" : "Move " + std::to_string(moves.size()) + " goals", {}};
    const Timestamp now = nowTimestamp();
    for (const auto& m : moves) {
        const Goal* g = b.content.goals.find(m.goal);
        if (!g || !b.content.horizons.contains(m.horizon)) continue;
        if (g->horizon == m.horizon && g->specificity == m.specificity && g->order == m.order)
            continue;
        Goal copy = *g;
        copy.horizon = m.horizon;
        copy.specificity = m.specificity;
        copy.order = m.order;
        copy.updated = now;
        e.ops.emplace_back(Put<Goal>{std::move(copy)});
    }
    return e;
}

Edit setGoalStatus(const Board& b, std::span<const GoalId> ids, GoalStatus status) {
    Edit e{"Set status to " + std::string(statusName(status)), {}};
    const Timestamp now = nowTimestamp();
    for (GoalId id : ids) {
        const Goal* g = b.content.goals.find(id);
        if (!g || g->status == status) continue;
        Goal copy = *g;
        copy.status = status;
        copy.updated = now;
        e.ops.emplace_back(Put<Goal>{std::move(copy)});
    }
    return e;
}

Edit deleteGoals(const Board& b, std::span<const GoalId> ids) {
    const std::set<GoalId> doomed(ids.begin(), ids.end());
    Edit e{ids.size() == 1 ? "Delete goal" : "Delete " + std::to_string(ids.size()) + " goals", {}};
    for (const auto& l : b.content.links)
        if (doomed.count(l.goal)) e.ops.emplace_back(Erase<GoalLink>{l.id});
    for (const auto& g : b.content.goals)
        if (g.serves && doomed.count(g.serves) && !doomed.count(g.id)) {
            Goal copy = g;
            copy.serves = GoalId{};
            e.ops.emplace_back(Put<Goal>{std::move(copy)});
        }
    for (const auto& c : b.content.conversations) {
        if (std::none_of(c.goals.begin(), c.goals.end(),
                         [&](GoalId g) { return doomed.count(g) > 0; }))
            continue;
        Conversation copy = c;
        std::erase_if(copy.goals, [&](GoalId g) { return doomed.count(g) > 0; });
        e.ops.emplace_back(Put<Conversation>{std::move(copy)});
    }
    auto stripGoals = [&](const auto& table) {
        for (const auto& x : table) {
            if (std::none_of(x.goals.begin(), x.goals.end(),
                             [&](GoalId g) { return doomed.count(g) > 0; }))
                continue;
            auto copy = x;
            std::erase_if(copy.goals, [&](GoalId g) { return doomed.count(g) > 0; });
            e.ops.emplace_back(Put<std::decay_t<decltype(copy)>>{std::move(copy)});
        }
    };
    stripGoals(b.content.asks);
    stripGoals(b.content.wins);
    for (GoalId id : doomed)
        if (b.content.goals.contains(id)) e.ops.emplace_back(Erase<Goal>{id});
    return e;
}

Edit dismissGoalHint(const Board& b, GoalId id, int hintKind) {
    const Goal* g = b.content.goals.find(id);
    if (!g || hintKind < 0 || hintKind >= 32) return {};
    Goal copy = *g;
    copy.dismissedHints |= 1u << hintKind;
    if (copy == *g) return {};
    return single("Dismiss hint", Put<Goal>{std::move(copy)});
}

double orderBetween(std::optional<double> before, std::optional<double> after) {
    if (before && after) return (*before + *after) / 2;
    if (before) return *before + 1;
    if (after) return *after - 1;
    return 0;
}

// --------------------------------------------------------------------------------- people

Edit addPerson(const Board&, Person person) {
    return single("Add person", Put<Person>{std::move(person)});
}

Edit updatePerson(const Board& b, Person person, std::string label) {
    const Person* old = b.content.people.find(person.id);
    if (!old) return {};
    person.name = restoreEditedText(old->name, person.name);
    person.notes = restoreEditedText(old->notes, person.notes);
    if (*old == person) return {};
    return single(std::move(label), Put<Person>{std::move(person)});
}

Edit setTrust(const Board& b, PersonId id, int trust, double mapAngle) {
    const Person* p = b.content.people.find(id);
    if (!p) return {};
    Person copy = *p;
    copy.trust = trust;
    copy.mapAngle = mapAngle;
    return updatePerson(b, std::move(copy), "Change trust");
}

Edit deletePeople(const Board& b, std::span<const PersonId> ids) {
    const std::set<PersonId> doomed(ids.begin(), ids.end());
    Edit e{ids.size() == 1 ? "Delete person" : "Delete " + std::to_string(ids.size()) + " people",
           {}};
    for (const auto& l : b.content.links)
        if (doomed.count(l.person)) e.ops.emplace_back(Erase<GoalLink>{l.id});
    for (const auto& i : b.content.intros)
        if (doomed.count(i.from) || doomed.count(i.to)) e.ops.emplace_back(Erase<Intro>{i.id});
    // Conversations happened: they stay in the log, under the person's name.
    for (const auto& c : b.content.conversations)
        if (doomed.count(c.person)) {
            Conversation copy = c;
            copy.person = PersonId{};
            if (const Person* p = b.content.people.find(c.person)) copy.formerContact = p->name;
            e.ops.emplace_back(Put<Conversation>{std::move(copy)});
        }
    for (const auto& a : b.content.asks) // so were the asks
        if (doomed.count(a.person)) {
            Ask copy = a;
            copy.person = PersonId{};
            if (const Person* p = b.content.people.find(a.person)) copy.formerContact = p->name;
            e.ops.emplace_back(Put<Ask>{std::move(copy)});
        }
    for (PersonId id : doomed)
        if (b.content.people.contains(id)) e.ops.emplace_back(Erase<Person>{id});
    return e;
}

// ---------------------------------------------------------------------------------- links

Edit linkPersonToGoal(const Board& b, LinkId id, PersonId person, GoalId goal, std::string topic) {
    if (!b.content.people.contains(person) || !b.content.goals.contains(goal)) return {};
    for (const auto& l : b.content.links)
        if (l.person == person && l.goal == goal) return {};
    return single("Link person to goal",
                  Put<GoalLink>{GoalLink{id, person, goal, std::move(topic)}});
}

Edit unlink(const Board& b, LinkId id) {
    if (!b.content.links.contains(id)) return {};
    return single("Remove link", Erase<GoalLink>{id});
}

Edit addIntro(const Board& b, IntroId id, PersonId from, PersonId to) {
    if (from == to || !b.content.people.contains(from) || !b.content.people.contains(to)) return {};
    for (const auto& i : b.content.intros)
        if ((i.from == from && i.to == to)) return {};
    return single("Add introduction", Put<Intro>{Intro{id, from, to}});
}

Edit removeIntro(const Board& b, IntroId id) {
    if (!b.content.intros.contains(id)) return {};
    return single("Remove introduction", Erase<Intro>{id});
}

// ------------------------------------------------------------------------------- horizons

Edit addHorizon(const Board& b, Horizon h) {
    if (h.order == 0) {
        double maxOrder = -1;
        for (const auto& x : b.content.horizons)
            maxOrder = std::max(maxOrder, x.order);
        h.order = maxOrder + 1;
    }
    return single("Add horizon", Put<Horizon>{std::move(h)});
}

Edit renameHorizon(const Board& b, HorizonId id, std::string name) {
    const Horizon* h = b.content.horizons.find(id);
    if (!h) return {};
    name = restoreEditedText(h->name, name);
    if (h->name == name) return {};
    Horizon copy = *h;
    copy.name = std::move(name);
    return single("Rename horizon", Put<Horizon>{std::move(copy)});
}

Edit moveHorizonTo(const Board& b, HorizonId id, std::size_t newIndex) {
    auto ordered = orderedHorizons(b.content);
    auto it = std::find_if(ordered.begin(), ordered.end(),
                           [id](const Horizon* h) { return h->id == id; });
    if (it == ordered.end()) return {};
    const Horizon* moving = *it;
    ordered.erase(it);
    newIndex = std::min(newIndex, ordered.size());
    ordered.insert(ordered.begin() + static_cast<std::ptrdiff_t>(newIndex), moving);
    Edit e{"Reorder horizons", {}};
    for (std::size_t i = 0; i < ordered.size(); ++i)
        if (ordered[i]->order != static_cast<double>(i)) {
            Horizon copy = *ordered[i];
            copy.order = static_cast<double>(i);
            e.ops.emplace_back(Put<Horizon>{std::move(copy)});
        }
    return e;
}

Edit removeHorizon(const Board& b, HorizonId id, HorizonId goalsGoTo) {
    if (id == goalsGoTo || !b.content.horizons.contains(id) ||
        !b.content.horizons.contains(goalsGoTo) || b.content.horizons.size() < 2)
        return {};
    Edit e{"Remove horizon", {}};
    double maxOrder = 0;
    for (const auto& g : b.content.goals)
        if (g.horizon == goalsGoTo) maxOrder = std::max(maxOrder, g.order);
    for (const auto& g : b.content.goals)
        if (g.horizon == id) {
            Goal copy = g;
            copy.horizon = goalsGoTo;
            copy.order = ++maxOrder; // after the goals already there
            e.ops.emplace_back(Put<Goal>{std::move(copy)});
        }
    e.ops.emplace_back(Erase<Horizon>{id});
    return e;
}

// ---------------------------------------------------------------------------- board, log

Edit setMeta(const Board& b, BoardMeta meta) {
    meta.title = restoreEditedText(b.content.meta.title, meta.title);
    meta.owner = restoreEditedText(b.content.meta.owner, meta.owner);
    if (b.content.meta == meta) return {};
    return single("Edit board settings", Put<BoardMeta>{std::move(meta)});
}

Edit dismissBoardHint(const Board& b, int hintKind) {
    if (hintKind < 0 || hintKind >= 32) return {};
    BoardMeta meta = b.content.meta;
    meta.settings.dismissedBoardHints |= 1u << hintKind;
    if (meta == b.content.meta) return {};
    return single("Dismiss hint", Put<BoardMeta>{std::move(meta)});
}

Edit logConversation(const Board& b, Conversation c) {
    if (!b.content.people.contains(c.person)) return {};
    std::erase_if(c.goals, [&](GoalId g) { return !b.content.goals.contains(g); });
    return single("Log conversation", Put<Conversation>{std::move(c)});
}

Edit updateConversation(const Board& b, Conversation c) {
    const Conversation* old = b.content.conversations.find(c.id);
    if (!old || (c.person ? !b.content.people.contains(c.person) : c.formerContact.empty()))
        return {};
    c.notes = restoreEditedText(old->notes, c.notes);
    for (std::size_t i = 0; i < c.followUps.size(); ++i)
        c.followUps[i] =
            restoreEditedText(i < old->followUps.size() ? old->followUps[i] : "", c.followUps[i]);
    if (*old == c) return {};
    std::erase_if(c.goals, [&](GoalId g) { return !b.content.goals.contains(g); });
    return single("Edit conversation", Put<Conversation>{std::move(c)});
}

Edit deleteConversation(const Board& b, ConversationId id) {
    if (!b.content.conversations.contains(id)) return {};
    return single("Delete conversation", Erase<Conversation>{id});
}

// --------------------------------------------------------------------- asks, wins, review

namespace {

void keepExistingGoals(const Board& b, std::vector<GoalId>& goals) {
    std::erase_if(goals, [&](GoalId g) { return !b.content.goals.contains(g); });
    std::sort(goals.begin(), goals.end());
    goals.erase(std::unique(goals.begin(), goals.end()), goals.end());
}

} // namespace

Edit addAsk(const Board& b, Ask ask) {
    if (!b.content.people.contains(ask.person)) return {};
    keepExistingGoals(b, ask.goals);
    return single("Add ask", Put<Ask>{std::move(ask)});
}

Edit updateAsk(const Board& b, Ask ask) {
    const Ask* old = b.content.asks.find(ask.id);
    if (!old || (ask.person ? !b.content.people.contains(ask.person) : ask.formerContact.empty()))
        return {};
    ask.what = restoreEditedText(old->what, ask.what);
    ask.notes = restoreEditedText(old->notes, ask.notes);
    keepExistingGoals(b, ask.goals);
    if (ask.status == AskStatus::Open) ask.settled.reset();
    if (*old == ask) return {};
    return single("Edit ask", Put<Ask>{std::move(ask)});
}

Edit settleAsk(const Board& b, AskId id, AskStatus status, Date on) {
    const Ask* old = b.content.asks.find(id);
    if (!old) return {};
    Ask copy = *old;
    copy.status = status;
    copy.settled = status == AskStatus::Open ? std::nullopt : std::optional<Date>(on);
    if (copy == *old) return {};
    const char* label = status == AskStatus::Done       ? "Mark ask done"
                        : status == AskStatus::Declined ? "Mark ask declined"
                                                        : "Reopen ask";
    return single(label, Put<Ask>{std::move(copy)});
}

Edit deleteAsk(const Board& b, AskId id) {
    if (!b.content.asks.contains(id)) return {};
    return single("Delete ask", Erase<Ask>{id});
}

Edit addWin(const Board& b, Win win) {
    keepExistingGoals(b, win.goals);
    return single("Add win", Put<Win>{std::move(win)});
}

Edit updateWin(const Board& b, Win win) {
    const Win* old = b.content.wins.find(win.id);
    if (!old) return {};
    win.what = restoreEditedText(old->what, win.what);
    win.notes = restoreEditedText(old->notes, win.notes);
    keepExistingGoals(b, win.goals);
    if (*old == win) return {};
    return single("Edit win", Put<Win>{std::move(win)});
}

Edit deleteWin(const Board& b, WinId id) {
    if (!b.content.wins.contains(id)) return {};
    return single("Delete win", Erase<Win>{id});
}

Edit setReviewDate(const Board& b, std::optional<Date> date) {
    if (b.content.meta.reviewDate == date) return {};
    BoardMeta meta = b.content.meta;
    meta.reviewDate = date;
    return single(date ? "Set review date" : "Clear review date", Put<BoardMeta>{std::move(meta)});
}

// ------------------------------------------------------------------------------ snapshots

Edit takeSnapshot(const Board& b, SnapshotId id, std::string name, std::string note,
                  Timestamp now) {
    Snapshot s{id, nonBlankOr(name, "Snapshot " + formatTimestamp(now)), std::move(note), now,
               b.content};
    return single("Take snapshot", Put<Snapshot>{std::move(s)});
}

Edit deleteSnapshot(const Board& b, SnapshotId id) {
    if (!b.snapshots.contains(id)) return {};
    return single("Delete snapshot", Erase<Snapshot>{id});
}

Edit restoreSnapshot(const Board& b, SnapshotId id, SnapshotId safetyId, Timestamp now) {
    const Snapshot* s = b.snapshots.find(id);
    if (!s) return {};
    Edit e{"Restore snapshot", {}};
    e.ops.emplace_back(Put<Snapshot>{
        Snapshot{safetyId, "Before restoring \"" + s->name + "\"", {}, now, b.content}});
    // The plan goes back; the log does not: conversations held since are history that
    // happened. Those with people or goals the restored plan lacks keep their name and text.
    BoardContent restored = s->content;
    std::vector<Conversation> log = b.content.conversations.items();
    for (Conversation& c : log) {
        if (c.person && !restored.people.contains(c.person)) {
            if (const Person* p = b.content.people.find(c.person)) c.formerContact = p->name;
            c.person = PersonId{};
        }
        std::erase_if(c.goals, [&](GoalId g) { return !restored.goals.contains(g); });
    }
    restored.conversations.assign(std::move(log));
    // Asks and wins happened too: they stay, with the same care for what the plan lacks.
    std::vector<Ask> asks = b.content.asks.items();
    for (Ask& a : asks) {
        if (a.person && !restored.people.contains(a.person)) {
            if (const Person* p = b.content.people.find(a.person)) a.formerContact = p->name;
            a.person = PersonId{};
        }
        std::erase_if(a.goals, [&](GoalId g) { return !restored.goals.contains(g); });
    }
    restored.asks.assign(std::move(asks));
    std::vector<Win> wins = b.content.wins.items();
    for (Win& w : wins)
        std::erase_if(w.goals, [&](GoalId g) { return !restored.goals.contains(g); });
    restored.wins.assign(std::move(wins));
    e.ops.emplace_back(Put<BoardContent>{std::move(restored)});
    return e;
}

} // namespace horizons
