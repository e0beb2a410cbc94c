// Checks a whole board (as loaded from a file) against the model's invariants. The loader
// refuses a board with problems instead of repairing it silently.
#pragma once

#include "model/board.hpp"

#include <optional>
#include <string>

namespace horizons {

// The first problem found, in words a user can act on, or nothing when the board is sound.
std::optional<std::string> validateBoard(const Board& b);
std::optional<std::string> validateContent(const BoardContent& c);

} // namespace horizons
