#include "model/merge.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <initializer_list>
#include <set>

namespace horizons {

namespace {

// ------------------------------------------------------------------------ values as text

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

std::string horizonName(const BoardContent& c, HorizonId id) {
    const Horizon* h = c.horizons.find(id);
    return h ? quoted(h->name) : "horizon " + std::to_string(id.value);
}
std::string personName(const BoardContent& c, PersonId id) {
    const Person* p = c.people.find(id);
    return p ? quoted(p->name) : "person " + std::to_string(id.value);
}
std::string goalTitle(const BoardContent& c, GoalId id) {
    if (!id) return "none";
    const Goal* g = c.goals.find(id);
    return g ? quoted(g->title) : "goal " + std::to_string(id.value);
}

std::string show(const std::string& s, const BoardContent&) { return quoted(s); }
std::string show(int v, const BoardContent&) { return std::to_string(v); }
std::string show(std::uint32_t v, const BoardContent&) { return std::to_string(v); }
std::string show(std::int64_t v, const BoardContent&) { return std::to_string(v); }
std::string show(double v, const BoardContent&) { return number(v); }
std::string show(bool v, const BoardContent&) { return v ? "yes" : "no"; }
std::string show(GoalStatus s, const BoardContent&) { return std::string(statusName(s)); }
std::string show(Relationship r, const BoardContent&) { return std::string(relationshipName(r)); }
std::string show(Date d, const BoardContent&) { return d.iso(); }
std::string show(const std::optional<Date>& d, const BoardContent&) {
    return d ? d->iso() : "none";
}
std::string show(PersonId id, const BoardContent& c) { return personName(c, id); }
std::string show(GoalId id, const BoardContent& c) { return goalTitle(c, id); }
std::string show(const std::vector<std::string>& v, const BoardContent&) {
    std::string out;
    for (const auto& s : v)
        out += (out.empty() ? "" : ", ") + quoted(s);
    return out.empty() ? "none" : out;
}
std::string show(const std::vector<GoalId>& v, const BoardContent& c) {
    std::string out;
    for (GoalId g : v)
        out += (out.empty() ? "" : ", ") + goalTitle(c, g);
    return out.empty() ? "none" : out;
}

// ------------------------------------------------------------------------------- fields

// One mergeable field (or group of fields that change together) of an entity type.
template <class T> struct FieldDef {
    const char* name;
    bool (*same)(const T&, const T&);
    void (*take)(T& dst, const T& src);
    std::string (*show)(const T&, const BoardContent&);
    // Set for fields whose changes on both sides combine instead of conflicting (bit sets,
    // lists used as sets, the time of the last change).
    void (*combine)(T& out, const T& base, const T& ours, const T& theirs) = nullptr;
};

template <class M> struct MemberOf;
template <class C, class V> struct MemberOf<V C::*> {
    using Class = C;
    using Value = V;
};
template <auto M> using ClassOf = typename MemberOf<decltype(M)>::Class;

template <auto M> FieldDef<ClassOf<M>> plain(const char* name) {
    using T = ClassOf<M>;
    return {name, [](const T& a, const T& b) { return a.*M == b.*M; },
            [](T& d, const T& s) { d.*M = s.*M; },
            [](const T& v, const BoardContent& c) { return show(v.*M, c); }, nullptr};
}

// Bit flags: each bit takes the side that flipped it (both flipping it agree).
template <auto M> FieldDef<ClassOf<M>> bits(const char* name) {
    using T = ClassOf<M>;
    FieldDef<T> f = plain<M>(name);
    f.combine = [](T& out, const T& b, const T& o, const T& t) {
        out.*M = b.*M ^ ((o.*M ^ b.*M) | (t.*M ^ b.*M));
    };
    return f;
}

// A list used as a set: what either side removed goes, what either side added comes, base
// items in base order, then the additions sorted (so the result does not depend on sides).
template <class V> std::vector<V> mergeSet(const std::vector<V>& base, const std::vector<V>& o,
                                           const std::vector<V>& t) {
    auto has = [](const std::vector<V>& v, const V& x) {
        return std::find(v.begin(), v.end(), x) != v.end();
    };
    std::vector<V> out, added;
    for (const V& x : base)
        if (has(o, x) && has(t, x) && !has(out, x)) out.push_back(x);
    for (const auto* side : {&o, &t})
        for (const V& x : *side)
            if (!has(base, x)) added.push_back(x);
    std::sort(added.begin(), added.end());
    for (const V& x : added)
        if (!has(out, x)) out.push_back(x);
    return out;
}

template <auto M> FieldDef<ClassOf<M>> asSet(const char* name) {
    using T = ClassOf<M>;
    FieldDef<T> f = plain<M>(name);
    f.combine = [](T& out, const T& b, const T& o, const T& t) {
        out.*M = mergeSet(b.*M, o.*M, t.*M);
    };
    return f;
}

template <auto M> FieldDef<ClassOf<M>> latest(const char* name) {
    using T = ClassOf<M>;
    FieldDef<T> f = plain<M>(name);
    f.combine = [](T& out, const T&, const T& o, const T& t) { out.*M = std::max(o.*M, t.*M); };
    return f;
}

const std::vector<FieldDef<BoardMeta>>& fieldsOf(const BoardMeta*) {
    static const std::vector<FieldDef<BoardMeta>> f{
        plain<&BoardMeta::title>("title"),
        plain<&BoardMeta::owner>("owner"),
        {"beyondOrgTrust",
         [](const BoardMeta& a, const BoardMeta& b) {
             return a.settings.beyondOrgTrust == b.settings.beyondOrgTrust;
         },
         [](BoardMeta& d, const BoardMeta& s) {
             d.settings.beyondOrgTrust = s.settings.beyondOrgTrust;
         },
         [](const BoardMeta& v, const BoardContent&) {
             return std::to_string(v.settings.beyondOrgTrust);
         }},
        {"dismissedBoardHints",
         [](const BoardMeta& a, const BoardMeta& b) {
             return a.settings.dismissedBoardHints == b.settings.dismissedBoardHints;
         },
         [](BoardMeta& d, const BoardMeta& s) {
             d.settings.dismissedBoardHints = s.settings.dismissedBoardHints;
         },
         [](const BoardMeta& v, const BoardContent&) {
             return std::to_string(v.settings.dismissedBoardHints);
         },
         [](BoardMeta& out, const BoardMeta& b, const BoardMeta& o, const BoardMeta& t) {
             const std::uint32_t base = b.settings.dismissedBoardHints;
             out.settings.dismissedBoardHints = base ^ ((o.settings.dismissedBoardHints ^ base) |
                                                        (t.settings.dismissedBoardHints ^ base));
         }},
        plain<&BoardMeta::reviewDate>("reviewDate"),
    };
    return f;
}

const std::vector<FieldDef<Horizon>>& fieldsOf(const Horizon*) {
    static const std::vector<FieldDef<Horizon>> f{plain<&Horizon::name>("name"),
                                                  plain<&Horizon::months>("months"),
                                                  plain<&Horizon::order>("order")};
    return f;
}

const std::vector<FieldDef<Goal>>& fieldsOf(const Goal*) {
    static const std::vector<FieldDef<Goal>> f{
        plain<&Goal::title>("title"),
        plain<&Goal::notes>("notes"),
        // One drag sets horizon, specificity and order together: they merge as one place.
        {"place",
         [](const Goal& a, const Goal& b) {
             return a.horizon == b.horizon && a.specificity == b.specificity && a.order == b.order;
         },
         [](Goal& d, const Goal& s) {
             d.horizon = s.horizon;
             d.specificity = s.specificity;
             d.order = s.order;
         },
         [](const Goal& g, const BoardContent& c) {
             return horizonName(c, g.horizon) + ", specificity " + number(g.specificity) +
                    ", order " + number(g.order);
         }},
        plain<&Goal::status>("status"),
        plain<&Goal::target>("target"),
        asSet<&Goal::tags>("tags"),
        {"colour", [](const Goal& a, const Goal& b) { return a.colour == b.colour; },
         [](Goal& d, const Goal& s) { d.colour = s.colour; },
         [](const Goal& g, const BoardContent&) -> std::string {
             if (g.colour == 0) return "theme default";
             char buf[16];
             std::snprintf(buf, sizeof buf, "#%06x", static_cast<unsigned>(g.colour));
             return buf;
         }},
        plain<&Goal::beyondOrg>("beyondOrg"),
        plain<&Goal::serves>("serves"),
        bits<&Goal::dismissedHints>("dismissedHints"),
        plain<&Goal::created>("created"),
        latest<&Goal::updated>("updated"),
    };
    return f;
}

const std::vector<FieldDef<Person>>& fieldsOf(const Person*) {
    static const std::vector<FieldDef<Person>> f{
        plain<&Person::name>("name"),
        plain<&Person::relationship>("relationship"),
        plain<&Person::insideOrg>("insideOrg"),
        plain<&Person::trust>("trust"),
        bits<&Person::helpsWith>("helpsWith"),
        plain<&Person::cadenceDays>("cadenceDays"),
        plain<&Person::nextPlanned>("nextPlanned"),
        plain<&Person::notes>("notes"),
        plain<&Person::mapAngle>("mapAngle"),
        bits<&Person::roles>("roles"),
        plain<&Person::organisation>("organisation"),
        plain<&Person::latestGapDays>("latestGapDays"),
        plain<&Person::uid>("uid"),
    };
    return f;
}

const std::vector<FieldDef<GoalLink>>& fieldsOf(const GoalLink*) {
    static const std::vector<FieldDef<GoalLink>> f{plain<&GoalLink::person>("person"),
                                                   plain<&GoalLink::goal>("goal"),
                                                   plain<&GoalLink::topic>("topic")};
    return f;
}

const std::vector<FieldDef<Intro>>& fieldsOf(const Intro*) {
    static const std::vector<FieldDef<Intro>> f{plain<&Intro::from>("from"),
                                                plain<&Intro::to>("to")};
    return f;
}

const std::vector<FieldDef<Conversation>>& fieldsOf(const Conversation*) {
    static const std::vector<FieldDef<Conversation>> f{
        plain<&Conversation::date>("date"),
        plain<&Conversation::person>("person"),
        asSet<&Conversation::goals>("goals"),
        plain<&Conversation::notes>("notes"),
        plain<&Conversation::followUps>("followUps"),
        plain<&Conversation::formerContact>("formerContact")};
    return f;
}

const std::vector<FieldDef<Ask>>& fieldsOf(const Ask*) {
    static const std::vector<FieldDef<Ask>> f{
        plain<&Ask::person>("person"),
        plain<&Ask::what>("what"),
        plain<&Ask::asked>("asked"),
        // Settling sets the status and its date together.
        {"status",
         [](const Ask& a, const Ask& b) { return a.status == b.status && a.settled == b.settled; },
         [](Ask& d, const Ask& s) {
             d.status = s.status;
             d.settled = s.settled;
         },
         [](const Ask& a, const BoardContent&) {
             return std::string(askStatusName(a.status)) +
                    (a.settled ? " on " + a.settled->iso() : std::string());
         }},
        asSet<&Ask::goals>("goals"),
        plain<&Ask::notes>("notes"),
        plain<&Ask::formerContact>("formerContact"),
    };
    return f;
}

const std::vector<FieldDef<Win>>& fieldsOf(const Win*) {
    static const std::vector<FieldDef<Win>> f{plain<&Win::date>("date"), plain<&Win::what>("what"),
                                              asSet<&Win::goals>("goals"),
                                              plain<&Win::notes>("notes")};
    return f;
}

// ------------------------------------------------------------------------ entity kinds

std::string labelOf(const Horizon& h, const BoardContent&) { return "horizon " + quoted(h.name); }
std::string labelOf(const Goal& g, const BoardContent&) { return "goal " + quoted(g.title); }
std::string labelOf(const Person& p, const BoardContent&) { return "person " + quoted(p.name); }
std::string labelOf(const GoalLink& l, const BoardContent& c) {
    return "link " + personName(c, l.person) + " - " + goalTitle(c, l.goal);
}
std::string labelOf(const Intro& i, const BoardContent& c) {
    return "introduction " + personName(c, i.from) + " -> " + personName(c, i.to);
}
std::string labelOf(const Conversation& v, const BoardContent& c) {
    return "conversation with " + personName(c, v.person) + " on " + v.date.iso();
}

std::string labelOf(const Ask& a, const BoardContent& c) {
    return "ask of " + personName(c, a.person) + ": " + quoted(a.what);
}
std::string labelOf(const Win& w, const BoardContent&) { return "win " + quoted(w.what); }

EntityKind kindOf(const Horizon*) { return EntityKind::Horizon; }
EntityKind kindOf(const Ask*) { return EntityKind::Ask; }
EntityKind kindOf(const Win*) { return EntityKind::Win; }
EntityKind kindOf(const Goal*) { return EntityKind::Goal; }
EntityKind kindOf(const Person*) { return EntityKind::Person; }
EntityKind kindOf(const GoalLink*) { return EntityKind::Link; }
EntityKind kindOf(const Intro*) { return EntityKind::Intro; }
EntityKind kindOf(const Conversation*) { return EntityKind::Conversation; }

// ------------------------------------------------------------------------------ merging

struct Merger {
    const BoardContent& base;
    const BoardContent& ours;
    const BoardContent& theirs;
    const MergeChoices& choices;
    MergeResult& out;

