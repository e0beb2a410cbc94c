// What may be shared: every output labelled "to share" run over a board whose private fields
// hold marker strings; no marker, trust level, ring or left-out count may appear in any.
#include "model/agenda.hpp"
#include "model/export_text.hpp"
#include "model/share.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <functional>

using namespace horizons;

namespace {

// Strings that are private on this board, in every field that holds something private.
const std::vector<std::string> kMarkers = {
    "MARK-READER-NOTE", "MARK-OTHER-NAME",  "MARK-OTHER-NOTE",   "MARK-OTHER-TOPIC",
    "MARK-GOAL-NOTE",   "MARK-BEYOND-GOAL", "MARK-DROPPED-GOAL", "MARK-CONV-NOTE",
    "MARK-OTHER-CONV",  "MARK-OTHER-FOLLOW"};
// Words that only a for-me output may hold (case-insensitive).
const std::vector<std::string> kForMeWords = {"trust",   "/5",     "left out", "ring",
                                              "manager", "for me", "threshold"};

struct PrivateBoard {
    Board b = makeEmptyBoard("Plan");
    PersonId reader, other;
    PrivateBoard() {
        b.content.meta.settings.beyondOrgTrust = 4;
        const auto cols = orderedHorizons(b.content);
        auto goal = [&](std::string title, std::size_t col, double spec) {
            Goal g;
            g.id = GoalId{b.nextId++};
            g.title = std::move(title);
            g.horizon = cols[col]->id;
            g.specificity = spec;
            b.content.goals.put(g);
            return const_cast<Goal*>(b.content.goals.find(g.id));
        };
        const GoalId leadId = goal("Lead a small team", 1, 0.6)->id;
        const_cast<Goal*>(b.content.goals.find(leadId))->notes =
            "MARK-GOAL-NOTE: I am tired of this place";
        goal("Work closer to customers", 2, 0.2);
        goal("MARK-BEYOND-GOAL start a company", 2, 0.3)->beyondOrg = true;
        goal("MARK-DROPPED-GOAL old idea", 0, 0.8)->status = GoalStatus::Dropped;

        Person p;
        p.id = reader = PersonId{b.nextId++};
        p.name = "Sam";
        p.relationship = Relationship::Manager;
        p.trust = 2;
        p.helpsWith = HelpConnect;
        p.notes = "MARK-READER-NOTE: does not keep things to herself";
        b.content.people.put(p);
        Person o;
        o.id = other = PersonId{b.nextId++};
        o.name = "MARK-OTHER-NAME";
        o.relationship = Relationship::Mentor;
        o.trust = 5;
        o.notes = "MARK-OTHER-NOTE";
        b.content.people.put(o);
        b.content.links.put(GoalLink{LinkId{b.nextId++}, reader, leadId, "budget"});
        b.content.links.put(GoalLink{LinkId{b.nextId++}, other, leadId, "MARK-OTHER-TOPIC"});
        b.content.intros.put(Intro{IntroId{b.nextId++}, other, reader});
        b.content.conversations.put(Conversation{ConversationId{b.nextId++},
                                                 Date::fromYmd(2024, 3, 1),
                                                 reader,
                                                 {leadId},
                                                 "MARK-CONV-NOTE: she looked worried",
                                                 {"Ask about the rotation"},
                                                 ""});
        b.content.conversations.put(Conversation{ConversationId{b.nextId++},
                                                 Date::fromYmd(2024, 3, 2),
                                                 other,
                                                 {leadId},
                                                 "MARK-OTHER-CONV",
                                                 {"MARK-OTHER-FOLLOW"},
                                                 ""});
    }
};

std::string lower(std::string s) {
    for (char& ch : s)
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

void checkNothingPrivate(const std::string& name, const std::string& out) {
    CAPTURE(name);
    CAPTURE(out);
    CHECK_FALSE(out.empty());
    for (const auto& m : kMarkers)
        CHECK_MESSAGE(out.find(m) == std::string::npos, m);
    const std::string l = lower(out);
    for (const auto& w : kForMeWords)
        CHECK_MESSAGE(l.find(w) == std::string::npos, w);
}

// Every text a picture drawn from `b` could show (and each person's trust and relationship,
// so a person left in the board would show up as "trust").
std::string everyText(const Board& b) {
    const BoardContent& c = b.content;
    std::string out = c.meta.title + "\n" + c.meta.owner + "\n";
    for (const auto& h : c.horizons)
        out += h.name + "\n";
    for (const auto& g : c.goals)
        out += g.title + "\n" + g.notes + "\n";
    for (const auto& p : c.people)
        out += p.name + " " + p.notes + " trust " + std::to_string(p.trust) + " " +
               std::string(relationshipName(p.relationship)) + "\n";
    for (const auto& l : c.links)
        out += l.topic + "\n";
    for (const auto& cv : c.conversations) {
        out += cv.notes + "\n";
        for (const auto& f : cv.followUps)
            out += f + "\n";
    }
    for (const auto& s : b.snapshots)
        out += s.name + "\n" + s.note + "\n";
    return out;
}

using SharePath = std::function<std::string(const BoardContent&, PersonId reader)>;

// Every output labelled "to share" (the app's copy/export buttons and the CLI's --share
// call these).
const std::vector<std::pair<std::string, SharePath>> kSharePaths = {
    {"agenda", [](const BoardContent& c, PersonId r) { return shareAgendaMarkdown(c, r); }},
    {"plan md for the reader",
     [](const BoardContent& c, PersonId r) {
         return sharePlanMarkdown(c, r, Date::fromYmd(2024, 6, 1));
     }},
    {"plan md for anyone",
     [](const BoardContent& c, PersonId) {
         return sharePlanMarkdown(c, PersonId{}, Date::fromYmd(2024, 6, 1));
     }},
    {"goals csv for the reader",
     [](const BoardContent& c, PersonId r) { return shareGoalsCsv(c, r); }},
    {"goals csv for anyone",
     [](const BoardContent& c, PersonId) { return shareGoalsCsv(c, PersonId{}); }},
    // The board PNG to share is drawn from this board alone (cli_export.cpp pipes it to the
    // renderer): whatever text it holds is all the picture can show.
    {"board picture for the reader",
     [](const BoardContent& c, PersonId r) {
         Board b;
         b.content = c;
         return everyText(sharePictureBoard(b, r));
     }},
    {"board picture for anyone",
     [](const BoardContent& c, PersonId) {
         Board b;
         b.content = c;
         return everyText(sharePictureBoard(b, PersonId{}));
     }},
};

} // namespace

TEST_CASE("share: the markers are real (the for-me outputs hold them)") {
    PrivateBoard pb;
    const std::string all =
        planMarkdown(pb.b.content, Date::fromYmd(2024, 6, 1)) + goalsCsv(pb.b.content) +
        peopleCsv(pb.b.content, Date::fromYmd(2024, 6, 1)) +
        agendaMarkdown(pb.b.content, pb.reader) + agendaMarkdown(pb.b.content, pb.other);
    for (const auto& m : kMarkers)
        if (m != "MARK-DROPPED-GOAL") CHECK_MESSAGE(all.find(m) != std::string::npos, m);
    CHECK(goalsCsv(pb.b.content).find("MARK-DROPPED-GOAL") != std::string::npos);
    const std::string forMe =
        agendaMarkdown(pb.b.content, pb.reader) + agendaMarkdown(pb.b.content, pb.other);
    CHECK(forMe.find("trust 2/5") != std::string::npos);
    CHECK(forMe.find("Left out: 1 goal") != std::string::npos);
}

TEST_CASE("share: no share path shows a private field, a trust level or what was left out") {
    PrivateBoard pb;
    for (const auto& [name, path] : kSharePaths)
        checkNothingPrivate(name, path(pb.b.content, pb.reader));
    // The shareable content itself holds none of them either.
    const BoardContent s = shareableContent(pb.b.content, pb.reader);
    CHECK(s.people.size() == 1);
    CHECK(s.intros.empty());
    CHECK(s.conversations.size() == 1);
    CHECK(s.links.size() == 1);
    for (const auto& g : s.goals)
        CHECK(g.notes.empty());
}

TEST_CASE("share: a trusted reader sees wider goals, and still no notes or trust") {
    PrivateBoard pb;
    const_cast<Person*>(pb.b.content.people.find(pb.reader))->trust = 4;
    const std::string agenda = shareAgendaMarkdown(pb.b.content, pb.reader);
    CHECK(agenda.find("MARK-BEYOND-GOAL") != std::string::npos);
    CHECK(sharePlanMarkdown(pb.b.content, pb.reader, Date::fromYmd(2024, 6, 1))
              .find("MARK-BEYOND-GOAL") != std::string::npos);
    // Nobody named: only what anyone may see.
    CHECK(shareGoalsCsv(pb.b.content, PersonId{}).find("MARK-BEYOND-GOAL") == std::string::npos);
    CHECK(lower(agenda).find("trust") == std::string::npos);
    CHECK(agenda.find("MARK-READER-NOTE") == std::string::npos);
}

TEST_CASE("share: the agenda to share keeps what the reader is meant to read") {
    PrivateBoard pb;
    const std::string md = shareAgendaMarkdown(pb.b.content, pb.reader);
    CHECK(md.rfind("# Career conversation with Sam\n", 0) == 0);
    CHECK(md.find("We last talked on 2024-03-01.") != std::string::npos);
    CHECK(md.find("- Lead a small team (budget)") != std::string::npos);
    CHECK(md.find("Who should I meet") != std::string::npos);
    CHECK(md.find("- [ ] Ask about the rotation") != std::string::npos);
    CHECK(outputKindName(OutputKind::ToShare) == "to share");
    CHECK(shareAgendaMarkdown(pb.b.content, PersonId{9999}).empty());
}
