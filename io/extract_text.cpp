#include "io/extract_text.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace stakegraph::io {
namespace {

bool is_ascii_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_ascii_alnum(unsigned char c) { return is_ascii_alpha(c) || is_digit(c); }

// Length of the UTF-8 sequence starting with `c` (1 for ASCII or a stray byte).
std::size_t utf8_len(unsigned char c) {
  if (c < 0xC0) return 1;
  if (c < 0xE0) return 2;
  if (c < 0xF0) return 3;
  return 4;
}

// Code point at text[i] (assumes valid UTF-8; stray bytes read as themselves).
char32_t code_point(std::string_view t, std::size_t i, std::size_t& len) {
  unsigned char c = static_cast<unsigned char>(t[i]);
  len = utf8_len(c);
  if (i + len > t.size()) len = 1;
  if (len == 1) return c;
  char32_t cp = c & (0xFF >> (len + 1));
  for (std::size_t k = 1; k < len; ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(t[i + k]) & 0x3F);
  return cp;
}

// code_point() with the ASCII case inline (most characters).
inline char32_t decode(std::string_view t, std::size_t i, std::size_t& len) {
  const auto c = static_cast<unsigned char>(t[i]);
  if (c < 0x80) {
    len = 1;
    return c;
  }
  return code_point(t, i, len);
}

bool is_space_cp(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || cp == 0x2009 || cp == 0x202F || cp == 0x200B;
}
bool is_apostrophe_cp(char32_t cp) { return cp == '\'' || cp == 0x2019; }
bool is_quote_cp(char32_t cp) {
  return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 || cp == 0xAB ||
         cp == 0xBB || cp == '\'';
}
// Letters of scripts beyond ASCII: everything >= U+00C0 that is not punctuation we know.
inline bool is_letter_cp(char32_t cp) {
  if (cp < 0x80) return is_ascii_alnum(static_cast<unsigned char>(cp));
  if (cp < 0xC0) return false;                     // Latin-1 punctuation and symbols
  if (cp == 0xD7 || cp == 0xF7) return false;      // multiplication, division
  if (cp >= 0x2000 && cp <= 0x206F) return false;  // general punctuation
  if (cp >= 0x20A0 && cp <= 0x20CF) return false;  // currency
  if (cp >= 0x2190 && cp <= 0x2BFF) return false;  // arrows, symbols
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp == 0xFEFF) return false;
  return true;
}
bool is_upper_cp(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x391 && cp <= 0x3A9) ||
         (cp >= 0x410 && cp <= 0x42F);
}

}  // namespace

namespace {

// fold_token() into `out` (cleared first).
void fold_token_to(std::string_view s, std::string& out) {
  out.clear();
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '.') continue;
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x99) {
      out.push_back('\'');
      i += 2;
      continue;
    }
    out.push_back(c < 0x80 ? static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c)
                           : static_cast<char>(c));
  }
  if (out.empty()) out.assign(s);
}

}  // namespace

std::string fold_token(std::string_view s) {
  std::string out;
  fold_token_to(s, out);
  return out;
}

