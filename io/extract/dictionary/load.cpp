// The shipped dictionary set and user files: finding, detecting the kind, loading.
#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>

#include "graph/error.hpp"
#include "io/error.hpp"
#include "io/extract/dictionary/dictionary.hpp"
#include "io/extract/dictionary/text.hpp"

namespace stakegraph::io::extract::dictionary {

namespace fs = std::filesystem;

Kind detect_kind(const std::string& path, std::string_view content) {
  if (auto k = text::derived_kind(content)) return *k;
  std::string name = text::lower(fs::path(path).filename().string());
  for (auto [word, kind] :
       std::array<std::pair<const char*, Kind>, 4>{{{"verb", Kind::kVerbs},
                                                    {"actor", Kind::kActors},
                                                    {"agent", Kind::kAgents},
                                                    {"discard", Kind::kDiscards}}})
    if (name.find(word) != std::string::npos) return kind;
  bool agent = false, actor = false;
  text::Lines lines(content);
  std::string_view l;
  std::uint64_t no = 0;
  while (lines.next(l, no)) {
    if (l.substr(0, 3) == "---" ||
        (l.size() > 1 && l[0] == '-' && l.find('*') != l.npos && l.find('[') != l.npos))
      return Kind::kVerbs;
    if (l.find("[~") != l.npos || l.find("~]") != l.npos) agent = true;
    if (l.find('[') != l.npos) actor = true;
  }
  if (agent) return Kind::kAgents;
  if (actor) return Kind::kActors;
  return Kind::kDiscards;
}

std::string default_dictionary_dir() {
  if (const char* env = std::getenv("STAKEGRAPH_DATA")) {
    fs::path p = fs::path(env) / "dictionaries";
    if (fs::is_directory(p)) return p.string();
  }
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path dir = exe.parent_path();
    for (int up = 0; up < 5 && !dir.empty(); ++up) {
      fs::path p = dir / "share" / "stakegraph" / "dictionaries";
      if (fs::is_directory(p, ec)) return p.string();
      if (dir == dir.parent_path()) break;
      dir = dir.parent_path();
    }
  }
  return {};
}

Dictionaries load_dictionaries(const LoadOptions& options) {
  Dictionaries d;
  // User files by kind, read once (the kind may need the content).
  std::array<std::vector<std::pair<std::string, std::string>>, 4> user;
  for (const auto& f : options.files) {
    std::string content = text::read_file(f);
    const Kind k = detect_kind(f, content);
    if (k == Kind::kVerbs && !user[0].empty())
      throw graph::InvalidArgument(f + ": a second verbs dictionary (after " + user[0][0].first +
                                   "); give one verbs file");
    user[static_cast<std::size_t>(k)].emplace_back(f, std::move(content));
  }
  d.user_verbs = !user[0].empty();
  std::string dir;
  if (options.shipped) {
    dir = options.data_dir.empty() ? default_dictionary_dir() : options.data_dir;
    if (dir.empty() || !fs::is_directory(dir))
      throw graph::NotFound((dir.empty() ? std::string("share/stakegraph/dictionaries") : dir) +
                            ": shipped dictionary directory not found (set STAKEGRAPH_DATA)");
  }
  auto sources = [&](Kind k, const char* shipped) {
    std::vector<std::pair<std::string, std::string>> out;
    auto& u = user[static_cast<std::size_t>(k)];
    if (!u.empty()) {
      out = std::move(u);
    } else if (options.shipped) {
      const std::string p = (fs::path(dir) / shipped).string();
      out.emplace_back(p, text::read_file(p));
    }
    for (const auto& [p, c] : out) d.files.push_back(p);
    return out;
  };
  // A file that yields nothing (empty, comments only) is refused: it is not what was meant.
  auto none = [](const std::string& p, Kind k) {
    throw io::ParseError(
        p, 0, 0, "no " + std::string(kind_name(k)) + " entries (an empty or comment-only file)");
  };
  for (const auto& [p, c] : sources(Kind::kVerbs, kShippedVerbs)) {
    d.verbs = parse_verbs(c, p, options.read);
    if (d.verbs.verb_forms().empty()) none(p, Kind::kVerbs);
  }
  for (const auto& [p, c] : sources(Kind::kActors, kShippedActors)) {
    const std::size_t before = d.actors.phrase_count();
    parse_actors_into(d.actors, c, p, options.read);
    if (d.actors.phrase_count() == before && d.actors.duplicate_phrases() == 0)
      none(p, Kind::kActors);
  }
  for (const auto& [p, c] : sources(Kind::kAgents, kShippedAgents)) {
    const std::size_t before = d.agents.entries().size();
    parse_agents_into(d.agents, c, p, options.read);
    if (d.agents.entries().size() == before && d.agents.warnings().empty()) none(p, Kind::kAgents);
  }
  for (const auto& [p, c] : sources(Kind::kDiscards, kShippedDiscards)) {
    DiscardList one = parse_discards(c, p, options.read);
    if (one.entries().empty()) none(p, Kind::kDiscards);
    for (const auto& e : one.entries()) d.discards.add(e);
  }
  return d;
}

}  // namespace stakegraph::io::extract::dictionary
