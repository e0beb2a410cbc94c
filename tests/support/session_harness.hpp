// session_harness.hpp — a real Session over files in memory, for headless tests of the whole
// window (drawApp): what the shell dispatches is carried out by the session's own rules.
//
//   test::SessionHarness h{board};           // opened from /boards/plan.horizons.json
//   ui::drawApp(state, h.s);
//   h.files->files["/boards/plan.horizons.json"]   // what a save wrote
#pragma once

#include "session/session.hpp"
#include "store/board_file.hpp"

#include <memory>
#include <string>

namespace horizons::test {

struct SessionHarness {
    static constexpr const char* kPath = "/boards/plan.horizons.json";
    std::shared_ptr<session::MemoryFiles> files = std::make_shared<session::MemoryFiles>();
    double clock = 0;
    session::Session s{environment()};

    // The board is written at kPath and opened from there.
    explicit SessionHarness(const Board& board) {
        files->files[kPath] = store::serializeJson(board);
        session::StartOptions o;
        o.file = kPath;
        s.start(o);
    }
    // An untitled empty board, as for a screenshot.
    SessionHarness() {
        session::StartOptions o;
        o.blank = true;
        s.start(o);
    }
    const Document& doc() const { return s.live(); }

  private:
    session::Environment environment() {
        session::Environment e;
        e.files = files;
        e.seconds = [this] { return clock; };
        e.now = [] { return Timestamp{1764770000}; };
        e.kdf = store::kTestKdf; // boards protected in a test derive their key fast
        return e;
    }
};

} // namespace horizons::test
