// session.hpp — the one owner of the open board.
//
// Index
//   Status, Notice     what the window shows about the board (title, saved?, read only ...)
//   StartOptions       what the app was started with
//   Session            document + path + saved generation + autosave/recovery + the snapshot
//                      being viewed + recent files, and dispatch(): the one way to change any
//                      of them
//
// The rules, each one a unit test in tests/session:
//   - Read only: while a snapshot is shown, every edit, undo and redo is refused with a notice
//     and the live board is untouched.
//   - A file that failed to load is never written: the board that was open stays open.
//   - Unsaved work is never dropped: quit / open / new save it to its own file first (an
//     untitled board goes to the data folder); if it can be kept nowhere, open and new are
//     refused and the first quit is too.
//   - One board's content is only ever written to that board's path; Save as moves the
//     recovery copy with the board.
//   - Recovery is offered for the board it belongs to, when newer than that board's file.
//   - With no FILE, the last board that was open opens again (else the default board).
//   - Changes made elsewhere are never overwritten (sync.cpp, docs/sync.md): before every
//     write and when the window gets focus, the board file is compared with what was loaded
//     or last written. Changed, no unsaved edits: reloaded (one undo step). Changed, with
//     unsaved edits: merged by entity id; conflicts wait in PendingMerge, and nothing is
//     written to the board until they are resolved. Sync tools' conflict copies beside the
//     board are offered for merge; autosaved work older than the board file is merged too.
//   - A protected board (store/protect.hpp) opens only with its passphrase (unlockRequest():
//     the window asks; a wrong one writes nothing; cancel keeps the board that was open).
//     Every write of it (save, .bak, temp files, recovery copy, Save as) is sealed with its
//     key, which is dropped (and wiped) when the board is closed. (session/protection.cpp)
#pragma once

#include "model/document.hpp"
#include "session/command.hpp"
#include "session/derived.hpp"
#include "session/environment.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace horizons::session {

struct Status {
    std::string title = "Untitled board"; // the board's name (window title too)
    std::string path;                     // file path; empty when never saved
    bool dirty = false;                   // unsaved changes
    bool readOnly = false;                // a snapshot is shown, or another window has the board
    std::string snapshotName;             // the snapshot shown, when readOnly
    std::string lockedBy;                 // who else has this board open, when readOnly
    bool canUndo = false;                 // and not read only
    bool canRedo = false;
    std::string undoLabel; // "Move goal": the Edit menu says "Undo Move goal"
    std::string redoLabel;
    bool empty = true;        // no goals and no people: show the empty state
    std::string lastSaved;    // "HH:MM" of the last save in this session, "" if none
    std::string error;        // why the board asked for could not be opened
    bool recovered = false;   // the board shows recovered autosaved work, not yet saved
    bool isProtected = false; // sealed with a passphrase (every write of it is)
};

struct StartOptions {
    std::string file;                // FILE on the command line ("" = where the user left off)
    std::string lastBoard;           // the board open when the app last quit (from the settings)
    std::vector<std::string> recent; // most recent first
    bool blank = false;              // no FILE means an empty untitled board (screenshots)
};

// A merge waiting for the user's picks: the board file changed on disk while this window had
// unsaved edits, a conflict copy is being merged, or autosaved work older than the file.
struct PendingMerge {
    enum class Source { Disk, Copy, Recovery };
    Source source = Source::Disk;
    std::string from;      // for messages: "the copy on disk", "Syncthing's copy (ABC1234)"
    std::string oursLabel; // the two columns of the conflict panel
    std::string theirsLabel;
    fs::path copy;          // Source::Copy: the copy being merged
    Board base;             // what both sides started from
    Board theirs;           // the other side; "ours" is the open board
    store::FileStamp stamp; // Source::Disk: the board file as read
    MergeChoices choices;
    std::uint64_t serial = 0; // names this merge (a new one gets a new number)
};

