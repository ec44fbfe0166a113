"""Every message a student can read from the tests, in each language, in one place.

To add a language, add a dictionary with the same keys. The language comes from the
environment variable RNNCHECK_LANG, else from the file language.txt that the build writes
next to this module, else Spanish.
"""

import os

MESSAGES = {
    "es": {
        "missing": "No encuentro la función `{name}`. ¿Ejecutaste la celda donde la defines?",
        "not_callable": "`{name}` debería ser una función, pero es un {kind}.",
        "not_implemented": "`{name}` todavía no está implementada: completa su cuerpo y vuelve a ejecutar la celda.",
        "raised": "`{name}` lanzó {error}: {detail}",
        "exited": "`{name}` intentó terminar el programa ({error}); una función no debe llamar a exit().",
        "wrong_type": "{what} debería ser de tipo {expected}, pero es de tipo {kind}.",
        "wrong_dtype": "{what} debería tener dtype {expected}, pero tiene {actual}.",
        "wrong_shape": "{what} debería tener forma {expected}, pero tiene forma {actual}.",
        "not_finite": "{what} contiene {bad} en la posición {where}.",
        "not_close": "{what} no coincide con lo esperado: la mayor diferencia está en la posición {where}: esperado {expected}, obtenido {actual} (diferencia {error:.3g}).",
        "not_equal": "{what} no coincide con lo esperado: esperado {expected}, obtenido {actual}.",
        "first_difference": "{what} no coincide con lo esperado: la primera diferencia está en la posición {where}: esperado {expected}, obtenido {actual}.",
        "wrong_length": "{what} debería tener {expected} elementos, pero tiene {actual}.",
        "wrong_keys": "{what} debería tener las claves {expected}, pero tiene {actual}.",
        "modified_input": "`{name}` modificó su argumento `{argument}`; las funciones no deben cambiar sus entradas.",
        "no_value_error": "`{name}` debería lanzar ValueError para {case}, pero {outcome}.",
        "returned": "devolvió {value}",
        "raised_other": "lanzó {error}",
        "known_mistake": "Pista: tu resultado coincide con un error frecuente: {mistake}.",
        "gradient": "El gradiente {what} no coincide con las diferencias centrales: diferencia relativa {difference:.3g} (debería ser menor que {tolerance:.0e}).",
        "property": "{what}",
        "todo": "Completa `{name}`: esta función todavía no está implementada.",
        "your_code": "# TU CÓDIGO AQUÍ",
        "reason_not_json": "el archivo no es un notebook válido ({detail})",
        "reason_no_notebook": "la entrega no contiene ningún notebook .ipynb",
        "reason_many_notebooks": "la entrega contiene varios notebooks: {names}",
        "reason_bad_zip": "el archivo .zip está dañado ({detail})",
        "reason_other_assignment": "el notebook es de otra tarea ({found})",
        "reason_timeout": "la corrección tardó más de {seconds} s (¿un bucle infinito?)",
        "reason_crashed": "la corrección se interrumpió ({detail})",
        "reason_cell_error": "una celda lanzó {detail}",
        "reason_nothing_done": "ninguna función está implementada",
        "reason_grader_error": "error del corrector: {detail}",
        "init": "# Inicializa otter, el corrector automático",
    },
    "en": {
        "missing": "I cannot find the function `{name}`. Did you run the cell that defines it?",
        "not_callable": "`{name}` should be a function, but it is a {kind}.",
        "not_implemented": "`{name}` is not implemented yet: fill in its body and run the cell again.",
        "raised": "`{name}` raised {error}: {detail}",
        "exited": "`{name}` tried to end the program ({error}); a function must not call exit().",
        "wrong_type": "{what} should be of type {expected}, but it is of type {kind}.",
        "wrong_dtype": "{what} should have dtype {expected}, but it has {actual}.",
        "wrong_shape": "{what} should have shape {expected}, but it has shape {actual}.",
        "not_finite": "{what} contains {bad} at position {where}.",
        "not_close": "{what} does not match the expected value: the largest difference is at position {where}: expected {expected}, got {actual} (difference {error:.3g}).",
        "not_equal": "{what} does not match the expected value: expected {expected}, got {actual}.",
        "first_difference": "{what} does not match the expected value: the first difference is at position {where}: expected {expected}, got {actual}.",
        "wrong_length": "{what} should have {expected} elements, but it has {actual}.",
        "wrong_keys": "{what} should have the keys {expected}, but it has {actual}.",
        "modified_input": "`{name}` modified its argument `{argument}`; functions must not change their inputs.",
        "no_value_error": "`{name}` should raise ValueError for {case}, but it {outcome}.",
        "returned": "returned {value}",
        "raised_other": "raised {error}",
        "known_mistake": "Hint: your result matches a common mistake: {mistake}.",
        "gradient": "The gradient {what} does not match central differences: relative difference {difference:.3g} (it should be below {tolerance:.0e}).",
        "property": "{what}",
        "todo": "Fill in `{name}`: this function is not implemented yet.",
        "your_code": "# YOUR CODE HERE",
        "reason_not_json": "the file is not a valid notebook ({detail})",
        "reason_no_notebook": "the submission holds no .ipynb notebook",
        "reason_many_notebooks": "the submission holds several notebooks: {names}",
        "reason_bad_zip": "the .zip file is damaged ({detail})",
        "reason_other_assignment": "the notebook belongs to another assignment ({found})",
        "reason_timeout": "grading took longer than {seconds} s (an infinite loop?)",
        "reason_crashed": "grading stopped ({detail})",
        "reason_cell_error": "a cell raised {detail}",
        "reason_nothing_done": "no function is implemented",
        "reason_grader_error": "grader error: {detail}",
        "init": "# Start otter, the autograder",
    },
}


def language():
    """The language of the messages: RNNCHECK_LANG, else language.txt, else "es"."""
    chosen = os.environ.get("RNNCHECK_LANG")
    if not chosen:
        path = os.path.join(os.path.dirname(__file__), "language.txt")
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as f:
                chosen = f.read().strip()
    return chosen if chosen in MESSAGES else "es"


def say(key, **values):
    """The message `key` in the current language, filled with `values`."""
    return MESSAGES[language()][key].format(**values)
