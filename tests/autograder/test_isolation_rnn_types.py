"""Isolation in rnn_types: bidirectional_forward calls reverse_padded, and a wrong reverse_padded
costs q8 only, because q9's calls of it run the reference (docs/grading.md)."""

import pytest

from tests.autograder.test_isolation import assert_costs_only, lost

pytestmark = pytest.mark.slow

WRONG_REVERSE = """
import numpy as np


def reverse_padded(x, lengths=None):
    return np.array(x[:, :, ::-1], dtype=np.float64)  # the padding is reversed too
"""


def test_a_wrong_reverse_padded_costs_q8_only_though_bidirectional_forward_calls_it(builds, tmp_path):
    assert_costs_only(lost(builds["rnn_types"], tmp_path, WRONG_REVERSE), {"q8"})
