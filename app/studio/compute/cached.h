// Cached<Key, Value> and Changed<Key>: results recomputed only when their inputs change.
#pragma once

#include <optional>
#include <utility>

namespace sta::studio {

// A derived value kept together with the inputs it was computed from, recomputed only when it is
// asked for with different inputs. Keys are small value types with operator== (often std::tuple of
// revisions and settings).
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
  // The last value computed; null before the first get().
  const Value* value() const { return key_ ? &value_ : nullptr; }

 private:
  std::optional<Key> key_;
  Value value_{};
};

// The same for work whose result lives elsewhere (a GPU upload, a repaint).
template <class Key>
class Changed {
 public:
  // True the first time and whenever `key` differs from the key of the previous call.
  bool operator()(const Key& key) {
    if (key_ && *key_ == key) return false;
    key_ = key;
    return true;
  }

 private:
  std::optional<Key> key_;
};

}  // namespace sta::studio
