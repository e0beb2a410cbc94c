// Small text helpers shared by the model, the store and the views.
#pragma once

#include <string>
#include <string_view>

namespace horizons {

bool isValidUtf8(std::string_view s);
bool isBlank(std::string_view s); // empty or only ASCII whitespace
// The text exactly as it is, or `fallback` when it is blank (titles are never empty).
std::string nonBlankOr(std::string_view s, std::string_view fallback);
// Case-insensitive (ASCII) substring search; an empty needle matches everything.
bool containsIgnoringCase(std::string_view haystack, std::string_view needle);

} // namespace horizons
