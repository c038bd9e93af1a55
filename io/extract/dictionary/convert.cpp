#include "io/extract/dictionary/convert.hpp"

#include <filesystem>
#include <system_error>
#include <utility>

#include "graph/error.hpp"
#include "io/atomic_file.hpp"

namespace stakegraph::io::extract::dictionary {

std::string with_source_note(std::string tsv, const std::vector<std::string>& sources) {
  std::string names;
  for (const auto& p : sources) {
    if (!names.empty()) names += ", ";
    names += std::filesystem::path(p).filename().string();
  }
  const std::size_t nl = tsv.find('\n');
  const std::string note =
      "# Derived by `stakegraph dictionary convert` from " + names +
      " (PETRARCH 2 dictionaries, Open Event Data Alliance, MIT licence: see README.md and "
      "LICENSE beside this file).\n";
  tsv.insert(nl == std::string::npos ? tsv.size() : nl + 1, note);
  return tsv;
}

ConvertResult convert_dictionaries(const ConvertOptions& o) {
  namespace fs = std::filesystem;
  if (o.output_dir.empty()) throw graph::InvalidArgument("dictionary convert: no output directory");
  if (o.verbs.empty() && o.actors.empty() && o.agents.empty() && o.discards.empty())
    throw graph::InvalidArgument("dictionary convert: no dictionary to convert");
  std::error_code ec;
  if (fs::exists(o.output_dir, ec) && !fs::is_directory(o.output_dir, ec))
    throw graph::InvalidArgument(o.output_dir + ": not a directory");
  // Read everything first: a bad input writes nothing.
  ConvertResult r;
  std::vector<std::string> texts;
  auto add = [&](const char* name, std::string text) {
    r.files.push_back({(fs::path(o.output_dir) / name).string(), text.size()});
    texts.push_back(std::move(text));
  };
  if (!o.verbs.empty()) {
    r.verbs = read_verbs(o.verbs, o.read);
    add(kShippedVerbs, with_source_note(write_verbs_tsv(*r.verbs), {o.verbs}));
  }
  if (!o.actors.empty()) {
    r.actors = read_actors(o.actors, o.read);
    add(kShippedActors, with_source_note(write_actors_tsv(*r.actors), o.actors));
  }
  if (!o.agents.empty()) {
    r.agents = read_agents(o.agents, o.read);
    add(kShippedAgents, with_source_note(write_agents_tsv(*r.agents), o.agents));
  }
  if (!o.discards.empty()) {
    r.discards = read_discards(o.discards, o.read);
    add(kShippedDiscards, with_source_note(write_discards_tsv(*r.discards), o.discards));
  }
  fs::create_directories(o.output_dir, ec);
  if (ec) throw graph::Error(o.output_dir + ": cannot create directory: " + ec.message());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    AtomicFile f(r.files[i].path);
    f.stream() << texts[i];
    f.commit();
  }
  return r;
}

}  // namespace stakegraph::io::extract::dictionary
