// png_writer.hpp — PNG encoding for screenshots and picture exports: zlib at its fastest
// setting (run-length matching after the PNG "Sub" filter, which turns the flat colours of a
// board into runs of zeros). A 1600x1000 frame encodes in a few tens of milliseconds.
#pragma once

#include <string>

namespace horizons::app {

// `rgb` holds `height` rows of `width` RGB pixels, top row first. Returns the PNG file's
// bytes ("" when zlib fails).
std::string encodePng(const unsigned char* rgb, int width, int height);

} // namespace horizons::app
