// Things put forward and who put them forward: "Brazil proposed a tariff ... Argentina
// rejected the proposal" judges Brazil. The nouns and the verb forms that make each are
// data/words/proposal_nouns.tsv (general English).
#include "io/extract/run.hpp"

namespace stakegraph::io::extract {

namespace {

const word_data::ProposalNounsRow* proposal_row(std::string_view noun) {
  for (const auto& row : kProposalNouns)
    if (row.noun == noun) return &row;
  return nullptr;
}

bool makes(const word_data::ProposalNounsRow& row, std::string_view verb) {
  for (std::string_view w : row.words)
    if (!w.empty() && w == verb) return true;
  return false;
}

}  // namespace

void ArticleRun::record_proposals() {
  const std::size_t si = cur_.si;
  const std::size_t b = cur_.b, e = cur_.e;
  for (std::size_t k = b + 1; k < e; ++k) {
    bool any = false;
    for (const auto& row : kProposalNouns) any = any || makes(row, f(k));
    if (!any) continue;
    // A verb, not the noun ("its plans", "the bid"): no determiner or possessive before it.
    const std::string_view prev = f(k - 1);
    if (eq(prev, "the") || eq(prev, "a") || eq(prev, "an") || eq(prev, "its") ||
        eq(prev, "their") || eq(prev, "his") || eq(prev, "her") ||
        tok(k - 1).type == TokenType::kPossessive)
      continue;
    std::vector<int> by;
    std::size_t se = b;
    if (!subject_of(k, by, &se) || by.empty() || negated(se, k)) continue;
    proposals_.push_back({f(k), std::move(by), si});
  }
}

bool ArticleRun::proposal_owner(std::size_t from, std::size_t to, const std::vector<int>& judge,
                                std::vector<int>& out) const {
  const std::size_t si = cur_.si;
  const word_data::ProposalNounsRow* row = nullptr;
  std::size_t at = to;
  for (std::size_t k = from; k < to; ++k) {
    if (eq(f(k), ",") || eq(f(k), ";") || eq(f(k), ".")) break;
    if ((row = proposal_row(f(k)))) {
      at = k;
      break;
    }
  }
  if (!row || at == from) return false;
  auto judged = [&](const std::vector<int>& by) {
    for (int x : by)
      if (std::find(judge.begin(), judge.end(), x) == judge.end()) out.push_back(x);
    return !out.empty();
  };
  // "its proposal", "their plan": the pronoun's antecedent.
  if (const Mention* m = mention_covering(at - 1);
      m && (m->flags & kPronoun) && (m->flags & kPossessive) && !m->ents.empty())
    return judged(m->ents);
  // "the proposal", "this plan": the latest of its kind put forward a few sentences back.
  const std::string_view det = f(at - 1);
  if (!(eq(det, "the") || eq(det, "this") || eq(det, "that") || eq(det, "these"))) return false;
  for (std::size_t q = proposals_.size(); q-- > 0;) {
    const Proposal& p = proposals_[q];
    if (p.si + 4 < si) break;
    if (makes(*row, p.verb) && judged(p.by)) return true;
  }
  return false;
}

}  // namespace stakegraph::io::extract
