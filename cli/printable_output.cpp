#include "cli/printable_output.hpp"

#include <streambuf>
#include <string>

#include "io/printable.hpp"

namespace stakegraph::cli {

// Holds text until a line ends (UTF-8 sequences never span a '\n'), then writes it printable
// to the original buffer.
class PrintableStreambuf final : public std::streambuf {
 public:
  explicit PrintableStreambuf(std::streambuf* to) : to_(to) {}

 protected:
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    pending_ += traits_type::to_char_type(c);
    if (c == '\n' || pending_.size() >= kHoldBytes) return emit(false) ? c : traits_type::eof();
    return c;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    pending_.append(s, static_cast<std::size_t>(n));
    if (pending_.find('\n', pending_.size() - static_cast<std::size_t>(n)) != std::string::npos ||
        pending_.size() >= kHoldBytes)
      if (!emit(false)) return 0;
    return n;
  }
  int sync() override { return emit(true) && to_->pubsync() == 0 ? 0 : -1; }

 private:
  static constexpr std::size_t kHoldBytes = 1 << 16;

  // Writes out the pending text up to its last line break (all of it when `all`, or when a
  // line grew past kHoldBytes).
  bool emit(bool all) {
    std::size_t end = pending_.size();
    if (!all && pending_.size() < kHoldBytes) {
      const auto nl = pending_.rfind('\n');
      end = nl == std::string::npos ? 0 : nl + 1;
    } else if (!all) {
      // A long line is cut, but not inside a UTF-8 sequence: its last (maybe incomplete)
      // sequence waits for the rest.
      const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(pending_[i]); };
      std::size_t p = end;
      while (p > 0 && end - p < 3 && (byte(p - 1) & 0xC0) == 0x80) --p;
      if (p > 0 && byte(p - 1) >= 0xC0) end = p - 1;
    }
    if (end == 0) return true;
    const std::string out = io::printable(std::string_view(pending_).substr(0, end), "\n\t");
    pending_.erase(0, end);
    return to_->sputn(out.data(), static_cast<std::streamsize>(out.size())) ==
           static_cast<std::streamsize>(out.size());
  }

  std::streambuf* to_;
  std::string pending_;
};

PrintableOutput::PrintableOutput(std::ostream& stream)
    : stream_(stream),
      original_(stream.rdbuf()),
      filter_(std::make_unique<PrintableStreambuf>(original_)) {
  stream_.flush();
  const auto state = stream_.rdstate();
  stream_.rdbuf(filter_.get());
  stream_.setstate(state);
}

PrintableOutput::~PrintableOutput() {
  stream_.flush();
  const auto state = stream_.rdstate();
  stream_.rdbuf(original_);  // clears the state...
  stream_.setstate(state);   // ...which is kept
}

}  // namespace stakegraph::cli
