#include "io/extract_pipeline.hpp"

#include <new>
#include <utility>

#include "graph/edit.hpp"
#include "graph/error.hpp"

namespace stakegraph::io {

ExtractPipelineResult run_extract_pipeline(graph::Graph graph,
                                           const ExtractPipelineOptions& options) {
  if (options.lexicon == nullptr) throw graph::InvalidArgument("run_extract_pipeline: no lexicon");
  ExtractPipelineResult result;
  result.graph = std::move(graph);
  graph::Graph& g = result.graph;
  Extractor extractor(*options.lexicon, options.extract);
  extractor.remember(g);
  const graph::MergeOptions merge = extraction_merge_options();
  for (std::size_t i = 0; i < options.files.size(); ++i) {
    try {
      for_each_article(
          options.files[i],
          [&](ArticleText& a) {
            if (options.before_article) options.before_article(a, i);
            ArticleGraph part = extractor.extract(a);
            graph::merge_graph(g, std::move(part.graph), merge);
            ExtractStats& st = result.stats;
            st.articles += part.stats.articles;
            st.sentences += part.stats.sentences;
            st.bytes += part.stats.bytes;
            st.edges += part.stats.edges;
            st.skipped_syndicated += part.stats.skipped_syndicated;
            ++result.articles;
            if (options.after_article) options.after_article(i, result.articles);
          },
          options.read);
    } catch (const std::bad_alloc&) {
      // One article at a time: the file being read is the one that did not fit.
      throw graph::Error(options.files[i] + ": out of memory while extracting");
    }
    if (options.on_file) options.on_file(i + 1);
  }
  if (options.corrections != nullptr) {
    if (options.on_corrections) options.on_corrections();
    g = options.corrections->apply(g, &result.corrections);
  }
  return result;
}

}  // namespace stakegraph::io
