// Portable distributions on top of std::mt19937_64 (see random.h).
#include "core/data/random.h"

#include <cmath>

namespace sta::data {

double Random::uniform() {
  // 53 random bits, centred in their cell so that neither 0 nor 1 can come out.
  return (static_cast<double>(engine_() >> 11) + 0.5) * (1.0 / 9007199254740992.0);
}

double Random::uniform(double low, double high) { return low + (high - low) * uniform(); }

bool Random::bernoulli(double p) { return uniform() < p; }

double Random::laplace(double mu, double b) {
  const double u = uniform() - 0.5;  // (-0.5, 0.5), so the logarithm stays finite
  const double magnitude = -b * std::log(1.0 - 2.0 * std::fabs(u));
  return u < 0 ? mu - magnitude : mu + magnitude;
}

int64_t Random::below(int64_t n) {
  const auto k = static_cast<int64_t>(uniform() * static_cast<double>(n));
  return k < n ? k : n - 1;
}

uint64_t hash_seed(std::initializer_list<uint64_t> parts) {
  uint64_t h = 0x9E3779B97F4A7C15ull;
  for (uint64_t part : parts) {
    h ^= part + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
    h += 0x9E3779B97F4A7C15ull;
    h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ull;
    h = (h ^ (h >> 27)) * 0x94D049BB133111EBull;
    h ^= h >> 31;
  }
  return h;
}

}  // namespace sta::data
