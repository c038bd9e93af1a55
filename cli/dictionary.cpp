#include "cli/dictionary.hpp"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "graph/error.hpp"
#include "graph/ontology.hpp"
#include "io/extract/dictionary/convert.hpp"
#include "io/extract/dictionary/dictionary.hpp"
#include "io/extract/dictionary/lookup.hpp"
#include "io/extract/dictionary/plover.hpp"
#include "io/extract/tagger.hpp"
#include "io/extract/wordnet.hpp"
#include "io/extract_text.hpp"

namespace stakegraph::cli {
namespace {

namespace dict = io::extract::dictionary;

nlohmann::json warnings_json(const std::vector<dict::Warning>& ws) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& w : ws)
    a.push_back({{"file", w.file}, {"line", w.line}, {"message", w.message}});
  return a;
}

nlohmann::json verbs_json(const dict::VerbDictionary& v) {
  return {{"kind", "verbs"},
          {"blocks", v.blocks().size()},
          {"verb_forms", v.verb_forms().size()},
          {"patterns", v.patterns().size()},
          {"synsets", v.synsets().size()},
          {"transformations", v.transformations().size()},
          {"memory_bytes", v.memory_bytes()},
          {"warnings", warnings_json(v.warnings())}};
}

nlohmann::json actors_json(const dict::ActorDictionary& a) {
  std::size_t dated = 0, coded = 0;
  for (const auto& e : a.entries()) {
    if (!e.codes.empty()) ++coded;
    for (const auto& c : e.codes) dated += c.dated ? 1 : 0;
  }
  return {{"kind", "actors"},
          {"actors", a.entries().size()},
          {"actors_with_codes", coded},
          {"phrases", a.phrase_count()},
          {"duplicate_phrases", a.duplicate_phrases()},
          {"dated_codes", dated},
          {"memory_bytes", a.memory_bytes()},
          {"warnings", warnings_json(a.warnings())}};
}

nlohmann::json agents_json(const dict::AgentDictionary& a) {
  return {{"kind", "agents"},
          {"phrases", a.entries().size()},
          {"memory_bytes", a.memory_bytes()},
          {"warnings", warnings_json(a.warnings())}};
}

nlohmann::json discards_json(const dict::DiscardList& d) {
  std::size_t story = 0;
  for (const auto& e : d.entries()) story += e.story ? 1 : 0;
  return {{"kind", "discards"},
          {"phrases", d.entries().size()},
          {"story", story},
          {"sentence", d.entries().size() - story},
          {"memory_bytes", d.memory_bytes()}};
}

void print_summary(const nlohmann::json& j, std::ostream& out) {
  out << j.value("file", std::string("")) << ": " << j["kind"].get<std::string>();
  for (const auto& [k, v] : j.items()) {
    if (k == "kind" || k == "file" || k == "warnings" || k == "output") continue;
    out << " " << k << "=" << v.dump();
  }
  const bool warned = j.contains("warnings") && !j["warnings"].empty();
  if (warned) out << " warnings=" << j["warnings"].size();
  out << std::endl;
  if (warned)
    for (const auto& w : j["warnings"])
      std::cerr << "warning: " << w["file"].get<std::string>() << ":" << w["line"].get<int>()
                << ": " << w["message"].get<std::string>() << "\n";
}

}  // namespace

