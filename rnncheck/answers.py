"""Answers of the reference solution, recorded at build time and replayed when grading.

A test asks `reference(name, *args)` for the reference's result on some arguments. When the
build runs the tests against the reference solution it installs a Recorder (the build's own,
autograder.recorder, never shipped): the call runs
the reference function, stores the result under a hash of (name, arguments), and also
stores what each catalogued mistake with a FEEDBACK phrase returns, so that feedback can
name the mistake. When grading, the same call reads the stored result from
`answers/*.json` beside this module. No solution code is ever shipped: only numbers.

A check that does not compare with the reference (a gradient against central differences,
on arguments computed by the notebook's own code) can still name a catalogued mistake:
`given = answer(env, name, *args)` calls the student function and, while recording, records
what the reference and the mistakes return on those arguments; `with naming_mistake(given)`
adds the hint to a failure when the student's result is a known mistake's. When grading, a
call whose arguments were never recorded (a cache of the student's own forward pass) simply
gets no hint. Arguments that differ from the build's only in their last bits (another
machine's rounding) are the recorded call: see rounded_keys.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import json
import os
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NamedTuple

import numpy as np

from . import hidden
from .compare import assert_same, matches
from .feedback import Feedback
from .messages import language, say
from .student import call

ANSWERS_DIR = os.path.join(os.path.dirname(__file__), "answers")

_recorder: Any = None  # the build's Recorder while it records (see recording)
_answers: dict[str, Any] | None = None


def encode(value: Any) -> Any:
    """A JSON-able form of value that decode turns back into an equal value.

    A numpy Generator is encoded as its bit generator's kind and state: the answer key of a
    call that draws from a generator (one_to_many_sample(parameters, T_y, rng)) is that of
    the state the draws start from, and decode gives a Generator that draws the same numbers.
    """
    if isinstance(value, np.random.Generator):
        bit_generator = value.bit_generator
        return {"__generator__": type(bit_generator).__name__, "state": encode(bit_generator.state)}
    if isinstance(value, np.ndarray):
        return {"__array__": value.dtype.str, "shape": list(value.shape), "data": value.ravel().tolist()}
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, tuple):
        return {"__tuple__": [encode(v) for v in value]}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {"__dict__": [[encode(k), encode(v)] for k, v in value.items()]}
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    raise TypeError(f"cannot record a {type(value).__name__}")


def decode(data: Any) -> Any:
    if isinstance(data, list):
        return [decode(v) for v in data]
    if isinstance(data, dict):
        if "__array__" in data:
            return np.array(data["data"], dtype=np.dtype(data["__array__"])).reshape(data["shape"])
        if "__tuple__" in data:
            return tuple(decode(v) for v in data["__tuple__"])
        if "__generator__" in data:
            return _generator(data["__generator__"], decode(data["state"]))
        return {decode(k): decode(v) for k, v in data["__dict__"]}
    return data


def _generator(kind: str, state: dict[str, Any]) -> np.random.Generator:
    """A numpy Generator of the bit generator `kind` (e.g. "PCG64") in `state`."""
    bit_generator = getattr(np.random, kind, None)
    if not (isinstance(bit_generator, type) and issubclass(bit_generator, np.random.BitGenerator)):
        raise TypeError(f"not a numpy bit generator: {kind!r}")
    generator = np.random.Generator(bit_generator())
    generator.bit_generator.state = state
    return generator


def _hash(data: Any) -> str:
    text = json.dumps(data, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def answer_key(name: str, args: Sequence[Any], kwargs: dict[str, Any]) -> str:
    """A stable hash of a call: the function name and the exact arguments."""
    return _hash(encode([name, list(args), sorted(kwargs.items())]))


# Arguments a test computes with np.tanh or np.exp (a cache of the given forward pass) may
# differ in their last bits between the machine that built the autograder and the one that
# grades (another CPU, another numpy). So a call is also found by its float arguments rounded
# to multiples of 2**-ROUNDING_BITS (about 1e-9), on two grids half a step apart: a number that
# a last-bit difference moves across a step of one grid stays inside a step of the other.
# (A fixed step, not a number of significant digits: 1.0 and the float just below it must round
# alike, and they have different binary exponents.)
ROUNDING_BITS = 30
ROUNDED = "~"  # the prefix of a rounded key in the answers file; its entry names the exact key


def _rounded_floats(values: np.ndarray, offset: float) -> list[Any]:
    scaled = values * 2.0**ROUNDING_BITS
    ok = np.isfinite(scaled) & (np.abs(scaled) < 2.0**62)
    steps = np.floor(np.where(ok, scaled, 0.0) + offset).astype(np.int64).tolist()
    return [step if fine else repr(float(v)) for step, fine, v in zip(steps, ok.tolist(), values.tolist())]


def _rounded(data: Any, offset: float) -> Any:
    """An encoded value (see encode) with each float replaced by its rounded form."""
    if isinstance(data, float):
        return _rounded_floats(np.array([data]), offset)[0]
    if isinstance(data, list):
        return [_rounded(v, offset) for v in data]
    if isinstance(data, dict):
        if "__array__" in data and np.dtype(data["__array__"]).kind == "f":
            return {**data, "data": _rounded_floats(np.asarray(data["data"], dtype=np.float64), offset)}
        return {k: _rounded(v, offset) for k, v in data.items()}
    return data


def rounded_keys(name: str, args: Sequence[Any], kwargs: dict[str, Any]) -> list[str]:
    """The call's keys with its float arguments rounded, one per grid (see ROUNDING_BITS)."""
    encoded = encode([name, list(args), sorted(kwargs.items())])
    return [ROUNDED + _hash(_rounded(encoded, offset)) for offset in (0.0, 0.5)]


