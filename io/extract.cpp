#include "io/extract.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "graph/error.hpp"
#include "graph/names.hpp"
#include "io/extract/dictionary/dictionary.hpp"
#include "io/extract/dictionary/plover.hpp"
#include "io/extract/run.hpp"
#include "io/extract_text.hpp"

namespace stakegraph::io {

using graph::Kind;
using graph::Relation;

std::uint64_t sentence_key(std::string_view text) {
  // Byte -> the byte kept in the key (ASCII letters lower-cased, digits, every non-ASCII
  // byte), or 0 for a byte left out.
  static constexpr auto kKeep = [] {
    std::array<unsigned char, 256> t{};
    for (int c = 0; c < 256; ++c) {
      if (c >= 'A' && c <= 'Z')
        t[static_cast<std::size_t>(c)] = static_cast<unsigned char>(c + 32);
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
        t[static_cast<std::size_t>(c)] = static_cast<unsigned char>(c);
    }
    return t;
  }();
  // The kept bytes are packed eight to a word and each word is mixed in with one
  // multiplication (murmur-style), instead of one dependent multiplication per byte.
  auto mix = [](std::uint64_t h, std::uint64_t w) {
    w *= 0x87c37b91114253d5ull;
    w = (w << 31) | (w >> 33);
    h ^= w * 0x4cf5ad432745937full;
    return ((h << 27) | (h >> 37)) * 5 + 0x52dce729;
  };
  std::uint64_t h = 0xcbf29ce484222325ull, word = 0;
  std::size_t kept = 0;
  for (unsigned char c : text) {
    const unsigned char k = kKeep[c];
    if (k == 0) continue;
    word = (word << 8) | k;
    if (++kept % 8 == 0) {
      h = mix(h, word);
      word = 0;
    }
  }
  h = mix(h, word) ^ kept;
  // Final avalanche (murmur3 fmix64).
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  return h ^ (h >> 33);
}

namespace extract {

void ArticleRun::add(int s, int t, Relation r, const std::string& rule, std::size_t si,
                     float conf) {
  if (s < 0 || t < 0 || s == t) return;
  const Ent& se = ents_[static_cast<std::size_t>(s)];
  const Ent& te = ents_[static_cast<std::size_t>(t)];
  if (se.key == te.key) return;
  // Sanity of endpoint kinds per the ontology.
  if (r == Relation::kSupplies &&
      (se.kind == Kind::kGovernment || se.kind == Kind::kPerson || se.kind == Kind::kMedia ||
       te.kind == Kind::kMedia || te.kind == Kind::kPerson || se.kind == Kind::kAgency ||
       te.kind == Kind::kGovernment ||
       // An agency buys what a verb says it was sold or supplied ("supplies rifles to the
       // army"), not what a topic's customers are.
       (te.kind == Kind::kAgency &&
        (rule.find(":passive") != std::string::npos ||
         !(rule.starts_with("verb:sell-to") || rule.starts_with("verb:supply-to") ||
           rule.starts_with("verb:supplier-to") || rule.starts_with("verb:contractor-for") ||
           rule.ends_with(":business"))))))
    return;
  if (r == Relation::kReports && se.kind != Kind::kMedia) return;
  if (r == Relation::kOperatesIn && te.kind != Kind::kGovernment) return;
  if (r == Relation::kOwns && (te.kind == Kind::kGovernment || te.kind == Kind::kPerson)) return;
  if (se.kind == Kind::kAllegation && r != Relation::kImplicates) return;
  if (te.kind == Kind::kAllegation && r != Relation::kAccuse && r != Relation::kReject) return;
  Candidate c;
  c.s = s;
  c.t = t;
  c.r = r;
  c.rule = rule;
  c.confidence = conf;
  c.sentence = static_cast<int>(si);
  c.hedged = hedged_[si];
  cands_.push_back(std::move(c));
  if (graph::is_event(r) && main_event_ < 0) main_event_ = static_cast<int>(cands_.size() - 1);
}

int ArticleRun::allegation(const std::string& label, std::size_t si) {
  // Content words (>= 5 letters) identify the claim within an article.
  std::vector<std::string> words;
  std::string w;
  for (char ch : label + " ") {
    if (std::isalpha(static_cast<unsigned char>(ch))) {
      w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
    } else {
      if (w.size() >= 5) words.push_back(w.substr(0, 6));
      w.clear();
    }
  }
  for (int a : allegations_) {
    const std::string& lw = ents_[static_cast<std::size_t>(a)].label_words;
    for (const auto& x : words)
      if (in(kCrimeWords, x) || x == "espion" || x == "spying" || x == "threat" || x == "securi")
        if (lw.find(" " + x + " ") != std::string::npos) return a;
  }
  std::string joined(1, ' ');
  for (const auto& x : words) {
    joined.append(x);
    joined.push_back(' ');
  }
  int id = entity_named(label, Kind::kAllegation, true);
  Ent& e = ents_[static_cast<std::size_t>(id)];
  e.label_words = std::move(joined);
  e.first_sentence = static_cast<int>(si);
  allegations_.push_back(id);
  return id;
}

void ArticleRun::relations(std::size_t si) {
  dtoks_.clear();  // filled on demand for this sentence (dictionary look-ups)
  const Sentence& s = L_.sentences[si];
  std::vector<Mention>& ms = sent_mentions_[si];
  const std::size_t b = s.first, e = s.last;

  // Per token of the sentence: the first mention (in ms order) starting at it, and the
  // first covering it; and the word lists the sentence has words of.
  at_.assign(e - b, -1);
  cover_.assign(e - b, -1);
  for (std::size_t q = ms.size(); q-- > 0;) {
    const Mention& m = ms[q];
    if (m.b >= b && m.b < e) at_[m.b - b] = static_cast<int>(q);
    for (std::size_t k = std::max<std::size_t>(m.b, b); k < std::min<std::size_t>(m.e, e); ++k)
      cover_[k - b] = static_cast<int>(q);
  }
  const std::uint64_t words = sent_words_[si];
  cur_.si = si;
  cur_.b = b;
  cur_.e = e;
  cur_.ms = &ms;
  cur_.words = words;
  cur_.last_subject.clear();
  record_proposals();
  verb_events();
  sentence_rules();
  apposition_rules();
  claim_rules();
  subject_claims();
  thing_claims();
  event_rules();
  // The one who speaks ("The ministry said X had ..."), for acts whose agent the text leaves
  // out (verb_events.cpp); pronouns keep to recent_subjects_.
  std::vector<int> who;
  if (words & kSpeechVerbs.bit())
    for (std::size_t k = b + 1; k < e; ++k) {
      if (!is(k, kSpeechVerbs)) continue;
      std::size_t se = b;
      subject_of(k, who, &se);
      break;
    }
  if (!cur_.last_subject.empty()) recent_actors_.push_back(cur_.last_subject[0]);
  if (!who.empty()) recent_actors_.push_back(who[0]);
  if (!cur_.last_subject.empty()) recent_subjects_.push_back(cur_.last_subject[0]);
}

void ArticleRun::run() {
  const std::size_t ns = L_.sentences.size();
  sent_mentions_.assign(ns, {});
  speakers_.assign(ns, {});
  hedged_.assign(ns, false);
  sent_words_.assign(ns, 0);
  // A wire dateline ("LIMA, May 1 (Reuters) -") says where the story was filed: its country
  // gets a vote as the article's home government (home_government), no mention.
  for (std::size_t k = L_.dateline_first; k < L_.dateline_last; ++k) {
    const LexiconEntry* le = nullptr;
    const std::size_t n = match_lexicon_uncached(k, L_.dateline_last, &le, k == L_.dateline_first);
    if (n > 0 && n < kUnmatched && le->kind == Kind::kGovernment) {
      ++gov_counts_[static_cast<std::size_t>(entity_for(*le))];
      break;
    }
    if (eq(f(k), ",") || eq(f(k), "(")) break;
  }
  std::vector<char> covered(L_.tokens.size(), 0);
  for (const auto& s : L_.sentences) type_unknown_names(s, covered);
  for (std::size_t si = 0; si < ns; ++si) {
    const Sentence& s = L_.sentences[si];
    std::uint64_t words = 0;
    for (std::size_t k = s.first; k < s.last; ++k) words |= cls_[k];
    sent_words_[si] = words;
    // Hedging.
    if (words & kHedges.bit()) {
      for (std::size_t k = s.first; k < s.last && !hedged_[si]; ++k)
        // Capitalised "May" is the month or a name, not the modal.
        if (is(k, kHedges) && !(tok(k).cap && eq(f(k), "may"))) hedged_[si] = true;
    }
    if (!hedged_[si] && (words & kHedgeFrames.bit())) {
      for (std::size_t k = s.first; k < s.last; ++k) {
        std::string_view w = f(k);
        if (eq(w, "according") && k + 1 < s.last && eq(f(k + 1), "to")) hedged_[si] = true;
        if ((eq(w, "said") || eq(w, "expected") || eq(w, "believed")) && k > s.first &&
            (eq(f(k - 1), "is") || eq(f(k - 1), "are")) && k + 1 < s.last && eq(f(k + 1), "to"))
          hedged_[si] = true;
      }
    }
    recognise(si);
    auto& ms = sent_mentions_[si];
    // Speaker of a quotation: "..." X said / said X.
    bool has_quote = quoted_[si] != 0;
    for (std::size_t k = s.first; k < s.last; ++k)
      has_quote |= tok(k).type == TokenType::kQuote && !eq(f(k), "'");
    if (has_quote) {
      for (std::size_t k = s.first; k < s.last; ++k) {
        if (!is(k, kSpeechVerbs)) continue;
        // The speaker is before the verb ("X said", "an X spokesperson told Y"), or after
        // it ("said X"); after "told" comes the one spoken to.
        const bool addressee_after = eq(f(k), "told") || eq(f(k), "tells") || eq(f(k), "tell");
        const Mention* before = nullptr;
        const Mention* after = nullptr;
        for (const auto& m : ms) {
          if (m.ents.empty()) continue;
          if (m.e == k || (m.e + 1 == k && is(m.e, kPersonRoles))) before = &m;
          if (m.b == k + 1 && !addressee_after) after = &m;
        }
        if (const Mention* sp = before ? before : after)
          speakers_[si] = ents_[static_cast<std::size_t>(sp->ents[0])].name;
        if (!speakers_[si].empty()) break;
      }
      // "We urge them to reconsider," the company said: the speaker's first person.
      if (!speakers_[si].empty()) {
        auto it = by_name_.find(fold(speakers_[si]));
        bool inside = false, added = false;
        for (std::size_t k = s.first; k < s.last && it != by_name_.end(); ++k) {
          if (tok(k).type == TokenType::kQuote && !eq(f(k), "'")) inside = !inside;
          // ("I wrote to them," the minister said: a person's first person singular too.)
          const bool singular = (eq(f(k), "i") || eq(f(k), "me") || eq(f(k), "my")) &&
                                ents_[static_cast<std::size_t>(it->second)].kind == Kind::kPerson;
          if (!inside || !(singular || eq(f(k), "we") || eq(f(k), "our") || eq(f(k), "us")))
            continue;
          Mention m;
          m.b = static_cast<std::uint32_t>(k);
          m.e = static_cast<std::uint32_t>(k + 1);
          m.ents = {it->second};
          m.flags = eq(f(k), "our") || eq(f(k), "my") ? (kPronoun | kPossessive) : kPronoun;
          ms.push_back(std::move(m));
          added = true;
        }
        if (added)
          std::stable_sort(ms.begin(), ms.end(),
                           [](const Mention& x, const Mention& y) { return x.b < y.b; });
      }
    }
    for (const auto& m : ms) {
      if (m.ents.size() >= 2) {
        groups_.push_back(m.ents);
        group_sentence_ = si;
      }
    }
    relations(si);
    for (const auto& m : ms)
      for (int id : m.ents) {
        Ent& en = ents_[static_cast<std::size_t>(id)];
        ++en.mentions;
        if (en.first_sentence < 0) en.first_sentence = static_cast<int>(si);
        if (!(m.flags & (kModifier | kLocative))) recent_.push_back(id);
        if (!(m.flags & (kLocative | kUntyped)) && en.typed &&
            !(en.kind == Kind::kGovernment && (m.flags & kModifier)))
          en.keep = true;
      }
  }
}

}  // namespace extract

std::uint64_t SeenSentences::emplace(std::uint64_t key, std::uint64_t article) {
  if (key == 0) key = 1;
  if (4 * (size_ + 1) > 3 * slots_.size()) {  // at most 3/4 full
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : 2 * old.size(), Slot{});
    size_ = 0;
    for (const Slot& s : old)
      if (s.key != 0) emplace(s.key, s.article);
  }
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 32) & mask;;
       i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.key == key) return s.article;
    if (s.key == 0) {
      s.key = key;
      s.article = article;
      ++size_;
      return article;
    }
  }
}

