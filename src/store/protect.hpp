// protect.hpp — boards protected with a passphrase (format: docs/file-format.md).
//
// A protected file is the whole board file (JSON or binary, header included) sealed with
// XChaCha20-Poly1305 under a key derived from the passphrase with Argon2id (Monocypher 4).
// Its own 72-byte header (magic, version, Argon2id parameters, salt, nonce, sealed length)
// is readable without the passphrase and authenticated with the content.
//
// Index
//   constants ......... kProtectedMagic, header sizes, KdfParams (kDefaultKdf, kTestKdf)
//   Secret ............ a string wiped (crypto_wipe) when it goes away
//   BoardKey .......... key + salt + parameters of an open protected board
//   detect / header ... isProtected, isProtectedFile, readProtectedHeader
//   seal / unseal ..... the bytes of a protected file and back
//   files ............. loadBoardFile(path, passphrase), protectBoardFile, unprotectBoardFile
//
// For the session (the one owner of the open board):
//   open:   if (store::isProtectedFile(path)) { ask; r = store::loadBoardFile(path, pass); }
//           a wrong passphrase: !r, r.wrongPassphrase, r.error; nothing is written
//           r.key is the key for every later write of this board:
//   save:   store::saveBoardFile(board, path, {.key = key})       (temp file, .bak: sealed)
//   autosave: Autosaver({.target = recoveryFileFor(path), .key = key}); recovery files of a
//           protected board are sealed too, load them with loadBoardFile(rec, pass)
//   protect an open board:  key = store::BoardKey::derive(pass); save with {.key = key};
//           then store::removePlainCopies(path) (the old .bak and recovery file)
//   change the passphrase:  key = store::BoardKey::derive(newPass); save with {.keepBackup =
//           false, .key = key}; remove backupPathFor(path) (sealed under the old passphrase)
//   remove protection:      save with {.keepBackup = false, .key = nullptr}; remove the
//           sealed backupPathFor(path) (unprotectBoardFile does both for a file on disk)
//   close:  drop every copy of the shared_ptr<const BoardKey>: the last one wipes the key.
// Passphrases live only in Secret values; a BoardKey never holds the passphrase.
#pragma once