@contextlib.contextmanager
def recording(recorder: Any) -> Iterator[Any]:
    """Within this block, `reference` and `recorded` ask recorder (the build's Recorder, in
    autograder.recorder: its expected(name, args, kwargs), computed(label, compute) and seed)
    instead of reading stored answers."""
    global _recorder
    previous, _recorder = _recorder, recorder
    previous_seed, hidden._build_seed = hidden._build_seed, recorder.seed
    try:
        yield recorder
    finally:
        _recorder = previous
        hidden._build_seed = previous_seed


def _stored() -> dict[str, Any]:
    global _answers
    if _answers is None:
        _answers = {}
        for path in sorted(glob.glob(os.path.join(ANSWERS_DIR, "*.json"))):
            with open(path, encoding="utf-8") as f:
                _answers.update(json.load(f))
    return _answers


def _lookup(name: str, args: Sequence[Any], kwargs: dict[str, Any]) -> dict[str, Any] | None:
    """The recorded entry of the call: by its exact arguments, else by its rounded ones."""
    stored = _stored()
    entry = stored.get(answer_key(name, args, kwargs))
    if entry is None:
        for key in rounded_keys(name, args, kwargs):
            if key in stored:
                return stored.get(stored[key]["see"])
    return entry


def _entry(name: str, args: Sequence[Any], kwargs: dict[str, Any]) -> dict[str, Any]:
    entry = _lookup(name, args, kwargs)
    if entry is None:
        raise Feedback(say("no_recorded_answer", name=name))
    return entry


def reference(name: str, *args: Any, **kwargs: Any) -> Any:
    """The reference solution's result of name(*args, **kwargs).

    The arguments are left as they are: while recording, the reference (and each catalogued
    mistake) runs on deep copies, so a numpy Generator passed here still holds its state
    afterwards and can be passed on to the student's function (the key is its state)."""
    if _recorder is not None:
        return _recorder.expected(name, args, kwargs)
    return decode(_entry(name, args, kwargs)["expected"])


def recorded(label: str, compute: Callable[[], Any]) -> Any:
    """A value the build computes once with compute() and ships as numbers, e.g. central
    differences of a given forward pass. label names it uniquely within the assignment."""
    if _recorder is not None:
        return _recorder.computed(label, compute)
    return decode(_entry("recorded", (label,), {})["expected"])


def _mistake_in(entry: dict[str, Any], actual: Any) -> str | None:
    for mistake in entry["mistakes"]:
        if matches(actual, decode(mistake["value"])):
            feedback = mistake["feedback"]
            if isinstance(feedback, dict):
                feedback = feedback.get(language()) or next(iter(feedback.values()))
            return feedback
    return None


def known_mistake(name: str, args: Sequence[Any], kwargs: dict[str, Any], actual: Any) -> str | None:
    """The FEEDBACK phrase of a catalogued mistake whose result equals actual, or None."""
    if _recorder is not None:
        return None
    return _mistake_in(_entry(name, args, kwargs), actual)


class Answer(NamedTuple):
    """A call of a student function and what it returned: what likely_mistake compares; env,
    the notebook's namespace, lets wrong_term ask the student's other functions."""

    name: str
    args: tuple
    kwargs: dict
    value: Any
    env: Any = None


def answer(env: dict[str, Any], name: str, *args: Any, **kwargs: Any) -> Answer:
    """Call the student's name(*args, **kwargs) (as `call` does) and return the Answer.

    While the build records, the reference's and the catalogued mistakes' results on these
    arguments are recorded too (as `reference` records them), so that likely_mistake can
    later name a mistake whose result the student's equals.
    """
    if _recorder is not None:
        _recorder.expected(name, args, kwargs, probes=True)
    return Answer(name, args, kwargs, call(env, name, *args, **kwargs), env)


def likely_mistake(given: Answer) -> str | None:
    """The FEEDBACK phrase of a catalogued mistake whose result on the arguments of the Answer
    `given` equals its value; None when none does, while recording, and when nothing was
    recorded for these arguments (never a failure of its own)."""
    if _recorder is not None:
        return None
    try:
        entry = _lookup(given.name, given.args, given.kwargs)
        return None if entry is None else _mistake_in(entry, given.value)
    except Exception:  # arguments that cannot be recorded were never recorded; a hint is optional
        return None


