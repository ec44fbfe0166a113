"""q5 · one_to_many_sample: one rng.choice per step, the drawn one-hot fed back, stop after eos.

Every expected sequence and probability is the reference's, recorded at build time: the
sampler's own sequences (rnncheck.reference("one_to_many_sample", ...), whose answer key holds
the state of the generator it draws from), and the model's probabilities from other reference
functions of this notebook, which compute them without drawing: many_to_many_forward fed the
one-hot inputs a script of draws gives (script_probabilities), one_to_one_forward of each
one-hot when Waa = 0 (transitions). The generator that counts the draws is
rnncheck.sampling.RecordingRng.

Literals that remain, each small enough to follow by hand and run against the reference by
every build (the build fails if the reference fails a case): MELODY, written out; its greedy
sequence 1, 3, 2, 0, 1, 3, 2, 0 (the reference's greedy decoding of MELODY); the scripted
draws and the prefix at which eos_index stops them ([1, 3, 2] for eos 2, [1] for eos 1); and
[0, 0, 0] for the four-way tie of a model whose outputs are all uniform.
"""

import numpy as np
from otter.test_files import test_case

from rnncheck import (
    Feedback,
    assert_close,
    assert_inputs_unchanged,
    assert_same,
    call,
    check_against_reference,
    hidden_rng,
    recorded,
    reference,
    say,
)
from rnncheck.compare import hinted
from rnncheck.hidden import size
from rnncheck.rnn_checks import random_parameters
from rnncheck.sampling import (
    RecordingRng,
    assert_one_draw_per_step,
    index_list,
    one_hot_inputs,
    transition_frequencies,
)

OK_FORMAT = False
name = "q5"

# n_x = n_y = 4 (the input of step t + 1 is the one-hot of the index drawn at step t), n_a = 3.
# Greedy decoding of this model repeats the "melody" 1, 3, 2, 0.
MELODY = {
    "Wax": np.array([[-0.6, 1.5, 0.6, -0.9], [1.0, -2.2, 0.9, -0.8], [0.9, 0.7, -1.2, 0.8]]),
    "Waa": np.array([[0.2, -0.3, 1.0], [0.4, -0.6, -0.5], [0.2, 0.2, -0.4]]),
    "Wya": np.array([[1.8, 0.1, -1.3], [-0.6, -0.3, -2.3], [-1.2, -2.7, -0.4], [0.9, -1.9, 0.5]]),
    "ba": np.array([[-0.4], [0.0], [-0.2]]),
    "by": np.array([[-0.4], [-0.2], [-0.4], [0.1]]),
}
GREEDY_MELODY = [1, 3, 2, 0, 1, 3, 2, 0]
SCRIPT = [2, 0, 3, 1, 1]  # the indices a scripted generator "draws" at steps 1..5


def script_probabilities():
    """(5, 4): row t holds MELODY's probabilities at step t + 1 when the indices drawn are
    SCRIPT (row 0, from x<1> = 0 and a<0> = 0, is softmax(Wya tanh(ba) + by)): the outputs of
    the reference's many_to_many_forward on the inputs those draws feed back."""
    y_pred = reference("many_to_many_forward", one_hot_inputs(SCRIPT, 4), np.zeros((3, 1)), MELODY)
    return y_pred[:, 0, :].T


def _indices(env, what, n_y, *args, **kwargs):
    """The student's one_to_many_sample(*args, **kwargs), checked to be a list of ints in [0, n_y)."""
    return index_list(call(env, "one_to_many_sample", *args, **kwargs), what, n_y)


@test_case(points=0.5)
def test_returns_a_list_of_T_y_indices(env):
    for T_y in (0, 1, 6):
        what = f"one_to_many_sample(parameters, {T_y}, rng)"
        indices = _indices(env, what, 4, MELODY, T_y, np.random.default_rng(0))
        assert_same(len(indices), T_y, f"len({what})")


@test_case(points=1)
def test_one_draw_per_step_with_the_models_probabilities(env):
    rng = RecordingRng(seed=3)
    indices = _indices(env, "one_to_many_sample(parameters, 6, rng)", 4, MELODY, 6, rng)
    assert_same(len(indices), 6, "len(one_to_many_sample(parameters, 6, rng))")
    assert_one_draw_per_step(rng, indices)
    assert_close(rng.calls[0][1], script_probabilities()[0], say("types_choice_p", call=1))


