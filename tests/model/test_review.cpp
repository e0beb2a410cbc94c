// Issue 18: roles, cadence from real contact, network health, asks, wins, the review packet,
// iCalendar / vCard / JSON Canvas.
#include "model/agenda.hpp"
#include "model/calendar.hpp"
#include "model/canvas.hpp"
#include "model/coach.hpp"
#include "model/diff.hpp"
#include "model/document.hpp"
#include "model/edits.hpp"
#include "model/merge.hpp"
#include "model/packet.hpp"
#include "model/validate.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace horizons;

namespace {

const Date kToday = Date::fromYmd(2025, 6, 1);

struct Plan {
    Document doc{makeEmptyBoard(), 1000, IdSource::seeded(18)};
    std::vector<HorizonId> cols;
    Plan() {
        for (const auto* h : orderedHorizons(doc.content()))
            cols.push_back(h->id);
    }
    GoalId goal(std::size_t col, std::string title, bool beyond = false) {
        Goal g;
        g.id = doc.newId<GoalId>();
        g.title = std::move(title);
        g.horizon = cols[col];
        g.specificity = col == 0 ? 0.8 : 0.3;
        g.target = col == 0 ? std::optional<Date>(kToday.plusDays(30)) : std::nullopt;
        g.beyondOrg = beyond;
        REQUIRE(doc.apply(addGoal(doc.board(), g)));
        return g.id;
    }
    PersonId person(std::string name, std::uint32_t roles, int trust, bool inside = true,
                    std::string org = {}, std::uint32_t helps = HelpListen) {
        Person p;
        p.id = doc.newId<PersonId>();
        p.name = std::move(name);
        p.roles = roles;
        p.trust = trust;
        p.insideOrg = inside;
        p.organisation = std::move(org);
        p.helpsWith = helps;
        REQUIRE(doc.apply(addPerson(doc.board(), p)));
        return p.id;
    }
    void link(PersonId p, GoalId g) {
        REQUIRE(doc.apply(linkPersonToGoal(doc.board(), doc.newId<LinkId>(), p, g)));
    }
    void talk(PersonId p, Date d, std::vector<GoalId> goals = {}) {
        Conversation c{doc.newId<ConversationId>(), d, p, std::move(goals), "notes", {}, ""};
        REQUIRE(doc.apply(logConversation(doc.board(), c)));
    }
    const Person& get(PersonId id) { return *doc.content().people.find(id); }
    bool hasHint(HintKind k, GoalId g = {}) {
        for (const Hint& h : coachHints(doc.content(), kToday))
            if (h.kind == k && h.goal == g) return true;
        return false;
    }
};

} // namespace

TEST_CASE(
    "cadence: due after the ideal gap, overdue after the latest, counted from the last talk") {
    Plan p;
    const PersonId sam = p.person("Sam", RoleMentor, 4);
    Person s = p.get(sam);
    s.cadenceDays = 30;
    s.latestGapDays = 45;
    REQUIRE(p.doc.apply(updatePerson(p.doc.board(), s)));

    CadenceState never = cadenceOf(p.doc.content(), sam, kToday);
    CHECK(never.isDue); // never talked: due now, but nothing to be late for yet
    CHECK_FALSE(never.isOverdue);

    p.talk(sam, kToday.plusDays(-29));
    CadenceState st = cadenceOf(p.doc.content(), sam, kToday);
    CHECK(st.due == kToday.plusDays(1));
    CHECK_FALSE(st.isDue);
    CHECK(cadenceOf(p.doc.content(), sam, kToday.plusDays(1)).isDue);
    CHECK_FALSE(cadenceOf(p.doc.content(), sam, kToday.plusDays(16)).isOverdue); // 45 days
    const CadenceState late = cadenceOf(p.doc.content(), sam, kToday.plusDays(20));
    CHECK(late.isOverdue);
    CHECK(late.daysLate == 4);

    // Logging a conversation moves the due date.
    p.talk(sam, kToday);
    CHECK(cadenceOf(p.doc.content(), sam, kToday).due == kToday.plusDays(30));
    // A latest gap below the ideal one is raised to it.
    s = p.get(sam);
    s.latestGapDays = 10;
    REQUIRE(p.doc.apply(updatePerson(p.doc.board(), s)));
    CHECK(p.get(sam).latestGapDays == 30);
}

