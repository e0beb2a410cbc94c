// One writer per board: the lock beside the board — held locks name their holder, stale ones
// (dead process, reused pid, garbage) are taken over, and only once when many try at once;
// release removes only our own lock.
#include "store/board_lock.hpp"
#include "store/process_info.hpp"
#include "store_test_util.hpp"

#include <doctest/doctest.h>

#include <chrono>

#ifndef _WIN32
#include <sys/wait.h>
#include <unistd.h>
#endif

using namespace horizons;
using namespace horizons::store;
using namespace horizons::testutil;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

std::string lockText(std::uint64_t pid, const std::string& host, std::uint64_t start = 0) {
    return "horizons-lock 1\ntoken 00000000deadbeef\npid " + std::to_string(pid) + "\nhost " +
           host + "\nsince 1735689600\nstart " + std::to_string(start) + "\n";
}

} // namespace

TEST_CASE("a second lock on the same board fails and names the first; release frees it") {
    TempDir dir;
    const fs::path board = dir / "plan.horizons.json";
    writeBytes(board, "{}");
    BoardLock first;
    const LockResult a = first.acquire(board);
    REQUIRE(a);
    CHECK(first.held());
    CHECK(first.file() == dir / ".plan.horizons.json.lock");
    CHECK(fs::exists(first.file()));
    const auto who = readBoardLock(board);
    REQUIRE(who);
    CHECK(who->pid == currentProcessId());
    CHECK(who->host == hostName());
    CHECK(*who == first.owner());

    BoardLock second;
    const LockResult b = second.acquire(board);
    CHECK(b.status == LockStatus::Held);
    CHECK_FALSE(second.held());
    REQUIRE(b.holder);
    CHECK(b.holder->token == first.owner().token);
    CHECK(b.error.find("process " + std::to_string(currentProcessId())) != std::string::npos);
    CHECK(b.error.find(hostName()) != std::string::npos);
    CHECK(first.stillOurs());

    CHECK(first.release());
    CHECK_FALSE(fs::exists(dir / ".plan.horizons.json.lock"));
    CHECK(second.acquire(board));
    BoardLock moved = std::move(second);
    CHECK(moved.held());
    CHECK_FALSE(second.held());
    { BoardLock gone = std::move(moved); } // the destructor releases
    CHECK_FALSE(fs::exists(dir / ".plan.horizons.json.lock"));
}

TEST_CASE("a lock left by garbage, an empty file or another machine") {
    TempDir dir;
    const fs::path board = dir / "plan.horizons.json";
    const fs::path lock = lockFileFor(board);
    BoardLock l;
    SUBCASE("garbage is taken over") {
        writeBytes(lock, "this is not a lock\n\x01\x02");
        const LockResult r = l.acquire(board);
        REQUIRE(r);
        CHECK(r.tookOverGarbage);
        CHECK_FALSE(r.tookOverFrom);
    }
    SUBCASE("an old empty file is taken over") {
        writeBytes(lock, "");
        fs::last_write_time(lock, fs::file_time_type::clock::now() - 1h);
        CHECK(l.acquire(board));
    }
    SUBCASE("another machine's lock is reported, and taken only when forced") {
        writeBytes(lock, lockText(1, "some-other-laptop"));
        const LockResult r = l.acquire(board);
        CHECK(r.status == LockStatus::Held);
        CHECK(r.otherHost);
        CHECK(r.error.find("some-other-laptop") != std::string::npos);
        CHECK(readBytes(lock) == lockText(1, "some-other-laptop"));
        const LockResult f = l.acquire(board, LockOptions{true});
        REQUIRE(f);
        REQUIRE(f.tookOverFrom);
        CHECK(f.tookOverFrom->host == "some-other-laptop");
    }
    CHECK(l.stillOurs());
    CHECK(readBoardLock(board)->token == l.owner().token);
    fs::path guard = lock;
    guard += ".takeover";
    CHECK_FALSE(fs::exists(guard));
}

