// Rendering through Graphviz, in process (cgraph + gvc C API; never the `dot` program).
//
// Renderer is the only code in stakegraph that calls Graphviz. Graphviz 2.42 keeps global
// state (error hooks, the cgraph string dictionaries, plugin loaders) and is not
// thread-safe, so every Graphviz call of every Renderer runs on ONE dedicated thread owned by
// this module; Renderer methods hand their work to it and wait, so they may be called from
// any thread. That thread owns the one GVC context of the process: created when the first
// Renderer is, freed (gvFreeContext) when the thread stops at exit. One context, not one per
// Renderer, because in 2.42 (a) the pango text plugin caches a pointer into a context's font
// table, so creating a context after freeing another reads freed memory (found with ASan),
// and (b) every gvContext leaks its copy of the plugin configuration (gvconfig). Every graph
// is agclose'd and every layout gvFreeLayout'ed before a call returns, also when it throws.
// Graphviz messages are captured (never printed): errors become graph::Error, warnings are
// kept in warnings(). gvLayout may return success after reporting an error (2.42: dot's
// "trouble in init_rank" on clusters); such a layout is an error and is deliberately not
// freed, because gvFreeLayout then frees memory twice (found with ASan); its memory is lost.
// io/render/dot.cpp sets newrank, which avoids that trigger (and, with clusters, the double free
// that dot's old ranking causes through labelled flat edges even without an error).
//
// What is drawn (selection, engine, limits): io/render/selection.hpp. The DOT text itself is
// written without Graphviz (io/render/dot.hpp); Renderer::write_dot is the agwrite path, kept
// as the oracle of that writer's tests.
// Time: dot is roughly quadratic in practice (crossing minimisation); sfdp about
// O(V log V + E) per level; circo is the slowest (about 7 s at 200 nodes, 400 edges) and is
// meant for small graphs. Figures: bench/render_bench.cpp.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "graph/graph.hpp"
#include "io/render/dot.hpp"
#include "io/render/selection.hpp"

namespace stakegraph::io {

class Renderer final {
 public:
  // Starts the Graphviz thread and its context on first use. Throws graph::Error if Graphviz
  // cannot start.
  Renderer();
  ~Renderer();
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;

  // The bytes of the drawing in `format` (SVG text, PNG, PDF, or DOT text). Throws
  // graph::InvalidArgument for too many nodes or edges or clusters with the wrong engine, and
  // graph::Error when Graphviz fails (e.g. no cairo plugin for PNG/PDF).
  std::string render(const graph::Graph& g, ImageFormat format, const RenderOptions& options = {});

  // render() to a file, written atomically (io::AtomicFile). Format from the extension;
  // graph::InvalidArgument when it is not .svg, .png, .pdf or .dot. Other errors name
  // `path` ("OUT.svg: graphviz: layout with dot failed: ...", "OUT.svg: out of memory
  // while drawing").
  void render_to_file(const graph::Graph& g, const std::string& path,
                      const RenderOptions& options = {});

  // Lays the graph out and returns every node's box (same selection and engine as render).
  std::vector<NodeBox> layout_boxes(const graph::Graph& g, const RenderOptions& options = {});

  // Low level: build `doc` through cgraph and write it with agwrite (the oracle of
  // io::write_dot's tests; the program writes DOT without Graphviz), or lay it out with
  // `layout` and render it (the DOT format is written by io::write_dot).
  void write_dot(const DotDocument& doc, std::ostream& out);
  std::string render_document(const DotDocument& doc, Layout layout, ImageFormat format);

  // The device formats this Graphviz has a plugin for ("svg", "png", "pdf", ...).
  std::vector<std::string> available_formats();

  // Warnings Graphviz reported during this renderer's calls, oldest first.
  const std::vector<std::string>& warnings() const noexcept { return warnings_; }

 private:
  std::vector<std::string> warnings_;
};

}  // namespace stakegraph::io