TEST_CASE("the overdue list is sorted by how late, and follows the log") {
    Plan p;
    std::vector<PersonId> ids;
    for (const auto& [name, gap, lastAgo] : std::vector<std::tuple<std::string, int, int>>{
             {"A", 30, 40}, {"B", 30, 90}, {"C", 60, 50}}) {
        const PersonId id = p.person(name, RolePeer, 3);
        Person x = p.get(id);
        x.cadenceDays = gap;
        REQUIRE(p.doc.apply(updatePerson(p.doc.board(), x)));
        p.talk(id, kToday.plusDays(-lastAgo));
        ids.push_back(id);
    }
    auto list = overdueList(p.doc.content(), kToday);
    REQUIRE(list.size() == 2); // C is within its 60 days
    CHECK(list[0].person == ids[1]);
    CHECK(list[0].state.daysLate == 60);
    CHECK(list[1].person == ids[0]);
    p.talk(ids[1], kToday);
    list = overdueList(p.doc.content(), kToday);
    REQUIRE(list.size() == 1);
    CHECK(list[0].person == ids[0]);
}

TEST_CASE("network health: linking a sponsor to a two-year goal removes 'no sponsor'") {
    Plan p;
    const GoalId move = p.goal(1, "Move into product");
    CHECK_FALSE(p.hasHint(HintKind::NoSponsorForMidTerm)); // nobody on the map: add people first
    CHECK(p.hasHint(HintKind::GoalWithoutPeople, move));
    const PersonId mentor = p.person("Tomas", RoleMentor, 4);
    p.link(mentor, move);
    CHECK(p.hasHint(HintKind::NoSponsorForMidTerm));
    const PersonId sponsor = p.person("Priya", RoleManager | RoleSponsor, 3);
    p.link(sponsor, move);
    CHECK_FALSE(p.hasHint(HintKind::NoSponsorForMidTerm));
    p.doc.undo();
    CHECK(p.hasHint(HintKind::NoSponsorForMidTerm));
    // Dismissed, it stays away (stored with the board-wide dismissals).
    REQUIRE(p.doc.apply(dismissBoardHint(p.doc.board(), int(HintKind::NoSponsorForMidTerm))));
    CHECK_FALSE(p.hasHint(HintKind::NoSponsorForMidTerm));
    for (const Hint& h : networkHealth(p.doc.content(), kToday))
        CHECK_FALSE(h.todo.empty()); // each finding says what to do
}

TEST_CASE("network health: a two- or five-year goal needs someone trusted and able to help") {
    Plan p;
    const GoalId far = p.goal(2, "Shape health tech");
    const PersonId acquaintance = p.person("Kim", 0, 2, true, {}, 0);
    p.link(acquaintance, far);
    CHECK(p.hasHint(HintKind::GoalWithoutTrustedHelp, far));
    const PersonId friendly = p.person("Jo", RolePeer | RoleOutsideContact, 5, false, "Fieldnote");
    p.link(friendly, far);
    CHECK_FALSE(p.hasHint(HintKind::GoalWithoutTrustedHelp, far));
    // Six-month goals are not asked for it.
    const GoalId near = p.goal(0, "Finish the course");
    p.link(acquaintance, near);
    CHECK_FALSE(p.hasHint(HintKind::GoalWithoutTrustedHelp, near));
    // Per-goal dismissal.
    const GoalId mid = p.goal(1, "Lead a team");
    p.link(acquaintance, mid);
    CHECK(p.hasHint(HintKind::GoalWithoutTrustedHelp, mid));
    REQUIRE(
        p.doc.apply(dismissGoalHint(p.doc.board(), mid, int(HintKind::GoalWithoutTrustedHelp))));
    CHECK_FALSE(p.hasHint(HintKind::GoalWithoutTrustedHelp, mid));
}

