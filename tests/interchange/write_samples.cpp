// Writes the iCalendar, vCard and JSON Canvas exports of a few boards into a folder, for
// parse_exports.py to read with independent parsers (python3-icalendar, python3-vobject).
//   write_samples OUTDIR BOARD_FILE...
// Besides the given boards it writes one built here with every awkward text: punctuation the
// formats escape, line breaks, long lines, text in several scripts, emoji.
#include "model/calendar.hpp"
#include "model/canvas.hpp"
#include "model/document.hpp"
#include "model/edits.hpp"
#include "store/board_file.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>

using namespace horizons;
namespace fs = std::filesystem;

namespace {

Board awkwardBoard() {
    Document doc{makeEmptyBoard("Plan; with, \"quotes\" \\ and\nbreaks"), 100, IdSource::seeded(7)};
    const auto cols = orderedHorizons(doc.content());
    std::vector<PersonId> people;
    const std::string names[] = {"Zoë Ångström-Nguyễn", "山田 太郎", "Ola; Nordmann, Jr.", "Single",
                                 "Émile 🚀 Long " + std::string(90, 'x')};
    for (std::size_t i = 0; i < std::size(names); ++i) {
        Person p;
        p.id = doc.newId<PersonId>();
        p.name = names[i];
        p.roles = static_cast<std::uint32_t>(i * 13) & kRoleAll;
        p.organisation = i % 2 ? "Org; Ltd, \"Global\"" : "";
        p.insideOrg = i % 2 == 0;
        p.trust = 1 + static_cast<int>(i % 5);
        p.helpsWith = static_cast<std::uint32_t>(i * 37) & kHelpWithAll;
        p.cadenceDays = i == 3 ? 0 : static_cast<int>(14 + i * 10);
        p.nextPlanned = i == 3 ? std::optional<Date>(Date::fromYmd(2025, 9, 1)) : std::nullopt;
        p.notes = "Notes: a;b,c\\d\nsecond line\r\nthird " + std::string(200, 'n') + " 日本語";
        p.mapAngle = 0.5 * static_cast<double>(i);
        doc.apply(addPerson(doc.board(), p));
        people.push_back(p.id);
    }
    for (std::size_t i = 1; i < people.size(); ++i)
        doc.apply(addIntro(doc.board(), doc.newId<IntroId>(), people[i - 1], people[i]));
    Goal g;
    g.id = doc.newId<GoalId>();
    g.title = "Goal with \"quotes\", commas; and a very long title " + std::string(100, 'g');
    g.horizon = cols[1]->id;
    g.colour = 0x2f7d6b;
    doc.apply(addGoal(doc.board(), g));
    Goal g2 = g;
    g2.id = doc.newId<GoalId>();
    g2.title = "Serves it";
    g2.horizon = cols[0]->id;
    g2.serves = g.id;
    doc.apply(addGoal(doc.board(), g2));
    doc.apply(linkPersonToGoal(doc.board(), doc.newId<LinkId>(), people[0], g.id, "Topic; \"x\""));
    doc.apply(
        logConversation(doc.board(), Conversation{doc.newId<ConversationId>(),
                                                  Date::fromYmd(2025, 1, 2),
                                                  people[1],
                                                  {g.id},
                                                  "n",
                                                  {"Follow-up, with; punctuation", "Serves it", ""},
                                                  ""}));
    doc.apply(addAsk(doc.board(), Ask{doc.newId<AskId>(),
                                      people[2],
                                      "Ask: intro, please; now",
                                      Date::fromYmd(2025, 2, 3),
                                      AskStatus::Open,
                                      {},
                                      {g.id},
                                      "",
                                      ""}));
    doc.apply(setReviewDate(doc.board(), Date::fromYmd(2025, 6, 30)));
    return doc.board();
}

bool write(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary);
    out << bytes;
    return static_cast<bool>(out);
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: write_samples OUTDIR [BOARD...]\n";
        return 2;
    }
    const fs::path dir = argv[1];
    fs::create_directories(dir);
    std::vector<std::pair<std::string, Board>> boards{{"awkward", awkwardBoard()}};
    for (int i = 2; i < argc; ++i) {
        auto r = store::loadBoardFile(argv[i]);
        if (!r) {
            std::cerr << r.error << "\n";
            return 1;
        }
        boards.emplace_back(fs::path(argv[i]).filename().string(), std::move(*r.board));
    }
    for (const auto& [name, b] : boards) {
        const Date today = Date::fromYmd(2025, 6, 1);
        if (!write(dir / (name + ".ics"), calendarIcs(b.content, today, 1748779200)) ||
            !write(dir / (name + ".vcf"), peopleVcf(b.content)) ||
            !write(dir / (name + ".canvas"), boardCanvas(b.content)))
            return 1;
    }
    std::cout << "wrote " << boards.size() * 3 << " files to " << dir.string() << "\n";
    return 0;
}