void run_dictionary_convert(const DictionaryConvertOptions& o, std::ostream& out) {
  if (o.output.empty()) throw graph::InvalidArgument("dictionary convert needs -o DIR");
  if (o.verbs.empty() && o.actors.empty() && o.agents.empty() && o.discards.empty())
    throw graph::InvalidArgument(
        "dictionary convert needs at least one of --verbs, --actors, --agents, --discards");
  std::error_code ec;
  if (std::filesystem::exists(o.output, ec) && !std::filesystem::is_directory(o.output, ec))
    throw graph::InvalidArgument("-o " + o.output + ": not a directory");
  dict::ConvertOptions co;
  co.verbs = o.verbs;
  co.actors = o.actors;
  co.agents = o.agents;
  co.discards = o.discards;
  co.output_dir = o.output;
  co.read.lenient = o.lenient;
  const dict::ConvertResult r = dict::convert_dictionaries(co);
  nlohmann::json report = nlohmann::json::array();
  if (r.verbs) report.push_back(verbs_json(*r.verbs));
  if (r.actors) report.push_back(actors_json(*r.actors));
  if (r.agents) report.push_back(agents_json(*r.agents));
  if (r.discards) report.push_back(discards_json(*r.discards));
  for (std::size_t i = 0; i < r.files.size(); ++i) {
    report[i]["file"] = r.files[i].path;
    report[i]["bytes"] = r.files[i].bytes;
  }
  if (o.json) {
    print_json({{"outputs", report}}, out);
  } else {
    for (const auto& j : report) print_summary(j, out);
  }
}

void run_dictionary_check(const DictionaryCheckOptions& o, std::ostream& out) {
  if (o.files.empty()) throw graph::InvalidArgument("dictionary check needs FILE...");
  dict::ReadOptions ro;
  ro.lenient = o.lenient;
  nlohmann::json report = nlohmann::json::array();
  for (const auto& f : o.files) {
    const auto t0 = std::chrono::steady_clock::now();
    dict::LoadOptions lo;
    lo.shipped = false;
    lo.files = {f};
    lo.read = ro;
    const dict::Dictionaries d = dict::load_dictionaries(lo);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    // The one kind the file held is the non-empty one.
    nlohmann::json j;
    if (!d.verbs.blocks().empty() || !d.verbs.synsets().empty()) {
      j = verbs_json(d.verbs);
    } else if (!d.actors.entries().empty()) {
      j = actors_json(d.actors);
    } else if (!d.agents.entries().empty() || !d.agents.warnings().empty()) {
      j = agents_json(d.agents);
    } else if (!d.discards.entries().empty()) {
      j = discards_json(d.discards);
    } else {
      throw graph::Error(f + ": no dictionary entries");
    }
    j["file"] = f;
    j["load_ms"] = std::round(ms * 100) / 100;
    report.push_back(std::move(j));
  }
  if (o.json) {
    print_json({{"files", report}}, out);
  } else {
    for (const auto& j : report) print_summary(j, out);
  }
}

