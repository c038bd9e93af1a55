#include "io/render/renderer.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <new>
#include <ostream>
#include <sstream>
#include <thread>
#include <type_traits>
#include <unordered_map>

#include "graph/error.hpp"
#include "io/atomic_file.hpp"

namespace stakegraph::io {
namespace {

// ---------------------------------------------------------------------------------------
// The one thread that calls Graphviz.

// Messages Graphviz reports through agerr while a job runs; touched only by the worker.
std::string& graphviz_messages() {
  static std::string messages;
  return messages;
}

int capture_message(char* message) {
  if (message != nullptr) graphviz_messages() += message;
  return 0;
}

class GraphvizThread final {
 public:
  static GraphvizThread& instance() {
    static GraphvizThread thread;
    return thread;
  }

  // Runs f() on the worker and returns its result (or rethrows its exception).
  template <class F>
  std::invoke_result_t<F&> run(F& f) {
    using R = std::invoke_result_t<F&>;
    if (std::this_thread::get_id() == worker_.get_id()) return f();
    std::packaged_task<R()> task(std::ref(f));
    std::future<R> result = task.get_future();
    {
      std::lock_guard lock(mutex_);
      jobs_.emplace_back([&task] { task(); });
    }
    wake_.notify_one();
    return result.get();
  }

  GraphvizThread(const GraphvizThread&) = delete;
  GraphvizThread& operator=(const GraphvizThread&) = delete;

 private:
  GraphvizThread() : worker_([this] { loop(); }) {}
  ~GraphvizThread() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    wake_.notify_one();
    worker_.join();
  }

  void loop() {
    agseterrf(&capture_message);  // Graphviz never prints; messages are collected
    gvc_ = gvContext();
    if (gvc_ == nullptr) context_error_ = graphviz_messages();
    graphviz_messages().clear();
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [this] { return stop_ || !jobs_.empty(); });
        if (jobs_.empty()) break;
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      job();
    }
    if (gvc_ != nullptr) gvFreeContext(gvc_);
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  bool stop_ = false;
  GVC_t* gvc_ = nullptr;       // worker only
  std::string context_error_;  // worker only
  std::thread worker_;         // last: started once everything above exists

 public:
  // The shared context; call on the worker only. Throws graph::Error if Graphviz could not
  // create it.
  GVC_t* context() const {
    if (gvc_ == nullptr)
      throw graph::Error("graphviz: cannot create a context" +
                         (context_error_.empty() ? "" : ": " + context_error_));
    return gvc_;
  }
};

// Splits captured Graphviz output into one trimmed message per line.
std::vector<std::string> split_messages(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back())) != 0)
      line.pop_back();
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

// Runs `f` on the Graphviz thread; moves the messages it produced into `warnings` (f reads
// them itself when it fails).
template <class F>
auto on_graphviz(std::vector<std::string>& warnings, F&& f) {
  auto job = [&] {
    graphviz_messages().clear();
    struct Collect {
      std::vector<std::string>& out;
      ~Collect() {
        for (auto& m : split_messages(graphviz_messages())) out.push_back(std::move(m));
        graphviz_messages().clear();
      }
    } collect{warnings};
    return f();
  };
  return GraphvizThread::instance().run(job);
}

// Throws graph::Error with the first message Graphviz reported (some errors go on for
// dozens of lines, e.g. dot's rank dump after "trouble in init_rank").
[[noreturn]] void fail(const std::string& what) {
  const auto lines = split_messages(graphviz_messages());
  graphviz_messages().clear();
  std::string detail;
  if (!lines.empty()) detail = ": " + lines.front();
  if (lines.size() > 1) detail += " (+" + std::to_string(lines.size() - 1) + " more lines)";
  throw graph::Error("graphviz: " + what + detail);
}

// cgraph takes `char*` for strings it only reads (and copies).
char* cstr(const std::string& s) { return const_cast<char*>(s.c_str()); }

// ---------------------------------------------------------------------------------------
// Building a DotDocument through cgraph (worker thread only).

int put_to_stream(void* chan, const char* text) {
  auto* out = static_cast<std::ostream*>(chan);
  *out << text;
  return out->good() ? 0 : EOF;
}

int flush_stream(void* chan) {
  auto* out = static_cast<std::ostream*>(chan);
  out->flush();
  return out->good() ? 0 : EOF;
}

Agiodisc_t kStreamIo = {nullptr, &put_to_stream, &flush_stream};
Agdisc_t kStreamDisc = {&AgMemDisc, &AgIdDisc, &kStreamIo};

