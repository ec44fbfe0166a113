"""rnncheck: what the otter tests of the RNN course kit use to check student code.

Shipped to students beside the public tests, and inside every autograder zip. Depends on
numpy only. Public API:

- call, assert_inputs_unchanged, assert_raises_value_error, assert_global_random_untouched:
  run student code as a black box
- to_array, to_float, to_str, to_str_list, to_dict: strict conversion of what it returns
- assert_close, assert_gradient, assert_same, matches: comparisons whose failures say what,
  where and by how much; assert_changes, assert_no_change: an output computed twice, with an
  input that must (not) matter changed
- reference, check_against_reference, recorded: answers and values recorded at build time
- hidden_rng: the inputs of hidden test cases, drawn anew by each build (its seed)
- Feedback: the exception every failed check raises; say: the message catalogue
- RTOL, ATOL, ROUNDOFF_RTOL, ROUNDOFF_ATOL, EPS, GRADIENT_*, CENTRAL_TOLERANCE, RANKING_MARGIN:
  the tolerances (rnncheck.numerics says what each one means)
- relative_difference, central_differences: run only while the build records answers

Modules for particular tests: rnncheck.rnn_checks (RNN input builders and checks),
rnncheck.rnn_examples (fixed inputs several public tests share), rnncheck.gated_examples
(GRU and LSTM parameters), rnncheck.sampling (a recording random generator and checks of
sampled sequences).
"""

from .answers import check_against_reference, recorded, reference
from .compare import (
    assert_changes,
    assert_close,
    assert_gradient,
    assert_no_change,
    assert_same,
    matches,
    to_array,
    to_dict,
    to_float,
    to_str,
    to_str_list,
)
from .feedback import Feedback
from .hidden import hidden_rng
from .messages import say
from .numerics import (
    ATOL,
    CENTRAL_TOLERANCE,
    EPS,
    GRADIENT_ATOL,
    GRADIENT_RTOL,
    GRADIENT_TOLERANCE,
    RANKING_MARGIN,
    ROUNDOFF_ATOL,
    ROUNDOFF_RTOL,
    RTOL,
    central_differences,
    relative_difference,
)
from .student import assert_global_random_untouched, assert_inputs_unchanged, assert_raises_value_error, call

__all__ = [
    "ATOL",
    "CENTRAL_TOLERANCE",
    "EPS",
    "GRADIENT_ATOL",
    "GRADIENT_RTOL",
    "GRADIENT_TOLERANCE",
    "RANKING_MARGIN",
    "ROUNDOFF_ATOL",
    "ROUNDOFF_RTOL",
    "RTOL",
    "Feedback",
    "assert_changes",
    "assert_close",
    "assert_global_random_untouched",
    "assert_gradient",
    "assert_inputs_unchanged",
    "assert_no_change",
    "assert_raises_value_error",
    "assert_same",
    "call",
    "central_differences",
    "check_against_reference",
    "hidden_rng",
    "matches",
    "recorded",
    "reference",
    "relative_difference",
    "say",
    "to_array",
    "to_dict",
    "to_float",
    "to_str",
    "to_str_list",
]
