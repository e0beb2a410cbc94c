// Typed, stable 64-bit identifiers. A GoalId never converts into a PersonId.
//
// Index
//   Id<Tag>, GoalId, PersonId, ... ... the id kinds
//   IdSource ........................ where new ids come from (Document::newId uses one)
//
// How new ids are made, and why. A board is copied between devices (sync folders) and both
// copies are edited apart, then merged by entity id (merge.hpp): two copies must never hand
// out the same id to different entities. So an id is a random per-session prefix plus a
// counter, not `nextId++` inside the file:
//
//   id = prefix * 2^20 + counter      prefix random in [2^12, 2^33), counter 0 .. 2^20-1
//
//   - Copies edited apart are edited in different sessions, each with its own random 33-bit
//     prefix: ids collide only when two sessions draw the same prefix (about 1 in 8.6e9).
//   - Within a session ids grow, so a new entity still appends to its table and id order is
//     creation order (what the views and diff-friendly files had before).
//   - Every id is in [2^32, 2^53): above the sequential ids of older files and versions, and
//     exact in JSON tools that read numbers as doubles (jq, JavaScript).
//   - A counter never wraps: after 2^20 ids a session draws a new prefix.
//   - Old files keep their sequential ids untouched: renumbering on load would give the same
//     goal a different id on each device and break every later merge.
// IdSource::seeded(n) gives the same ids for the same seed (tests, benchmarks);
// IdSource::fromEntropy() is what a Document uses unless told otherwise.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>

namespace horizons {

template <class Tag> struct Id {
    std::uint64_t value = 0; // 0 = none

    constexpr Id() = default;
    constexpr explicit Id(std::uint64_t v) : value(v) {}
    constexpr explicit operator bool() const { return value != 0; }
    constexpr auto operator<=>(const Id&) const = default;
};

using GoalId = Id<struct GoalTag>;
using PersonId = Id<struct PersonTag>;
using HorizonId = Id<struct HorizonTag>;
using LinkId = Id<struct LinkTag>;   // person <-> goal
using IntroId = Id<struct IntroTag>; // person -> person ("can introduce me to")
using ConversationId = Id<struct ConversationTag>;
using SnapshotId = Id<struct SnapshotTag>;
using AskId = Id<struct AskTag>; // a request made of a person
using WinId = Id<struct WinTag>; // an accomplishment

inline constexpr int kIdCounterBits = 20;
inline constexpr std::uint64_t kMinMintedId = std::uint64_t{1} << 32;       // every new id is >=
inline constexpr std::uint64_t kMaxMintedId = (std::uint64_t{1} << 53) - 1; // ... and <=

class IdSource {
  public:
    static IdSource seeded(std::uint64_t seed); // deterministic: same seed, same ids
    static IdSource fromEntropy();              // random prefix (std::random_device + clock)

    // The next id value, in [kMinMintedId, kMaxMintedId]: one more than the last, or the
    // first of a fresh random prefix.
    std::uint64_t next();
    // Starts a new random prefix (used when a minted value turns out to be in use already).
    void skipPrefix() { counter_ = kPerPrefix; }

  private:
    static constexpr std::uint64_t kPerPrefix = std::uint64_t{1} << kIdCounterBits;
    explicit IdSource(std::uint64_t seed) : rng_(seed) {}
    std::uint64_t rng_;                  // splitmix64 state
    std::uint64_t prefix_ = 0;           // current prefix
    std::uint64_t counter_ = kPerPrefix; // next counter value; kPerPrefix = draw a prefix first
};

} // namespace horizons

template <class Tag> struct std::hash<horizons::Id<Tag>> {
    std::size_t operator()(horizons::Id<Tag> id) const noexcept {
        return std::hash<std::uint64_t>{}(id.value);
    }
};