class CGraph final {
 public:
  explicit CGraph(const DotDocument& doc) {
    kStreamIo.afread = AgIoDisc.afread;
    g_ = agopen(cstr(doc.name), Agdirected, &kStreamDisc);
    if (g_ == nullptr) fail("cannot create a graph");
    // Graph attributes are declared with an empty default and set on the root only, so that
    // cluster subgraphs do not inherit the legend label.
    for (const DotAttr& a : doc.graph_attrs) declare(AGRAPH, a.name, "");
    for (const DotAttr& a : doc.graph_attrs) set(g_, AGRAPH, a);
    for (const DotAttr& a : doc.node_defaults) declare(AGNODE, a.name, a.value);
    for (const DotAttr& a : doc.edge_defaults) declare(AGEDGE, a.name, a.value);

    std::vector<Agraph_t*> clusters;
    clusters.reserve(doc.clusters.size());
    for (const DotCluster& c : doc.clusters) {
      Agraph_t* sub = agsubg(g_, cstr(c.name), 1);
      if (sub == nullptr) fail("cannot create subgraph " + c.name);
      for (const DotAttr& a : c.attrs) {
        declare(AGRAPH, a.name, "");
        set(sub, AGRAPH, a);
      }
      clusters.push_back(sub);
    }

    nodes_.reserve(doc.nodes.size());
    for (const DotNode& n : doc.nodes) {
      Agnode_t* node = agnode(g_, cstr(n.name), 1);
      if (node == nullptr) fail("cannot create node " + n.name);
      if (n.cluster >= 0 && static_cast<std::size_t>(n.cluster) < clusters.size())
        agsubnode(clusters[static_cast<std::size_t>(n.cluster)], node, 1);
      for (const DotAttr& a : n.attrs) {
        declare(AGNODE, a.name, "");
        set(node, AGNODE, a);
      }
      nodes_.push_back(node);
    }
    for (const DotEdge& e : doc.edges) {
      if (e.tail >= nodes_.size() || e.head >= nodes_.size())
        throw graph::InvalidArgument("drawing: edge endpoint out of range");
      Agedge_t* edge = agedge(g_, nodes_[e.tail], nodes_[e.head], nullptr, 1);
      if (edge == nullptr) fail("cannot create edge");
      for (const DotAttr& a : e.attrs) {
        declare(AGEDGE, a.name, "");
        set(edge, AGEDGE, a);
      }
    }
  }

  ~CGraph() = default;
  CGraph(const CGraph&) = delete;
  CGraph& operator=(const CGraph&) = delete;

  Agraph_t* get() const noexcept { return g_; }
  const std::vector<Agnode_t*>& nodes() const noexcept { return nodes_; }

  void layout(GVC_t* gvc, Layout engine) {
    const std::string name(layout_name(engine));
    // gvLayout can return 0 after reporting an error (2.42: dot's "trouble in init_rank"),
    // leaving a layout that gvFreeLayout frees twice. So errors are read from agerrors(),
    // and a failed layout is not freed (its memory is lost; the graph itself is closed).
    agreseterrors();
    const int rc = gvLayout(gvc, g_, name.c_str());
    if (rc != 0 || agerrors() >= AGERR) fail("layout with " + name + " failed");
    owner_.gvc = gvc;  // from here on the layout is freed with the graph
  }

 private:
  Agsym_t* declare(int kind, const std::string& name, const std::string& def) {
    const auto key = std::make_pair(kind, name);
    if (auto it = syms_.find(key); it != syms_.end()) return it->second;
    Agsym_t* sym = agattr(g_, kind, cstr(name), nullptr);
    if (sym == nullptr) sym = agattr(g_, kind, cstr(name), cstr(def));
    if (sym == nullptr) fail("cannot declare attribute " + name);
    syms_.emplace(key, sym);
    return sym;
  }

  void set(void* obj, int kind, const DotAttr& a) {
    Agsym_t* sym = syms_.at({kind, a.name});
    if (a.html) {
      char* html = agstrdup_html(g_, cstr(a.value));
      agxset(obj, sym, html);
      agstrfree(g_, html);
    } else {
      agxset(obj, sym, cstr(a.value));
    }
  }

  struct KeyHash {
    std::size_t operator()(const std::pair<int, std::string>& k) const noexcept {
      return std::hash<std::string>()(k.second) ^ static_cast<std::size_t>(k.first);
    }
  };

  // Frees the layout (when there is one) and the graph, also when the constructor throws.
  struct Owner {
    Agraph_t* g = nullptr;
    GVC_t* gvc = nullptr;
    Owner() = default;
    Owner(const Owner&) = delete;
    Owner& operator=(const Owner&) = delete;
    ~Owner() {
      if (gvc != nullptr && g != nullptr) gvFreeLayout(gvc, g);
      if (g != nullptr) agclose(g);
    }
  };