TEST_CASE(
    "network health: everyone trusted in one organisation; nobody outside for a goal beyond it") {
    Plan p;
    const PersonId a = p.person("Ann", RoleMentor, 5, true, "Northwind");
    p.person("Ben", RolePeer, 4, true, "northwind ");
    p.person("Cat", RolePeer, 2, false, "Elsewhere"); // outside, but not trusted
    CHECK(p.hasHint(HintKind::TrustedInOneOrganisation));
    CHECK_FALSE(p.hasHint(HintKind::NobodyOutsideOrg)); // Cat is outside
    const PersonId d = p.person("Dev", RoleOutsideContact, 4, false, "Fieldnote");
    CHECK_FALSE(p.hasHint(HintKind::TrustedInOneOrganisation));

    const GoalId beyond = p.goal(1, "Speak at conferences", true);
    p.link(a, beyond);
    CHECK(p.hasHint(HintKind::BeyondOrgWithoutOutsider, beyond));
    p.link(d, beyond);
    CHECK_FALSE(p.hasHint(HintKind::BeyondOrgWithoutOutsider, beyond));
    const GoalSupport s = goalSupport(p.doc.content(), *p.doc.content().goals.find(beyond));
    CHECK(s.outside);
    CHECK(s.trustedHelpers.size() == 2);
}

TEST_CASE("asks: add, settle, reopen, one undo step each; deleting the person keeps them") {
    Plan p;
    const GoalId g = p.goal(1, "Move into product");
    const PersonId priya = p.person("Priya", RoleManager, 3);
    Ask a{p.doc.newId<AskId>(),
          priya,
          "Join the discovery work",
          kToday.plusDays(-10),
          AskStatus::Open,
          std::nullopt,
          {g, GoalId{999}},
          "",
          ""};
    REQUIRE(p.doc.apply(addAsk(p.doc.board(), a)));
    CHECK(p.doc.content().asks.find(a.id)->goals == std::vector<GoalId>{g}); // no missing goal
    REQUIRE(p.doc.apply(settleAsk(p.doc.board(), a.id, AskStatus::Done, kToday)));
    CHECK(p.doc.undoLabel() == "Mark ask done");
    CHECK(p.doc.content().asks.find(a.id)->settled == kToday);
    REQUIRE(p.doc.apply(settleAsk(p.doc.board(), a.id, AskStatus::Open, kToday)));
    CHECK_FALSE(p.doc.content().asks.find(a.id)->settled);
    CHECK(asksOfPerson(p.doc.content(), priya).size() == 1);

    const PersonId ids[] = {priya};
    REQUIRE(p.doc.apply(deletePeople(p.doc.board(), ids)));
    const Ask& kept = *p.doc.content().asks.find(a.id);
    CHECK_FALSE(kept.person);
    CHECK(askedOf(p.doc.content(), kept) == "Priya (former contact)");
    CHECK_FALSE(validateBoard(p.doc.board()));
    p.doc.undo();
    CHECK(p.doc.content().asks.find(a.id)->person == priya);
    // Deleting a goal takes it out of asks and wins.
    Win w{p.doc.newId<WinId>(), kToday, "Shipped", {g}, ""};
    REQUIRE(p.doc.apply(addWin(p.doc.board(), w)));
    const GoalId gs[] = {g};
    REQUIRE(p.doc.apply(deleteGoals(p.doc.board(), gs)));
    CHECK(p.doc.content().asks.find(a.id)->goals.empty());
    CHECK(p.doc.content().wins.find(w.id)->goals.empty());
    CHECK_FALSE(validateBoard(p.doc.board()));
}

