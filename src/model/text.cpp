#include "model/text.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <vector>

namespace horizons {

bool isValidUtf8(std::string_view s) {
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        const auto c = static_cast<std::uint8_t>(s[i]);
        int extra = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            extra = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + static_cast<std::size_t>(extra) >= n) return false;
        for (int k = 1; k <= extra; ++k) {
            const auto cc = static_cast<std::uint8_t>(s[i + static_cast<std::size_t>(k)]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        // Reject overlong forms, surrogates and values beyond Unicode.
        if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) ||
            (extra == 3 && cp < 0x10000) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += static_cast<std::size_t>(extra) + 1;
    }
    return true;
}

bool isBlank(std::string_view s) {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

std::string nonBlankOr(std::string_view s, std::string_view fallback) {
    return std::string(isBlank(s) ? fallback : s);
}

bool containsIgnoringCase(std::string_view haystack, std::string_view needle) {
    if (needle.empty()) return true;
    auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                          [](char a, char b) {
                              return std::tolower(static_cast<unsigned char>(a)) ==
                                     std::tolower(static_cast<unsigned char>(b));
                          });
    return it != haystack.end();
}

} // namespace horizons

namespace horizons {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD"; // U+FFFD

// The characters of `s` that an ImGui 1.86 field shows as U+FFFD, in order: 4-byte UTF-8
// sequences and U+FFFD itself.
std::vector<std::string_view> replacedCharacters(std::string_view s) {
    std::vector<std::string_view> out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
        const std::string_view ch = s.substr(i, len);
        if (len == 4 || ch == kReplacement) out.push_back(ch);
        i += len;
    }
    return out;
}

} // namespace

std::string restoreEditedText(std::string_view before, std::string_view after) {
    std::string cleaned;
    cleaned.reserve(after.size());
    for (char c : after)
        if (c != '\0') cleaned.push_back(c);
    const auto originals = replacedCharacters(before);
    if (originals.empty()) return cleaned;
    std::size_t count = 0;
    for (std::size_t p = cleaned.find(kReplacement); p != std::string::npos;
         p = cleaned.find(kReplacement, p + kReplacement.size()))
        ++count;
    if (count != originals.size())
        return cleaned; // the user added or removed such characters: nothing to map back
    std::string out;
    std::size_t from = 0, k = 0;
    for (std::size_t p = cleaned.find(kReplacement); p != std::string::npos;
         p = cleaned.find(kReplacement, from)) {
        out.append(cleaned, from, p - from);
        out.append(originals[k++]);
        from = p + kReplacement.size();
    }
    out.append(cleaned, from, std::string::npos);
    return out;
}

} // namespace horizons
