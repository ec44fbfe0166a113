"""The build's recorder of answers: the reference's results (and the catalogued mistakes') on
the arguments the tests use, written to `rnncheck/answers/<assignment>.json` for grading.

Installed with rnncheck.answers.recording while the build runs the tests against the reference;
build-only, so it is not shipped with the checker.
"""

from __future__ import annotations

import copy
import json
import os
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np

from rnncheck.answers import ROUNDED, answer_key, encode, gradient_entries, rounded_keys
from rnncheck.compare import matches

from .gradient_variants import variants


class DuplicateLabel(ValueError):
    """Two `recorded` values under one label: the second would silently replace the first."""


class Recorder:
    """Runs the reference (and the catalogued mistakes) and keeps their results.

    reference -- dict, the namespace of the reference solution
    mistakes -- list of (feedback, namespace) or (feedback, namespace, defines): each namespace
                is the reference with one mistake's functions swapped in; feedback is a str or
                a {language: str} dict; defines, the names of the functions the mistake itself
                gets wrong (all of them when not given). On a call of name, the mistakes that
                define name come first, so that feedback blames the function that is wrong
                before a callee whose mistake happens to give the same result.
    seed -- int, the build's seed of hidden test inputs (rnncheck.hidden_rng)
    """

    def __init__(self, reference: dict[str, Any], mistakes: Any = (), seed: int = 0) -> None:
        self.reference = reference
        self.mistakes = list(mistakes)
        self.seed = seed  # of hidden test inputs (rnncheck.hidden)
        self.entries: dict[str, dict[str, Any]] = {}
        self.computing = 0  # > 0 while a `recorded` value is computed (see computed)
        self.rounded: dict[str, set[str]] = {}  # rounded key -> the exact keys it stands for

    def expected(self, name: str, args: tuple, kwargs: dict, probes: bool = False) -> Any:
        """The reference's name(*args, **kwargs), kept with what each mistake returns. Each runs
        on its own deep copy of the arguments: the caller's arrays and generators are left
        unchanged (a Generator is keyed by the state it starts from, rnncheck.answers.encode).
        Asked while a `recorded` value is computed, it only returns the reference's result.
        probes -- also record the calls that show whether a callee holds a wrong term (asked
                  by rnncheck.answers.answer, whose failures ask the student's callees; a
                  hidden case's check_against_reference never does)."""
        value = self.reference[name](*copy.deepcopy(args), **copy.deepcopy(kwargs))
        if self.computing:
            return value
        own: list[dict[str, Any]] = []
        others: list[dict[str, Any]] = []
        for feedback, namespace, *defines in self.mistakes:
            try:
                with warnings.catch_warnings(), np.errstate(all="ignore"):
                    warnings.simplefilter("ignore")  # a mistake may overflow or divide by zero
                    wrong = namespace[name](*copy.deepcopy(args), **copy.deepcopy(kwargs))
                encoded = encode(wrong)
            except Exception:  # a mistake that crashes here has no output to recognise
                continue
            if not matches(wrong, value):
                found = own if not defines or name in defines[0] else others
                found.append({"feedback": feedback, "value": encoded})
        seen = own + others
        exact = answer_key(name, args, kwargs)
        self.entries[exact] = {"name": name, "expected": encode(value), "mistakes": seen}
        wrong_terms = self._variants(name, args, kwargs, value, probes)
        if wrong_terms:
            self.entries[exact]["variants"] = wrong_terms
        for key in rounded_keys(name, args, kwargs):
            self.rounded.setdefault(key, set()).add(exact)
        return value

    def _variants(
        self, name: str, args: tuple, kwargs: dict, value: Any, probes: bool
    ) -> list[dict[str, Any]]:
        """What the reference gives with one term wrong (autograder.gradient_variants), each
        variant kept with the entries where it differs from the reference's value. A variant
        that the function's callee may hold is kept with the call (probe) that shows it, and
        that call is recorded too, so that the check can ask the student's callee."""
        expected = gradient_entries(value)
        if expected is None:
            return []
        kept = []
        for variant in variants(self.reference, name, copy.deepcopy(args), copy.deepcopy(kwargs)):
            got = gradient_entries(variant.value) or {}
            differing = {k: v for k, v in got.items() if k in expected and not matches(v, expected[k])}
            if not differing:
                continue
            item = {"term": variant.term, "value": encode(differing)}
            if probes and variant.callee is not None and variant.probe is not None:
                item.update(callee=variant.callee, probe=encode(list(variant.probe)))
                if answer_key(variant.callee, variant.probe, {}) not in self.entries:
                    self.expected(variant.callee, variant.probe, {}, probes=True)
            kept.append(item)
        return kept

    def computed(self, label: str, compute: Callable[[], Any]) -> Any:
        """compute(), kept under label; DuplicateLabel if label already holds another value.

        Only the value is kept: what compute asks `reference` along the way (e.g. to choose
        hidden inputs) is never asked when grading, since compute does not run then."""
        self.computing += 1
        try:
            value = compute()
        finally:
            self.computing -= 1
        key = answer_key("recorded", (label,), {})
        entry = {"name": label, "expected": encode(value), "mistakes": []}
        if key in self.entries and self.entries[key] != entry:
            raise DuplicateLabel(f"recorded label {label!r} is used for two different values")
        self.entries[key] = entry
        return value

    def save(self, path: str) -> None:
        """The entries, and each rounded key that stands for one call only (two calls whose
        arguments round alike are found by their exact keys alone)."""
        index = {key: {"see": next(iter(exact))} for key, exact in self.rounded.items() if len(exact) == 1}
        assert all(key.startswith(ROUNDED) for key in index)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            # one line, made by json's C encoder, which only json.dumps with no indent uses (dump
            # and any indent take the Python one, seconds slower for hundreds of kilobytes)
            f.write(json.dumps({**self.entries, **index}, sort_keys=True, separators=(",", ":")))
            f.write("\n")
