#include "io/report/report.hpp"

#include <utility>

#include "io/atomic_file.hpp"
#include "io/report/report_data.hpp"
#include "io/report/report_embed.hpp"
#include "io/report/report_html.hpp"

namespace stakegraph::io::report {

std::string make_report(const graph::Graph& g, const ReportOptions& options, Renderer& renderer) {
  const std::string title = options.title.empty() ? "stakegraph report" : options.title;
  RenderOptions render;
  render.draw = options.draw;
  render.draw.title = title;
  render.merge_parallel = options.draw.merge_parallel;
  const std::string svg = renderer.render(g, ImageFormat::kSvg, render);

  ReportPage page;
  page.title = title;
  page.subtitle = options.graph_file;
  if (!options.selection.empty()) page.subtitle += " " + options.selection;
  page.subtitle += ": " + std::to_string(g.node_count()) + " stakeholders, " +
                   std::to_string(g.edge_count()) + " relations, " +
                   std::to_string(g.evidence_count()) + " evidence sentences";
  InlinedSvg drawing = inline_svg_for_page(svg);
  page.svg = std::move(drawing.svg);
  page.edge_labels = std::move(drawing.edge_labels);
  EmbeddedData data =
      split_report_data(report_data_json(g, {.title = title,
                                             .graph_file = options.graph_file,
                                             .selection = options.selection,
                                             .merge_parallel = options.draw.merge_parallel,
                                             .weight = options.weight}));
  page.data_json = std::move(data.data);
  page.evidence_json = std::move(data.evidence);
  return report_html(page);
}

void write_report(const graph::Graph& g, const std::string& path, const ReportOptions& options,
                  Renderer& renderer) {
  const std::string html = make_report(g, options, renderer);
  AtomicFile file(path);
  file.stream().write(html.data(), static_cast<std::streamsize>(html.size()));
  file.commit();
}

}  // namespace stakegraph::io::report
