"""rnncheck.isolation: the references a graded function runs with when graded, and nothing
where the grader-only module is absent (the student's release, this repository)."""

import numpy as np
import pytest

from rnncheck.isolation import references, refusing
from rnncheck.messages import MESSAGES


def test_without_the_grader_only_module_there_is_nothing_to_bind():
    assert references() == {}


def test_a_reference_that_refuses_says_so_in_the_release_language_in_its_family():
    def rnn_cell_forward(xt, a_prev, parameters):
        raise ValueError("xt must have shape (3, m), not (3,)")  # the reference's English

    reference = refusing("rnn_cell_forward", rnn_cell_forward)
    with pytest.raises(ValueError) as refused:
        reference(np.ones(3), np.ones((2, 2)), {"Wax": np.ones((2, 3))})
    expected = MESSAGES["es"]["isolation_refused"].format(
        name="rnn_cell_forward", shapes="xt (3,), a_prev (2, 2), parameters {Wax (2, 3)}"
    )
    assert str(refused.value) == expected and "must" not in str(refused.value)
    assert refusing("softmax", lambda z: z * 2)(np.ones(2)).tolist() == [2.0, 2.0]