class Session final : public Dispatcher {
  public:
    static constexpr std::size_t kMaxRecent = 10;
    static constexpr double kQuitAgainWindow = 10.0; // seconds for "quit again to leave"

    explicit Session(Environment env = {});
    ~Session() override;

    void start(const StartOptions& options);

    // ---- Dispatcher
    bool dispatch(Command command) override;
    void notify(std::string message) override;

    // ---- reading
    const Document& live() const { return doc_; }
    const Document& viewed() const; // the snapshot shown, else the live board
    SnapshotId viewing() const { return viewing_; }
    // A snapshot is shown, or another Horizons has this board open (one writer per board).
    bool readOnly() const { return viewing_.value != 0 || !lockedBy_.empty(); }
    const fs::path& path() const { return path_; }
    bool unsaved() const { return doc_.stateId() != savedState_; }
    Status status() const;
    std::uint64_t generation() const override;
    Derived& derived(Date today);            // brought up to date for the viewed board
    std::vector<std::string> recent() const; // at most kMaxRecent, only files that exist
    std::string lastBoard() const { return path_.string(); }

    // ---- the loop
    void tick();           // autosave after a pause in editing; autosave errors
    double wakeIn() const; // seconds until tick() or a notice needs a frame; < 0: never
    bool quitApproved() const { return quit_; }
    bool takeSaveAsRequest();          // Save of an untitled board: the window asks for a name
    const std::string& notice() const; // the status line's message ("" when none)
    double now() const { return env_.seconds ? env_.seconds() : 0.0; }

    // ---- changes made elsewhere (sync.cpp)
    const PendingMerge* pendingMerge() const { return merge_ ? &*merge_ : nullptr; }
    // The pending merge of the board as it is now with the picks made so far; null if none.
    const MergeResult* mergePreview();
    // Conflict copies beside the board still to be dealt with; `merged` says which of them
    // are already in the board (then offered for the trash).
    const std::vector<store::ConflictCopy>& conflictCopies() const { return copies_; }
    bool copyMerged(const fs::path& copy) const { return mergedCopies_.contains(copy); }

    // Where a typed path points: "~/" is home, a relative name is next to the open board
    // (or in the data folder when untitled), never in the working directory.
    fs::path resolve(const std::string& typed) const;

    // ---- passphrase protection (session/protection.cpp)
    struct UnlockRequest {
        std::string path;  // the protected board asked for
        std::string error; // why the last try failed ("" before the first)
        int attempts = 0;  // wrong passphrases so far
    };
    // A protected board waits for its passphrase (answer with Unlock or CancelUnlock).
    const UnlockRequest* unlockRequest() const { return unlock_ ? &*unlock_ : nullptr; }
    bool isProtected() const { return key_ != nullptr; }
    // Observes the open board's key (tests: expired once the board is closed, i.e. wiped).
    std::weak_ptr<const store::BoardKey> boardKey() const { return key_; }

  protected:
    std::uint64_t allocateId() override;

  private:
    struct Refusal {}; // a command that was refused (its notice is set)

    bool edit(ApplyEdit& e);
    bool undoRedo(bool undo);
    bool openBoard(const fs::path& p, bool missingIsNew);
    bool newBoard();
    bool save();
    bool saveAs(const std::string& typed);
    bool saveTo(const fs::path& p);
    bool quit();
    bool exportText(const ExportText& e);
    bool viewSnapshot(SnapshotId id);
    bool discardRecovery();
    bool refuseWhileReadOnly(const char* what);

    void adopt(Board board, const fs::path& p); // the open board becomes `board` at `p`
    bool keepUnsavedWork();                     // before quit / open / new
    bool recoverIfNewer();                      // recovered work for path_ is loaded
    void restartAutosave();
    void takeLock();                  // of path_; read only when another Horizons has it
    void remember(const fs::path& p); // recent files
    void openDefault();

