// An HTML story report of a graph: the diagram `render` draws (through io::Renderer, as SVG,
// inlined), the data document (io/report/report_data.hpp) and the page around them
// (io/report/report_html.hpp), written as one self-contained file.
// Complexity: the drawing's layout (see io/render/renderer.hpp), plus the data document's
// centralities (O(V E) for betweenness), plus linear work in the sizes of the SVG and the document.
#pragma once

#include <string>

#include "graph/edge_weight.hpp"
#include "graph/graph.hpp"
#include "io/render/dot.hpp"
#include "io/render/renderer.hpp"

namespace stakegraph::io::report {

struct ReportOptions {
  std::string title;       // "" for "stakegraph report"
  std::string graph_file;  // shown on the page as given
  std::string selection;   // how the graph was selected, as display text
  DrawOptions draw;        // for the drawing; its merge_parallel is used as it is (decide it
                           // first, e.g. with io::select_for_drawing)
  graph::WeightSource weight = graph::WeightSource::kNone;  // ReportDataOptions::weight
};

// The page for `g` (the graph to draw: select first). Throws graph::InvalidArgument when
// `g` has more than kMaxRenderNodes nodes, graph::Error when Graphviz fails.
std::string make_report(const graph::Graph& g, const ReportOptions& options, Renderer& renderer);

// make_report() written to `path` atomically (io::AtomicFile): on any error nothing is
// written and an existing file is left as it was.
void write_report(const graph::Graph& g, const std::string& path, const ReportOptions& options,
                  Renderer& renderer);

}  // namespace stakegraph::io::report
