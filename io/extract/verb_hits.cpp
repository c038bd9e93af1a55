// Verb heads of the lexicon's patterns in the current sentence (longest forms first).
#include "io/extract/run.hpp"
#include "io/extract/tagger.hpp"

namespace stakegraph::io::extract {

void ArticleRun::find_verb_hits() {
  const std::size_t b = cur_.b, e = cur_.e;
  std::vector<VerbHit>& hits = cur_.hits;
  hits.clear();
  // Find verb heads (longest forms first), patterns with objects/preps before bare ones. The
  // object noun may follow an apposition ("added X, a maker of Y, to its blacklist").
  constexpr std::size_t kObjectWindow = 18;
  const auto& verbs = lex_.verbs();
  for (std::size_t k = b; k < e; ++k) {
    if (!is_word(k) && !eq(f(k), "'s")) continue;
    if (mention_covering(k)) {
      // Words inside a mention can still be heads of noun patterns ("Entity List")
      continue;
    }
    struct VerbKey {
      std::size_t n;
      const std::vector<std::size_t>* cands;
    };
    VerbKey keys[4];
    std::size_t nkeys = 0;
    std::uint32_t vnode = Lexicon::kTrieRoot;
    for (std::size_t n = 1; n <= 4 && k + n <= e; ++n) {
      vnode = lex_.trie_step(vnode, tid_[k + n - 1]);
      if (vnode == Lexicon::kTrieRoot) break;
      if (const auto* c = lex_.verbs_at(vnode)) keys[nkeys++] = {n, c};
    }
    const VerbPattern* best = nullptr;
    std::size_t best_n = 0;
    int best_score = -1;
    for (std::size_t ki = 0; ki < nkeys; ++ki) {
      const std::size_t n = keys[ki].n;
      for (std::size_t vi : *keys[ki].cands) {
        const VerbPattern& vp = verbs[vi];
        {
          // Check the object constraint now: it decides between patterns.
          bool obj_ok = vp.objects.empty();
          std::size_t obj_at = k + n;
          if (!vp.objects.empty()) {
            for (std::size_t m = k + n; m < std::min(e, k + n + kObjectWindow); ++m) {
              if (eq(f(m), ";") || eq(f(m), ".")) break;
              for (const auto& o : vp.objects) {
                const std::size_t on = phrase_at(m, e, o);
                if (on > 0) {
                  obj_ok = true;
                  obj_at = m + on;
                  break;
                }
              }
              if (obj_ok) break;
            }
          }
          if (!obj_ok) continue;
          bool prep_ok = vp.preps.empty();
          std::size_t prep_gap = 0;  // words between the object and the preposition
          if (!vp.preps.empty()) {
            for (std::size_t m = obj_at; m < std::min(e, obj_at + 12); ++m) {
              for (const auto& pr : vp.preps)
                if (phrase_at(m, e, pr) > 0) prep_ok = true;
              // "lend it $3 million to build ports": "to" opens an infinitive there.
              if (prep_ok && eq(f(m), "to") && m + 1 < e && is_word(m + 1) && !tok(m + 1).cap &&
                  bare_verb(f(m + 1)))
                prep_ok = false;
              if (prep_ok) {
                prep_gap = m - obj_at;
                break;
              }
            }
          }
          // A pattern whose preposition is missing ranks below one that needs none ("bought
          // X": ownership, not "bought from").
          // Between patterns of equal rank, the one whose preposition comes first ("filed a
          // complaint against X with the regulator": against X).
          int score = (static_cast<int>(n) * 4 + (vp.objects.empty() ? 0 : 2) +
                       (vp.preps.empty() ? 1
                        : prep_ok        ? 2
                                         : 0)) *
                          16 +
                      (prep_ok && !vp.preps.empty() ? 15 - static_cast<int>(prep_gap) : 0);
          if (!prep_ok && !vp.preps.empty() && vp.objects.empty() &&
              vp.relation != Relation::kSupplies)
            continue;
          if (score > best_score) {
            best = &vp;
            best_n = n;
            best_score = score;
          }
        }
      }
    }
    if (best) {
      hits.push_back({k, k + best_n, best});
      std::size_t skip_to = k + best_n;
      if (!best->objects.empty()) {
        for (std::size_t m = k + best_n; m < std::min(e, k + best_n + kObjectWindow); ++m) {
          bool hitw = false;
          for (const auto& o : best->objects)
            if (o == tok(m).folded) hitw = true;
          if (hitw) {
            skip_to = m + 1;
            break;
          }
        }
      }
      k = skip_to - 1;
    }
  }
}

}  // namespace stakegraph::io::extract
