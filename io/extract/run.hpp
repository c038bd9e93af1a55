// The extraction of one article (internal to io/extract/): its tokens, entities, mentions
// and candidate edges, and the stages that fill them. One ArticleRun per article; the
// stages are defined in io/extract/*.cpp, the driver and the public Extractor in io/extract.cpp.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "graph/graph.hpp"
#include "io/extract/dictionary/dictionary.hpp"
#include "io/extract/words.hpp"
#include "io/extract_text.hpp"
#include "io/lexicon.hpp"

namespace stakegraph::io::extract {

enum class Pos : std::uint8_t;  // a part of speech (io/extract/tagger.hpp)

enum MFlag : std::uint16_t {
  kPossessive = 1,  // followed by 's
  kLocative = 2,    // a place after "in", "at", ...
  kPronoun = 4,
  kAnaphor = 8,     // definite description ("the company")
  kModifier = 16,   // inside a title or role phrase ("US ambassador X": US)
  kUntyped = 32,    // unknown capitalised name without a type cue
  kAfterPrep = 64,  // directly after a preposition
  kGeneric = 128,   // demonym + role noun ("Chinese officials")
};

struct Ent {
  std::string name;
  std::string key;  // Lexicon::fold_key(name)
  Kind kind = Kind::kOrganization;
  std::string part_of;
  std::string country;  // iso3 or government name
  std::vector<std::string> aliases;
  std::vector<std::string> alias_keys;  // fold_key of each alias
  bool typed = true;
  bool keep = false;
  bool home_checked = false;          // an agency's government looked for (agency_government())
  bool part_of_from_context = false;  // part_of of a bare title: the context's government
  bool part_of_body = false;
  // Head nouns of modified descriptions resolved to this entity ("the armed group": "group"),
  // for a later bare "the group".
  std::vector<std::string>
      described_as;  // an organization's part_of: the body its acronym modifier names
  int first_sentence = -1;
  int mentions = 0;
  std::string lexicon_parent;  // part_of from the lexicon (background knowledge)
  std::string code;            // event-data actor code (CAMEO), when a dictionary gave one
  std::string label_words;     // allegations: the content words
  // A compound actor stands for these entities in its mentions (a dictionary code
  // "[A/B]", "the ambassadors of A, B and C"); it is no node of its own.
  std::vector<int> members;
};

struct Mention {
  std::uint32_t b = 0, e = 0;  // token range
  std::vector<int> ents;
  std::uint16_t flags = 0;
};

struct Candidate {
  int s = -1, t = -1;
  Relation r = Relation::kUnspecified;
  std::string rule;
  float confidence = 0.8f;
  bool hedged = false;
  int sentence = -1;
};

}  // namespace stakegraph::io::extract

namespace stakegraph::io {

using extract::word_sets;
using extract::WordSet;

// Index of the folded words the extractor knows: each word's lexicon token id and its
// word-list class mask, found by one probe of an open-addressing table, so that a token is
// looked up once per article instead of once per rule.
struct TokenIndex {
  struct Word {
    std::uint32_t offset = 0, length = 0;  // the word in pool
    std::uint32_t lex_id = Lexicon::kNoToken;
    std::uint64_t classes = 0;
  };
  // Open addressing: 8 bytes a slot (tag = high hash bits | 1, 0 when empty; word index), so
  // a probe touches one cache line; the word itself is compared only on a tag match.
  struct Slot {
    std::uint32_t tag = 0, word = 0;
  };
  std::string pool;
  std::vector<Word> words;
  std::vector<Slot> slots;
  std::size_t mask = 0;
  std::size_t vocab_size = 0;  // size of the lexicon vocabulary indexed

