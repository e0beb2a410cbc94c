// passphrase_dialog.cpp — see passphrase_dialog.hpp.
#include "ui/passphrase_dialog.hpp"

#include "ui/layout_registry.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>

namespace horizons::ui {

namespace {

namespace cmd = horizons::session;
using Kind = PassphraseDialogState::Kind;

constexpr const char* kUnlockTitle = "Protected board";

void wipe(void* p, std::size_t n) {
    volatile unsigned char* b = static_cast<volatile unsigned char*>(p);
    while (n--)
        *b++ = 0;
}
void wipe(ImVector<char>& v) {
    if (v.Data) wipe(v.Data, static_cast<std::size_t>(v.Capacity));
}

// Clears our buffers and the copies Dear ImGui keeps of the text being edited (the active
// field's buffer, its revert copy, the deactivated field's last text).
void wipeTyped(PassphraseDialogState& st) {
    wipe(st.first.data(), st.first.size());
    wipe(st.second.data(), st.second.size());
    ImGui::ClearActiveID();
    ImGuiContext& g = *ImGui::GetCurrentContext();
    wipe(g.InputTextState.TextA);
    wipe(g.InputTextState.TextToRevertTo);
    wipe(g.InputTextState.CallbackTextBackup);
    g.InputTextState.TextLen = 0;
    wipe(g.InputTextDeactivatedState.TextA);
}

store::Secret secretOf(const std::array<char, 256>& buf) {
    return store::Secret(std::string_view(buf.data(), strnlen(buf.data(), buf.size())));
}

bool isEmpty(const std::array<char, 256>& buf) { return buf[0] == '\0'; }

// A masked field reporting itself as "input:<id>". True when Enter was pressed in it.
bool passphraseField(const char* label, const char* id, std::array<char, 256>& buf, bool focus) {
    ImGui::TextUnformatted(label);
    if (focus) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(-1);
    const bool enter =
        ImGui::InputText((std::string("##") + id).c_str(), buf.data(), buf.size(),
                         ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue |
                             ImGuiInputTextFlags_NoUndoRedo);
    registerLastItem(std::string("input:") + id, "input", label);
    return enter;
}

void wrapped(const std::string& text, ImU32 colour) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

bool beginModal(const char* title) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    // Height 0 every frame: fitted to the content, which grows with a message (a wrong
    // passphrase, two that differ) and must never push the buttons out of the dialog.
    ImGui::SetNextWindowSize(ImVec2(30 * em(), 0), ImGuiCond_Always);
    return ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_NoSavedSettings);
}

