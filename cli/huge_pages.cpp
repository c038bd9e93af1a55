// The stakegraph program's global operator new: a block of 1 MiB or more is mapped on its own,
// aligned to 2 MiB, and advised into transparent huge pages (madvise MADV_HUGEPAGE) before it
// is first written, so that filling it takes one page fault per 2 MiB instead of one per 4 KiB.
// The large blocks are the frames read from a file (4 MiB each), the topology arrays and the
// CSR view; on the project's machine (a virtual machine, transparent huge pages in `madvise`
// mode) their page faults were the largest cost of `show` and of
// `centrality --metric pagerank` at 10^6 edges (bench/sgpb_v3.md, issue 14). Smaller blocks,
// and large ones when the table of mapped blocks is full or a mapping fails, come from malloc
// as with the default operators; where the kernel has no transparent huge pages the advice
// does nothing. Part of the program only, not of the libraries: what a library's user
// allocates is theirs to decide.
// Complexity: a large block costs a scan of the table (kSlots entries, under a lock) and a
// mapping unless a freed block of its length is kept (at most kKeptBytes are), and, when
// freed, a scan and an unmapping unless it is kept; a small one nothing more than malloc.
#include <sys/mman.h>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <new>

// Sanitizer builds keep their own operator new, which tracks every block. GCC names them by
// __SANITIZE_*__; clang by __has_feature.
#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define STAKEGRAPH_SANITIZED_NEW 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define STAKEGRAPH_SANITIZED_NEW 1
#endif

#if !defined(STAKEGRAPH_SANITIZED_NEW)

namespace {

constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;
// Blocks from this size on are mapped here: at most half of their last huge page is unused.
constexpr std::size_t kMapFrom = std::size_t{1} << 20;
constexpr std::size_t kSlots = 1024;

// Freed blocks kept for the next block of the same length, up to this many bytes: a reader
// that takes and frees a 4 MiB frame buffer again and again maps and clears it once.
constexpr std::size_t kKeptBytes = std::size_t{64} << 20;

// The blocks mapped here: (address, length, freed and kept); address 0 is a free slot.
struct Mapped {
  std::uintptr_t at = 0;
  std::size_t length = 0;
  bool kept = false;
};
std::array<Mapped, kSlots> mapped;
std::size_t kept_bytes = 0;
std::mutex mapped_lock;

// A 2 MiB-aligned mapping of n bytes or more, noted in the table; nullptr when none is made.
void* map_huge(std::size_t n) {
  const std::size_t length = (n + kHugePage - 1) & ~(kHugePage - 1);
  {
    const std::lock_guard<std::mutex> hold(mapped_lock);
    for (Mapped& m : mapped)
      if (m.kept && m.length == length) {
        m.kept = false;
        kept_bytes -= length;
        return reinterpret_cast<void*>(m.at);
      }
  }
  void* raw = ::mmap(nullptr, length + kHugePage, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) return nullptr;
  const auto base = reinterpret_cast<std::uintptr_t>(raw);
  const std::uintptr_t at = (base + kHugePage - 1) & ~(kHugePage - 1);
  if (at > base) ::munmap(raw, at - base);
  if (base + kHugePage > at) ::munmap(reinterpret_cast<void*>(at + length), base + kHugePage - at);
  {
    const std::lock_guard<std::mutex> hold(mapped_lock);
    for (Mapped& m : mapped)
      if (m.at == 0) {
        m = {at, length, false};
        // A failure (no transparent huge pages) leaves the block in small pages.
        ::madvise(reinterpret_cast<void*>(at), length, MADV_HUGEPAGE);
        return reinterpret_cast<void*>(at);
      }
  }
  ::munmap(reinterpret_cast<void*>(at), length);
  return nullptr;
}

// Keeps or unmaps p when it was mapped here; false otherwise.
bool unmap_huge(void* p) {
  const auto at = reinterpret_cast<std::uintptr_t>(p);
  if (at == 0 || (at & (kHugePage - 1)) != 0) return false;
  std::size_t length = 0;
  {
    const std::lock_guard<std::mutex> hold(mapped_lock);
    for (Mapped& m : mapped)
      if (m.at == at && !m.kept) {
        if (kept_bytes + m.length <= kKeptBytes) {
          m.kept = true;
          kept_bytes += m.length;
          return true;
        }
        length = m.length;
        m = {};
        break;
      }
  }
  if (length == 0) return false;
  ::munmap(p, length);
  return true;
}

void* allocate(std::size_t n) {
  if (n == 0) n = 1;
  if (n >= kMapFrom)
    if (void* p = map_huge(n)) return p;
  while (true) {
    if (void* p = std::malloc(n)) return p;
    const std::new_handler handler = std::get_new_handler();
    if (handler == nullptr) throw std::bad_alloc();
    handler();
  }
}

void* allocate_or_null(std::size_t n) noexcept {
  try {
    return allocate(n);
  } catch (...) {
    return nullptr;
  }
}

void release(void* p) noexcept {
  if (!unmap_huge(p)) std::free(p);
}

}  // namespace

void* operator new(std::size_t n) { return allocate(n); }
void* operator new[](std::size_t n) { return allocate(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return allocate_or_null(n); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return allocate_or_null(n); }
void operator delete(void* p) noexcept { release(p); }
void operator delete[](void* p) noexcept { release(p); }
void operator delete(void* p, std::size_t) noexcept { release(p); }
void operator delete[](void* p, std::size_t) noexcept { release(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { release(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { release(p); }

#endif
