#include "graph/generate.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "graph/detail/random.hpp"
#include "graph/error.hpp"

namespace stakegraph::graph {
namespace {

using detail::splitmix64;

// xoshiro256** (Blackman and Vigna 2018).
class Rng final {
 public:
  explicit Rng(std::uint64_t seed) {
    for (auto& x : s_) x = splitmix64(seed);
  }
  std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
  std::uint64_t below(std::uint64_t bound) {  // [0, bound), unbiased
    const std::uint64_t threshold = (0 - bound) % bound;
    for (;;) {
      const std::uint64_t x = next();
      if (x >= threshold) return x % bound;
    }
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

// Walker's alias method: O(n) to build, O(1) per draw.
class AliasTable final {
 public:
  explicit AliasTable(const std::vector<double>& weights) {
    const std::size_t n = weights.size();
    prob_.assign(n, 0.0);
    alias_.assign(n, 0);
    double total = 0.0;
    for (double w : weights) total += w;
    std::vector<double> scaled(n);
    std::vector<std::uint32_t> small, large;
    for (std::size_t i = 0; i < n; ++i) {
      scaled[i] = weights[i] * static_cast<double>(n) / total;
      (scaled[i] < 1.0 ? small : large).push_back(static_cast<std::uint32_t>(i));
    }
    while (!small.empty() && !large.empty()) {
      const std::uint32_t s = small.back(), l = large.back();
      small.pop_back();
      prob_[s] = scaled[s];
      alias_[s] = l;
      scaled[l] -= 1.0 - scaled[s];
      if (scaled[l] < 1.0) {
        large.pop_back();
        small.push_back(l);
      }
    }
    for (std::uint32_t i : large) prob_[i] = 1.0;
    for (std::uint32_t i : small) prob_[i] = 1.0;  // rounding leftovers
  }
  std::uint32_t draw(Rng& rng) const {
    const auto i = static_cast<std::uint32_t>(rng.below(prob_.size()));
    return rng.uniform() < prob_[i] ? i : alias_[i];
  }

 private:
  std::vector<double> prob_;
  std::vector<std::uint32_t> alias_;
};

template <std::size_t N>
std::vector<double> checked_weights(const std::array<double, N>& w, const char* what) {
  std::vector<double> out(w.begin(), w.end());
  out[0] = 0.0;  // unspecified
  double total = 0.0;
  for (double x : out) {
    if (!(x >= 0.0) || !std::isfinite(x))
      throw InvalidArgument(std::string("generate: ") + what + " weights must be finite and >= 0");
    total += x;
  }
  if (!(total > 0.0))
    throw InvalidArgument(std::string("generate: ") + what + " weights are all 0");
  return out;
}

// Days since 1970-01-01 of a proleptic Gregorian date, and back.
std::int64_t days_from_date(Date d) {
  std::int64_t y = d / 10000;
  const std::int64_t m = (d / 100) % 100, day = d % 100;
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date date_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t day = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2);
  return static_cast<Date>(y * 10000 + m * 100 + day);
}

bool valid_date(Date d) {
  return d != kNoDate && parse_iso_date(format_iso_date(d)) == std::optional<Date>(d);
}

std::uint64_t self_loop_count(const GenerateOptions& o) {
  return static_cast<std::uint64_t>(std::llround(o.self_loop_share * static_cast<double>(o.edges)));
}

void check(const GenerateOptions& o) {
  if (o.edges > 0 && o.nodes < 2) throw InvalidArgument("generate: edges need at least 2 nodes");
  if (o.nodes >= (1u << 29)) throw InvalidArgument("generate: at most 2^29 - 1 nodes");
  if (!(o.exponent > 1.0) || !std::isfinite(o.exponent))
    throw InvalidArgument("generate: the power-law exponent must be > 1");
  if (!(o.evidence_mean >= 1.0) || !std::isfinite(o.evidence_mean))
    throw InvalidArgument("generate: evidence_mean must be >= 1");
  if (!(o.evidence_per_article >= 1.0) || !std::isfinite(o.evidence_per_article))
    throw InvalidArgument("generate: evidence_per_article must be >= 1");
  if (!valid_date(o.first_date) || !valid_date(o.last_date) || o.first_date > o.last_date)
    throw InvalidArgument("generate: first_date and last_date must be valid, in order");
  if (!(o.self_loop_share >= 0.0 && o.self_loop_share < 1.0))
    throw InvalidArgument("generate: self_loop_share must be in [0, 1)");
  if (o.min_degree > 1) throw InvalidArgument("generate: min_degree must be 0 or 1");
  const auto kinds = checked_weights(o.kind_weights, "kind");
  for (int k = 1; k < kKindCount; ++k) {
    const double h = o.kind_hub_weights[static_cast<std::size_t>(k)];
    if (kinds[static_cast<std::size_t>(k)] > 0.0 && !(h > 0.0 && std::isfinite(h)))
      throw InvalidArgument("generate: the hub weight of kind " +
                            std::string(kind_name(static_cast<Kind>(k))) +
                            " must be finite and > 0");
  }
  // Enough distinct (source, target, relation) triples? Symmetric relations count once per
  // unordered pair, the others once per ordered pair; self-loops once per node.
  const auto rel = checked_weights(o.relation_weights, "relation");
  const std::uint64_t loops = self_loop_count(o);
  const std::uint64_t others = o.edges - loops;
  const double pairs = static_cast<double>(o.nodes) * (o.nodes - 1.0);
  double capacity = 0.0, loop_capacity = 0.0;
  for (int r = 1; r < kRelationCount; ++r) {
    if (rel[static_cast<std::size_t>(r)] <= 0.0) continue;
    capacity += is_symmetric(static_cast<Relation>(r)) ? pairs / 2 : pairs;
    loop_capacity += o.nodes;
  }
  if (static_cast<double>(others) > capacity / 2)
    throw InvalidArgument("generate: too many edges for the nodes (at most half of the " +
                          std::to_string(static_cast<std::uint64_t>(capacity)) +
                          " possible edges)");
  if (static_cast<double>(loops) > loop_capacity / 2)
    throw InvalidArgument("generate: too many self-loops for the nodes (at most half of the " +
                          std::to_string(static_cast<std::uint64_t>(loop_capacity)) +
                          " possible self-loops)");
  if (o.min_degree == 1 && (o.nodes < 2 || others + 1 < o.nodes))
    throw InvalidArgument("generate: min_degree 1 needs at least 2 nodes and nodes - 1 = " +
                          std::to_string(o.nodes > 0 ? o.nodes - 1 : 0) +
                          " edges besides the self-loops (has " + std::to_string(others) + ")");
}

bool kinds_coupled(const GenerateOptions& o) {
  double first = 0.0;
  for (int k = 1; k < kKindCount; ++k) {
    const auto i = static_cast<std::size_t>(k);
    if (!(o.kind_weights[i] > 0.0)) continue;
    if (first == 0.0) first = o.kind_hub_weights[i];
    if (o.kind_hub_weights[i] != first) return true;
  }
  return false;
}

// Hands the drawn kinds to the nodes in fitness order (node 0 first) by weighted sampling
// without replacement: sort the nodes by u^(1 / hub weight of their kind), descending
// (Efraimidis and Spirakis 2006), on a log scale.
void couple_kinds_to_fitness(std::vector<Kind>& kinds, const std::array<double, kKindCount>& hub,
                             Rng& rng) {
  std::vector<std::pair<double, std::uint32_t>> order(kinds.size());
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    const double u = 1.0 - rng.uniform();  // (0, 1]
    order[i] = {std::log(u) / hub[static_cast<std::size_t>(kinds[i])],
                static_cast<std::uint32_t>(i)};
  }
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    return a.first > b.first || (a.first == b.first && a.second < b.second);
  });
  std::vector<Kind> handed(kinds.size());
  for (std::size_t r = 0; r < order.size(); ++r) handed[r] = kinds[order[r].second];
  kinds = std::move(handed);
}