TEST_CASE("review date, diff and merge know asks, wins and roles") {
    Plan p;
    const PersonId priya = p.person("Priya", RoleManager, 3);
    REQUIRE(p.doc.apply(setReviewDate(p.doc.board(), kToday.plusDays(14))));
    CHECK(p.doc.content().meta.reviewDate == kToday.plusDays(14));
    const BoardContent before = p.doc.content();
    Ask a{p.doc.newId<AskId>(), priya, "A reference", kToday, AskStatus::Open, {}, {}, "", ""};
    REQUIRE(p.doc.apply(addAsk(p.doc.board(), a)));
    REQUIRE(p.doc.apply(
        addWin(p.doc.board(), Win{p.doc.newId<WinId>(), kToday, "Talk given", {}, ""})));
    Person x = p.get(priya);
    x.roles |= RoleSponsor;
    REQUIRE(p.doc.apply(updatePerson(p.doc.board(), x)));
    const auto changes = diffContents(before, p.doc.content());
    std::vector<std::string> lines;
    for (const Change& c : changes)
        lines.push_back(describeChange(c, before, p.doc.content()));
    CHECK(std::find(lines.begin(), lines.end(), "Roles of Priya: Manager -> Manager, Sponsor") !=
          lines.end());
    CHECK(std::find(lines.begin(), lines.end(), "Asked Priya: \"A reference\"") != lines.end());
    CHECK(std::find(lines.begin(), lines.end(), "Win: \"Talk given\"") != lines.end());

    // Merge: one side settles the ask, the other adds a win and moves the review.
    const Board base = p.doc.board();
    Board ours = base, theirs = base;
    Ask settled = *base.content.asks.find(a.id);
    settled.status = AskStatus::Declined;
    settled.settled = kToday;
    ours.content.asks.put(settled);
    theirs.content.wins.put(Win{WinId{kMinMintedId + 77}, kToday, "Promoted", {}, ""});
    theirs.content.meta.reviewDate = kToday.plusDays(20);
    MergeResult r = mergeBoards(base, ours, theirs);
    CHECK(r.clean());
    CHECK(r.board.content.asks.find(a.id)->status == AskStatus::Declined);
    CHECK(r.board.content.wins.size() == 2);
    CHECK(r.board.content.meta.reviewDate == kToday.plusDays(20));
    // Both change the ask's text: a conflict on the ask.
    Ask t = *base.content.asks.find(a.id);
    t.what = "A reference letter";
    theirs.content.asks.put(t);
    ours.content.asks.put(
        Ask{t.id, priya, "Two references", kToday, AskStatus::Open, {}, {}, "", ""});
    r = mergeBoards(base, ours, theirs);
    REQUIRE(r.conflicts.size() == 1);
    CHECK(r.conflicts[0].kind == EntityKind::Ask);
    CHECK(r.conflicts[0].field == "what");
    // editToBoard carries asks and wins: one undo step.
    Document d{base};
    REQUIRE(d.apply(editToBoard(d.board(), r.board)));
    CHECK(d.board().content.wins.size() == 2);
}

