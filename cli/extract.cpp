#include "cli/extract.hpp"

#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/article_input.hpp"
#include "cli/commands.hpp"
#include "cli/dictionary_options.hpp"
#include "cli/printable_output.hpp"
#include "cli/text_output.hpp"
#include "graph/error.hpp"
#include "io/article.hpp"
#include "io/extract_corrections.hpp"
#include "io/extract_pipeline.hpp"
#include "io/formats/json_format.hpp"
#include "io/lexicon.hpp"
#include "io/render/dot.hpp"

namespace stakegraph::cli {
namespace {

void print_text(const graph::Graph& g, std::ostream& out) {
  for (auto [ei, ee] = boost::edges(g.boost_graph()); ei != ee; ++ei) {
    const auto& ed = g.edge(*ei);
    out << g.node(g.source(*ei)).name << " -" << graph::relation_name(ed.relation) << "-> "
        << g.node(g.target(*ei)).name;
    if (!ed.evidence.empty()) {
      const auto& ev = ed.evidence.front();
      out << "\t" << (ev.hedged ? "(hedged) " : "") << ev.text;
      if (ed.evidence.size() > 1) out << " [+" << ed.evidence.size() - 1 << " more]";
    }
    out << "\n";
  }
}

}  // namespace

void run_extract(const ExtractOptions& o, std::ostream& out) {
  if (o.format != "json" && o.format != "text" && o.format != "dot")
    throw graph::InvalidArgument("--format: unknown format '" + o.format +
                                 "' (one of: json, text, dot)");
  io::ExtractPipelineOptions po;
  po.read = article_read_options(o.date_order);
  io::LexiconOptions lo;
  lo.extra_files = o.lexicons;
  const io::Lexicon lex = io::Lexicon::load(lo);
  std::optional<io::CorrectionSet> corr;
  if (!o.corrections.empty()) corr = io::CorrectionSet::load(o.corrections);
  const auto dicts = load_dictionaries(o.dictionaries);
  po.lexicon = &lex;
  po.extract.dictionaries = dicts ? &*dicts : nullptr;
  po.extract.dictionary_actors = !o.dictionaries.files.empty();
  po.corrections = corr ? &*corr : nullptr;
  po.files = io::list_article_files(o.inputs);
  ArticleWarnings warnings;
  po.before_article = [&](const io::ArticleText& a, std::size_t) {
    warnings.note(a.warning);
    warn_article_date(a);
  };
  const graph::Graph g = io::run_extract_pipeline({}, po).graph;
  warnings.finish();
  try {
    if (o.format == "json") {
      io::write_json(g, out);
    } else if (o.format == "dot") {
      io::write_dot(g, out);
    } else {
      print_text(g, out);
    }
    out.flush();
  } catch (const graph::Error& e) {
    // "graphviz: cannot write DOT" says nothing of where: standard output (full, closed).
    throw graph::Error(std::string("standard output: ") + e.what());
  }
}

void setup_extract(CLI::App& app) {
  auto opts = std::make_shared<ExtractOptions>();
  CLI::App* sub = app.add_subcommand(
      "extract",
      "Extract the stakeholder graph of articles (.txt, .md, .jsonl, directories, - for\n"
      "stdin) and print it on stdout. Writes no file.");
  sub->add_option("FILE", opts->inputs, "articles or directories")->required();
  sub->add_option("--format", opts->format, "json (default), text (one edge a line) or dot");
  add_extraction_options(sub, opts->lexicons, opts->corrections, opts->dictionaries,
                         opts->date_order);
  sub->callback([opts] {
    // One edge a line for people: names and sentences made safe for the terminal.
    std::optional<PrintableOutput> text;
    if (opts->format == "text") text.emplace(std::cout);
    run_extract(*opts, std::cout);
  });
}

}  // namespace stakegraph::cli
