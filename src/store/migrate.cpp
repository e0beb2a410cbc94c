// Schema migrations. A file records the schema it was written with; loading reads it with the
// cereal class versions it carries (each type's describe() branches on its version for fields
// that were added, renamed or removed), then runs the whole-board steps below from the
// file's schema up to kSchemaVersion.
//
// Adding schema 3:
//   1. bump kSchemaVersion to 3 (board_file.hpp) and the class version of every changed type
//      (CEREAL_CLASS_VERSION in archive.hpp), describing new fields in its describe() under
//      `if (version >= 3)`;
//   2. set kSteps[1] below (`migrate2to3`) if the meaning of existing data changes;
//   3. add tests/data/schema-3.horizons.json and .horizons (and keep the older ones) — store
//      tests load every golden file.
#include "store/board_file.hpp"

#include <array>

namespace horizons::store {

namespace {

using Step = void (*)(Board&);

// kSteps[i] brings a board from schema i + 1 to schema i + 2.
//   1 -> 2: nothing to do for the whole board. Schema 2 added people's roles, organisation,
//           latest gap and vCard UID, the board's review date, and the asks and wins; the
//           class versions read them, and a person of an older file gets the roles that follow
//           from its relationship (rolesFromRelationship).
constexpr std::array<Step, kSchemaVersion - 1> kSteps{};

} // namespace

void migrateBoard(Board& board, std::uint32_t fromSchema) {
    for (std::uint32_t s = fromSchema; s >= 1 && s < kSchemaVersion; ++s)
        if (kSteps[s - 1]) kSteps[s - 1](board);
}

} // namespace horizons::store