void run_dictionary_lookup(const DictionaryLookupOptions& o, std::ostream& out) {
  dict::LoadOptions lo;
  lo.files = o.files;
  const dict::Dictionaries d = dict::load_dictionaries(lo);
  const dict::Date date =
      o.date.empty() ? 0 : static_cast<dict::Date>(parse_date_option(o.date, "--date"));
  const dict::SentenceLookup l = dict::lookup_sentence(d, o.text, date);
  const std::vector<std::string>& words = l.tokens;
  nlohmann::json found = {{"tokens", words},
                          {"actors", nlohmann::json::array()},
                          {"agents", nlohmann::json::array()},
                          {"verbs", nlohmann::json::array()}};
  if (l.discard)
    found["discard"] = {
        {"at", l.discard.at}, {"length", l.discard.length}, {"story", l.discard.story}};
  for (const auto& [at, a] : l.actors)
    found["actors"].push_back({{"at", at},
                               {"length", a.length},
                               {"code", a.code},
                               {"name", d.actors.entries()[a.entry].phrases[0]}});
  for (const auto& [at, g] : l.agents)
    found["agents"].push_back(
        {{"at", at}, {"length", g.length}, {"code", g.code}, {"prefix", g.prefix}});
  for (const auto& [at, v] : l.verbs) {
    nlohmann::json j = {{"at", at},
                        {"begin", v.verb_begin},
                        {"end", v.verb_end},
                        {"block", v.block_name},
                        {"cameo", v.code},
                        {"passive", v.passive_code},
                        {"pattern", v.pattern_text}};
    if (v.source) j["source"] = *v.source;
    if (v.target) j["target"] = *v.target;
    const dict::PloverEvent p = dict::plover_event(v.code);
    if (p.is_event()) j["plover"] = graph::relation_name(p.relation);
    found["verbs"].push_back(std::move(j));
  }
  if (o.json) {
    print_json(found, out);
    return;
  }
  if (found.contains("discard"))
    out << "discard at " << found["discard"]["at"] << (found["discard"]["story"] ? " (story)" : "")
        << "\n";
  for (const auto& a : found["actors"])
    out << "actor  " << words[a["at"].get<std::size_t>()] << " [" << a["length"] << " words] "
        << a["code"].get<std::string>() << "\n";
  for (const auto& a : found["agents"])
    out << "agent  " << words[a["at"].get<std::size_t>()] << " " << a["code"].get<std::string>()
        << "\n";
  for (const auto& v : found["verbs"]) {
    out << "verb   " << words[v["at"].get<std::size_t>()] << " " << v["block"].get<std::string>()
        << " cameo=" << v["cameo"].get<std::string>();
    if (v.contains("plover")) out << " plover=" << v["plover"].get<std::string>();
    if (!v["pattern"].get<std::string>().empty())
      out << " pattern='" << v["pattern"].get<std::string>() << "'";
    if (v.contains("source")) out << " $=" << words[v["source"].get<std::size_t>()];
    if (v.contains("target")) out << " +=" << words[v["target"].get<std::size_t>()];
    out << "\n";
  }
}

void run_dictionary_wordnet(const DictionaryWordnetOptions& o, std::ostream& out) {
  if (o.output.empty()) throw graph::InvalidArgument("dictionary wordnet needs -o FILE");
  io::extract::WordnetOptions wo;
  wo.wordnet_dir = o.wordnet_dir;
  wo.output = o.output;
  const io::extract::WordnetResult r = io::extract::derive_word_classes(wo);
  const nlohmann::json j = {{"file", o.output},
                            {"kind", "wordclasses"},
                            {"words", r.rows.size()},
                            {"noun_lemmas", r.lemmas[0]},
                            {"verb_lemmas", r.lemmas[1]},
                            {"adj_lemmas", r.lemmas[2]},
                            {"adv_lemmas", r.lemmas[3]},
                            {"proper", r.proper},
                            {"irregular_forms", r.exceptions},
                            {"bytes", r.bytes}};
  if (o.json) {
    print_json(j, out);
  } else {
    print_summary(j, out);
  }
}

void run_dictionary_tag(const DictionaryTagOptions& o, std::ostream& out) {
  const io::TextLayout layout = io::split_text(o.text);
  const io::extract::TagResult r = io::extract::tag_layout(layout);
  nlohmann::json sentences = nlohmann::json::array();
  for (const io::Sentence& s : layout.sentences) {
    nlohmann::json words = nlohmann::json::array();
    std::string line;
    for (std::uint32_t i = s.first; i < s.last; ++i) {
      const io::Token& t = layout.tokens[i];
      const std::string text = o.text.substr(t.start, t.end - t.start);
      const std::string tag(io::extract::pos_name(r.tags[i]));
      words.push_back({{"token", text}, {"tag", tag}});
      if (!line.empty()) line += ' ';
      line += text + "/" + tag;
    }
    sentences.push_back(std::move(words));
    if (!o.json) out << line << "\n";
  }
  if (o.json) print_json({{"sentences", sentences}}, out);
}