    Resolution conflict(EntityKind kind, std::uint64_t id, const char* field, ConflictKind what,
                        std::string entity, std::string oursText, std::string theirsText) {
        Resolution r = choices.of(kind, id, field);
        if (r == Resolution::Both && (kind != EntityKind::Goal || *field == '\0'))
            r = Resolution::Unresolved;
        out.conflicts.push_back(MergeConflict{kind, id, field, what, std::move(entity),
                                              std::move(oursText), std::move(theirsText), r});
        return r;
    }

    // Field by field, for an entity both sides hold (`b` null: both added it). Sets `both`
    // when a conflict was resolved by keeping both versions.
    template <class T> T mergeFields(EntityKind kind, std::uint64_t id, std::string label,
                                     const T* b, const T& o, const T& t, bool& both) {
        const T empty{};
        const T& base0 = b ? *b : empty;
        const std::size_t first = out.conflicts.size();
        T result = o;
        for (const auto& f : fieldsOf(static_cast<const T*>(nullptr))) {
            const bool oChanged = !b || !f.same(base0, o);
            const bool tChanged = !b || !f.same(base0, t);
            if (!tChanged || f.same(o, t)) continue;
            if (!oChanged) {
                f.take(result, t);
            } else if (f.combine) {
                f.combine(result, base0, o, t);
            } else {
                const Resolution r = conflict(
                    kind, id, f.name, b ? ConflictKind::BothChanged : ConflictKind::BothAdded,
                    label, f.show(o, ours), f.show(t, theirs));
                if (r == Resolution::Theirs) f.take(result, t);
                both = both || r == Resolution::Both;
            }
        }
        if (both) {
            for (std::size_t i = first; i < out.conflicts.size(); ++i)
                out.conflicts[i].resolution = Resolution::Both;
            return o;
        }
        return result;
    }

