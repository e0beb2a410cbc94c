// png_writer.cpp — see png_writer.hpp. PNG: signature, IHDR, one IDAT, IEND (RFC 2083).
#include "app/png_writer.hpp"

#include <zlib.h>

#include <cstdint>
#include <vector>

namespace horizons::app {

namespace {

void put32(std::string& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<char>((v >> shift) & 0xFF));
}

void chunk(std::string& out, const char type[4], const std::string& data) {
    put32(out, static_cast<std::uint32_t>(data.size()));
    const std::size_t start = out.size();
    out.append(type, 4);
    out += data;
    const auto* bytes = reinterpret_cast<const Bytef*>(out.data() + start);
    put32(out, static_cast<std::uint32_t>(crc32(0, bytes, static_cast<uInt>(out.size() - start))));
}

// Each row: filter byte 1 (Sub: every byte minus the one a pixel to its left).
std::vector<unsigned char> filtered(const unsigned char* rgb, int width, int height) {
    const std::size_t stride = static_cast<std::size_t>(width) * 3;
    std::vector<unsigned char> out((stride + 1) * static_cast<std::size_t>(height));
    unsigned char* o = out.data();
    for (int y = 0; y < height; ++y) {
        const unsigned char* row = rgb + static_cast<std::size_t>(y) * stride;
        *o++ = 1;
        for (std::size_t i = 0; i < stride; ++i)
            *o++ = static_cast<unsigned char>(row[i] - (i >= 3 ? row[i - 3] : 0));
    }
    return out;
}

} // namespace

std::string encodePng(const unsigned char* rgb, int width, int height) {
    const std::vector<unsigned char> raw = filtered(rgb, width, height);
    z_stream z{};
    if (deflateInit2(&z, 1, Z_DEFLATED, 15, 8, Z_RLE) != Z_OK) return {};
    std::string idat(deflateBound(&z, static_cast<uLong>(raw.size())), '\0');
    z.next_in = const_cast<Bytef*>(raw.data());
    z.avail_in = static_cast<uInt>(raw.size());
    z.next_out = reinterpret_cast<Bytef*>(idat.data());
    z.avail_out = static_cast<uInt>(idat.size());
    const int rc = deflate(&z, Z_FINISH);
    idat.resize(z.total_out);
    deflateEnd(&z);
    if (rc != Z_STREAM_END) return {};

    std::string png("\x89PNG\r\n\x1a\n", 8);
    std::string ihdr;
    put32(ihdr, static_cast<std::uint32_t>(width));
    put32(ihdr, static_cast<std::uint32_t>(height));
    ihdr += std::string("\x08\x02\x00\x00\x00", 5); // 8 bits, RGB, deflate, Sub, no interlace
    chunk(png, "IHDR", ihdr);
    chunk(png, "IDAT", idat);
    chunk(png, "IEND", {});
    return png;
}

} // namespace horizons::app
