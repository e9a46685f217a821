// Portable random numbers for the data layer, so a seed gives the same sequences with every standard library.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <random>

namespace sta::data {

// std::mt19937_64 (fully specified by the standard) turned into uniform, Bernoulli, Laplace and
// integer draws by our own formulas.
class Random {
 public:
  explicit Random(uint64_t seed) : engine_(seed) {}
  double uniform();                        // in the open interval (0, 1)
  double uniform(double low, double high);  // in (low, high)
  bool bernoulli(double p);                // true with probability p
  double laplace(double mu, double b);     // Laplace(mu, b) by the inverse CDF
  int64_t below(int64_t n);                // integer in [0, n), n > 0

 private:
  std::mt19937_64 engine_;
};

// Mixes several values into one well-spread 64-bit seed (splitmix64 steps).
uint64_t hash_seed(std::initializer_list<uint64_t> parts);

}  // namespace sta::data