void tokenize(std::string_view t, std::vector<Token>& out, std::vector<char>& storage) {
  out.clear();
  // Folding never lengthens a token and tokens do not overlap: text.size() bytes suffice, so
  // the storage is never reallocated while views into it are handed out.
  storage.clear();
  storage.resize(t.size());
  std::size_t used = 0;
  std::size_t i = 0;
  const std::size_t n = t.size();
  out.reserve(n / 5 + 8);  // about one token per 5-6 bytes of English text
  auto push = [&](std::size_t a, std::size_t b, TokenType type) {
    bool cap;
    const auto c0 = static_cast<unsigned char>(t[a]);
    if (c0 < 0x80) {
      cap = c0 >= 'A' && c0 <= 'Z';
    } else {
      std::size_t len = 0;
      cap = is_upper_cp(decode(t, a, len));
    }
    // One pass: count ASCII letters and capitals, and fold as fold_token() does.
    int letters = 0, upper = 0;
    char* folded = storage.data() + used;
    std::size_t m = 0;
    for (std::size_t q = a; q < b; ++q) {
      const auto c = static_cast<unsigned char>(t[q]);
      if (c >= 'A' && c <= 'Z') {
        ++letters;
        ++upper;
        folded[m++] = static_cast<char>(c + 32);
      } else if (c >= 'a' && c <= 'z') {
        ++letters;
        folded[m++] = static_cast<char>(c);
      } else if (c == '.') {
        continue;
      } else if (c == 0xE2 && q + 2 < b && static_cast<unsigned char>(t[q + 1]) == 0x80 &&
                 static_cast<unsigned char>(t[q + 2]) == 0x99) {
        folded[m++] = '\'';
        q += 2;
      } else {
        folded[m++] = static_cast<char>(c);
      }
    }
    if (m == 0) {  // nothing left (a lone period): the token as it is
      m = b - a;
      std::copy(t.begin() + static_cast<std::ptrdiff_t>(a),
                t.begin() + static_cast<std::ptrdiff_t>(b), folded);
    }
    used += m;
    out.push_back(Token{static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b), type, cap,
                        letters >= 2 && letters == upper, std::string_view(folded, m)});
  };
  while (i < n) {
    if (t[i] == ' ') {  // fast path of the most common character
      ++i;
      continue;
    }
    std::size_t len = 0;
    char32_t cp = decode(t, i, len);
    if (is_space_cp(cp)) {
      i += len;
      continue;
    }
    if (is_letter_cp(cp)) {
      const bool number = is_digit(static_cast<unsigned char>(t[i]));
      std::size_t j = i + len;
      std::size_t segment_start = i;  // for initialisms: letters since the last period
      bool initialism = false;
      while (j < n) {
        if (is_ascii_alnum(static_cast<unsigned char>(t[j]))) {  // fast path: ASCII letter
          ++j;
          continue;
        }
        std::size_t l2 = 0;
        char32_t c2 = decode(t, j, l2);
        if (is_letter_cp(c2)) {
          j += l2;
          continue;
        }
        auto next_is = [&](std::size_t at, auto pred) {
          if (at >= n) return false;
          std::size_t l3 = 0;
          return static_cast<bool>(pred(decode(t, at, l3)));
        };
        if ((c2 == '-' || c2 == '&' || c2 == '/') && next_is(j + 1, is_letter_cp)) {
          j += 1;
          continue;
        }
        if (number && (c2 == '.' || c2 == ',' || c2 == ':') && j + 1 < n &&
            is_digit(static_cast<unsigned char>(t[j + 1]))) {
          j += 1;
          continue;
        }
        if (c2 == '.' && !number && j - segment_start == 1 &&
            is_ascii_alpha(static_cast<unsigned char>(t[segment_start]))) {
          // "U.S." / "U.K." / "e.g.": single letters joined by periods.
          if (j + 2 < n && is_ascii_alpha(static_cast<unsigned char>(t[j + 1])) &&
              t[j + 2] == '.') {
            initialism = true;
            segment_start = j + 1;
            j += 1;
            continue;
          }
          if (initialism) {
            j += 1;  // the final period of the initialism
            break;
          }
        }
        if (is_apostrophe_cp(c2)) {
          // Possessive 's, negative n't, or an apostrophe inside a name (O'Brien).
          std::size_t after = j + l2;
          std::size_t l3d = 0;
          bool s_follows = after < n && (t[after] == 's' || t[after] == 'S') &&
                           (after + 1 >= n || !is_letter_cp(decode(t, after + 1, l3d)));
          if (!s_follows && after < n && (t[after] == 't' || t[after] == 'T') && j > i &&
              (t[j - 1] == 'n' || t[j - 1] == 'N') &&
              (after + 1 >= n || !is_letter_cp(decode(t, after + 1, l3d)))) {
            if (j - 1 > i) push(i, j - 1, number ? TokenType::kNumber : TokenType::kWord);
            push(j - 1, after + 1, TokenType::kNegation);
            i = after + 1;
            goto next;
          }
          if (!s_follows && next_is(after, is_letter_cp)) {
            j = after;
            continue;
          }
        }
        break;
      }
      push(i, j, number ? TokenType::kNumber : TokenType::kWord);
      i = j;
      // Possessive after the word.
      if (i < n) {
        std::size_t l2 = 0;
        char32_t c2 = decode(t, i, l2);
        if (is_apostrophe_cp(c2)) {
          std::size_t after = i + l2;
          std::size_t l3 = 0;
          if (after < n && (t[after] == 's' || t[after] == 'S') &&
              (after + 1 >= n || !is_letter_cp(decode(t, after + 1, l3)))) {
            push(i, after + 1, TokenType::kPossessive);
            i = after + 1;
          } else if (out.back().folded.size() > 1 && out.back().folded.back() == 's' &&
                     (after >= n || !is_letter_cp(decode(t, after, l3)))) {
            push(i, after, TokenType::kPossessive);  // plural possessive: "allies'"
            i = after;
          }
        }
      }
      continue;
    }
    push(i, i + len, is_quote_cp(cp) ? TokenType::kQuote : TokenType::kPunct);
    i += len;
  next:;
  }
}

