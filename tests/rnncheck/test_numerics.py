"""rnncheck.numerics: the relative difference and central differences every test relies on."""

import numpy as np
import pytest

from rnncheck.numerics import EPS, GRADIENT_TOLERANCE, numerical_gradient, relative_difference


def test_relative_difference_of_known_vectors():
    assert relative_difference(np.array([3.0, 0.0]), np.array([0.0, 4.0])) == pytest.approx(5.0 / 7.0)


def test_relative_difference_is_zero_when_both_are_zero():
    assert relative_difference(np.zeros((2, 3)), np.zeros((2, 3))) == 0.0


def test_relative_difference_rejects_different_shapes():
    with pytest.raises(ValueError, match="shape"):
        relative_difference(np.zeros(3), np.zeros(4))


def test_numerical_gradient_matches_analytic_gradient_of_a_cubic():
    x = np.array([[0.5, -1.0], [2.0, 0.1]])
    numeric = numerical_gradient(lambda v: np.sum(v**3 + np.sin(v)), x)
    assert relative_difference(3 * x**2 + np.cos(x), numeric) < GRADIENT_TOLERANCE


def test_numerical_gradient_does_not_modify_its_argument():
    x = np.array([1.0, 2.0, 3.0])
    before = x.copy()
    numerical_gradient(lambda v: np.sum(v**2), x)
    np.testing.assert_array_equal(x, before)


def test_numerical_gradient_uses_central_differences():
    # f = x^3 at x = 1: central gives 3 + eps^2, one-sided would give 3 + 3 eps
    g = numerical_gradient(lambda v: float(v[0] ** 3), np.array([1.0]), eps=0.1)
    assert g[0] == pytest.approx(3.0 + 0.01, abs=1e-9)
    assert EPS == 1e-5