std::uint64_t edge_key(std::uint32_t s, std::uint32_t t, Relation r) {
  return (static_cast<std::uint64_t>(s) << 34) | (static_cast<std::uint64_t>(t) << 5) |
         static_cast<std::uint64_t>(r);
}

// Adds keys made by `draw` to the sorted, distinct `keys` until it holds `target` of them:
// each round draws the missing ones, sorts them in and drops duplicates. Dense requests on
// hub-heavy graphs can saturate: give up after 50 rounds in a row without progress, or 2000
// rounds in all.
template <typename Draw>
void fill_distinct(std::vector<std::uint64_t>& keys, std::uint64_t target, const Draw& draw,
                   const GenerateOptions& o, const char* what) {
  int stalled = 0;
  for (int round = 0; keys.size() < target; ++round) {
    if (round == 2000 || stalled == 50)
      throw InvalidArgument("generate: cannot place " + std::to_string(target) + " distinct " +
                            what + " on " + std::to_string(o.nodes) +
                            " nodes (too dense for the degree distribution)");
    const std::size_t before = keys.size();
    const std::uint64_t want = target - keys.size();
    for (std::uint64_t i = 0; i < want; ++i) keys.push_back(draw());
    const auto middle = keys.begin() + static_cast<std::ptrdiff_t>(before);
    std::sort(middle, keys.end());
    std::inplace_merge(keys.begin(), middle, keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    stalled = keys.size() == before ? stalled + 1 : 0;
  }
}

}  // namespace

