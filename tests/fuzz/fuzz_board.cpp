// libFuzzer target: the board loader on arbitrary bytes, both formats (the format is detected
// from the content; the seed corpus holds both). A board that loads must be valid and must
// survive JSON and binary round trips unchanged.
//
//   make fuzz                                   (60 s; FUZZ_SECONDS=600 make fuzz for longer)
//   build/fuzz/tests/fuzz/fuzz_board CORPUS_DIR tests/fuzz/corpus -dict=tests/fuzz/board.dict
#include "model/validate.hpp"
#include "store/board_file.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace horizons;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const store::LoadResult r = store::loadBoardFromBytes(bytes, "fuzz");
    if (!r) {
        if (r.error.empty()) std::abort(); // every failure must say what is wrong
        return 0;
    }
    if (validateBoard(*r.board)) std::abort(); // the loader let an invalid board through
    for (auto format : {store::FileFormat::Json, store::FileFormat::Binary}) {
        const std::string out = store::serializeBoard(*r.board, format);
        const store::LoadResult back = store::loadBoardFromBytes(out, "round trip");
        if (!back || !(*back.board == *r.board))
            std::abort(); // what we write, we must read back exactly
    }
    return 0;
}