  static std::uint64_t hash(std::string_view w) {
    std::uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a
    for (unsigned char c : w) {
      h ^= c;
      h *= 0x100000001b3ull;
    }
    return h;
  }
  static std::uint32_t tag_of(std::uint64_t h) { return static_cast<std::uint32_t>(h >> 32) | 1u; }
  std::string_view text(const Word& w) const {
    return std::string_view(pool).substr(w.offset, w.length);
  }
  const Word* find(std::string_view w, std::uint64_t h) const {
    const std::uint32_t tag = tag_of(h);
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& sl = slots[i];
      if (sl.tag == 0) return nullptr;
      if (sl.tag == tag && text(words[sl.word]) == w) return &words[sl.word];
    }
  }
  Word& insert(std::string_view w) {
    const std::uint64_t h = hash(w);
    const std::uint32_t tag = tag_of(h);
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& sl = slots[i];
      if (sl.tag == tag && text(words[sl.word]) == w) return words[sl.word];
      if (sl.tag == 0) {
        sl.tag = tag;
        sl.word = static_cast<std::uint32_t>(words.size());
        Word& nw = words.emplace_back();
        nw.offset = static_cast<std::uint32_t>(pool.size());
        nw.length = static_cast<std::uint32_t>(w.size());
        pool.append(w);
        return nw;
      }
    }
  }
  explicit TokenIndex(const Lexicon& lex) {
    const auto& vocab = lex.vocabulary();
    std::size_t n = vocab.size();
    for (const WordSet* ws : word_sets()) n += ws->words().size();
    std::size_t capacity = 64;
    while (capacity < 2 * n) capacity *= 2;  // load at most 1/2
    slots.assign(capacity, Slot{});
    mask = capacity - 1;
    words.reserve(n);
    vocab_size = vocab.size();
    for (std::size_t id = 0; id < vocab.size(); ++id)
      insert(vocab[id]).lex_id = static_cast<std::uint32_t>(id);
    for (const WordSet* ws : word_sets())
      for (std::string_view w : ws->words()) insert(w).classes |= ws->bit();
  }
};

// Per-token buffers of an extractor, reused from article to article (no allocation once
// they have grown to the largest article).
struct ExtractScratch {
  TextLayout layout;
  std::vector<std::uint32_t> tid;
  std::vector<std::uint64_t> cls, th;
  std::vector<int> at, cover;
  std::vector<std::uint8_t> lex_len;
  std::vector<const LexiconEntry*> lex_entry;
};

}  // namespace stakegraph::io

namespace stakegraph::io::extract {

class ArticleRun {
 public:
  ArticleRun(const Lexicon& lex, const TokenIndex& index, const std::string& body,
             std::unordered_map<std::string, std::string>& fold_memo, ExtractScratch& scratch)
      : L_(scratch.layout),
        lex_(lex),
        body_(body),
        fold_memo_(fold_memo),
        tid_(scratch.tid),
        cls_(scratch.cls),
        th_(scratch.th),
        at_(scratch.at),
        cover_(scratch.cover),
        lex_len_(scratch.lex_len),
        lex_entry_(scratch.lex_entry) {
    split_text(body_, L_);
    drop_partial_quotes(L_, quoted_);
    ents_.reserve(32);  // an article names a few dozen actors: few reallocations
    gov_counts_.reserve(32);
    tid_.clear();
    cls_.clear();
    th_.clear();
    lex_len_.assign(L_.tokens.size(), kUnmatched);
    lex_entry_.assign(L_.tokens.size(), nullptr);
    for (const Token& t : L_.tokens) {
      th_.push_back(TokenIndex::hash(t.folded));
      const TokenIndex::Word* sl = index.find(t.folded, th_.back());
      tid_.push_back(sl ? sl->lex_id : Lexicon::kNoToken);
      cls_.push_back(sl ? sl->classes : 0);
    }
    for (const Token& x : L_.tokens)
      if (x.type == TokenType::kWord && !x.cap) lower_words_.insert(x.folded);
    for (const Sentence& s : L_.sentences)
      for (std::size_t t = s.first + 1; t < s.last; ++t) {
        const Token& x = L_.tokens[t];
        if (x.type == TokenType::kWord && x.cap && !x.all_caps) inner_caps_.insert(x.folded);
      }
  }

  void run();