namespace {

bool in_list(std::string_view w, std::initializer_list<std::string_view> list) {
  for (auto x : list)
    if (w == x) return true;
  return false;
}

// Abbreviations after which a period never ends a sentence (titles and the like).
bool is_title_abbrev(std::string_view f) {
  return in_list(f, {"mr",   "mrs", "ms",   "dr",  "prof", "gen", "col",    "lt",   "sgt", "capt",
                     "cmdr", "adm", "rep",  "sen", "gov",  "st",  "rev",    "hon",  "fr",  "maj",
                     "no",   "nos", "vs",   "v",   "jan",  "feb", "mar",    "apr",  "jun", "jul",
                     "aug",  "sep", "sept", "oct", "nov",  "dec", "approx", "dept", "fig", "e.g",
                     "eg",   "ie",  "cf",   "al",  "mt",   "ft"});
}
// Abbreviations that may also end a sentence: split only before a clear sentence starter.
bool is_company_abbrev(std::string_view f) {
  return in_list(f, {"inc", "corp", "co", "ltd", "plc", "llc", "jr", "sr", "bros", "etc", "us",
                     "uk", "un", "eu"});
}
bool is_sentence_starter(std::string_view f) {
  return in_list(f, {"the",  "a",    "an",    "it",    "he",    "she",     "they",      "we",
                     "i",    "this", "that",  "these", "those", "but",     "in",        "on",
                     "at",   "its",  "his",   "her",   "their", "however", "meanwhile", "there",
                     "some", "many", "after", "when",  "while", "if",      "as",        "for"});
}

// Where a sentence [begin, k) that reached its cap ends: after the last clause break (',',
// ';', ':' or a dash) in its second half, else before token k.
std::size_t capped_sentence_end(const std::vector<Token>& T, std::string_view body,
                                std::size_t begin, std::size_t k) {
  for (std::size_t j = k; j-- > begin + (k - begin) / 2;) {
    std::string_view w = body.substr(T[j].start, T[j].end - T[j].start);
    if (w == "," || w == ";" || w == ":" || w == "\xE2\x80\x94" || w == "\xE2\x80\x93")
      return j + 1;
  }
  return k;
}

}  // namespace

void drop_partial_quotes(TextLayout& L, std::vector<char>& quoted) {
  constexpr std::size_t kMaxPartialQuote = 4;  // a phrase of at most three words
  auto& T = L.tokens;
  quoted.assign(L.sentences.size(), 0);
  std::vector<char> drop;
  std::vector<std::size_t> marks;
  for (std::size_t si = 0; si < L.sentences.size(); ++si) {
    const Sentence& s = L.sentences[si];
    marks.clear();
    for (std::size_t k = s.first; k < s.last; ++k)
      if (T[k].type == TokenType::kQuote && T[k].folded != "'") marks.push_back(k);
    if (marks.empty()) continue;
    quoted[si] = 1;
    for (std::size_t p = 0; p + 1 < marks.size(); p += 2) {
      const std::size_t open = marks[p];
      if (open == s.first) continue;
      const TokenType before = T[open - 1].type;
      if (before != TokenType::kWord && before != TokenType::kNumber) continue;
      // A quotation after a verb of saying is a quotation ('said "We will appeal"'), and one
      // in the first or second person needs its speaker: both keep their marks.
      static constexpr std::string_view kSaying[] = {"said",  "says",     "say",      "told",
                                                     "tells", "added",    "adds",     "stated",
                                                     "wrote", "declared", "insisted", "argued"};
      static constexpr std::string_view kPersons[] = {"we", "our", "us",   "i",   "me",
                                                      "my", "you", "your", "ours"};
      const std::string_view prev = T[open - 1].folded;
      bool keep = std::find(std::begin(kSaying), std::end(kSaying), prev) != std::end(kSaying);
      for (std::size_t q = open + 1; q < marks[p + 1] && !keep; ++q)
        keep =
            std::find(std::begin(kPersons), std::end(kPersons), T[q].folded) != std::end(kPersons);
      // Long stretches are quotations with clauses of their own; short ones are phrases.
      keep |= marks[p + 1] - open > kMaxPartialQuote;
      // A capitalised first word is a name or a title in quotes ('the "Clean Shores" plan').
      keep |= open + 1 < marks[p + 1] && T[open + 1].cap;
      if (keep) continue;
      if (drop.empty()) drop.assign(T.size(), 0);
      drop[open] = drop[marks[p + 1]] = 1;
    }
  }
  if (drop.empty()) return;
  // Position of each old token among the kept ones (sentence bounds are token positions).
  std::vector<std::uint32_t> pos(T.size() + 1);
  std::size_t out = 0;
  for (std::size_t k = 0; k < T.size(); ++k) {
    pos[k] = static_cast<std::uint32_t>(out);
    if (!drop[k]) T[out++] = T[k];
  }
  pos[T.size()] = static_cast<std::uint32_t>(out);
  T.resize(out);
  for (Sentence& s : L.sentences) {
    s.first = pos[s.first];
    s.last = pos[s.last];
  }
}

