// stakegraph_words_gen OUTPUT FILE...: the build step that compiles the word lists
// (data/words/) into OUTPUT (io/extract/word_data.hpp; see io/extract/words_gen.hpp). Writes
// OUTPUT whole or not at all (a temporary file renamed over it), and leaves it untouched when
// its text would not change (the build's restat then recompiles nothing). Exit codes: 0 done;
// 1 a malformed or unreadable list (the message names its file and line); 2 usage.
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>

#include "graph/error.hpp"
#include "io/extract/words_gen.hpp"

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  if (argc < 3) {
    std::fprintf(stderr, "usage: stakegraph_words_gen OUTPUT FILE...\n");
    return 2;
  }
  stakegraph::io::extract::WordDataOptions options;
  for (int i = 2; i < argc; ++i) options.files.emplace_back(argv[i]);
  const fs::path out = argv[1];
  try {
    const auto result = stakegraph::io::extract::compile_word_data(options);
    {
      std::ifstream old(out, std::ios::binary);
      std::ostringstream text;
      text << old.rdbuf();
      if (old && text.str() == result.header) return 0;
    }
    if (out.has_parent_path()) fs::create_directories(out.parent_path());
    const fs::path tmp = out.string() + ".tmp";
    {
      std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
      f << result.header;
      f.close();
      if (!f) throw stakegraph::graph::Error(tmp.string() + ": cannot write");
    }
    std::error_code ec;
    fs::rename(tmp, out, ec);
    if (ec) {
      fs::remove(tmp, ec);
      throw stakegraph::graph::Error(out.string() + ": cannot write");
    }
    return 0;
  } catch (const stakegraph::graph::InvalidArgument& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
}