    // Which fields `side` changed from `b`, for the text of an edit-against-deletion conflict.
    template <class T> std::string changedFields(const T& b, const T& side) {
        std::string names;
        for (const auto& f : fieldsOf(static_cast<const T*>(nullptr)))
            if (!f.same(b, side) && std::string_view(f.name) != "updated")
                names += (names.empty() ? "" : ", ") + std::string(f.name);
        return "edited: " + names;
    }

    // Merges one table. Goals kept twice go to `copies` (their ids are made later).
    template <class T>
    Table<T> mergeTable(Table<T> BoardContent::*member, std::vector<T>* copies = nullptr) {
        const Table<T>& tb = base.*member;
        const Table<T>& to = ours.*member;
        const Table<T>& tt = theirs.*member;
        std::set<decltype(T::id)> ids;
        for (const auto* t : {&tb, &to, &tt})
            for (const T& v : *t)
                ids.insert(v.id);
        const EntityKind kind = kindOf(static_cast<const T*>(nullptr));
        std::vector<T> items;
        items.reserve(ids.size());
        for (const auto id : ids) {
            const T* b = tb.find(id);
            const T* o = to.find(id);
            const T* t = tt.find(id);
            if (o && t) {
                if (*o == *t || (b && *t == *b)) {
                    items.push_back(*o);
                } else if (b && *o == *b) {
                    items.push_back(*t);
                } else {
                    bool both = false;
                    items.push_back(
                        mergeFields(kind, id.value, labelOf(*o, ours), b, *o, *t, both));
                    if (both && copies) copies->push_back(*t);
                }
            } else if (o || t) {
                const T& kept = o ? *o : *t;
                if (!b) {
                    items.push_back(kept); // added on one side
                } else if (!(kept == *b)) {
                    // Edited on one side, deleted on the other.
                    const BoardContent& c = o ? ours : theirs;
                    const std::string edited = changedFields(*b, kept);
                    const Resolution r = conflict(
                        kind, id.value, "",
                        o ? ConflictKind::TheirsDeleted : ConflictKind::OursDeleted,
                        labelOf(kept, c), o ? edited : "(deleted)", o ? "(deleted)" : edited);
                    const bool keep = o ? r != Resolution::Theirs : r == Resolution::Theirs;
                    if (keep) items.push_back(kept);
                } // else: unchanged on one side, deleted on the other: deleted
            }
        }
        Table<T> result;
        result.assign(std::move(items));
        return result;
    }