namespace {

// A wire dateline before the first sentence's text: "OSLO, March 2 (Reuters) - ",
// "WASHINGTON (AP) — ", "SAO PAULO - ", "Oslo, March 2 (Reuters) - ". The place names where
// the story was filed, not an actor of it. Returns the index of the first token after the
// dash, or `first` when the sentence does not open with a dateline: a first word in capitals
// (or a capitalised word with a parenthesised agency before the dash), then only capitalised
// words, numbers, commas, periods and one parenthesised group, and a dash within 14 tokens
// followed by a capitalised word or a quotation mark.
std::size_t dateline_end(std::string_view body, const std::vector<Token>& T, std::size_t first,
                         std::size_t last) {
  auto text = [&](std::size_t k) { return body.substr(T[k].start, T[k].end - T[k].start); };
  auto is_dash = [&](std::size_t k) {
    std::string_view w = text(k);
    return w == "-" || w == "--" || w == "\xE2\x80\x94" || w == "\xE2\x80\x93";
  };
  if (first >= last || T[first].type != TokenType::kWord || !T[first].cap) return first;
  bool in_parens = false, had_parens = false;
  const std::size_t stop = std::min(last, first + 14);
  for (std::size_t k = first + 1; k < stop; ++k) {
    std::string_view w = text(k);
    if (in_parens) {
      if (w == ")")
        in_parens = false;
      else if (T[k].type != TokenType::kWord || !T[k].cap)
        return first;
      continue;
    }
    if (w == "(" && !had_parens) {
      in_parens = had_parens = true;
      continue;
    }
    if (is_dash(k)) {
      if (k == first + 1 && !T[first].all_caps) return first;
      if (!T[first].all_caps && !had_parens) return first;
      if (k + 1 >= last || !(T[k + 1].cap || T[k + 1].type == TokenType::kQuote)) return first;
      return k + 1;
    }
    if (w == "," || w == ".") continue;
    if (T[k].type == TokenType::kNumber) continue;
    if (T[k].type == TokenType::kWord && T[k].cap) continue;
    return first;
  }
  return first;
}

}  // namespace

TextLayout split_text(std::string_view body) {
  TextLayout L;
  split_text(body, L);
  return L;
}

