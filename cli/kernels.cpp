// The table of analytics kernels in use (cli/kernels.hpp).
#include "cli/kernels.hpp"

namespace stakegraph::cli {

Kernels& kernels() {
  static Kernels table;
  return table;
}

}  // namespace stakegraph::cli
