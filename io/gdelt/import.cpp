// The GDELT importer (io/gdelt/gdelt.hpp: import_gdelt, and its two phases scan_gdelt and
// import_gdelt_scans): rows -> nodes, edges and evidence. The reader is in io/gdelt/gdelt.cpp.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>
#include <unordered_map>

#include "graph/error.hpp"
#include "io/error.hpp"
#include "io/gdelt/gdelt.hpp"
#include "io/gdelt/roles.hpp"
#include "io/gdelt/text.hpp"
#include "io/input.hpp"
#include "io/iso_codes.hpp"

namespace stakegraph::io {

namespace {

using graph::Date;
using graph::Kind;
using graph::kNoDate;
using graph::Relation;

using gdelt_text::all_digits;
using gdelt_text::iequals;

}  // namespace

// ---- importer -------------------------------------------------------------------------------

namespace {

// GLOBALEVENTIDs already imported: open addressing with linear probing (8 bytes a slot).
class EventIdSet {
 public:
  bool contains(std::uint64_t id) const noexcept {
    if (id == kEmpty) return has_max_;
    if (slots_.empty()) return false;
    for (std::size_t i = slot(id);; i = (i + 1) & mask_) {
      if (slots_[i] == id) return true;
      if (slots_[i] == kEmpty) return false;
    }
  }
  void insert(std::uint64_t id) {
    if (id == kEmpty) {
      has_max_ = true;
      return;
    }
    if ((size_ + 1) * 2 > slots_.size()) grow();
    for (std::size_t i = slot(id);; i = (i + 1) & mask_) {
      if (slots_[i] == id) return;
      if (slots_[i] == kEmpty) {
        slots_[i] = id;
        ++size_;
        return;
      }
    }
  }

 private:
  static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};
  std::size_t slot(std::uint64_t id) const noexcept {
    std::uint64_t h = id * 0x9E3779B97F4A7C15ull;
    return static_cast<std::size_t>(h ^ (h >> 31)) & mask_;
  }
  void grow() {
    std::vector<std::uint64_t> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, kEmpty);
    mask_ = slots_.size() - 1;
    size_ = 0;
    for (std::uint64_t id : old)
      if (id != kEmpty) insert(id);
  }
  std::vector<std::uint64_t> slots_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
  bool has_max_ = false;
};

constexpr std::string_view kRulePrefix = "gdelt:";
constexpr std::string_view kTextPrefix = "GDELT event ";

bool is_gdelt_evidence(const graph::Evidence& ev) noexcept {
  return ev.rule.size() >= kRulePrefix.size() &&
         std::string_view(ev.rule).substr(0, kRulePrefix.size()) == kRulePrefix;
}

std::string url_host(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (const std::size_t at = rest.rfind('@'); at != std::string_view::npos)
    rest = rest.substr(at + 1);
  rest = rest.substr(0, rest.find(':'));
  if (rest.size() > 4 && iequals(rest.substr(0, 4), "www.")) rest.remove_prefix(4);
  std::string host(rest);
  for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return host;
}

struct TransparentHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return std::hash<std::string_view>{}(s);
  }
};

class Importer {
 public:
  // kWhole: import_gdelt; kScan: steps 1-5, the rows that pass kept in `scanned`;
  // kReplay: steps 6-7 on scanned rows (their steps 1-5 already counted).
  enum class Mode { kWhole, kScan, kReplay };

