// Synthetic boards for benchmarks: N goals spread over the default horizons, N/10 people,
// N person-goal links, a few conversations. Deterministic for a given seed.
#pragma once

#include "model/board.hpp"

#include <cstddef>

namespace horizons::bench {

Board makeSyntheticBoard(std::size_t goals, unsigned seed = 1);

} // namespace horizons::bench
