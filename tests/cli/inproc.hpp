// Helpers of the in-process subcommand tests (tests/cli/*_inproc_test.cpp): run a
// cli::run_x on a string stream, take the binary's output for comparison, and a fixture with
// the story graph (tests/test_graphs.hpp) saved as story.sgpb.
#pragma once

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "io/formats/formats.hpp"
#include "tests/cli/run.hpp"
#include "tests/temp_dir.hpp"
#include "tests/test_graphs.hpp"

namespace stakegraph::test_support {

// What run(o, out) writes on `out`.
template <class Run, class Options>
std::string in_process(Run run, const Options& o) {
  std::ostringstream out;
  run(o, out);
  return out.str();
}

// The standard output of `stakegraph ARGS`, which must succeed.
inline std::string binary_output(const std::string& args) {
  const RunResult r = run_stakegraph(args);
  EXPECT_EQ(r.status, 0) << args << "\n" << r.err;
  return r.out;
}

// A scratch directory holding story_graph() as story.sgpb (file_).
class StoryFileTest : public TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    file_ = path("story.sgpb");
    io::save_graph(story_graph(), file_);
  }
  // `stakegraph COMMAND 'story.sgpb' ARGS`, which must succeed.
  std::string binary(const std::string& command, const std::string& args) const {
    return binary_output(command + " '" + file_ + "' " + args);
  }
  std::string file_;
};

}  // namespace stakegraph::test_support