  TextLayout& L_;
  const extract::dictionary::Dictionaries* dict_ = nullptr;  // optional (ExtractOptions)
  graph::Date date_ = graph::kNoDate;                        // the article's (actor codes)
  bool code_actors_ = false;                                 // ExtractOptions::dictionary_actors
  bool code_bodies_ = false;                                 // ExtractOptions::dictionary_bodies
  std::vector<char> quoted_;  // per sentence: it had quotation marks (drop_partial_quotes)
  std::vector<Ent> ents_;
  std::vector<Candidate> cands_;
  struct Proposal {
    std::string_view verb;  // the verb form, as folded (f())
    std::vector<int> by;
    std::size_t si = 0;
  };
  std::vector<Proposal> proposals_;
  std::vector<std::vector<Mention>> sent_mentions_;
  std::vector<std::string> speakers_;  // per sentence
  std::vector<bool> hedged_;           // per sentence

 private:
  // ---- helpers on tokens ----
  const Token& tok(std::size_t k) const { return L_.tokens[k]; }
  std::string_view raw(std::size_t k) const {
    return std::string_view(body_).substr(tok(k).start, tok(k).end - tok(k).start);
  }
  std::string_view f(std::size_t k) const { return tok(k).folded; }
  // Whether token k is a word of the list `s`.
  bool is(std::size_t k, const WordSet& s) const { return (cls_[k] & s.bit()) != 0; }
  // The relative pronoun "who", not the acronym "WHO" (the World Health Organization).
  bool is_who(std::size_t k) const { return tok(k).folded == "who" && !tok(k).all_caps; }
  bool is_word(std::size_t k) const {
    return tok(k).type == TokenType::kWord || tok(k).type == TokenType::kNumber;
  }
  std::string surface(std::size_t b, std::size_t e) const {
    if (b >= e) return {};
    return body_.substr(tok(b).start, tok(e - 1).end - tok(b).start);
  }

  // Number of tokens of `phrase` (folded words joined by single spaces) when tokens
  // [k, end) start with it, else 0. No allocation.
  std::size_t phrase_at(std::size_t k, std::size_t end, std::string_view phrase) const {
    std::size_t n = 0, pos = 0;  // folded tokens never contain a space
    while (true) {
      if (k + n >= end) return 0;
      const std::string_view w = f(k + n);
      if (phrase.compare(pos, w.size(), w) != 0) return 0;
      const std::size_t after = pos + w.size();
      ++n;
      if (after == phrase.size()) return n;
      if (phrase[after] != ' ') return 0;
      pos = after + 1;
    }
  }

  // Position of "according" when the mention starting at token mb closes an "according to
  // (descriptor)* <mention>" phrase ("according to the business daily X", "according to
  // the German newspaper X"), else npos. Descriptor words: lower-case words that are not
  // prepositions, and demonyms; at most five.
  std::size_t according_to(std::size_t mb, std::size_t b) const {
    std::size_t d = mb;
    for (int words = 0; d > b && words <= 5; ++words) {
      const std::size_t p = d - 1;
      if (eq(f(p), "to")) break;
      const LexiconEntry* dem = nullptr;
      const bool descriptor = (is_word(p) && !tok(p).cap && !is(p, kPrepositions)) ||
                              (tok(p).cap && match_demonym(p, p + 1, &dem) == 1);
      if (!descriptor) return std::string_view::npos;
      d = p;
    }
    if (d >= b + 2 && eq(f(d - 1), "to") && eq(f(d - 2), "according")) return d - 2;
    return std::string_view::npos;
  }

  // Lexicon::fold_key(text), memoised for the article.
  const std::string& fold(const std::string& text);
  int entity_for(const LexiconEntry& le);
  int entity_named(const std::string& name, Kind kind, bool typed);
  int government_named(const std::string& name);
  void add_alias(int ent, const std::string& alias);

