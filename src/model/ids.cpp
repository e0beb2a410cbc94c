#include "model/ids.hpp"

#include <atomic>
#include <chrono>
#include <random>

namespace horizons {

namespace {

std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// Drawn once per process; each source then mixes in its own sequence number, so two
// documents of one process never share a prefix stream.
std::uint64_t processSeed() {
    static const std::uint64_t seed = [] {
        std::uint64_t s = static_cast<std::uint64_t>(
            std::chrono::high_resolution_clock::now().time_since_epoch().count());
        try {
            std::random_device rd;
            s ^= (std::uint64_t{rd()} << 32) ^ rd();
        } catch (...) { // no entropy device: the clock alone still differs between runs
        }
        return splitmix64(s);
    }();
    return seed;
}

} // namespace

IdSource IdSource::seeded(std::uint64_t seed) { return IdSource{seed}; }

IdSource IdSource::fromEntropy() {
    static std::atomic<std::uint64_t> sources{0};
    std::uint64_t s = processSeed() + sources.fetch_add(1) * 0xD1B54A32D192ED03ull;
    return IdSource{splitmix64(s)};
}

std::uint64_t IdSource::next() {
    constexpr std::uint64_t minPrefix = kMinMintedId >> kIdCounterBits;
    constexpr std::uint64_t prefixSpan = ((kMaxMintedId + 1) >> kIdCounterBits) - minPrefix;
    if (counter_ >= kPerPrefix) {
        prefix_ = minPrefix + splitmix64(rng_) % prefixSpan;
        counter_ = 0;
    }
    return (prefix_ << kIdCounterBits) + counter_++;
}

} // namespace horizons
