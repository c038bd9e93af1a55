#include "cli/text_output.hpp"

#include "cli/common.hpp"
#include "io/display_width.hpp"
#include "io/printable.hpp"

#include <iostream>

namespace stakegraph::cli {

void add_edge_limit_option(CLI::App* sub, std::size_t& limit, bool& given,
                           const std::string& help) {
  sub->add_option("--limit", limit, help)->each([&given](const std::string&) { given = true; });
}

std::string with_thousands(std::uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

std::string more_edges_line(std::uint64_t more) {
  return "... and " + with_thousands(more) + (more == 1 ? " more edge" : " more edges") +
         "; use --limit N to see more (0: all)";
}

std::string cell(std::string_view text, std::size_t width, bool truncate) {
  if (truncate && io::display_width(text) > width) {
    // Whole UTF-8 sequences only, leaving one column for the ellipsis.
    std::string out;
    std::size_t w = 0;
    for (std::size_t i = 0; i < text.size();) {
      std::size_t n = 1;
      const auto c = static_cast<unsigned char>(text[i]);
      if (c >= 0xF0)
        n = 4;
      else if (c >= 0xE0)
        n = 3;
      else if (c >= 0xC0)
        n = 2;
      const std::string_view ch = text.substr(i, n);
      const std::size_t cw = io::display_width(ch);
      if (w + cw + 1 > width) break;
      out.append(ch);
      w += cw;
      i += n;
    }
    out += "\xE2\x80\xA6";  // U+2026
    return io::pad_to_width(out, width);
  }
  return io::pad_to_width(text, width);
}

void ArticleWarnings::note(const std::string& warning) {
  if (warning.empty()) return;
  if (++count_ <= kShown) std::cerr << "stakegraph: warning: " << io::printable(warning) << "\n";
}

void ArticleWarnings::finish() const {
  if (count_ > kShown)
    std::cerr << "stakegraph: warning: ... and " << with_thousands(count_ - kShown)
              << " more articles with the same kind of problem\n";
}

std::string unknown_subcommand(const CLI::App& app, const std::string& word) {
  std::string names, best;
  std::size_t best_distance = 3;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    const std::string& name = sub->get_name();
    names += (names.empty() ? "" : ", ") + name;
    const std::size_t d = edit_distance(word, name);
    if (d < best_distance) {
      best_distance = d;
      best = name;
    }
  }
  std::string msg = "unknown subcommand '" + word + "' (one of: " + names + ")";
  if (!best.empty()) msg += "; did you mean '" + best + "'?";
  return msg;
}

}  // namespace stakegraph::cli
