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

namespace horizons {

// Text coming back from an ImGui 1.86 text field (16-bit ImWchar): characters beyond
// U+FFFF (emoji, rare CJK) come back as U+FFFD, and a field holding them can come back with
// a trailing NUL. Given the text before the edit and the field's result, this returns the
// result with NULs removed and each U+FFFD that stands for one of the original's characters
// put back (when the edit kept their number), so opening and closing a field never
// changes a title, and editing around an emoji keeps it.
std::string restoreEditedText(std::string_view before, std::string_view after);

} // namespace horizons
