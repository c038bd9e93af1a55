// The evidence and article frames of a `.sgpb` file of format version 3 read for a few edges
// (io/formats/sgpb_v3_tables.hpp: read_evidence, read_cited_articles; io/formats/sgpb_v3.hpp:
// load_sgpb_edge_evidence).
#include <algorithm>
#include <limits>
#include <string>
#include <unordered_set>
#include <vector>

#include <google/protobuf/stubs/logging.h>

#include "io/formats/proto_convert.hpp"
#include "io/formats/sgpb_v3_tables.hpp"

namespace stakegraph::io {
namespace detail {

std::vector<FrameAt> frames_of(const V3File& v3) {
  std::vector<FrameAt> out;
  std::uint64_t at = v3.after_header;
  for (int i = 1; i < static_cast<int>(v3.footer.frame_count()); ++i) {
    const std::uint32_t length = v3.footer.frame_lengths(i);
    out.push_back({at, length, static_cast<unsigned char>(v3.footer.frame_kinds()[i])});
    at += 8 + static_cast<std::uint64_t>(length);
  }
  return out;
}

namespace {

// The `first` item number of an evidence frame, from the first bytes of its payload (the
// frame's body, field 8, whose field 1 comes first when it is not 0); checked again when
// the frame is read whole. Throws io::ParseError.
std::uint64_t peek_first(File& file, const FrameAt& f) {
  unsigned char head[32];
  const std::size_t n = std::min<std::size_t>(sizeof head, f.length);
  if (!file.read(f.offset + 8, reinterpret_cast<char*>(head), n))
    fail(file.name(), f.offset,
         "truncated file: frame of " + std::to_string(f.length) + " bytes cut short");
  const unsigned char* p = head;
  const unsigned char* end = head + n;
  std::uint64_t tag = 0, len = 0, first = 0;
  if (!varint(p, end, tag) || tag != (pb::Frame::kEvidence << 3 | 2) || !varint(p, end, len))
    fail(file.name(), f.offset, "corrupted frame: cannot decode payload");
  if (p < end && *p == (1 << 3 | 0)) {
    ++p;
    if (!varint(p, end, first))
      fail(file.name(), f.offset, "corrupted frame: cannot decode payload");
  }
  return first;
}

}  // namespace

bool wire_items(const std::string& payload, std::uint32_t item, WireItems& out) {
  const unsigned char *p = nullptr, *end = nullptr;
  out.first = 0;
  out.items.clear();
  return body_of(payload, p, end) &&
         for_each_field(p, end, [&](std::uint64_t field, std::uint64_t v, const unsigned char* d) {
           if (d != nullptr && field == item) out.items.emplace_back(d, v);
           if (d == nullptr && field == 1) out.first = v;
         });
}

void read_evidence(File& file, const V3File& v3, const std::vector<FrameAt>& frames,
                   std::vector<EvidenceWant>& wants, std::unordered_set<std::string>& cited) {
  const pb::Header& h = v3.header;
  const std::string& name = file.name();
  std::string payload;
  pb::Frame frame;
  WireItems items;
  std::vector<const FrameAt*> chunks;
  std::vector<std::uint64_t> firsts;
  for (const FrameAt& f : frames)
    if (f.body == pb::Frame::kEvidence) {
      const std::uint64_t first = peek_first(file, f);
      if ((firsts.empty() && first != 0) || (!firsts.empty() && first <= firsts.back()) ||
          first >= h.evidence_count()) {
        // Out of order: the chunk before is checked first (its damage is named, if any).
        if (!chunks.empty())
          file.frame(chunks.back()->offset, chunks.back()->length, payload, frame,
                     [&](const std::string& p) {
                       check_items(p, pb::Frame::kEvidence, firsts.back(), h.evidence_count());
                     });
        fail(name, f.offset,
             "corrupted frame: evidence chunk starts at item " + std::to_string(first) +
                 ", out of order");
      }
      chunks.push_back(&f);
      firsts.push_back(first);
    }
  std::size_t next = 0;  // the first wants edge whose evidence is not all read
  for (std::size_t c = 0; c < chunks.size() && next < wants.size(); ++c) {
    const std::uint64_t from = firsts[c];
    const std::uint64_t to = c + 1 < chunks.size() ? firsts[c + 1] : h.evidence_count();
    while (next < wants.size() &&
           (wants[next].skip || wants[next].first + wants[next].count <= from))
      ++next;
    if (next == wants.size() || wants[next].first >= to) continue;
    const FrameAt& f = *chunks[c];
    // The chunk's wire is walked and only the items wanted are decoded (a frame holds tens
    // of thousands; the CRC covers them all).
    file.checked(f.offset, f.length, payload);
    try {
      check_items(payload, f.body, from, h.evidence_count());
      if (static_cast<unsigned char>(payload[0]) >> 3 != pb::Frame::kEvidence)
        throw graph::InvalidArgument("not what the footer's frame index says");
      if (!wire_items(payload, 2, items)) throw graph::InvalidArgument("cannot decode payload");
      if (items.first != from)
        throw graph::InvalidArgument("evidence chunk starts at item " +
                                     std::to_string(items.first) + ", expected " +
                                     std::to_string(from));
    } catch (const graph::Error& e) {
      fail(name, f.offset, std::string("corrupted frame: ") + e.what());
    }
    const std::uint64_t ends = from + items.items.size();
    if (ends != to) {
      // The next chunk does not start where this one ends: the next one is at fault (as the
      // whole load says), after its own checks.
      if (c + 1 == chunks.size())
        fail(name, f.offset,
             "corrupted frame: the evidence chunks end at item " + std::to_string(ends) +
                 ", the header declares " + std::to_string(to));
      pb::Frame next_frame;
      std::string next_payload;
      file.frame(chunks[c + 1]->offset, chunks[c + 1]->length, next_payload, next_frame,
                 [&](const std::string& p) {
                   check_items(p, pb::Frame::kEvidence, to, h.evidence_count());
                 });
      fail(name, chunks[c + 1]->offset,
           "corrupted frame: evidence chunk starts at item " + std::to_string(to) + ", expected " +
               std::to_string(ends));
    }
    for (std::size_t k = next; k < wants.size() && wants[k].first < to; ++k) {
      EvidenceWant& e = wants[k];
      if (e.skip) continue;
      const std::uint64_t lo = std::max(e.first, from);
      const std::uint64_t hi = std::min(e.first + e.count, to);
      for (std::uint64_t item = lo; item < hi; ++item) {
        const auto [d, n] = items.items[item - from];
        pb::Evidence x;
        google::protobuf::LogSilencer quiet;
        if (n > static_cast<std::uint64_t>(std::numeric_limits<int>::max()) ||
            !x.ParseFromArray(d, static_cast<int>(n)))
          fail(name, f.offset, "corrupted frame: cannot decode payload");
        if (!x.article().empty()) cited.insert(x.article());
        e.evidence.push_back(std::move(x));
      }
    }
  }
}

void read_cited_articles(File& file, const V3File& v3, const std::vector<FrameAt>& frames,
                         const std::unordered_set<std::string>& cited, graph::Graph& g) {
  const pb::Header& h = v3.header;
  const std::string& name = file.name();
  std::string payload;
  pb::Frame frame;
  std::uint64_t articles = 0;
  for (const FrameAt& f : frames) {
    if (f.body != pb::Frame::kArticles || cited.empty()) continue;
    file.frame(f.offset, f.length, payload, frame,
               [&](const std::string& p) { check_items(p, f.body, articles, h.article_count()); });
    try {
      if (frame.body_case() != pb::Frame::kArticles)
        throw graph::InvalidArgument("not what the footer's frame index says");
      for (const pb::Article& a : frame.articles().articles())
        if (cited.count(a.id())) g.add_article(from_proto(a));
      articles += static_cast<std::uint64_t>(frame.articles().articles_size());
    } catch (const graph::Error& e) {
      fail(name, f.offset, std::string("corrupted frame: ") + e.what());
    }
  }
}

}  // namespace detail

using namespace detail;

void load_sgpb_evidence_ranges(const std::string& path, const std::array<std::uint64_t, 3>& counts,
                               std::vector<EvidenceRange> edges, graph::Graph& g) {
  File file(path);
  V3File v3;
  std::uint32_t version = 0;
  if (!open_v3(file, v3, version) || v3.header.node_count() != counts[0] ||
      v3.header.edge_count() != counts[1] || v3.header.evidence_count() != counts[2])
    fail(file.name(), 0, "the file changed while it was read");
  std::stable_sort(edges.begin(), edges.end(), [](const EvidenceRange& a, const EvidenceRange& b) {
    return a.first < b.first;
  });
  std::vector<EvidenceWant> wants;
  for (const EvidenceRange& e : edges) {
    if (e.first + e.count > counts[2])
      throw graph::InvalidArgument("load_sgpb_evidence_ranges: items out of range");
    wants.push_back({e.first, e.count, false, {}});
  }
  std::unordered_set<std::string> cited;
  read_evidence(file, v3, frames_of(v3), wants, cited);
  read_cited_articles(file, v3, frames_of(v3), cited, g);
  for (std::size_t k = 0; k < edges.size(); ++k) {
    graph::EdgeData& d = g.edge_data(edges[k].edge);
    d.evidence.clear();
    d.unloaded_evidence = 0;
    for (const pb::Evidence& x : wants[k].evidence) d.evidence.push_back(evidence_from_proto(g, x));
  }
}

void load_sgpb_edge_evidence(const std::string& path, const TopologyArrays& t,
                             std::vector<std::pair<std::uint64_t, graph::EdgeRef>> edges,
                             graph::Graph& g) {
  std::sort(edges.begin(), edges.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<EvidenceRange> ranges;
  std::uint64_t first = 0;
  std::size_t next = 0;
  for (std::uint64_t i = 0; i < t.edge_count() && next < edges.size(); ++i) {
    for (; next < edges.size() && edges[next].first == i; ++next)
      ranges.push_back({first, t.evidence[i], edges[next].second});
    first += t.evidence[i];
  }
  if (next != edges.size())
    throw graph::InvalidArgument("load_sgpb_edge_evidence: edge out of range");
  load_sgpb_evidence_ranges(path, {t.node_count(), t.edge_count(), t.evidence_count},
                            std::move(ranges), g);
}

}  // namespace stakegraph::io
