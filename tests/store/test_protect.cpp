// Passphrase protection: a sealed file round-trips, is recognised without the passphrase,
// refuses a wrong one without writing, and no plaintext of a protected board reaches the board
// folder, the data folder or the temp folder, even when a save is killed midway. Test vectors
// pin the byte layout (docs/file-format.md). All keys use the fast test parameters.
#include "store/atomic_file.hpp"
#include "store/autosave.hpp"
#include "store/protect.hpp"
#include "store_test_util.hpp"

#include "model/document.hpp"
#include "model/edits.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <thread>
#ifndef _WIN32
#include <csignal>
#include <sys/wait.h>
#include <unistd.h>
#endif

using namespace horizons;
using namespace horizons::store;
using horizons::testutil::TempDir;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kMarkers = {"MARK-TITLE-7f3", "MARK-GOAL-NOTE-91c",
                                           "MARK-PERSON-5ab", "MARK-SNAPSHOT-2d0"};

Board markedBoard() {
    Board b = makeEmptyBoard("MARK-TITLE-7f3");
    Goal g;
    g.id = GoalId{b.nextId++};
    g.title = "Leave for a start-up";
    g.notes = "MARK-GOAL-NOTE-91c";
    g.horizon = orderedHorizons(b.content).front()->id;
    b.content.goals.put(g);
    Person p;
    p.id = PersonId{b.nextId++};
    p.name = "MARK-PERSON-5ab";
    b.content.people.put(p);
    Snapshot s;
    s.id = SnapshotId{b.nextId++};
    s.name = "MARK-SNAPSHOT-2d0";
    s.content = b.content;
    b.snapshots.put(s);
    return b;
}

std::string hex(std::string_view s) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (unsigned char c : s) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

// Every regular file under `dir` (recursively) that holds one of the markers.
std::vector<std::string> filesWithMarkers(const fs::path& dir) {
    std::vector<std::string> found;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        const std::string bytes = testutil::readBytes(it->path());
        for (const auto& m : kMarkers)
            if (bytes.find(m) != std::string::npos)
                found.push_back(it->path().string() + " holds " + m);
    }
    return found;
}

} // namespace

TEST_CASE("protect: a sealed board round-trips, is recognised, and its key does the next save") {
    TempDir dir;
    const fs::path file = dir / "plan.horizons.json";
    const Board b = markedBoard();
    const auto key = BoardKey::derive("correct horse", kTestKdf);
    REQUIRE(key);
    REQUIRE(saveBoardFile(b, file, SaveOptions{{}, true, key}));
    CHECK(isProtectedFile(file));
    const std::string bytes = testutil::readBytes(file);
    for (const auto& m : kMarkers)
        CHECK(bytes.find(m) == std::string::npos);

    std::string err;
    const auto h = readProtectedHeader(bytes, &err);
    REQUIRE_MESSAGE(h, err);
    CHECK(h->kdf == kTestKdf);
    CHECK(describeProtection(*h).rfind("protected (Argon2id 64 KiB, 1 pass;", 0) == 0);

    const LoadResult without = loadBoardFile(file);
    CHECK_FALSE(without);
    CHECK(without.isProtected);
    CHECK(without.error.find("protected with a passphrase") != std::string::npos);

    LoadResult r = loadBoardFile(file, "correct horse");
    REQUIRE_MESSAGE(r, r.error);
    CHECK(*r.board == b);
    CHECK(r.isProtected);
    REQUIRE(r.key);
    // Saving again with the loaded key: a new nonce, same passphrase.
    REQUIRE(saveBoardFile(*r.board, file, SaveOptions{{}, true, r.key}));
    const std::string again = testutil::readBytes(file);
    CHECK(again != bytes);
    CHECK(isProtectedFile(backupPathFor(file)));
    CHECK(loadBoardFile(file, "correct horse"));
    // Reading back with the open board's key needs no passphrase; another key does not fit.
    const LoadResult byKey = loadBoardFile(file, r.key);
    REQUIRE_MESSAGE(byKey, byKey.error);
    CHECK(*byKey.board == b);
    const LoadResult other = loadBoardFile(file, BoardKey::derive("correct horse", kTestKdf));
    CHECK_FALSE(other);
    CHECK(other.wrongPassphrase); // same passphrase, new salt: another key
    // A plain file loads with or without a passphrase given.
    const fs::path plain = dir / "plain.horizons";
    REQUIRE(saveBoardFile(b, plain));
    const LoadResult p = loadBoardFile(plain, "anything");
    CHECK(p);
    CHECK_FALSE(p.key);
}

