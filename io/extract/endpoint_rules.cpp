// Rules that read a verb's event by the kinds of its ends, once the ends are found: an
// unknown name arrested is a person's; a state's envoy summoned is the state rebuked; a
// business's own recall restricts no one; giving is aid from a state and supply from a
// business; an end taken from an earlier sentence makes a discourse tie.
#include <algorithm>

#include "io/extract/run.hpp"

namespace stakegraph::io::extract {

bool ArticleRun::endpoint_rules(const HitReading& hr, Relation& r, std::string& rule) {
  const std::size_t si = cur_.si;
  const std::vector<Mention>& ms = *cur_.ms;
  const std::size_t e = cur_.e;
  const VerbPattern& vp = hr.vp;
  const std::size_t h = hr.h, he = hr.he;
  const std::vector<int>& src = hr.src;
  const std::vector<int>& dst = hr.dst;
  const Mention* target = hr.target;
  const bool passive = hr.passive, has_subj = hr.has_subj;
  // Only people are arrested, jailed or extradited: an untyped name of two or three words
  // that is the object is a person's, called by its parts from here on ("Varga").
  if (r == Relation::kCoerce && target && (target->flags & kUntyped) && target->ents.size() == 1 &&
      target->e - target->b >= 2 && target->e - target->b <= 3 && !passive &&
      (f(h).starts_with("arrest") || f(h).starts_with("detain") || f(h).starts_with("jail") ||
       f(h).starts_with("imprison") || f(h).starts_with("extradit") ||
       f(h).starts_with("sentenc"))) {
    Ent& en = ents_[static_cast<std::size_t>(target->ents[0])];
    if (!en.typed) {
      en.kind = Kind::kPerson;
      en.typed = true;
      for (std::size_t m = target->b; m < target->e; ++m)
        if (tok(m).folded.size() > 2) add_gazetteer(std::string(tok(m).folded), target->ents[0]);
    }
  }
  // Summoning a state's envoy rebukes the state ("summoned the Swedish ambassador"); the
  // envoy named is met.
  if (r == Relation::kConsult && f(h).starts_with("summon") && !dst.empty() &&
      std::all_of(dst.begin(), dst.end(), [&](int y) {
        return ents_[static_cast<std::size_t>(y)].kind == Kind::kGovernment;
      })) {
    r = Relation::kAccuse;
    rule += ":summon";
  } else if (r == Relation::kConsult && f(h).starts_with("summon") && target && has_subj) {
    // "summoned Canada's ambassador, John McCallum": the envoy is met, his state rebuked.
    for (const auto& m : ms)
      if ((m.flags & kPossessive) && m.b >= he && m.e + 1 < e && m.e < target->b + 1 &&
          (eq(f(m.e), "ambassador") || eq(f(m.e), "envoy")))
        for (int y : m.ents)
          if (ents_[static_cast<std::size_t>(y)].kind == Kind::kGovernment)
            for (int x : src) add(x, y, Relation::kAccuse, rule + ":summon", si);
  }
  // "X makes fuselages for Y" is a supply only between companies and organisations ("made
  // a case for Ukraine", "built support for the minister" are none).
  const auto business = [&](int x) {
    const Kind k = ents_[static_cast<std::size_t>(x)].kind;
    return k == Kind::kOrganization || k == Kind::kVendor || k == Kind::kOperator;
  };
  if (vp.name == "verb:make-for" && !(std::all_of(src.begin(), src.end(), business) &&
                                      std::all_of(dst.begin(), dst.end(), business)))
    return false;
  // Replacing a person is succeeding to a post, no sanction ("appointed X to replace him").
  if (r == Relation::kSanction && f(h).starts_with("replac") &&
      std::any_of(dst.begin(), dst.end(),
                  [&](int y) { return ents_[static_cast<std::size_t>(y)].kind == Kind::kPerson; }))
    return false;
  // A business recalling goods withdraws its own; only a regulator's recall restricts.
  if (vp.name == "verb:recall-product" &&
      std::any_of(src.begin(), src.end(), [&](int x) { return company_like(x); }))
    return false;
  // Giving is aid from a state and supply from a business: "Germany delivered tanks to
  // Ukraine" (AID), "Kato Steel delivered 400 tonnes of steel to a builder" (supplies).
  // A sale stays a sale, and a donation or a pledge stays aid whoever gives.
  if (!vp.reverse && !src.empty() && (r == Relation::kSupplies || r == Relation::kAid)) {
    const std::string_view v = f(h);
    const bool giving = v.starts_with("suppl") || v.starts_with("deliver") ||
                        v.starts_with("ship") || v.starts_with("provid") || v == "sent" ||
                        v == "send" || v == "sends" || v.starts_with("equip");
    bool states = true, businesses = true;
    for (int x : src) {
      const Kind k = ents_[static_cast<std::size_t>(x)].kind;
      states &= k == Kind::kGovernment || k == Kind::kAgency;
      businesses &= company_like(x);
    }
    bool to_state = false;
    for (int y : dst) to_state |= ents_[static_cast<std::size_t>(y)].kind == Kind::kGovernment;
    if (giving && r == Relation::kSupplies && states) {
      r = Relation::kAid;
      rule += ":state";
    } else if (giving && r == Relation::kAid && businesses && !to_state) {
      r = Relation::kSupplies;
      rule += ":business";
    }
  }
  // An end taken from an earlier sentence ("defended the arrest", "demanded his release")
  // makes a discourse tie.
  if ((rule.find("+event") != std::string::npos || rule.find("+release") != std::string::npos ||
       rule.find("+patient") != std::string::npos || rule.find("+proposal") != std::string::npos) &&
      !std::all_of(dst.begin(), dst.end(), [&](int y) { return named_here(y); }))
    rule = "discourse:" + rule;
  return true;
}

}  // namespace stakegraph::io::extract
