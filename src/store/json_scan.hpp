// json_scan.hpp — a streaming pass over untrusted JSON before cereal builds its document
// (internal to src/store).
//
// cereal's JSON archive parses with RapidJSON's recursive parser and accepts NaN/Infinity;
// this pass (iterative, no document, constant stack) refuses what must never reach it:
// syntax errors, nesting deeper than kMaxJsonDepth, NaN and Infinity, invalid UTF-8, NUL
// characters in text, duplicate keys, oversized texts, too many values. Errors carry a byte
// offset, turned into a line and column for the message.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace horizons::store::detail {

inline constexpr int kMaxJsonDepth = 64;
inline constexpr std::size_t kMaxJsonValues = 4u << 20;
inline constexpr std::size_t kMaxJsonKeysPerObject = 256;

struct JsonProblem {
    std::string what;
    std::size_t offset = 0;
};

std::optional<JsonProblem> scanJson(std::string_view json);

struct JsonPathStep {
    std::string key; // empty for an index
    std::size_t index = 0;
    bool isIndex = false;
};

// The byte offset of the value at `path` (or of the deepest part of it that exists).
std::optional<std::size_t> locateJsonPath(std::string_view json,
                                          const std::vector<JsonPathStep>& path);

struct LineColumn {
    std::size_t line = 1;
    std::size_t column = 1; // in characters (UTF-8 code points), from 1
};
LineColumn lineColumnAt(std::string_view text, std::size_t offset);

} // namespace horizons::store::detail
