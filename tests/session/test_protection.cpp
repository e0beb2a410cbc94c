// Passphrase protection through the session (session/protection.cpp): opening a protected
// board, protect / change / remove, sealed autosave and Save as, the key wiped on close.
// Files in memory hold real sealed bytes (keys derived with store::kTestKdf); the last test
// runs the real files (StoreFiles) and looks at every byte on disk.
#include "model/edits.hpp"
#include "session/session.hpp"
#include "session_fixture.hpp"
#include "store/atomic_file.hpp"
#include "store/autosave.hpp"
#include "store/board_file.hpp"
#include "store/protect.hpp"
#include "store/store_test_util.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <optional>
#include <thread>

#ifndef _WIN32
#include <csignal>
#include <sys/wait.h>
#include <unistd.h>
#endif

using namespace horizons;
using namespace horizons::session;
using horizons::session::test::addGoal;
using horizons::session::test::boardWithGoal;
using horizons::session::test::hasGoal;
using horizons::session::test::withFile;

namespace {

const fs::path kPlain = "/boards/plain.horizons.json";
const fs::path kLocked = "/boards/locked.horizons.json";
constexpr const char* kPass = "correct horse battery";

store::Secret secret(std::string_view s) { return store::Secret(s); }
Unlock unlockWith(std::string_view s) { return Unlock{secret(s)}; }
Protect protectWith(std::string_view a, std::string_view b) {
    return Protect{secret(a), secret(b)};
}

bool contains(std::string_view bytes, std::string_view s) {
    return bytes.find(s) != std::string_view::npos;
}

// The session fixture, with a plain board and a protected one.
struct Fixture : test::Fixture {
    Fixture() {
        files->files[kPlain] = store::serializeJson(boardWithGoal("Plain goal"));
        files->modifiedAt[kPlain] = 0;
        const auto key = store::BoardKey::derive(kPass, store::kTestKdf);
        files->files[kLocked] =
            store::seal(*key, store::serializeJson(boardWithGoal("Secret goal")));
        files->modifiedAt[kLocked] = 0;
    }
    // The board at `p` opened with `pass` (a protected file) or as it is.
    std::optional<Board> read(const fs::path& p, std::string_view pass = {}) {
        auto r = files->unlock(p, pass);
        if (!r) return std::nullopt;
        return std::move(*r.board);
    }
};

// Edits, then lets the autosave delay pass.
void editAndAutosave(Fixture& f, Session& s, const std::string& title) {
    f.advance(1);
    addGoal(s, title);
    s.tick();
    f.advance(5);
    s.tick();
}

} // namespace

TEST_CASE("protection: opening a protected board asks for the passphrase; a wrong one writes "
          "nothing and may be tried again") {
    Fixture f;
    Session s(f.env());
    s.start(withFile(kPlain));
    addGoal(s, "Unsaved on the plain board");
    const std::string sealed = f.files->files[kLocked];

    CHECK_FALSE(s.dispatch(Open{kLocked.string()}));
    REQUIRE(s.unlockRequest());
    CHECK(s.unlockRequest()->path == kLocked.string());
    CHECK(contains(s.notice(), "protected with a passphrase"));
    // Until the passphrase is right, the open board stays, unsaved and untouched.
    CHECK(s.path() == kPlain);
    CHECK(f.files->writes[kPlain] == 0);

    CHECK_FALSE(s.dispatch(unlockWith("wrong")));
    REQUIRE(s.unlockRequest());
    CHECK(s.unlockRequest()->attempts == 1);
    CHECK(contains(s.unlockRequest()->error, "Wrong passphrase"));
    CHECK(contains(s.unlockRequest()->error, "nothing was written"));
    CHECK(s.path() == kPlain);
    CHECK(f.files->files[kLocked] == sealed);
    CHECK(f.files->writes[kLocked] == 0);
    CHECK(f.files->writes[kPlain] == 0);
    CHECK(f.files->recovery.empty());

    REQUIRE(s.dispatch(unlockWith(kPass)));
    CHECK_FALSE(s.unlockRequest());
    CHECK(s.path() == kLocked);
    CHECK(hasGoal(s.live().board(), "Secret goal"));
    CHECK(s.status().isProtected);
    CHECK(f.files->files[kLocked] == sealed); // opening writes nothing
    // The plain board's unsaved work was kept in its own file once the passphrase was right.
    CHECK(f.files->writes[kPlain] == 1);
    CHECK(hasGoal(*f.read(kPlain), "Unsaved on the plain board"));
}

