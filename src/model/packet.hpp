// The review packet: what to bring to a review, as Markdown. A pure function of the board.
//
// Sections: the review date (with how many days are left), wins since the last review, how
// the plan moved since the last snapshot (diff.hpp, the same lines as `horizons diff`), the
// conversations held since then, and the asks: open ones, and those settled since then.
// "The last review" is the newest snapshot (take one before each review); with no snapshot
// everything counts and the packet says so.
//
// ForMe lists who each conversation and ask was with and the notes. ToShare (reader: one
// person, or PersonId{} for anyone) is rendered from shareableContent() of the board and of
// the snapshot alike (share.hpp): goals the reader may not see are not in the diff, wins about
// them are left out, and only the reader's own conversations and asks appear, without notes.
#pragma once

#include "model/board.hpp"
#include "model/share.hpp"

#include <optional>
#include <string>

namespace horizons {

struct PacketOptions {
    Date today;
    OutputKind kind = OutputKind::ForMe;
    PersonId reader;           // ToShare: who it is for (none: anyone)
    std::optional<Date> since; // instead of the newest snapshot's day
};

// The newest snapshot (by time taken, then id), or null.
const Snapshot* lastSnapshot(const Board& b);
std::string reviewPacketMarkdown(const Board& b, const PacketOptions& o);

} // namespace horizons