TEST_CASE("protect: a wrong passphrase gets a clear error and writes nothing") {
    TempDir dir;
    const fs::path file = dir / "plan.horizons.json";
    REQUIRE(saveBoardFile(markedBoard(), file,
                          SaveOptions{{}, false, BoardKey::derive("right", kTestKdf)}));
    const std::string before = testutil::readBytes(file);
    const auto time = fs::last_write_time(file);
    const LoadResult r = loadBoardFile(file, "wrong");
    CHECK_FALSE(r);
    CHECK(r.wrongPassphrase);
    CHECK(r.error.find("wrong passphrase") != std::string::npos);
    CHECK(testutil::readBytes(file) == before);
    CHECK(fs::last_write_time(file) == time);
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path))
        ++files;
    CHECK(files == 1);
    CHECK_FALSE(unprotectBoardFile(file, "wrong"));
    CHECK(testutil::readBytes(file) == before);
}

TEST_CASE("protect: an altered or cut file is refused, never half-read") {
    const auto key = BoardKey::derive("p", kTestKdf);
    const std::string sealed = seal(*key, "{\"x\": 1}\n");
    std::string flipped = sealed;
    flipped[kProtectedHeaderBytes + 2] ^= 1;
    CHECK(unseal(flipped, "p").wrongPassphrase);
    std::string header = sealed;
    header[30] ^= 1; // the salt is authenticated too (and changes the key)
    CHECK_FALSE(unseal(header, "p"));
    CHECK_FALSE(unseal(sealed.substr(0, sealed.size() - 1), "p"));
    CHECK_FALSE(unseal(sealed.substr(0, 40), "p"));
    std::string greedy = sealed;
    greedy[15] = '\x7f'; // 2 TiB of memory asked for: out of bounds, not allocated
    std::string err;
    CHECK_FALSE(readProtectedHeader(greedy, &err));
    CHECK(err.find("out of bounds") != std::string::npos);
    CHECK(unseal(sealed, "p").plain.view() == "{\"x\": 1}\n");
}

TEST_CASE("protect: test vectors (docs/file-format.md)") {
    std::array<std::uint8_t, 16> salt{};
    std::array<std::uint8_t, 24> nonce{};
    for (std::size_t i = 0; i < salt.size(); ++i)
        salt[i] = static_cast<std::uint8_t>(i);
    for (std::size_t i = 0; i < nonce.size(); ++i)
        nonce[i] = static_cast<std::uint8_t>(0xa0 + i);
    const auto key = deriveWithSalt("correct horse battery staple", kTestKdf, salt);
    REQUIRE(key);
    const std::string sealed = sealWithNonce(*key, "Horizons\n", nonce);
    CHECK(hex(sealed.substr(0, kProtectedHeaderBytes)) ==
          "89485a500d0a1a0a01010000400000000100000001000000"
          "000102030405060708090a0b0c0d0e0f"
          "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7"
          "0900000000000000");
    CHECK(hex(sealed.substr(kProtectedHeaderBytes)) == // ciphertext, then the tag
          "5d672cf324037cd23d685360fed122262d2a07a26285bc31ef");
    CHECK(unseal(sealed, "correct horse battery staple").plain.view() == "Horizons\n");
}

TEST_CASE("protect: protect and unprotect a file; the plain backup and recovery go away") {
    TempDir dir;
    const fs::path file = dir / "plan.horizons";
    const Board b = markedBoard();
    REQUIRE(saveBoardFile(b, file));
    REQUIRE(saveBoardFile(b, file)); // now there is a plain .bak
    REQUIRE(fs::exists(backupPathFor(file)));
    const ProtectResult p = protectBoardFile(file, "pass", kTestKdf);
    REQUIRE_MESSAGE(p, p.error);
    CHECK(isProtectedFile(file));
    CHECK_FALSE(fs::exists(backupPathFor(file)));
    CHECK(filesWithMarkers(dir.path).empty());
    CHECK_FALSE(protectBoardFile(file, "other", kTestKdf)); // already protected
    const LoadResult r = loadBoardFile(file, "pass");
    REQUIRE(r);
    CHECK(r.format == FileFormat::Binary); // the format inside is kept
    CHECK(*r.board == b);
    REQUIRE(unprotectBoardFile(file, "pass"));
    CHECK_FALSE(isProtectedFile(file));
    CHECK(*loadBoardFile(file).board == b);
}

