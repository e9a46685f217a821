// Cached<Key, Value>: a derived value kept together with the inputs it was computed from,
// recomputed only when it is asked for with different inputs. Keys are small value types
// with operator== (often std::tuple of revisions and settings).
#pragma once

#include <optional>
#include <utility>

namespace sta::studio {

template <class Key, class Value>
class Cached {
 public:
  // The value for `key`, calling compute() (which returns a Value) only if the key changed.
  template <class Compute>
  const Value& get(const Key& key, Compute&& compute) {
    if (!key_ || !(*key_ == key)) {
      value_ = compute();
      key_ = key;
    }
    return value_;
  }
  // True when get(key, ...) would not recompute.
  bool holds(const Key& key) const { return key_ && *key_ == key; }
  // The last value computed; null before the first get().
  const Value* value() const { return key_ ? &value_ : nullptr; }

 private:
  std::optional<Key> key_;
  Value value_{};
};

}  // namespace sta::studio
