// The build step that compiles the extractor's word lists (data/words/) into C++: it checks
// each file and writes the header io/extract/word_data.hpp that io/extract/words.hpp includes
// (so the program needs no data file for them at run time, and a list costs what a C++
// initialiser did). Run by the build as `stakegraph_words_gen OUTPUT FILE...`
// (io/extract/words_gen_main.cpp); see data/README.md for the file formats.
//
// A list `data/words/foo_bar.txt` becomes `word_data::kFooBar`, an array of std::string_view
// in the file's order: a first line `# what the list is for`, then one entry per line, lower
// case, no blank at either end, no empty entry, no entry twice; lines starting with `#` are
// comments. A table `foo_bar.tsv` becomes `word_data::kFooBar`, an array of `FooBarRow`: after
// the header comment, a line naming the tab-separated columns, then one row per line with
// exactly that many cells, the first column a key no two rows share. A column's name is the
// row's field and gives its type: `kinds` one to three node kinds, space-separated
// (std::array<graph::Kind, 3>, the last repeated to fill it); `relation` a relation as the
// ontology writes it (graph::Relation); `plural` yes or no (bool); `words` one or more
// lower-case words, space-separated (std::array<std::string_view, N>, N the most any row
// has, the rest ""); any other name one lower-case word (std::string_view). Each row is
// preceded by a `#line` naming its file and line, so a kind or relation the ontology lacks
// is a compile error at the data file's line.
//
// Complexity: linear in the size of the files (duplicates through a hash set).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace stakegraph::io::extract {

struct WordDataOptions {
  // The list files, as they are named in errors and in the generated `#line`s (the build
  // passes them relative to the source directory: data/words/prepositions.txt).
  std::vector<std::string> files;
  // The name the generated file gives itself after a table's `#line`s.
  std::string output_name = "io/extract/word_data.hpp";
};

struct WordDataResult {
  std::string header;  // the C++ text of io/extract/word_data.hpp
  std::size_t lists = 0;
  std::size_t entries = 0;  // entries and rows
};

// Reads and checks every file, and returns the generated header. Throws io::ParseError naming
// the file and line of the first malformed line (a file that cannot be read: line 0), and
// graph::InvalidArgument for a file name that makes no C++ name (not lower-case
// letters, digits and '_' ending in .txt or .tsv) or two files of one name.
WordDataResult compile_word_data(const WordDataOptions& options);

}  // namespace stakegraph::io::extract
