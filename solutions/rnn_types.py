"""Reference solution: the types of RNN.

Dimensions: n_x is the size of one input x<t>, n_a the size of the hidden state a<t>, n_y
the size of one output y<t>, m the number of examples in a batch (one example is a
column), T_x the number of input time steps, T_y the number of output time steps.

Shapes follow the lecture: x (n_x, m, T_x), a0 (n_a, m), outputs (n_y, m) for one step or
(n_y, m, T) for a sequence. parameters is a dict with Wax (n_a, n_x), Waa (n_a, n_a),
Wya (n_y, n_a), ba (n_a, 1), by (n_y, 1). In every architecture each time step is one call
of the cell shipped with the assignment, rnn_cell_forward, with the same parameters at every
step. masked_cross_entropy is the loss of a padded batch, such as many_to_many_forward's
output: the mask applies to the loss of each step.

Each function below uses numpy and the shipped cell (and softmax) only, except that
bidirectional_forward calls reverse_padded, graded on its own; when grading, that call runs
the reference (isolation). The build copies each function, by name, into the student
notebook to prove that the reference scores full marks.
"""

import numpy as np

from solutions.rnn_forward import rnn_cell_forward, softmax  # noqa: F401


def one_to_one_forward(x, parameters):
    """One-to-one: a single input gives a single output, one step from a zero state.

    Arguments:
    x -- float64 array (n_x, m), one input per example
    parameters -- dict with Wax (n_a, n_x), Waa (n_a, n_a), Wya (n_y, n_a), ba (n_a, 1),
                  by (n_y, 1)

    Returns:
    y_pred -- float64 array (n_y, m), the output of one step of the cell with a_prev = 0
    """
    x = np.asarray(x, dtype=np.float64)
    n_x = np.shape(parameters["Wax"])[1]
    if x.ndim != 2 or x.shape[0] != n_x:
        raise ValueError(f"x must have shape (n_x, m) with n_x = {n_x}, not {x.shape}")
    n_a = np.shape(parameters["Waa"])[0]
    a_prev = np.zeros((n_a, x.shape[1]))
    _, y_pred, _ = rnn_cell_forward(x, a_prev, parameters)
    return y_pred


def _sequences(x, a0, parameters, lengths, shortest):
    """x as float64 (n_x, m, T_x) and lengths as ints (m,) in [shortest, T_x], checked with a0."""
    x = np.asarray(x, dtype=np.float64)
    n_x = np.shape(parameters["Wax"])[1]
    if x.ndim != 3 or x.shape[0] != n_x:
        raise ValueError(f"x must have shape (n_x, m, T_x) with n_x = {n_x}, not {x.shape}")
    _, m, T_x = x.shape
    if T_x < shortest:
        raise ValueError(f"x must have at least {shortest} time step (T_x >= {shortest})")
    n_a = np.shape(parameters["Waa"])[0]
    if np.shape(a0) != (n_a, m):
        raise ValueError(f"a0 must have shape (n_a, m) = ({n_a}, {m}), not {np.shape(a0)}")
    if lengths is None:
        return x, np.full(m, T_x)
    lengths = np.asarray(lengths)
    if lengths.shape != (m,):
        raise ValueError(f"lengths must have shape (m,) = ({m},), not {lengths.shape}")
    if not np.issubdtype(lengths.dtype, np.integer):
        raise ValueError(f"lengths must hold integers, not {lengths.dtype}")
    if m and (lengths.min() < shortest or lengths.max() > T_x):
        got = f"{lengths.min()}..{lengths.max()}"
        raise ValueError(f"lengths must lie in [{shortest}, T_x] = [{shortest}, {T_x}], got {got}")
    return x, lengths