std::array<double, kKindCount> default_kind_weights() {
  std::array<double, kKindCount> w{};
  w[static_cast<int>(Kind::kGovernment)] = 0.34;
  w[static_cast<int>(Kind::kOrganization)] = 0.22;
  w[static_cast<int>(Kind::kPerson)] = 0.14;
  w[static_cast<int>(Kind::kAgency)] = 0.10;
  w[static_cast<int>(Kind::kMedia)] = 0.06;
  w[static_cast<int>(Kind::kVendor)] = 0.06;
  w[static_cast<int>(Kind::kOperator)] = 0.04;
  w[static_cast<int>(Kind::kAllegation)] = 0.04;
  return w;
}

std::array<double, kRelationCount> default_relation_weights() {
  std::array<double, kRelationCount> w{};
  auto set = [&](Relation r, double x) { w[static_cast<int>(r)] = x; };
  // Events: verbal cooperation and complaint dominate news event data.
  set(Relation::kConsult, 0.22);
  set(Relation::kRequest, 0.09);
  set(Relation::kAccuse, 0.08);
  set(Relation::kSupport, 0.07);
  set(Relation::kCooperate, 0.06);
  set(Relation::kAgree, 0.05);
  set(Relation::kAid, 0.04);
  set(Relation::kReject, 0.04);
  set(Relation::kAssault, 0.04);
  set(Relation::kCoerce, 0.03);
  set(Relation::kThreaten, 0.03);
  set(Relation::kProtest, 0.03);
  set(Relation::kSanction, 0.02);
  set(Relation::kMobilize, 0.02);
  set(Relation::kConcede, 0.01);
  set(Relation::kRetreat, 0.01);
  // Standing ties.
  set(Relation::kReports, 0.03);
  set(Relation::kSupplies, 0.02);
  set(Relation::kPartOf, 0.02);
  set(Relation::kMemberOf, 0.02);
  set(Relation::kOwns, 0.01);
  set(Relation::kAlliedWith, 0.01);
  set(Relation::kLinkedTo, 0.01);
  set(Relation::kOperatesIn, 0.01);
  set(Relation::kImplicates, 0.01);
  set(Relation::kRelatedTo, 0.01);
  return w;
}

std::array<double, kKindCount> uniform_kind_hub_weights() {
  std::array<double, kKindCount> w{};
  w.fill(1.0);
  return w;
}