void setup_dictionary(CLI::App& app) {
  CLI::App* sub = app.add_subcommand(
      "dictionary",
      "event-data dictionaries (PETRARCH/TABARI verbs, actors, agents, discards): convert them "
      "into the project's derived TSV, or check them; derive the tagger's word classes from "
      "WordNet");
  sub->require_subcommand(1);

  auto c = std::make_shared<DictionaryConvertOptions>();
  CLI::App* conv = sub->add_subcommand(
      "convert",
      "read PETRARCH-format (or derived) dictionaries and write verbs.tsv, actors.tsv, "
      "agents.tsv, discards.tsv into DIR (the shipped data/dictionaries are made this way)");
  conv->add_option("--verbs", c->verbs, "verb dictionary (CAMEO.2.0.txt)");
  conv->add_option("--actors", c->actors, "actor dictionaries, merged in order")->expected(1, -1);
  conv->add_option("--agents", c->agents, "agent dictionaries")->expected(1, -1);
  conv->add_option("--discards", c->discards, "discard lists")->expected(1, -1);
  conv->add_option("-o,--output", c->output, "output directory (created if missing)");
  conv->add_flag("--lenient", c->lenient,
                 "skip malformed lines of PETRARCH-format files, listing them on stderr, instead "
                 "of refusing the file");
  conv->add_flag("--json", c->json, "print the counts as JSON");
  conv->callback([c] { run_dictionary_convert(*c, std::cout); });

  auto k = std::make_shared<DictionaryCheckOptions>();
  CLI::App* check = sub->add_subcommand(
      "check", "read dictionary files (any format and kind) and print their counts");
  check->add_option("FILE", k->files, "dictionary files")->required();
  check->add_flag("--lenient", k->lenient, "skip malformed lines, listing them on stderr");
  check->add_flag("--json", k->json, "print the counts as JSON");
  check->callback([k] { run_dictionary_check(*k, std::cout); });

  auto l = std::make_shared<DictionaryLookupOptions>();
  CLI::App* look = sub->add_subcommand(
      "lookup",
      "look a sentence up in the dictionaries: discards, actors and agents at each word, and "
      "each verb form with its block, CAMEO code, PLOVER type and the pattern that matched "
      "(every word is tried as a verb: no part-of-speech tagging here)");
  look->add_option("TEXT", l->text, "the sentence")->required();
  look->add_option("--dictionary", l->files,
                   "dictionary files replacing the shipped ones of their kind")
      ->expected(1, -1);
  look->add_option("--date", l->date, "the date for actor codes (YYYY-MM-DD or YYYYMMDD)");
  look->add_flag("--json", l->json, "print JSON");
  look->callback([l] { run_dictionary_lookup(*l, std::cout); });

  auto w = std::make_shared<DictionaryWordnetOptions>();
  CLI::App* wn = sub->add_subcommand(
      "wordnet",
      "derive the part-of-speech tagger's word-class table (each single word's noun, proper "
      "noun, verb, adjective and adverb weights) from WordNet's files; the shipped "
      "data/wordnet/wordclasses.tsv is made this way");
  wn->add_option("--wordnet-dir", w->wordnet_dir,
                 "folder of WordNet's index.*, cntlist.rev, data.noun and *.exc files "
                 "(default /usr/share/wordnet, Debian's wordnet-base)");
  wn->add_option("-o,--output", w->output, "the TSV to write (atomically)")->required();
  wn->add_flag("--json", w->json, "print the counts as JSON");
  wn->callback([w] { run_dictionary_wordnet(*w, std::cout); });

  auto g = std::make_shared<DictionaryTagOptions>();
  CLI::App* tag = sub->add_subcommand(
      "tag",
      "print the part-of-speech tags (NOUN, PROPN, VERB, AUX, ADJ, ADV, DET, ADP, PRON, CCONJ, "
      "SCONJ, NUM, PART, PUNCT) the extractor's tagger gives a text, one sentence a line");
  tag->add_option("TEXT", g->text, "the text")->required();
  tag->add_flag("--json", g->json, "print JSON");
  tag->callback([g] { run_dictionary_tag(*g, std::cout); });
}

}  // namespace stakegraph::cli