def many_to_one_forward(x, a0, parameters, lengths=None):
    """Many-to-one: a sequence gives one output, read at each example's last real step.

    Example: sentiment classification, where each sentence has its own length and the
    batch is padded to T_x steps.

    Arguments:
    x -- float64 array (n_x, m, T_x), the padded input sequences
    a0 -- float64 array (n_a, m), the initial hidden state
    parameters -- dict with Wax (n_a, n_x), Waa (n_a, n_a), Wya (n_y, n_a), ba (n_a, 1),
                  by (n_y, 1)
    lengths -- int array (m,) or None: example i is x[:, i, :lengths[i]], each length in
               [1, T_x]; None means every example has T_x steps

    Returns:
    y_pred -- float64 array (n_y, m): column i is y<lengths[i]> of example i, so that
              padding after an example's last step has no effect
    """
    x, lengths = _sequences(x, a0, parameters, lengths, shortest=1)
    _, m, T_x = x.shape

    n_y = np.shape(parameters["Wya"])[0]
    y_pred = np.zeros((n_y, m))
    a = a0
    for t in range(T_x):
        a, yt, _ = rnn_cell_forward(x[:, :, t], a, parameters)
        last = lengths == t + 1  # examples whose last real step is step t + 1
        y_pred[:, last] = yt[:, last]
    return y_pred


def many_to_many_forward(x, a0, parameters, lengths=None):
    """Many-to-many with T_y = T_x: one output per input step, zeros past each length.

    Example: named entity recognition, one label per word of each sentence.

    Arguments:
    x -- float64 array (n_x, m, T_x), the padded input sequences
    a0 -- float64 array (n_a, m), the initial hidden state
    parameters -- dict with Wax (n_a, n_x), Waa (n_a, n_a), Wya (n_y, n_a), ba (n_a, 1),
                  by (n_y, 1)
    lengths -- int array (m,) or None: example i is x[:, i, :lengths[i]], each length in
               [0, T_x]; None means every example has T_x steps

    Returns:
    y_pred -- float64 array (n_y, m, T_x): y_pred[:, i, t] is y<t+1> of example i for
              t < lengths[i], and exactly 0 at the padded steps t >= lengths[i]
    """
    x, lengths = _sequences(x, a0, parameters, lengths, shortest=0)
    _, m, T_x = x.shape

    n_y = np.shape(parameters["Wya"])[0]
    y_pred = np.zeros((n_y, m, T_x))
    a = a0
    for t in range(T_x):
        a, yt, _ = rnn_cell_forward(x[:, :, t], a, parameters)
        real = t < lengths  # examples that still have a real step at step t + 1
        y_pred[:, real, t] = yt[:, real]
    return y_pred


def masked_cross_entropy(y_pred, y, lengths):
    """Cross-entropy of padded sequences: summed over each example's real steps, mean over examples.

    The mask applies to the loss of each step, not to y_pred: the padded steps t >= lengths[i]
    of example i add nothing, whatever y_pred and y hold there (many_to_many_forward gives 0
    there, and -log 0 is infinite).

    Arguments:
    y_pred -- float64 array (n_y, m, T), m >= 1, the predicted probabilities at each step
    y -- int array (m, T), the true class index of each example at each step: in [0, n_y) at
         the real steps, any int (such as -1) at the padded steps
    lengths -- int array (m,), each in [0, T]: example i has the real steps t < lengths[i]

    Returns:
    loss -- float, (1 / m) * sum over i and over t < lengths[i] of -log y_pred[y[i, t], i, t]:
            the cross_entropy_loss of assignment 3 (summed over the steps, mean over the m
            examples) of the unpadded sequences; an example of length 0 adds 0 but counts in m
    """
    y_pred = np.asarray(y_pred, dtype=np.float64)
    y = np.asarray(y)
    lengths = np.asarray(lengths)
    if y_pred.ndim != 3 or y_pred.shape[1] == 0:
        raise ValueError(f"y_pred must have shape (n_y, m, T) with m >= 1, not {y_pred.shape}")
    n_y, m, T = y_pred.shape
    if y.shape != (m, T):
        raise ValueError(f"y must have shape (m, T) = ({m}, {T}), not {y.shape}")
    if y.size and not np.issubdtype(y.dtype, np.integer):
        raise ValueError(f"y must hold integer class indices, not {y.dtype}")
    if lengths.shape != (m,):
        raise ValueError(f"lengths must have shape (m,) = ({m},), not {lengths.shape}")
    if not np.issubdtype(lengths.dtype, np.integer):
        raise ValueError(f"lengths must hold integers, not {lengths.dtype}")
    if lengths.min() < 0 or lengths.max() > T:
        raise ValueError(f"lengths must lie in [0, T] = [0, {T}], got {lengths.min()}..{lengths.max()}")

    real = np.arange(T)[np.newaxis, :] < lengths[:, np.newaxis]  # (m, T): the mask, True at real steps
    examples, steps = np.nonzero(real)
    classes = y[examples, steps]
    if classes.size and (classes.min() < 0 or classes.max() >= n_y):
        raise ValueError(f"y must lie in [0, {n_y}) at the real steps, got {classes.min()}..{classes.max()}")
    return float(np.sum(-np.log(y_pred[classes, examples, steps])) / m)