GeneratedEdges generate_edges(const GenerateOptions& o) {
  check(o);
  GeneratedEdges out;
  out.nodes = o.nodes;
  Rng rng(o.seed);
  const AliasTable kinds(checked_weights(o.kind_weights, "kind"));
  out.kinds.resize(o.nodes);
  for (auto& k : out.kinds) k = static_cast<Kind>(kinds.draw(rng));
  if (kinds_coupled(o)) couple_kinds_to_fitness(out.kinds, o.kind_hub_weights, rng);
  if (o.edges == 0) return out;

  std::vector<double> fitness(o.nodes);
  const double alpha = 1.0 / (o.exponent - 1.0);
  for (std::uint32_t i = 0; i < o.nodes; ++i) fitness[i] = std::pow(i + 1.0, -alpha);
  const AliasTable nodes(fitness);
  fitness = {};
  const AliasTable relations(checked_weights(o.relation_weights, "relation"));
  const std::uint64_t loops = self_loop_count(o);

  std::vector<std::uint64_t> keys;
  keys.reserve(o.edges);
  if (o.min_degree == 1) {
    // Every node without an edge yet gets one to a fitness-drawn partner. Each such edge has
    // a node new to the edge set, so these keys are distinct.
    std::vector<bool> has_edge(o.nodes, false);
    for (std::uint32_t v = 0; v < o.nodes; ++v) {
      if (has_edge[v]) continue;
      std::uint32_t u = nodes.draw(rng);
      while (u == v) u = nodes.draw(rng);
      has_edge[v] = has_edge[u] = true;
      const auto r = static_cast<Relation>(relations.draw(rng));
      std::uint32_t s = v, t = u;
      if (rng.next() >> 63) std::swap(s, t);
      if (is_symmetric(r) && t < s) std::swap(s, t);
      keys.push_back(edge_key(s, t, r));
    }
    std::sort(keys.begin(), keys.end());
  }
  fill_distinct(
      keys, o.edges - loops,
      [&] {
        std::uint32_t s = nodes.draw(rng), t = nodes.draw(rng);
        while (s == t) t = nodes.draw(rng);
        const auto r = static_cast<Relation>(relations.draw(rng));
        if (is_symmetric(r) && t < s) std::swap(s, t);
        return edge_key(s, t, r);
      },
      o, "edges");
  if (loops > 0) {
    std::vector<std::uint64_t> loop_keys;
    loop_keys.reserve(loops);
    fill_distinct(
        loop_keys, loops,
        [&] {
          const std::uint32_t v = nodes.draw(rng);
          return edge_key(v, v, static_cast<Relation>(relations.draw(rng)));
        },
        o, "self-loops");
    const auto middle = keys.insert(keys.end(), loop_keys.begin(), loop_keys.end());
    std::inplace_merge(keys.begin(), middle, keys.end());
  }
  out.edges.resize(keys.size());
  out.relations.resize(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    out.edges[i] = {static_cast<std::uint32_t>(keys[i] >> 34),
                    static_cast<std::uint32_t>((keys[i] >> 5) & ((1ull << 29) - 1))};
    out.relations[i] = static_cast<Relation>(keys[i] & 31);
  }
  return out;
}

Graph generate_graph(const GenerateOptions& o) {
  const GeneratedEdges ge = generate_edges(o);
  Rng rng(o.seed ^ 0xA5A5A5A5DEADBEEFull);  // evidence: a second stream, same seed
  Graph g;
  g.reserve_nodes(o.nodes);
  for (std::uint32_t i = 0; i < o.nodes; ++i) {
    std::string name(kind_name(ge.kinds[i]));
    name[0] = static_cast<char>(name[0] - 'a' + 'A');
    g.add_node_with_id("n" + std::to_string(i), name + " " + std::to_string(i), ge.kinds[i]);
  }
  // Articles: enough for evidence_per_article items each, dated uniformly in the range.
  const double extra_mean = o.evidence_mean - 1.0;
  const double stop = 1.0 / (1.0 + extra_mean);  // geometric: P(no further item)
  const auto article_count = static_cast<std::uint64_t>(std::max(
      1.0,
      std::ceil(static_cast<double>(ge.edges.size()) * o.evidence_mean / o.evidence_per_article)));
  if (article_count >= kNoArticle) throw InvalidArgument("generate: too many articles");
  const std::int64_t day0 = days_from_date(o.first_date);
  const std::int64_t span = days_from_date(o.last_date) - day0 + 1;
  for (std::uint64_t a = 0; a < article_count; ++a) {
    Article art;
    art.id = "a" + std::to_string(a);
    art.title = "Synthetic article " + std::to_string(a);
    art.date = date_from_days(day0 + static_cast<std::int64_t>(rng.below(span)));
    art.source = "generate";
    g.add_article(std::move(art));
  }
  const std::uint64_t total = ge.edges.size();
  const std::uint64_t step = std::max<std::uint64_t>(1, total / 100);
  for (std::uint64_t i = 0; i < total; ++i) {
    const auto [s, t] = ge.edges[i];
    EdgeData d;
    d.relation = ge.relations[i];
    d.sign = static_cast<std::int8_t>(relation_sign(d.relation));
    std::uint32_t items = 1;
    while (items < 1000 && rng.uniform() >= stop) ++items;
    d.evidence.reserve(items);
    const auto first_sentence = static_cast<std::uint32_t>(rng.below(40));
    for (std::uint32_t k = 0; k < items; ++k) {
      Evidence e;
      e.article = static_cast<std::uint32_t>(rng.below(article_count));
      e.sentence = first_sentence + k;  // distinct per edge: no duplicate evidence
      e.start = e.sentence * 120;
      e.end = e.start + 80;
      e.rule = "generate";
      if (o.evidence_text) {
        e.text = g.node(s).name + " " + std::string(relation_name(d.relation)) + " " +
                 g.node(t).name + ".";
      }
      const Date date = g.articles()[e.article].date;
      if (d.first_seen == kNoDate || date < d.first_seen) d.first_seen = date;
      if (d.last_seen == kNoDate || date > d.last_seen) d.last_seen = date;
      d.evidence.push_back(std::move(e));
    }
    g.append_edge_unchecked(s, t, std::move(d));
    if (o.progress && (i + 1) % step == 0) o.progress(i + 1, total);
  }
  if (o.progress) o.progress(total, total);
  return g;
}

