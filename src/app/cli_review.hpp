// cli_review.hpp — the review subcommands (no window):
//
//   horizons import FILE PEOPLE.vcf     adds or updates the people of a vCard file (3.0 or
//                                       4.0) in FILE, as one edit: a card matches a person by
//                                       UID, else (no UID) by name; RELATED -> introductions.
//                                       Prints what changed; saves FILE (kept protected)
//   horizons packet FILE [-o OUT.md] [--share [--person NAME]] [--since YYYY-MM-DD]
//                                       the review packet (model/packet.hpp): wins since the
//                                       last snapshot, how the plan moved, conversations
//                                       held, asks open and settled; --share: only what NAME
//                                       (default: anyone) may see. Without -o it is printed.
//
// Exit codes: 0 success; 1 the work could not be done (a file missing or invalid, a vCard
// that does not parse, an unknown person, cannot write); 2 bad command line. `import` holds
// the board's lock like `snapshot` and refuses a board open in a running Horizons; nothing
// is written on error.
#pragma once

#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace horizons::app {

struct CliReviewOptions {
    std::string file;
    std::string vcf;    // import
    std::string out;    // packet
    bool share = false; // packet
    std::string person; // packet --share: the reader
    std::string since;  // packet: YYYY-MM-DD instead of the last snapshot
    std::string passphraseFile;
};

int runImport(const CliReviewOptions& o);
int runPacket(const CliReviewOptions& o);

class ReviewCommands {
  public:
    void add(CLI::App& cli); // adds `import` and `packet`
    std::optional<int> run() const;

  private:
    CLI::App* import_ = nullptr;
    CLI::App* packet_ = nullptr;
    CliReviewOptions opt_;
};

} // namespace horizons::app
