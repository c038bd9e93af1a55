// Tokens and sentences of an article body for extraction.
//
// Tokenizer: words (letters, digits, internal '-', '&', and the periods of initialisms such
// as "U.S."), numbers with decimals ("8.3bn", "3,000"), possessive "'s" and negative "n't"
// split off, every other character (typographic quotes and dashes included) a token of its
// own. Offsets are bytes into the body; UTF-8 letters are word characters.
// Sentence splitter: a sentence ends at '.', '!' or '?' (plus closing quotes or brackets)
// followed by a capital, digit or opening quote, unless the word before is an abbreviation
// (Mr., Dr., Inc., Corp., Jan., single initials; "U.S." only before a clear sentence
// starter); a blank line, an indented line or a list item ("- ", "* ", "1. ") always starts a
// new sentence. Sentences carry their paragraph index.
// Caps: a sentence holds at most kMaxSentenceTokens tokens and spans at most
// kMaxSentenceBytes bytes (unless it is one token). A longer run of text (no punctuation, a
// repeated clause) is cut where it reaches a cap, after the last clause break (',', ';',
// ':', a dash) of the sentence's second half if it has one, else before the token that
// passes the cap. The longest sentence of the dev set has 47 words, that of the Reuters
// sample 144; the extractor's per-sentence work grows with the square of a sentence's
// length, so the caps keep it linear in the text.
// Complexity: O(n) in the body size.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace stakegraph::io {

inline constexpr std::size_t kMaxSentenceTokens = 256;
inline constexpr std::size_t kMaxSentenceBytes = 4096;

enum class TokenType : std::uint8_t { kWord, kNumber, kPossessive, kNegation, kQuote, kPunct };

struct Token {
  std::uint32_t start = 0, end = 0;  // byte span in the body
  TokenType type = TokenType::kPunct;
  bool cap = false;       // first character is an upper-case ASCII letter (or non-ASCII upper)
  bool all_caps = false;  // two or more letters, all upper case
  // Lower case, periods dropped, typographic apostrophe -> '. A view into the storage
  // given to tokenize() (TextLayout::folded_text for split_text()).
  std::string_view folded;
};

struct Sentence {
  std::uint32_t start = 0, end = 0;   // byte span in the body
  std::uint32_t first = 0, last = 0;  // token range [first, last)
  std::uint32_t paragraph = 0;
};

struct TextLayout {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<char> folded_text;  // storage of the tokens' folded views
  // Tokens [dateline_first, dateline_last) are a wire dateline before the first sentence
  // ("LIMA, May 1 (Reuters) -"); empty when the body opens without one.
  std::uint32_t dateline_first = 0, dateline_last = 0;

  // Move-only: a move keeps the storage the views point into.
  TextLayout() = default;
  TextLayout(TextLayout&&) noexcept = default;
  TextLayout& operator=(TextLayout&&) noexcept = default;
  TextLayout(const TextLayout&) = delete;
  TextLayout& operator=(const TextLayout&) = delete;
};

// Tokenizes `text` into `out` (cleared first). The tokens' folded texts are views into
// `storage` (cleared first; at most text.size() bytes), valid while it is neither changed nor
// destroyed. No allocation beyond the growth of `out` and `storage`.
void tokenize(std::string_view text, std::vector<Token>& out, std::vector<char>& storage);

// Tokens and sentences of a body. A wire dateline that opens the body ("OSLO, March 2
// (Reuters) - ") is left out of the first sentence: it names where the story was filed.
TextLayout split_text(std::string_view body);
// As split_text(), into `out` (its buffers reused).
void split_text(std::string_view body, TextLayout& out);

// Drops the quotation marks of partial quotes: a short quoted phrase that opens in the middle
// of a clause, after a word ('it "fully supports" the ruling'), so that the clause reads as
// it would without them. Quotations that open a sentence or follow punctuation ('"We
// object," it said'; 'said: "We object."') keep their marks, and so do quotations after a
// verb of saying, in the first or second person, of more than three words, or opening with
// a capital (a name in quotes). Sentence token ranges are updated; quoted[i] tells whether
// sentence i had any quotation mark (cleared and sized first). O(tokens).
void drop_partial_quotes(TextLayout& layout, std::vector<char>& quoted);

// Folds one token's text as the lexicon indexes it ("U.S." -> "us", "Huawei" -> "huawei").
std::string fold_token(std::string_view token_text);

}  // namespace stakegraph::io
