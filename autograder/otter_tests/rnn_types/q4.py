"""q4 · one_to_many_sample: one rng.choice per step, the drawn one-hot fed back, stop after eos."""

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
from rnncheck.rnn import random_parameters

OK_FORMAT = False
name = "q4"

# n_x = n_y = 4 (the input of step t + 1 is the one-hot of the index drawn at step t), n_a = 3.
# Greedy decoding of this model repeats the "melody" 1, 3, 2, 0.
MELODY = {
    "Wax": np.array([[-0.6, 1.5, 0.6, -0.9], [1.0, -2.2, 0.9, -0.8], [0.9, 0.7, -1.2, 0.8]]),
    "Waa": np.array([[0.2, -0.3, 1.0], [0.4, -0.6, -0.5], [0.2, 0.2, -0.4]]),
    "Wya": np.array([[1.8, 0.1, -1.3], [-0.6, -0.3, -2.3], [-1.2, -2.7, -0.4], [0.9, -1.9, 0.5]]),
    "ba": np.array([[-0.4], [0.0], [-0.2]]),
    "by": np.array([[-0.4], [-0.2], [-0.4], [0.1]]),
}
# The model's probabilities at steps 1..5 when the indices drawn are 2, 0, 3, 1, 1 (the first
# row, from x<1> = 0 and a<0> = 0, is softmax(Wya tanh(ba) + by)), worked out once.
SCRIPT = [2, 0, 3, 1, 1]
SCRIPT_PROBABILITIES = np.array(
    [
        [0.111759547356, 0.413890933903, 0.292527524577, 0.181821994164],
        [0.259816181032, 0.695552991990, 0.021184471451, 0.023446355527],
        [0.074306975934, 0.300985556631, 0.341276233350, 0.283431234085],
        [0.005044643643, 0.040298525679, 0.790686583973, 0.163970246705],
        [0.124369634692, 0.023947766976, 0.133348316615, 0.718334281717],
    ]
)


class RecordingRng:
    """Stands in for a numpy Generator and records every call made on it.

    choice(a, size=None, replace=True, p=None) draws with a real Generator made from `seed`,
    or, given a `script`, returns the script's next index whatever p is, so that the test
    knows every input the model sees. Other methods are recorded and passed on.
    """

    def __init__(self, seed=0, script=None):
        self._rng = np.random.default_rng(seed)
        self._script = list(script or [])
        self.calls = []  # (method name, the p given to choice or None)

    def __deepcopy__(self, memo):
        return self  # rnncheck.call copies the arguments: the calls must land on this object

    def choice(self, a, size=None, replace=True, p=None, **kwargs):
        self.calls.append(("choice", None if p is None else np.array(p, dtype=np.float64)))
        if len(self.calls) <= len(self._script):
            index = np.int64(self._script[len(self.calls) - 1])
            return index if size is None else np.full(size, index)
        return self._rng.choice(a, size=size, replace=replace, p=p, **kwargs)

    def __getattr__(self, attribute):
        if attribute.startswith("_"):
            raise AttributeError(attribute)
        method = getattr(self._rng, attribute)
        if not callable(method):
            return method

        def recorded(*args, **kwargs):
            self.calls.append((attribute, None))
            return method(*args, **kwargs)

        return recorded

    def methods(self):
        return [method for method, _ in self.calls]

    def summary(self):
        """The calls made, e.g. "12 × choice" or "5 × choice, 1 × random"."""
        methods = self.methods()
        return ", ".join(f"{methods.count(m)} × {m}" for m in dict.fromkeys(methods)) or "-"


def _indices(value, what, n_y):
    """value as a list of Python ints in [0, n_y)."""
    if type(value) is not list:
        raise Feedback(say("wrong_type", what=what, expected="list", kind=type(value).__name__))
    for position, index in enumerate(value):
        if type(index) is not int:
            raise Feedback(
                say("wrong_type", what=f"{what}[{position}]", expected="int", kind=type(index).__name__)
            )
        if not 0 <= index < n_y:
            raise Feedback(
                say("not_equal", what=f"{what}[{position}]", expected=f"0 <= i < {n_y}", actual=index)
            )
    return value