TEST_CASE("protect: after saves, autosaves, a snapshot and a killed save, no plaintext on disk") {
    TempDir boardDir, dataDir;
    const fs::path file = boardDir / "plan.horizons.json";
    const auto start = fs::file_time_type::clock::now();
    Board b = markedBoard();
    REQUIRE(saveBoardFile(b, file));
    REQUIRE(protectBoardFile(file, "pass", kTestKdf));
    LoadResult r = loadBoardFile(file, "pass");
    REQUIRE(r);
    const auto key = r.key;
    Document doc(std::move(*r.board));
    {
        Autosaver saver(
            {recoveryFileFor(file, dataDir.path), std::chrono::milliseconds(1), {}, key});
        for (int i = 0; i < 3; ++i) {
            Goal g;
            g.id = doc.newId<GoalId>();
            g.title = "MARK-GOAL-NOTE-91c " + std::to_string(i);
            g.horizon = orderedHorizons(doc.content()).front()->id;
            doc.apply(addGoal(doc.board(), g));
            saver.changed(std::make_shared<const Board>(doc.board()), doc.stateId());
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        doc.apply(takeSnapshot(doc.board(), doc.newId<SnapshotId>(), "MARK-SNAPSHOT-2d0 again", "",
                               nowTimestamp()));
        saver.changed(std::make_shared<const Board>(doc.board()), doc.stateId());
        REQUIRE(saver.flush());
        CHECK(saver.status().writes >= 1);
        CHECK(isProtectedFile(recoveryFileFor(file, dataDir.path)));
        REQUIRE(saveBoardFile(doc.board(), file, SaveOptions{{}, true, key}));
    }
#ifndef _WIN32
    // A save killed midway: a child saves in a loop, killed with SIGKILL.
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        for (;;)
            saveBoardFile(doc.board(), file, SaveOptions{{}, true, key});
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    CHECK(WIFSIGNALED(status));
#endif

    CHECK(filesWithMarkers(boardDir.path).empty());
    CHECK(filesWithMarkers(dataDir.path).empty());
    // The temp folder: everything written there since the test began.
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(fs::temp_directory_path(), ec)) {
        if (!e.is_regular_file(ec) || fs::last_write_time(e.path(), ec) < start) continue;
        const std::string bytes = testutil::readBytes(e.path());
        for (const auto& m : kMarkers)
            CHECK_MESSAGE(bytes.find(m) == std::string::npos, e.path().string());
    }
    const LoadResult back = loadBoardFile(file, "pass");
    REQUIRE_MESSAGE(back, back.error);
    CHECK(back.board->content.goals.size() == doc.content().goals.size());
    CHECK(back.tempFilesRemoved <= 1); // what the kill left, cleaned up on open
}

TEST_CASE("protect: the passphrase file gives its first line; secrets are wiped") {
    TempDir dir;
    testutil::writeBytes(dir / "pass.txt", "open sesame\r\nignored\n");
    Secret s;
    REQUIRE_FALSE(readPassphraseFile(dir / "pass.txt", s));
    CHECK(s.view() == "open sesame");
    testutil::writeBytes(dir / "empty.txt", "\n");
    CHECK(readPassphraseFile(dir / "empty.txt", s));
    CHECK(readPassphraseFile(dir / "missing.txt", s));
    Secret moved = std::move(s);
    CHECK(moved.view() == "open sesame");
    CHECK(s.empty());
    moved.clear();
    CHECK(moved.empty());
}

TEST_CASE("protect: the fuzzer's protected seeds open with its passphrase") {
    const fs::path corpus = fs::path(HORIZONS_TEST_DATA_DIR).parent_path() / "fuzz" / "corpus";
    for (const char* name : {"protected-minimal.horizons.json", "protected-starter.horizons"}) {
        CAPTURE(name);
        const LoadResult r = loadBoardFile(corpus / name, "fuzz");
        CHECK_MESSAGE(r, r.error);
        CHECK(r.isProtected);
    }
}
