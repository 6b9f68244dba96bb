// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// The core without exceptions (compiled with -fno-exceptions): valid schedules work, and an
// invalid parameter prints the constructor's message to stderr and aborts.
//   test_no_exceptions               checks a few schedules; exit 0 when they are right
//   test_no_exceptions <case>        builds an invalid schedule (must not return):
//                                    cosine | chain | clamp
// tests/no_exceptions_abort.cmake runs the second form and checks the abort and the message.
#ifdef __cpp_exceptions
#error "test_no_exceptions must be compiled with -fno-exceptions"
#endif

#include <lrsched/lrsched.hpp>

#include <cstdint>
#include <cstdio>
#include <cstring>

namespace {

int failures = 0;

void expect(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "test_no_exceptions: %s\n", what);
    ++failures;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1) {
    const char* which = argv[1];
    double sink = 0.0;
    if (std::strcmp(which, "cosine") == 0) sink = lrsched::cosine(1.0, 0.0, -5)(0);
    if (std::strcmp(which, "chain") == 0) {
      // an open-ended piece in the middle has no duration
      sink = lrsched::chain(lrsched::linear(0.0, 1.0, 10), lrsched::constant(1.0),
                            lrsched::constant(0.1))(0);
    }
    if (std::strcmp(which, "clamp") == 0)
      sink = lrsched::clamp(lrsched::constant(1.0), 0.5, 0.1)(0);
    std::printf("test_no_exceptions: no abort for '%s' (%g)\n", which, sink);
    return 0;  // reaching here is the failure the abort check reports
  }

  const lrsched::cosine decay(1.0, 0.0, 100);
  expect(decay(0) == 1.0 && decay(100) == 0.0 && decay(-7) == 1.0, "cosine ends");
  expect(decay(50) > 0.49 && decay(50) < 0.51, "cosine middle");

  const auto wsd = lrsched::chain(lrsched::linear(0.0, 3e-4, 2'000),
                                  lrsched::for_steps(80'000, lrsched::constant(3e-4)),
                                  lrsched::linear(3e-4, 0.0, 18'000));
  expect(wsd(0) == 0.0 && wsd(2'000) == 3e-4 && wsd(81'999) == 3e-4, "chain pieces");
  expect(wsd(100'000) == 0.0 && wsd(INT64_MAX) == 0.0, "chain hold");
  expect(lrsched::sum(wsd, 0, 100'000) > 0.0, "chain sum");

  const lrsched::any_schedule erased =
      lrsched::any_schedule::chain({lrsched::linear(0.0, 1.0, 10), lrsched::constant(1.0)});
  expect(erased(5) == 0.5 && erased(1'000) == 1.0, "any_schedule chain");

  const auto warm = lrsched::warmup(10, lrsched::cosine(1.0, 0.1, 90));
  expect(warm(0) == 0.0 && warm(10) == 1.0 && warm(100) == 0.1, "warmup");

  if (failures == 0) std::printf("test_no_exceptions: ok\n");
  return failures == 0 ? 0 : 1;
}
