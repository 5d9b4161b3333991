"""Generated inputs shared by tests and benchmarks: fuzzed list texts
(:mod:`tests.factories.lists`) and malformed graph files
(:mod:`tests.factories.graphs`).  Everything here is seeded: the same seed
gives the same inputs, so a benchmark's figure can be reproduced and a failing
case found again."""
