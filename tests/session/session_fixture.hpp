// session_fixture.hpp — files in memory and a hand-driven clock for the session's rule tests.
#pragma once

#include "model/edits.hpp"
#include "session/session.hpp"
#include "store/board_file.hpp"

#include <doctest/doctest.h>

namespace horizons::session::test {

// A board named `title` with one goal titled `title` in its first horizon.
inline Board boardWithGoal(const std::string& title) {
    Board b = makeEmptyBoard(title);
    Goal g;
    g.id = GoalId{b.nextId++};
    g.title = title;
    g.horizon = orderedHorizons(b.content).front()->id;
    b.content.goals.put(g);
    return b;
}

struct Fixture {
    std::shared_ptr<MemoryFiles> files = std::make_shared<MemoryFiles>();
    double clock = 0;
    Environment env() {
        Environment e;
        e.files = files;
        e.seconds = [this] { return clock; };
        e.now = [] { return Timestamp{1764770000}; };
        e.kdf = store::kTestKdf; // protected boards: fast keys
        return e;
    }
    void advance(double s) {
        clock += s;
        files->clock += s;
    }
    // A board with one goal titled `title` in the first horizon, written at `path`.
    void writeBoard(const fs::path& path, const std::string& title) {
        files->files[path] = store::serializeJson(boardWithGoal(title));
        files->modifiedAt[path] = files->clock;
    }
    Board onDisk(const fs::path& path) {
        auto r = store::loadBoardFromBytes(files->files.at(path), "test");
        REQUIRE(r);
        return std::move(*r.board);
    }
};

inline StartOptions withFile(const fs::path& file) {
    StartOptions o;
    o.file = file.string();
    return o;
}
inline StartOptions blank() {
    StartOptions o;
    o.blank = true;
    return o;
}
inline StartOptions lastBoard(std::string last) {
    StartOptions o;
    o.lastBoard = std::move(last);
    return o;
}

inline Goal newGoal(Session& s, std::string title) {
    Goal g;
    g.id = s.newId<GoalId>();
    g.title = std::move(title);
    g.horizon = orderedHorizons(s.live().content()).front()->id;
    return g;
}

inline void addGoal(Session& s, const std::string& title) {
    REQUIRE(s.apply(horizons::addGoal(s.live().board(), newGoal(s, title))));
}

inline bool hasGoal(const Board& b, const std::string& title) {
    for (const Goal& g : b.content.goals)
        if (g.title == title) return true;
    return false;
}

inline SnapshotId snapshot(Session& s, const std::string& name) {
    const SnapshotId id = s.newId<SnapshotId>();
    REQUIRE(s.apply(takeSnapshot(s.live().board(), id, name, "", 1)));
    return id;
}

} // namespace horizons::session::test
