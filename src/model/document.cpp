#include "model/document.hpp"

#include <algorithm>
#include <set>
#include <utility>

namespace horizons {

namespace {

// Which entity an operation touches: (operation family, id). Put<T> and Erase<T> share a
// family so that a merged step keeps only the first inverse recorded for each entity.
std::pair<std::size_t, std::uint64_t> entityKey(const Op& op) {
    const std::size_t family = op.index() / 2; // Put<T>, Erase<T> pairs are adjacent
    return std::visit(
        [family](const auto& o) -> std::pair<std::size_t, std::uint64_t> {
            using O = std::decay_t<decltype(o)>;
            if constexpr (std::is_same_v<O, Put<BoardMeta>>)
                return {100, 0};
            else if constexpr (std::is_same_v<O, Put<BoardContent>>)
                return {101, 0};
            else if constexpr (requires { o.value.id; })
                return {family, o.value.id.value};
            else
                return {family, o.id.value};
        },
        op);
}

std::size_t textBytes(const std::string& s) { return s.capacity() > 15 ? s.capacity() : 0; }

std::size_t opBytes(const Op& op) {
    return sizeof(Op) + std::visit(
                            [](const auto& o) -> std::size_t {
                                using O = std::decay_t<decltype(o)>;
                                if constexpr (std::is_same_v<O, Put<Goal>>) {
                                    std::size_t n =
                                        textBytes(o.value.title) + textBytes(o.value.notes);
                                    for (const auto& t : o.value.tags)
                                        n += sizeof(std::string) + textBytes(t);
                                    return n;
                                } else if constexpr (std::is_same_v<O, Put<Person>>) {
                                    return textBytes(o.value.name) + textBytes(o.value.notes);
                                } else if constexpr (std::is_same_v<O, Put<BoardContent>> ||
                                                     std::is_same_v<O, Put<Snapshot>>) {
                                    return 1024; // rare; a rough figure is enough
                                } else {
                                    return 0;
                                }
                            },
                            op);
}

} // namespace

Document::Document(Board board, std::size_t maxSteps, IdSource ids)
    : board_(std::move(board)), ids_(ids), maxSteps_(std::max<std::size_t>(1, maxSteps)) {
    keepNextIdAbove(board_);
}

std::uint64_t Document::mintIdValue() {
    const std::uint64_t v = mintId(board_, ids_);
    if (v >= board_.nextId) board_.nextId = v + 1; // v <= kMaxMintedId: no wrap
    return v;
}

std::vector<Op> Document::applyAll(std::vector<Op>&& ops) {
    std::vector<Op> inverses;
    inverses.reserve(ops.size());
    for (auto& op : ops)
        inverses.push_back(applyOp(board_, std::move(op)));
    keepNextIdAbove(board_); // an edit may bring ids from elsewhere (merge, restore)
    std::reverse(inverses.begin(), inverses.end());
    return inverses;
}

bool Document::apply(Edit edit, std::uint64_t mergeKey) {
    if (edit.ops.empty()) return false;
    std::vector<Op> inverses = applyAll(std::move(edit.ops));
    redo_.clear();
    const std::uint64_t before = stateId_;
    stateId_ = nextStateId_++;

    if (mergeKey != 0 && mergeOpen_ && !undo_.empty() && undo_.back().mergeKey == mergeKey) {
        Step& step = undo_.back();
        // Undo runs the step's ops front to back; the newer inverses go first. An entity the
        // step already restores needs no newer inverse: the older one restores it fully.
        std::set<std::pair<std::size_t, std::uint64_t>> known;
        for (const auto& op : step.ops)
            known.insert(entityKey(op));
        std::vector<Op> merged;
        for (auto& op : inverses)
            if (known.insert(entityKey(op)).second) merged.push_back(std::move(op));
        for (auto& op : step.ops)
            merged.push_back(std::move(op));
        step.ops = std::move(merged);
        step.stateAfter = stateId_;
        return true;
    }

    undo_.push_back(Step{std::move(edit.label), std::move(inverses), mergeKey, before, stateId_});
    mergeOpen_ = mergeKey != 0;
    while (undo_.size() > maxSteps_)
        undo_.pop_front();
    return true;
}

const std::string& Document::undoLabel() const {
    static const std::string none;
    return undo_.empty() ? none : undo_.back().label;
}

const std::string& Document::redoLabel() const {
    static const std::string none;
    return redo_.empty() ? none : redo_.back().label;
}

bool Document::undo() {
    if (undo_.empty()) return false;
    Step step = std::move(undo_.back());
    undo_.pop_back();
    step.ops = applyAll(std::move(step.ops));
    stateId_ = step.stateBefore;
    redo_.push_back(std::move(step));
    mergeOpen_ = false;
    return true;
}

bool Document::redo() {
    if (redo_.empty()) return false;
    Step step = std::move(redo_.back());
    redo_.pop_back();
    step.ops = applyAll(std::move(step.ops));
    stateId_ = step.stateAfter;
    undo_.push_back(std::move(step));
    mergeOpen_ = false;
    return true;
}

bool Document::cancelStep(std::uint64_t mergeKey) {
    if (mergeKey == 0 || !mergeOpen_ || undo_.empty() || undo_.back().mergeKey != mergeKey)
        return false;
    undo();
    redo_.pop_back();
    return true;
}

void Document::reset(Board board) {
    board_ = std::move(board);
    keepNextIdAbove(board_);
    undo_.clear();
    redo_.clear();
    stateId_ = nextStateId_++;
    mergeOpen_ = false;
}

std::size_t Document::historyBytes() const {
    std::size_t n = 0;
    for (const auto* stack : {&undo_, &redo_})
        for (const auto& step : *stack) {
            n += sizeof(Step) + step.label.capacity();
            for (const auto& op : step.ops)
                n += opBytes(op);
        }
    return n;
}

} // namespace horizons