// ---- unlock --------------------------------------------------------------------------------
void drawUnlockDialog(PassphraseDialogState& st, session::Session& s) {
    const session::Session::UnlockRequest* req = s.unlockRequest();
    if (req && !ImGui::IsPopupOpen(kUnlockTitle)) {
        ImGui::OpenPopup(kUnlockTitle);
        st.seenAttempts = -1;
    }
    if (!beginModal(kUnlockTitle)) return;
    if (!req) { // answered elsewhere
        wipeTyped(st);
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    const Palette& pal = palette();
    const std::string name = std::filesystem::path(req->path).filename().string();
    wrapped(name + " is protected with a passphrase.", pal.text);
    ImGui::TextDisabled("%s", req->path.c_str());
    ImGui::Spacing();
    const bool focus = st.seenAttempts != req->attempts; // first frame, or after a wrong try
    st.seenAttempts = req->attempts;
    const bool enter = passphraseField("Passphrase", "unlock-passphrase", st.first, focus);
    if (!req->error.empty()) {
        wrapped(req->error, pal.warning);
        registerLastItem("text:unlock-error", "text", req->error);
    }
    ImGui::Spacing();
    const bool ok = button("Open", "unlock-ok", ImVec2(7 * em(), 0));
    ImGui::SameLine();
    const bool cancel = button("Cancel", "unlock-cancel", ImVec2(7 * em(), 0)) ||
                        ImGui::IsKeyPressed(ImGuiKey_Escape, false);
    if ((ok || enter || dialogEnter()) && !isEmpty(st.first)) {
        store::Secret pass = secretOf(st.first);
        wipeTyped(st);
        s.dispatch(cmd::Unlock{std::move(pass)});           // Argon2id: a moment, on purpose
        if (!s.unlockRequest()) ImGui::CloseCurrentPopup(); // else: wrong, the field refocuses
    } else if (cancel) {
        wipeTyped(st);
        s.dispatch(cmd::CancelUnlock{});
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

// ---- protect, change, remove ---------------------------------------------------------------
const char* titleOf(Kind k) {
    switch (k) {
    case Kind::Protect: return "Protect with passphrase";
    case Kind::Change: return "Change passphrase";
    default: return "Remove protection";
    }
}

// The two fields and what they do; true when the command was carried out.
bool drawNewPassphrase(PassphraseDialogState& st, session::Session& s, bool appearing,
                       bool& attempted) {
    const Palette& pal = palette();
    if (st.shown == Kind::Protect)
        wrapped("The board, its backup and its autosave copies are encrypted from now on; its "
                "plain copies are removed. Without the passphrase nobody can open it, you "
                "neither: there is no way to recover it.",
                pal.text);
    else
        wrapped("The board is saved at once under the new passphrase; the old one no longer "
                "opens it.",
                pal.text);
    ImGui::Spacing();
    bool enter = passphraseField("New passphrase", "new-passphrase", st.first, appearing);
    enter |= passphraseField("Type it again", "new-passphrase-again", st.second, false);
    const bool differ = !isEmpty(st.second) &&
                        std::strncmp(st.first.data(), st.second.data(), st.first.size()) != 0;
    if (differ) wrapped("The two are not the same yet.", pal.warning);
    ImGui::Spacing();
    const bool ok = button(st.shown == Kind::Protect ? "Protect" : "Change", "passphrase-ok",
                           ImVec2(7 * em(), 0));
    if (!(ok || enter || dialogEnter()) || isEmpty(st.first) || isEmpty(st.second)) return false;
    attempted = true;
    store::Secret a = secretOf(st.first), b = secretOf(st.second);
    wipeTyped(st);
    if (st.shown == Kind::Protect) return s.dispatch(cmd::Protect{std::move(a), std::move(b)});
    return s.dispatch(cmd::ChangePassphrase{std::move(a), std::move(b)});
}

void drawProtectDialog(PassphraseDialogState& st, session::Session& s) {
    if (st.requested != Kind::None) {
        st.shown = std::exchange(st.requested, Kind::None);
        wipeTyped(st);
        ImGui::OpenPopup(titleOf(st.shown));
    }
    if (st.shown == Kind::None || !beginModal(titleOf(st.shown))) {
        st.shown = ImGui::IsPopupOpen(titleOf(st.shown)) ? st.shown : Kind::None;
        return;
    }
    const bool appearing = ImGui::IsWindowAppearing();
    if (appearing) st.message.clear();
    bool done = false, attempted = false;
    if (st.shown == Kind::Remove) {
        wrapped("Save " + std::filesystem::path(s.path()).filename().string() +
                    " in the clear again? Anyone who can read the file can then read the "
                    "board; its encrypted backup and autosave copy are removed.",
                palette().text);
        ImGui::Spacing();
        attempted =
            button("Remove protection", "passphrase-ok", ImVec2(11 * em(), 0)) || dialogEnter();
        done = attempted && s.dispatch(cmd::RemoveProtection{});
    } else {
        done = drawNewPassphrase(st, s, appearing, attempted);
    }
    if (attempted && !done) st.message = s.notice(); // why it was refused
    if (!st.message.empty()) wrapped(st.message, palette().warning);
    ImGui::SameLine();
    const bool cancel = button("Cancel", "passphrase-cancel", ImVec2(7 * em(), 0)) ||
                        ImGui::IsKeyPressed(ImGuiKey_Escape, false);
    if (done || cancel) {
        wipeTyped(st);
        st.shown = Kind::None;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

} // namespace

void drawProtectionMenuItems(PassphraseDialogState& st, const session::Status& status) {
    const bool canWrite = status.lockedBy.empty() && !status.path.empty();
    if (!status.isProtected) {
        if (ImGui::MenuItem("Protect with passphrase…", nullptr, false, canWrite))
            st.requested = Kind::Protect;
        registerLastItem("menu:file/protect", "menu", "Protect with passphrase…");
        return;
    }
    if (ImGui::MenuItem("Change passphrase…", nullptr, false, canWrite))
        st.requested = Kind::Change;
    registerLastItem("menu:file/change-passphrase", "menu", "Change passphrase…");
    if (ImGui::MenuItem("Remove protection…", nullptr, false, canWrite))
        st.requested = Kind::Remove;
    registerLastItem("menu:file/remove-protection", "menu", "Remove protection…");
}

void drawPassphraseDialogs(PassphraseDialogState& st, session::Session& s) {
    drawUnlockDialog(st, s);
    drawProtectDialog(st, s);
}

} // namespace horizons::ui
