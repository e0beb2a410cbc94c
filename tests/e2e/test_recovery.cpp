// Never losing work: autosave after an edit, recovery after kill -9, saving on quit.
// The real binary under Xvfb, driven with xdotool; files read back with the real loader.
#include "support/e2e.hpp"

#include "store/autosave.hpp"
#include "store/board_file.hpp"

#include <doctest/doctest.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include <signal.h>

using namespace horizons;
using namespace horizons::test::e2e;
namespace fs = std::filesystem;

namespace {

// The id of the column whose rectangle holds the card's centre.
std::string columnOf(const Frame& f, const Item& card) {
    for (const auto& it : f.items)
        if (it.kind == "column" && card.cx() >= it.x && card.cx() < it.x + it.w) return it.id;
    return {};
}

struct OnStarter {
    App app;
    fs::path file;
    OnStarter() : file(app.root() / "plan.horizons.json") {
        fs::copy_file(fs::path(HORIZONS_ASSET_DIR) / "starter.horizons.json", file);
    }
    // Selects the first 6-month card and moves it one horizon to the right (Ctrl+Right).
    std::string moveFirstNearCardRight() {
        auto frame = app.waitForFrame();
        REQUIRE(frame);
        const Item* nearCol = nullptr;
        for (const auto& it : frame->items)
            if (it.kind == "column" && (!nearCol || it.x < nearCol->x)) nearCol = &it;
        REQUIRE(nearCol);
        const Item* card = nullptr;
        for (const auto& it : frame->items)
            if (isGoalItem(it) && columnOf(*frame, it) == nearCol->id) card = &it;
        REQUIRE(card);
        const std::string cardId = card->id, from = nearCol->id;
        REQUIRE(app.click(*card));
        REQUIRE(app.key("ctrl+Right"));
        for (int i = 0; i < 50; ++i) { // wait until the card has left its column
            auto f = app.waitForFrame(app.frameCount());
            if (f && f->find(cardId) && columnOf(*f, *f->find(cardId)) != from) return cardId;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        FAIL("the card did not move to the next horizon");
        return {};
    }
};

GoalId goalIdOf(const std::string& itemId) {
    return GoalId{std::stoull(itemId.substr(itemId.find(':') + 1))};
}

} // namespace

TEST_CASE("after kill -9 the next start recovers the autosaved edit, and quitting saves it") {
    OnStarter s;
    const std::string original = [&] {
        std::ifstream in(s.file, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    }();
    REQUIRE(s.app.start({s.file.string()}));
    const std::string cardId = s.moveFirstNearCardRight();
    const GoalId gid = goalIdOf(cardId);

    // Autosave runs about two seconds after the last edit, into the data folder.
    fs::path found;
    for (int i = 0; i < 80 && found.empty(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        for (const auto& e : fs::recursive_directory_iterator(s.app.dataDir()))
            if (e.path().string().find("recovery") != std::string::npos && e.is_regular_file())
                found = e.path();
    }
    REQUIRE_MESSAGE(!found.empty(), "no autosave appeared in " << s.app.dataDir());
    const auto autosaved = store::loadBoardFile(found);
    REQUIRE(autosaved);
    const HorizonId movedTo = autosaved.board->content.goals.find(gid)->horizon;

    // The board file itself is untouched until the user saves.
    ::kill(s.app.pid(), SIGKILL);
    s.app.waitForExit();
    {
        std::ifstream in(s.file, std::ios::binary);
        CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == original);
    }

    // Next start: the move is back, the status bar says so, and Ctrl+Q keeps it in the file.
    REQUIRE(s.app.start({s.file.string()}));
    auto status = s.app.waitForItem("status:saved");
    REQUIRE(status);
    CHECK(status->label.find("Unsaved") != std::string::npos);
    auto card = s.app.waitForItem(cardId);
    REQUIRE(card);
    s.app.mouseMove(card->cx(), card->cy());
    REQUIRE(s.app.key("ctrl+q"));
    CHECK(s.app.waitForExit() == 0);
    const auto saved = store::loadBoardFile(s.file);
    REQUIRE(saved);
    CHECK(saved.board->content.goals.find(gid)->horizon == movedTo);
    CHECK_FALSE(fs::exists(found)); // nothing left to recover
}
