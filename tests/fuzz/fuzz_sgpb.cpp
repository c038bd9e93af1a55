// libFuzzer target: the .sgpb framed reader (io/formats/sgpb.hpp) must reject any damaged input
// with a graph::Error (ParseError naming the byte offset), never crash, hang or allocate without
// bound. A graph it accepts must survive write_sgpb + read_sgpb unchanged.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "graph/error.hpp"
#include "io/formats/sgpb.hpp"
#include "tests/fuzz/fuzz_common.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  stakegraph::fuzz::fail_on_protobuf_log();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace stakegraph;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  graph::Graph g;
  try {
    g = io::read_sgpb(in, "fuzz.sgpb");
  } catch (const graph::Error&) {
    return 0;
  }
  std::ostringstream out;
  io::write_sgpb(g, out);
  std::istringstream again(out.str());
  const graph::Graph back = io::read_sgpb(again, "rewritten.sgpb");
  const std::string diff = fuzz::graph_difference(g, back, fuzz::Carried{});
  fuzz::check(diff.empty(), "sgpb round trip: " + diff);
  return 0;
}
