"""Reference solution: word representation (vocabulary, one-hot, embeddings).

Dimensions: V is the vocabulary size, T the number of tokens of a sentence, m the number
of sentences in a batch, n_e the number of embedding features.

Each function below uses numpy and ``re`` only, and most_similar and complete_analogy call
cosine_similarity, as students write them: the build copies each, by name, into the student
notebook to prove that the reference scores full marks, and grading runs a graded function with
the reference of those it calls (docs/grading.md, isolation).
"""

import re

import numpy as np


def tokenize(text):
    """Split a text into lowercase words (tokens).

    Arguments:
    text -- str, for example "López Obrador lidera las encuestas"

    Returns:
    tokens -- list[str], the tokens of the lowercased text, in order: each token is a
              longest run of letters (of any alphabet, accented letters and ñ included)
              and digits; spaces, punctuation and "_" separate tokens and are not kept
    """
    if not isinstance(text, str):
        raise ValueError(f"text must be a str, not {type(text).__name__}")
    return re.findall(r"[^\W_]+", text.lower())


def build_vocabulary(sentences, max_size=None, min_count=1):
    """Build the word -> index dictionary of a corpus.

    Arguments:
    sentences -- list[str], each sentence is tokenized with tokenize
    max_size -- int or None, the largest vocabulary size, the two special tokens included
    min_count -- int, words seen fewer times than this are left out

    Returns:
    word_to_index -- dict[str, int]: "<UNK>" -> 0, "<EOS>" -> 1, then the words by
                     descending count, ties in Python string order, indices 2, 3, ...
    """
    if isinstance(sentences, str):
        raise ValueError("sentences must be a list of strings, not a single string")
    if max_size is not None and max_size < 2:
        raise ValueError("max_size must leave room for <UNK> and <EOS> (at least 2)")
    counts = {}
    for sentence in sentences:
        for word in re.findall(r"[^\W_]+", sentence.lower()):
            counts[word] = counts.get(word, 0) + 1
    kept = [w for w in counts if counts[w] >= min_count and w not in ("<UNK>", "<EOS>")]
    kept.sort(key=lambda w: (-counts[w], w))
    if max_size is not None:
        kept = kept[: max_size - 2]
    word_to_index = {"<UNK>": 0, "<EOS>": 1}
    for word in kept:
        word_to_index[word] = len(word_to_index)
    return word_to_index


def encode(text, word_to_index, add_eos=True):
    """Turn a text into the indices of its words.

    Arguments:
    text -- str
    word_to_index -- dict[str, int] with "<UNK>" and "<EOS>"
    add_eos -- bool, append the index of "<EOS>" at the end

    Returns:
    indices -- int array (T,), unknown words map to the index of "<UNK>"
    """
    if not isinstance(text, str):
        raise ValueError(f"text must be a str, not {type(text).__name__}")
    for special in ("<UNK>", "<EOS>"):
        if special not in word_to_index:
            raise ValueError(f"word_to_index has no {special} entry")
    unk = word_to_index["<UNK>"]
    indices = [word_to_index.get(w, unk) for w in re.findall(r"[^\W_]+", text.lower())]
    if add_eos:
        indices.append(word_to_index["<EOS>"])
    return np.array(indices, dtype=np.int64)


def one_hot(indices, vocab_size):
    """One-hot vectors of word indices, one column per word.

    Arguments:
    indices -- int array (T,) or (m, T)
    vocab_size -- int, V

    Returns:
    vectors -- float64 array (V, T) or (V, m, T): vectors[indices[t], t] = 1, zeros elsewhere

    Raises:
    ValueError -- when an index is outside [0, V)
    """
    indices = np.asarray(indices)
    if indices.ndim not in (1, 2):
        raise ValueError(f"indices must have shape (T,) or (m, T), not {indices.shape}")
    if indices.size and indices.dtype.kind not in "iu":
        raise ValueError(f"indices must be integers, not {indices.dtype}")
    if indices.size and (indices.min() < 0 or indices.max() >= vocab_size):
        raise ValueError(f"indices must lie in [0, {vocab_size}), got {indices.min()}..{indices.max()}")
    words = np.arange(vocab_size).reshape((vocab_size,) + (1,) * indices.ndim)
    return (words == indices[np.newaxis]).astype(np.float64)


