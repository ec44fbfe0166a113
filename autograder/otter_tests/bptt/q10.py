"""q10 · training: a tiny character-level language model learns with the student's functions."""

import numpy as np
from otter.test_files import test_case

from rnncheck import Feedback, call, hidden_rng, say, to_float
from rnncheck.rnn_checks import array_dict, tuple_of

OK_FORMAT = False
name = "q10"

# Sixteen names of six letters from data/nombres.txt, written out so that the test needs no file.
NAMES = [
    "teresa", "martha", "silvia", "andrea", "mónica", "sandra", "camila", "ximena",
    "regina", "renata", "carmen", "raquel", "lorena", "susana", "rebeca", "isabel",
]  # fmt: skip
# Full-batch gradient descent from a fixed seed: with the reference the loss falls steadily
# from 21.3 to 11.6 (45 %) in STEPS steps, in 0.02 s; any correct implementation gives the
# same numbers up to rounding. FRACTION = 25% leaves a wide margin, while a model that does
# not learn stays near 7 * log(21) = 21.3 and one that climbs the gradient goes up. The
# budget is small on purpose: every submission is graded with it.
N_A = 16
STEPS = 40
LEARNING_RATE = 0.4
MAX_NORM = 5.0
FRACTION = 0.25


def training_data(names):
    """x (n_x, m, T_x) and y (m, T_x) for names of one length: y<t> is the t-th character
    ("\\n" after the last one), x<t> the one-hot of y<t-1>, and x<1> = 0."""
    characters = ["\n"] + sorted(set("".join(names)))
    index = {character: i for i, character in enumerate(characters)}
    y = np.array([[index[character] for character in name + "\n"] for name in names])
    m, T_x = y.shape
    x = np.zeros((len(characters), m, T_x))
    for i in range(m):
        for t in range(1, T_x):
            x[y[i, t - 1], i, t] = 1.0
    return x, y


def loss_and_gradients(env, x, y, a0, parameters, shapes):
    what = "rnn_loss_and_gradients(...)"
    result = tuple_of(call(env, "rnn_loss_and_gradients", x, y, a0, parameters), what, ("loss", "gradients"))
    return to_float(result[0], f"{what}[0]"), array_dict(result[1], f"{what}[1]", shapes, exact=False)


def losses_before_and_after(env, names, n_a, steps, learning_rate, clip, limit, seed):
    """The loss before and after `steps` steps of gradient descent with the student's
    rnn_loss_and_gradients, `clip` (clip_by_global_norm or clip_gradients, with `limit`) and sgd_step."""
    x, y = training_data(names)
    n_x, m, _ = x.shape
    rng = np.random.default_rng(seed)
    parameters = {
        "Wax": rng.normal(0.0, 0.01, (n_a, n_x)),
        "Waa": rng.normal(0.0, 0.01, (n_a, n_a)),
        "Wya": rng.normal(0.0, 0.01, (n_x, n_a)),
        "ba": np.zeros((n_a, 1)),
        "by": np.zeros((n_x, 1)),
    }
    shapes = {key: value.shape for key, value in parameters.items()}
    # The parameters' gradients only (loss_and_gradients keeps these keys): da0 is not clipped.
    gradient_shapes = {"d" + key: shape for key, shape in shapes.items()}
    a0 = np.zeros((n_a, m))
    first = None
    for _ in range(steps):
        loss, gradients = loss_and_gradients(env, x, y, a0, parameters, gradient_shapes)
        first = loss if first is None else first
        clipped = array_dict(call(env, clip, gradients, limit), f"{clip}(...)", gradient_shapes, exact=False)
        parameters = array_dict(
            call(env, "sgd_step", parameters, clipped, learning_rate), "sgd_step(...)", shapes, exact=False
        )
    last, _ = loss_and_gradients(env, x, y, a0, parameters, gradient_shapes)
    return first, last


def assert_loss_falls(first, last, steps, clip, fraction):
    target = (1 - fraction) * first
    if not last <= target:
        values = {"before": first, "after": last, "fraction": fraction, "target": target}
        raise Feedback(say("bptt_loss_did_not_fall", steps=steps, clip=clip, **values))


@test_case(points=2)
def test_loss_falls_by_a_quarter_in_40_steps(env):
    first, last = losses_before_and_after(
        env, NAMES, N_A, STEPS, LEARNING_RATE, "clip_by_global_norm", MAX_NORM, seed=12
    )
    assert_loss_falls(first, last, STEPS, "clip_by_global_norm", FRACTION)


@test_case(points=1, hidden=True)
def test_loss_falls_on_unseen_names_with_clipping_by_value(env):
    rng = hidden_rng("q10 unseen names")
    # Ten names of five or six letters from data/nombres.txt (those of NAMES left out), and
    # the initial weights, drawn anew. With values clipped to +-0.25 and a learning rate of
    # 0.8, the reference's loss falls by at least 45 % in 40 steps (600 draws), far from the
    # 25 % asked; at 0.4 it fell short of 25 % on 5 % of draws (300 draws).
    pool = [
        "aarón", "abril", "adela", "adolfo", "adrián", "aitana", "alicia", "alonso", "álvaro", "amado",
        "amalia", "amparo", "anahí", "andrés", "ángel", "ángela", "arturo", "aurora", "benito", "bertha",
        "blanca", "brenda", "bruno", "camilo", "carla", "carlos", "celia", "césar", "damián", "daniel",
        "dante", "diana", "diego", "dulce", "edgar", "efraín", "efrén", "elena", "elías", "eliseo",
        "elvia", "elvira", "emilia", "emilio", "erika", "estela", "fabián", "fátima", "fausto", "felipe",
        "fidel", "frida", "genaro", "germán", "gisela", "gloria", "héctor", "hernán", "hilda", "imelda",
        "irene", "isaac", "isela", "isidro", "ismael", "israel", "itzel", "ivonne", "jacobo", "jaime",
        "javier", "jazmín", "jesús", "jimena", "jorge", "josefa", "josué", "juana", "judith", "julia",
        "julián", "julio", "karina", "karla", "laura", "lázaro", "leonel", "leonor", "lidia", "lilia",
        "lucas", "lucero", "lucía", "lucila", "lucio", "luisa", "manuel", "marco", "marcos", "maría",
        "marina", "mario", "marta", "martín", "mateo", "matías", "mayra", "miguel", "mireya", "miriam",
        "moisés", "nadia", "nahum", "nayeli", "néstor", "noelia", "noemí", "norma", "ofelia", "olivia",
        "óscar", "pablo", "paloma", "pamela", "paula", "pedro", "perla", "pilar", "rafael", "ramiro",
        "ramón", "ramona", "renato", "reyna", "rocío", "romina", "rubén", "salma", "samuel", "santos",
        "selene", "sergio", "simón", "sofía", "sonia", "tania", "tobías", "tomás", "ulises", "uriel",
        "víctor", "yadira", "zulema",
    ]  # fmt: skip
    length = int(rng.choice([5, 6]))
    candidates = [name for name in pool if len(name) == length]
    names = [candidates[i] for i in rng.choice(len(candidates), size=10, replace=False)]
    seed = int(rng.integers(2**32))
    first, last = losses_before_and_after(env, names, 12, STEPS, 0.8, "clip_gradients", 0.25, seed=seed)
    assert_loss_falls(first, last, STEPS, "clip_gradients", FRACTION)
