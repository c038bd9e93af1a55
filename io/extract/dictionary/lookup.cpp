#include "io/extract/dictionary/lookup.hpp"

#include <cctype>

namespace stakegraph::io::extract::dictionary {

std::vector<std::string> lookup_words(std::string_view text) {
  std::vector<std::string> out;
  std::string w;
  const auto flush = [&] {
    if (!w.empty()) out.push_back(std::move(w));
    w.clear();
  };
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '\'' || c == '&' || u >= 0x80 ||
        (c == '.' && !w.empty() && w.size() < 4)) {
      w.push_back(static_cast<char>(std::tolower(u)));
    } else {
      flush();
    }
  }
  flush();
  return out;
}

SentenceLookup lookup_sentence(const Dictionaries& d, std::string_view text, Date date) {
  SentenceLookup l;
  l.tokens = lookup_words(text);
  const std::vector<std::string_view> t(l.tokens.begin(), l.tokens.end());
  l.discard = d.discards.find(t);
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (const ActorMatch a = d.actors.longest(t, i, date)) l.actors.push_back({i, a});
    if (const AgentMatch g = d.agents.longest(t, i)) l.agents.push_back({i, g});
    const VerbMatch v = d.verbs.match(t, i, 0, t.size());
    if (v.verb) l.verbs.push_back({i, v});
  }
  return l;
}

}  // namespace stakegraph::io::extract::dictionary
