// Helpers for the store tests: temp folders, file bytes, random boards.
#pragma once

#include "model/board.hpp"
#include "model/validate.hpp"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <string>

namespace horizons::testutil {

namespace fs = std::filesystem;

inline fs::path assetDir() { return HORIZONS_ASSET_DIR; }
inline fs::path dataDir() { return HORIZONS_TEST_DATA_DIR; }

// A fresh folder under the system temp folder, removed (with its contents) at scope end.
struct TempDir {
    fs::path path;
    TempDir() {
        std::random_device rd;
        path = fs::temp_directory_path() /
               ("horizons-store-test-" + std::to_string(rd()) + std::to_string(rd()));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    fs::path operator/(const std::string& name) const { return path / name; }
};

inline std::string readBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary | std::ios::ate);
    if (!in) return {};
    std::string out(static_cast<std::size_t>(in.tellg()), '\0');
    in.seekg(0);
    in.read(out.data(), static_cast<std::streamsize>(out.size()));
    out.resize(static_cast<std::size_t>(in.gcount()));
    return out;
}

inline void writeBytes(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// Random boards that pass validateBoard, with unicode, empty texts and extreme values.
class BoardGen {
  public:
    explicit BoardGen(std::uint32_t seed) : rng_(seed) {}

    Board make(std::size_t goals = 12, std::size_t people = 5, std::size_t snapshots = 1,
               std::size_t notesBytes = 0) {
        Board b;
        b.nextId = 1;
        b.content = content(b.nextId, goals, people, notesBytes);
        for (std::size_t i = 0; i < snapshots; ++i) {
            Snapshot s;
            s.id = SnapshotId{b.nextId++};
            s.name = text();
            s.note = text();
            s.takenAt = pick<std::int64_t>({0, 1735689600, std::numeric_limits<std::int64_t>::min(),
                                            std::numeric_limits<std::int64_t>::max()});
            s.content = content(b.nextId, goals / 2 + 1, people / 2 + 1, 0);
            b.snapshots.put(std::move(s));
        }
        if (coin(0.2)) b.nextId = std::numeric_limits<std::uint64_t>::max(); // extreme but valid
        return b;
    }

    std::string text() {
        static const char* parts[] = {"",
                                      "Plan",
                                      " ",
                                      "日本語のテキスト",
                                      "🚀 launch",
                                      "e\u0301t\u00e9",
                                      "\"quoted\"",
                                      "back\\slash",
                                      "tab\tnew\nline",
                                      "\x01\x1f control",
                                      "<b>not markup</b>",
                                      "{\"json\": [1,2]}",
                                      "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB",
                                      "Ωmega",
                                      "\u00a0nbsp",
                                      "\xEF\xBB\xBF"
                                      "bom"};
        std::string s;
        const int n = static_cast<int>(rng_() % 4);
        for (int i = 0; i < n; ++i)
            s += parts[rng_() % std::size(parts)];
        return s;
    }

  private:
    template <class T> T pick(std::initializer_list<T> v) {
        return *(v.begin() + static_cast<std::ptrdiff_t>(rng_() % v.size()));
    }
    bool coin(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }
    double real() {
        return pick<double>({0.0, -0.0, 1.0, 0.5, 1e-300, 4.9e-324, -1e308,
                             std::numeric_limits<double>::max(),
                             std::numeric_limits<double>::lowest(), 0.1 + 0.2, 3.141592653589793,
                             std::uniform_real_distribution<double>(-1e6, 1e6)(rng_)});
    }
    double unit() {
        return pick<double>({0.0, 1.0, 0.5, 4.9e-324, 0.49999999999999994, 1.0 - 1e-16,
                             std::uniform_real_distribution<double>(0, 1)(rng_)});
    }
    std::optional<Date> date() {
        if (coin(0.3)) return std::nullopt;
        return Date{pick<std::int32_t>(
            {0, -1, 20089, 2932896, -719528, -719529, std::numeric_limits<std::int32_t>::min(),
             std::numeric_limits<std::int32_t>::max(), static_cast<std::int32_t>(rng_() % 40000)})};
    }

    BoardContent content(std::uint64_t& nextId, std::size_t goals, std::size_t people,
                         std::size_t notesBytes) {
        BoardContent c;
        c.meta.title = text();
        c.meta.owner = text();
        c.meta.settings.beyondOrgTrust = 1 + static_cast<int>(rng_() % 5);
        c.meta.settings.dismissedBoardHints = static_cast<std::uint32_t>(rng_());
        std::vector<HorizonId> hs;
        const int nh = 1 + static_cast<int>(rng_() % 4);
        for (int i = 0; i < nh; ++i) {
            Horizon h{HorizonId{nextId++}, text(), pick<int>({1, 6, 24, 60, 2147483647}), real()};
            hs.push_back(h.id);
            c.horizons.put(h);
        }
        std::vector<GoalId> gs;
        for (std::size_t i = 0; i < goals; ++i) {
            Goal g;
            g.id = GoalId{nextId++};
            g.title = text();
            g.notes = text();
            if (notesBytes)
                g.notes += std::string(notesBytes, static_cast<char>('a' + rng_() % 26));
            g.horizon = hs[rng_() % hs.size()];
            g.specificity = unit();
            g.order = real();
            g.status = static_cast<GoalStatus>(rng_() % kGoalStatusCount);
            g.target = date();
            for (int t = static_cast<int>(rng_() % 3); t > 0; --t)
                g.tags.push_back(text());
            g.colour = pick<std::uint32_t>({0, 0xFFFFFF, 0x123456, 0xFFFFFFFF, 0x01000000});
            g.beyondOrg = coin(0.5);
            if (!gs.empty() && coin(0.5)) g.serves = gs[rng_() % gs.size()];
            g.dismissedHints = static_cast<std::uint32_t>(rng_());
            g.created =
                pick<std::int64_t>({0, -1, 1735689600, std::numeric_limits<std::int64_t>::min()});
            g.updated =
                pick<std::int64_t>({0, 1735689600, std::numeric_limits<std::int64_t>::max()});
            gs.push_back(g.id);
            c.goals.put(std::move(g));
        }
        std::vector<PersonId> ps;
        for (std::size_t i = 0; i < people; ++i) {
            Person p;
            p.id = PersonId{nextId++};
            p.name = text();
            p.relationship = static_cast<Relationship>(rng_() % kRelationshipCount);
            p.insideOrg = coin(0.5);
            p.trust = 1 + static_cast<int>(rng_() % 5);
            p.helpsWith =
                pick<std::uint32_t>({0, kHelpWithAll, 0xFFFFFFFF, HelpListen | HelpSponsor});
            p.cadenceDays = pick<int>({0, 30, 2147483647});
            p.nextPlanned = date();
            p.notes = text();
            p.mapAngle = real();
            ps.push_back(p.id);
            c.people.put(std::move(p));
        }
        if (!ps.empty() && !gs.empty()) {
            for (std::size_t i = 0; i < goals; ++i)
                c.links.put(GoalLink{LinkId{nextId++}, ps[rng_() % ps.size()],
                                     gs[rng_() % gs.size()], text()});
            for (std::size_t i = 0; i < people / 2; ++i) {
                Conversation conv;
                conv.id = ConversationId{nextId++};
                conv.date = date().value_or(Date{0});
                conv.person = ps[rng_() % ps.size()];
                conv.goals = {gs[rng_() % gs.size()], gs[rng_() % gs.size()]};
                conv.notes = text();
                conv.followUps = {text(), text()};
                c.conversations.put(std::move(conv));
            }
        }
        for (std::size_t i = 1; i < ps.size(); ++i)
            c.intros.put(Intro{IntroId{nextId++}, ps[i - 1], ps[i]});
        // Schema 2: roles, organisation, gaps, UIDs; asks, wins and the review date.
        std::vector<Person> people2(c.people.begin(), c.people.end());
        for (Person& p : people2) {
            p.roles = pick<std::uint32_t>({0, kRoleAll, RoleSponsor | RoleMentor, 0xFFFFFFFF});
            p.organisation = text();
            p.latestGapDays = pick<int>({0, 45, 2147483647});
            p.uid = text();
        }
        c.people.assign(std::move(people2));
        for (std::size_t i = 0; i < ps.size(); ++i) {
            Ask a;
            a.id = AskId{nextId++};
            a.person = coin(0.8) ? ps[i] : PersonId{};
            a.formerContact = a.person ? text() : "Someone gone " + text();
            a.what = text();
            a.asked = date().value_or(Date{0});
            a.status = static_cast<AskStatus>(rng_() % kAskStatusCount);
            a.settled = date();
            if (!gs.empty()) a.goals = {gs[rng_() % gs.size()]};
            a.notes = text();
            c.asks.put(std::move(a));
            Win w;
            w.id = WinId{nextId++};
            w.date = date().value_or(Date{0});
            w.what = text();
            if (!gs.empty()) w.goals = {gs[rng_() % gs.size()], gs[rng_() % gs.size()]};
            w.notes = text();
            c.wins.put(std::move(w));
        }
        c.meta.reviewDate = date();
        return c;
    }

    std::mt19937 rng_;
};

} // namespace horizons::testutil