  Importer(graph::Graph& g, const GdeltImportOptions& o, GdeltImportResult& r,
           Mode mode = Mode::kWhole, std::string* scanned = nullptr)
      : g_(g),
        o_(o),
        r_(r),
        tables_(o.tables ? *o.tables : CameoTables::builtin()),
        mode_(mode),
        scanned_(scanned) {
    for (const std::string& code : o.root_codes) {
      int v = 0;
      if (code.size() != 2 || !all_digits(code) || (v = std::stoi(code)) < 1 || v > 20)
        throw graph::InvalidArgument("--root-codes: '" + code +
                                     "' is not a CAMEO root code (two digits, 01 to 20)");
      roots_.insert(code);
    }
    // Events already in the graph (an earlier import) are not imported twice.
    for (auto [it, end] = boost::edges(g_.boost_graph()); it != end; ++it) {
      for (const graph::Evidence& ev : g_.edge(*it).evidence) {
        if (!is_gdelt_evidence(ev)) continue;
        std::string_view t = ev.text;
        if (t.substr(0, kTextPrefix.size()) != kTextPrefix) continue;
        t.remove_prefix(kTextPrefix.size());
        std::uint64_t id = 0;
        auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), id);
        if (ec == std::errc() && p != t.data()) event_ids_.insert(id);
      }
    }
  }

  void import_file(const std::string& path) {
    GdeltReader rd(path);
    ++r_.files;
    const std::uint64_t rows_before = r_.rows, malformed_before = r_.malformed_rows;
    first_malformed_ = {};
    GdeltReader::Status st;
    std::uint64_t since_progress = 0;
    auto report = [&] {
      if (o_.progress) o_.progress({rd.where(), r_.rows, rd.bytes_consumed(), rd.total_bytes()});
    };
    while (rd.next(st)) {
      ++r_.lines;
      switch (st) {
        case GdeltReader::Status::kHeader:
          ++r_.header_lines;
          continue;
        case GdeltReader::Status::kBlank:
          ++r_.blank_lines;
          continue;
        case GdeltReader::Status::kMalformed:
          ++r_.rows;
          malformed(rd, rd.error());
          break;
        case GdeltReader::Status::kEvent:
          ++r_.rows;
          row(rd);
          break;
      }
      if (++since_progress >= o_.progress_every) {
        since_progress = 0;
        report();
      }
    }
    report();
    if (o_.require_rows && r_.rows == rows_before)
      throw io::ParseError(path == "-" ? "<stdin>" : path, 0, 0,
                           "no GDELT event rows (empty file, or only a header)");
    if (o_.require_rows && r_.malformed_rows - malformed_before == r_.rows - rows_before)
      throw io::ParseError(
          first_malformed_.file, first_malformed_.line, 0,
          "not a GDELT event file, no row is well-formed (first: " + first_malformed_.reason + ")");
  }

  // Steps 6-7 on the rows a scan kept (Mode::kReplay).
  void import_scanned(const std::string& rows) {
    GdeltReader rd("<scanned GDELT rows>", rows);
    GdeltReader::Status st;
    while (rd.next(st)) {
      if (st != GdeltReader::Status::kEvent)
        throw graph::Error("a scanned GDELT row does not parse again: " + rd.error());
      row(rd);
    }
  }

 private:
  void malformed(const GdeltReader& rd, const std::string& reason) {
    if (o_.strict) throw io::ParseError(rd.where(), rd.line(), 0, reason);
    if (first_malformed_.file.empty()) first_malformed_ = {rd.where(), rd.line(), reason};
    ++r_.malformed_rows;
    if (r_.malformed.size() < o_.max_listed_malformed)
      r_.malformed.push_back({rd.where(), rd.line(), reason});
  }

  void row(const GdeltReader& rd) {
    const GdeltEvent& e = rd.event();
    const CameoTables::EventType type = tables_.event_type(e.event_code);
    if (!type.known) {
      malformed(rd, "unknown CAMEO event code '" + std::string(e.event_code) + "'");
      return;
    }
    if (mode_ != Mode::kReplay)
      (e.columns == 57 ? r_.rows_57 : e.columns == 58 ? r_.rows_58 : r_.rows_61)++;
    if ((o_.since != kNoDate && e.date < o_.since) || (o_.until != kNoDate && e.date > o_.until)) {
      ++r_.filtered_by_date;
      return;
    }
    if (!roots_.empty() && !roots_.count(std::string(e.event_code.substr(0, 2)))) {
      ++r_.filtered_by_root;
      return;
    }
    const bool p1 = e.actor1.present(), p2 = e.actor2.present();
    if (!p1 && !p2) {
      ++r_.no_actor_rows;
      return;
    }
    if (!p1 || !p2) {
      ++r_.one_actor_rows;
      return;
    }
    if (type.statement && !o_.keep_statements) {
      ++r_.statements_skipped;
      return;
    }
    if (mode_ == Mode::kScan) {
      scanned_->append(rd.text()).push_back('\n');
      return;
    }
    if (event_ids_.contains(e.event_id)) {
      ++r_.duplicate_rows;
      return;
    }
    const Relation relation = type.statement ? Relation::kRelatedTo : type.relation;
    double goldstein = 0.0;
    if (e.goldstein) {
      goldstein = *e.goldstein;
    } else if (auto gs = tables_.goldstein(e.event_code)) {
      goldstein = *gs;
    }

    std::uint32_t article = graph::kNoArticle;
    if (!e.source_url.empty()) {
      const std::size_t before = g_.articles().size();
      if (auto a = g_.find_article(e.source_url)) {
        article = *a;
      } else {
        graph::Article art;
        art.id = std::string(e.source_url);
        art.url = art.id;
        art.date = e.date_added;
        art.source = url_host(e.source_url);
        article = g_.add_article(std::move(art));
      }
      r_.articles_added += g_.articles().size() - before;
    }
    const Date article_date = article == graph::kNoArticle ? kNoDate : g_.articles()[article].date;

    const graph::NodeIndex s = actor_node(e.actor1, article, e.date);
    const graph::NodeIndex t = actor_node(e.actor2, article, e.date);
    const std::size_t edges_before = g_.edge_count();
    const graph::EdgeRef edge = g_.add_edge(s, t, relation);
    const bool added = g_.edge_count() > edges_before;
    graph::EdgeData& d = g_.edge_data(edge);

    // Running mean of the Goldstein scores of the edge's GDELT rows (see gdelt.hpp).
    const EdgeKey key{g_.source(edge), g_.target(edge), relation};
    auto [slot, first_touch] = edge_rows_.try_emplace(key, 0u);
    if (first_touch && !added) {
      for (const graph::Evidence& ev : d.evidence) slot->second += is_gdelt_evidence(ev);
    }
    const std::uint32_t n = slot->second;
    d.goldstein = n == 0 || !d.goldstein ? goldstein : (*d.goldstein * n + goldstein) / (n + 1);
    slot->second = n + 1;

    graph::Evidence ev;
    ev.article = article;
    ev.date = article_date == e.date ? kNoDate : e.date;
    ev.mentions = e.mentions;
    ev.sources = e.articles;
    ev.rule.reserve(kRulePrefix.size() + e.event_code.size());
    ev.rule.append(kRulePrefix).append(e.event_code);
    char id_buf[24];
    const auto id_end = std::to_chars(id_buf, id_buf + sizeof id_buf, e.event_id).ptr;
    ev.text.reserve(48);
    ev.text.append(kTextPrefix)
        .append(id_buf, static_cast<std::size_t>(id_end - id_buf))
        .append(", CAMEO ")
        .append(e.event_code);
    d.evidence.push_back(std::move(ev));
    if (d.first_seen == kNoDate || e.date < d.first_seen) d.first_seen = e.date;
    if (d.last_seen == kNoDate || e.date > d.last_seen) d.last_seen = e.date;

    event_ids_.insert(e.event_id);
    ++r_.imported_rows;
    if (type.statement) ++r_.statements_kept;
    if (added) {
      ++r_.edges_added;
    } else {
      ++r_.rows_merged;
    }
    if (s == t) ++r_.self_loops;
  }

  // The CAMEO country code of an actor (ActorCountryCode, else the code's first 3 letters
  // when they are a country) and its canonical name; empty when none resolves.
  std::pair<std::string, std::string> country_of(const GdeltActor& a) {
    auto resolve = [&](std::string_view cameo) -> std::optional<std::string> {
      if (cameo.size() != 3 ||
          !std::all_of(cameo.begin(), cameo.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
        return std::nullopt;
      const std::string iso(tables_.iso_alpha3(cameo));
      if (auto it = country_cache_.find(iso); it != country_cache_.end()) return it->second;
      std::optional<std::string> name =
          o_.lookup.country_name ? o_.lookup.country_name(iso) : iso_country_name(iso);
      country_cache_.emplace(iso, name);
      return name;
    };
    if (auto n = resolve(a.country)) return {std::string(a.country), *n};
    if (a.code.size() >= 3) {
      if (auto n = resolve(a.code.substr(0, 3))) return {std::string(a.code.substr(0, 3)), *n};
    }
    return {};
  }

  graph::NodeIndex node(const std::string& name, Kind kind, std::string_view cameo) {
    const std::size_t before = g_.node_count();
    const graph::NodeIndex v = g_.add_node(name, kind);
    if (g_.node_count() > before) {
      ++r_.nodes_added;
      if (!cameo.empty()) g_.set_attribute(v, "cameo", cameo);
    }
    return v;
  }

  graph::NodeIndex actor_node(const GdeltActor& a, std::uint32_t article, Date date) {
    key_.clear();
    for (std::string_view s :
         {a.code, a.name, a.country, a.known_group, a.type[0], a.type[1], a.type[2], a.geo}) {
      key_.append(s);
      key_.push_back('\x1f');
    }
    if (auto it = actors_.find(std::string_view(key_)); it != actors_.end()) return it->second;
    const graph::NodeIndex v = resolve_actor(a, article, date);
    actors_.emplace(key_, v);
    return v;
  }

  graph::NodeIndex resolve_actor(const GdeltActor& a, std::uint32_t article, Date date) {
    const auto [country_code, country] = country_of(a);
    // Role: the first known type code; without type codes, the 3-letter chunks of the code.
    const GdeltRole* role = nullptr;
    for (std::string_view t : a.type) {
      if (!t.empty() && (role = find_gdelt_role(t))) break;
    }
    if (!role && a.type[0].empty() && a.type[1].empty() && a.type[2].empty()) {
      for (std::size_t i = 0; i + 3 <= a.code.size() && !role; i += 3) {
        const std::string_view chunk = a.code.substr(i, 3);
        if (chunk != country_code) role = find_gdelt_role(chunk);
      }
    }
    const bool named = !a.known_group.empty() || (role && role->cls == GdeltRoleClass::kNamed);
    const std::string display = a.name.empty() ? std::string(a.code) : gdelt_title_case(a.name);

    // Governments come from the country code only: a lexicon's place names would turn the
    // US state "GEORGIA" into the country, or "WASHINGTON" police into a government.
    if (o_.lookup.entity && !a.name.empty()) {
      if (auto ent = o_.lookup.entity(a.name); ent && ent->kind != Kind::kGovernment)
        return node(ent->name, ent->kind, a.code);
    }
    if (named) return node(display, Kind::kOrganization, a.code);
    if (!country.empty()) {
      if (!role || role->cls == GdeltRoleClass::kGovernment)
        return node(country, Kind::kGovernment, country_code);
      const graph::NodeIndex v = node(country + " " + std::string(role->label), role->kind, a.code);
      if (role->cls == GdeltRoleClass::kAgency)
        part_of(v, node(country, Kind::kGovernment, country_code), a.code, article, date);
      return v;
    }
    if (!role) return node(display, Kind::kOrganization, a.code);
    // A generic role actor with no country code ("PRESIDENT" coded GOV, "POLICE" coded
    // COP): qualified by the country of its location, "United States: President", so that
    // every country's president does not become one "President" node.
    const std::string where = geo_country(a.geo);
    const std::string role_name = a.name.empty() ? gdelt_title_case(role->label) : display;
    const graph::NodeIndex v =
        node((where.empty() ? std::string("Unknown country") : where) + ": " + role_name,
             role->kind, a.code);
    if (!where.empty() && role->cls == GdeltRoleClass::kAgency)
      part_of(v, node(where, Kind::kGovernment, {}), a.code, article, date);
    return v;
  }

  // The country of an ActorGeo_FullName ("California, United States" -> "United States";
  // "Nassau, New Providence, Bahamas, The" -> "Bahamas"), by the lexicon's canonical name
  // when it knows the country; empty for an empty location.
  std::string geo_country(std::string_view full_name) {
    while (!full_name.empty() && full_name.back() == ' ') full_name.remove_suffix(1);
    auto last_part = [](std::string_view s) {
      const std::size_t comma = s.rfind(',');
      return comma == std::string_view::npos ? s : s.substr(comma + 1);
    };
    std::string_view last = last_part(full_name);
    if ((last == " The" || last == "The") && last.size() < full_name.size())
      last = last_part(full_name.substr(0, full_name.size() - last.size() - 1));
    while (!last.empty() && last.front() == ' ') last.remove_prefix(1);
    if (last.empty()) return {};
    if (o_.lookup.entity) {
      if (auto ent = o_.lookup.entity(last); ent && ent->kind == Kind::kGovernment)
        return ent->name;
    }
    return std::string(last);
  }

  // Adds `agency` part_of `gov` once, with the actor code as evidence.
  void part_of(graph::NodeIndex agency, graph::NodeIndex gov, std::string_view code,
               std::uint32_t article, Date date) {
    const std::size_t before = g_.edge_count();
    const graph::EdgeRef e = g_.add_edge(agency, gov, Relation::kPartOf);
    if (g_.edge_count() == before) return;
    ++r_.part_of_added;
    graph::Evidence ev;
    ev.article = article;
    ev.date = date;
    ev.rule = "gdelt-actor:" + std::string(code);
    ev.text = "CAMEO actor code " + std::string(code);
    g_.add_evidence(e, std::move(ev));
  }

  struct EdgeKey {
    graph::NodeIndex s, t;
    Relation r;
    bool operator==(const EdgeKey&) const = default;
  };
  struct EdgeKeyHash {
    std::size_t operator()(const EdgeKey& k) const noexcept {
      std::uint64_t h = (static_cast<std::uint64_t>(k.s) * 0x9E3779B97F4A7C15ull) ^
                        (static_cast<std::uint64_t>(k.t) + 0x632BE59BD9B4E019ull) ^
                        (static_cast<std::uint64_t>(k.r) << 58);
      return static_cast<std::size_t>(h ^ (h >> 29));
    }
  };

  graph::Graph& g_;
  const GdeltImportOptions& o_;
  GdeltImportResult& r_;
  const CameoTables& tables_;
  std::set<std::string> roots_;
  EventIdSet event_ids_;
  std::unordered_map<EdgeKey, std::uint32_t, EdgeKeyHash> edge_rows_;
  std::unordered_map<std::string, graph::NodeIndex, TransparentHash, std::equal_to<>> actors_;
  std::unordered_map<std::string, std::optional<std::string>> country_cache_;
  std::string key_;
  GdeltMalformedRow first_malformed_;  // of the current file
  Mode mode_;
  std::string* scanned_;
};

}  // namespace