def _one_draw_per_step(rng, indices, eos_index=None):
    """Feedback unless rng saw exactly one call, choice, per returned index."""
    methods, steps = rng.methods(), len(indices)
    if methods != ["choice"] * steps:
        message = say("types_generator_calls", count=len(methods), methods=rng.summary(), steps=steps)
        # drawing twice: 2 draws a step, or 2 a step but 1 at the last when that one drew eos
        stopped_at_eos = eos_index is not None and steps > 0 and indices[-1] == eos_index
        if (
            steps
            and set(methods) == {"choice"}
            and (len(methods) == 2 * steps or (stopped_at_eos and len(methods) == 2 * steps - 1))
        ):
            message += " " + say("types_draws_twice")
        elif steps and not methods:
            message += " " + say("types_no_draws")
        raise Feedback(message)


@test_case(points=0.5)
def test_returns_a_list_of_T_y_indices(env):
    for T_y in (0, 1, 6):
        what = f"one_to_many_sample(parameters, {T_y}, rng)"
        indices = _indices(call(env, "one_to_many_sample", MELODY, T_y, np.random.default_rng(0)), what, 4)
        assert_same(len(indices), T_y, f"len({what})")


@test_case(points=1)
def test_one_draw_per_step_with_the_models_probabilities(env):
    rng = RecordingRng(seed=3)
    indices = _indices(
        call(env, "one_to_many_sample", MELODY, 6, rng), "one_to_many_sample(parameters, 6, rng)", 4
    )
    assert_same(len(indices), 6, "len(one_to_many_sample(parameters, 6, rng))")
    _one_draw_per_step(rng, indices)
    assert_close(rng.calls[0][1], SCRIPT_PROBABILITIES[0], say("types_choice_p", call=1))


@test_case(points=1)
def test_feeds_back_the_one_hot_of_each_drawn_index(env):
    rng = RecordingRng(script=SCRIPT)
    what = "one_to_many_sample(parameters, 5, rng)"
    indices = _indices(call(env, "one_to_many_sample", MELODY, 5, rng), what, 4)
    _one_draw_per_step(rng, indices)
    assert_same(indices, SCRIPT, what)
    for step, expected in enumerate(SCRIPT_PROBABILITIES):
        try:
            assert_close(rng.calls[step][1], expected, say("types_choice_p", call=step + 1))
        except Feedback as failure:
            raise Feedback(f"{failure} {say('types_feed_one_hot')}") from None


@test_case(points=0.5)
def test_stops_right_after_eos_which_is_included(env):
    rng = RecordingRng(script=[1, 3, 2, 0, 2, 1])
    what = "one_to_many_sample(parameters, 6, rng, eos_index=2)"
    indices = _indices(call(env, "one_to_many_sample", MELODY, 6, rng, eos_index=2), what, 4)
    assert_same(indices, [1, 3, 2], what)
    _one_draw_per_step(rng, indices, eos_index=2)
    what = "one_to_many_sample(parameters, 6, rng, eos_index=1)"
    indices = _indices(
        call(env, "one_to_many_sample", MELODY, 6, RecordingRng(script=[1, 3]), eos_index=1), what, 4
    )
    assert_same(indices, [1], what)


@test_case(points=0.5)
def test_same_seed_gives_the_same_sequence(env):
    what = "one_to_many_sample(parameters, 15, np.random.default_rng(7))"
    first = _indices(call(env, "one_to_many_sample", MELODY, 15, np.random.default_rng(7)), what, 4)
    second = _indices(call(env, "one_to_many_sample", MELODY, 15, np.random.default_rng(7)), what, 4)
    if first != second:
        raise Feedback(say("types_not_reproducible", seed=7))


@test_case(points=1)
def test_greedy_is_argmax_deterministic_and_leaves_rng_alone(env):
    rng = RecordingRng(seed=0)
    what = "one_to_many_sample(parameters, 8, rng, greedy=True)"
    indices = _indices(call(env, "one_to_many_sample", MELODY, 8, rng, greedy=True), what, 4)
    if rng.calls:
        raise Feedback(say("types_greedy_draws", count=len(rng.calls), methods=rng.summary()))
    assert_same(indices, [1, 3, 2, 0, 1, 3, 2, 0], what)
    what = "one_to_many_sample(parameters, 8, None, greedy=True)"
    assert_same(call(env, "one_to_many_sample", MELODY, 8, None, greedy=True), [1, 3, 2, 0, 1, 3, 2, 0], what)
    # With Wya = 0 and by = 0 every step's probs are uniform, a four-way tie: the lowest index, 0
    uniform = dict(MELODY, Wya=np.zeros((4, 3)), by=np.zeros((4, 1)))
    what = "one_to_many_sample(parameters (Wya = 0, by = 0), 3, None, greedy=True)"
    assert_same(call(env, "one_to_many_sample", uniform, 3, None, greedy=True), [0, 0, 0], what)


