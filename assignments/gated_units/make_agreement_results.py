"""Train a plain RNN and an LSTM on the agreement task and save what the notebook plots.

    .venv/bin/python assignments/gated_units/make_agreement_results.py

writes `assignments/gated_units/data/concordancia.npz`:
- `distances` (K,): the numbers d of filler words tried;
- `rnn_accuracy`, `lstm_accuracy` (S, K): the accuracy on 1,000 new sentences of each model
  trained with each of S seeds at each distance (0.5 is chance);
- `steps_back` (T,), `rnn_gradient`, `lstm_gradient` (T,): the norm of the gradient of the
  loss with respect to the input x<T_x - k>, k steps before the verb (k = 0 is the last
  filler), per sentence, averaged over 64 sentences with d = 50, for each model before
  training (the picture that decides whether training can start to learn the agreement);
- `probe_x` (n_x, 64, 51), `probe_y` (64,) and `probe_Wf`, ..., `probe_by`: those sentences
  and the untrained LSTM, for the notebook to measure the same with the student's LSTM;
- `sgd_distances` (K',), `rnn_sgd_accuracy`, `lstm_sgd_accuracy` (S, K'): the accuracies
  with plain gradient descent (SGD_LEARNING_RATE, the same clipping) instead of Adam, as
  assignment 3 trains;
- `vocabulary` (n_x,): the word of each input index.

The task (assignment 3 ends on it): a sentence is `gato` or `gatos`, then d filler words
drawn at random from FILLERS, and the model must say, after the last filler, whether the
verb is `estaba` (class 0) or `estaban` (class 1): many-to-one, from the state at the last
step, softmax over the two classes. Both models have n_a = 16 units, are trained with the
references (solutions.rnn_forward and solutions.bptt for the RNN, solutions.gated_units for
the LSTM) on fresh batches of 64 sentences, ITERATIONS steps of Adam (learning rate 0.01) or
of plain gradient descent, with gradients clipped to a joint norm of 5. The LSTM's forget
bias starts at 1 (the usual initialisation), every other bias at 0, weights normal with
standard deviation SCALE = 0.01, as assignment 2's initialize_parameters. Deterministic for
the seeds; takes tens of minutes on one core (40 on this 2-core machine under load). The notebook
reads the file; the grader never trains anything.

    .venv/bin/python assignments/gated_units/make_agreement_results.py --assignment3 10,20,30 0,1,2 300,1500

writes nothing: it prints the accuracy of both models trained with assignment 3's own protocol
(bptt, section 9: weights normal x 0.03, one fixed set of 256 training sentences, gradient
descent with learning rate 0.5 and clipping to norm 5, accuracy on 500 new sentences) for the
distances, seeds and numbers of steps given, the LSTM with forget bias 1 and 3. The notebook's
table is what this command printed (a few minutes per distance and seed on this 2-core machine
under load, run a few at a time; the LSTM is the slow one).
"""

import sys
from pathlib import Path

import numpy as np

from solutions.bptt import rnn_backward
from solutions.gated_units import lstm_backward, lstm_forward
from solutions.rnn_forward import rnn_forward, softmax

OUTPUT = Path(__file__).resolve().parent / "data" / "concordancia.npz"
SUBJECTS = ("gato", "gatos")
VERBS = ("estaba", "estaban")
FILLERS = (
    "que",
    "ya",
    "había",
    "comido",
    "tanto",
    "no",
    "podía",
    "moverse",
    "muy",
    "cansado",
    "en",
    "la",
    "casa",
)
VOCABULARY = SUBJECTS + FILLERS
DISTANCES = (5, 10, 20, 30, 40, 50)
SEEDS = (0, 1)
ITERATIONS = 1000
LEARNING_RATE = 0.01
MAX_NORM = 5.0
SGD_LEARNING_RATE = 1.0
SGD_DISTANCES = (2, 5, 10, 20)
SCALE = 0.01  # the weights' standard deviation, as initialize_parameters of assignment 2
N_A = 16
BATCH = 64


def sentences(rng, d, m):
    """x (n_x, m, d + 1), the one-hot words, and y (m,), the verb's class (the subject's number)."""
    y = rng.integers(0, 2, m)
    words = np.concatenate([y[:, None], rng.integers(2, len(VOCABULARY), (m, d))], axis=1)  # (m, T_x)
    x = np.zeros((len(VOCABULARY), m, d + 1))
    x[words, np.arange(m)[:, None], np.arange(d + 1)[None, :]] = 1.0
    return x, y