TEST_CASE("protection: cancel keeps the board that was open") {
    Fixture f;
    Session s(f.env());
    s.start(withFile(kPlain));
    addGoal(s, "Still here");
    CHECK_FALSE(s.dispatch(Open{kLocked.string()}));
    REQUIRE(s.unlockRequest());
    REQUIRE(s.dispatch(CancelUnlock{}));
    CHECK_FALSE(s.unlockRequest());
    CHECK(s.path() == kPlain);
    CHECK(hasGoal(s.live().board(), "Still here"));
    CHECK(s.unsaved()); // not even saved: nothing happened
    CHECK_FALSE(s.status().isProtected);
    CHECK(contains(s.notice(), "stays protected"));
    CHECK(f.files->writes[kPlain] == 0);
    // And the request is gone: a stray Unlock opens nothing.
    CHECK_FALSE(s.dispatch(unlockWith(kPass)));
    CHECK(s.path() == kPlain);
}

TEST_CASE("protection: at start a protected FILE, or the last board, asks first") {
    Fixture f;
    {
        Session s(f.env());
        s.start(withFile(kLocked));
        REQUIRE(s.unlockRequest());
        CHECK(s.path().empty()); // nothing of it shown yet
        CHECK(s.live().content().goals.empty());
        REQUIRE(s.dispatch(unlockWith(kPass)));
        CHECK(hasGoal(s.live().board(), "Secret goal"));
    }
    {
        Session s(f.env());
        StartOptions o;
        o.lastBoard = kLocked.string();
        s.start(o);
        REQUIRE(s.unlockRequest()); // not "opened your default board instead"
        CHECK(s.unlockRequest()->path == kLocked.string());
        REQUIRE(s.dispatch(CancelUnlock{}));
        CHECK(s.path().empty());
        CHECK(s.lastBoard().empty()); // the settings keep naming the protected board
    }
}

TEST_CASE("protection: protect seals the board at once and removes its plain copies") {
    Fixture f;
    Session s(f.env());
    s.start(withFile(kPlain));
    addGoal(s, "First");
    REQUIRE(s.dispatch(Save{}));
    editAndAutosave(f, s, "MARK-unsaved-7c1");
    REQUIRE(f.files->backups.contains(kPlain)); // a plain .bak and a plain recovery copy
    REQUIRE(f.files->recovery.contains(kPlain));
    const std::string before = f.files->files[kPlain];

    CHECK_FALSE(s.dispatch(protectWith("one", "two")));
    CHECK(contains(s.notice(), "not the same"));
    CHECK_FALSE(s.dispatch(protectWith("", "")));
    CHECK(f.files->files[kPlain] == before);
    CHECK_FALSE(s.isProtected());

    REQUIRE(s.dispatch(protectWith("p1", "p1")));
    CHECK(s.status().isProtected);
    CHECK_FALSE(s.unsaved()); // the unsaved edit is in the sealed file
    const std::string& bytes = f.files->files[kPlain];
    CHECK(store::isProtected(bytes));
    CHECK_FALSE(contains(bytes, "MARK-unsaved-7c1"));
    CHECK_FALSE(f.files->backups.contains(kPlain));
    CHECK_FALSE(f.files->recovery.contains(kPlain));
    CHECK(hasGoal(*f.read(kPlain, "p1"), "MARK-unsaved-7c1"));
    CHECK_FALSE(f.read(kPlain, "wrong"));
    CHECK_FALSE(s.dispatch(protectWith("p1", "p1"))); // already protected

    // From now on every write is sealed: the recovery copy, the save and its .bak.
    editAndAutosave(f, s, "MARK-later-3e9");
    REQUIRE(f.files->recovery.contains(kPlain));
    CHECK(store::isProtected(f.files->recovery[kPlain]));
    CHECK_FALSE(contains(f.files->recovery[kPlain], "MARK-later-3e9"));
    REQUIRE(s.dispatch(Save{}));
    CHECK(store::isProtected(f.files->files[kPlain]));
    REQUIRE(f.files->backups.contains(kPlain));
    CHECK(store::isProtected(f.files->backups[kPlain]));
}

