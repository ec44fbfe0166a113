"""rnncheck: what the otter tests of the RNN course kit use to check student code.

Shipped to students beside the public tests, and inside every autograder zip. Depends on
numpy only. Public API:

- call, assert_inputs_unchanged, assert_raises_value_error, assert_global_random_untouched:
  run student code as a black box
- to_array, to_float, to_str, to_str_list, to_dict: strict conversion of what it returns
- assert_close, assert_gradient, assert_same, matches: comparisons whose failures say what,
  where and by how much
- reference, check_against_reference, recorded: answers and values recorded at build time
- hidden_rng: the inputs of hidden test cases, drawn anew by each build (its seed)
- Feedback: the exception every failed check raises; say: the message catalogue
"""

from .answers import check_against_reference, recorded, reference
from .compare import (
    assert_close,
    assert_gradient,
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
    EPS,
    GRADIENT_ATOL,
    GRADIENT_RTOL,
    GRADIENT_TOLERANCE,
    RTOL,
    numerical_gradient,
    relative_difference,
)
from .student import assert_global_random_untouched, assert_inputs_unchanged, assert_raises_value_error, call

__all__ = [
    "ATOL",
    "EPS",
    "GRADIENT_ATOL",
    "GRADIENT_RTOL",
    "GRADIENT_TOLERANCE",
    "RTOL",
    "Feedback",
    "assert_close",
    "assert_global_random_untouched",
    "assert_gradient",
    "assert_inputs_unchanged",
    "assert_raises_value_error",
    "assert_same",
    "call",
    "check_against_reference",
    "hidden_rng",
    "matches",
    "numerical_gradient",
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
