// Where the tests find their data, and what a test does when something it needs is missing.
// Every file a test reads lives in the repository under tests/data/ (copies of exactly what
// the tests need, each folder with a SOURCE.txt or README.md naming the origin and licence);
// no test reads ../shared/. A test whose file, tool or module is missing fails when the build
// requires every test to run (CMake option STAKEGRAPH_REQUIRE_ALL_TESTS=ON, as in CI) and
// skips otherwise, naming what is missing either way.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace stakegraph::test_support {

// The path of `relative` under tests/data/ (e.g. "oracles/karate.json").
inline std::filesystem::path test_data(const std::string& relative) {
  return std::filesystem::path(STAKEGRAPH_TEST_DATA_DIR) / relative;
}

// True when the build says a test may not skip for want of a file or tool.
inline constexpr bool kRequireAllTests = STAKEGRAPH_REQUIRE_ALL_TESTS != 0;

}  // namespace stakegraph::test_support

// Ends the current test (TEST body or fixture SetUp) unless `available` holds: a fatal
// failure with STAKEGRAPH_REQUIRE_ALL_TESTS=ON, a skip otherwise. `what` names the missing
// file or tool (anything streamable).
#define STAKEGRAPH_NEED(available, what)                                         \
  do {                                                                           \
    if (!(available)) {                                                          \
      if (::stakegraph::test_support::kRequireAllTests)                          \
        GTEST_FAIL() << "missing (STAKEGRAPH_REQUIRE_ALL_TESTS=ON): " << (what); \
      GTEST_SKIP() << "missing: " << (what);                                     \
    }                                                                            \
  } while (false)

// STAKEGRAPH_NEED for a file or directory.
#define STAKEGRAPH_NEED_FILE(file) \
  STAKEGRAPH_NEED(std::filesystem::exists(file), std::filesystem::path(file).string())
