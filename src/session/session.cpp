// session.cpp — the rules for the open board (see session.hpp).
#include "session/session.hpp"

#include <algorithm>
#include <ctime>
#include <utility>

namespace horizons::session {

namespace {

constexpr double kNoticeSeconds = 6.0;

std::string localClock(Timestamp t, const char* format) {
    const std::time_t tt = static_cast<std::time_t>(t);
    char buf[32] = "";
    if (const std::tm* tm = std::localtime(&tt)) std::strftime(buf, sizeof buf, format, tm);
    return buf;
}

bool endsWith(const std::string& s, std::string_view tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// "review-2026" -> "review-2026.horizons.json"; names that already say what they are stay.
fs::path withBoardExtension(fs::path p) {
    const std::string name = p.filename().string();
    if (endsWith(name, store::kJsonExtension) || endsWith(name, store::kBinaryExtension) ||
        endsWith(name, ".json"))
        return p;
    p.replace_filename(name + std::string(store::kJsonExtension));
    return p;
}

} // namespace

bool Session::samePath(const fs::path& a, const fs::path& b) {
    if (a.empty() || b.empty()) return false;
    std::error_code ec;
    if (fs::equivalent(a, b, ec)) return true;
    return fs::absolute(a, ec).lexically_normal() == fs::absolute(b, ec).lexically_normal();
}

const char* commandName(const Command& c) {
    static const char* const names[] = {"Edit",
                                        "Undo",
                                        "Redo",
                                        "End gesture",
                                        "Cancel",
                                        "New board",
                                        "Open",
                                        "Save",
                                        "Save as",
                                        "Quit",
                                        "Export",
                                        "View snapshot",
                                        "Discard recovered changes",
                                        "Check the board file",
                                        "Resolve conflict",
                                        "Resolve all conflicts",
                                        "Apply merge",
                                        "Cancel merge",
                                        "Merge copy",
                                        "Set copy aside",
                                        "Unlock",
                                        "Cancel unlock",
                                        "Protect with passphrase",
                                        "Change passphrase",
                                        "Remove protection"};
    static_assert(std::size(names) == std::variant_size_v<Command>);
    return names[c.index()];
}

Session::Session(Environment env) : env_(std::move(env)), files_(env_.files) {
    if (!files_) files_ = env_.files = std::make_shared<MemoryFiles>();
    if (!env_.now) env_.now = [] { return nowTimestamp(); };
    savedState_ = doc_.stateId();
}

Session::~Session() = default; // the autosave worker writes what is pending

// ---- start ---------------------------------------------------------------------------------
void Session::start(const StartOptions& o) {
    recent_ = o.recent;
    if (recent_.size() > kMaxRecent) recent_.resize(kMaxRecent);
    if (!o.file.empty()) { // a command-line FILE is relative to the working directory
        std::error_code ec;
        openBoard(fs::absolute(o.file, ec).lexically_normal(), true);
    } else if (o.blank) {
        adopt(makeEmptyBoard(), {});
    } else if (env_.autosave && files_->recoveryFor({})) {
        adopt(makeEmptyBoard(), {}); // work on an untitled board was cut short: bring it back
        recoverIfNewer();
    } else if (!o.lastBoard.empty()) {
        const fs::path last = o.lastBoard;
        if (files_->kind(last) != BoardFiles::Kind::Regular) {
            openDefault();
            notify("The board you had open last, " + last.string() +
                   ", is no longer there; this is your default board.");
        } else if (!openBoard(last, false) && !unlock_) { // protected: it asks first
            const std::string why = notice_;
            openDefault();
            notify(why + " Opened your default board instead.");
        }
    } else {
        openDefault();
    }
    if (!autosaver_) restartAutosave();
}

void Session::openDefault() {
    std::string error;
    const fs::path def = files_->ensureDefaultBoard(&error);
    if (!error.empty()) loadError_ = error;
    openBoard(def, true);
}

// ---- dispatch ------------------------------------------------------------------------------
bool Session::dispatch(Command command) {
    return std::visit(
        [this](auto& c) -> bool {
            using C = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<C, ApplyEdit>)
                return edit(c);
            else if constexpr (std::is_same_v<C, Undo>)
                return undoRedo(true);
            else if constexpr (std::is_same_v<C, Redo>)
                return undoRedo(false);
            else if constexpr (std::is_same_v<C, EndGesture>) {
                doc_.endGesture();
                return true;
            } else if constexpr (std::is_same_v<C, CancelGesture>) {
                return !refuseWhileReadOnly("cancel") && doc_.cancelStep(c.mergeKey);
            } else if constexpr (std::is_same_v<C, NewBoard>)
                return newBoard();
            else if constexpr (std::is_same_v<C, Open>)
                return openBoard(resolve(c.path), false);
            else if constexpr (std::is_same_v<C, Save>)
                return save();
            else if constexpr (std::is_same_v<C, SaveAs>)
                return saveAs(c.path);
            else if constexpr (std::is_same_v<C, Quit>)
                return quit();
            else if constexpr (std::is_same_v<C, ExportText>)
                return exportText(c);
            else if constexpr (std::is_same_v<C, ViewSnapshot>)
                return viewSnapshot(c.id);
            else if constexpr (std::is_same_v<C, DiscardRecovery>)
                return discardRecovery();
            else if constexpr (std::is_same_v<C, CheckDisk>) {
                const Disk d = syncWithDisk(false);
                findCopies();
                return d != Disk::Unreadable;
            } else if constexpr (std::is_same_v<C, ResolveConflict>)
                return resolveConflict(c);
            else if constexpr (std::is_same_v<C, ResolveAllConflicts>)
                return resolveAll(c.resolution);
            else if constexpr (std::is_same_v<C, ApplyMerge>)
                return applyMerge();
            else if constexpr (std::is_same_v<C, CancelMerge>)
                return cancelMerge();
            else if constexpr (std::is_same_v<C, MergeCopy>)
                return mergeCopy(c.path);
            else if constexpr (std::is_same_v<C, SetCopyAside>)
                return setCopyAside(c);
            else if constexpr (std::is_same_v<C, Unlock>)
                return unlock(c);
            else if constexpr (std::is_same_v<C, CancelUnlock>)
                return cancelUnlock();
            else if constexpr (std::is_same_v<C, Protect>)
                return protect(c);
            else if constexpr (std::is_same_v<C, ChangePassphrase>)
                return changePassphrase(c);
            else
                return removeProtection();
        },
        command);
}

void Session::notify(std::string message) {
    notice_ = std::move(message);
    noticeUntil_ = now() + kNoticeSeconds;
}

bool Session::refuseWhileReadOnly(const char* what) {
    if (!readOnly()) return false;
    if (!lockedBy_.empty()) {
        notify("This board is open in another Horizons (" + lockedBy_ +
               "): read only here, nothing to " + what +
               ". Edit it there, or close it there "
               "and open it again here.");
        return true;
    }
    const Snapshot* s = doc_.board().snapshots.find(viewing_);
    notify(std::string("Viewing the snapshot \"") + (s ? s->name : "?") +
           "\", which is read only: nothing to " + what +
           ". Go back to the live board to change it.");
    return true;
}

bool Session::edit(ApplyEdit& e) {
    if (refuseWhileReadOnly("edit")) return false;
    return doc_.apply(std::move(e.edit), e.mergeKey);
}

bool Session::undoRedo(bool undo) {
    if (refuseWhileReadOnly(undo ? "undo" : "redo")) return false;
    return undo ? doc_.undo() : doc_.redo();
}

std::uint64_t Session::allocateId() { return doc_.newId<GoalId>().value; }

// ---- reading -------------------------------------------------------------------------------
const Document& Session::viewed() const { return viewDoc_ && viewing_ ? *viewDoc_ : doc_; }

std::uint64_t Session::generation() const {
    const std::pair<std::uint64_t, std::uint64_t> key{viewing_.value, viewed().stateId()};
    if (key != generationKey_) {
        generationKey_ = key;
        ++generation_;
    }
    return generation_;
}

Derived& Session::derived(Date today) {
    derived_.update(viewed().content(), generation(), today);
    return derived_;
}

Status Session::status() const {
    Status st;
    const BoardContent& c = doc_.content();
    st.title = c.meta.title.empty() ? std::string("Untitled board") : c.meta.title;
    st.path = path_.string();
    st.dirty = unsaved();
    st.readOnly = readOnly();
    st.lockedBy = lockedBy_;
    if (const Snapshot* s = doc_.board().snapshots.find(viewing_)) st.snapshotName = s->name;
    st.canUndo = doc_.canUndo() && !st.readOnly;
    st.canRedo = doc_.canRedo() && !st.readOnly;
    st.undoLabel = doc_.undoLabel();
    st.redoLabel = doc_.redoLabel();
    const BoardContent& shown = viewed().content();
    st.empty = shown.goals.empty() && shown.people.empty();
    st.lastSaved = lastSaved_;
    st.error = loadError_;
    st.recovered = recovered_;
    st.isProtected = isProtected();
    return st;
}

std::vector<std::string> Session::recent() const {
    std::vector<std::string> out;
    for (const std::string& f : recent_)
        if (files_->kind(f) == BoardFiles::Kind::Regular) out.push_back(f);
    return out;
}

const std::string& Session::notice() const {
    static const std::string none;
    return now() < noticeUntil_ ? notice_ : none;
}

fs::path Session::resolve(const std::string& typed) const {
    fs::path p = typed;
    if (typed == "~" || typed.rfind("~/", 0) == 0) {
        const fs::path home = files_->homeDir();
        if (!home.empty()) p = home / typed.substr(std::min<std::size_t>(2, typed.size()));
    }
    if (p.is_relative()) p = (path_.empty() ? files_->dataDir() : path_.parent_path()) / p;
    return p.lexically_normal();
}

bool Session::takeSaveAsRequest() { return std::exchange(saveAsRequested_, false); }

// ---- files ---------------------------------------------------------------------------------
void Session::adopt(Board board, const fs::path& p) {
    const bool rekeyed = adoptKey(p); // the key follows the board it opened, never another
    doc_.reset(std::move(board));
    savedState_ = doc_.stateId();
    recovered_ = false;
    viewing_ = {};
    viewDoc_.reset();
    lastSaved_.clear();
    const bool moved = path_ != p || !autosaver_ || rekeyed;
    path_ = p;
    noteWritten({}); // openBoard sets the stamp of what it read
    merge_.reset();
    preview_.reset();
    copies_.clear();
    if (moved) {
        copiesSetAside_.clear();
        mergedCopies_.clear();
        takeLock();
        restartAutosave();
    }
    autosavedState_ = seenState_ = doc_.stateId();
}

bool Session::openBoard(const fs::path& p, bool missingIsNew) {
    const BoardFiles::Kind kind = files_->kind(p);
    if (kind == BoardFiles::Kind::Other) {
        loadError_ = p.string() + " is not a board file (a folder or a device)";
        notify(loadError_);
        return false;
    }
    if (kind == BoardFiles::Kind::Missing && !missingIsNew) {
        notify("No board at " + p.string() + " (File > New board starts one)");
        return false;
    }
    if (kind == BoardFiles::Kind::Regular && files_->isProtected(p) &&
        !(key_ && samePath(p, path_)))
        return requestUnlock(p); // the passphrase first: the open board stays until it is right
    if (!samePath(p, path_) && !keepUnsavedWork()) return false;
    if (kind == BoardFiles::Kind::Missing) { // a new board, written there on the first save
        adopt(makeEmptyBoard(), p);
        loadError_.clear();
        return true;
    }
    store::LoadResult r = loadOpenBoard(p);
    if (!r) {
        // Never overwrite a file that failed to load: the board that was open stays open.
        loadError_ = r.error;
        notify("Could not open " + p.filename().string() + ": " + r.error);
        return false;
    }
    adopt(std::move(*r.board), p);
    diskStamp_ = r.stamp;
    loadError_.clear();
    remember(p);
    findCopies();
    if (!lockedBy_.empty())
        notify("This board is open in another Horizons (" + lockedBy_ +
               "): shown read only, so that one window writes it.");
    recoverIfNewer();
    return true;
}

bool Session::recoverIfNewer() {
    if (!env_.autosave || !lockedBy_.empty()) return false;
    const auto rec = files_->recoveryFor(path_);
    if (!rec) return false;
    if (rec->olderThanBoard) { // the file changed since: merge, never put it in its place
        mergeOlderRecovery(rec->when);
        return true;
    }
    store::LoadResult r = loadRecoveryCopy();
    if (!r) {
        notify("Found autosaved work but could not read it: " + r.error);
        return false;
    }
    doc_.reset(std::move(*r.board));
    savedState_ = 0; // not in the board file yet: unsaved
    recovered_ = true;
    autosavedState_ = seenState_ = doc_.stateId();
    if (autosaver_)
        autosaver_->changed(std::make_shared<const Board>(doc_.board()), doc_.stateId());
    notify("Recovered unsaved changes from " + rec->when +
           ". Save to keep them, or File > Discard recovered changes.");
    return true;
}

bool Session::discardRecovery() {
    if (!recovered_) return false;
    Board board = makeEmptyBoard();
    store::FileStamp stamp;
    if (!path_.empty() && files_->kind(path_) == BoardFiles::Kind::Regular) {
        store::LoadResult r = loadOpenBoard(path_);
        if (!r) {
            notify("Could not reread " + path_.filename().string() + ": " + r.error);
            return false;
        }
        board = std::move(*r.board);
        stamp = r.stamp;
    }
    autosaver_.reset(); // nothing pending may rewrite the recovery copy
    files_->discardRecovery(path_);
    adopt(std::move(board), path_);
    diskStamp_ = stamp;
    notify("Recovered changes discarded");
    return true;
}

void Session::takeLock() {
    lock_.reset();
    lockedBy_.clear();
    if (!env_.autosave || path_.empty()) return; // screenshots take no lock; untitled needs none
    std::string holder;
    lock_ = files_->lock(path_, &holder);
    if (!lock_) lockedBy_ = holder.empty() ? "another window" : holder;
}

void Session::restartAutosave() {
    autosaver_.reset(); // writes what the previous board had pending
    // Read only (another window has it): its autosave is that window's, never two at once.
    if (!env_.autosave || !lockedBy_.empty()) return;
    autosaver_ = newAutosaver();
    autosavedState_ = seenState_ = doc_.stateId();
    autosaveError_.clear();
}

bool Session::keepUnsavedWork() {
    if (!unsaved()) return true;
    fs::path target = path_;
    if (target.empty()) // an untitled board: kept in the data folder, listed in Open recent
        target =
            files_->dataDir() / ("Untitled board " + localClock(env_.now(), "%Y-%m-%d %H%M%S") +
                                 std::string(store::kJsonExtension));
    if (saveTo(target)) return true;
    const std::string why = notice_;
    if (autosaver_) { // could not save (read-only folder, full disk): the recovery copy keeps it
        autosaver_->changed(std::make_shared<const Board>(doc_.board()), doc_.stateId());
        if (autosaver_->flush()) {
            autosavedState_ = doc_.stateId();
            notify(why + ". Your changes are kept in the recovery copy; use Save as to keep "
                         "them in a board file.");
            return false;
        }
    }
    notify(why + ". Use Save as to keep your changes.");
    return false;
}

bool Session::newBoard() {
    if (!keepUnsavedWork()) return false;
    adopt(makeEmptyBoard(), {});
    loadError_.clear();
    return true;
}

bool Session::save() {
    if (!lockedBy_.empty()) return !refuseWhileReadOnly("save");
    if (path_.empty()) {
        saveAsRequested_ = true;
        return false;
    }
    return saveTo(path_);
}

bool Session::saveAs(const std::string& typed) {
    const fs::path p = withBoardExtension(resolve(typed));
    if (files_->kind(p) == BoardFiles::Kind::Other) {
        notify("Not saved: " + p.string() + " is a folder or a device");
        return false;
    }
    return saveTo(p);
}

bool Session::saveTo(const fs::path& p) {
    std::unique_ptr<BoardLockHandle> newLock; // another file: it must not be open elsewhere
    if (p != path_ && env_.autosave) {
        std::string holder;
        newLock = files_->lock(p, &holder);
        if (!newLock) {
            notify("Not saved: " + p.filename().string() + " is open in another Horizons (" +
                   holder + ")");
            return false;
        }
    }
    Disk disk = Disk::Same;
    if (p == path_) { // never over changes made elsewhere: reload or merge them first
        disk = syncWithDisk(true);
        if (disk == Disk::Conflicts) {
            const MergeResult* m = mergePreview();
            notify("Not saved: " + path_.filename().string() + " was changed elsewhere and " +
                   std::to_string(m ? m->unresolved() : 0) +
                   " of those changes conflict with yours. Choose in the merge panel first.");
        }
        if (disk == Disk::Conflicts || disk == Disk::Unreadable) return false;
    }
    const store::SaveResult r = writeBoard(p);
    if (!r) {
        notify("Not saved: " + r.error);
        return false;
    }
    noteWritten(r.stamp);
    if (newLock) {
        lock_ = std::move(newLock);
        lockedBy_.clear();
    }
    const fs::path old = path_;
    path_ = p;
    savedState_ = doc_.stateId();
    recovered_ = false;
    loadError_.clear();
    if (old == p) {
        if (autosaver_) autosaver_->saved(savedState_);
    } else { // Save as: pending changes of the old file stay there; the recovery copy follows
        if (merge_ && merge_->source == PendingMerge::Source::Disk) merge_.reset();
        copiesSetAside_.clear();
        mergedCopies_.clear();
        findCopies();
        if (env_.autosave) {
            autosaver_.reset();
            files_->discardRecovery(old);
            restartAutosave();
        }
    }
    lastSaved_ = localClock(env_.now(), "%H:%M");
    remember(p);
    notify(disk == Disk::Merged
               ? "Saved " + p.filename().string() + " with the changes made elsewhere merged in"
               : "Saved " + p.filename().string());
    return true;
}

bool Session::quit() {
    if (keepUnsavedWork() || now() < quitAnywayUntil_) {
        quit_ = true;
        return true;
    }
    // Work that can be kept nowhere is not dropped silently: this quit is refused, the
    // notice says why, and a second one soon after leaves anyway.
    quitAnywayUntil_ = now() + kQuitAgainWindow;
    notify(notice_ + " Quit again to leave without them.");
    return false;
}

bool Session::exportText(const ExportText& e) {
    const fs::path p = resolve(e.path);
    if (samePath(p, path_)) {
        notify("Not exported: " + p.filename().string() + " is the open board");
        return false;
    }
    const std::string error = files_->writeText(p, e.text);
    notify(error.empty() ? "Exported " + p.string() : "Not exported: " + error);
    return error.empty();
}

bool Session::viewSnapshot(SnapshotId id) {
    if (!id) {
        viewing_ = {};
        return true;
    }
    const Snapshot* s = doc_.board().snapshots.find(id);
    if (!s) {
        notify("That snapshot no longer exists");
        return false;
    }
    Board b;
    b.content = s->content;
    b.nextId = doc_.board().nextId;
    if (!viewDoc_) viewDoc_ = std::make_unique<Document>();
    viewDoc_->reset(std::move(b));
    viewing_ = id;
    return true;
}

void Session::remember(const fs::path& p) {
    std::error_code ec;
    const std::string abs = fs::absolute(p, ec).lexically_normal().string();
    std::erase(recent_, abs);
    recent_.insert(recent_.begin(), abs);
    if (recent_.size() > kMaxRecent) recent_.resize(kMaxRecent);
}

// ---- the loop ------------------------------------------------------------------------------
void Session::tick() {
    if (readOnly() && !doc_.board().snapshots.contains(viewing_)) viewing_ = {};
    if (!autosaver_) return;
    const double t = now();
    if (doc_.stateId() != seenState_) {
        seenState_ = doc_.stateId();
        lastEditAt_ = t;
    }
    if (const std::string err = autosaver_->lastError(); err != autosaveError_) {
        autosaveError_ = err;
        if (!err.empty()) notify("Autosave failed: " + err + ". Save to keep your changes.");
    }
    if (doc_.stateId() == autosavedState_ || t - lastEditAt_ < env_.autosaveDelay) return;
    autosavedState_ = doc_.stateId();
    if (!unsaved()) {
        autosaver_->saved(savedState_); // back at the saved state (undo): nothing to recover
        return;
    }
    // The copy is made here, once per pause in editing, and written off the UI thread.
    autosaver_->changed(std::make_shared<const Board>(doc_.board()), doc_.stateId());
}

double Session::wakeIn() const {
    double wait = -1;
    const double t = now();
    if (autosaver_ && doc_.stateId() != autosavedState_)
        wait = std::max(0.0, lastEditAt_ + env_.autosaveDelay - t);
    if (t < noticeUntil_) wait = wait < 0 ? noticeUntil_ - t : std::min(wait, noticeUntil_ - t);
    return wait;
}

} // namespace horizons::session