GdeltImportResult import_gdelt(graph::Graph& g, const std::vector<std::string>& files,
                               const GdeltImportOptions& options) {
  GdeltImportResult result;
  Importer importer(g, options, result);
  for (const std::string& f : files) importer.import_file(f);
  return result;
}

GdeltScan scan_gdelt(const std::vector<std::string>& files, const GdeltImportOptions& options) {
  GdeltScan scan;
  graph::Graph unused;
  Importer importer(unused, options, scan.counts, Importer::Mode::kScan, &scan.rows);
  for (const std::string& f : files) importer.import_file(f);
  return scan;
}

GdeltImportResult import_gdelt_scans(graph::Graph& g, const std::function<bool(GdeltScan&)>& next,
                                     const GdeltImportOptions& options) {
  GdeltImportResult r;
  Importer importer(g, options, r, Importer::Mode::kReplay);
  GdeltScan scan;
  while (next(scan)) {
    const GdeltImportResult& c = scan.counts;
    r.files += c.files;
    r.lines += c.lines;
    r.header_lines += c.header_lines;
    r.blank_lines += c.blank_lines;
    r.rows += c.rows;
    r.rows_57 += c.rows_57;
    r.rows_58 += c.rows_58;
    r.rows_61 += c.rows_61;
    r.malformed_rows += c.malformed_rows;
    for (const GdeltMalformedRow& m : c.malformed)
      if (r.malformed.size() < options.max_listed_malformed) r.malformed.push_back(m);
    r.filtered_by_date += c.filtered_by_date;
    r.filtered_by_root += c.filtered_by_root;
    r.no_actor_rows += c.no_actor_rows;
    r.one_actor_rows += c.one_actor_rows;
    r.statements_skipped += c.statements_skipped;
    importer.import_scanned(scan.rows);
    scan = {};
  }
  return r;
}

}  // namespace stakegraph::io