def with_mistake(failure: Feedback, mistake: str | None) -> Feedback:
    """failure (a Feedback) with the hint naming mistake appended; failure itself when mistake is None."""
    if mistake is None:
        return failure
    return Feedback(f"{failure} {say('known_mistake', mistake=mistake)}", mistake=mistake)


@contextlib.contextmanager
def naming_mistake(given: Answer) -> Iterator[Answer]:
    """Within this block, a failed check (Feedback) on what the Answer `given` returned also
    names the catalogued mistake it matches, if any (see likely_mistake)."""
    try:
        yield given
    except Feedback as failure:
        if failure.mistake is not None:  # named already
            raise
        raise with_term(with_mistake(failure, likely_mistake(given)), given) from None


def check_against_reference(
    env: dict[str, Any], name: str, *args: Any, what: str | None = None, **kwargs: Any
) -> Any:
    """Call the student's name(*args, **kwargs) and fail unless it equals the reference.

    what -- how the output is named in feedback, e.g. "dE"; default "name(...)"
    """
    expected = reference(name, *args, **kwargs)
    actual = call(env, name, *args, **kwargs)
    try:
        assert_same(actual, expected, what or f"{name}(...)")
    except Feedback as failure:
        mistake = known_mistake(name, args, kwargs, actual)
        # Grading runs a function with the reference of those it calls: the term is its own.
        raise with_term(with_mistake(failure, mistake), Answer(name, args, kwargs, actual)) from None
    return actual


# Wrong terms of a gradient (gradient_variants, build side) ------------------------------------


def gradient_entries(value: Any) -> dict[str, Any] | None:
    """A gradient function's result by entry name: a gradients dict as it is, a tuple (loss,
    gradients) as the gradients with "loss" added; None for anything else."""
    if isinstance(value, dict):
        return value
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], dict):
        return {"loss": value[0], **value[1]}
    return None


def _wrong_terms(
    given: Answer, term: str | None = None, first: str = ""
) -> Iterator[tuple[str, dict[str, Any]]]:
    """(entry name, recorded variant) for each entry where the value of `given` differs from the
    reference's and equals what a variant with one term wrong gives (of `term` only, if given);
    the entries named in the text `first` (a failure's message) come first."""
    entry = _lookup(given.name, given.args, given.kwargs)
    if entry is None or not entry.get("variants"):
        return
    got, expected = gradient_entries(given.value), gradient_entries(decode(entry["expected"]))
    if not got or not expected:
        return
    named = [key for key in expected if re.search(rf"\b{re.escape(str(key))}\b", first)]
    for key in named + [key for key in expected if key not in named]:
        value = expected[key]
        if key not in got or matches(got[key], value):
            continue
        for variant in entry.get("variants", ()):
            wrong = decode(variant["value"])
            if (term in (None, variant["term"])) and key in wrong and matches(got[key], wrong[key]):
                # not the term if an entry it changes is right (a sign flipped in dz_y changes
                # dWya too; one flipped inside rnn_backward leaves dWya right)
                if not any(k in got and matches(got[k], expected[k]) for k in wrong if k in expected):
                    yield key, variant


def _blamed(given: Answer, variant: dict[str, Any]) -> str:
    """The function that holds the wrong term of variant: the callee that given's function may
    call, when the student's callee shows the same term on the recorded probe (and so on down),
    else given's function itself."""
    callee = variant.get("callee")
    if not callee or given.env is None:
        return given.name
    try:
        inner = answer(given.env, callee, *decode(variant["probe"]))
        shown = next(_wrong_terms(inner, variant["term"]), None)
    except Exception:  # the callee is missing or fails: the term is the caller's
        return given.name
    return given.name if shown is None else _blamed(inner, shown[1])


def wrong_term(given: Answer, first: str = "") -> tuple[str, str, str] | None:
    """(entry, term, function): the first entry of given's result (a gradient) that equals the
    reference's with one term wrong, the term (a key of rnncheck.messages, "term_" + term), and
    the student function that holds it; None when none does, while recording, or when nothing
    was recorded for these arguments (never a failure of its own). Entries named in the text
    `first` (the failure's message) are looked at first."""
    if _recorder is not None:
        return None
    try:
        found = next(_wrong_terms(given, first=first), None)
        return None if found is None else (found[0], found[1]["term"], _blamed(given, found[1]))
    except Exception:  # arguments that cannot be recorded were never recorded; a hint is optional
        return None


def with_term(failure: Feedback, given: Answer) -> Feedback:
    """failure with a sentence naming the wrong term of given's gradient, and the function that
    holds it, appended (see wrong_term); failure itself when no term is found."""
    found = wrong_term(given, first=str(failure))
    if found is None:
        return failure
    key, term, function = found
    phrase = say("term_" + term)
    if function == given.name:
        sentence = say("gradient_term", entry=key, term=phrase, function=function)
    else:
        sentence = say("gradient_term_callee", entry=key, term=phrase, function=function, caller=given.name)
    return Feedback(f"{failure} {sentence}", mistake=failure.mistake or phrase)