TEST_CASE("protection: an untitled board is saved before it is protected") {
    Fixture f;
    Session s(f.env());
    StartOptions o;
    o.blank = true;
    s.start(o);
    CHECK_FALSE(s.dispatch(protectWith("p", "p")));
    CHECK(contains(s.notice(), "Save the board first"));
    CHECK_FALSE(s.isProtected());
}

TEST_CASE("protection: change the passphrase, then remove the protection") {
    Fixture f;
    Session s(f.env());
    s.start(withFile(kLocked));
    REQUIRE(s.dispatch(unlockWith(kPass)));
    addGoal(s, "A");
    REQUIRE(s.dispatch(Save{})); // a .bak sealed under the first passphrase
    editAndAutosave(f, s, "B");
    REQUIRE(f.files->recovery.contains(kLocked));
    const auto firstKey = s.boardKey();

    CHECK_FALSE(s.dispatch(ChangePassphrase{secret("new"), secret("nwe")}));
    CHECK(f.read(kLocked, kPass)); // unchanged
    REQUIRE(s.dispatch(ChangePassphrase{secret("new"), secret("new")}));
    CHECK(firstKey.expired()); // the old key is gone (wiped)
    CHECK(s.isProtected());
    CHECK_FALSE(f.read(kLocked, kPass));
    const auto reread = f.read(kLocked, "new");
    REQUIRE(reread);
    CHECK(hasGoal(*reread, "B"));
    // Nothing sealed under the old passphrase is left: no .bak, no recovery copy.
    CHECK_FALSE(f.files->backups.contains(kLocked));
    CHECK_FALSE(f.files->recovery.contains(kLocked));

    editAndAutosave(f, s, "C");
    REQUIRE(s.dispatch(RemoveProtection{}));
    CHECK_FALSE(s.isProtected());
    CHECK_FALSE(store::isProtected(f.files->files[kLocked]));
    const auto plain = store::loadBoardFromBytes(f.files->files[kLocked], "plain");
    REQUIRE(plain);
    CHECK(hasGoal(*plain.board, "C"));
    CHECK_FALSE(f.files->backups.contains(kLocked)); // it was sealed
    CHECK_FALSE(f.files->recovery.contains(kLocked));
    editAndAutosave(f, s, "D");
    CHECK_FALSE(store::isProtected(f.files->recovery[kLocked])); // plain again, as asked
    CHECK_FALSE(s.dispatch(RemoveProtection{}));                 // not protected
}

TEST_CASE("protection: the autosave of a protected board is sealed and needs the passphrase") {
    Fixture f;
    {
        Session s(f.env());
        s.start(withFile(kLocked));
        REQUIRE(s.dispatch(unlockWith(kPass)));
        editAndAutosave(f, s, "MARK-autosaved-a41");
        REQUIRE(f.files->recovery.contains(kLocked));
        CHECK(store::isProtected(f.files->recovery[kLocked]));
        CHECK_FALSE(contains(f.files->recovery[kLocked], "MARK-autosaved-a41"));
        CHECK_FALSE(store::loadBoardFromBytes(f.files->recovery[kLocked], "rec"));
    } // the window went away without saving (a crash)
    Session s(f.env());
    s.start(withFile(kLocked));
    REQUIRE(s.unlockRequest());
    CHECK_FALSE(s.status().recovered);
    REQUIRE(s.dispatch(unlockWith(kPass)));
    CHECK(s.status().recovered);
    CHECK(hasGoal(s.live().board(), "MARK-autosaved-a41"));
    CHECK(s.unsaved());
    // Discarding the recovered work rereads the sealed board file.
    REQUIRE(s.dispatch(DiscardRecovery{}));
    CHECK_FALSE(hasGoal(s.live().board(), "MARK-autosaved-a41"));
    CHECK(s.isProtected());
}

