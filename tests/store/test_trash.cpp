// Conflict copies go to the desktop's trash once merged (freedesktop.org trash on Linux).
#include "store/trash.hpp"
#include "store_test_util.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using namespace horizons;
using namespace horizons::testutil;

#if !defined(_WIN32) && !defined(__APPLE__)
TEST_CASE("a file moved to the trash is in files/ with a .trashinfo naming where it was") {
    const TempDir dir;
    const fs::path data = dir.path / "data";
    ::setenv("XDG_DATA_HOME", data.c_str(), 1);
    const fs::path copy = dir.path / "plan (conflicted copy 2026-12-01).horizons.json";
    std::ofstream(copy) << "{}";
    std::ofstream(dir.path / "other") << "x";

    CHECK(store::moveToTrash(copy).empty());
    CHECK_FALSE(fs::exists(copy));
    const fs::path trashed = data / "Trash" / "files" / copy.filename();
    CHECK(fs::exists(trashed));
    std::ifstream info(data / "Trash" / "info" / (copy.filename().string() + ".trashinfo"));
    std::stringstream text;
    text << info.rdbuf();
    CHECK(text.str().rfind("[Trash Info]\nPath=", 0) == 0);
    CHECK(text.str().find("plan%20%28conflicted%20copy%202026-12-01%29.horizons.json") !=
          std::string::npos);
    CHECK(text.str().find("DeletionDate=") != std::string::npos);

    SUBCASE("a second file of the same name gets a name of its own") {
        std::ofstream(copy) << "{\"second\": 1}";
        CHECK(store::moveToTrash(copy).empty());
        CHECK(fs::exists(data / "Trash" / "files" / (copy.filename().string() + ".2")));
    }
    SUBCASE("a folder or a missing file is refused and nothing moves") {
        CHECK_FALSE(store::moveToTrash(dir.path).empty());
        CHECK_FALSE(store::moveToTrash(dir.path / "missing").empty());
        CHECK(fs::exists(dir.path / "other"));
    }
    ::unsetenv("XDG_DATA_HOME");
}
#endif
