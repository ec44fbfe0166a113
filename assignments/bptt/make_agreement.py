"""Run the agreement experiment of the bptt notebook (§9) and save its accuracies.

    .venv/bin/python assignments/bptt/make_agreement.py

writes `assignments/bptt/data/concordancia.csv`: one row `d,seed,accuracy` per distance d
(DISTANCES) and seed (SEEDS), the accuracy on TEST new sentences of an RNN trained to choose
the verb `estaba` or `estaban` after `gato` or `gatos` and d filler words.

The experiment is the notebook's `agreement_accuracy`, run with the bptt reference solution:
the same sentences, initial weights and training (rnn_backward with a gradient at the last
step only, clip_by_global_norm, sgd_step). Deterministic: the same code gives the same file.
Takes about a minute (18 trainings); the notebook runs one of them with the student's
functions and reads the rest from this file. Run it again whenever the experiment changes.
"""

import csv
from pathlib import Path

import numpy as np

from solutions.bptt import clip_by_global_norm, rnn_backward, rnn_forward, sgd_step, softmax

OUTPUT = Path(__file__).resolve().parent / "data" / "concordancia.csv"
DISTANCES = (1, 3, 6, 10, 15, 20)
SEEDS = (0, 1, 2)
FILLERS = ("que", "ya", "había", "comido", "tanto", "no", "podía", "moverse", "en", "la")
WORDS = ("gato", "gatos", *FILLERS)  # the inputs; the outputs are estaba (0) and estaban (1)
N_A, SENTENCES, STEPS, LEARNING_RATE, MAX_NORM, SCALE, TEST = 16, 256, 300, 0.5, 5.0, 0.03, 500


def agreement_data(d, m, rng):
    """x (len(WORDS), m, d + 1), the subject then d random fillers, one-hot; y (m,), 0 gato, 1 gatos."""
    y = rng.integers(0, 2, m)
    x = np.zeros((len(WORDS), m, d + 1))
    x[y, np.arange(m), 0] = 1.0
    for t in range(1, d + 1):
        x[2 + rng.integers(0, len(FILLERS), m), np.arange(m), t] = 1.0
    return x, y


def agreement_accuracy(d, seed):
    """Train on SENTENCES sentences with d fillers and return the accuracy on TEST new ones."""
    rng = np.random.default_rng(seed)
    parameters = {
        "Wax": rng.normal(0.0, SCALE, (N_A, len(WORDS))),
        "Waa": rng.normal(0.0, SCALE, (N_A, N_A)),
        "Wya": rng.normal(0.0, SCALE, (2, N_A)),
        "ba": np.zeros((N_A, 1)),
        "by": np.zeros((2, 1)),
    }
    x, y = agreement_data(d, SENTENCES, rng)
    a0 = np.zeros((N_A, SENTENCES))
    for _ in range(STEPS):
        a, _, caches = rnn_forward(x, a0, parameters)
        last = a[:, :, -1]
        dz = softmax(parameters["Wya"] @ last + parameters["by"])  # only the last step has an output
        dz[y, np.arange(SENTENCES)] -= 1.0
        dz /= SENTENCES
        da = np.zeros_like(a)
        da[:, :, -1] = parameters["Wya"].T @ dz
        through_time = rnn_backward(da, caches)
        gradients = {key: through_time[key] for key in ("dWax", "dWaa", "dba")}
        gradients.update({"dWya": dz @ last.T, "dby": dz.sum(axis=1, keepdims=True)})
        parameters = sgd_step(parameters, clip_by_global_norm(gradients, MAX_NORM), LEARNING_RATE)
    x_test, y_test = agreement_data(d, TEST, np.random.default_rng(1000 + seed))
    a, _, _ = rnn_forward(x_test, np.zeros((N_A, TEST)), parameters)
    guess = np.argmax(parameters["Wya"] @ a[:, :, -1] + parameters["by"], axis=0)
    return float(np.mean(guess == y_test))


def main():
    with open(OUTPUT, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["d", "seed", "accuracy"])
        for d in DISTANCES:
            for seed in SEEDS:
                accuracy = agreement_accuracy(d, seed)
                writer.writerow([d, seed, f"{accuracy:.3f}"])
                print(f"d = {d:2d}, seed {seed}: accuracy {accuracy:.3f}", flush=True)


if __name__ == "__main__":
    main()