TEST_CASE("release removes the lock only while it is still ours") {
    TempDir dir;
    const fs::path board = dir / "plan.horizons.json";
    BoardLock l;
    REQUIRE(l.acquire(board));
    writeBytes(l.file(), lockText(1, "some-other-laptop")); // forced away by someone else
    CHECK_FALSE(l.stillOurs());
    CHECK_FALSE(l.release());
    CHECK(readBytes(lockFileFor(board)) == lockText(1, "some-other-laptop"));
}

TEST_CASE("a folder where no lock can be made is an error, not a hang") {
    TempDir dir;
    BoardLock l;
    const LockResult r = l.acquire(dir / "no-such-folder" / "plan.horizons.json");
    CHECK(r.status == LockStatus::Error);
    CHECK_FALSE(r.error.empty());
}

#ifndef _WIN32

TEST_CASE("a lock whose process has died is stale and taken over") {
    TempDir dir;
    const fs::path board = dir / "plan.horizons.json";
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        BoardLock l;
        ::_exit(l.acquire(board) ? 0 : 1); // _exit: no destructor, the lock stays behind
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    REQUIRE(readBoardLock(board));
    CHECK(readBoardLock(board)->pid == static_cast<std::uint64_t>(child));

    BoardLock l;
    const LockResult r = l.acquire(board);
    REQUIRE(r);
    REQUIRE(r.tookOverFrom);
    CHECK(r.tookOverFrom->pid == static_cast<std::uint64_t>(child));
    CHECK(readBoardLock(board)->pid == currentProcessId());
}

TEST_CASE("a lock whose pid now belongs to another process is stale") {
    if (processStartId(currentProcessId()) == 0) return; // no /proc here
    TempDir dir;
    const fs::path board = dir / "plan.horizons.json";
    // Our own pid, but a different process start: the pid was reused.
    writeBytes(lockFileFor(board),
               lockText(currentProcessId(), hostName(), processStartId(currentProcessId()) + 1));
    BoardLock l;
    const LockResult r = l.acquire(board);
    REQUIRE(r);
    CHECK(r.tookOverFrom);
}

TEST_CASE("many processes taking over one stale lock at once: exactly one gets it") {
    TempDir dir;
    const fs::path board = dir / "plan.horizons.json";
    for (int round = 0; round < 5; ++round) {
        writeBytes(lockFileFor(board), "garbage, round " + std::to_string(round));
        int go[2], result[2];
        REQUIRE(::pipe(go) == 0);
        REQUIRE(::pipe(result) == 0);
        constexpr int kChildren = 6;
        std::vector<pid_t> kids;
        for (int i = 0; i < kChildren; ++i) {
            const pid_t pid = ::fork();
            REQUIRE(pid >= 0);
            if (pid == 0) {
                ::close(go[1]);
                char c;
                (void)!::read(go[0], &c, 1); // all start together
                BoardLock l;
                const char verdict = l.acquire(board) ? 'W' : 'L';
                (void)!::write(result[1], &verdict, 1);
                ::usleep(300000); // hold it while the others try
                ::_exit(0);
            }
            kids.push_back(pid);
        }
        ::close(go[0]);
        ::close(go[1]); // EOF: go
        ::close(result[1]);
        int winners = 0, answers = 0;
        char c;
        while (::read(result[0], &c, 1) == 1) {
            ++answers;
            winners += c == 'W';
        }
        ::close(result[0]);
        for (pid_t k : kids)
            ::waitpid(k, nullptr, 0);
        CHECK(answers == kChildren);
        CHECK(winners == 1);
        fs::remove(lockFileFor(board));
    }
}

TEST_CASE("every path to one board shares one lock (symbolic links followed)") {
    TempDir dir;
    fs::create_directories(dir / "real");
    writeBytes(dir / "real" / "plan.horizons.json", "{}");
    fs::create_symlink(dir / "real" / "plan.horizons.json", dir / "link.horizons.json");
    CHECK(lockFileFor(dir / "link.horizons.json") == dir / "real" / ".plan.horizons.json.lock");
    BoardLock a, b;
    REQUIRE(a.acquire(dir / "real" / "plan.horizons.json"));
    CHECK(b.acquire(dir / "link.horizons.json").status == LockStatus::Held);
}

#endif // !_WIN32
