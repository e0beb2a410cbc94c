// json_input_stream.hpp — include before <cereal/archives/json.hpp> (archive.hpp does).
//
// cereal reads JSON through RapidJSON's IStreamWrapper, whose version in Debian 12 (1.1)
// calls std::istream::peek() and get() for every character: a sentry object and a virtual
// call per byte, about 70% of loading a board. This specialisation reads the same bytes
// straight from the stream's buffer (sgetc/sbumpc: a pointer compare and increment while
// the buffer lasts), so the parser, its limits and its error offsets are unchanged.
//
// It must be seen before cereal's json.hpp instantiates the wrapper, so this header also
// sets the RapidJSON options as cereal does (its #ifndef guards then keep them). A failed
// RapidJSON assertion throws cereal::RapidJSONException, as with cereal's own setting; the
// throw lives in a function because that type is only complete after cereal's json.hpp.
#pragma once

namespace horizons::store::detail {
[[noreturn]] void throwRapidJsonAssertion(const char* condition); // json_input_stream.cpp
}

#ifndef RAPIDJSON_ASSERT_THROWS
#define RAPIDJSON_ASSERT_THROWS
#endif
#ifndef RAPIDJSON_ASSERT
#define RAPIDJSON_ASSERT(x)                                                                        \
    if (!(x)) {                                                                                    \
        ::horizons::store::detail::throwRapidJsonAssertion(#x);                                    \
    }
#endif
#ifndef RAPIDJSON_WRITE_DEFAULT_FLAGS
#define RAPIDJSON_WRITE_DEFAULT_FLAGS kWriteNanAndInfFlag
#endif
#ifndef RAPIDJSON_PARSE_DEFAULT_FLAGS
#define RAPIDJSON_PARSE_DEFAULT_FLAGS kParseFullPrecisionFlag | kParseNanAndInfFlag
#endif

#include <rapidjson/istreamwrapper.h>

#include <cstddef>
#include <istream>
#include <streambuf>

RAPIDJSON_NAMESPACE_BEGIN

template <> class BasicIStreamWrapper<std::istream> {
  public:
    typedef char Ch;

    explicit BasicIStreamWrapper(std::istream& stream) : buf_(stream.rdbuf()) {}

    Ch Peek() const {
        const int c = buf_ ? buf_->sgetc() : std::char_traits<char>::eof();
        return c == std::char_traits<char>::eof() ? '\0' : static_cast<Ch>(c);
    }
    Ch Take() {
        const int c = buf_ ? buf_->sbumpc() : std::char_traits<char>::eof();
        if (c == std::char_traits<char>::eof()) return '\0';
        ++count_;
        return static_cast<Ch>(c);
    }
    std::size_t Tell() const { return count_; }

    // Input only: the writing half of RapidJSON's stream concept is never called.
    Ch* PutBegin() { return nullptr; }
    void Put(Ch) {}
    void Flush() {}
    std::size_t PutEnd(Ch*) { return 0; }
    const Ch* Peek4() const { return nullptr; } // encoding detection: not used by cereal

  private:
    std::streambuf* buf_;
    std::size_t count_ = 0;
};

RAPIDJSON_NAMESPACE_END
