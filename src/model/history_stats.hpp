// Figures for the history chart: per snapshot (and optionally "now"), how many goals sat in
// each horizon and how many were directions versus destinations.
#pragma once

#include "model/board.hpp"

#include <string>
#include <vector>

namespace horizons {

struct HistoryPoint {
    SnapshotId snapshot;         // 0 = the current board
    std::string label;           // snapshot name, or "Now"
    Timestamp at = 0;            // when it was taken (now: the `now` argument)
    std::vector<int> perHorizon; // aligned with HistorySeries::horizons
    int directions = 0;
    int destinations = 0;
    int total() const { return directions + destinations; }
};

struct HistorySeries {
    struct Column {
        HorizonId id;
        std::string name; // the newest name it had
        int months = 0;
    };
    std::vector<Column> horizons;     // every horizon seen, shortest span first
    std::vector<HistoryPoint> points; // oldest first
    int maxPerHorizon = 0;
    int maxTotal = 0;
};

// Dropped goals are not counted (they no longer sit anywhere on the plan).
HistorySeries historyStats(const Board& b, bool includeNow, Timestamp now);

} // namespace horizons
