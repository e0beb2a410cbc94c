// Typed, stable 64-bit identifiers. A GoalId never converts into a PersonId.
// Every id in a board comes from one counter (Board::nextId) and is never reused.
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

} // namespace horizons

template <class Tag> struct std::hash<horizons::Id<Tag>> {
    std::size_t operator()(horizons::Id<Tag> id) const noexcept {
        return std::hash<std::uint64_t>{}(id.value);
    }
};