# With Waa = 0, the state of step t + 1 depends only on the index drawn at step t, so the
# sequence is a Markov chain whose row j, TRANSITIONS[j], is the model's distribution of the
# next index after index j: softmax(Wya tanh(Wax[:, j] + ba) + by), worked out once.
MARKOV = dict(MELODY, Waa=np.zeros((3, 3)))
TRANSITIONS = np.array(
    [
        [0.122179397711, 0.374020636045, 0.245118132618, 0.258681833626],
        [0.061543199357, 0.010244303544, 0.129830336878, 0.798382160221],
        [0.402460821671, 0.557091492710, 0.013504477188, 0.026943208430],
        [0.005495404798, 0.040472105154, 0.758793215324, 0.195239274725],
    ]
)
DRAWS = 500
# Each index is followed about 70 times or more in 500 draws (the chain spends 14 % of its steps
# at index 0, more at the others), so each frequency has a standard deviation of at most
# sqrt(0.25 / 70) ~ 0.06. Every correct sampler draws the same sequence from the fixed seed (one
# rng.choice per step), whose largest difference is 0.11 (at most 0.17 over 300 other seeds);
# feeding back the probabilities, zeros or the argmax instead of the drawn index moves some
# frequency by 0.4 or more (at least 0.33 over those seeds). 0.25 sits between. (500 draws keep
# the check fast: the whole of grader.check("q4") takes milliseconds.)
FREQUENCY_TOLERANCE = 0.25


@test_case(points=1)
def test_frequencies_of_many_draws_follow_the_models_probabilities(env):
    what = f"one_to_many_sample(parameters, {DRAWS}, np.random.default_rng(2024))"
    indices = _indices(call(env, "one_to_many_sample", MARKOV, DRAWS, np.random.default_rng(2024)), what, 4)
    assert_same(len(indices), DRAWS, f"len({what})")
    counts = np.zeros((4, 4))
    np.add.at(counts, (indices[:-1], indices[1:]), 1.0)
    frequencies = counts / np.maximum(counts.sum(axis=1, keepdims=True), 1.0)
    difference = np.abs(frequencies - TRANSITIONS)
    previous, index = np.unravel_index(int(np.argmax(difference)), difference.shape)
    if difference[previous, index] > FREQUENCY_TOLERANCE:
        raise Feedback(
            say(
                "types_distribution",
                draws=DRAWS,
                previous=previous,
                index=index,
                actual=frequencies[previous, index],
                expected=TRANSITIONS[previous, index],
                tolerance=FREQUENCY_TOLERANCE,
            )
        )


def _model(rng, n_y, n_a, scale):
    """The parameters of a one-to-many model (n_x = n_y) drawn from the generator rng."""
    return random_parameters(rng, n_a, n_y, n_y, Wax=scale, Wya=scale)


@test_case(points=1.5, hidden=True)
def test_unseen_models_sampled_with_seeded_generators(env):
    def expected_sequence(parameters, T_y, seed, eos_index=None):
        # the model's probabilities, from the shipped cell's formulas, and one draw per step
        # with an identical generator
        rng = np.random.default_rng(seed)
        n_y, n_a = parameters["Wya"].shape
        state, previous, drawn = np.zeros((n_a, 1)), np.zeros((n_y, 1)), []
        while len(drawn) < T_y:
            state = np.tanh(parameters["Waa"] @ state + parameters["Wax"] @ previous + parameters["ba"])
            scores = (parameters["Wya"] @ state + parameters["by"])[:, 0]
            weights = np.exp(scores - scores.max())
            drawn.append(int(rng.choice(n_y, p=weights / weights.sum())))
            if drawn[-1] == eos_index:
                break
            previous = np.eye(n_y)[:, [drawn[-1]]]
        return drawn

    models = hidden_rng("q4 sampled models")

    def size(low, high):
        return int(models.integers(low, high + 1))

    for n_y, n_a, scale in [
        (size(4, 6), size(3, 5), models.uniform(1.5, 2.5)),
        (3, size(5, 7), models.uniform(0.8, 1.2)),
        (size(6, 8), size(2, 4), models.uniform(2.5, 3.5)),
    ]:
        parameters = _model(models, n_y, n_a, scale)
        for T_y in (0, 1, size(25, 35), size(25, 35)):
            seed = size(0, 2**31)
            expected = expected_sequence(parameters, T_y, seed)
            what = f"one_to_many_sample(parameters (n_y = {n_y}), {T_y}, np.random.default_rng({seed}))"
            assert_same(
                call(env, "one_to_many_sample", parameters, T_y, np.random.default_rng(seed)), expected, what
            )
        T_y, seed = size(25, 35), size(0, 2**31)
        full = expected_sequence(parameters, T_y, seed)
        # the first index that first appears after step 1 makes a stop in mid-sequence
        eos_index = next((i for t, i in enumerate(full) if t > 0 and i not in full[:t]), full[0])
        expected = expected_sequence(parameters, T_y, seed, eos_index)
        what = f"one_to_many_sample(parameters (n_y = {n_y}), {T_y}, rng (seed {seed}), {eos_index=})"
        got = call(
            env, "one_to_many_sample", parameters, T_y, np.random.default_rng(seed), eos_index=eos_index
        )
        assert_same(got, expected, what)


