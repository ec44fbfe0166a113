"""rnncheck.hidden: the inputs of hidden cases follow the build's seed and the case's label."""

import numpy as np
import pytest

from rnncheck import hidden
from rnncheck.hidden import hidden_rng, sequence_lengths, size


@pytest.fixture
def seed(monkeypatch):
    monkeypatch.setattr(hidden, "_build_seed", 11)


def test_the_same_seed_and_label_give_the_same_inputs_and_others_differ(seed, monkeypatch):
    first = hidden_rng("q1 unseen steps").normal(size=5)
    np.testing.assert_array_equal(first, hidden_rng("q1 unseen steps").normal(size=5))
    assert not np.array_equal(first, hidden_rng("q2 unseen steps").normal(size=5))
    monkeypatch.setattr(hidden, "_build_seed", 12)
    assert not np.array_equal(first, hidden_rng("q1 unseen steps").normal(size=5))


def test_size_draws_both_ends_and_nothing_outside(seed):
    rng = hidden_rng("sizes")
    drawn = {size(rng, 2, 4) for _ in range(200)}
    assert drawn == {2, 3, 4} and all(type(value) is int for value in drawn)


def test_without_a_seed_hidden_inputs_cannot_be_drawn(monkeypatch, tmp_path):
    monkeypatch.setattr(hidden, "_build_seed", None)
    monkeypatch.setattr(hidden, "SEED_FILE", str(tmp_path / "seed.txt"))
    with pytest.raises(RuntimeError, match="seed.txt"):
        hidden_rng("q1")


def test_sequence_lengths_lie_in_range_and_include_what_is_asked(seed):
    rng = hidden_rng("lengths")
    for _ in range(50):
        drawn = sequence_lengths(rng, 5, 7, shortest=0, including=[7, 0, 1])
        assert drawn.shape == (5,) and drawn.min() >= 0 and drawn.max() <= 7
        assert {7, 0, 1} <= set(drawn.tolist())