    BoardMeta mergeMeta() {
        bool both = false;
        if (ours.meta == theirs.meta || theirs.meta == base.meta) return ours.meta;
        if (ours.meta == base.meta) return theirs.meta;
        return mergeFields(EntityKind::Board, 0, "board settings", &base.meta, ours.meta,
                           theirs.meta, both);
    }
};

// ----------------------------------------------------------------------------- repairs

// Keeps the invariants of validateContent after a merge put together edits of both sides.
// `inputs` are base, ours and theirs: a duplicate link or introduction one of them already
// had is left alone; one the merge made (both sides linked the same pair) keeps the lower id.
void repairReferences(BoardContent& c, std::initializer_list<const BoardContent*> inputs,
                      std::vector<std::string>& notes) {
    const BoardContent& base = **inputs.begin();
    const BoardContent& ours = **(inputs.begin() + 1);
    const BoardContent& theirs = **(inputs.begin() + 2);
    if (c.horizons.empty()) { // each side removed the horizons the other kept: keep them all
        for (const BoardContent* side : {&ours, &theirs})
            for (const Horizon& h : side->horizons)
                c.horizons.put(h);
        notes.push_back("the horizons each side removed while the other kept them were kept");
    }
    std::vector<Goal> moved;
    for (const Goal& g : c.goals) {
        Goal fixed = g;
        if (!c.horizons.contains(g.horizon)) {
            // The other side removed the horizon: the one closest in span takes the goal.
            const Horizon* best = nullptr;
            const Horizon* gone = base.horizons.find(g.horizon);
            const int months = gone ? gone->months : 0;
            for (const Horizon& h : c.horizons)
                if (!best || std::abs(h.months - months) < std::abs(best->months - months))
                    best = &h;
            fixed.horizon = best->id;
            notes.push_back("goal " + quoted(g.title) + " moved to " + quoted(best->name) +
                            ": its horizon was removed");
        }
        if (fixed.serves && !c.goals.contains(fixed.serves)) fixed.serves = GoalId{};
        if (!(fixed == g)) moved.push_back(std::move(fixed));
    }
    for (Goal& g : moved)
        c.goals.put(std::move(g));

    auto madeByMerge = [&inputs](const auto BoardContent::*table, auto first, auto second) {
        for (const BoardContent* in : inputs)
            if ((in->*table).contains(first) && (in->*table).contains(second)) return false;
        return true;
    };
    std::map<std::pair<PersonId, GoalId>, LinkId> linked;
    std::vector<LinkId> dropLinks;
    for (const GoalLink& l : c.links) {
        const bool ends = c.people.contains(l.person) && c.goals.contains(l.goal);
        const auto [it, fresh] = linked.emplace(std::pair{l.person, l.goal}, l.id);
        if (!ends || (!fresh && madeByMerge(&BoardContent::links, it->second, l.id)))
            dropLinks.push_back(l.id);
        if (!ends)
            notes.push_back(
                "a link to " +
                (c.goals.contains(l.goal) ? std::string("a person") : std::string("a goal")) +
                " deleted on the other side went");
    }
    for (LinkId id : dropLinks)
        c.links.erase(id);

    std::map<std::pair<PersonId, PersonId>, IntroId> introduced;
    std::vector<IntroId> dropIntros;
    for (const Intro& i : c.intros) {
        const auto [it, fresh] = introduced.emplace(std::pair{i.from, i.to}, i.id);
        if (!c.people.contains(i.from) || !c.people.contains(i.to) || i.from == i.to ||
            (!fresh && madeByMerge(&BoardContent::intros, it->second, i.id)))
            dropIntros.push_back(i.id);
    }
    for (IntroId id : dropIntros)
        c.intros.erase(id);

    std::vector<Conversation> fixedLog;
    for (const Conversation& v : c.conversations) {
        Conversation copy = v;
        if (v.person ? !c.people.contains(v.person) : v.formerContact.empty()) {
            // The person was deleted on the other side: the conversation stays, under their
            // name (as deleting a person does).
            copy.person = PersonId{};
            for (const BoardContent* side : {&base, &ours, &theirs})
                if (const Person* p = side->people.find(v.person)) copy.formerContact = p->name;
            if (copy.formerContact.empty()) copy.formerContact = "Someone";
            notes.push_back("a conversation with a person deleted on the other side is kept "
                            "under a former contact");
        }
        std::erase_if(copy.goals, [&](GoalId g) { return !c.goals.contains(g); });
        if (!(copy == v)) fixedLog.push_back(std::move(copy));
    }
    for (Conversation& v : fixedLog)
        c.conversations.put(std::move(v));

    std::vector<Ask> fixedAsks;
    for (const Ask& a : c.asks) {
        Ask copy = a;
        if (a.person ? !c.people.contains(a.person) : a.formerContact.empty()) {
            copy.person = PersonId{};
            for (const BoardContent* side : {&base, &ours, &theirs})
                if (const Person* p = side->people.find(a.person)) copy.formerContact = p->name;
            if (copy.formerContact.empty()) copy.formerContact = "Someone";
            notes.push_back("an ask of a person deleted on the other side is kept under a "
                            "former contact");
        }
        std::erase_if(copy.goals, [&](GoalId g) { return !c.goals.contains(g); });
        if (!(copy == a)) fixedAsks.push_back(std::move(copy));
    }
    for (Ask& a : fixedAsks)
        c.asks.put(std::move(a));
    std::vector<Win> fixedWins;
    for (const Win& w : c.wins) {
        Win copy = w;
        std::erase_if(copy.goals, [&](GoalId g) { return !c.goals.contains(g); });
        if (!(copy == w)) fixedWins.push_back(std::move(copy));
    }
    for (Win& w : fixedWins)
        c.wins.put(std::move(w));
}

// Union by id; a snapshot deleted on one side and untouched on the other goes. Snapshots are
// history, so two different ones under one id are both kept (theirs under a fresh id).
Table<Snapshot> mergeSnapshots(const Board& base, const Board& ours, const Board& theirs,
                               const Board& merged, IdSource& ids,
                               std::vector<std::string>& notes) {
    std::set<SnapshotId> all;
    for (const auto* b : {&base, &ours, &theirs})
        for (const Snapshot& s : b->snapshots)
            all.insert(s.id);
    std::vector<Snapshot> items;
    for (SnapshotId id : all) {
        const Snapshot* b = base.snapshots.find(id);
        const Snapshot* o = ours.snapshots.find(id);
        const Snapshot* t = theirs.snapshots.find(id);
        if (o && t) {
            items.push_back(b && *o == *b ? *t : *o);
            if (!b && !(*o == *t)) {
                Snapshot copy = *t;
                do
                    copy.id = SnapshotId{mintId(merged, ids)};
                while (idInUse(ours, copy.id.value) || idInUse(theirs, copy.id.value) ||
                       all.count(copy.id));
                notes.push_back("snapshot " + quoted(t->name) + " of the other side was kept " +
                                "under a new id");
                items.push_back(std::move(copy));
            }
        } else if (o || t) {
            const Snapshot& kept = o ? *o : *t;
            if (!b || !(kept == *b)) items.push_back(kept);
        }
    }
    Table<Snapshot> out;
    out.assign(std::move(items));
    return out;
}

} // namespace

std::string_view entityKindName(EntityKind k) {
    switch (k) {
    case EntityKind::Board: return "board";
    case EntityKind::Horizon: return "horizon";
    case EntityKind::Goal: return "goal";
    case EntityKind::Person: return "person";
    case EntityKind::Link: return "link";
    case EntityKind::Intro: return "introduction";
    case EntityKind::Conversation: return "conversation";
    case EntityKind::Ask: return "ask";
    case EntityKind::Win: return "win";
    }
    return "board";
}

bool MergeChoices::choose(const MergeConflict& c, Resolution r) {
    if (r == Resolution::Both && !c.canKeepBoth()) return false;
    picks_[{c.kind, c.id, c.field}] = r;
    return true;
}

Resolution MergeChoices::of(EntityKind kind, std::uint64_t id, std::string_view field) const {
    // Keeping both is a choice for the whole goal: any of its fields picked Both means all.
    if (kind == EntityKind::Goal && !field.empty())
        for (auto it = picks_.lower_bound({kind, id, std::string()});
             it != picks_.end() && std::get<0>(it->first) == kind && std::get<1>(it->first) == id;
             ++it)
            if (it->second == Resolution::Both) return Resolution::Both;
    const auto it = picks_.find({kind, id, std::string(field)});
    return it != picks_.end() ? it->second : fallback;
}

std::size_t MergeResult::unresolved() const {
    return static_cast<std::size_t>(
        std::count_if(conflicts.begin(), conflicts.end(), [](const MergeConflict& c) {
            return c.resolution == Resolution::Unresolved;
        }));
}

namespace {

// A goal or person one side deleted but the merge keeps (the user chose the other side's edit
// over the deletion) comes back with what the deletion took along on that side: its links,
// introductions and conversations, its place in conversations and in `serves`. Otherwise
// those would look deleted on that side and be lost.
void reviveCascades(const BoardContent& base, BoardContent& side, const BoardContent& kept) {
    std::set<GoalId> goals;
    std::set<PersonId> people;
    for (const Goal& g : base.goals)
        if (!side.goals.contains(g.id) && kept.goals.contains(g.id)) goals.insert(g.id);
    for (const Person& p : base.people)
        if (!side.people.contains(p.id) && kept.people.contains(p.id)) people.insert(p.id);
    if (goals.empty() && people.empty()) return;
    auto back = [&](GoalId g) { return goals.count(g) > 0; };
    auto backP = [&](PersonId p) { return people.count(p) > 0; };
    for (const GoalLink& l : base.links)
        if ((back(l.goal) || backP(l.person)) && !side.links.contains(l.id)) side.links.put(l);
    for (const Intro& i : base.intros)
        if ((backP(i.from) || backP(i.to)) && !side.intros.contains(i.id)) side.intros.put(i);
    for (const Conversation& v : base.conversations) {
        const Conversation* now = side.conversations.find(v.id);
        if (!now) {
            if (backP(v.person)) side.conversations.put(v);
            continue;
        }
        Conversation copy = *now;
        if (backP(v.person) && !now->person) { // the person is back: so is who it was with
            copy.person = v.person;
            copy.formerContact.clear();
        }
        for (GoalId g : v.goals)
            if (back(g) && std::find(copy.goals.begin(), copy.goals.end(), g) == copy.goals.end())
                copy.goals.push_back(g);
        if (!(copy == *now)) side.conversations.put(std::move(copy));
    }
    auto reviveGoals = [&](auto& table, const auto& baseTable, bool person) {
        std::vector<std::decay_t<decltype(*baseTable.begin())>> fixed;
        for (const auto& v : baseTable) {
            const auto* now = table.find(v.id);
            if (!now) continue;
            auto copy = *now;
            if constexpr (requires { v.person; })
                if (person && backP(v.person) && !now->person) {
                    copy.person = v.person;
                    copy.formerContact.clear();
                }
            for (GoalId g : v.goals)
                if (back(g) &&
                    std::find(copy.goals.begin(), copy.goals.end(), g) == copy.goals.end())
                    copy.goals.push_back(g);
            if (!(copy == *now)) fixed.push_back(std::move(copy));
        }
        for (auto& v : fixed)
            table.put(std::move(v));
    };
    reviveGoals(side.asks, base.asks, true);
    reviveGoals(side.wins, base.wins, false);
    std::vector<Goal> served;
    for (const Goal& g : side.goals) {
        const Goal* b = base.goals.find(g.id);
        if (b && back(b->serves) && !g.serves) {
            served.push_back(g);
            served.back().serves = b->serves;
        }
    }
    for (Goal& g : served)
        side.goals.put(std::move(g));
}

MergeResult mergeOnce(const Board& base, const Board& ours, const Board& theirs,
                      const MergeChoices& choices, IdSource& ids) {
    MergeResult r;
    Merger m{base.content, ours.content, theirs.content, choices, r};
    BoardContent& c = r.board.content;
    c.meta = m.mergeMeta();
    c.horizons = m.mergeTable(&BoardContent::horizons);
    std::vector<Goal> copies;
    c.goals = m.mergeTable(&BoardContent::goals, &copies);
    c.people = m.mergeTable(&BoardContent::people);
    c.links = m.mergeTable(&BoardContent::links);
    c.intros = m.mergeTable(&BoardContent::intros);
    c.conversations = m.mergeTable(&BoardContent::conversations);
    c.asks = m.mergeTable(&BoardContent::asks);
    c.wins = m.mergeTable(&BoardContent::wins);
    r.board.nextId = std::max({base.nextId, ours.nextId, theirs.nextId});

    for (Goal& g : copies) { // kept both: theirs becomes a new goal beside ours
        do
            g.id = GoalId{mintId(r.board, ids)};
        while (idInUse(ours, g.id.value) || idInUse(theirs, g.id.value));
        c.goals.put(std::move(g));
    }
    repairReferences(c, {&base.content, &ours.content, &theirs.content}, r.repairs);
    r.board.snapshots = mergeSnapshots(base, ours, theirs, r.board, ids, r.repairs);
    keepNextIdAbove(r.board);
    return r;
}

} // namespace

MergeResult mergeBoards(const Board& base, const Board& ours, const Board& theirs,
                        const MergeChoices& choices, IdSource* freshIds) {
    IdSource own = IdSource::fromEntropy();
    IdSource& ids = freshIds ? *freshIds : own;
    // Which deleted goals and people survive depends only on those two tables.
    MergeResult survivors;
    Merger m{base.content, ours.content, theirs.content, choices, survivors};
    BoardContent kept;
    kept.goals = m.mergeTable(&BoardContent::goals);
    kept.people = m.mergeTable(&BoardContent::people);
    Board o = ours, t = theirs;
    reviveCascades(base.content, o.content, kept);
    reviveCascades(base.content, t.content, kept);
    if (o == ours && t == theirs) return mergeOnce(base, ours, theirs, choices, ids);
    return mergeOnce(base, o, t, choices, ids);
}

// ----------------------------------------------------------------------------- the edit

namespace {

template <class T> void diffTable(const Table<T>& from, const Table<T>& to, std::vector<Op>& ops) {
    for (const T& v : to) {
        const T* old = from.find(v.id);
        if (!old || !(*old == v)) ops.emplace_back(Put<T>{v});
    }
    for (const T& v : from)
        if (!to.contains(v.id)) ops.emplace_back(Erase<T>{v.id});
}

std::string shorten(const std::string& s) {
    std::string out;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char ch = static_cast<unsigned char>(s[i]);
        if ((ch & 0xC0) != 0x80 && ++chars > 72) return out + "...";
        if (ch == '\n')
            out += "\\n";
        else if (ch == '\r' || ch == '\t')
            out += ' ';
        else
            out += s[i];
    }
    return out;
}

} // namespace

