// Agenda drafting: trust filtering of "beyond the organisation" goals at, below and above the
// board's threshold, the note about what was left out, and the Markdown it renders.
#include "model/agenda.hpp"

#include <algorithm>

#include <doctest/doctest.h>

using namespace horizons;

namespace {

struct Plan {
    Board b = makeEmptyBoard("Plan");
    std::vector<HorizonId> cols; // 6 months, 2 years, 5 years
    PersonId sam;
    GoalId direction, twoYear, sixMonth, outside1, outside2, dropped;
    Plan() {
        for (const auto* h : orderedHorizons(b.content))
            cols.push_back(h->id);
        b.content.meta.settings.beyondOrgTrust = 4;
        direction = goal("Work closer to customers", 2, 0.2);
        twoYear = goal("Lead a small team", 1, 0.6);
        sixMonth = goal("Finish the *design* course", 0, 0.9);
        outside1 = goal("Start a consultancy", 2, 0.3, true);
        outside2 = goal("Apply to another company", 0, 0.8, true);
        dropped = goal("Old idea", 1, 0.5);
        const_cast<Goal*>(b.content.goals.find(dropped))->status = GoalStatus::Dropped;
        Person p;
        p.id = sam = PersonId{b.nextId++};
        p.name = "Sam";
        p.relationship = Relationship::Manager;
        p.helpsWith = HelpConnect | HelpSponsor;
        b.content.people.put(p);
        b.content.links.put(GoalLink{LinkId{b.nextId++}, sam, twoYear, "budget for it"});
        b.content.links.put(GoalLink{LinkId{b.nextId++}, sam, outside2, {}});
    }
    GoalId goal(std::string title, std::size_t col, double spec, bool beyond = false) {
        Goal g;
        g.id = GoalId{b.nextId++};
        g.title = std::move(title);
        g.horizon = cols[col];
        g.specificity = spec;
        g.beyondOrg = beyond;
        b.content.goals.put(g);
        return g.id;
    }
    void trust(int t) { const_cast<Person*>(b.content.people.find(sam))->trust = t; }
    bool mentions(const Agenda& a, GoalId g) const {
        for (const auto& s : a.sections)
            for (GoalId x : s.goals)
                if (x == g) return true;
        return false;
    }
};

} // namespace

TEST_CASE("agenda: sections run from the direction to the next steps") {
    Plan p;
    p.trust(5);
    const Agenda a = draftAgenda(p.b.content, p.sam);
    REQUIRE(a.sections.size() == 3);
    CHECK(a.sections[0].role == AgendaSection::Role::Direction);
    CHECK(a.sections[0].heading == "Where I am heading");
    CHECK(a.sections[1].role == AgendaSection::Role::MidTerm);
    CHECK(a.sections[2].role == AgendaSection::Role::NearTerm);
    CHECK(a.sections[1].goals == std::vector<GoalId>{p.twoYear}); // the dropped goal is not there
    CHECK(a.asks.size() == 2);
}

TEST_CASE("agenda: below the threshold, beyond-organisation goals are left out and counted") {
    Plan p;
    p.trust(3);
    const Agenda a = draftAgenda(p.b.content, p.sam);
    CHECK_FALSE(a.trusted);
    CHECK_FALSE(p.mentions(a, p.outside1));
    CHECK_FALSE(p.mentions(a, p.outside2));
    CHECK(a.linked == std::vector<GoalId>{p.twoYear}); // the linked outside goal is hidden too
    CHECK(a.leftOutBeyondOrg == 2);                    // distinct goals, not mentions
    const std::string md = agendaMarkdown(p.b.content, a);
    CHECK(md.find("Start a consultancy") == std::string::npos);
    CHECK(md.find("Apply to another company") == std::string::npos);
    CHECK(md.find("> Left out: 2 goals beyond the current organisation, because trust with Sam "
                  "(3) is below the board's threshold (4).") != std::string::npos);
}

TEST_CASE("agenda: at the threshold, everything is on the agenda and there is no note") {
    Plan p;
    p.trust(4);
    const Agenda a = draftAgenda(p.b.content, p.sam);
    CHECK(a.trusted);
    CHECK(p.mentions(a, p.outside1));
    CHECK(p.mentions(a, p.outside2));
    CHECK(a.leftOutBeyondOrg == 0);
    CHECK(a.linked.size() == 2);
    CHECK(agendaMarkdown(p.b.content, a).find("Left out") == std::string::npos);
}

TEST_CASE("agenda: above the threshold, same as at it") {
    Plan p;
    p.trust(5);
    const Agenda a = draftAgenda(p.b.content, p.sam);
    CHECK(a.trusted);
    CHECK(a.leftOutBeyondOrg == 0);
    CHECK(p.mentions(a, p.outside1));
}

TEST_CASE("agenda: one left out goal is singular; the threshold follows the board setting") {
    Plan p;
    p.trust(2);
    p.b.content.meta.settings.beyondOrgTrust = 3;
    const_cast<Goal*>(p.b.content.goals.find(p.outside2))->beyondOrg = false;
    const std::string md = agendaMarkdown(p.b.content, p.sam);
    CHECK(md.find("> Left out: 1 goal beyond the current organisation, because trust with Sam "
                  "(2) is below the board's threshold (3).") != std::string::npos);
    p.b.content.meta.settings.beyondOrgTrust = 2;
    CHECK(agendaMarkdown(p.b.content, p.sam).find("Left out") == std::string::npos);
}