  void type_unknown_names(const Sentence& s, std::vector<char>& covered);
  void dictionary_actors(const Sentence& s, std::vector<char>& covered);
  std::size_t agent_over_list(std::size_t b, std::size_t k, std::size_t end, std::size_t e,
                              std::size_t actor_at, int first);
  void compound_code_members(int id, const std::string& surface_name);
  std::size_t possessed_agent(std::size_t b, std::size_t at, std::size_t e,
                              std::string& code) const;
  int body_with_code(std::string_view code) const;
  bool without_consent(std::size_t from, std::size_t to) const;
  bool place_begins_name(std::size_t from, std::size_t e) const;
  // The tagger reads token k, opening a sentence, as a common word and not a name: an adverb,
  // a verb, a grammar word, or an adjective before a noun ("Elsewhere", "Asked about it",
  // "Unhappy shareholders"); names.cpp.
  bool common_opener(std::size_t k);
  // Longest lexicon form at token k; `end` must be the end of k's sentence and
  // `sentence_start` whether k starts it (memoised per token).
  std::size_t match_lexicon(std::size_t k, std::size_t end, const LexiconEntry** out,
                            bool sentence_start) const;
  std::size_t match_lexicon_uncached(std::size_t k, std::size_t end, const LexiconEntry** out,
                                     bool sentence_start) const;
  std::size_t match_gazetteer(std::size_t k, std::size_t end, int* ent) const;
  std::size_t match_demonym(std::size_t k, std::size_t end, const LexiconEntry** out) const;

  void recognise(std::size_t si);
  bool initial_span(std::size_t k, std::size_t e) const;  // mentions.cpp
  // The agency of a state's institution ("Bolivian police"), part of the state (mentions.cpp).
  int state_institution(const LexiconEntry& g, std::string_view inst);
  void group_coordination(std::vector<Mention>& ms);
  int resolve_anaphor(std::size_t si, std::size_t k, std::size_t head, bool plural,
                      std::vector<int>& out);
  // The governments of the article, most mentioned first; `exclude` are never chosen.
  int home_government(const std::vector<int>& exclude = {}) const;
  // The government of a bare title or role noun (see the definition). With
  // `skip_modifiers`, a country named only as a modifier ("a French envoy") is passed over.
  int context_government(std::size_t si, std::size_t before_token,
                         const std::vector<int>& exclude = {}, bool skip_modifiers = false) const;

  void relations(std::size_t si);

