// Nothing lost: a writer killed with SIGKILL at any point (inside the frame stream, after the
// fsync, before the rename) leaves the previous graph file intact and loadable, and no
// half-written target. Kill points are injected through STAKEGRAPH_TEST_KILL_AT
// (io/atomic_file.hpp).
#include <gtest/gtest.h>

#include <filesystem>

#include "io/formats.hpp"
#include "io/sgpb.hpp"
#include "tests/cli/run.hpp"
#include "tests/test_graphs.hpp"

namespace stakegraph {
namespace {

namespace fs = std::filesystem;

class CrashSafetyTest : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("sg_crash_" + std::to_string(::getpid()) + "_" +
                                        std::to_string(counter_++));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  fs::path dir_;
  static inline int counter_ = 0;
};

TEST_P(CrashSafetyTest, KilledConvertLeavesOldGraph) {
  const graph::Graph old_graph = testing::story_graph();
  const graph::Graph new_graph = testing::random_graph(300, 2000, 3);
  io::save_sgpb(old_graph, path("target.sgpb"));
  io::save_sgpb(new_graph, path("new.sgpb"));
  const auto r = testing::run_stakegraph(std::string("convert '") + path("new.sgpb") + "' '" +
                                         path("target.sgpb") + "'", "", GetParam());
  EXPECT_EQ(r.status, 128 + 9) << "the kill point " << GetParam() << " was not reached";
  const graph::Graph after = io::load_sgpb(path("target.sgpb"));  // throws if damaged
  EXPECT_EQ(testing::graph_difference(old_graph, after), "");
}

INSTANTIATE_TEST_SUITE_P(KillPoints, CrashSafetyTest,
                         ::testing::Values("mid-frame", "after-fsync", "before-rename"));

TEST(CrashSafety, CompletedConvertReplacesGraph) {
  const fs::path dir = fs::temp_directory_path() / ("sg_crash_ok_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string target = (dir / "target.sgpb").string(), src = (dir / "new.sgpb").string();
  io::save_sgpb(testing::story_graph(), target);
  const graph::Graph new_graph = testing::random_graph(50, 100, 4);
  io::save_sgpb(new_graph, src);
  const auto r = testing::run_stakegraph("convert '" + src + "' '" + target + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(testing::graph_difference(new_graph, io::load_sgpb(target)), "");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace stakegraph
