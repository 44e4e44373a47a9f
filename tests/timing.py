"""Guards against a return to quadratic or cubic time that hold on a busy machine: a run's
CPU time (not the clock's, which a shared machine stretches while the run waits for a core)
counted in units of a fixed piece of pure-Python work timed just before and after it. A
unit is ~1 ms of CPU on the project's 2-core machine. (How fast things are is measured in
benchmarks/.)"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def _unit() -> float:
    started = time.process_time()
    sum(range(100_000))
    return time.process_time() - started


def _median_unit() -> float:
    return sorted(_unit() for _ in range(5))[2]


def in_units(run: Callable[[], T]) -> tuple[T, float]:
    """What ``run()`` returns, and how many units of work it took."""
    before = _median_unit()
    started = time.process_time()
    result = run()
    spent = time.process_time() - started
    return result, spent / ((before + _median_unit()) / 2)
