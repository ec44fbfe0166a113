"""Every release is wholly in its language: no English text reaches the Spanish release and no
Spanish text the English one, in what a student reads and runs: the notebook's prose, the
docstrings, comments and strings of its code (printed words, plot labels), and the given
modules shipped beside it.

A piece of text is classified by its words: function words and everyday words that belong to
one language only. Code spans, LaTeX and identifiers are left out first.
"""

import ast
import io
import re
import tokenize
from pathlib import Path

import nbformat
import pytest

from autograder import assignment as assignments
from tests.conftest import ASSIGNMENTS, LANGUAGES, builds_in

ENGLISH = set(
    """the and of is are must should with for this that from each every its it an to by be which
    when than into only same returns has have was were does do how what where there their they
    we you your our these those here then but at on as or if in not one two first last next
    previous after before all per see use uses used make makes keep keeps given new index ends
    name names number example examples word words sentence step steps time loss training trained
    train sample samples draw draws value values small large random weights column columns row
    rows sum mean shape shapes epoch epochs character characters gradient gradients norm norms
    check checks plot output outputs input inputs state states hidden should""".split()
)
SPANISH = set(
    """el la los las del que es son debe deben con para cada por una un se su sus lo al como más
    pero si cuando donde este esta estos estas ese esa tiene tienen hay da dan devuelve ya sin
    entre sobre también hace usa tu nuestro de en le les nos muy sólo solo cuál qué forma paso
    pasos pérdida época épocas entrenamiento muestra muestras palabra palabras nombre nombres
    ejemplo ejemplos número valor valores primer primero primera última siguiente anterior
    después antes todos todas columna columnas fila filas suma media carácter caracteres
    gradiente gradientes norma normas salida salidas entrada entradas estado estados oculto
    oculta aleatorio aleatorios pesos
    género realeza edad comida familia fruta característica características""".split()
)
# (the last line: the column names of word_representation's data/embeddings.csv, which the
# English release must show translated; see untranslated_column_names)
CODE_SPAN = re.compile(r"`[^`]*`|\$\$.*?\$\$|\$[^$]*\$", re.DOTALL)
WORD = re.compile(r"[A-Za-zÁÉÍÓÚÑÜáéíóúñü_0-9]+")


def words(text):
    cleaned = CODE_SPAN.sub(" ", text)
    return [w.lower() for w in WORD.findall(cleaned) if not re.search(r"[_0-9]", w)]


def language_of(text):
    """'en', 'es' or None (too little to tell) for one piece of text."""
    found = words(text)
    english = sum(w in ENGLISH for w in found)
    spanish = sum(w in SPANISH for w in found)
    if english >= 2 and english > spanish:
        return "en"
    if spanish >= 2 and spanish > english:
        return "es"
    return None


def code_texts(source):
    """The comments and string literals of Python code (docstrings, printed words, labels)."""
    texts = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.COMMENT:
                texts.append(token.string.lstrip("#"))
    except (tokenize.TokenError, IndentationError):
        pass
    try:
        tree = ast.parse(source)
    except SyntaxError:  # IPython syntax in a cell: its comments are enough
        return texts
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            texts.append(node.value)
    return texts


def release_texts(folder: Path, notebook: str):
    """(where, text) of every piece a student reads in the release at folder."""
    nb = nbformat.read(folder / notebook, 4)
    for number, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            for paragraph in cell.source.split("\n\n"):
                yield f"cell {number}", paragraph
        else:
            for text in code_texts(cell.source):
                yield f"cell {number}", text
    for module in sorted(folder.glob("*/__init__.py")):
        if module.parent.name not in ("rnncheck", "tests"):
            for text in code_texts(module.read_text(encoding="utf-8")):
                yield module.parent.name, text
    for test_file in sorted(folder.glob("tests/q*.py")):
        for text in note_texts(test_file.read_text(encoding="utf-8")):
            yield f"tests/{test_file.name}", text


def note_texts(source):
    """The comments and docstrings of Python code: the notes a student reads in a shipped test
    file (its other strings are test inputs, the course's Spanish data among them, and labels)."""
    texts = [text for text in code_texts(source) if text not in _string_constants(source)]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            docstring = ast.get_docstring(node, clean=False)
            if docstring:
                texts.append(docstring)
    return texts