def embedding_lookup(E, indices):
    """The embedding of each word: column E[:, j] for each index j, as E @ one_hot would give.

    Arguments:
    E -- float64 array (n_e, V), one column per word
    indices -- int array (T,) or (m, T)

    Returns:
    embeddings -- float64 array (n_e, T) or (n_e, m, T)
    """
    E = np.asarray(E, dtype=np.float64)
    indices = np.asarray(indices)
    if E.ndim != 2:
        raise ValueError(f"E must have shape (n_e, V), not {E.shape}")
    if indices.size and (indices.min() < 0 or indices.max() >= E.shape[1]):
        raise ValueError(f"indices must lie in [0, {E.shape[1]})")
    return E[:, indices]


def embedding_backward(d_out, indices, vocab_size):
    """Gradient of embedding_lookup with respect to E.

    Arguments:
    d_out -- float64 array (n_e, T) or (n_e, m, T), the gradient of the loss with respect to
             the output of embedding_lookup
    indices -- int array (T,) or (m, T), the indices given to embedding_lookup
    vocab_size -- int, V

    Returns:
    dE -- float64 array (n_e, V); a word that appears several times gets the sum of the
          gradients of all its appearances
    """
    d_out = np.asarray(d_out, dtype=np.float64)
    indices = np.asarray(indices)
    if d_out.shape[1:] != indices.shape:
        raise ValueError(f"d_out {d_out.shape} does not match indices {indices.shape}")
    if indices.size and (indices.min() < 0 or indices.max() >= vocab_size):
        raise ValueError(f"indices must lie in [0, {vocab_size})")
    dE = np.zeros((d_out.shape[0], vocab_size))
    np.add.at(dE.T, indices.reshape(-1), d_out.reshape(d_out.shape[0], -1).T)
    return dE


def cosine_similarity(u, v):
    """Cosine of the angle between two vectors.

    Arguments:
    u -- float64 array (n_e,)
    v -- float64 array (n_e,)

    Returns:
    similarity -- float, u.v / (||u|| ||v||), 0.0 when either vector is zero
    """
    u = np.asarray(u, dtype=np.float64)
    v = np.asarray(v, dtype=np.float64)
    if u.shape != v.shape:
        raise ValueError(f"u {u.shape} and v {v.shape} must have the same shape")
    norm_u, norm_v = np.linalg.norm(u), np.linalg.norm(v)
    if norm_u == 0.0 or norm_v == 0.0:
        return 0.0
    return float(np.dot(u / norm_u, v / norm_v))


def most_similar(word, E, word_to_index, k=5):
    """The k words whose embeddings are closest to that of word, by cosine similarity.

    Arguments:
    word -- str, a word of the vocabulary
    E -- float64 array (n_e, V)
    word_to_index -- dict[str, int]
    k -- int, how many words to return

    Returns:
    words -- list[str] of length min(k, V - 1), most similar first, the word itself left
             out, ties broken by lower index
    """
    if word not in word_to_index:
        raise ValueError(f"word {word!r} is not in the vocabulary")
    if k < 0:
        raise ValueError(f"k must not be negative, got {k}")
    E = np.asarray(E, dtype=np.float64)
    target = E[:, word_to_index[word]]
    index_to_word = {i: w for w, i in word_to_index.items()}
    scored = []
    for w, i in sorted(word_to_index.items(), key=lambda item: item[1]):
        if w != word:
            scored.append((-cosine_similarity(target, E[:, i]), i))
    scored.sort()
    return [index_to_word[i] for _, i in scored[:k]]


def complete_analogy(a, b, c, E, word_to_index):
    """Complete "a is to b as c is to w" with the embeddings E.

    Arguments:
    a, b, c -- str, words of the vocabulary
    E -- float64 array (n_e, V)
    word_to_index -- dict[str, int]

    Returns:
    w -- str, the word outside {a, b, c} that maximizes cos(e_w, e_b - e_a + e_c), ties
         broken by lower index
    """
    for name, w in (("a", a), ("b", b), ("c", c)):
        if w not in word_to_index:
            raise ValueError(f"{name}={w!r} is not in the vocabulary")
    E = np.asarray(E, dtype=np.float64)
    target = E[:, word_to_index[b]] - E[:, word_to_index[a]] + E[:, word_to_index[c]]
    best_word, best_similarity = None, -np.inf
    for w, i in sorted(word_to_index.items(), key=lambda item: item[1]):
        if w in (a, b, c):
            continue
        similarity = cosine_similarity(target, E[:, i])
        if similarity > best_similarity:
            best_word, best_similarity = w, similarity
    if best_word is None:
        raise ValueError("the vocabulary has no word outside {a, b, c}")
    return best_word