def one_to_many_sample(parameters, T_y, rng, eos_index=None, greedy=False):
    """One-to-many: generate a sequence from nothing, each output fed back as the next input.

    Example: music generation. The input size equals the output size (n_x = n_y), because
    the input of step t + 1 is the one-hot vector of the index drawn at step t.

    Arguments:
    parameters -- dict with Wax (n_a, n_y), Waa (n_a, n_a), Wya (n_y, n_a), ba (n_a, 1),
                  by (n_y, 1)
    T_y -- int >= 0, the largest number of steps
    rng -- numpy.random.Generator; at each step exactly one call rng.choice(n_y, p=probs),
           with probs (n_y,) the output of that step; not used when greedy is True
    eos_index -- int in [0, n_y) or None: stop right after drawing this index
    greedy -- bool: take argmax(probs) (lowest index on ties) instead of drawing

    Returns:
    indices -- list[int], the drawn indices in order: x<1> = 0 and a<0> = 0, the one-hot
               of each drawn index is the next input; T_y indices, or fewer when eos_index
               was drawn, in which case it is the last one
    """
    n_y = np.shape(parameters["Wya"])[0]
    n_a = np.shape(parameters["Waa"])[0]
    if np.shape(parameters["Wax"]) != (n_a, n_y):
        raise ValueError(
            f"parameters['Wax'] must have shape (n_a, n_y) = ({n_a}, {n_y}) for one-to-many "
            f"(the input is the previous output), not {np.shape(parameters['Wax'])}"
        )
    if isinstance(T_y, bool) or not isinstance(T_y, (int, np.integer)) or T_y < 0:
        raise ValueError(f"T_y must be a non-negative int, not {T_y!r}")
    is_int = isinstance(eos_index, (int, np.integer)) and not isinstance(eos_index, bool)
    if eos_index is not None and not (is_int and 0 <= eos_index < n_y):
        raise ValueError(f"eos_index must be None or an int in [0, {n_y}), not {eos_index!r}")
    if not greedy and rng is None:
        raise ValueError("rng must be a numpy.random.Generator when greedy is False")

    x = np.zeros((n_y, 1))
    a = np.zeros((n_a, 1))
    indices = []
    for _ in range(T_y):
        a, yt, _ = rnn_cell_forward(x, a, parameters)
        probs = yt[:, 0]
        if greedy:
            index = int(np.argmax(probs))
        else:
            index = int(rng.choice(n_y, p=probs))
        indices.append(index)
        if index == eos_index:
            break
        x = np.zeros((n_y, 1))
        x[index, 0] = 1.0
    return indices


