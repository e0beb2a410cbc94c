#include "model/history_stats.hpp"

#include <algorithm>
#include <map>

namespace horizons {

HistorySeries historyStats(const Board& b, bool includeNow, Timestamp now) {
    struct Source {
        SnapshotId id;
        std::string label;
        Timestamp at;
        const BoardContent* content;
    };
    std::vector<Source> sources;
    for (const auto& s : b.snapshots)
        sources.push_back({s.id, s.name, s.takenAt, &s.content});
    std::stable_sort(sources.begin(), sources.end(),
                     [](const Source& x, const Source& y) { return x.at < y.at; });
    if (includeNow) sources.push_back({SnapshotId{}, "Now", now, &b.content});

    HistorySeries out;
    std::map<HorizonId, HistorySeries::Column> columns; // the newest source wins the name
    for (const auto& s : sources)
        for (const auto& h : s.content->horizons)
            columns[h.id] = {h.id, h.name, h.months};
    for (const auto& [id, col] : columns)
        out.horizons.push_back(col);
    std::stable_sort(out.horizons.begin(), out.horizons.end(),
                     [](const auto& x, const auto& y) { return x.months < y.months; });

    for (const auto& s : sources) {
        HistoryPoint p;
        p.snapshot = s.id;
        p.label = s.label;
        p.at = s.at;
        p.perHorizon.assign(out.horizons.size(), 0);
        for (const auto& g : s.content->goals) {
            if (g.status == GoalStatus::Dropped) continue;
            (g.kind() == GoalKind::Direction ? p.directions : p.destinations)++;
            for (std::size_t i = 0; i < out.horizons.size(); ++i)
                if (out.horizons[i].id == g.horizon) ++p.perHorizon[i];
        }
        for (int n : p.perHorizon)
            out.maxPerHorizon = std::max(out.maxPerHorizon, n);
        out.maxTotal = std::max(out.maxTotal, p.total());
        out.points.push_back(std::move(p));
    }
    return out;
}

} // namespace horizons
