"""rnncheck: what the otter tests of the RNN course kit use to check student code.

Shipped to students beside the public tests, and inside every autograder zip. Depends on
numpy only. Public API:

- call, assert_inputs_unchanged, assert_raises_value_error: run student code as a black box
- to_array, to_float, to_str, to_str_list, to_dict: strict conversion of what it returns
- assert_close, assert_same: comparisons whose failures say what, where and by how much
- reference, check_against_reference: the reference solution's recorded answers
- Feedback: the exception every failed check raises; say: the message catalogue
"""

from .answers import check_against_reference, reference
from .compare import assert_close, assert_same, to_array, to_dict, to_float, to_str, to_str_list
from .feedback import Feedback
from .messages import say
from .numerics import ATOL, EPS, GRADIENT_TOLERANCE, RTOL, numerical_gradient, relative_difference
from .student import assert_inputs_unchanged, assert_raises_value_error, call

__all__ = [
    "ATOL",
    "EPS",
    "GRADIENT_TOLERANCE",
    "RTOL",
    "Feedback",
    "assert_close",
    "assert_inputs_unchanged",
    "assert_raises_value_error",
    "assert_same",
    "call",
    "check_against_reference",
    "numerical_gradient",
    "reference",
    "relative_difference",
    "say",
    "to_array",
    "to_dict",
    "to_float",
    "to_str",
    "to_str_list",
]
