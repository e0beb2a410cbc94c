// cli_merge.hpp — `horizons merge`: the three-way merge of board files (model/merge.hpp).
//
//   horizons merge BASE OURS THEIRS -o OUT [--prefer ours|theirs]
//   horizons merge --base auto OURS THEIRS -o OUT [--prefer ours|theirs]
//
// Exit codes: 0 merged (OUT written atomically; with --prefer every conflict took that side
// and is listed on stderr); 1 conflicts without --prefer (listed on stderr, one line each,
// nothing written) or a file that cannot be read or written; 2 bad command line (also: OUT is
// one of the inputs). `--base auto` uses the newest snapshot OURS and THEIRS share, else an
// empty board (then only additions merge cleanly).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace horizons::app {

class MergeCommand {
  public:
    void add(CLI::App& cli); // adds `merge`
    // After a successful cli.parse(): the exit code if `merge` was chosen, else nothing.
    std::optional<int> run() const;

  private:
    CLI::App* merge_ = nullptr;
    std::vector<std::string> files_;
    std::string base_, out_, prefer_;
};

} // namespace horizons::app