TEST_CASE("agenda: full Markdown for a trusted person") {
    Plan p;
    p.trust(4);
    Conversation cv;
    cv.id = ConversationId{p.b.nextId++};
    cv.date = Date::fromYmd(2024, 3, 1);
    cv.person = p.sam;
    cv.followUps = {"Ask HR about the rotation"};
    p.b.content.conversations.put(cv);
    const std::string expected =
        "# Prep for a career conversation with Sam (for me, not to share)\n"
        "\n"
        "Manager, trust 4/5; last talked 2024-03-01\n"
        "\n"
        "I lead this conversation: share where I am heading, hear how it sounds, and leave with "
        "sharper ideas.\n"
        "\n"
        "## Where I am heading\n"
        "\n"
        "- Work closer to customers (5 years; still open)\n"
        "- Start a consultancy (5 years; still open)\n"
        "\n"
        "## Things worth doing\n"
        "\n"
        "- Lead a small team (2 years)\n"
        "\n"
        "## Next steps\n"
        "\n"
        "- Finish the \\*design\\* course (6 months)\n"
        "- Apply to another company (6 months)\n"
        "\n"
        "## To talk about with Sam\n"
        "\n"
        "- Lead a small team (budget for it)\n"
        "- Apply to another company\n"
        "\n"
        "## What I could ask\n"
        "\n"
        "- Who should I meet, and which groups or networks could I join?\n"
        "- Would you put my name forward when a fitting piece of work comes up?\n"
        "\n"
        "## From last time\n"
        "\n"
        "- [ ] Ask HR about the rotation\n";
    CHECK(agendaMarkdown(p.b.content, p.sam) == expected);
}

TEST_CASE("agenda: unknown person gives an empty agenda") {
    Plan p;
    CHECK_FALSE(draftAgenda(p.b.content, PersonId{9999}).person);
    CHECK(agendaMarkdown(p.b.content, PersonId{9999}).empty());
}

TEST_CASE("agenda: someone with nothing ticked still gets a question") {
    Plan p;
    const_cast<Person*>(p.b.content.people.find(p.sam))->helpsWith = 0;
    CHECK(draftAgenda(p.b.content, p.sam).asks.size() == 1);
    for (int i = 0; i < kHelpWithCount; ++i)
        CHECK_FALSE(askFor(helpWithBit(i)).empty());
}

// The three content fixes of issue 15: each of these failed on the agenda that followed
// column positions and copied follow-ups as they were.

TEST_CASE("agenda: a goal marked done is not a next step") {
    Plan p;
    p.trust(5);
    const_cast<Goal*>(p.b.content.goals.find(p.sixMonth))->status = GoalStatus::Done;
    const Agenda a = draftAgenda(p.b.content, p.sam);
    for (const auto& s : a.sections)
        if (s.role == AgendaSection::Role::NearTerm)
            CHECK(std::find(s.goals.begin(), s.goals.end(), p.sixMonth) == s.goals.end());
    const std::string md = agendaMarkdown(p.b.content, a);
    const auto next = md.find("## Next steps");
    const auto done = md.find("## Done");
    REQUIRE(next != std::string::npos);
    REQUIRE(done != std::string::npos);
    const auto line = md.find("Finish the \\*design\\* course");
    CHECK(line > done); // listed under Done, not under the next steps
    CHECK(md.find("- Finish the \\*design\\* course (6 months; done)") != std::string::npos);
}

TEST_CASE("agenda: a follow-up made into a goal is closed and names the goal") {
    Plan p;
    p.trust(4);
    Conversation cv;
    cv.id = ConversationId{p.b.nextId++};
    cv.date = Date::fromYmd(2024, 3, 1);
    cv.person = p.sam;
    cv.followUps = {"Ask HR about the rotation", "Read the team charter"};
    p.b.content.conversations.put(cv);
    // What "Make it a goal" in the log does: the same title, in the shortest horizon, linked.
    const GoalId made = p.goal("Ask HR about the rotation", 0, 0.8);
    p.b.content.links.put(GoalLink{LinkId{p.b.nextId++}, p.sam, made, {}});
    const Agenda a = draftAgenda(p.b.content, p.sam);
    CHECK(a.openFollowUps == std::vector<std::string>{"Read the team charter"});
    const std::string md = agendaMarkdown(p.b.content, a);
    CHECK(md.find("- [ ] Ask HR about the rotation") == std::string::npos);
    CHECK(md.find("- [x] Ask HR about the rotation (now the goal \"Ask HR about the rotation\", "
                  "6 months)") != std::string::npos);
    CHECK(md.find("- [ ] Read the team charter") != std::string::npos);
}

TEST_CASE("agenda: sections follow what goals are, so an empty horizon changes nothing") {
    Plan p;
    p.trust(5);
    const std::string before = agendaMarkdown(p.b.content, p.sam);
    Horizon later;
    later.id = HorizonId{p.b.nextId++};
    later.name = "10 years";
    later.months = 120;
    later.order = 100;
    p.b.content.horizons.put(later);
    CHECK(agendaMarkdown(p.b.content, p.sam) == before);
    const Agenda a = draftAgenda(p.b.content, p.sam);
    REQUIRE_FALSE(a.sections.empty());
    CHECK(a.sections[0].role == AgendaSection::Role::Direction);
    CHECK(p.mentions(a, p.direction));
}

TEST_CASE("agenda: a direction in a near column is still where I am heading") {
    Plan p;
    p.trust(5);
    const GoalId nearDirection = p.goal("Grow as a speaker", 0, 0.1);
    const Agenda a = draftAgenda(p.b.content, p.sam);
    REQUIRE_FALSE(a.sections.empty());
    CHECK(a.sections[0].role == AgendaSection::Role::Direction);
    const auto& g = a.sections[0].goals;
    CHECK(std::find(g.begin(), g.end(), nearDirection) != g.end());
}