@test_case(points=1)
def test_feeds_back_the_one_hot_of_each_drawn_index(env):
    rng = RecordingRng(script=SCRIPT)
    what = "one_to_many_sample(parameters, 5, rng)"
    indices = _indices(env, what, 4, MELODY, 5, rng)
    assert_one_draw_per_step(rng, indices)
    assert_same(indices, SCRIPT, what)
    for step, expected in enumerate(script_probabilities()):
        try:
            assert_close(rng.calls[step][1], expected, say("types_choice_p", call=step + 1))
        except Feedback as failure:
            raise Feedback(f"{failure} {say('types_feed_one_hot')}") from None


@test_case(points=0.5)
def test_stops_right_after_eos_which_is_included(env):
    rng = RecordingRng(script=[1, 3, 2, 0, 2, 1])
    what = "one_to_many_sample(parameters, 6, rng, eos_index=2)"
    indices = _indices(env, what, 4, MELODY, 6, rng, eos_index=2)
    if not rng.calls:  # np.random instead of rng: the draws are not the test's
        assert_one_draw_per_step(rng, indices, eos_index=2)
    # [1, 3]: it stopped at eos without taking it; otherwise more draws than indices tell why
    if indices == [1, 3]:
        with hinted("types_hint_eos_included"):
            assert_same(indices, [1, 3, 2], what)
    assert_one_draw_per_step(rng, indices, eos_index=2)
    assert_same(indices, [1, 3, 2], what)
    what = "one_to_many_sample(parameters, 6, rng, eos_index=1)"
    indices = _indices(env, what, 4, MELODY, 6, RecordingRng(script=[1, 3]), eos_index=1)
    assert_same(indices, [1], what)


@test_case(points=0.5)
def test_same_seed_gives_the_same_sequence(env):
    what = "one_to_many_sample(parameters, 15, np.random.default_rng(7))"
    first = _indices(env, what, 4, MELODY, 15, np.random.default_rng(7))
    second = _indices(env, what, 4, MELODY, 15, np.random.default_rng(7))
    if first != second:
        raise Feedback(say("types_not_reproducible", seed=7))


@test_case(points=1)
def test_greedy_is_argmax_deterministic_and_leaves_rng_alone(env):
    rng = RecordingRng(seed=0)
    what = "one_to_many_sample(parameters, 8, rng, greedy=True)"
    indices = _indices(env, what, 4, MELODY, 8, rng, greedy=True)
    if rng.calls:
        raise Feedback(say("types_greedy_draws", count=len(rng.calls), methods=rng.summary()))
    without_rng = call(env, "one_to_many_sample", MELODY, 8, None, greedy=True)
    with hinted("types_hint_greedy_feedback"):
        assert_same(indices, GREEDY_MELODY, what)
        assert_same(without_rng, GREEDY_MELODY, "one_to_many_sample(parameters, 8, None, greedy=True)")
    # With Wya = 0 and by = 0 every step's probs are uniform, a four-way tie: the lowest index, 0
    uniform = dict(MELODY, Wya=np.zeros((4, 3)), by=np.zeros((4, 1)))
    what = "one_to_many_sample(parameters (Wya = 0, by = 0), 3, None, greedy=True)"
    assert_same(call(env, "one_to_many_sample", uniform, 3, None, greedy=True), [0, 0, 0], what)


# With Waa = 0, the state of step t + 1 depends only on the index drawn at step t, so the
# sequence is a Markov chain whose row j, transitions()[j], is the model's distribution of the
# next index after index j: softmax(Wya tanh(Wax[:, j] + ba) + by).
MARKOV = dict(MELODY, Waa=np.zeros((3, 3)))


def transitions():
    """(4, 4): row j is MARKOV's distribution of the index that follows index j, the reference's
    one_to_one_forward of the one-hot of j (one step of the cell from a zero state, which is
    what a<t> = tanh(Wax x<t> + ba) is when Waa = 0)."""
    return reference("one_to_one_forward", np.eye(4), MARKOV).T


