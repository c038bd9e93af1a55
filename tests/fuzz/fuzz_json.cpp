// libFuzzer target: the JSON graph reader (io/json_format.hpp) must reject any input that is
// not a JSON graph with a graph::Error (ParseError with line and column), never crash, hang
// or allocate without bound. A graph it accepts must survive write_json + parse_json
// unchanged (JSON carries every field).
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "graph/error.hpp"
#include "io/json_format.hpp"
#include "tests/fuzz/fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace stakegraph;
  const std::string text(reinterpret_cast<const char*>(data), size);
  graph::Graph g;
  try {
    g = io::parse_json(text, "fuzz.json");
  } catch (const graph::Error&) {
    return 0;
  }
  std::ostringstream out;
  io::write_json(g, out);
  const graph::Graph back = io::parse_json(out.str(), "rewritten.json");
  const std::string diff = fuzz::graph_difference(g, back, fuzz::Carried{});
  fuzz::check(diff.empty(), "json round trip: " + diff);
  return 0;
}