TEST_CASE("protection: Save as of a protected board stays protected") {
    Fixture f;
    Session s(f.env());
    s.start(withFile(kLocked));
    REQUIRE(s.dispatch(unlockWith(kPass)));
    editAndAutosave(f, s, "MARK-copy-55d");
    REQUIRE(s.dispatch(SaveAs{"/boards/copy"}));
    const fs::path copy = "/boards/copy.horizons.json";
    CHECK(s.path() == copy);
    CHECK(s.isProtected());
    REQUIRE(f.files->files.contains(copy));
    CHECK(store::isProtected(f.files->files[copy]));
    CHECK_FALSE(contains(f.files->files[copy], "MARK-copy-55d"));
    CHECK(hasGoal(*f.read(copy, kPass), "MARK-copy-55d"));
    CHECK_FALSE(f.files->recovery.contains(kLocked)); // moved with the board
    editAndAutosave(f, s, "after");
    CHECK(store::isProtected(f.files->recovery[copy]));
}

TEST_CASE("protection: closing the board drops its key (open another, new board, quit)") {
    Fixture f;
    Session s(f.env());
    s.start(withFile(kLocked));
    REQUIRE(s.dispatch(unlockWith(kPass)));
    std::weak_ptr<const store::BoardKey> key = s.boardKey();
    REQUIRE_FALSE(key.expired());
    REQUIRE(s.dispatch(Open{kPlain.string()}));
    CHECK(key.expired()); // no copy left anywhere (the autosave worker's neither): wiped
    CHECK_FALSE(s.isProtected());
    editAndAutosave(f, s, "plain again");
    CHECK_FALSE(store::isProtected(f.files->recovery[kPlain]));
    REQUIRE(s.dispatch(Save{}));
    CHECK_FALSE(store::isProtected(f.files->files[kPlain])); // the plain board is not sealed

    s.dispatch(Open{kLocked.string()});
    REQUIRE(s.dispatch(unlockWith(kPass)));
    key = s.boardKey();
    REQUIRE(s.dispatch(NewBoard{}));
    CHECK(key.expired());

    auto t = std::make_unique<Session>(f.env());
    t->start(withFile(kLocked));
    REQUIRE(t->dispatch(unlockWith(kPass)));
    key = t->boardKey();
    REQUIRE(t->dispatch(Quit{}));
    t.reset();
    CHECK(key.expired());
}

#ifndef _WIN32
namespace {

const std::vector<std::string> kMarkers = {"MARK-TITLE-7f3", "MARK-GOAL-NOTE-91c",
                                           "MARK-PERSON-5ab", "MARK-SNAPSHOT-2d0"};

std::vector<std::string> filesWithMarkers(const fs::path& dir) {
    std::vector<std::string> found;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        const std::string bytes = testutil::readBytes(it->path());
        for (const auto& m : kMarkers)
            if (contains(bytes, m)) found.push_back(it->path().string() + " holds " + m);
    }
    return found;
}

struct EnvVar {
    std::string name;
    std::optional<std::string> old;
    EnvVar(std::string n, const std::string& value) : name(std::move(n)) {
        if (const char* v = std::getenv(name.c_str())) old = v;
        ::setenv(name.c_str(), value.c_str(), 1);
    }
    ~EnvVar() {
        if (old)
            ::setenv(name.c_str(), old->c_str(), 1);
        else
            ::unsetenv(name.c_str());
    }
};

bool waitFor(const std::function<bool()>& done) {
    for (int i = 0; i < 500; ++i) {
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return done();
}

} // namespace