def encoder_decoder_forward(x, a0, encoder, decoder, T_y):
    """Encoder-decoder (many-to-many with T_y != T_x): read the whole input, then write.

    Example: machine translation. The encoder reads x and its outputs are not used; its
    last hidden state is the whole summary of the input and starts the decoder. The
    decoder's input is zeros at its first step and its own previous output after, so the
    decoder's input size equals its output size.

    Arguments:
    x -- float64 array (n_x, m, T_x), T_x >= 1, the input sequences
    a0 -- float64 array (n_a, m), the initial hidden state of the encoder
    encoder -- dict with Wax (n_a, n_x), Waa (n_a, n_a), Wya (n_o, n_a), ba (n_a, 1),
               by (n_o, 1); n_o, the size of the encoder's outputs, may be anything: those
               outputs are not used
    decoder -- dict with Wax (n_a, n_y), Waa (n_a, n_a), Wya (n_y, n_a), ba (n_a, 1),
               by (n_y, 1)
    T_y -- int >= 0, the number of output steps

    Returns:
    y_pred -- float64 array (n_y, m, T_y): y_pred[:, :, 0] is the decoder's output from the
              encoder's last state and a zero input, y_pred[:, :, t] the output with input
              y_pred[:, :, t - 1]
    """
    x = np.asarray(x, dtype=np.float64)
    n_x = np.shape(encoder["Wax"])[1]
    if x.ndim != 3 or x.shape[0] != n_x or x.shape[2] == 0:
        raise ValueError(f"x must have shape (n_x, m, T_x) with n_x = {n_x}, T_x >= 1, not {x.shape}")
    if isinstance(T_y, bool) or not isinstance(T_y, (int, np.integer)) or T_y < 0:
        raise ValueError(f"T_y must be a non-negative int, not {T_y!r}")
    n_a = np.shape(encoder["Waa"])[0]
    if np.shape(decoder["Waa"])[0] != n_a:
        raise ValueError(
            f"decoder['Waa'] must have shape (n_a, n_a) with the encoder's n_a = {n_a}, "
            f"not {np.shape(decoder['Waa'])}"
        )
    n_y = np.shape(decoder["Wya"])[0]
    if np.shape(decoder["Wax"]) != (n_a, n_y):
        raise ValueError(
            f"decoder['Wax'] must have shape (n_a, n_y) = ({n_a}, {n_y}) (its input is its "
            f"previous output), not {np.shape(decoder['Wax'])}"
        )
    _, m, T_x = x.shape
    if np.shape(a0) != (n_a, m):
        raise ValueError(f"a0 must have shape (n_a, m) = ({n_a}, {m}), not {np.shape(a0)}")

    a = a0
    for t in range(T_x):
        a, _, _ = rnn_cell_forward(x[:, :, t], a, encoder)

    y_pred = np.zeros((n_y, m, T_y))
    yt = np.zeros((n_y, m))
    for t in range(T_y):
        a, yt, _ = rnn_cell_forward(yt, a, decoder)
        y_pred[:, :, t] = yt
    return y_pred


def architecture_for(task):
    """The type of RNN that fits a sequence problem the notebook has not built.

    Arguments:
    task -- str, one of "image_classification", "image_captioning", "spam_detection",
            "part_of_speech_tagging", "text_summarization", "speech_recognition",
            "dna_sequence_analysis", "video_activity_recognition"

    Returns:
    architecture -- str, one of "one-to-one", "one-to-many", "many-to-one",
                    "many-to-many", "encoder-decoder"; for "speech_recognition", where
                    T_y differs from T_x, both "encoder-decoder" (read the whole audio,
                    then write) and "many-to-many" (an output at each audio step, merged
                    afterwards into the transcript) are right

    Raises:
    ValueError -- for any other task, naming it and listing the known tasks
    """
    architectures = {
        "image_classification": "one-to-one",  # a photo -> a label: no sequence at all
        "image_captioning": "one-to-many",  # a photo -> a sentence
        "spam_detection": "many-to-one",  # an email -> spam or not
        "part_of_speech_tagging": "many-to-many",  # one tag per word
        "text_summarization": "encoder-decoder",  # a long text -> a shorter one, not word by word
        "speech_recognition": "encoder-decoder",  # audio -> a shorter transcript; many-to-many is right too
        "dna_sequence_analysis": "many-to-many",  # one label per nucleotide
        "video_activity_recognition": "many-to-one",  # frames -> one activity
    }
    if not isinstance(task, str) or task not in architectures:
        raise ValueError(f"unknown task {task!r}; known tasks: {', '.join(sorted(architectures))}")
    return architectures[task]


def reverse_padded(x, lengths=None):
    """Reverse each example's real steps in time and leave its padding where it is.

    Example: the input of the backward direction of a bidirectional RNN, which must read each
    sentence from its last real word, not from the padding (TensorFlow's tf.reverse_sequence).

    Arguments:
    x -- float64 array (n, m, T): any sequences, such as inputs (n_x, m, T_x) or hidden states
         (n_a, m, T_x)
    lengths -- int array (m,) or None: example i has the real steps t < lengths[i], each length
               in [0, T]; None means every example has T steps

    Returns:
    reversed -- float64 array (n, m, T), a new array: reversed[:, i, t] is
                x[:, i, lengths[i] - 1 - t] for t < lengths[i], and x[:, i, t] at the padded
                steps t >= lengths[i]; reversing twice gives x back
    """
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 3:
        raise ValueError(f"x must have shape (n, m, T), not {x.shape}")
    _, m, T = x.shape
    lengths = np.full(m, T) if lengths is None else np.asarray(lengths)
    if lengths.shape != (m,):
        raise ValueError(f"lengths must have shape (m,) = ({m},), not {lengths.shape}")
    if not np.issubdtype(lengths.dtype, np.integer):
        raise ValueError(f"lengths must hold integers, not {lengths.dtype}")
    if m and (lengths.min() < 0 or lengths.max() > T):
        raise ValueError(f"lengths must lie in [0, T] = [0, {T}], got {lengths.min()}..{lengths.max()}")

    reversed_x = x.copy()
    for i, length in enumerate(lengths):
        reversed_x[:, i, :length] = x[:, i, :length][:, ::-1]
    return reversed_x