GenerateOptions gdelt_profile(std::uint64_t edges, std::uint64_t seed) {
  // Fitted by bench/calibrate_generator.cpp on the GDELT sample (../shared/data/gdelt: the
  // 710-row 1.0 file and the 7-row 2.0 excerpt, imported with the shipped lexicon: 254 nodes,
  // 409 edges), which prints these values. Shares are the sample's; the hub weights and the
  // exponent are fitted (see the header).
  struct KindFit {
    const char* name;
    double share, hub;
  };
  struct RelationFit {
    const char* name;
    double share;
  };
  static constexpr KindFit kKinds[] = {
      {"government", 0.401575, 1.000000},
      {"agency", 0.161417, 0.249297},
      {"media", 0.055118, 0.055452},
      {"organization", 0.381890, 0.094719},
  };
  static constexpr RelationFit kRelations[] = {
      {"AGREE", 0.066015},    {"CONSULT", 0.295844},   {"SUPPORT", 0.070905},
      {"CONCEDE", 0.019560},  {"COOPERATE", 0.024450}, {"AID", 0.019560},
      {"RETREAT", 0.041565},  {"REQUEST", 0.112469},   {"ACCUSE", 0.095355},
      {"REJECT", 0.031785},   {"THREATEN", 0.012225},  {"PROTEST", 0.007335},
      {"SANCTION", 0.014670}, {"MOBILIZE", 0.012225},  {"COERCE", 0.061125},
      {"ASSAULT", 0.090465},  {"part_of", 0.024450},
  };
  GenerateOptions o;
  o.edges = edges;
  o.seed = seed;
  o.nodes = static_cast<std::uint32_t>(
      std::max<long long>(2, std::llround(static_cast<double>(edges) * kGdeltNodesPerEdge)));
  o.exponent = 1.90;
  o.min_degree = 1;
  o.self_loop_share = 0.039120;  // 16 of the 409 edges
  o.evidence_mean = 1.0318;      // 422 evidence items on 409 edges
  o.kind_weights.fill(0.0);
  o.kind_hub_weights.fill(1.0);
  o.relation_weights.fill(0.0);
  for (const KindFit& k : kKinds) {
    const auto i = static_cast<std::size_t>(*parse_kind(k.name));
    o.kind_weights[i] = k.share;
    o.kind_hub_weights[i] = k.hub;
  }
  for (const RelationFit& r : kRelations)
    o.relation_weights[static_cast<std::size_t>(*parse_relation(r.name))] = r.share;
  return o;
}

void set_kind_hub_weight(GenerateOptions& options, std::string_view spec) {
  const std::string kw(spec);
  const auto eq = kw.find('=');
  const auto kind = parse_kind(kw.substr(0, eq == std::string::npos ? kw.size() : eq));
  double w = 0.0;
  std::size_t used = 0;
  bool number = false;
  if (eq != std::string::npos) {
    try {
      w = std::stod(kw.substr(eq + 1), &used);
      number = used == kw.size() - eq - 1;
    } catch (const std::exception&) {
      number = false;
    }
  }
  if (!kind || kind == Kind::kUnspecified || !number)
    throw InvalidArgument(kw +
                          ": expected KIND=WEIGHT with a kind name (government, "
                          "organization, ...) and a number > 0");
  options.kind_hub_weights[static_cast<std::size_t>(*kind)] = w;
}

}  // namespace stakegraph::graph
