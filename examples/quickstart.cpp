// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// The README's first example: warmup + cosine, two values and the summed LR.
#include <lrsched/lrsched.hpp>
#include <cstdio>

int main() {
  // 2,000 warmup steps to 3e-4, then a cosine down to 3e-5 over 98,000 steps.
  const auto lr = lrsched::warmup(2'000, lrsched::cosine(3e-4, 3e-5, 98'000));
  std::printf("lr(1000)  = %g\n", lr(1'000));
  std::printf("lr(50000) = %g\n", lr(50'000));
  // Summed LR over the whole run, in closed form.
  std::printf("sum       = %.6f\n", lrsched::sum(lr, 0, 100'000));
}
