#include "store/json_input_stream.hpp"
#include <cereal/archives/json.hpp>

#include <string>

namespace horizons::store::detail {

void throwRapidJsonAssertion(const char* condition) {
    throw ::cereal::RapidJSONException(
        ("rapidjson internal assertion failure: " + std::string(condition)).c_str());
}

} // namespace horizons::store::detail