Edit editToBoard(const Board& from, const Board& to, std::string label) {
    Edit e{std::move(label), {}};
    if (!(from.content.meta == to.content.meta))
        e.ops.emplace_back(Put<BoardMeta>{to.content.meta});
    diffTable(from.content.horizons, to.content.horizons, e.ops);
    diffTable(from.content.goals, to.content.goals, e.ops);
    diffTable(from.content.people, to.content.people, e.ops);
    diffTable(from.content.links, to.content.links, e.ops);
    diffTable(from.content.intros, to.content.intros, e.ops);
    diffTable(from.content.conversations, to.content.conversations, e.ops);
    diffTable(from.content.asks, to.content.asks, e.ops);
    diffTable(from.content.wins, to.content.wins, e.ops);
    diffTable(from.snapshots, to.snapshots, e.ops);
    return e;
}

std::string describeConflict(const MergeConflict& c) {
    std::string line = shorten(c.entity);
    if (c.id) line += " (id " + std::to_string(c.id) + ")";
    line += ": ";
    switch (c.what) {
    case ConflictKind::OursDeleted:
        line += "deleted on our side, " + c.theirs + " on theirs";
        break;
    case ConflictKind::TheirsDeleted: line += c.ours + " on our side, deleted on theirs"; break;
    case ConflictKind::BothChanged:
    case ConflictKind::BothAdded:
        line += c.field + (c.what == ConflictKind::BothAdded ? " (added on both sides)" : "") +
                ": ours " + shorten(c.ours) + " | theirs " + shorten(c.theirs);
        break;
    }
    return line;
}

Board baseFromSnapshots(const Board& a, const Board& b, bool* found) {
    Board base;
    base.content = BoardContent{};
    const Snapshot* newest = nullptr;
    std::vector<Snapshot> common;
    for (const Snapshot& s : a.snapshots) {
        const Snapshot* other = b.snapshots.find(s.id);
        if (!other || !(*other == s)) continue;
        common.push_back(s);
        if (!newest || s.takenAt > newest->takenAt ||
            (s.takenAt == newest->takenAt && s.id > newest->id))
            newest = &s;
    }
    if (newest) base.content = newest->content;
    if (found) *found = newest != nullptr;
    base.snapshots.assign(std::move(common));
    keepNextIdAbove(base);
    return base;
}

} // namespace horizons
