"""rnncheck.messages: every message exists in every language, with the same placeholders."""

import string

import pytest

from rnncheck import messages


def placeholders(text):
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


@pytest.mark.parametrize("language", sorted(messages.MESSAGES))
def test_every_language_has_every_message_with_the_same_placeholders(language):
    spanish = messages.MESSAGES["es"]
    other = messages.MESSAGES[language]
    assert other.keys() == spanish.keys()
    for key in spanish:
        assert placeholders(other[key]) == placeholders(spanish[key]), key


def test_language_comes_from_the_environment_then_the_file(monkeypatch, tmp_path):
    monkeypatch.setenv("RNNCHECK_LANG", "en")
    assert messages.say("reason_nothing_done") == "no function is implemented"
    monkeypatch.setenv("RNNCHECK_LANG", "xx")
    assert messages.say("reason_nothing_done") == "ninguna función está implementada"