def _string_constants(source):
    nodes = ast.walk(ast.parse(source))
    return {n.value for n in nodes if isinstance(n, ast.Constant) and isinstance(n.value, str)}


# The course's Spanish examples, Spanish in every release on purpose (the data is Spanish):
# exact strings, each one a sentence or label of the data, never prose.
SPANISH_DATA = {
    "López Obrador lidera las encuestas de intención de voto",
    "El niño y la niña comen pan con queso",
}


def wrong_language(folder, notebook, language):
    return [
        f"{where}: {text.strip()[:120]!r}"
        for where, text in release_texts(folder, notebook)
        if language_of(text) not in (None, language) and text.strip() not in SPANISH_DATA
    ]


def untranslated_column_names(nb, folder, language):
    """The lines a run notebook printed that show a Spanish column name of one of its data
    files (a CSV's first row) in the English release: the words of the data stay Spanish (they
    are the corpus's), but names the notebook shows as labels, like a table's features, are
    the release's. (tests/autograder/test_release_environment.py runs every notebook and asks this.)"""
    if language == "es":
        return []
    names = set()
    for table in sorted(Path(folder).glob("data/*.csv")):
        with open(table, encoding="utf-8") as f:
            names |= {w.lower() for w in WORD.findall(f.readline())} & SPANISH
    return [
        line.strip()[:120]
        for cell in nb.cells
        for output in cell.get("outputs", [])
        for line in output.get("text", "").splitlines()
        if names & set(words(line))
    ]


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_spanish_release_has_no_english_text(builds, name):
    build = builds[name]
    assert wrong_language(build.student, build.assignment.notebook_name, "es") == []


@pytest.mark.slow  # the English builds
@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_english_release_has_no_spanish_text(english_builds, name):
    build = english_builds[name]
    assert wrong_language(build.student, build.assignment.notebook_name, "en") == []


def test_the_classifier_tells_the_languages_apart():
    assert language_of("Return the hidden state of each step.") == "en"
    assert language_of("Devuelve el estado oculto de cada paso.") == "es"
    assert language_of('print("E tiene forma", E.shape)') == "es"
    assert language_of("index 0 ends a name") == "en"
    assert language_of("`softmax` $a^{\\langle t \\rangle}$ (n_a, m)") is None
    assert language_of("E has shape (7, 25) · features: ['género', 'realeza', 'edad', 'comida']") == "es"
    assert language_of("E has shape (7, 25) · features: ['gender', 'royalty', 'age', 'food']") == "en"


def test_a_spanish_column_name_printed_in_the_english_release_is_found():
    folder = Path(__file__).parents[2] / "assignments" / "word_representation"
    printed = [
        "E has shape (7, 25) · features: ['género', 'realeza', 'edad', 'comida', 'familia', 'fruta']",
        "E has shape (7, 25) · features: ['gender', 'royalty', 'age', 'food', 'family', 'fruit']",
        "the most frequent: ['el', 'la', 'de', 'en', 'las', 'un', 'a', 'por', 'los', 'y']",
    ]
    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell(outputs=[nbformat.v4.new_output("stream", text="\n".join(printed))])]
    )
    assert untranslated_column_names(nb, folder, "en") == [printed[0][:120]]
    assert untranslated_column_names(nb, folder, "es") == []


def test_shipped_test_files_are_checked_for_their_notes():
    source = '"""q1 · the public tests of the loss."""\n# Checks each step of the loss.\nx = "el gato"\n'
    assert [language_of(text) for text in note_texts(source)] == ["en", "en"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_release_ships_the_messages_of_its_language_only(request, language):
    build = builds_in(request, language)["bptt"]
    source = (build.student / "rnncheck" / "messages.py").read_text(encoding="utf-8")
    namespace = {}
    exec(compile(source, "messages.py", "exec"), namespace)
    assert list(namespace["MESSAGES"]) == [language]
    for other in set(assignments.LANGUAGES) - {language}:
        assert f'"{other}": {{' not in source