    // sync.cpp
    enum class Disk { Same, Reloaded, Merged, Conflicts, Unreadable, Gone };
    Disk syncWithDisk(bool beforeWrite);             // the board file against diskStamp_
    void noteWritten(const store::FileStamp& stamp); // the file now holds the open board
    bool startMerge(PendingMerge m);                 // applied at once when clean
    bool applyMerge();
    bool cancelMerge();
    bool resolveConflict(const ResolveConflict& r);
    bool resolveAll(Resolution r);
    bool mergeCopy(const fs::path& copy);
    bool setCopyAside(const SetCopyAside& c);
    void findCopies();
    void mergeOlderRecovery(const std::string& when); // autosaved work older than the file
    // protection.cpp
    bool requestUnlock(const fs::path& p);
    bool unlock(Unlock& u);
    bool cancelUnlock();
    bool protect(Protect& c);
    bool changePassphrase(ChangePassphrase& c);
    bool removeProtection();
    bool resealOpenBoard(std::shared_ptr<const store::BoardKey> key, const std::string& done);
    std::shared_ptr<const store::BoardKey> deriveKey(const store::Secret& pass); // null: notice
    static bool samePath(const fs::path& a, const fs::path& b); // the same file (session.cpp)
    bool adoptKey(const fs::path& p);                           // in adopt(): true when it changed
    store::LoadResult loadOpenBoard(const fs::path& p);         // with key_ when it is this board's
    store::LoadResult loadRecoveryCopy();                 // of path_, with key_ when protected
    store::SaveResult writeBoard(const fs::path& p);      // sealed with key_ when protected
    std::unique_ptr<AutosaveWorker> newAutosaver() const; // for path_, sealed when protected

    Environment env_;
    std::shared_ptr<BoardFiles> files_;
    Document doc_;
    fs::path path_;                // empty: untitled
    std::uint64_t savedState_ = 0; // doc_.stateId() the board file holds
    bool recovered_ = false;
    std::string lastSaved_;
    std::string loadError_;

    std::unique_ptr<BoardLockHandle> lock_; // one writer per board: ours while it is open
    std::string lockedBy_;                  // else who holds it: the board is read only here

    std::unique_ptr<AutosaveWorker> autosaver_;
    std::uint64_t autosavedState_ = 0; // last state handed to the worker
    std::uint64_t seenState_ = 0;      // state at the last tick
    double lastEditAt_ = 0;
    std::string autosaveError_; // last autosave error shown

    SnapshotId viewing_;
    std::unique_ptr<Document> viewDoc_;

    std::vector<std::string> recent_;
    std::string notice_;
    double noticeUntil_ = 0;
    bool saveAsRequested_ = false;
    bool quit_ = false;
    double quitAnywayUntil_ = -1;

    // Changes made elsewhere: the board file as last read or written, and what it held.
    std::shared_ptr<const Board> base_;
    store::FileStamp diskStamp_;
    std::optional<PendingMerge> merge_;
    std::optional<MergeResult> preview_;
    std::pair<std::uint64_t, std::uint64_t> previewKey_{0, 0}; // (stateId, picks made)
    std::uint64_t picks_ = 0;
    std::uint64_t mergeSerial_ = 0;
    std::vector<store::ConflictCopy> copies_;
    std::set<fs::path> copiesSetAside_; // this board, while open
    std::set<fs::path> mergedCopies_;

    mutable std::uint64_t generation_ = 0;
    mutable std::pair<std::uint64_t, std::uint64_t> generationKey_{~0ull, ~0ull};
    Derived derived_;

    // The open board's key when it is protected: every write of it is sealed with it. It
    // follows the board it opened (adoptKey) and is dropped when another board is adopted.
    std::shared_ptr<const store::BoardKey> key_;
    std::shared_ptr<const store::BoardKey> adoptingKey_; // for the next adopt() (unlock)
    std::optional<UnlockRequest> unlock_;
};

} // namespace horizons::session
