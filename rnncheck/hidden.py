"""Inputs of hidden test cases, drawn anew for every build of the autograder.

A hidden test case draws its inputs from `hidden_rng("<question> <what>")`: a numpy Generator
seeded by the build's seed and the label. `rnngrade build --seed N` chooses the seed (a fresh
one by default); the build records the reference's answers for those inputs and writes the
seed into the autograder zip (`seed.txt` beside this module), never into the student release.
Public test cases keep fixed inputs, so that students see the same checks every term.
"""

from __future__ import annotations

import hashlib
import os

import numpy as np

SEED_FILE = os.path.join(os.path.dirname(__file__), "seed.txt")

# Set while the build records answers (rnncheck.answers.recording); read from SEED_FILE when grading.
_build_seed = None


def term_seed() -> int:
    """The seed of this build of the autograder: an int."""
    if _build_seed is not None:
        return _build_seed
    if not os.path.isfile(SEED_FILE):
        raise RuntimeError(
            "no seed.txt beside rnncheck: hidden test inputs exist only in an autograder build"
        )
    with open(SEED_FILE, encoding="utf-8") as f:
        return int(f.read().strip())


def hidden_rng(label: str) -> np.random.Generator:
    """A numpy Generator for the inputs of one hidden test case: the same for the same build
    seed and label, different for another seed. label names the case, e.g. "q9 unseen tables"."""
    digest = hashlib.sha256(f"{term_seed()}:{label}".encode()).digest()
    return np.random.default_rng(int.from_bytes(digest[:8], "little"))


def size(rng: np.random.Generator, low: int, high: int) -> int:
    """An int drawn from rng in [low, high], both included: a size or a count of a hidden input."""
    return int(rng.integers(low, high + 1))


def sequence_lengths(
    rng: np.random.Generator, m: int, T: int, shortest: int, including: list[int]
) -> np.ndarray:
    """m sequence lengths drawn from rng in [shortest, T], among them each value of `including`
    (e.g. T, no padding, and 0, no real step) at places drawn too: int64 array (m,)."""
    drawn = rng.integers(shortest, T + 1, m)
    drawn[rng.choice(m, size=len(including), replace=False)] = including
    return drawn
