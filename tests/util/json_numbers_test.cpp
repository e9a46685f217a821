// Whole numbers from untrusted JSON: in-range integers pass, fractions, huge values, negatives for
// unsigned types and non-numbers are refused with the field's name.
#include "core/util/json_numbers.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <stdexcept>

TEST_CASE("whole numbers are taken only when the target type holds them") {
  using nlohmann::json;
  CHECK(sta::whole_number<int>(json(42), "steps") == 42);
  CHECK(sta::whole_number<int64_t>(json(-5), "offset") == -5);
  CHECK(sta::whole_number<uint8_t>(json(255), "byte") == 255);
  for (const json& bad : {json(2.5), json(1e88), json(256), json("7"), json(nullptr)})
    CHECK_THROWS_WITH_AS(sta::whole_number<uint8_t>(bad, "byte"), doctest::Contains("'byte' must be a whole number"),
                         std::invalid_argument);
  CHECK_THROWS_AS(sta::whole_number<uint32_t>(json(-1), "count"), std::invalid_argument);
  CHECK(sta::whole_numbers<int64_t>(json::parse("[1, 28, 28]"), "shape") == std::vector<int64_t>{1, 28, 28});
  CHECK_THROWS_WITH_AS(sta::whole_numbers<int64_t>(json(3), "shape"), "'shape' must be an array, not 3",
                       std::invalid_argument);
}