DRAWS = 500
# Each index is followed about 70 times or more in 500 draws (the chain spends 14 % of its steps
# at index 0, more at the others), so each frequency has a standard deviation of at most
# sqrt(0.25 / 70) ~ 0.06. Every correct sampler draws the same sequence from the fixed seed (one
# rng.choice per step), whose largest difference is 0.11 (at most 0.17 over 300 other seeds);
# feeding back the probabilities, zeros or the argmax instead of the drawn index moves some
# frequency by 0.4 or more (at least 0.33 over those seeds). 0.25 sits between. (500 draws keep
# the check fast: the whole of grader.check("q5") takes milliseconds.)
FREQUENCY_TOLERANCE = 0.25


@test_case(points=1)
def test_frequencies_of_many_draws_follow_the_models_probabilities(env):
    what = f"one_to_many_sample(parameters, {DRAWS}, np.random.default_rng(2024))"
    indices = _indices(env, what, 4, MARKOV, DRAWS, np.random.default_rng(2024))
    assert_same(len(indices), DRAWS, f"len({what})")
    frequencies, expected = transition_frequencies(indices, 4), transitions()
    difference = np.abs(frequencies - expected)
    previous, index = np.unravel_index(int(np.argmax(difference)), difference.shape)
    if difference[previous, index] > FREQUENCY_TOLERANCE:
        raise Feedback(
            say(
                "types_distribution",
                draws=DRAWS,
                previous=previous,
                index=index,
                actual=frequencies[previous, index],
                expected=expected[previous, index],
                tolerance=FREQUENCY_TOLERANCE,
            )
        )


def _model(rng, n_y, n_a, scale):
    """The parameters of a one-to-many model (n_x = n_y) drawn from the generator rng."""
    return random_parameters(rng, n_a, n_y, n_y, Wax=scale, Wya=scale)


@test_case(points=1.5, hidden=True)
def test_unseen_models_sampled_with_seeded_generators(env):
    models = hidden_rng("q5 sampled models")

    for n_y, n_a, scale in [
        (size(models, 4, 6), size(models, 3, 5), models.uniform(1.5, 2.5)),
        (3, size(models, 5, 7), models.uniform(0.8, 1.2)),
        (size(models, 6, 8), size(models, 2, 4), models.uniform(2.5, 3.5)),
    ]:
        parameters = _model(models, n_y, n_a, scale)
        for T_y in (0, 1, size(models, 25, 35), size(models, 25, 35)):
            seed = size(models, 0, 2**31)
            what = f"one_to_many_sample(parameters (n_y = {n_y}), {T_y}, np.random.default_rng({seed}))"
            # the reference draws from its own copy of the generator: both start from its state
            rng = np.random.default_rng(seed)
            check_against_reference(env, "one_to_many_sample", parameters, T_y, rng, what=what)
        T_y, seed = size(models, 25, 35), size(models, 0, 2**31)
        full = reference("one_to_many_sample", parameters, T_y, np.random.default_rng(seed))
        # the first index that first appears after step 1 makes a stop in mid-sequence
        eos_index = next((i for t, i in enumerate(full) if t > 0 and i not in full[:t]), full[0])
        what = f"one_to_many_sample(parameters (n_y = {n_y}), {T_y}, rng (seed {seed}), {eos_index=})"
        rng = np.random.default_rng(seed)
        check_against_reference(
            env, "one_to_many_sample", parameters, T_y, rng, eos_index=eos_index, what=what
        )


