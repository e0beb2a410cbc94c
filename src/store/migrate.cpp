// Schema migrations. A file records the schema it was written with; loading reads it with the
// cereal class versions it carries (each type's load() branches on its version for fields
// that were added, renamed or removed), then runs the whole-board steps below from the
// file's schema up to kSchemaVersion.
//
// Adding schema 2:
//   1. bump kSchemaVersion to 2 (board_file.hpp) and the class version of every changed type
//      (CEREAL_CLASS_VERSION in archive.hpp, kClassVersion), reading old fields in load()
//      under `if (version < 2)`;
//   2. append `migrate1to2` to kSteps below if the meaning of existing data changes;
//   3. add tests/data/schema-2.horizons.json (and keep schema-1's) — store tests load every
//      golden file.
#include "store/board_file.hpp"

#include <array>

namespace horizons::store {

namespace {

using Step = void (*)(Board&);

// kSteps[i] brings a board from schema i + 1 to schema i + 2. Empty while we are at 1.
constexpr std::array<Step, kSchemaVersion - 1> kSteps{};

} // namespace

void migrateBoard(Board& board, std::uint32_t fromSchema) {
    for (std::uint32_t s = fromSchema; s >= 1 && s < kSchemaVersion; ++s)
        if (kSteps[s - 1]) kSteps[s - 1](board);
}

} // namespace horizons::store
