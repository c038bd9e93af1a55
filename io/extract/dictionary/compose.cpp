// Agent + actor codes (see compose.hpp).
#include "io/extract/dictionary/compose.hpp"

namespace stakegraph::io::extract::dictionary {

std::string with_agent(std::string_view actor_code, std::string_view agent_code, bool prefix) {
  std::string code(actor_code);
  if (agent_code.empty()) return code;
  for (std::size_t at = 0; at + agent_code.size() <= code.size(); at += 3)
    if (std::string_view(code).substr(at, agent_code.size()) == agent_code) return code;
  if (prefix) return std::string(agent_code) + code;
  return code + std::string(agent_code);
}

ComposedActor agent_of_actor(const Dictionaries& d, Tokens tokens, std::size_t i, Date date) {
  ComposedActor r;
  const AgentMatch g = d.agents.longest(tokens, i);
  if (!g || g.code.empty()) return r;
  std::size_t j = i + g.length;
  if (j >= tokens.size() || !(tokens[j] == "in" || tokens[j] == "of" || tokens[j] == "from"))
    return r;
  ++j;
  if (j < tokens.size() && tokens[j] == "the") ++j;
  if (j >= tokens.size()) return r;
  const ActorMatch a = d.actors.longest(tokens, j, date);
  if (!a || a.code.empty()) return r;
  r.length = j + a.length - i;
  r.code = with_agent(a.code, g.code, g.prefix);
  r.actor_at = j;
  r.actor_length = a.length;
  return r;
}

}  // namespace stakegraph::io::extract::dictionary
