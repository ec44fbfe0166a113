"""rnncheck.numerics: the tolerances, the relative difference and central differences every test relies on."""

from pathlib import Path

import numpy as np
import pytest

from rnncheck import numerics
from rnncheck.numerics import EPS, GRADIENT_TOLERANCE, central_differences, relative_difference


def test_relative_difference_of_known_vectors():
    assert relative_difference(np.array([3.0, 0.0]), np.array([0.0, 4.0])) == pytest.approx(5.0 / 7.0)


def test_relative_difference_is_zero_when_both_are_zero():
    assert relative_difference(np.zeros((2, 3)), np.zeros((2, 3))) == 0.0


def test_relative_difference_rejects_different_shapes():
    with pytest.raises(ValueError, match="shape"):
        relative_difference(np.zeros(3), np.zeros(4))


def test_central_differences_matches_analytic_gradient_of_a_cubic():
    x = np.array([[0.5, -1.0], [2.0, 0.1]])
    numeric = central_differences(lambda v: np.sum(v**3 + np.sin(v)), x)
    assert relative_difference(3 * x**2 + np.cos(x), numeric) < GRADIENT_TOLERANCE


def test_central_differences_does_not_modify_its_argument():
    x = np.array([1.0, 2.0, 3.0])
    before = x.copy()
    central_differences(lambda v: np.sum(v**2), x)
    np.testing.assert_array_equal(x, before)


def test_central_differences_uses_central_differences():
    # f = x^3 at x = 1: central gives 3 + eps^2, one-sided would give 3 + 3 eps
    g = central_differences(lambda v: float(v[0] ** 3), np.array([1.0]), eps=0.1)
    assert g[0] == pytest.approx(3.0 + 0.01, abs=1e-9)
    assert EPS == 1e-5


def test_central_differences_passes_the_changed_array_to_f():
    # unlike bptt's numerical_gradient, whose f() reads an array it shares with the caller
    seen = []
    central_differences(lambda v: seen.append(v.copy()) or 0.0, np.array([1.0, 2.0]), eps=0.5)
    assert [v.tolist() for v in seen] == [[1.5, 2.0], [0.5, 2.0], [1.0, 2.5], [1.0, 1.5]]


def test_tolerances_are_ordered_from_round_off_to_gradients():
    # round-off of the same computation < another order of the same sums < central differences
    assert numerics.ROUNDOFF_RTOL < numerics.RTOL < numerics.GRADIENT_RTOL
    assert numerics.CENTRAL_TOLERANCE < numerics.GRADIENT_RTOL
    assert numerics.ROUNDOFF_ATOL < numerics.ATOL < numerics.GRADIENT_ATOL
    assert numerics.RANKING_MARGIN > 1e6 * 1e-15  # far above what another order of sums moves


def test_the_shipped_copy_keeps_constants_but_not_bodies():
    # autograder.build ships numerics with every function body replaced: nothing a check runs
    # when grading may call them, but the tolerances must be there
    from autograder.build import BUILD_TIME_ONLY
    from autograder.notebook import without_bodies

    shipped = without_bodies(Path(numerics.__file__).read_text(encoding="utf-8"), BUILD_TIME_ONLY)
    module: dict = {}
    exec(compile(shipped, "numerics.py", "exec"), module)
    for name in ("RTOL", "ATOL", "ROUNDOFF_RTOL", "ROUNDOFF_ATOL", "CENTRAL_TOLERANCE", "RANKING_MARGIN"):
        assert module[name] == getattr(numerics, name)
    with pytest.raises(RuntimeError, match="built"):
        module["central_differences"](lambda v: 0.0, np.zeros(1))
