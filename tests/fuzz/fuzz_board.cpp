// libFuzzer target: the board loader on arbitrary bytes, both formats (the format is detected
// from the content; the seed corpus holds both). A board that loads must be valid and must
// survive JSON and binary round trips unchanged. Protected files (store/protect.hpp; the seed
// corpus holds two, sealed with the passphrase "fuzz" and the test parameters) are refused
// without a passphrase, and opened with "fuzz" when their header asks for cheap parameters
// (a header may ask for up to 1 GiB, which is fine for a user but not 1000 times a second).
//
//   make fuzz                                   (60 s; FUZZ_SECONDS=600 make fuzz for longer)
//   build/fuzz/tests/fuzz/fuzz_board CORPUS_DIR tests/fuzz/corpus -dict=tests/fuzz/board.dict
#include "model/validate.hpp"
#include "store/board_file.hpp"
#include "store/protect.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace horizons;
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    store::Unsealed opened;
    if (store::isProtected(bytes)) {
        const store::LoadResult locked = store::loadBoardFromBytes(bytes, "fuzz");
        if (locked || !locked.isProtected || locked.error.empty()) std::abort();
        std::string err;
        const auto h = store::readProtectedHeader(bytes, &err);
        if (!h) {
            if (err.empty()) std::abort();
            return 0;
        }
        if (h->kdf.memoryKiB > 256 || h->kdf.passes > 2) return 0;
        opened = store::unseal(bytes, "fuzz");
        if (!opened) {
            if (opened.error.empty()) std::abort();
            return 0;
        }
        // What seal() writes with this key, unseal() reads back.
        const std::string again = store::seal(*opened.key, opened.plain.view());
        if (store::unseal(again, "fuzz").plain.view() != opened.plain.view()) std::abort();
        bytes = opened.plain.view();
    }
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
