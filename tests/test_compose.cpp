#include <lrsched/chain.hpp>
#include <lrsched/compose.hpp>
#include <lrsched/constant.hpp>
#include <lrsched/linear.hpp>
#include <lrsched/sum.hpp>

#include <cmath>

#include "catch.hpp"
#include "support.hpp"

using lrsched::constant;
using lrsched::linear;

TEST_CASE("scaling multiplies values and the closed-form sum") {
  const auto factor = linear(0.1, 1.0, 9);
  const auto s = 0.5 * factor;
  const auto t = factor * 0.5;
  CHECK(s(3) == 0.5 * factor(3));
  CHECK(t(3) == s(3));
  CHECK(lrsched::sum(s, 0, 20) == Approx(0.5 * lrsched::sum(factor, 0, 20)).epsilon(1e-15));
  CHECK(s.length() == 9);
}

TEST_CASE("multiplying by constant(1) is the identity") {
  const auto base = linear(0.3, 0.01, 17);
  const auto same = constant(1.0) * base;
  for (std::int64_t t = -1; t < 30; ++t) CHECK(same(t) == base(t));
  CHECK(lrsched::sum(same, 0, 30) == lrsched::sum(base, 0, 30));
}

TEST_CASE("a product of two shapes multiplies pointwise and sums by the fallback") {
  const auto p = linear(0.0, 1.0, 10) * linear(1.0, 0.0, 10);
  CHECK(p(5) == 0.25);
  CHECK(lrsched::sum(p, 0, 11) == Approx(lrsched::test::reference_sum(p, 0, 11)));
}

TEST_CASE("clamp bounds values and rejects an inverted range") {
  const auto c = lrsched::clamp(linear(0.0, 1.0, 10), 0.2, 0.6);
  CHECK(c(0) == 0.2);
  CHECK(c(4) == 0.4);
  CHECK(c(9) == 0.6);
  try {
    (void)lrsched::clamp(constant(1.0), 1.0, 0.5);
    FAIL("no exception");
  } catch (const lrsched::invalid_schedule& e) {
    CHECK(e.parameter() == "hi");
  }
}

TEST_CASE("shift delays a schedule, holding its first value, and shifts its sum") {
  const auto base = linear(1.0, 0.0, 10);
  const auto s = lrsched::shift(base, 5);
  CHECK(s(0) == 1.0);
  CHECK(s(5) == 1.0);
  CHECK(s(10) == base(5));
  CHECK(s.length() == 15);
  CHECK(lrsched::sum(s, 0, 20) == Approx(lrsched::test::reference_sum(s, 0, 20)).epsilon(1e-15));
  CHECK(std::isfinite(s(std::numeric_limits<std::int64_t>::max())));
  CHECK(std::isfinite(s(std::numeric_limits<std::int64_t>::min())));
}

TEST_CASE("composing never changes the children") {
  const auto base = linear(0.2, 0.1, 4);
  const auto before = base(2);
  const auto composite = lrsched::chain(base, lrsched::shift(base * 2.0, 3));
  (void)composite(100);
  CHECK(base(2) == before);
}
