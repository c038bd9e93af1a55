#include "cli/ingest.hpp"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/article_input.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/dictionary_options.hpp"
#include "cli/json_views.hpp"
#include "cli/progress.hpp"
#include "cli/text_output.hpp"
#include "graph/error.hpp"
#include "io/article.hpp"
#include "io/extract_corrections.hpp"
#include "io/extract_pipeline.hpp"
#include "io/formats/sgpb.hpp"
#include "io/lexicon.hpp"
#include "io/printable.hpp"

namespace stakegraph::cli {

IngestResult run_ingest(const IngestOptions& o, std::ostream& out) {
  if (o.output.empty()) throw graph::InvalidArgument("ingest needs -o GRAPH.sgpb");
  // The graph file is updated in place: only the native format keeps every evidence field.
  if (std::filesystem::path(o.output).extension() != ".sgpb")
    throw graph::InvalidArgument(o.output +
                                 ": ingest writes a .sgpb graph file (convert it "
                                 "afterwards with `stakegraph convert`)");
  io::ExtractPipelineOptions po;
  po.read = article_read_options(o.date_order);
  Progress progress("ingest", o.progress);
  io::LexiconOptions lo;
  lo.extra_files = o.lexicons;
  const io::Lexicon lex = io::Lexicon::load(lo);
  std::optional<io::CorrectionSet> corr;
  if (!o.corrections.empty()) corr = io::CorrectionSet::load(o.corrections);
  po.files = io::list_article_files(o.inputs);
  const std::vector<std::string>& files = po.files;
  // Load, merge and write under the lock: a run updating the same graph at the same time
  // waits, so that neither update is lost.
  const io::FileLock lock = lock_for_update(o.output, o.no_wait);
  graph::Graph start;
  if (std::filesystem::exists(o.output))
    start = naming_oom(o.output, "reading", [&] { return io::load_sgpb(o.output); });
  const auto dicts = load_dictionaries(o.dictionaries);
  po.lexicon = &lex;
  po.extract.dictionaries = dicts ? &*dicts : nullptr;
  po.extract.dictionary_actors = !o.dictionaries.files.empty();
  po.corrections = corr ? &*corr : nullptr;
  std::size_t date_warnings = 0;
  ArticleWarnings warnings;
  const auto files_done = [&](std::size_t done, std::size_t articles) {
    return std::to_string(done) + "/" + std::to_string(files.size()) + " files, " +
           with_commas(articles) + " articles";
  };
  std::size_t articles = 0;
  po.before_article = [&](const io::ArticleText& a, std::size_t) {
    warnings.note(a.warning);
    date_warnings += warn_article_date(a);
  };
  // One article at a time: memory holds the graph, not the corpus.
  po.after_article = [&](std::size_t i, std::size_t n) {
    articles = n;
    progress.update(files_done(i, n), static_cast<double>(i) / static_cast<double>(files.size()));
  };
  po.on_file = [&](std::size_t done) {
    progress.update(files_done(done, articles),
                    static_cast<double>(done) / static_cast<double>(files.size()));
  };
  po.on_corrections = [&] {
    warnings.finish();
    progress.step("applying corrections");
  };
  progress.step("extracting");
  graph::Graph g = io::run_extract_pipeline(std::move(start), po).graph;
  if (!corr) warnings.finish();
  progress.step("writing " + o.output);
  naming_oom(o.output, "writing", [&] { io::save_sgpb(g, o.output); });
  const double secs = progress.elapsed();
  progress.finish(with_commas(articles) + " articles from " + std::to_string(files.size()) +
                  " files");
  if (o.json)
    print_json({{"files", files.size()},
                {"articles", articles},
                {"date_warnings", date_warnings},
                {"graph", graph_summary_json(g, o.output)},
                {"seconds", secs}},
               out);
  return {.files = files.size(),
          .articles = articles,
          .date_warnings = date_warnings,
          .nodes = g.node_count(),
          .edges = g.edge_count(),
          .seconds = secs};
}

void setup_ingest(CLI::App& app) {
  auto opts = std::make_shared<IngestOptions>();
  CLI::App* sub = app.add_subcommand(
      "ingest",
      "Extract articles (.txt, .md, .jsonl, directories) and merge them into a graph file,\n"
      "created or updated. Re-ingesting an article changes nothing.");
  sub->add_option("FILE", opts->inputs, "articles or directories")->required();
  sub->add_option("-o,--output", opts->output, "graph file (.sgpb)")->required();
  add_extraction_options(sub, opts->lexicons, opts->corrections, opts->dictionaries,
                         opts->date_order);
  add_progress_options(sub, opts->progress);
  sub->add_flag("--json", opts->json,
                "print {\"files\", \"articles\", \"date_warnings\", \"graph\": {\"path\", "
                "\"nodes\", \"edges\", \"articles\", \"evidence\"}, \"seconds\"}");
  sub->add_flag("--no-wait", opts->no_wait,
                "fail at once when another run is writing GRAPH (default: wait for it)");
  sub->callback([opts] {
    const IngestResult r = run_ingest(*opts, std::cout);
    if (!opts->json)
      std::fprintf(stderr, "ingested %zu articles: %zu nodes, %zu edges in %s (%.2f s)\n",
                   r.articles, r.nodes, r.edges, io::printable(opts->output).c_str(), r.seconds);
  });
}

}  // namespace stakegraph::cli