@test_case(points=1, hidden=True)
def test_unseen_models_greedy(env):
    def greedy_sequence(parameters, T_y, fed_back):
        """The reference's greedy decoding over T_y steps, feeding back the one-hot of each index
        (the contract), or instead zeros or the probabilities (two mistakes), each from a
        reference function of this notebook: zeros fed back is the model with Wax = 0 (x<t>
        enters only through Wax x<t>); the probabilities fed back are what encoder_decoder_forward
        feeds its decoder, whose outputs' argmax is the sequence when the encoder leaves a zero
        state (zero weights and biases: tanh(0) = 0, as a<0> = 0 here)."""
        if fed_back == "one-hot":
            return reference("one_to_many_sample", parameters, T_y, None, greedy=True)
        if fed_back == "zeros":
            silenced = dict(parameters, Wax=np.zeros_like(parameters["Wax"]))
            return reference("one_to_many_sample", silenced, T_y, None, greedy=True)
        n_a = parameters["Waa"].shape[0]
        encoder = {"Wax": np.zeros((n_a, 1)), "Waa": np.zeros((n_a, n_a)), "Wya": np.zeros((1, n_a))}
        encoder.update(ba=np.zeros((n_a, 1)), by=np.zeros((1, 1)))
        x, a0 = np.zeros((1, 1, 1)), np.zeros((n_a, 1))
        y_pred = reference("encoder_decoder_forward", x, a0, encoder, parameters, T_y)
        return [int(i) for i in np.argmax(y_pred[:, 0, :], axis=0)]

    models = hidden_rng("q5 greedy models")

    candidates = []  # n_y, parameters, T_y
    for _ in range(20):
        n_y, n_a = size(models, 3, 7), size(models, 3, 7)
        candidates.append((n_y, _model(models, n_y, n_a, models.uniform(0.8, 2.5)), size(models, 10, 14)))

    def telling():
        # Greedy decoding often falls into the same short cycle whatever is fed back: keep three
        # models (about half of them) whose sequence changes when the one-hot is not fed back.
        found = [
            number
            for number, (_, parameters, T_y) in enumerate(candidates)
            if all(
                greedy_sequence(parameters, T_y, "one-hot") != greedy_sequence(parameters, T_y, other)
                for other in ("probabilities", "zeros")
            )
        ]
        return (found + [number for number in range(len(candidates)) if number not in found])[:3]

    # chosen when the build records answers (from the reference's answers), so that grading
    # uses the very same models
    for number in recorded("q5 greedy models that depend on the one-hot fed back", telling):
        n_y, parameters, length = candidates[number]
        # eos: an index of the greedy sequence after the first step (it stops there or earlier),
        # and any index (which the sequence may never reach)
        greedy = reference("one_to_many_sample", parameters, length, None, greedy=True)
        for T_y, eos_index in [
            (0, None),
            (1, None),
            (length, None),
            (length, greedy[size(models, 1, length - 1)]),
            (length, size(models, 0, n_y - 1)),
        ]:
            check_against_reference(
                env,
                "one_to_many_sample",
                parameters,
                T_y,
                None,
                eos_index=eos_index,
                greedy=True,
                what=f"one_to_many_sample(parameters (n_y = {n_y}), {T_y}, None, {eos_index}, greedy=True)",
            )


@test_case(points=0.5, hidden=True)
def test_one_draw_per_step_with_eos_on_an_unseen_model(env):
    models = hidden_rng("q5 one draw per step")
    n_y, n_a = int(models.integers(3, 6)), int(models.integers(4, 7))
    parameters = _model(models, n_y, n_a, 1.0)
    T_y, eos_index = int(models.integers(20, 31)), int(models.integers(n_y))
    # the first draw is scripted not to be eos, so that every run takes two steps or more
    first = (eos_index + int(models.integers(1, n_y))) % n_y
    for seed in models.integers(0, 2**31, size=3).tolist():
        rng = RecordingRng(seed=seed, script=[first])
        what = f"one_to_many_sample(parameters, {T_y}, rng, eos_index={eos_index})"
        indices = _indices(env, what, n_y, parameters, T_y, rng, eos_index=eos_index)
        assert_one_draw_per_step(rng, indices, eos_index=eos_index)


@test_case(points=0.5, hidden=True)
def test_parameters_unchanged(env):
    models = hidden_rng("q5 parameters unchanged")
    n_y, n_a = int(models.integers(3, 6)), int(models.integers(2, 6))
    parameters = _model(models, n_y, n_a, 1.5)
    T_y, eos_index = int(models.integers(5, 16)), int(models.integers(n_y))
    assert_inputs_unchanged(env, "one_to_many_sample", parameters, T_y, None, eos_index, True)
