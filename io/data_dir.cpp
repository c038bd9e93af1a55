#include "io/data_dir.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace stakegraph::io {

namespace fs = std::filesystem;

std::string find_data_dir(const std::string& name) {
  std::error_code ec;
  if (const char* env = std::getenv("STAKEGRAPH_DATA")) {
    const fs::path p = fs::path(env) / name;
    if (fs::is_directory(p, ec)) return p.string();
  }
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  fs::path dir = exe.parent_path();
  for (int up = 0; up < 5 && !dir.empty(); ++up) {
    const fs::path p = dir / "share" / "stakegraph" / name;
    if (fs::is_directory(p, ec)) return p.string();
    if (dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  return {};
}

}  // namespace stakegraph::io
