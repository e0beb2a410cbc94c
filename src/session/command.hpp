// command.hpp — every change to the open board, as a value handed to Session::dispatch().
//
// Index
//   ApplyEdit, Undo, Redo, EndGesture, CancelGesture    the board's content
//   NewBoard, Open, Save, SaveAs, Quit, ExportText       files
//   ViewSnapshot, DiscardRecovery                        what the window shows
//   CheckDisk, ResolveConflict, ResolveAllConflicts,
//   ApplyMerge, CancelMerge, MergeCopy, SetCopyAside     changes made elsewhere (docs/sync.md)
//   Unlock, CancelUnlock, Protect, ChangePassphrase,     passphrase protection
//   RemoveProtection                                     (session/protection.cpp)
//   Command                                              the variant of all of them
//   Dispatcher                                           what views receive to send them
//
// Views never change a Document themselves: they build a command and dispatch it, and the
// session decides (read-only while a snapshot is shown, files that failed to load, ...).
#pragma once

#include "model/edit.hpp"
#include "model/ids.hpp"
#include "model/merge.hpp"
#include "store/protect.hpp"

#include <cstdint>
#include <string>
#include <variant>

namespace horizons::session {

// ---- the board's content -------------------------------------------------------------------
struct ApplyEdit { // one undo step, or part of the open gesture `mergeKey`
    Edit edit;
    std::uint64_t mergeKey = 0; // non-zero: merged with the previous step of the same key
};
struct Undo {};
struct Redo {};
struct EndGesture {};  // the next edit starts a new step even with the same key
struct CancelGesture { // takes back the open gesture's step (Escape in a rename of a new goal)
    std::uint64_t mergeKey = 0;
};

// ---- files ---------------------------------------------------------------------------------
struct NewBoard {};
struct Open {
    std::string path; // as typed: "~/" is home, a relative name is next to the open board
};
struct Save {}; // untitled: asks for a name (Session::takeSaveAsRequest)
struct SaveAs {
    std::string path; // as typed; ".horizons.json" is added when it has no board extension
};
struct Quit {};     // saves pending work first; refused once when it can be kept nowhere
struct ExportText { // agenda / plan exports: written atomically, never over the open board
    std::string path;
    std::string text;
};

// ---- what the window shows -----------------------------------------------------------------
struct ViewSnapshot { // show a snapshot read-only; a zero id goes back to the live board
    SnapshotId id;
};
struct DiscardRecovery {}; // drop recovered autosaved work: back to the board file as saved

// ---- changes made elsewhere: a sync tool, another device, a script -------------------------
// The window got focus: reload the board file if it changed on disk (merge when there are
// unsaved edits), and look for sync tools' conflict copies beside it.
struct CheckDisk {};
struct ResolveConflict { // one conflict of the pending merge (Session::mergePreview)
    EntityKind kind = EntityKind::Board;
    std::uint64_t id = 0;
    std::string field;
    Resolution resolution = Resolution::Unresolved; // Both: goals only
};
struct ResolveAllConflicts { // Ours or Theirs for every conflict not picked yet
    Resolution resolution = Resolution::Ours;
};
struct ApplyMerge {};  // every conflict resolved: the merge becomes one undo step
struct CancelMerge {}; // a conflict copy or recovered work: not merged now (changes to the
                       // board file itself cannot be set aside: saving waits for them)
struct MergeCopy {     // a sync tool's conflict copy, into the open board
    std::string path;
};
struct SetCopyAside { // not offered again while the board is open; trash: to the trash
    std::string path;
    bool trash = false;
};

// ---- passphrase protection (store/protect.hpp) ---------------------------------------------
// Passphrases travel only in store::Secret values (wiped when the command goes away), so a
// Command is move-only.
struct Unlock { // the answer to Session::unlockRequest(): opens the protected board asked for
    store::Secret passphrase;
};
struct CancelUnlock {}; // the protected board stays closed; the board that was open stays
struct Protect {        // seals the open board (saved at once); its plain copies are removed
    store::Secret passphrase;
    store::Secret confirm; // typed twice: they must match
};
struct ChangePassphrase { // the open protected board, saved at once under a new key
    store::Secret passphrase;
    store::Secret confirm;
};
struct RemoveProtection {}; // the open protected board, saved at once in the clear

using Command =
    std::variant<ApplyEdit, Undo, Redo, EndGesture, CancelGesture, NewBoard, Open, Save, SaveAs,
                 Quit, ExportText, ViewSnapshot, DiscardRecovery, CheckDisk, ResolveConflict,
                 ResolveAllConflicts, ApplyMerge, CancelMerge, MergeCopy, SetCopyAside, Unlock,
                 CancelUnlock, Protect, ChangePassphrase, RemoveProtection>;

const char* commandName(const Command& c); // "Undo", "Save as", ... (for messages and tests)

// What a view gets instead of the document: a way to ask for changes, fresh ids for the
// entities it creates, and the status line.
class Dispatcher {
  public:
    virtual ~Dispatcher() = default;
    // True when the command was carried out; false when refused (the reason is a notice).
    virtual bool dispatch(Command command) = 0;
    // Shows a one-line message in the status bar.
    virtual void notify(std::string message) = 0;
    // Names the state of the board views are shown; changes with every change of it (an
    // edit, undo, another board, a snapshot shown), at once. Caches key on it.
    virtual std::uint64_t generation() const = 0;

    template <class IdT> IdT newId() { return IdT{allocateId()}; }
    // Shorthands for the commands views send most.
    bool apply(Edit edit, std::uint64_t mergeKey = 0) {
        return dispatch(ApplyEdit{std::move(edit), mergeKey});
    }
    void endGesture() { dispatch(EndGesture{}); }

  protected:
    virtual std::uint64_t allocateId() = 0; // ids are never reused, even after undo
};

} // namespace horizons::session