TEST_CASE(
    "review packet: wins since the last snapshot, the diff, conversations, open and settled asks") {
    Plan p;
    const GoalId move = p.goal(1, "Move into product");
    const GoalId hidden = p.goal(1, "Start my own company", true);
    const PersonId priya = p.person("Priya", RoleManager | RoleSponsor, 3);
    const PersonId jo = p.person("Jo", RolePeer | RoleOutsideContact, 5, false);
    REQUIRE(p.doc.apply(addWin(p.doc.board(), Win{p.doc.newId<WinId>(),
                                                  Date::fromYmd(2024, 1, 5),
                                                  "Old win before the snapshot",
                                                  {},
                                                  ""})));
    REQUIRE(p.doc.apply(takeSnapshot(p.doc.board(), p.doc.newId<SnapshotId>(), "Spring review", "",
                                     1735689600))); // 2025-01-01
    REQUIRE(p.doc.apply(setReviewDate(p.doc.board(), kToday.plusDays(10))));
    REQUIRE(p.doc.apply(addWin(p.doc.board(), Win{p.doc.newId<WinId>(),
                                                  Date::fromYmd(2025, 3, 2),
                                                  "Ran the first discovery",
                                                  {move},
                                                  "private detail"})));
    REQUIRE(p.doc.apply(addWin(p.doc.board(), Win{p.doc.newId<WinId>(),
                                                  Date::fromYmd(2025, 4, 9),
                                                  "Pitched the company idea",
                                                  {hidden},
                                                  ""})));
    const GoalId added = p.goal(0, "Shadow a product manager");
    p.link(priya, move);
    p.talk(priya, Date::fromYmd(2025, 2, 1), {move});
    p.talk(jo, Date::fromYmd(2025, 2, 3), {hidden});
    REQUIRE(p.doc.apply(addAsk(p.doc.board(), Ask{p.doc.newId<AskId>(),
                                                  priya,
                                                  "Join the discovery",
                                                  Date::fromYmd(2025, 2, 1),
                                                  AskStatus::Open,
                                                  {},
                                                  {move},
                                                  "",
                                                  ""})));
    const AskId done = p.doc.newId<AskId>();
    REQUIRE(p.doc.apply(addAsk(p.doc.board(), Ask{done,
                                                  jo,
                                                  "Intro to a founder",
                                                  Date::fromYmd(2025, 2, 3),
                                                  AskStatus::Open,
                                                  {},
                                                  {},
                                                  "",
                                                  ""})));
    REQUIRE(
        p.doc.apply(settleAsk(p.doc.board(), done, AskStatus::Done, Date::fromYmd(2025, 3, 1))));

    PacketOptions o;
    o.today = kToday;
    const std::string md = reviewPacketMarkdown(p.doc.board(), o);
    CHECK(md.find("Review on 2025-06-11 (in 10 days)") != std::string::npos);
    CHECK(md.find("since the snapshot \"Spring review\"") != std::string::npos);
    CHECK(md.find("Ran the first discovery (Move into product)") != std::string::npos);
    CHECK(md.find("Pitched the company idea") != std::string::npos);
    CHECK(md.find("Old win") == std::string::npos);
    CHECK(md.find("Added \"Shadow a product manager\" in 6 months") != std::string::npos);
    CHECK(md.find("Linked Priya to \"Move into product\"") != std::string::npos);
    CHECK(md.find("2025-02-01: with Priya, about Move into product") != std::string::npos);
    const auto openAt = md.find("### Open"), settledAt = md.find("### Settled");
    REQUIRE(openAt != std::string::npos);
    REQUIRE(settledAt != std::string::npos);
    CHECK(md.find("Join the discovery (asked Priya on 2025-02-01)") > openAt);
    CHECK(md.find("Join the discovery") < settledAt);
    CHECK(md.find("Intro to a founder (asked Jo on 2025-02-03; done on 2025-03-01)") > settledAt);
    CHECK(md.find("private detail") != std::string::npos);
    (void)added;

    // To share with Priya: no goal beyond the organisation (trust 3 < 4), no Jo, no notes.
    o.kind = OutputKind::ToShare;
    o.reader = priya;
    const std::string shared = reviewPacketMarkdown(p.doc.board(), o);
    CHECK(shared.find("Ran the first discovery") != std::string::npos);
    CHECK(shared.find("Pitched the company idea") == std::string::npos);
    CHECK(shared.find("Start my own company") == std::string::npos);
    CHECK(shared.find("with Jo") == std::string::npos);
    CHECK(shared.find("asked Jo") == std::string::npos);
    CHECK(shared.find("Intro to a founder") == std::string::npos);
    CHECK(shared.find("private detail") == std::string::npos);
    CHECK(shared.find("Join the discovery") != std::string::npos);
    CHECK(shared.find("Added \"Shadow a product manager\"") != std::string::npos);
}

