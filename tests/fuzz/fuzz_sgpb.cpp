// libFuzzer target: the .sgpb framed reader must reject any damaged input with a ParseError,
// never crash, hang or allocate without bound.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "graph/error.hpp"
#include "io/sgpb.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  try {
    stakegraph::io::read_sgpb(in, "fuzz.sgpb");
  } catch (const stakegraph::graph::Error&) {
  }
  return 0;
}
