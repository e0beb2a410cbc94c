// sync.cpp — changes made elsewhere: the board file changed on disk (a sync tool, another
// device, `horizons snapshot` from a script), sync tools' conflict copies, autosaved work
// older than the board file. The rules are in session.hpp; docs/sync.md tells the user's side.
#include "session/session.hpp"

#include <algorithm>
#include <utility>

namespace horizons::session {

namespace {

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string copyDescription(const store::ConflictCopy& c) {
    std::string d = std::string(store::toolName(c.tool)) + "'s copy";
    if (!c.detail.empty()) d += " from " + c.detail;
    return d;
}

} // namespace

// ---- the board file ------------------------------------------------------------------------
void Session::noteWritten(const store::FileStamp& stamp) {
    base_ = std::make_shared<const Board>(doc_.board());
    diskStamp_ = stamp;
}

Session::Disk Session::syncWithDisk(bool beforeWrite) {
    if (path_.empty()) return Disk::Same;
    const bool diskMerge = merge_ && merge_->source == PendingMerge::Source::Disk;
    const store::FileStamp& known = diskMerge ? merge_->stamp : diskStamp_;
    const store::StampCheck check = files_->checkStamp(known, path_, beforeWrite);
    if (check.same) return diskMerge ? Disk::Conflicts : Disk::Same;
    const std::string name = path_.filename().string();
    if (!check.now.exists) { // moved away or deleted: the next save writes it again
        diskStamp_ = check.now;
        if (diskMerge) merge_.reset();
        savedState_ = 0;
        notify(name + " was moved or deleted outside Horizons. Save writes it again here.");
        return Disk::Gone;
    }
    store::LoadResult r = loadOpenBoard(path_);
    if (!r) {
        notify(name + " was changed outside Horizons and cannot be read now (" + r.error +
               "). Nothing is written to it until it can; Save as keeps your work elsewhere.");
        return Disk::Unreadable;
    }
    const bool localEdits = unsaved() || recovered_ || (merge_ && !diskMerge);
    if (!localEdits) { // reload, as one undo step; the view (snapshot shown, zoom) stays
        doc_.endGesture();
        doc_.apply(editToBoard(doc_.board(), *r.board, "Reload changes made elsewhere"));
        doc_.endGesture();
        savedState_ = doc_.stateId();
        noteWritten(r.stamp);
        if (autosaver_) autosaver_->saved(savedState_);
        merge_.reset();
        notify(name + " was changed outside Horizons (a sync tool or another program): "
                      "reloaded. Ctrl+Z takes the reload back.");
        return Disk::Reloaded;
    }
    if (merge_ && !diskMerge) {
        notify(name + " was changed outside Horizons. Finish the merge of " + merge_->from +
               " first; nothing is written until then.");
        return Disk::Conflicts;
    }
    PendingMerge m;
    m.source = PendingMerge::Source::Disk;
    m.from = "the changes made to " + name + " elsewhere";
    m.oursLabel = "This window";
    m.theirsLabel = "On disk";
    m.base = base_ ? *base_ : makeEmptyBoard();
    m.theirs = std::move(*r.board);
    m.stamp = r.stamp;
    if (diskMerge) m.choices = std::move(merge_->choices); // the picks made so far stay
    return startMerge(std::move(m)) ? Disk::Merged : Disk::Conflicts;
}

// ---- the pending merge ---------------------------------------------------------------------
const MergeResult* Session::mergePreview() {
    if (!merge_) return nullptr;
    const std::pair<std::uint64_t, std::uint64_t> key{doc_.stateId(), picks_};
    if (!preview_ || key != previewKey_) {
        preview_ = mergeBoards(merge_->base, doc_.board(), merge_->theirs, merge_->choices,
                               &doc_.idSource());
        previewKey_ = key;
    }
    return &*preview_;
}

bool Session::startMerge(PendingMerge m) {
    const bool again = merge_ && merge_->source == m.source;
    if (!again)
        m.serial = ++mergeSerial_; // the same merge, read again, keeps its number
    else
        m.serial = merge_->serial;
    merge_ = std::move(m);
    ++picks_;
    const MergeResult* r = mergePreview();
    if (r->unresolved() == 0) return applyMerge();
    notify("Merging " + merge_->from + ": " + plural(r->unresolved(), "conflict", "conflicts") +
           " to choose in the merge panel. The board file is not written until then.");
    return false;
}

bool Session::resolveConflict(const ResolveConflict& r) {
    if (!merge_) return false;
    const MergeResult* preview = mergePreview();
    const auto it = std::find_if(preview->conflicts.begin(), preview->conflicts.end(),
                                 [&](const MergeConflict& x) {
                                     return x.kind == r.kind && x.id == r.id && x.field == r.field;
                                 });
    if (it == preview->conflicts.end()) return false;
    if (!merge_->choices.choose(*it, r.resolution)) {
        notify("Only a goal can be kept in both versions");
        return false;
    }
    ++picks_;
    return true;
}

bool Session::resolveAll(Resolution r) {
    if (!merge_ || (r != Resolution::Ours && r != Resolution::Theirs)) return false;
    const MergeResult* preview = mergePreview();
    for (const MergeConflict& c : preview->conflicts)
        if (merge_->choices.of(c.kind, c.id, c.field) == Resolution::Unresolved)
            merge_->choices.choose(c, r);
    ++picks_;
    return true;
}

bool Session::applyMerge() {
    const MergeResult* r = mergePreview();
    if (!r) return false;
    if (r->unresolved() > 0) {
        notify("Choose a side for every conflict first (" + plural(r->unresolved(), "is", "are") +
               " left)");
        return false;
    }
    PendingMerge m = std::move(*merge_);
    Board merged = r->board;
    merge_.reset();
    preview_.reset();
    doc_.endGesture();
    const bool changed = doc_.apply(editToBoard(doc_.board(), merged, "Merge " + m.from));
    doc_.endGesture();
    switch (m.source) {
    case PendingMerge::Source::Disk: // the file holds theirs: the next save writes the merge
        base_ = std::make_shared<const Board>(std::move(m.theirs));
        diskStamp_ = m.stamp;
        break;
    case PendingMerge::Source::Copy: mergedCopies_.insert(m.copy); break;
    case PendingMerge::Source::Recovery:
        recovered_ = true;
        if (autosaver_) // the old recovery copy is replaced by the merged board
            autosaver_->changed(std::make_shared<const Board>(doc_.board()), doc_.stateId());
        autosavedState_ = doc_.stateId();
        break;
    }
    notify(changed ? "Merged " + m.from + ". Ctrl+Z takes the merge back; Save keeps it."
                   : "Merged " + m.from + ": nothing was new.");
    return true;
}

bool Session::cancelMerge() {
    if (!merge_) return false;
    if (merge_->source == PendingMerge::Source::Disk) {
        notify("The changes made on disk cannot be set aside: choose a side for each conflict, "
               "or use Save as to keep this window's board in another file.");
        return false;
    }
    if (merge_->source == PendingMerge::Source::Recovery) {
        files_->discardRecovery(path_);
        notify("Autosaved work discarded");
    }
    merge_.reset();
    preview_.reset();
    return true;
}

// ---- conflict copies -----------------------------------------------------------------------
void Session::findCopies() {
    copies_.clear();
    if (path_.empty()) return;
    for (store::ConflictCopy& c : files_->conflictCopies(path_))
        if (!copiesSetAside_.contains(c.path)) copies_.push_back(std::move(c));
}

bool Session::mergeCopy(const fs::path& copy) {
    if (refuseWhileReadOnly("merge into")) return false;
    if (merge_) {
        notify("Finish the merge of " + merge_->from + " first");
        return false;
    }
    const auto it = std::find_if(copies_.begin(), copies_.end(),
                                 [&](const store::ConflictCopy& c) { return c.path == copy; });
    if (it == copies_.end()) return false;
    // A copy of a protected board is sealed with its key (a sync tool copies the bytes).
    store::LoadResult r = key_ ? files_->loadWithKey(copy, key_) : files_->load(copy);
    if (!r) {
        notify("Could not read " + copy.filename().string() + ": " + r.error);
        return false;
    }
    PendingMerge m;
    m.source = PendingMerge::Source::Copy;
    m.from = copyDescription(*it);
    m.oursLabel = "This board";
    m.theirsLabel = m.from;
    m.copy = copy;
    m.base = baseFromSnapshots(doc_.board(), *r.board);
    m.theirs = std::move(*r.board);
    startMerge(std::move(m));
    return true;
}

bool Session::setCopyAside(const SetCopyAside& c) {
    const fs::path p = c.path;
    if (c.trash) {
        if (const std::string error = files_->moveToTrash(p); !error.empty()) {
            notify("Not moved to the trash: " + error);
            return false;
        }
        notify(p.filename().string() + " is in the trash");
    }
    copiesSetAside_.insert(p);
    mergedCopies_.erase(p);
    std::erase_if(copies_, [&](const store::ConflictCopy& x) { return x.path == p; });
    return true;
}

// ---- autosaved work older than the board file ----------------------------------------------
void Session::mergeOlderRecovery(const std::string& when) {
    store::LoadResult r = loadRecoveryCopy();
    if (!r) {
        notify("Found autosaved work but could not read it: " + r.error);
        return;
    }
    PendingMerge m;
    m.source = PendingMerge::Source::Recovery;
    m.from = "your autosaved work from " + when;
    m.oursLabel = "The board file";
    m.theirsLabel = "Autosaved " + when;
    m.base = baseFromSnapshots(doc_.board(), *r.board);
    m.theirs = std::move(*r.board);
    startMerge(std::move(m));
}

} // namespace horizons::session