def bidirectional_forward(x, forward, backward, Wy, by, lengths=None):
    """Bidirectional many-to-many: each output sees the whole sentence, before and after its step.

    Example: named entity recognition, where whether a word is a name can depend on the words
    that follow it. Two directions read the sentence, each from a zero state and with its own
    parameters: the forward one from the first word to the last, the backward one from each
    example's last real word to its first. y<t> = softmax(Wy [a_forward<t>; a_backward<t>] + by).

    Arguments:
    x -- float64 array (n_x, m, T_x), the padded input sequences
    forward -- dict with Wax (n_a, n_x), Waa (n_a, n_a), ba (n_a, 1): the forward direction,
               a<t> = tanh(Waa a<t-1> + Wax x<t> + ba) from a<0> = 0
    backward -- dict with Wax (n_a, n_x), Waa (n_a, n_a), ba (n_a, 1): the backward direction,
                the same step over the reversed real steps of each example (reverse_padded)
    Wy -- float64 array (n_y, 2 n_a): its first n_a columns multiply a_forward<t>, the last
          n_a a_backward<t>
    by -- float64 array (n_y, 1)
    lengths -- int array (m,) or None: example i is x[:, i, :lengths[i]], each length in
               [0, T_x]; None means every example has T_x steps

    Returns:
    y_pred -- float64 array (n_y, m, T_x): y_pred[:, i, t] is y<t+1> of example i for
              t < lengths[i], where a_backward<t+1> has read x<lengths[i]>, ..., x<t+1> of that
              example only, and exactly 0 at the padded steps t >= lengths[i]
    """
    x = np.asarray(x, dtype=np.float64)
    n_a = np.shape(forward["Waa"])[0]
    if x.ndim != 3:
        raise ValueError(f"x must have shape (n_x, m, T_x), not {x.shape}")
    for name, direction in (("forward", forward), ("backward", backward)):
        if np.shape(direction["Waa"]) != (n_a, n_a) or np.shape(direction["Wax"]) != (n_a, x.shape[0]):
            raise ValueError(
                f"{name}['Wax'] and {name}['Waa'] must have shapes (n_a, n_x) = ({n_a}, {x.shape[0]}) "
                f"and (n_a, n_a), not {np.shape(direction['Wax'])} and {np.shape(direction['Waa'])}"
            )
    if np.ndim(Wy) != 2 or np.shape(Wy)[1] != 2 * n_a:
        raise ValueError(f"Wy must have shape (n_y, 2 n_a) with 2 n_a = {2 * n_a}, not {np.shape(Wy)}")
    x, lengths = _sequences(x, np.zeros((n_a, x.shape[1])), forward, lengths, shortest=0)
    _, m, T_x = x.shape

    def states(inputs, direction):
        """(n_a, m, T_x): the hidden states of one direction over inputs, from a zero state."""
        a = np.zeros((n_a, m))
        found = np.zeros((n_a, m, T_x))
        for t in range(T_x):
            a = np.tanh(direction["Waa"] @ a + direction["Wax"] @ inputs[:, :, t] + direction["ba"])
            found[:, :, t] = a
        return found

    a_forward = states(x, forward)
    # the backward direction reads each example from its last real step; its states go back in place
    a_backward = reverse_padded(states(reverse_padded(x, lengths), backward), lengths)

    y_pred = np.zeros((np.shape(Wy)[0], m, T_x))
    for t in range(T_x):
        yt = softmax(Wy @ np.concatenate([a_forward[:, :, t], a_backward[:, :, t]]) + by)
        real = t < lengths  # examples that still have a real step at step t + 1
        y_pred[:, real, t] = yt[:, real]
    return y_pred