  Owner owner_;
  Agraph_t*& g_ = owner_.g;
  std::vector<Agnode_t*> nodes_;
  std::unordered_map<std::pair<int, std::string>, Agsym_t*, KeyHash> syms_;
};

std::string_view device_of(ImageFormat f) {
  switch (f) {
    case ImageFormat::kSvg:
      return "svg";
    case ImageFormat::kPng:
      return "png:cairo";
    case ImageFormat::kPdf:
      return "pdf:cairo";
    case ImageFormat::kDot:
      return "dot";
  }
  return "svg";
}

}  // namespace

Renderer::Renderer() {
  on_graphviz(warnings_, [] { GraphvizThread::instance().context(); });
}

Renderer::~Renderer() = default;

void Renderer::write_dot(const DotDocument& doc, std::ostream& out) {
  on_graphviz(warnings_, [&] {
    CGraph g(doc);
    if (agwrite(g.get(), &out) != 0 || !out) fail("cannot write DOT");
  });
  if (!out) throw graph::Error("cannot write DOT: output stream failed");
}

std::string Renderer::render_document(const DotDocument& doc, Layout layout, ImageFormat format) {
  if (format == ImageFormat::kDot) {
    std::ostringstream out;
    io::write_dot(doc, out);
    return std::move(out).str();
  }
  // A bitmap of a big drawing would take gigabytes: PNG is scaled down to fit.
  DotDocument bounded;
  if (format == ImageFormat::kPng) {
    bounded = doc;
    bounded.graph_attrs.push_back({"dpi", std::to_string(kPngDpi)});
    const double inches = static_cast<double>(kMaxPngPixels) / kPngDpi;
    bounded.graph_attrs.push_back({"size", std::to_string(inches) + "," + std::to_string(inches)});
  }
  const DotDocument& drawn = format == ImageFormat::kPng ? bounded : doc;
  return on_graphviz(warnings_, [&] {
    CGraph g(drawn);
    GVC_t* gvc = GraphvizThread::instance().context();
    g.layout(gvc, layout);
    char* data = nullptr;
    unsigned int length = 0;
    const std::string device(device_of(format));
    if (gvRenderData(gvc, g.get(), device.c_str(), &data, &length) != 0 || data == nullptr) {
      if (data != nullptr) gvFreeRenderData(data);
      fail("cannot render " + std::string(image_format_name(format)) +
           (format == ImageFormat::kSvg ? "" : " (needs the cairo plugin of Debian's libgvc6)"));
    }
    std::string bytes(data, length);
    gvFreeRenderData(data);
    return bytes;
  });
}

std::string Renderer::render(const graph::Graph& g, ImageFormat format,
                             const RenderOptions& options) {
  const PreparedDrawing p = prepare_drawing(g, options);
  return render_document(p.doc, p.layout, format);
}

void Renderer::render_to_file(const graph::Graph& g, const std::string& path,
                              const RenderOptions& options) {
  const auto format = image_format_from_path(path);
  if (!format)
    throw graph::InvalidArgument(path +
                                 ": cannot tell the image format: use .svg, .png, .pdf or .dot");
  std::string bytes;
  try {
    bytes = render(g, *format, options);
  } catch (const graph::InvalidArgument&) {
    throw;
  } catch (const graph::Error& e) {
    throw graph::Error(path + ": " + e.what());  // "OUT.svg: graphviz: layout with dot failed"
  } catch (const std::bad_alloc&) {
    throw graph::Error(path + ": out of memory while drawing");
  }
  AtomicFile file(path);
  file.stream().write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  file.commit();
}

std::vector<NodeBox> Renderer::layout_boxes(const graph::Graph& g, const RenderOptions& options) {
  const PreparedDrawing p = prepare_drawing(g, options);
  return on_graphviz(warnings_, [&] {
    CGraph cg(p.doc);
    cg.layout(GraphvizThread::instance().context(), p.layout);
    std::vector<NodeBox> boxes;
    boxes.reserve(cg.nodes().size());
    for (std::size_t i = 0; i < cg.nodes().size(); ++i) {
      Agnode_t* n = cg.nodes()[i];
      boxes.push_back({p.doc.nodes[i].name, ND_coord(n).x, ND_coord(n).y, ND_width(n) * 72.0,
                       ND_height(n) * 72.0});
    }
    return boxes;
  });
}

std::vector<std::string> Renderer::available_formats() {
  return on_graphviz(warnings_, [&] {
    int count = 0;
    char** list = gvPluginList(GraphvizThread::instance().context(), "device", &count, nullptr);
    std::vector<std::string> formats;
    for (int i = 0; list != nullptr && i < count; ++i) {
      formats.emplace_back(list[i]);
      std::free(list[i]);
    }
    std::free(list);
    return formats;
  });
}

}  // namespace stakegraph::io