Extractor::Extractor(const Lexicon& lexicon, ExtractOptions options)
    : lex_(lexicon),
      options_(options),
      index_(std::make_shared<const TokenIndex>(lexicon)),
      scratch_(std::make_unique<ExtractScratch>()) {}

Extractor::Extractor(Extractor&&) noexcept = default;
Extractor::~Extractor() = default;

void Extractor::remember(const graph::Graph& g) {
  for (auto [ei, ee] = boost::edges(g.boost_graph()); ei != ee; ++ei)
    for (const auto& ev : g.edge(*ei).evidence) {
      if (ev.article == graph::kNoArticle || ev.text.empty()) continue;
      std::uint64_t art = sentence_key(g.articles()[ev.article].id);
      seen_.emplace(sentence_key(ev.text), art);
    }
}

graph::MergeOptions extraction_merge_options() {
  return {.match_aliases = false,
          .replace_attributes = true,
          .carry_edge_dates = false,
          .keep_collapsed_edges = false};
}

ExtractStats Extractor::extract(const ArticleText& article, graph::Graph& g) {
  ArticleGraph part = extract(article);
  graph::merge_graph(g, std::move(part.graph), extraction_merge_options());
  return part.stats;
}

ArticleGraph Extractor::extract(const ArticleText& article) {
  ArticleGraph out;
  graph::Graph& g = out.graph;
  ExtractStats& st = out.stats;
  st.articles = 1;
  st.bytes = article.body.size();
  if (index_->vocab_size != lex_.vocabulary().size())
    index_ = std::make_shared<const TokenIndex>(lex_);
  // Folded names recur from article to article; the memo is bounded (cleared between
  // articles only, so references into it stay valid during one).
  if (fold_memo_.size() > kFoldMemoMax) fold_memo_.clear();
  extract::ArticleRun run(lex_, *index_, article.body, fold_memo_, *scratch_);
  run.dict_ = options_.dictionaries;
  run.date_ = article.date;
  run.code_actors_ = options_.dictionary_actors;
  run.code_bodies_ = options_.dictionary_bodies;
  run.run();
  st.sentences = run.L_.sentences.size();

  graph::Article ga;
  ga.id = article.id;
  ga.title = article.title;
  ga.date = article.date;
  ga.source = article.source;
  ga.url = article.url;
  ga.path = article.path;
  ga.text_hash = text_hash(article.body);
  const std::uint32_t aidx = g.add_article(ga);
  const std::uint64_t art_key = sentence_key(article.id);

  // Nodes: endpoints of relations, and typed actors the text names.
  std::vector<int> used(run.ents_.size(), 0);
  for (const auto& c : run.cands_) {
    used[static_cast<std::size_t>(c.s)] = 1;
    used[static_cast<std::size_t>(c.t)] = 1;
  }
  std::vector<std::optional<graph::NodeIndex>> node(run.ents_.size());
  auto node_of = [&](std::size_t i) -> graph::NodeIndex {
    if (node[i]) return *node[i];
    const auto& en = run.ents_[i];
    // As g.add_node() and g.add_alias(), which fold every name of the node to compare; a
    // name already there byte for byte is skipped without folding (re-ingested actors).
    auto known = [&](graph::NodeIndex v, const std::string& name) {
      const auto& nd = g.node(v);
      return name == nd.name ||
             std::find(nd.aliases.begin(), nd.aliases.end(), name) != nd.aliases.end();
    };
    std::optional<graph::NodeIndex> found = g.find_named(en.name);
    graph::NodeIndex v;
    if (found) {
      v = *found;
      if (!known(v, en.name)) g.add_alias(v, en.name);
    } else {
      v = g.add_node(en.name, en.kind);
    }
    for (const auto& a : en.aliases)
      if (!known(v, a)) g.add_alias(v, a);
    if (!en.code.empty()) g.set_attribute(v, "code", en.code);
    node[i] = v;
    return v;
  };
  // A name of nothing but control characters or blanks (a claim cut off by them: "accused
  // Y of\x11") cannot be a node: its entity and its edges are left out.
  std::vector<bool> nameless(run.ents_.size());
  for (std::size_t i = 0; i < run.ents_.size(); ++i)
    nameless[i] = graph::fold_name(graph::clean_name(run.ents_[i].name)).empty();
  for (std::size_t i = 0; i < run.ents_.size(); ++i) {
    const auto& en = run.ents_[i];
    bool keep = used[i] || (options_.keep_unrelated_actors && en.keep && en.typed &&
                            en.kind != Kind::kAllegation);
    if (keep && !nameless[i]) node_of(i);
  }
  // Edges with evidence; a sentence seen in another article (syndicated copy) adds none.
  const std::string_view body = article.body;
  int keyed_sentence = -1;  // candidates come sentence by sentence: key each sentence once
  std::uint64_t key = 0;
  for (const auto& c : run.cands_) {
    const Sentence& s = run.L_.sentences[static_cast<std::size_t>(c.sentence)];
    const std::string_view text = body.substr(s.start, s.end - s.start);
    if (c.sentence != keyed_sentence) {
      key = sentence_key(text);
      keyed_sentence = c.sentence;
    }
    if (seen_.emplace(key, art_key) != art_key) {  // first given by another article
      ++st.skipped_syndicated;
      continue;
    }
    if (nameless[static_cast<std::size_t>(c.s)] || nameless[static_cast<std::size_t>(c.t)])
      continue;
    graph::NodeIndex sv = node_of(static_cast<std::size_t>(c.s));
    graph::NodeIndex tv = node_of(static_cast<std::size_t>(c.t));
    if (sv == tv) continue;
    graph::EdgeRef e = g.add_edge(sv, tv, c.r);
    graph::Evidence ev;
    ev.article = aidx;
    ev.sentence = static_cast<std::uint32_t>(c.sentence);
    ev.start = s.start;
    ev.end = s.end;
    ev.text = std::string(text);
    ev.hedged = c.hedged;
    ev.speaker = run.speakers_[static_cast<std::size_t>(c.sentence)];
    ev.rule = c.rule;
    ev.confidence = c.confidence;
    g.add_evidence(e, std::move(ev));
    ++st.edges;
  }
  return out;
}

}  // namespace stakegraph::io
