// Helpers for the terminal output of the subcommands: bounded listings ("... and 214,620
// more edges; use --limit") and table cells padded by display width (io/display_width.hpp:
// "Société Générale" and "华为" take the columns they show, not their bytes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

namespace stakegraph::cli {

// Edges listed by `show` and `neighbors` when --limit is not given.
inline constexpr std::size_t kDefaultEdgeLimit = 20;

// Adds --limit N to `sub` (show, neighbors), bound to `limit`, with `help`; `given` is set
// when the command line gives it (--json then lists `limit` edges instead of every one).
void add_edge_limit_option(CLI::App* sub, std::size_t& limit, bool& given, const std::string& help);

// 214620 -> "214,620".
std::string with_thousands(std::uint64_t n);

// "... and 214,620 more edges; use --limit N to see more (0: all)".
std::string more_edges_line(std::uint64_t more);

// `text` padded with spaces to `width` terminal columns (left-aligned), or cut to `width`
// columns with "…" when `truncate` and it is wider.
std::string cell(std::string_view text, std::size_t width, bool truncate = false);

// Warnings of the article readers (io::ArticleText::warning) on stderr: the first
// kShown as they come, then how many more at finish().
class ArticleWarnings final {
 public:
  static constexpr std::size_t kShown = 10;
  void note(const std::string& warning);
  void finish() const;

 private:
  std::size_t count_ = 0;
};

// "unknown subcommand 'foo' (one of: convert, stats, ...)", with "; did you mean 'show'?"
// when a subcommand of `app` is within 2 edits of `word`.
std::string unknown_subcommand(const CLI::App& app, const std::string& word);

}  // namespace stakegraph::cli