TEST_CASE("protection: after protecting, editing, autosaving, saving, a snapshot and a killed "
          "save through the real files, no plaintext is on disk and the board opens") {
    testutil::TempDir boardDir, dataHome;
    EnvVar xdg("XDG_DATA_HOME", dataHome.path.string());
    const fs::path file = boardDir / "plan.horizons.json";
    const auto start = fs::file_time_type::clock::now();
    {
        Board b = makeEmptyBoard("MARK-TITLE-7f3");
        Goal g;
        g.id = GoalId{b.nextId++};
        g.title = "Leave for a start-up";
        g.notes = "MARK-GOAL-NOTE-91c";
        g.horizon = orderedHorizons(b.content).front()->id;
        b.content.goals.put(g);
        REQUIRE(store::saveBoardFile(b, file));
        REQUIRE(store::saveBoardFile(b, file)); // a plain .bak too
    }
    double clock = 0;
    Environment env = Environment::real(HORIZONS_ASSET_DIR, {});
    env.seconds = [&clock] { return clock; };
    env.kdf = store::kTestKdf;
    std::shared_ptr<const store::BoardKey> key;
    Board last;
    {
        Session s(env);
        s.start(withFile(file));
        REQUIRE(s.path() == file);
        // Unsaved work autosaved in the clear, before protecting: it must go too.
        clock += 1;
        Person p;
        p.id = s.newId<PersonId>();
        p.name = "MARK-PERSON-5ab";
        REQUIRE(s.apply(addPerson(s.live().board(), p)));
        s.tick();
        clock += 5;
        s.tick();
        const fs::path rec = store::recoveryFileFor(file);
        REQUIRE(waitFor([&] { return fs::exists(rec); }));

        REQUIRE(s.dispatch(protectWith(kPass, kPass)));
        CHECK_FALSE(fs::exists(rec));
        CHECK_FALSE(fs::exists(store::backupPathFor(file)));
        CHECK(filesWithMarkers(boardDir.path).empty());

        // Edit, autosave (sealed), snapshot, save (sealed, with a sealed .bak).
        clock += 1;
        Goal g;
        g.id = s.newId<GoalId>();
        g.title = "MARK-GOAL-NOTE-91c again";
        g.horizon = orderedHorizons(s.live().content()).front()->id;
        REQUIRE(s.apply(horizons::addGoal(s.live().board(), g)));
        s.tick();
        clock += 5;
        s.tick();
        REQUIRE(waitFor([&] { return fs::exists(rec); }));
        CHECK(store::isProtectedFile(rec));
        REQUIRE(s.apply(takeSnapshot(s.live().board(), s.newId<SnapshotId>(), "MARK-SNAPSHOT-2d0",
                                     "", nowTimestamp())));
        REQUIRE(s.dispatch(Save{}));
        REQUIRE(s.dispatch(Save{}));
        CHECK(store::isProtectedFile(store::backupPathFor(file)));
        key = s.boardKey().lock();
        last = s.live().board();
        REQUIRE(s.dispatch(Quit{}));
    }
    // A save killed midway (no other thread left in this process to fork with).
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        StoreFiles files(HORIZONS_ASSET_DIR, {});
        store::SaveOptions o;
        o.key = key;
        for (;;)
            files.saveWith(last, file, o);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    CHECK(WIFSIGNALED(status));
    key.reset();

    CHECK(filesWithMarkers(boardDir.path).empty());
    CHECK(filesWithMarkers(dataHome.path).empty());
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(fs::temp_directory_path(), ec)) {
        if (!e.is_regular_file(ec) || fs::last_write_time(e.path(), ec) < start) continue;
        const std::string bytes = testutil::readBytes(e.path());
        for (const auto& m : kMarkers)
            CHECK_MESSAGE(!contains(bytes, m), e.path().string());
    }

    Session s(env);
    s.start(withFile(file));
    REQUIRE(s.unlockRequest());
    REQUIRE(s.dispatch(unlockWith(kPass)));
    CHECK(s.live().content().meta.title == "MARK-TITLE-7f3");
    CHECK(s.live().content().people.size() == 1);
    CHECK(s.live().board().snapshots.size() == 1);
    CHECK(s.live().content().goals.size() == 2);
}
#endif
