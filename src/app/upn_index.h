#pragma once
// The UPNs an import has met, by upn_key: the line of the file that listed each and which known
// pupil it is. Open addressing in one array, so a lookup is usually one cache line; a map with a
// node per UPN took a sixth of a 100,000-pupil dry run in cache misses.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace steward {

class UpnIndex {
 public:
  struct Entry {
    std::uint32_t known = 0;  // 1 + the caller's index of the pupil already on the roll; 0 for none
    std::uint32_t line = 0;   // the line of the file that first listed the UPN; 0 until one does
  };

  explicit UpnIndex(std::size_t expected = 0) { resize(capacity_for(expected)); }

  // The entry for `key`, added (all zero) when the index has none.
  Entry& at(std::uint64_t key) {
    if ((used_ + 1) * 2 > slots_.size()) resize(slots_.size() * 2);
    Slot& slot = find(key);
    if (slot.key_plus_one == 0) {
      slot.key_plus_one = key + 1;
      ++used_;
    }
    return slot.entry;
  }

  // Room for `expected` entries in all without growing on the way.
  void reserve(std::size_t expected) {
    if (capacity_for(expected) > slots_.size()) resize(capacity_for(expected));
  }

  std::size_t size() const { return used_; }

 private:
  struct Slot {
    std::uint64_t key_plus_one = 0;  // 0: empty (a key may be 0)
    Entry entry;
  };

  static std::size_t capacity_for(std::size_t expected) {
    std::size_t capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    return capacity;
  }

  // Fibonacci hashing: keys of one school's UPNs are close together, and the multiply spreads
  // them over the table's bits.
  Slot& find(std::uint64_t key) {
    std::size_t mask = slots_.size() - 1;
    std::size_t i = static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_) & mask;
    while (slots_[i].key_plus_one != 0 && slots_[i].key_plus_one != key + 1) i = (i + 1) & mask;
    return slots_[i];
  }

  void resize(std::size_t capacity) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(capacity, Slot{});
    shift_ = 64;
    for (std::size_t c = capacity; c > 1; c /= 2) --shift_;
    for (const Slot& s : old)
      if (s.key_plus_one != 0) find(s.key_plus_one - 1) = s;
  }

  std::vector<Slot> slots_;
  std::size_t used_ = 0;
  int shift_ = 64;
};

}  // namespace steward
