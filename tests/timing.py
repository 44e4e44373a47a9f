"""Guards against a return to quadratic or cubic time that hold on a busy machine: a run's
CPU time (not the clock's, which a shared machine stretches while the run waits for a core)
counted in units of a fixed piece of pure-Python work timed just before and after it. A
unit is ~1 ms of CPU on the project's 2-core machine. (How fast things are is measured in
benchmarks/.) The garbage collector is kept out of the count: late in a whole suite a full
collection over everything the earlier tests left costs a hundred units or more, and it
falls into whichever run happens to cross its threshold (CI once counted 161 units for a
run that takes 12)."""

from __future__ import annotations

import gc
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


def in_units(run: Callable[[], T], repeat: int = 1) -> tuple[T, float]:
    """What ``run()`` returns, and how many units of work it took: the least of ``repeat``
    runs, for a guard comparing two sizes (a single short run can be stretched several
    times over by a machine that counts time stolen by its neighbours as the process's)."""
    gc.collect()
    before = _median_unit()
    collecting = gc.isenabled()
    gc.disable()
    try:
        spent = []
        for _ in range(repeat):
            started = time.process_time()
            result = run()
            spent.append(time.process_time() - started)
    finally:
        if collecting:
            gc.enable()
    return result, min(spent) / ((before + _median_unit()) / 2)
