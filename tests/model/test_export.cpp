// Text exports compared with expected text, including quotes, commas, newlines and unicode.
#include "model/export_text.hpp"

#include <doctest/doctest.h>

using namespace horizons;

namespace {

BoardContent sample() {
    Board b = makeEmptyBoard("Ana's plan");
    std::vector<HorizonId> cols;
    for (const auto* h : orderedHorizons(b.content))
        cols.push_back(h->id);
    b.content.meta.owner = "Ana Müller";
    auto goal = [&](std::string title, std::size_t col, double spec, double order) {
        Goal g;
        g.id = GoalId{b.nextId++};
        g.title = std::move(title);
        g.horizon = cols[col];
        g.specificity = spec;
        g.order = order;
        b.content.goals.put(g);
        return g.id;
    };
    const GoalId g1 = goal("Work with \"real\" customers, not tickets", 2, 0.2, 0);
    const GoalId g2 = goal("Lead a team\nof 3–5 people", 1, 0.7, 0);
    const GoalId g3 = goal("Café talk: ask for *feedback*", 0, 0.9, 1);
    const GoalId g4 = goal("Speak at a meetup", 0, 0.6, 0);
    {
        Goal& g = const_cast<Goal&>(*b.content.goals.find(g3));
        g.status = GoalStatus::Active;
        g.target = Date::fromYmd(2024, 6, 30);
        g.tags = {"growth", "network"};
        g.notes = "Line one\nLine two, with comma";
    }
    const_cast<Goal&>(*b.content.goals.find(g4)).beyondOrg = true;
    Person p;
    p.id = PersonId{b.nextId++};
    p.name = "Zoë, the mentor";
    p.relationship = Relationship::Mentor;
    p.insideOrg = false;
    p.trust = 5;
    p.helpsWith = HelpListen | HelpBlindSpots;
    p.cadenceDays = 30;
    p.notes = "Says \"hi\"";
    b.content.people.put(p);
    b.content.links.put(GoalLink{LinkId{b.nextId++}, p.id, g2, {}});
    Conversation cv;
    cv.id = ConversationId{b.nextId++};
    cv.date = Date::fromYmd(2024, 1, 10);
    cv.person = p.id;
    cv.goals = {g1};
    cv.notes = "Good chat";
    cv.followUps = {"Book the course"};
    b.content.conversations.put(cv);
    (void)g1;
    return b.content;
}

} // namespace

TEST_CASE("export: csvField quotes only when needed and doubles quotes") {
    CHECK(csvField("plain") == "plain");
    CHECK(csvField("") == "");
    CHECK(csvField("a,b") == "\"a,b\"");
    CHECK(csvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csvField("two\nlines") == "\"two\nlines\"");
    CHECK(csvField("cr\r") == "\"cr\r\"");
    CHECK(csvField(" padded") == "\" padded\"");
    CHECK(csvField("Zoë – ünïcode") == "Zoë – ünïcode");
    CHECK(csvRow({"a", "b,c", ""}) == "a,\"b,c\",\r\n");
}

TEST_CASE("export: markdownInline escapes markup and folds line breaks") {
    CHECK(markdownInline("a *b* _c_ [d](e) <x> #1 `y` \\ |") ==
          "a \\*b\\* \\_c\\_ \\[d\\](e) \\<x\\> \\#1 \\`y\\` \\\\ \\|");
    CHECK(markdownInline("one\ntwo\r\n three\n") == "one two three");
    CHECK(markdownInline("Zoë – ünïcode") == "Zoë – ünïcode");
}

TEST_CASE("export: goals CSV") {
    const std::string expected =
        "id,title,horizon,kind,specificity,status,target,beyond_org,tags,people,serves,notes\r\n"
        "7,Speak at a meetup,6 months,Destination,0.60,Idea,,yes,,,,\r\n"
        "6,Café talk: ask for *feedback*,6 months,Destination,0.90,Active,2024-06-30,no,"
        "growth; network,,,\"Line one\nLine two, with comma\"\r\n"
        "5,\"Lead a team\nof 3–5 people\",2 years,Destination,0.70,Idea,,no,,\"Zoë, the mentor\",,"
        "\r\n"
        "4,\"Work with \"\"real\"\" customers, not tickets\",5 years,Direction,0.20,Idea,,no,,,,"
        "\r\n";
    CHECK(goalsCsv(sample()) == expected);
}

TEST_CASE("export: people CSV") {
    const std::string expected =
        "id,name,relationship,inside_org,trust,helps_with,cadence_days,last_talked,next_planned,"
        "overdue,goals,notes\r\n"
        "8,\"Zoë, the mentor\",Mentor,no,5,Listen; Challenge blind spots,30,2024-01-10,,yes,"
        "\"Lead a team\nof 3–5 people\",\"Says \"\"hi\"\"\"\r\n";
    CHECK(peopleCsv(sample(), Date::fromYmd(2024, 3, 1)) == expected);
}

TEST_CASE("export: plan Markdown") {
    const std::string expected = "# Ana's plan\n"
                                 "\n"
                                 "Owner: Ana Müller  \n"
                                 "Exported: 2024-03-01\n"
                                 "\n"
                                 "## Horizons\n"
                                 "\n"
                                 "### 6 months\n"
                                 "\n"
                                 "Destinations (concrete):\n"
                                 "\n"
                                 "- **Speak at a meetup** (beyond the current organisation)\n"
                                 "- [active] **Café talk: ask for \\*feedback\\*** (by 2024-06-30; "
                                 "tags: growth, network)\n"
                                 "  Line one\n"
                                 "  Line two, with comma\n"
                                 "\n"
                                 "### 2 years\n"
                                 "\n"
                                 "Destinations (concrete):\n"
                                 "\n"
                                 "- **Lead a team of 3–5 people** (talk to Zoë, the mentor)\n"
                                 "\n"
                                 "### 5 years\n"
                                 "\n"
                                 "Directions (open-ended):\n"
                                 "\n"
                                 "- **Work with \"real\" customers, not tickets**\n"
                                 "\n"
                                 "## People\n"
                                 "\n"
                                 "- **Zoë, the mentor** - Mentor, outside the organisation, "
                                 "trust 5/5, last talked 2024-01-10 (overdue)\n"
                                 "  Can help: Listen, Challenge blind spots\n"
                                 "  Says \"hi\"\n"
                                 "\n"
                                 "## Recent conversations\n"
                                 "\n"
                                 "- 2024-01-10 with **Zoë, the mentor**\n"
                                 "  Discussed: Work with \"real\" customers, not tickets\n"
                                 "  Good chat\n"
                                 "  - [ ] Book the course\n";
    CHECK(planMarkdown(sample(), Date::fromYmd(2024, 3, 1)) == expected);
}

TEST_CASE("export: empty plan Markdown says so") {
    const std::string md = planMarkdown(makeEmptyBoard("E").content, Date::fromYmd(2024, 1, 1));
    CHECK(md.find("No goals yet.") != std::string::npos);
    CHECK(md.find("Nobody on the map yet.") != std::string::npos);
    CHECK(md.find("None logged yet.") != std::string::npos);
}
