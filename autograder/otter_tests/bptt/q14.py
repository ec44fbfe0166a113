"""q14 · spectral_radius: the largest absolute value (modulus) of the eigenvalues of W."""

import numpy as np
from otter.test_files import test_case

from rnncheck import assert_inputs_unchanged, assert_same, call, check_against_reference, hidden_rng, to_float
from rnncheck.answers import answer, naming_mistake
from rnncheck.hidden import size

OK_FORMAT = False
name = "q14"


def radius_of(env, W, what, expected):
    """The student's spectral_radius(W), a float equal to expected; a failure names the
    catalogued mistake it shows (each public matrix tells the catalogued mistakes apart)."""
    given = answer(env, "spectral_radius", W)
    with naming_mistake(given):
        assert_same(to_float(given.value, what), expected, what)


@test_case(points=0.5)
def test_diagonal_with_a_negative_eigenvalue(env):
    # Eigenvalues -3, 1 and 2: the largest in absolute value is negative.
    radius_of(env, np.diag([-3.0, 1.0, 2.0]), "spectral_radius(diag(-3, 1, 2))", 3.0)


@test_case(points=0.5)
def test_complex_eigenvalues(env):
    # Trace -2 and determinant 5: eigenvalues -1 +- 2i, both of modulus sqrt(5) ~ 2.236. Their
    # real part (-1, or 1 in absolute value), the diagonal (2), the eigenvalues of the symmetric
    # matrix of its lower triangle (2.414) and its largest singular value (5.40) all differ.
    W = np.array([[-2.0, -5.0], [1.0, 0.0]])
    radius_of(env, W, "spectral_radius([[-2, -5], [1, 0]])", float(np.sqrt(5.0)))


@test_case(points=0.5)
def test_triangular_matrix_that_is_not_normal(env):
    # Eigenvalues -0.5 and 0.25 (the diagonal): radius 0.5. Its largest singular value is about
    # 4.04, and its largest real eigenvalue 0.25: neither of them is the spectral radius here.
    W = np.array([[-0.5, 4.0], [0.0, 0.25]])
    radius_of(env, W, "spectral_radius([[-0.5, 4], [0, 0.25]])", 0.5)
    assert_inputs_unchanged(env, "spectral_radius", W)


@test_case(points=0.5, hidden=True)
def test_scaled_orthogonal_matrix_has_radius_rho(env):
    rng = hidden_rng("q14 scaled orthogonal")
    n = int(rng.integers(4, 8))
    q, r = np.linalg.qr(rng.normal(size=(n, n)))
    q = q * np.sign(np.diag(r))  # a random orthogonal matrix
    if np.linalg.det(q) * (-1) ** n < 0:  # no eigenvalue +1: that of largest real part is complex or -1
        q[:, 0] = -q[:, 0]
    for rho in (round(rng.uniform(0.3, 0.9), 2), 1.0, round(rng.uniform(1.1, 2.0), 2)):
        radius = to_float(call(env, "spectral_radius", rho * q), f"spectral_radius({rho:g} Q)")
        assert_same(radius, rho, f"spectral_radius({rho:g} Q)")


@test_case(points=0.5, hidden=True)
def test_unseen_matrices(env):
    rng = hidden_rng("q14 unseen matrices")

    # Not normal: eigenvalues the diagonal, below 1 in modulus; largest singular value 5 or more.
    n = size(rng, 2, 4)
    k = n * (n - 1) // 2
    triangular = np.diag(rng.uniform(0.2, 0.9, n) * rng.choice([-1.0, 1.0], n))
    triangular[np.triu_indices(n, 1)] = rng.uniform(5.0, 15.0, k) * rng.choice([-1.0, 1.0], k)
    # A rotation scaled by r (its eigenvalues r e^(+-i theta), theta from a Pythagorean triple so
    # that every machine computes the same matrix) beside a smaller negative eigenvalue.
    a, b, c = [(3, 4, 5), (5, 12, 13), (8, 15, 17), (7, 24, 25), (20, 21, 29)][size(rng, 0, 4)]
    radius = rng.uniform(0.5, 2.0)
    rotation = np.zeros((3, 3))
    rotation[:2, :2] = radius * np.array([[a, -b], [b, a]]) / c
    rotation[2, 2] = -radius * rng.uniform(0.2, 0.8)
    order = rng.permutation(3)  # the same matrix in another order of the basis
    matrices = [
        triangular,
        rng.normal(size=(size(rng, 4, 6),) * 2),
        rng.normal(0.0, 0.3, (size(rng, 6, 9),) * 2),
        np.array([[-rng.uniform(0.5, 3.0)]]),
        rotation[np.ix_(order, order)],
    ]
    for W in matrices:
        check_against_reference(env, "spectral_radius", W, what=f"spectral_radius(W {W.shape})")