TEST_CASE("iCalendar: CRLF lines of at most 75 octets, escaped text, recurrence from the cadence") {
    Plan p;
    const PersonId sam = p.person("Sam; \"the, mentor\"", RoleMentor, 4);
    Person s = p.get(sam);
    s.cadenceDays = 28;
    REQUIRE(p.doc.apply(updatePerson(p.doc.board(), s)));
    p.talk(sam, kToday.plusDays(-7));
    const PersonId kim = p.person("Kim", RolePeer, 3);
    s = p.get(kim);
    s.cadenceDays = 45;
    REQUIRE(p.doc.apply(updatePerson(p.doc.board(), s)));
    REQUIRE(p.doc.apply(setReviewDate(p.doc.board(), Date::fromYmd(2025, 7, 1))));
    Conversation c{p.doc.newId<ConversationId>(),  kToday, sam, {}, "",
                   {std::string(120, 'x') + " é"}, ""};
    REQUIRE(p.doc.apply(logConversation(p.doc.board(), c)));
    const std::string ics = calendarIcs(p.doc.content(), kToday, 1748779200);
    CHECK(ics.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 0) == 0);
    CHECK(ics.find("DTSTAMP:20250601T120000Z\r\n") != std::string::npos);
    CHECK(ics.find("RRULE:FREQ=WEEKLY;INTERVAL=4\r\n") != std::string::npos);
    CHECK(ics.find("RRULE:FREQ=DAILY;INTERVAL=45\r\n") != std::string::npos);
    CHECK(ics.find("SUMMARY:Talk to Sam\\; \"the\\, mentor\"\r\n") != std::string::npos);
    CHECK(ics.find("DTSTART;VALUE=DATE:20250701\r\n") != std::string::npos);
    CHECK(ics.find("BEGIN:VTODO") != std::string::npos);
    // Sam talked today (the follow-up's conversation): the next one is due in 28 days.
    CHECK(ics.find("DTSTART;VALUE=DATE:20250629\r\n") != std::string::npos);
    std::size_t at = 0;
    while (at < ics.size()) {
        const auto end = ics.find("\r\n", at);
        REQUIRE(end != std::string::npos);
        CHECK(end - at <= kMaxLineOctets);
        CHECK(ics.substr(at, end - at).find('\n') == std::string::npos);
        at = end + 2;
    }
    CHECK(foldLine(std::string(74, 'a') + "é") == std::string(74, 'a') + "\r\n é\r\n");
    CHECK(unescapeText(escapeText("a;b,c\\d\ne")) == "a;b,c\\d\ne");
}

TEST_CASE("vCard: export then import gives back every field; importing twice updates") {
    Plan p;
    const PersonId a =
        p.person("Ada Lovelace", RoleMentor | RoleSponsor, 5, false, "Analytical; Engines, Ltd");
    const PersonId b = p.person("Grace", RoleManager, 2, true, "Navy", HelpConnect | HelpSponsor);
    Person x = p.get(a);
    x.notes = "Line one\nLine two, with; punctuation \\ and é";
    x.cadenceDays = 60;
    x.latestGapDays = 90;
    x.nextPlanned = kToday.plusDays(3);
    x.relationship = Relationship::PeerOutside;
    x.mapAngle = 1.234567890123;
    REQUIRE(p.doc.apply(updatePerson(p.doc.board(), x)));
    REQUIRE(p.doc.apply(addIntro(p.doc.board(), p.doc.newId<IntroId>(), a, b)));
    const BoardContent original = p.doc.content();
    const std::string vcf = peopleVcf(original);
    CHECK(vcf.find("VERSION:4.0\r\n") != std::string::npos);
    CHECK(vcf.find("ORG:Analytical\\; Engines\\, Ltd\r\n") != std::string::npos);
    CHECK(vcf.find("RELATED;TYPE=contact:" + personUid(p.get(b))) != std::string::npos);
    CHECK(personIdFromUid(personUid(p.get(a))) == a);

    // Into an empty board: the same people, field by field, and the introduction.
    Document fresh{makeEmptyBoard(), 1000, IdSource::seeded(5)};
    const VCardParse parsed = parseVCards(vcf);
    REQUIRE(parsed.error.empty());
    REQUIRE(parsed.cards.size() == 2);
    ImportReport rep;
    REQUIRE(fresh.apply(importPeople(fresh.board(), parsed.cards, fresh.idSource(), &rep)));
    CHECK(fresh.undoLabel() == "Import 2 people");
    CHECK(rep.added == 2);
    CHECK(rep.introductions == 1);
    REQUIRE(fresh.content().people.size() == 2);
    for (const Person& orig : original.people) {
        const Person* got = findPersonByName(fresh.content(), orig.name);
        REQUIRE(got);
        Person expect = orig;
        expect.id = got->id;
        expect.uid = personUid(orig); // it remembers the UID it came under
        CHECK(*got == expect);
    }
    CHECK(fresh.content().intros.size() == 1);
    CHECK_FALSE(validateBoard(fresh.board()));

    // Importing the same file again changes nothing; an edited card updates, never duplicates.
    Edit again = importPeople(fresh.board(), parsed.cards, fresh.idSource(), &rep);
    CHECK(again.empty());
    CHECK(rep.unchanged == 2);
    std::string edited = vcf;
    edited.replace(edited.find("ORG:Navy"), 8, "ORG:Harvard");
    REQUIRE(fresh.apply(
        importPeople(fresh.board(), parseVCards(edited).cards, fresh.idSource(), &rep)));
    CHECK(rep.updated == 1);
    CHECK(fresh.content().people.size() == 2);
    CHECK(findPersonByName(fresh.content(), "Grace")->organisation == "Harvard");
    // Back on the original board, its own export matches by the id-made UID.
    Edit same = importPeople(p.doc.board(), parsed.cards, p.doc.idSource(), &rep);
    CHECK(same.empty());
    CHECK(rep.unchanged == 2);
}

