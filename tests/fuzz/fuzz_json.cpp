// libFuzzer target: the JSON graph reader (io/formats/json_format.hpp) must reject any input that
// is not a JSON graph with a graph::Error (ParseError with line and column), never crash, hang or
// allocate without bound. A graph it accepts must survive write_json + parse_json unchanged (JSON
// carries every field).
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "graph/error.hpp"
#include "io/formats/json_format.hpp"
#include "tests/fuzz/fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace stakegraph;
  fuzz::check_read_and_round_trip(
      data, size, "json",
      [](const std::string& t, const std::string& n) { return io::parse_json(t, n); },
      [](const graph::Graph& g, std::ostream& o) { io::write_json(g, o); }, fuzz::Carried{});
  return 0;
}