  // ---- relations(): the stages of one sentence ----
  // The sentence relations() works on, shared by its stages.
  // A verb pattern found at tokens [h, he).
  struct VerbHit {
    std::size_t h, he;
    const VerbPattern* p;
  };
  struct SentenceState {
    std::size_t si = 0, b = 0, e = 0;
    std::vector<Mention>* ms = nullptr;
    std::uint64_t words = 0;        // OR of the sentence's tokens' class masks
    std::vector<int> last_subject;  // subject of the latest event of the sentence
    std::vector<VerbHit> hits;      // the lexicon's verb patterns found (verb_events())
  };
  SentenceState cur_;
  // Events of the lexicon's verb patterns (io/extract/verb_events.cpp).
  void verb_events();
  // The lexicon's verb heads in the sentence, into cur_.hits (io/extract/verb_hits.cpp).
  void find_verb_hits();
  // A verb hit as verb_events() has read it when it looks for claims.
  struct HitReading {
    const VerbPattern& vp;
    std::size_t h, he;  // the head's tokens
    Relation r;
    const std::string& rule;
    std::vector<int>& src;  // the subject (a denial's relative clause can name another)
    const std::vector<int>& dst;
    const Mention* target;
    bool passive, has_subj;
  };
  // Allegations of an accusation, charge or penalty, a wrong blamed without a named culprit,
  // and denials; true when the hit is fully read (io/extract/verb_claims.cpp).
  bool verb_claims(const HitReading& hr);
  // Rules on the kinds of a hit's ends, which may change its relation `r` and `rule`; false
  // when the hit makes no edge (io/extract/endpoint_rules.cpp).
  bool endpoint_rules(const HitReading& hr, Relation& r, std::string& rule);
  // Reports by media, verbs of the event-data dictionaries, state bodies, titles,
  // compound and possessive ties, judgements and feelings (io/extract/sentence_rules.cpp).
  void sentence_rules();
  // Verbs of the event-data dictionaries the lexicon did not take (dictionary_events.cpp).
  void dictionary_verb_events();
  // Judgements, denials by judgement, innocence, claims faced, feelings (judgement_rules.cpp).
  void judgement_rules();
  // Appositions, heads of bodies, allies, markets, warnings, claims and perceived risks
  // (io/extract/apposition_rules.cpp).
  void apposition_rules();
  void claim_rules();     // claims attributed outside their clause (claim_rules.cpp)
  void subject_claims();  // claims about a subject without a verb of accusing (claim_rules.cpp)
  // Wrongs stated of a thing ("said the election had been rigged in favour of X") and
  // wrongs reported ("observers reported widespread irregularities") (claim_rules.cpp).
  void thing_claims();
  void event_rules();     // events named by nouns and clauses (event_rules.cpp)
  void pressure_rules();  // pressure as a noun: from whom, on whom (event_rules.cpp)
  // Things put forward (proposal_rules.cpp): the clauses of this sentence that propose,
  // plan, offer or demand something, kept for a later "the proposal", "the plan"; and the
  // one who put forward the thing an object [from, to) names, not one of `judge`.
  // Room for `n` more entities without moving the others: a reference to an entity held
  // across entity_for() (which may add one) stays valid (geometric growth).
  void keep_room_for_entities(std::size_t n) {
    if (ents_.capacity() < ents_.size() + n) ents_.reserve(2 * ents_.size() + n);
  }
  // Titles of persons and the bodies or states they serve, for sentence si (titles.cpp).
  void title_ties(std::size_t si);
  void record_proposals();
  bool proposal_owner(std::size_t from, std::size_t to, const std::vector<int>& judge,
                      std::vector<int>& out) const;
  // Clause helpers over the current sentence (io/extract/clause.cpp).
  bool has_words(const WordSet& ws) const;
  const Mention* mention_at(std::size_t k) const;
  const Mention* mention_covering(std::size_t k) const;
  // The actor named at token k (a mention that is an actor and no pronoun), else the state of
  // a demonym at k ("Chinese" -> China); empty when neither. `named` (if given) is set to the
  // mention, or null when the state came from a demonym.
  std::vector<int> actor_or_state_at(std::size_t k, const Mention** named = nullptr);
  // The first word of what a clause says its subject did: past a subject pronoun at c (it,
  // he, she, they, we) and its auxiliaries ("that it had misled investors" -> "misled");
  // c itself when c holds none ("its equipment ...") or fewer than two tokens follow.
  std::size_t past_pronoun_subject(std::size_t c, std::size_t end) const;
  static bool actor(const Mention& m);
  std::size_t clause_start(std::size_t h) const;
  bool subject_of(std::size_t h, std::vector<int>& out, std::size_t* subj_end) const;
  const Mention* first_mention_after(std::size_t from, std::size_t limit,
                                     bool stop_at_boundary) const;
  bool negated(std::size_t from, std::size_t h) const;
  bool is_passive(std::size_t h, std::size_t he) const;
  void emit_all(const std::vector<int>& src, const std::vector<int>& dst, Relation r,
                const std::string& rule);
  std::pair<std::size_t, std::size_t> np_label(std::size_t from, std::size_t max_tokens) const;
  // The wrong an act at head h is for, as a claim label [lb, le) starting at the
  // preposition at k ("charged X with fraud", "fined X for misleading investors", "arrested
  // X on suspicion of theft", "accused of fraud"); an empty range when there is none.
  // `penalty`: the act is a sanction or coercion, whose reason is a wrong by itself.
  std::pair<std::size_t, std::size_t> claim_for(std::size_t k, std::size_t h, bool penalty) const;
  void add(int s, int t, Relation r, const std::string& rule, std::size_t si, float conf = 0.8f);
  int allegation(const std::string& label, std::size_t si);
  // A business: a vendor or operator, or an organization whose name ends in a trade or a
  // company designator ("Kato Steel", "Refina Corp") or that the text described as a company.
  bool company_like(int id) const;
  // Whether the current sentence names entity `id` (a mention of it or of a compound
  // holding it): an edge to an entity it does not name took that end from the text
  // before, and its rule says "discourse:".
  bool named_here(int id) const;
  // A court named as where a case is taken ("challenge the result at the Constitutional
  // Court", "appealed to the Supreme Court"): asking the court is a request of it.
  bool court_venue(const Mention& m) const;
  // The latest claim implicating `denier` (a denial answers the claim made against the
  // one who denies), else the latest claim; -1 when the article has made none.
  int latest_claim_against(const std::vector<int>& denier) const;
  // A demand for someone's release is made of who holds them: when [from, limit) names a
  // release ("his release", "the release of X", "X's release"), the actor of the latest
  // arrest or detention of that person (of anyone, for a pronoun) within six sentences
  // before sentence si; -1 when there is none.
  int jailer_of_release(std::size_t from, std::size_t limit, std::size_t si) const;
  // Whether the word at k is a noun: a bare form (no -ed, -ing) before "of" after a
  // determiner and at most two modifiers ("the unconditional release of X").
  bool noun_before_of(std::size_t k) const;

