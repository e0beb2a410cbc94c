// passphrase_dialog.hpp — the window's side of passphrase protection (session/protection.cpp):
//   - "Protected board": a protected board asked for (start, File > Open, Open recent) waits
//     for its passphrase (Session::unlockRequest()): a masked field, Enter opens, Escape or
//     Cancel keeps the board that was open; a wrong passphrase says so and may be retried.
//   - File > Protect with passphrase… / Change passphrase… (typed twice), Remove protection….
// Typed passphrases live in fixed buffers that are wiped once dispatched, together with the
// copies Dear ImGui keeps of an edited field; the session gets them as store::Secret.
#pragma once

#include "session/session.hpp"

#include <array>
#include <string>

namespace horizons::ui {

struct PassphraseDialogState {
    enum class Kind { None, Protect, Change, Remove };
    Kind requested = Kind::None; // set by the File menu for the next frame
    Kind shown = Kind::None;     // the protect / change / remove dialog open now
    std::array<char, 256> first{}, second{};
    int seenAttempts = -1; // the unlock request's attempts the field was last cleared for
    std::string message;   // why the last protect / change / remove was refused
};

// File menu items: Protect with passphrase… (a saved, unprotected board), or Change
// passphrase… and Remove protection… (a protected one).
void drawProtectionMenuItems(PassphraseDialogState& st, const session::Status& status);
// The dialogs; call once per frame at the top level.
void drawPassphraseDialogs(PassphraseDialogState& st, session::Session& s);

} // namespace horizons::ui