void split_text(std::string_view body, TextLayout& L) {
  L.sentences.clear();
  L.dateline_first = L.dateline_last = 0;
  tokenize(body, L.tokens, L.folded_text);
  auto& T = L.tokens;
  const std::size_t n = T.size();
  // A paragraph break between token k-1 and k: a blank line or a newline followed by
  // indentation or a list marker.
  auto paragraph_break = [&](std::size_t k) {
    if (k == 0) return false;
    // Fast path: no gap, or one character that is not a newline.
    const std::size_t gap_size = T[k].start - T[k - 1].end;
    if (gap_size == 0 || (gap_size == 1 && body[T[k - 1].end] != '\n')) return false;
    std::string_view gap = body.substr(T[k - 1].end, gap_size);
    std::size_t nl = gap.find('\n');
    if (nl == std::string_view::npos) return false;
    std::string_view rest = gap.substr(nl + 1);
    if (rest.find('\n') != std::string_view::npos) return true;             // blank line
    if (!rest.empty() && (rest[0] == ' ' || rest[0] == '\t')) return true;  // indented
    const Token& t = T[k];
    std::string_view w = body.substr(t.start, t.end - t.start);
    if (w == "-" || w == "*" || w == "\xE2\x80\xA2") return true;  // bullet
    if (t.type == TokenType::kNumber && k + 1 < n && body.substr(T[k + 1].start, 1) == "." &&
        t.end == T[k + 1].start)
      return true;  // "1. item"
    return false;
  };
  auto is_list_marker = [&](std::size_t k) {
    std::string_view w = body.substr(T[k].start, T[k].end - T[k].start);
    if (w == "-" || w == "*" || w == "\xE2\x80\xA2") return 1;
    if (T[k].type == TokenType::kNumber && T[k].folded.size() <= 3 && k + 1 < n &&
        body.substr(T[k + 1].start, T[k + 1].end - T[k + 1].start) == ".")
      return 2;
    return 0;
  };
  std::uint32_t paragraph = 0;
  std::size_t begin = 0;
  bool at_paragraph_start = true;
  auto close = [&](std::size_t end_tok) {
    if (end_tok <= begin) return;
    Sentence s;
    s.first = static_cast<std::uint32_t>(begin);
    s.last = static_cast<std::uint32_t>(end_tok);
    s.start = T[begin].start;
    s.end = T[end_tok - 1].end;
    s.paragraph = paragraph;
    L.sentences.push_back(s);
    begin = end_tok;
  };
  for (std::size_t k = 0; k < n; ++k) {
    // A sentence at its cap ends before token k (split_text_caps.hpp).
    if (k > begin &&
        (k - begin >= kMaxSentenceTokens || T[k].end - T[begin].start > kMaxSentenceBytes)) {
      close(capped_sentence_end(T, body, begin, k));
      // The tokens after that break start the next sentence, which may reach its cap too.
      if (k - begin >= kMaxSentenceTokens || T[k].end - T[begin].start > kMaxSentenceBytes)
        close(k);
    }
    if (k > begin && paragraph_break(k)) {
      close(k);
      ++paragraph;
      at_paragraph_start = true;
    } else if (k > 0 && k == begin && paragraph_break(k)) {
      ++paragraph;
      at_paragraph_start = true;
    }
    if (at_paragraph_start && k == begin) {
      at_paragraph_start = false;
      int m = is_list_marker(k);
      if (m > 0) {
        k += static_cast<std::size_t>(m) - 1;
        begin = k + 1;
        continue;
      }
    }
    std::string_view w = body.substr(T[k].start, T[k].end - T[k].start);
    bool terminal = w == "." || w == "!" || w == "?" || w == "\xE2\x80\xA6";
    bool initialism_end = T[k].type == TokenType::kWord && w.size() >= 3 && w.back() == '.';
    if (!terminal && !initialism_end) continue;
    std::size_t e = k + 1;
    while (e < n &&
           (T[e].type == TokenType::kQuote || body.substr(T[e].start, 1) == ")" ||
            body.substr(T[e].start, 1) == "]") &&
           T[e].start == T[e - 1].end)
      ++e;
    if (e >= n) {
      close(n);
      k = n;
      break;
    }
    const Token& next = T[e];
    if (paragraph_break(e)) {
      close(e);
      k = e - 1;
      continue;
    }
    bool next_ok = next.cap || next.type == TokenType::kNumber ||
                   (next.type == TokenType::kQuote && e + 1 < n && T[e + 1].cap);
    if (!next_ok) continue;
    if (w == "." && k > 0 && T[k - 1].end == T[k].start && T[k - 1].type == TokenType::kWord) {
      const std::string_view prev = T[k - 1].folded;
      std::string_view prev_raw = body.substr(T[k - 1].start, T[k - 1].end - T[k - 1].start);
      if (is_title_abbrev(prev)) continue;
      if (prev_raw.size() == 1 && T[k - 1].cap) continue;  // initial: "John F. Kennedy"
      if (is_company_abbrev(prev) && !is_sentence_starter(next.folded)) continue;
    }
    if (initialism_end && !is_sentence_starter(next.folded)) continue;
    close(e);
    k = e - 1;
  }
  close(n);
  if (!L.sentences.empty()) {
    Sentence& s0 = L.sentences.front();
    const std::size_t d = dateline_end(body, T, s0.first, s0.last);
    if (d > s0.first) {
      L.dateline_first = s0.first;
      L.dateline_last = static_cast<std::uint32_t>(d);
      s0.first = static_cast<std::uint32_t>(d);
      s0.start = T[d].start;
    }
  }
}

}  // namespace stakegraph::io
