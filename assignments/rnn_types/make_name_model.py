"""Train the character-level name model of assignment 3 and save it for assignment 4.

    .venv/bin/python assignments/rnn_types/make_name_model.py

writes `assignments/rnn_types/data/modelo_nombres.npz`: the parameters Wax (n_a, n_x),
Waa (n_a, n_a), Wya (n_y, n_a), ba (n_a, 1), by (n_y, 1) of the model; `characters` (n_y,),
the character of each index, with index 0 = "\\n", the end of a name (n_x = n_y = the number
of characters); and `names_sha256`, the SHA-256 of the name list it was trained on (a test
checks that it is the list the repository holds).

The model and its training are those of the bptt notebook (§8), run with the bptt reference
solution: the names of `assignments/bptt/data/nombres.txt`, one per line; x<1> = 0 and each
input the one-hot of the previous character (teacher forcing), the targets every character
of the name and then "\\n"; batches of up to 16 names of the same length; 80 epochs of
gradient descent (learning rate 0.1) with the gradients of the parameters clipped to a joint
norm of 5, from small random weights drawn with seed 0. Deterministic: the same list gives
the same file. Takes about a second. Run it again whenever nombres.txt changes.
"""

import hashlib
from pathlib import Path

import numpy as np

from solutions.bptt import clip_by_global_norm, rnn_loss_and_gradients, sgd_step

ROOT = Path(__file__).resolve().parents[2]
NAMES = ROOT / "assignments" / "bptt" / "data" / "nombres.txt"
OUTPUT = Path(__file__).resolve().parent / "data" / "modelo_nombres.npz"
PARAMETERS = ("Wax", "Waa", "Wya", "ba", "by")


def read_names(path=NAMES):
    """The names of the list, one per line, and the characters: "\\n" (index 0), then the rest sorted."""
    with open(path, encoding="utf-8") as f:
        names = [line.strip() for line in f if line.strip()]
    return names, ["\n"] + sorted(set("".join(names)))


def name_batches(names, characters, batch_size=16):
    """(x (n_x, m, T_x), y (m, T_x)) for batches of names of the same length, T_x = length + 1."""
    index = {character: i for i, character in enumerate(characters)}
    by_length = {}
    for name in names:
        by_length.setdefault(len(name), []).append(name)
    batches = []
    for _, group in sorted(by_length.items()):
        for start in range(0, len(group), batch_size):
            y = np.array([[index[c] for c in name + "\n"] for name in group[start : start + batch_size]])
            m, T_x = y.shape
            x = np.zeros((len(characters), m, T_x))  # x<1> = 0
            for t in range(1, T_x):
                x[y[:, t - 1], np.arange(m), t] = 1.0  # x<t+1> is the one-hot of y<t>
            batches.append((x, y))
    return batches


def train(batches, n_y, n_a=32, epochs=80, learning_rate=0.1, max_norm=5.0, seed=0):
    """The trained parameters and the loss per character of each epoch."""
    rng = np.random.default_rng(seed)
    parameters = {
        "Wax": rng.normal(0.0, 0.01, (n_a, n_y)),
        "Waa": rng.normal(0.0, 0.01, (n_a, n_a)),
        "Wya": rng.normal(0.0, 0.01, (n_y, n_a)),
        "ba": np.zeros((n_a, 1)),
        "by": np.zeros((n_y, 1)),
    }
    characters_seen = sum(y.size for _, y in batches)
    history = []
    for _ in range(epochs):
        total = 0.0
        for k in rng.permutation(len(batches)):
            x, y = batches[k]
            loss, gradients = rnn_loss_and_gradients(x, y, np.zeros((n_a, x.shape[1])), parameters)
            # only the parameters' gradients: da0 is not a parameter
            gradients = clip_by_global_norm({"d" + p: gradients["d" + p] for p in PARAMETERS}, max_norm)
            parameters = sgd_step(parameters, gradients, learning_rate)
            total += loss * x.shape[1]  # the loss is a mean over the m names of the batch
        history.append(total / characters_seen)
    return parameters, history


def main():
    names, characters = read_names()
    parameters, history = train(name_batches(names, characters), n_y=len(characters))
    OUTPUT.parent.mkdir(exist_ok=True)
    digest = hashlib.sha256(NAMES.read_bytes()).hexdigest()
    np.savez(OUTPUT, characters=np.array(characters), names_sha256=np.array(digest), **parameters)
    print(
        f"{len(names)} names, {len(characters)} characters; loss per character "
        f"{history[0]:.3f} in the first epoch, {history[-1]:.3f} in the last; wrote {OUTPUT}"
    )


if __name__ == "__main__":
    main()