TEST_CASE("vCard import: cards from elsewhere, folded lines, no UID matches by name, errors") {
    Plan p;
    p.person("Grace Hopper", RoleManager, 3);
    const std::string vcf =
        "BEGIN:VCARD\nVERSION:3.0\nN:Hopper;Grace;;;\nFN:Grace Hopper\n"
        "ORG:US Navy;Research\nNOTE:Invented the com\n piler\nEND:VCARD\n"
        "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:1234\r\nN:Kay;Alan;;;\r\n"
        "ROLE:Mentor\r\nROLE:outside contact\r\nRELATED;VALUE=text:Grace Hopper\r\n"
        "END:VCARD\r\n";
    const VCardParse r = parseVCards(vcf);
    REQUIRE(r.error.empty());
    ImportReport rep;
    REQUIRE(p.doc.apply(importPeople(p.doc.board(), r.cards, p.doc.idSource(), &rep)));
    CHECK(rep.updated == 1);
    CHECK(rep.added == 1);
    const Person* grace = findPersonByName(p.doc.content(), "grace hopper");
    REQUIRE(grace);
    CHECK(grace->organisation == "US Navy");
    CHECK(grace->notes == "Invented the compiler");
    CHECK(grace->roles == RoleManager); // no ROLE on the card: kept
    const Person* alan = findPersonByName(p.doc.content(), "Alan Kay");
    REQUIRE(alan);
    CHECK(alan->roles == (RoleMentor | RoleOutsideContact));
    CHECK_FALSE(alan->insideOrg);
    CHECK(alan->uid == "urn:uuid:1234");
    CHECK(p.doc.content().intros.size() == 1);
    p.doc.undo(); // one step
    CHECK(p.doc.content().people.size() == 1);

    CHECK_FALSE(parseVCards("BEGIN:VCARD\nFN:x\n").error.empty());
    CHECK(parseVCards("hello\n").error.find("line 1") == 0);
}

