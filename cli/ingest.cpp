// stakegraph ingest FILE|DIR... -o GRAPH.sgpb [--lexicon FILE]... [--corrections FILE] [--no-wait]
// Extracts articles one at a time and merges them into a graph file (created or updated),
// holding the graph's lock file (io/file_lock.hpp) from load to write.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/dictionary_options.hpp"
#include "cli/common.hpp"
#include "cli/text_output.hpp"
#include "graph/error.hpp"
#include "io/article.hpp"
#include "io/extract.hpp"
#include "io/extract_corrections.hpp"
#include "io/lexicon.hpp"
#include "io/printable.hpp"
#include "io/sgpb.hpp"

namespace stakegraph::cli {
namespace {

struct IngestOptions {
  std::vector<std::string> inputs;
  std::string output;
  std::vector<std::string> lexicons;
  std::string corrections;
  DictionaryCliOptions dictionaries;
  bool quiet = false;
  bool no_wait = false;
};

void run_ingest(const IngestOptions& o) {
  if (o.output.empty()) throw graph::InvalidArgument("ingest needs -o GRAPH.sgpb");
  // The graph file is updated in place: only the native format keeps every evidence field.
  if (std::filesystem::path(o.output).extension() != ".sgpb")
    throw graph::InvalidArgument(o.output + ": ingest writes a .sgpb graph file (convert it "
                                            "afterwards with `stakegraph convert`)");
  const auto t0 = std::chrono::steady_clock::now();
  io::LexiconOptions lo;
  lo.extra_files = o.lexicons;
  const io::Lexicon lex = io::Lexicon::load(lo);
  std::optional<io::CorrectionSet> corr;
  if (!o.corrections.empty()) corr = io::CorrectionSet::load(o.corrections);
  const std::vector<std::string> files = io::list_article_files(o.inputs);
  // Load, merge and write under the lock: a run updating the same graph at the same time
  // waits, so that neither update is lost.
  const io::FileLock lock = lock_for_update(o.output, o.no_wait);
  graph::Graph g;
  if (std::filesystem::exists(o.output))
    g = naming_oom(o.output, "reading", [&] { return io::load_sgpb(o.output); });
  const auto dicts = load_dictionaries(o.dictionaries);
  io::ExtractOptions eo;
  eo.dictionaries = dicts ? &*dicts : nullptr;
  eo.dictionary_actors = !o.dictionaries.files.empty();
  io::Extractor ex(lex, eo);
  ex.remember(g);
  const bool bar = !o.quiet && ::isatty(STDERR_FILENO);
  std::size_t articles = 0;
  ArticleWarnings warnings;
  for (std::size_t i = 0; i < files.size(); ++i) {
    // One article at a time: memory holds the graph, not the corpus.
    naming_oom(files[i], "extracting", [&] {
      io::for_each_article(files[i], [&](io::ArticleText& a) {
        warnings.note(a.warning);
        ex.extract(a, g);
        ++articles;
      });
    });
    if (bar) {
      const int width = 30;
      const int done = static_cast<int>((i + 1) * width / files.size());
      std::fprintf(stderr, "\r[%.*s%*s] %zu/%zu files, %zu articles", done,
                   "##############################", width - done, "", i + 1, files.size(),
                   articles);
      std::fflush(stderr);
    }
  }
  if (bar) std::fprintf(stderr, "\n");
  warnings.finish();
  if (corr) g = corr->apply(g);
  naming_oom(o.output, "writing", [&] { io::save_sgpb(g, o.output); });
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::fprintf(stderr, "ingested %zu articles: %zu nodes, %zu edges in %s (%.2f s)\n", articles,
               g.node_count(), g.edge_count(), io::printable(o.output).c_str(), secs);
}

}  // namespace

void setup_ingest(CLI::App& app) {
  auto opts = std::make_shared<IngestOptions>();
  CLI::App* sub = app.add_subcommand(
      "ingest",
      "Extract articles (.txt, .md, .jsonl, directories) and merge them into a graph file,\n"
      "created or updated. Re-ingesting an article changes nothing.");
  sub->add_option("FILE", opts->inputs, "articles or directories")->required();
  sub->add_option("-o,--output", opts->output, "graph file (.sgpb)")->required();
  sub->add_option("--lexicon", opts->lexicons, "extra lexicon file (Protobuf text), repeatable")
      ->allow_extra_args(false);
  sub->add_option("--corrections", opts->corrections, "corrections file (Protobuf text)");
  add_dictionary_options(sub, opts->dictionaries);
  sub->add_flag("-q,--quiet", opts->quiet, "no progress bar");
  sub->add_flag("--no-wait", opts->no_wait,
                "fail at once when another run is writing GRAPH (default: wait for it)");
  sub->callback([opts] { run_ingest(*opts); });
}

}  // namespace stakegraph::cli