  const Lexicon& lex_;
  std::vector<std::string_view> dtoks_;  // a sentence's folded tokens (dictionary look-ups)
  std::vector<std::uint8_t> actor_start_;
  const std::string& body_;

  std::unordered_map<std::string, int> by_name_;             // folded canonical name -> ent
  std::unordered_map<std::string, std::string>& fold_memo_;  // text -> fold_key(text)
  std::vector<std::uint32_t>& tid_;                          // per token: lexicon token id
  std::vector<std::uint64_t>& cls_;                          // per token: word-list class mask
  std::vector<std::uint64_t>& th_;                           // per token: TokenIndex::hash(folded)
  std::vector<int>& at_;     // relations(): per token, the mention starting at it
  std::vector<int>& cover_;  // and the mention covering it
  static constexpr std::uint8_t kUnmatched = 0xFF;
  std::vector<std::uint8_t>& lex_len_;           // match_lexicon() memo: length
  std::vector<const LexiconEntry*>& lex_entry_;  // and entry
  std::vector<std::uint64_t> sent_words_;        // per sentence: OR of its tokens' class masks
  std::unordered_map<const LexiconEntry*, int> by_entry_;  // lexicon entry -> ent
  std::unordered_map<std::string, int> gazetteer_;         // folded surface -> ent (article)
  std::unordered_set<std::uint64_t> gaz_first_;            // TokenIndex::hash of keys' first words
  // and of keys that may start with a lower-case word (an agent: "ambassadors of X")
  std::unordered_set<std::uint64_t> gaz_lower_first_;
  void add_gazetteer(const std::string& key, int ent, bool lower_start = false) {
    gazetteer_.emplace(key, ent);
    const auto h = TokenIndex::hash(std::string_view(key).substr(0, key.find(' ')));
    gaz_first_.insert(h);
    if (lower_start) gaz_lower_first_.insert(h);
  }
  std::size_t gaz_max_ = 1;
  std::unordered_map<std::string, bool> country_named_;  // country_named() cache
  // Words the article writes in lower case, and words it capitalises inside a sentence
  // (built with the tokens): whether a capitalised first word is a name.
  std::unordered_set<std::string_view> lower_words_;
  std::unordered_set<std::string_view> inner_caps_;
  // Parts of speech (io/extract/tagger.hpp) of the sentences common_opener() asked about,
  // tagged on first use: the extractor needs them for few sentences.
  std::vector<Pos> pos_;
  std::vector<char> pos_done_;  // per sentence
  // A name the lexicon matches only as written ("Apple", "Orange") opens a sentence: it is
  // that name when the article never writes the word in lower case and either writes it
  // capitalised inside a sentence or lets it act (a verb of the lexicon or of speech next).
  bool initial_exact_name(std::size_t k) const;
  bool initial_name(std::size_t k, std::size_t e);
  bool name_particle(std::size_t k) const;
  // Whether the article names the state with this iso3 code anywhere (cached).
  bool country_named(const std::string& iso3);
  // The government an agency belongs to, up its part_of chain (by name and the lexicon), if
  // the article has that government as an entity; -1 otherwise.
  int government_of(int agency) const;
  // The local institution a bare lexicon name of another state's body stands for in an
  // article that never names that state ("Congress" in a story about Peru), or -1.
  int foreign_institution(const LexiconEntry& le, std::size_t si, std::size_t k, std::size_t end);
  // Whether token k opens a co-agent phrase: "together with", "along with", "alongside",
  // "jointly with" (who follows acts with the subject, and is no object of its verb).
  bool co_agent_at(std::size_t k) const {
    if (eq(f(k), "alongside")) return true;
    return k + 1 < cur_.e && eq(f(k + 1), "with") &&
           (eq(f(k), "together") || eq(f(k), "along") || eq(f(k), "jointly"));
  }
  // "Seoul-based", "Alphabet-owned", "Chinese-made": a capitalised compound that modifies
  // the name after it and is no part of it.
  bool hyphen_modifier(std::size_t k) const {
    const std::string_view w = tok(k).folded;
    const std::size_t dash = w.rfind('-');
    if (dash == std::string_view::npos || dash == 0) return false;
    static constexpr std::string_view kTails[] = {
        "owned",      "controlled", "based",  "made",       "listed",        "backed",
        "led",        "run",        "funded", "registered", "headquartered", "linked",
        "affiliated", "born",       "built",  "designed"};
    const std::string_view tail = w.substr(dash + 1);
    return std::find(std::begin(kTails), std::end(kTails), tail) != std::end(kTails);
  }
  // "largest", "biggest", "second-largest", "main", "leading": a word that ranks one member
  // of a class ("Brazil's largest bank"), so the phrase names no unique institution.
  bool ranking_word(std::size_t k) const {
    const std::string_view w = tok(k).folded;
    static constexpr std::string_view kRanks[] = {
        "main",        "leading", "top",     "major",  "private", "commercial",
        "state-owned", "largest", "biggest", "oldest", "newest",  "smallest"};
    if (std::find(std::begin(kRanks), std::end(kRanks), w) != std::end(kRanks)) return true;
    const std::size_t dash = w.rfind('-');
    return dash != std::string_view::npos &&
           (w.ends_with("largest") || w.ends_with("biggest") || w.ends_with("smallest"));
  }
  // A day or month name.
  bool calendar_word(std::size_t k) const {
    static constexpr std::string_view kNames[] = {
        "monday",  "tuesday",   "wednesday", "thursday", "friday",  "saturday", "sunday",
        "january", "february",  "march",     "april",    "may",     "june",     "july",
        "august",  "september", "october",   "november", "december"};
    return std::find(std::begin(kNames), std::end(kNames), tok(k).folded) != std::end(kNames);
  }
  // Past a time adverbial at k ("in March", "on Tuesday", "on March 3", "last week",
  // "earlier this month"): the index after it, or k when there is none.
  std::size_t skip_time_phrase(std::size_t k, std::size_t e) const {
    auto period = [&](std::size_t q) {
      return q < e && (calendar_word(q) || eq(f(q), "week") || eq(f(q), "month") ||
                       eq(f(q), "year") || eq(f(q), "weekend"));
    };
    if (k + 1 < e && (eq(f(k), "in") || eq(f(k), "on")) && calendar_word(k + 1)) {
      k += 2;
      if (k < e && tok(k).type == TokenType::kNumber) ++k;
      return k;
    }
    if (k + 1 < e && eq(f(k), "earlier") && eq(f(k + 1), "this") && period(k + 2)) return k + 3;
    if (k + 1 < e && (eq(f(k), "last") || eq(f(k), "this")) && period(k + 1)) return k + 2;
    return k;
  }
  std::vector<int> recent_;  // entity ids in order of mention (most recent last)
  std::vector<int> recent_subjects_;
  std::vector<int> recent_actors_;  // subjects and speakers, latest last
  std::vector<int> gov_counts_;     // per entity
  std::size_t group_sentence_ = 0;  // sentence of the last group
  std::vector<std::vector<int>> groups_;
  int main_event_ = -1;                                       // index into cands_
  std::vector<std::pair<int, std::size_t>> pending_markets_;  // (government, sentence)
  std::vector<int> allegations_;
};

}  // namespace stakegraph::io::extract