def initial(kind, rng, scale=SCALE, forget_bias=1.0):
    n_x = len(VOCABULARY)
    if kind == "rnn":
        return {
            "Wax": rng.normal(0.0, scale, (N_A, n_x)),
            "Waa": rng.normal(0.0, scale, (N_A, N_A)),
            "Wya": rng.normal(0.0, scale, (2, N_A)),
            "ba": np.zeros((N_A, 1)),
            "by": np.zeros((2, 1)),
        }
    parameters = {}
    for gate in "fico":
        parameters["W" + gate] = rng.normal(0.0, scale, (N_A, N_A + n_x))
        parameters["b" + gate] = np.full((N_A, 1), forget_bias if gate == "f" else 0.0)
    parameters["Wy"] = rng.normal(0.0, scale, (2, N_A))
    parameters["by"] = np.zeros((2, 1))
    return parameters


def loss_and_gradients(kind, parameters, x, y):
    """The mean cross-entropy of the verb at the last step, and the gradients (dx included)."""
    m, T_x = x.shape[1], x.shape[2]
    a0 = np.zeros((N_A, m))
    if kind == "rnn":
        a, _, caches = rnn_forward(x, a0, parameters)
        Wy, by = parameters["Wya"], parameters["by"]
    else:
        a, _, _, caches = lstm_forward(x, a0, parameters)
        Wy, by = parameters["Wy"], parameters["by"]
    probabilities = softmax(Wy @ a[:, :, -1] + by)
    loss = -np.mean(np.log(probabilities[y, np.arange(m)]))
    dz = probabilities.copy()
    dz[y, np.arange(m)] -= 1.0
    dz /= m
    da = np.zeros((N_A, m, T_x))
    da[:, :, -1] = Wy.T @ dz
    gradients = (rnn_backward if kind == "rnn" else lstm_backward)(da, caches)
    output = "Wya" if kind == "rnn" else "Wy"
    gradients["d" + output] = dz @ a[:, :, -1].T
    gradients["dby"] = np.sum(dz, axis=1, keepdims=True)
    return loss, gradients, probabilities


def train(kind, d, seed, optimizer="adam"):
    """The parameters after ITERATIONS steps of Adam (or of plain gradient descent, "sgd", with
    learning rate SGD_LEARNING_RATE) on fresh batches with d fillers."""
    rng = np.random.default_rng(1000 * seed + d)
    parameters = initial(kind, rng)
    if optimizer == "sgd":
        for _ in range(ITERATIONS):
            x, y = sentences(rng, d, BATCH)
            gradients = loss_and_gradients(kind, parameters, x, y)[1]
            parameters = clipped_step(parameters, gradients, SGD_LEARNING_RATE)
        return parameters
    moments = {key: (np.zeros_like(value), np.zeros_like(value)) for key, value in parameters.items()}
    for step in range(1, ITERATIONS + 1):
        x, y = sentences(rng, d, BATCH)
        _, gradients, _ = loss_and_gradients(kind, parameters, x, y)
        total = np.sqrt(sum(np.sum(gradients["d" + key] ** 2) for key in parameters))
        scale = min(1.0, MAX_NORM / total) if total > 0 else 1.0
        for key in parameters:
            g = gradients["d" + key] * scale
            first, second = moments[key]
            first, second = 0.9 * first + 0.1 * g, 0.999 * second + 0.001 * g**2
            moments[key] = (first, second)
            step_size = LEARNING_RATE * np.sqrt(1 - 0.999**step) / (1 - 0.9**step)
            parameters[key] = parameters[key] - step_size * first / (np.sqrt(second) + 1e-8)
    return parameters


def clipped_step(parameters, gradients, learning_rate):
    """One step of gradient descent with the gradients clipped to a joint norm of MAX_NORM."""
    total = np.sqrt(sum(np.sum(gradients["d" + key] ** 2) for key in parameters))
    step = learning_rate * min(1.0, MAX_NORM / total) if total > 0 else learning_rate
    return {key: value - step * gradients["d" + key] for key, value in parameters.items()}