@test_case(points=1, hidden=True)
def test_unseen_models_greedy(env):
    def greedy_sequence(parameters, T_y, fed_back):
        # argmax decoding with the shipped cell's formulas, feeding back the one-hot of each
        # index (the contract), or instead the probabilities or zeros (two mistakes)
        n_y, n_a = parameters["Wya"].shape
        state, previous, chosen = np.zeros((n_a, 1)), np.zeros((n_y, 1)), []
        for _ in range(T_y):
            state = np.tanh(parameters["Waa"] @ state + parameters["Wax"] @ previous + parameters["ba"])
            scores = parameters["Wya"] @ state + parameters["by"]
            chosen.append(int(np.argmax(scores)))
            weights = np.exp(scores - scores.max())
            previous = {
                "one-hot": np.eye(n_y)[:, [chosen[-1]]],
                "probabilities": weights / weights.sum(),
                "zeros": np.zeros((n_y, 1)),
            }[fed_back]
        return chosen

    models = hidden_rng("q4 greedy models")

    def size(low, high):
        return int(models.integers(low, high + 1))

    candidates = []  # n_y, parameters, T_y
    for _ in range(20):
        n_y, n_a = size(3, 7), size(3, 7)
        candidates.append((n_y, _model(models, n_y, n_a, models.uniform(0.8, 2.5)), size(10, 14)))

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

    # chosen when the build records answers, so that grading uses the very same models
    for number in recorded("q4 greedy models that depend on the one-hot fed back", telling):
        n_y, parameters, length = candidates[number]
        # eos: an index of the greedy sequence after the first step (it stops there or earlier),
        # and any index (which the sequence may never reach)
        greedy = reference("one_to_many_sample", parameters, length, None, greedy=True)
        for T_y, eos_index in [
            (0, None),
            (1, None),
            (length, None),
            (length, greedy[size(1, length - 1)]),
            (length, size(0, n_y - 1)),
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
    models = hidden_rng("q4 one draw per step")
    n_y, n_a = int(models.integers(3, 6)), int(models.integers(4, 7))
    parameters = _model(models, n_y, n_a, 1.0)
    T_y, eos_index = int(models.integers(20, 31)), int(models.integers(n_y))
    # the first draw is scripted not to be eos, so that every run takes two steps or more
    first = (eos_index + int(models.integers(1, n_y))) % n_y
    for seed in models.integers(0, 2**31, size=3).tolist():
        rng = RecordingRng(seed=seed, script=[first])
        what = f"one_to_many_sample(parameters, {T_y}, rng, eos_index={eos_index})"
        indices = call(env, "one_to_many_sample", parameters, T_y, rng, eos_index=eos_index)
        indices = _indices(indices, what, n_y)
        _one_draw_per_step(rng, indices, eos_index=eos_index)


@test_case(points=0.5, hidden=True)
def test_parameters_unchanged(env):
    models = hidden_rng("q4 parameters unchanged")
    n_y, n_a = int(models.integers(3, 6)), int(models.integers(2, 6))
    parameters = _model(models, n_y, n_a, 1.5)
    T_y, eos_index = int(models.integers(5, 16)), int(models.integers(n_y))
    assert_inputs_unchanged(env, "one_to_many_sample", parameters, T_y, None, eos_index, True)
