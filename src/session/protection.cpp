// protection.cpp — the session's side of passphrase protection (store/protect.hpp).
//
// Index
//   unlock ......... requestUnlock, unlock, cancelUnlock: opening a protected board
//   protect ........ protect, changePassphrase, removeProtection, resealOpenBoard
//   the key ........ adoptKey, loadOpenBoard, loadRecoveryCopy, writeBoard, newAutosaver
//
// The rules (tests/session/test_protection.cpp):
//   - A protected board opens only with its passphrase. Until it is given, the board that
//     was open stays open and untouched (not even saved); a wrong one writes nothing and may
//     be tried again; cancel leaves everything as it was.
//   - While it is open, every write of it is sealed with its key: saves (their temp file and
//     .bak), Save as, the autosave recovery copy. Its recovery copy opens with the same key.
//   - Protect / change / remove save the board at once (a protected board's unsaved work is
//     sealed with it) and remove the copies the old state left: the .bak (plain, or sealed
//     under the old key) and the recovery copy.
//   - The key is dropped when the board is closed (another board, a new one, quit): the
//     last copy wipes it (BoardKey's destructor). Passphrases live only in store::Secret.
#include "session/session.hpp"

#include <ctime>
#include <optional>
#include <utility>

namespace horizons::session {

namespace {

std::string fileName(const fs::path& p) { return p.filename().string(); }

std::string clockNow(Timestamp t) {
    const std::time_t tt = static_cast<std::time_t>(t);
    char buf[16] = "";
    if (const std::tm* tm = std::localtime(&tt)) std::strftime(buf, sizeof buf, "%H:%M", tm);
    return buf;
}

// Why a new passphrase (typed twice) cannot be used, or nothing.
std::optional<std::string> passphraseProblem(const store::Secret& pass,
                                             const store::Secret& confirm) {
    if (pass.empty()) return "The passphrase is empty: nothing changed";
    if (pass.view() != confirm.view())
        return "The two passphrases are not the same: nothing changed. Type it twice alike.";
    return std::nullopt;
}

} // namespace

// ---- unlock --------------------------------------------------------------------------------
bool Session::requestUnlock(const fs::path& p) {
    unlock_ = UnlockRequest{p.string(), {}, 0};
    notify(fileName(p) + " is protected with a passphrase: enter it to open the board.");
    return false; // not open yet: Unlock opens it
}

bool Session::unlock(Unlock& u) {
    store::Secret pass = std::move(u.passphrase); // wiped when this returns
    if (!unlock_) {
        notify("No protected board is waiting for its passphrase");
        return false;
    }
    const fs::path p = unlock_->path;
    if (pass.empty()) {
        unlock_->error = "Enter the passphrase of " + fileName(p) + ".";
        return false;
    }
    store::LoadResult r = files_->unlock(p, pass.view());
    pass.clear();
    if (!r) {
        if (r.wrongPassphrase) { // nothing written: try again, or cancel
            ++unlock_->attempts;
            unlock_->error = "Wrong passphrase: " + fileName(p) +
                             " was not opened and nothing was written. Try again.";
            notify(unlock_->error);
            return false;
        }
        unlock_.reset();
        loadError_ = r.error;
        notify("Could not open " + fileName(p) + ": " + r.error);
        return false;
    }
    unlock_.reset();
    // The passphrase is right: now the board that was open gives way (its work saved first).
    if (!samePath(p, path_) && !keepUnsavedWork()) return false; // r.key goes: wiped
    adoptingKey_ = std::move(r.key);
    adopt(std::move(*r.board), p);
    loadError_.clear();
    remember(p);
    if (!lockedBy_.empty())
        notify("This board is open in another Horizons (" + lockedBy_ +
               "): shown read only, so that one window writes it.");
    else
        notify("Opened " + fileName(p) + " (protected with a passphrase)");
    recoverIfNewer();
    return true;
}

bool Session::cancelUnlock() {
    if (!unlock_) return false;
    const fs::path p = unlock_->path;
    unlock_.reset();
    notify(fileName(p) + " was not opened: it stays protected" +
           (path_.empty() ? std::string(".") : ", and " + fileName(path_) + " stays open."));
    return true;
}

// ---- protect, change, remove ---------------------------------------------------------------
bool Session::protect(Protect& c) {
    const store::Secret pass = std::move(c.passphrase), confirm = std::move(c.confirm);
    if (!lockedBy_.empty()) return !refuseWhileReadOnly("protect");
    if (key_) {
        notify("This board is already protected: File > Change passphrase… gives it another");
        return false;
    }
    if (path_.empty()) {
        notify("Save the board first (File > Save as…), then protect it");
        return false;
    }
    if (const auto why = passphraseProblem(pass, confirm)) {
        notify(*why);
        return false;
    }
    auto key = deriveKey(pass);
    if (!key) return false;
    return resealOpenBoard(std::move(key),
                           "Protected " + fileName(path_) +
                               " with a passphrase and saved it; its plain backup and "
                               "autosave copy are gone. Without the passphrase it cannot be "
                               "opened: keep it safe.");
}

bool Session::changePassphrase(ChangePassphrase& c) {
    const store::Secret pass = std::move(c.passphrase), confirm = std::move(c.confirm);
    if (!lockedBy_.empty()) return !refuseWhileReadOnly("change");
    if (!key_) {
        notify("This board is not protected: File > Protect with passphrase… protects it");
        return false;
    }
    if (const auto why = passphraseProblem(pass, confirm)) {
        notify(*why);
        return false;
    }
    auto key = deriveKey(pass);
    if (!key) return false; // never "no key": that would save it in the clear
    return resealOpenBoard(std::move(key),
                           "Passphrase changed; " + fileName(path_) + " saved under it.");
}

bool Session::removeProtection() {
    if (!lockedBy_.empty()) return !refuseWhileReadOnly("change");
    if (!key_) {
        notify("This board is not protected");
        return false;
    }
    return resealOpenBoard(nullptr, "Protection removed: " + fileName(path_) +
                                        " is saved in the clear again.");
}

// Saves the open board at once under `key` (null: plain) and removes what the old state left
// behind: the .bak (plain, or sealed under a key that is going away) and the recovery copy.
// On failure nothing changed: the file is as it was, the old key stays.
bool Session::resealOpenBoard(std::shared_ptr<const store::BoardKey> key, const std::string& done) {
    store::SaveOptions o;
    o.keepBackup = false; // the previous version is the one protection changes
    o.key = key;
    const store::SaveResult r = files_->saveWith(doc_.board(), path_, o);
    if (!r) {
        notify("Nothing changed: " + r.error);
        return false;
    }
    autosaver_.reset(); // nothing pending may rewrite the old recovery copy
    files_->removeBackup(path_);
    files_->discardRecovery(path_);
    key_ = std::move(key); // the old key's last copy goes: wiped
    savedState_ = doc_.stateId();
    recovered_ = false;
    loadError_.clear();
    lastSaved_ = clockNow(env_.now());
    restartAutosave();
    notify(done);
    return true;
}

// ---- the key -------------------------------------------------------------------------------
std::shared_ptr<const store::BoardKey> Session::deriveKey(const store::Secret& pass) {
    auto key = store::BoardKey::derive(pass.view(), env_.kdf); // Argon2id: slow on purpose
    if (!key) notify("Nothing changed: not enough memory to derive the key");
    return key;
}

bool Session::adoptKey(const fs::path& p) {
    if (p == path_ && !adoptingKey_) return false; // the same board again: the same key
    const bool changed = key_ != adoptingKey_;
    key_ = std::exchange(adoptingKey_, nullptr);
    return changed;
}

store::LoadResult Session::loadOpenBoard(const fs::path& p) {
    if (key_ && samePath(p, path_)) return files_->loadWithKey(p, key_);
    return files_->load(p);
}

store::LoadResult Session::loadRecoveryCopy() {
    return key_ ? files_->loadRecoveryWithKey(path_, key_) : files_->loadRecovery(path_);
}

store::SaveResult Session::writeBoard(const fs::path& p) {
    if (!key_) return files_->save(doc_.board(), p);
    store::SaveOptions o;
    o.key = key_;
    return files_->saveWith(doc_.board(), p, o);
}

std::unique_ptr<AutosaveWorker> Session::newAutosaver() const {
    return key_ ? files_->sealedAutosaverFor(path_, key_) : files_->autosaverFor(path_);
}

} // namespace horizons::session
