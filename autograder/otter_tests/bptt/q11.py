"""q11 · spectral_radius: the largest absolute value (modulus) of the eigenvalues of W."""

import numpy as np
from otter.test_files import test_case

from rnncheck import assert_same, call, check_against_reference, to_float

OK_FORMAT = False
name = "q11"


@test_case(points=0.5)
def test_diagonal_with_a_negative_eigenvalue(env):
    radius = call(env, "spectral_radius", np.diag([-3.0, 1.0, 2.0]))
    assert_same(to_float(radius, "spectral_radius(diag(-3, 1, 2))"), 3.0, "spectral_radius(diag(-3, 1, 2))")


@test_case(points=0.5)
def test_scaled_rotation_has_complex_eigenvalues(env):
    # 2 * a rotation by 0.3 rad: eigenvalues 2 e^(+-0.3i), both of modulus 2.
    c, s = np.cos(0.3), np.sin(0.3)
    radius = call(env, "spectral_radius", 2.0 * np.array([[c, -s], [s, c]]))
    assert_same(to_float(radius, "spectral_radius(2 R)"), 2.0, "spectral_radius(2 * rotation)")


@test_case(points=0.5, hidden=True)
def test_scaled_orthogonal_matrix_has_radius_rho(env):
    rng = np.random.default_rng(11301)
    q, r = np.linalg.qr(rng.normal(size=(6, 6)))
    q = q * np.sign(np.diag(r))
    for rho in (0.5, 1.0, 1.5):
        radius = to_float(call(env, "spectral_radius", rho * q), f"spectral_radius({rho:g} Q)")
        assert_same(radius, rho, f"spectral_radius({rho:g} Q), Q orthogonal")


@test_case(points=1, hidden=True)
def test_unseen_matrices(env):
    rng = np.random.default_rng(11302)
    matrices = [
        np.array([[0.5, 10.0], [0.0, 0.5]]),  # not normal: largest singular value about 10
        rng.normal(size=(5, 5)),
        rng.normal(0.0, 0.3, (8, 8)),
        np.array([[-2.0]]),
        np.array([[0.0, -1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, -0.5]]),
    ]
    for W in matrices:
        check_against_reference(env, "spectral_radius", W, what=f"spectral_radius(W {W.shape})")