TEST_CASE("JSON Canvas: a node per horizon, goal, person and You; edges for links and intros") {
    Plan p;
    const GoalId g = p.goal(1, "Move \"into\" product");
    const PersonId a = p.person("Priya", RoleManager, 3);
    const PersonId b = p.person("Jo", RolePeer, 5);
    p.link(a, g);
    REQUIRE(p.doc.apply(addIntro(p.doc.board(), p.doc.newId<IntroId>(), a, b)));
    const std::string canvas = boardCanvas(p.doc.content());
    CHECK(canvas.find("\"nodes\": [") != std::string::npos);
    CHECK(canvas.find("\"edges\": [") != std::string::npos);
    CHECK(canvas.find("\"type\": \"group\"") != std::string::npos);
    CHECK(canvas.find("\"label\": \"2 years\"") != std::string::npos);
    CHECK(canvas.find("Move \\\"into\\\" product") != std::string::npos);
    CHECK(canvas.find("\"id\": \"goal-" + std::to_string(g.value) + "\"") != std::string::npos);
    CHECK(canvas.find("\"fromNode\": \"person-" + std::to_string(a.value) + "\"") !=
          std::string::npos);
    CHECK(canvas.find("\"label\": \"can introduce\"") != std::string::npos);
    CHECK(std::count(canvas.begin(), canvas.end(), '{') ==
          std::count(canvas.begin(), canvas.end(), '}'));
}

TEST_CASE("the prep agenda lists what is still asked of that person, for me and to share") {
    Plan p;
    const PersonId priya = p.person("Priya", RoleManager, 3);
    const PersonId jo = p.person("Jo", RolePeer, 5);
    const AskId open = p.doc.newId<AskId>();
    REQUIRE(p.doc.apply(addAsk(p.doc.board(), Ask{open,
                                                  priya,
                                                  "A stretch project",
                                                  kToday,
                                                  AskStatus::Open,
                                                  {},
                                                  {},
                                                  "secret note",
                                                  ""})));
    const AskId settled = p.doc.newId<AskId>();
    REQUIRE(p.doc.apply(
        addAsk(p.doc.board(),
               Ask{settled, priya, "A reference", kToday, AskStatus::Open, {}, {}, "", ""})));
    REQUIRE(p.doc.apply(settleAsk(p.doc.board(), settled, AskStatus::Declined, kToday)));
    REQUIRE(p.doc.apply(addAsk(
        p.doc.board(),
        Ask{p.doc.newId<AskId>(), jo, "An intro", kToday, AskStatus::Open, {}, {}, "", ""})));
    const Agenda a = draftAgenda(p.doc.content(), priya);
    CHECK(a.openAsks == std::vector<AskId>{open});
    for (const std::string& md :
         {agendaMarkdown(p.doc.content(), priya), shareAgendaMarkdown(p.doc.content(), priya)}) {
        CAPTURE(md);
        CHECK(md.find("## What I asked of Priya before") != std::string::npos);
        CHECK(md.find("- A stretch project (asked on 2025-06-01)") != std::string::npos);
        CHECK(md.find("A reference") == std::string::npos);
        CHECK(md.find("An intro") == std::string::npos);
        CHECK(md.find("secret note") == std::string::npos);
    }
}

TEST_CASE("vCard import: a UID made from a small old id matches only the same person") {
    // Two unrelated boards from older versions both have a person 11.
    Board a = makeEmptyBoard(), b = makeEmptyBoard();
    Person ada;
    ada.id = PersonId{11};
    ada.name = "Ada";
    a.content.people.put(ada);
    Person bob = ada;
    bob.name = "Bob";
    b.content.people.put(bob);
    a.nextId = b.nextId = 12;
    IdSource ids = IdSource::seeded(3);
    ImportReport rep;
    Document doc{b, 100, IdSource::seeded(4)};
    REQUIRE(
        doc.apply(importPeople(doc.board(), parseVCards(peopleVcf(a.content)).cards, ids, &rep)));
    CHECK(rep.added == 1); // Ada is new here; Bob is left alone
    CHECK(doc.content().people.find(PersonId{11})->name == "Bob");
    // The same board's own export still matches its person 11.
    CHECK(
        importPeople(doc.board(), parseVCards(peopleVcf(doc.content())).cards, ids, &rep).empty());
    CHECK(rep.unchanged == 2);
}
