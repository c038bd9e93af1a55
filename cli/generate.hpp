// stakegraph generate --nodes N --edges M --seed S -o G.sgpb: a synthetic news graph with
// power-law degrees and a news-like mix of kinds and relations (graph/generate.hpp), written
// atomically in any writable format. Progress goes to stderr when it is a terminal.
// Shape options: --min-degree, --self-loop-share, --kind-hub-weight KIND=W. --profile gdelt
// starts from graph::gdelt_profile() (the fit on the GDELT sample by
// bench/calibrate_generator.cpp; --nodes defaults to edges x 254/409 there); options given
// explicitly override the profile's values.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace stakegraph::cli {

struct GenerateOptions {  // the options, as on the command line
  std::uint32_t nodes = 1000;
  std::uint64_t edges = 5000;
  std::uint64_t seed = 1;
  double exponent = 2.3;
  double evidence_mean = 1.5;
  std::uint32_t min_degree = 0;
  double self_loop_share = 0.0;
  std::vector<std::string> kind_hub_weights;  // KIND=WEIGHT
  std::string profile;                        // "" or "gdelt"
  // Which options were given (with a profile, they override its values; without, the
  // values above are used whether given or not).
  bool nodes_given = false, exponent_given = false, evidence_given = false,
       min_degree_given = false, self_loops_given = false;
  bool no_text = false;  // evidence sentences left empty
  bool quiet = false;    // no progress and no summary
  bool force = false;    // overwrite an output that is not a graph file of its format
  std::string output;
};

// Adds the `generate` subcommand to `app`; its callback runs run_generate with standard
// error as `summary`.
void setup_generate(CLI::App& app);

// Generates the graph of `o` (graph::generate_graph) and saves it to o.output (atomically,
// the format by its extension); unless o.quiet, writes "generated N nodes, M edges, E
// evidence in FILE (S s)" on `summary` (and, for 100,000 edges or more, progress on standard
// error when it is a terminal). Throws graph::InvalidArgument for no output, an unknown
// extension or profile, a bad KIND=WEIGHT, and what graph::generate_graph and io::save_graph
// throw. O(nodes + edges x evidence_mean).
void run_generate(const GenerateOptions& o, std::ostream& summary);

}  // namespace stakegraph::cli
