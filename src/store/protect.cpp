// protect.cpp — see protect.hpp; the byte layout is in docs/file-format.md.
#include "store/protect.hpp"

#include "store/atomic_file.hpp"
#include "store/autosave.hpp"

#include <monocypher.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>

#ifdef _WIN32
#include <windows.h>
// windows.h first
#include <bcrypt.h>
#else
#include <cerrno>
#include <sys/random.h>
#endif

namespace fs = std::filesystem;

namespace horizons::store {

struct KeyAccess { // the one place that reads and writes a BoardKey's bytes
    static std::array<std::uint8_t, 32>& key(BoardKey& k) { return k.key_; }
    static const std::array<std::uint8_t, 32>& key(const BoardKey& k) { return k.key_; }
    static std::array<std::uint8_t, 16>& salt(BoardKey& k) { return k.salt_; }
    static const std::array<std::uint8_t, 16>& salt(const BoardKey& k) { return k.salt_; }
    static KdfParams& kdf(BoardKey& k) { return k.kdf_; }
    static std::shared_ptr<BoardKey> make() { return std::shared_ptr<BoardKey>(new BoardKey()); }
};

namespace {

// Header layout (little-endian), all of it associated data:
//   0 magic[8] | 8 version u8 | 9 kdf u8 (1 = Argon2id) | 10 reserved u16 (0)
//   12 memory KiB u32 | 16 passes u32 | 20 lanes u32 | 24 salt[16] | 40 nonce[24]
//   64 sealed length u64 | 72 ciphertext | mac[16]
constexpr std::uint8_t kKdfArgon2id = 1;
constexpr std::size_t kSaltAt = 24, kNonceAt = 40, kLengthAt = 64;

void putU32(std::string& s, std::size_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i)
        s[at + i] = static_cast<char>((v >> (8 * i)) & 0xff);
}
void putU64(std::string& s, std::size_t at, std::uint64_t v) {
    for (int i = 0; i < 8; ++i)
        s[at + i] = static_cast<char>((v >> (8 * i)) & 0xff);
}
std::uint64_t getLE(std::string_view s, std::size_t at, int n) {
    std::uint64_t v = 0;
    for (int i = n - 1; i >= 0; --i)
        v = (v << 8) | static_cast<unsigned char>(s[at + static_cast<std::size_t>(i)]);
    return v;
}
const std::uint8_t* u8(std::string_view s, std::size_t at = 0) {
    return reinterpret_cast<const std::uint8_t*>(s.data() + at);
}
std::uint8_t* u8(std::string& s, std::size_t at = 0) {
    return reinterpret_cast<std::uint8_t*>(s.data() + at);
}

// Fills `out` from the system's random source; aborts if there is none (never a weak nonce).
void randomBytes(std::uint8_t* out, std::size_t n) {
#ifdef _WIN32
    if (BCryptGenRandom(nullptr, out, static_cast<ULONG>(n), BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
        std::abort();
#else
    while (n > 0) {
        const ssize_t got = ::getrandom(out, n, 0);
        if (got < 0) {
            if (errno == EINTR) continue;
            std::abort();
        }
        out += got;
        n -= static_cast<std::size_t>(got);
    }
#endif
}

// Argon2id into `key`. False when the work area cannot be allocated.
bool argon2id(std::array<std::uint8_t, 32>& key, std::string_view passphrase,
              const std::array<std::uint8_t, 16>& salt, const KdfParams& kdf) {
    const std::size_t bytes = static_cast<std::size_t>(kdf.memoryKiB) * 1024;
    std::unique_ptr<std::uint8_t[]> work(new (std::nothrow) std::uint8_t[bytes]);
    if (!work) return false;
    crypto_argon2_config config{CRYPTO_ARGON2_ID, kdf.memoryKiB, kdf.passes, kdf.lanes};
    crypto_argon2_inputs inputs{u8(passphrase), salt.data(),
                                static_cast<std::uint32_t>(passphrase.size()),
                                static_cast<std::uint32_t>(salt.size())};
    crypto_argon2(key.data(), static_cast<std::uint32_t>(key.size()), work.get(), config, inputs,
                  crypto_argon2_no_extras);
    crypto_wipe(work.get(), bytes);
    return true;
}

bool kdfInBounds(const KdfParams& k) {
    return k.lanes == 1 && k.passes >= 1 && k.passes <= kMaxKdfPasses &&
           k.memoryKiB >= kMinKdfMemoryKiB && k.memoryKiB <= kMaxKdfMemoryKiB;
}

std::string pathName(const fs::path& p) {
    const auto s = p.u8string();
    return std::string(s.begin(), s.end());
}

} // namespace

// ----------------------------------------------------------------------------- Secret

Secret::Secret(std::string_view s) : s_(s) {}
Secret::Secret(Secret&& o) noexcept : s_(std::move(o.s_)) { o.clear(); }
Secret& Secret::operator=(Secret&& o) noexcept {
    if (this != &o) {
        clear();
        s_ = std::move(o.s_);
        o.clear();
    }
    return *this;
}
void Secret::clear() {
    if (!s_.empty()) crypto_wipe(s_.data(), s_.size());
    s_.clear();
}

// --------------------------------------------------------------------------- BoardKey

BoardKey::~BoardKey() {
    crypto_wipe(key_.data(), key_.size());
    crypto_wipe(salt_.data(), salt_.size());
}

std::shared_ptr<const BoardKey> deriveWithSalt(std::string_view passphrase, const KdfParams& kdf,
                                               const std::array<std::uint8_t, 16>& salt) {
    if (!kdfInBounds(kdf)) return nullptr;
    auto k = KeyAccess::make();
    KeyAccess::salt(*k) = salt;
    KeyAccess::kdf(*k) = kdf;
    if (!argon2id(KeyAccess::key(*k), passphrase, salt, kdf)) return nullptr;
    return k;
}

std::shared_ptr<const BoardKey> BoardKey::derive(std::string_view passphrase,
                                                 const KdfParams& kdf) {
    std::array<std::uint8_t, 16> salt{};
    randomBytes(salt.data(), salt.size());
    return deriveWithSalt(passphrase, kdf, salt);
}

// ------------------------------------------------------------------------ detect / header

bool isProtected(std::string_view b) {
    return b.size() >= sizeof kProtectedMagic &&
           std::memcmp(b.data(), kProtectedMagic, sizeof kProtectedMagic) == 0;
}

bool isProtectedFile(const fs::path& path) {
    if (checkRegularFile(path)) return false; // a FIFO would block the read: loading says why
    std::ifstream in(path, std::ios::binary);
    char head[sizeof kProtectedMagic] = {};
    in.read(head, sizeof head);
    return in.gcount() == sizeof head && isProtected(std::string_view(head, sizeof head));
}

std::optional<ProtectedHeader> readProtectedHeader(std::string_view b, std::string* error) {
    auto fail = [&](const char* what) -> std::optional<ProtectedHeader> {
        if (error) *error = what;
        return std::nullopt;
    };
    if (!isProtected(b)) return fail("not a protected board file");
    if (b.size() < kProtectedHeaderBytes + kMacBytes)
        return fail("the protected file is cut short (its header is incomplete)");
    ProtectedHeader h;
    h.version = static_cast<std::uint8_t>(b[8]);
    if (h.version != kProtectedVersion)
        return fail("the protected file has a newer format version than this Horizons reads");
    if (static_cast<std::uint8_t>(b[9]) != kKdfArgon2id || b[10] != 0 || b[11] != 0)
        return fail("the protected file uses an unknown key derivation");
    h.kdf.memoryKiB = static_cast<std::uint32_t>(getLE(b, 12, 4));
    h.kdf.passes = static_cast<std::uint32_t>(getLE(b, 16, 4));
    h.kdf.lanes = static_cast<std::uint32_t>(getLE(b, 20, 4));
    if (!kdfInBounds(h.kdf))
        return fail("the protected file's key derivation parameters are out of bounds");
    h.sealedBytes = getLE(b, kLengthAt, 8);
    if (h.sealedBytes > kMaxFileBytes ||
        h.sealedBytes != b.size() - kProtectedHeaderBytes - kMacBytes)
        return fail("the protected file's length does not match its header (cut short?)");
    return h;
}

std::string describeProtection(const ProtectedHeader& h) {
    const std::uint32_t mib = h.kdf.memoryKiB / 1024;
    const std::string mem = mib >= 1 && h.kdf.memoryKiB % 1024 == 0
                                ? std::to_string(mib) + " MiB"
                                : std::to_string(h.kdf.memoryKiB) + " KiB";
    return "protected (Argon2id " + mem + ", " + std::to_string(h.kdf.passes) +
           (h.kdf.passes == 1 ? " pass" : " passes") + "; XChaCha20-Poly1305, " +
           std::to_string(h.sealedBytes) + " bytes sealed)";
}

// ----------------------------------------------------------------------- seal / unseal

std::string sealWithNonce(const BoardKey& key, std::string_view plain,
                          const std::array<std::uint8_t, 24>& nonce) {
    std::string out(kProtectedHeaderBytes + plain.size() + kMacBytes, '\0');
    std::memcpy(out.data(), kProtectedMagic, sizeof kProtectedMagic);
    out[8] = static_cast<char>(kProtectedVersion);
    out[9] = static_cast<char>(kKdfArgon2id);
    putU32(out, 12, key.kdf().memoryKiB);
    putU32(out, 16, key.kdf().passes);
    putU32(out, 20, key.kdf().lanes);
    std::memcpy(out.data() + kSaltAt, KeyAccess::salt(key).data(), 16);
    std::memcpy(out.data() + kNonceAt, nonce.data(), nonce.size());
    putU64(out, kLengthAt, plain.size());
    crypto_aead_lock(u8(out, kProtectedHeaderBytes), u8(out, kProtectedHeaderBytes + plain.size()),
                     KeyAccess::key(key).data(), nonce.data(), u8(out), kProtectedHeaderBytes,
                     u8(plain), plain.size());
    return out;
}

std::string seal(const BoardKey& key, std::string_view plain) {
    std::array<std::uint8_t, 24> nonce{};
    randomBytes(nonce.data(), nonce.size());
    return sealWithNonce(key, plain, nonce);
}

namespace {

// Opens `b` (its header already read into `h`) with `key`.
Unsealed unsealWith(std::string_view b, const ProtectedHeader& h,
                    std::shared_ptr<const BoardKey> key) {
    Unsealed u;
    std::string plain(h.sealedBytes, '\0');
    const int bad = crypto_aead_unlock(
        u8(plain), u8(b, kProtectedHeaderBytes + h.sealedBytes), KeyAccess::key(*key).data(),
        u8(b, kNonceAt), u8(b), kProtectedHeaderBytes, u8(b, kProtectedHeaderBytes), h.sealedBytes);
    if (bad) {
        u.wrongPassphrase = true;
        u.error = "wrong passphrase (or the protected file was altered)";
        return u;
    }
    u.plain = Secret(std::move(plain));
    u.key = std::move(key);
    return u;
}

} // namespace

Unsealed unseal(std::string_view b, std::string_view passphrase) {
    Unsealed u;
    const auto h = readProtectedHeader(b, &u.error);
    if (!h) return u;
    std::array<std::uint8_t, 16> salt{};
    std::memcpy(salt.data(), b.data() + kSaltAt, salt.size());
    auto key = deriveWithSalt(passphrase, h->kdf, salt);
    if (!key) {
        u.error = "not enough memory to derive the key of the protected file";
        return u;
    }
    return unsealWith(b, *h, std::move(key));
}

Unsealed unseal(std::string_view b, std::shared_ptr<const BoardKey> key) {
    Unsealed u;
    const auto h = readProtectedHeader(b, &u.error);
    if (!h) return u;
    if (!key || h->kdf != key->kdf() ||
        std::memcmp(b.data() + kSaltAt, KeyAccess::salt(*key).data(), 16) != 0) {
        u.wrongPassphrase = true;
        u.error = "the file was protected with another passphrase";
        return u;
    }
    return unsealWith(b, *h, std::move(key));
}

// -------------------------------------------------------------------------------- files

namespace {

template <class Opener> LoadResult loadProtected(const fs::path& path, Opener open) {
    if (!isProtectedFile(path)) return loadBoardFile(path);
    const std::size_t removed = cleanupTempFiles(path);
    const std::string name = pathName(path);
    LoadResult r;
    r.isProtected = true;
    r.tempFilesRemoved = removed;
    std::string bytes;
    if (auto err = readFileBytes(path, kMaxFileBytes + kProtectedHeaderBytes + kMacBytes, bytes)) {
        r.error = *err;
        return r;
    }
    Unsealed u = open(bytes);
    if (!u) {
        r.error = name + ": " + u.error;
        r.wrongPassphrase = u.wrongPassphrase;
        return r;
    }
    LoadResult inner = loadBoardFromBytes(u.plain.view(), name);
    inner.isProtected = true;
    inner.tempFilesRemoved = removed;
    if (inner) inner.key = std::move(u.key);
    return inner;
}

} // namespace

LoadResult loadBoardFile(const fs::path& path, std::string_view passphrase) {
    return loadProtected(path, [&](std::string_view b) { return unseal(b, passphrase); });
}

LoadResult loadBoardFile(const fs::path& path, std::shared_ptr<const BoardKey> key) {
    return loadProtected(path, [&](std::string_view b) { return unseal(b, key); });
}

std::size_t removePlainCopies(const fs::path& path) {
    std::size_t n = 0;
    std::error_code ec;
    for (const fs::path& p : {backupPathFor(path), recoveryFileFor(fs::absolute(path, ec))}) {
        if (p.empty() || !fs::exists(p, ec) || isProtectedFile(p)) continue;
        if (fs::remove(p, ec)) ++n;
    }
    return n;
}

ProtectResult protectBoardFile(const fs::path& path, std::string_view passphrase,
                               const KdfParams& kdf) {
    ProtectResult out;
    if (isProtectedFile(path)) {
        out.error = pathName(path) + ": already protected (unprotect it first to change it)";
        return out;
    }
    if (passphrase.empty()) {
        out.error = "the passphrase is empty";
        return out;
    }
    LoadResult r = loadBoardFile(path);
    if (!r) {
        out.error = r.error;
        return out;
    }
    out.key = BoardKey::derive(passphrase, kdf);
    if (!out.key) {
        out.error = "not enough memory to derive the key";
        return out;
    }
    SaveOptions o;
    o.format = r.format;
    o.keepBackup = false; // the previous version is the plain one
    o.key = out.key;
    if (const SaveResult s = saveBoardFile(*r.board, path, o); !s) {
        out.error = s.error;
        out.key.reset();
        return out;
    }
    removePlainCopies(path);
    return out;
}

ProtectResult unprotectBoardFile(const fs::path& path, std::string_view passphrase) {
    ProtectResult out;
    if (!isProtectedFile(path)) {
        out.error = pathName(path) + ": not protected";
        return out;
    }
    LoadResult r = loadBoardFile(path, passphrase);
    if (!r) {
        out.error = r.error;
        return out;
    }
    SaveOptions o;
    o.format = r.format;
    o.keepBackup = false;
    if (const SaveResult s = saveBoardFile(*r.board, path, o); !s) {
        out.error = s.error;
        return out;
    }
    std::error_code ec;
    fs::remove(backupPathFor(path), ec); // sealed under the key that is going away
    return out;
}

std::optional<std::string> readPassphraseFile(const fs::path& path, Secret& out) {
    std::string bytes;
    if (auto err = readFileBytes(path, 4096, bytes)) return err;
    Secret all(std::move(bytes));
    std::string_view v = all.view();
    const auto eol = v.find_first_of("\r\n");
    if (eol != std::string_view::npos) v = v.substr(0, eol);
    if (v.empty()) return pathName(path) + ": the passphrase file is empty";
    out = Secret(v);
    return std::nullopt;
}

} // namespace horizons::store