#include "store/board_file.hpp"

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace horizons::store {

// ------------------------------------------------------------------------------ constants

inline constexpr char kProtectedMagic[8] = {'\x89', 'H', 'Z', 'P', '\r', '\n', '\x1a', '\n'};
inline constexpr std::uint8_t kProtectedVersion = 1;
inline constexpr std::size_t kProtectedHeaderBytes = 72; // authenticated as associated data
inline constexpr std::size_t kMacBytes = 16;             // Poly1305 tag after the ciphertext

struct KdfParams {                        // Argon2id
    std::uint32_t memoryKiB = 64u * 1024; // 64 MiB
    std::uint32_t passes = 3;
    std::uint32_t lanes = 1; // Monocypher computes lanes one after the other
    bool operator==(const KdfParams&) const = default;
};
inline constexpr KdfParams kDefaultKdf{};
// Tests only: fast and weak. Never offered to users.
inline constexpr KdfParams kTestKdf{64, 1, 1};
// Bounds a file's header must respect (a hostile header must not make us allocate 4 TiB).
inline constexpr std::uint32_t kMinKdfMemoryKiB = 8;
inline constexpr std::uint32_t kMaxKdfMemoryKiB = 1024u * 1024; // 1 GiB
inline constexpr std::uint32_t kMaxKdfPasses = 64;

// ----------------------------------------------------------------------------- Secret

// A passphrase in memory: wiped when destroyed or cleared. Move-only.
class Secret {
  public:
    Secret() = default;
    explicit Secret(std::string_view s);
    explicit Secret(std::string&& s) noexcept : s_(std::move(s)) {} // takes the buffer
    ~Secret() { clear(); }
    Secret(Secret&& o) noexcept;
    Secret& operator=(Secret&& o) noexcept;
    Secret(const Secret&) = delete;
    Secret& operator=(const Secret&) = delete;
    void clear();
    std::string_view view() const { return s_; }
    bool empty() const { return s_.empty(); }

  private:
    std::string s_;
};

// --------------------------------------------------------------------------- BoardKey

// The key of one protected board: derived once (Argon2id is slow on purpose), then used for
// every write with a fresh random nonce. Wiped when destroyed.
class BoardKey {
  public:
    // A new key with a new random salt (protecting a board, or changing its passphrase).
    static std::shared_ptr<const BoardKey> derive(std::string_view passphrase,
                                                  const KdfParams& kdf = kDefaultKdf);
    ~BoardKey();
    BoardKey(const BoardKey&) = delete;
    BoardKey& operator=(const BoardKey&) = delete;
    const KdfParams& kdf() const { return kdf_; }

  private:
    BoardKey() = default;
    friend struct KeyAccess;
    std::array<std::uint8_t, 32> key_{};
    std::array<std::uint8_t, 16> salt_{};
    KdfParams kdf_;
};

// ------------------------------------------------------------------------ detect / header

bool isProtected(std::string_view fileBytes); // starts with kProtectedMagic
bool isProtectedFile(const std::filesystem::path& path);

struct ProtectedHeader {
    std::uint8_t version = 0;
    KdfParams kdf;
    std::uint64_t sealedBytes = 0; // length of the ciphertext (= the board file inside)
};
// Checks everything that can be checked without the passphrase; the error says what is wrong.
std::optional<ProtectedHeader> readProtectedHeader(std::string_view fileBytes,
                                                   std::string* error = nullptr);
// "protected (Argon2id 64 MiB, 3 passes; XChaCha20-Poly1305)" — the `horizons check` line.
std::string describeProtection(const ProtectedHeader& h);

// ----------------------------------------------------------------------- seal / unseal

// The bytes of a protected file holding `plain`, with a fresh random nonce.
std::string seal(const BoardKey& key, std::string_view plain);
// Test vectors only: the same with a given nonce.
std::string sealWithNonce(const BoardKey& key, std::string_view plain,
                          const std::array<std::uint8_t, 24>& nonce);
// Test vectors only: a key from a passphrase and a given salt.
std::shared_ptr<const BoardKey> deriveWithSalt(std::string_view passphrase, const KdfParams& kdf,
                                               const std::array<std::uint8_t, 16>& salt);

struct Unsealed {
    Secret plain;                        // the board file inside (wiped with the value)
    std::shared_ptr<const BoardKey> key; // for later writes of this board
    std::string error;                   // on failure
    bool wrongPassphrase = false;        // the passphrase (or the content) does not match
    explicit operator bool() const { return key != nullptr; }
};
Unsealed unseal(std::string_view fileBytes, std::string_view passphrase);
// With the key of the open board (no Argon2id): works when the file was written with this key
// (same salt and parameters), e.g. reading back a save or checking a change on disk.
Unsealed unseal(std::string_view fileBytes, std::shared_ptr<const BoardKey> key);

// -------------------------------------------------------------------------------- files

// Loads a board that may be protected: a plain file loads as loadBoardFile(path) does (the
// passphrase is not used; r.key stays empty); a protected one is unsealed first and r.key is
// set. A wrong passphrase: !r, r.wrongPassphrase, a clear r.error. Never writes anything but
// the removal of an interrupted save's temp files.
LoadResult loadBoardFile(const std::filesystem::path& path, std::string_view passphrase);
// The same with the open board's key (see unseal above); a file sealed under another key
// fails with r.wrongPassphrase.
LoadResult loadBoardFile(const std::filesystem::path& path, std::shared_ptr<const BoardKey> key);

// Protects the board at `path` (plain -> sealed under a new key; an already protected file is
// refused) and removes its plain .bak and recovery file. Returns the key.
struct ProtectResult {
    std::string error;
    std::shared_ptr<const BoardKey> key;
    explicit operator bool() const { return error.empty(); }
};
ProtectResult protectBoardFile(const std::filesystem::path& path, std::string_view passphrase,
                               const KdfParams& kdf = kDefaultKdf);
// Writes the board back in the clear (the passphrase must open it). The .bak is dropped
// rather than kept sealed under a key that is going away.
ProtectResult unprotectBoardFile(const std::filesystem::path& path, std::string_view passphrase);

// After protecting: removes FILE.bak and the board's recovery file when they are not
// protected (unlinked, not scrubbed: see README). Returns how many were removed.
std::size_t removePlainCopies(const std::filesystem::path& path);

// A passphrase from a file: the first line (without its CR/LF). Error text or nothing.
std::optional<std::string> readPassphraseFile(const std::filesystem::path& path, Secret& out);

} // namespace horizons::store