def assignment3_accuracies(kind, d, seed, checkpoints, forget_bias):
    """Assignment 3's protocol (bptt, section 9): weights normal x 0.03, ONE fixed set of 256
    training sentences, gradient descent with learning rate 0.5 and clipping to norm 5; the
    accuracy on 500 new sentences after each number of steps in `checkpoints` (increasing).
    Not stored in the data file: `--assignment3` prints it."""
    rng = np.random.default_rng(seed)
    parameters = initial(kind, rng, scale=0.03, forget_bias=forget_bias)
    x, y = sentences(rng, d, 256)
    x_test, y_test = sentences(np.random.default_rng(1000 + seed), d, 500)
    found = []
    for step in range(1, max(checkpoints) + 1):
        parameters = clipped_step(parameters, loss_and_gradients(kind, parameters, x, y)[1], 0.5)
        if step in checkpoints:
            probabilities = loss_and_gradients(kind, parameters, x_test, y_test)[2]
            found.append(float(np.mean(np.argmax(probabilities, axis=0) == y_test)))
    return found


def accuracy(kind, parameters, d, seed):
    x, y = sentences(np.random.default_rng(10_000 + 1000 * seed + d), d, 1000)
    _, _, probabilities = loss_and_gradients(kind, parameters, x, y)
    return float(np.mean(np.argmax(probabilities, axis=0) == y))


def probe(seed=0, d=50, m=64):
    """The untrained LSTM and RNN of `seed`, and m sentences with d fillers: what the gradient
    through time is measured on (the notebook measures it again with the student's LSTM)."""
    rng = np.random.default_rng(seed)
    lstm, rnn = initial("lstm", rng), initial("rnn", rng)
    x, y = sentences(rng, d, m)
    return lstm, rnn, x, y


def gradient_through_time(kind, parameters, x, y):
    """‖∂L/∂x<t>‖ per sentence, averaged over the sentences, from the last step back to the subject."""
    gradients = loss_and_gradients(kind, parameters, x, y)[1]
    norms = np.sqrt(np.sum(gradients["dx"] ** 2, axis=0)).mean(axis=0)  # (T_x,)
    return norms[::-1] * x.shape[1]  # per sentence: undo the 1/m of the mean loss


def accuracies(distances, optimizer):
    """kind -> (len(SEEDS), len(distances)) accuracies of the models trained with optimizer."""
    results = {kind: np.zeros((len(SEEDS), len(distances))) for kind in ("rnn", "lstm")}
    for k, d in enumerate(distances):
        for s, seed in enumerate(SEEDS):
            for kind in ("rnn", "lstm"):
                results[kind][s, k] = accuracy(kind, train(kind, d, seed, optimizer), d, seed)
        print(f"{optimizer} d = {d:2d}: RNN {results['rnn'][:, k]}, LSTM {results['lstm'][:, k]}", flush=True)
    return results


def main():
    results, plain = accuracies(DISTANCES, "adam"), accuracies(SGD_DISTANCES, "sgd")
    lstm, rnn, x, y = probe()
    rnn_gradient, lstm_gradient = (
        gradient_through_time("rnn", rnn, x, y),
        gradient_through_time("lstm", lstm, x, y),
    )
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        OUTPUT,
        vocabulary=np.array(VOCABULARY),
        distances=np.array(DISTANCES),
        rnn_accuracy=results["rnn"],
        lstm_accuracy=results["lstm"],
        sgd_distances=np.array(SGD_DISTANCES),
        rnn_sgd_accuracy=plain["rnn"],
        lstm_sgd_accuracy=plain["lstm"],
        steps_back=np.arange(len(rnn_gradient)),
        rnn_gradient=rnn_gradient,
        lstm_gradient=lstm_gradient,
        probe_x=x,
        probe_y=y,
        **{"probe_" + key: value for key, value in lstm.items()},
    )
    print("gradient norm k steps back (RNN, LSTM):")
    for k in (0, 1, 5, 10, 20, 30, 50):
        print(f"  k = {k:2d}: {rnn_gradient[k]:.2e}  {lstm_gradient[k]:.2e}")


def main_assignment3(distances, seeds, steps):
    """Print assignment 3's protocol for the plain RNN and the LSTM with b_f = 1 and 3."""
    for d in distances:
        for seed in seeds:
            for kind, forget_bias in (("rnn", 0.0), ("lstm", 1.0), ("lstm", 3.0)):
                name = "RNN" if kind == "rnn" else f"LSTM b_f = {forget_bias:.0f}"
                found = assignment3_accuracies(kind, d, seed, steps, forget_bias)
                reached = ", ".join(f"{value:.3f} after {count}" for count, value in zip(steps, found))
                print(f"d = {d:2d}, seed {seed}, {name}: {reached} steps", flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--assignment3"]:  # --assignment3 D,D,... SEED,... STEPS,...
        main_assignment3(*([int(v) for v in arg.split(",")] for arg in sys.argv[2:5]))
    else:
        main()
