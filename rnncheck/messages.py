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
        "raised": "`{name}` lanzó {error}: «{detail}».",
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
        "gradient": "El gradiente {what} no coincide con las diferencias centrales: la mayor diferencia está en la posición {where}: diferencias centrales {expected}, tu gradiente {actual} (diferencia {error:.3g}).",
        "property": "{what}",
        "todo": "Completa `{name}`: esta función todavía no está implementada.",
        "your_code": "# TU CÓDIGO AQUÍ",
        "support_doc": "Código dado (no lo cambies): {functions}, ya implementadas y probadas, para que esta tarea no dependa de tus tareas anteriores.",
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
        # rnn_forward: properties of softmax, the RNN cell and the forward pass
        "rnn_columns_not_normalized": "{what}: cada columna debería sumar 1 (una distribución de probabilidad por ejemplo), pero la columna {column} suma {total:.6g}.",
        "rnn_softmax_wrong_axis": "{what}: las columnas no suman 1 (la columna {column} suma {total:.6g}): softmax sobre el eje equivocado. Normaliza sobre el eje 0: cada columna es un ejemplo.",
        "rnn_softmax_unstable": "{what} contiene {bad} en la posición {where} con logits de 1000: la softmax no es estable. Resta a cada columna su máximo antes de aplicar exp.",
        "rnn_a_prev_unused": "`rnn_cell_forward` da el mismo a_next con dos a_prev distintos: no usa a_prev. Recuerda: a<t> = tanh(Waa a<t-1> + Wax x<t> + ba).",
        "rnn_missing_bias": "{what} no cambia al cambiar {bias}: falta el sesgo {bias}.",
        "rnn_a0_unused": "`rnn_forward` da los mismos estados con dos a0 distintos: el estado oculto empieza desde ceros en lugar de a0 (o la celda no usa a_prev). El primer paso debe usar a_prev = a0.",
        "rnn_state_not_carried": "`rnn_forward` no encadena los pasos: seguir desde a[:, :, {step}] con x[:, :, {next}:] da otro {what}. Cada paso debe partir del estado del paso anterior, con los mismos parámetros.",
        "rnn_batch_dependence": "{what} del ejemplo {example} cambia según los demás ejemplos del lote: cada ejemplo (columna) debe calcularse por separado.",
        "rnn_bias_not_zero": "parameters[{name!r}] debería empezar en ceros, pero tiene valores de hasta {largest:.3g} en valor absoluto.",
        "rnn_weights_not_small": "parameters[{name!r}] tiene valores de hasta {largest:.3g} en valor absoluto: los pesos deben ser pequeños (por ejemplo, normal × 0.01).",
        "rnn_weights_not_random": "parameters[{name!r}] no es aleatorio: todos sus valores valen {value:.3g}.",
        "rnn_seed_not_deterministic": "Dos llamadas con la misma semilla ({seed}) dieron parameters[{name!r}] distintos: crea el generador aleatorio a partir de seed.",
        "rnn_seeds_give_same": "Las semillas {first} y {second} dieron el mismo parameters[{name!r}]: la semilla debe cambiar los pesos.",
        # rnn_types: properties of the five architectures
        "types_one_to_one_waa": "`one_to_one_forward` dio otro resultado al cambiar parameters['Waa']: con un solo paso y a_prev = 0, el término Waa a_prev vale cero y Waa no puede influir. ¿Empezaste desde un estado que no es cero?",
        "types_padding_matters": "`{name}` cambió la salida del ejemplo {example} al cambiar x[:, {example}, {length}:], que es relleno (lengths[{example}] = {length}): los pasos en o después de la longitud de un ejemplo no deben influir en su salida.",
        "types_mask_not_zero": "`many_to_many_forward`: y_pred[:, {example}, {step}] debería ser exactamente 0, porque el paso t = {step} no es menor que lengths[{example}] = {length} (es relleno), pero vale hasta {value:.3g}.",
        "types_real_step_zero": "`many_to_many_forward`: y_pred[:, {example}, {step}] es un paso real (t = {step} < lengths[{example}] = {length}) y debería ser la salida softmax de la celda, que nunca vale 0, pero contiene ceros.",
        "types_generator_calls": "`one_to_many_sample` devolvió {steps} índices; llamadas al generador: {count} ({methods}). Cada paso debe sacar exactamente una muestra, con una sola llamada rng.choice(n_y, p=probs).",
        "types_draws_twice": "Pista: tu código muestrea dos veces por paso; guarda el índice de una sola llamada a rng.choice y úsalo tanto para compararlo con eos_index como para la entrada siguiente.",
        "types_no_draws": "Pista: no usaste el generador rng que recibe la función (¿usaste np.random?); sin él, las muestras no se pueden reproducir con una semilla.",
        "types_greedy_draws": "`one_to_many_sample(..., greedy=True)` usó el generador (llamadas: {count}; {methods}): en modo voraz se toma argmax(probs) y rng no se usa.",
        "types_choice_p": "el vector p de la llamada {call} a rng.choice",
        "types_feed_one_hot": "La entrada del paso t + 1 debe ser el one-hot del índice sacado en el paso t (con x<1> = 0 y a<0> = 0).",
        "types_not_reproducible": "`one_to_many_sample` devolvió secuencias distintas con dos generadores creados con la misma semilla ({seed}): toda la aleatoriedad debe salir del rng que recibe.",
        "types_distribution": "Las frecuencias de {draws} muestras no siguen las probabilidades del modelo: después del índice {previous}, el índice {index} salió con frecuencia {actual:.3f}, pero el modelo le da probabilidad {expected:.3f} (tolerancia {tolerance}).",
        "types_encoder_extra_dependence": "`encoder_decoder_forward` cambió su salida al cambiar {change}; con encoder['Waa'] = 0 el último estado del codificador es tanh(Wax x<T_x> + ba), que eso no cambia: el decodificador solo debe ver la entrada a través de ese estado.",
        "types_encoder_ignored": "`encoder_decoder_forward` no cambió al cambiar el último paso de x, que sí cambia el último estado del codificador: el decodificador debe empezar desde ese estado.",
        "types_decoder_first_input": "`encoder_decoder_forward`: la salida del paso 1 cambió al cambiar decoder['Wax'], pero en el paso 1 la entrada del decodificador es cero, así que Wax no puede influir.",
        "types_decoder_feedback": "`encoder_decoder_forward`: la salida del paso {step} no cambió al cambiar decoder['Wax']: desde el paso 2, la entrada del decodificador es su salida anterior y<t-1>, que Wax multiplica.",
        "types_not_architecture": "architecture_for({task!r}) devolvió {value}, que no es una de las arquitecturas {choices}.",
        # bptt: gradient checking, clipping, training and vanishing gradients
        "bptt_one_sided": "`numerical_gradient` da lo mismo que las diferencias de un solo lado, (f(x + eps) - f(x)) / eps: usa diferencias centrales, (f(x + eps) - f(x - eps)) / (2 eps), cuyo error es del orden de eps² y no de eps.",
        "bptt_not_restored": "`numerical_gradient` no dejó array como estaba: en la posición {where} vale {actual} en lugar de {expected}. Guarda el valor original de cada entrada antes de cambiarla y vuelve a ponerlo, exactamente, después de evaluar f.",
        "bptt_not_one_at_a_time": "`numerical_gradient` llamó a f con {changed} entradas de array cambiadas a la vez (llamada número {call}): cambia una sola entrada cada vez y devuélvela a su valor original antes de pasar a la siguiente.",
        "bptt_norm_above_max": "Después de clip_by_global_norm(gradients, {max_norm:g}) la norma conjunta de todos los gradientes es {total:.6g}: no debería pasar de max_norm.",
        "bptt_not_vanishing": "{what}: con la tanh saturada (1 - a² casi 0) la norma debería hacerse más pequeña en cada paso hacia atrás, aunque rho > 1, pero ‖g<{t}>‖ = {earlier:.3g} no es menor que ‖g<{t_next}>‖ = {later:.3g}.",
        "bptt_loss_did_not_fall": "Tras {steps} pasos de entrenamiento (rnn_loss_and_gradients, {clip} y sgd_step), la pérdida del modelo de lenguaje pasó de {before:.4g} a {after:.4g}; debería bajar al menos un {fraction:.0%}, hasta {target:.4g} o menos.",
    },
    "en": {
        "missing": "I cannot find the function `{name}`. Did you run the cell that defines it?",
        "not_callable": "`{name}` should be a function, but it is a {kind}.",
        "not_implemented": "`{name}` is not implemented yet: fill in its body and run the cell again.",
        "raised": "`{name}` raised {error}: “{detail}”.",
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
        "gradient": "The gradient {what} does not match central differences: the largest difference is at position {where}: central differences {expected}, your gradient {actual} (difference {error:.3g}).",
        "property": "{what}",
        "todo": "Fill in `{name}`: this function is not implemented yet.",
        "your_code": "# YOUR CODE HERE",
        "support_doc": "Given code (do not change it): {functions}, already implemented and tested, so that this assignment does not depend on your earlier ones.",
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
        # rnn_forward: properties of softmax, the RNN cell and the forward pass
        "rnn_columns_not_normalized": "{what}: every column should sum to 1 (one probability distribution per example), but column {column} sums to {total:.6g}.",
        "rnn_softmax_wrong_axis": "{what}: the columns do not sum to 1 (column {column} sums to {total:.6g}): softmax over the wrong axis. Normalise over axis 0: each column is one example.",
        "rnn_softmax_unstable": "{what} contains {bad} at position {where} with logits of 1000: the softmax is not stable. Subtract each column's maximum before applying exp.",
        "rnn_a_prev_unused": "`rnn_cell_forward` gives the same a_next for two different a_prev: a_prev is unused. Remember: a<t> = tanh(Waa a<t-1> + Wax x<t> + ba).",
        "rnn_missing_bias": "{what} does not change when {bias} changes: the bias {bias} is missing.",
        "rnn_a0_unused": "`rnn_forward` gives the same states for two different a0: the hidden state starts from zeros instead of a0 (or the cell does not use a_prev). The first step must use a_prev = a0.",
        "rnn_state_not_carried": "`rnn_forward` does not chain its steps: going on from a[:, :, {step}] with x[:, :, {next}:] gives another {what}. Each step must start from the previous step's state, with the same parameters.",
        "rnn_batch_dependence": "{what} of example {example} changes with the other examples of the batch: each example (column) must be computed on its own.",
        "rnn_bias_not_zero": "parameters[{name!r}] should start at zero, but it has values up to {largest:.3g} in absolute value.",
        "rnn_weights_not_small": "parameters[{name!r}] has values up to {largest:.3g} in absolute value: the weights must be small (for example, normal × 0.01).",
        "rnn_weights_not_random": "parameters[{name!r}] is not random: all its values are {value:.3g}.",
        "rnn_seed_not_deterministic": "Two calls with the same seed ({seed}) gave different parameters[{name!r}]: make the random generator from seed.",
        "rnn_seeds_give_same": "Seeds {first} and {second} gave the same parameters[{name!r}]: the seed must change the weights.",
        # rnn_types: properties of the five architectures
        "types_one_to_one_waa": "`one_to_one_forward` gave another result when parameters['Waa'] changed: with one step and a_prev = 0, the term Waa a_prev is zero and Waa cannot matter. Did you start from a state that is not zero?",
        "types_padding_matters": "`{name}` changed the output of example {example} when x[:, {example}, {length}:] changed, which is padding (lengths[{example}] = {length}): steps at or past an example's length must not affect its output.",
        "types_mask_not_zero": "`many_to_many_forward`: y_pred[:, {example}, {step}] should be exactly 0, because step t = {step} is not below lengths[{example}] = {length} (it is padding), but it reaches {value:.3g}.",
        "types_real_step_zero": "`many_to_many_forward`: y_pred[:, {example}, {step}] is a real step (t = {step} < lengths[{example}] = {length}) and should be the cell's softmax output, which is never 0, but it holds zeros.",
        "types_generator_calls": "`one_to_many_sample` returned {steps} indices; calls to the generator: {count} ({methods}). Each step must draw exactly once, with a single call rng.choice(n_y, p=probs).",
        "types_draws_twice": "Hint: your code draws twice per step; keep the index of a single call of rng.choice and use it both to compare with eos_index and as the next input.",
        "types_no_draws": "Hint: you did not use the generator rng the function receives (did you use np.random?); without it, samples cannot be reproduced with a seed.",
        "types_greedy_draws": "`one_to_many_sample(..., greedy=True)` used the generator (calls: {count}; {methods}): greedy decoding takes argmax(probs) and does not use rng.",
        "types_choice_p": "the p vector of call {call} of rng.choice",
        "types_feed_one_hot": "The input of step t + 1 must be the one-hot of the index drawn at step t (with x<1> = 0 and a<0> = 0).",
        "types_not_reproducible": "`one_to_many_sample` returned different sequences for two generators made with the same seed ({seed}): all randomness must come from the rng it receives.",
        "types_distribution": "The frequencies of {draws} draws do not follow the model's probabilities: after index {previous}, index {index} came with frequency {actual:.3f}, but the model gives it probability {expected:.3f} (tolerance {tolerance}).",
        "types_encoder_extra_dependence": "`encoder_decoder_forward` changed its output when {change} changed; with encoder['Waa'] = 0 the encoder's last state is tanh(Wax x<T_x> + ba), which that does not change: the decoder must see the input only through that state.",
        "types_encoder_ignored": "`encoder_decoder_forward` did not change when the last step of x changed, which does change the encoder's last state: the decoder must start from that state.",
        "types_decoder_first_input": "`encoder_decoder_forward`: the output of step 1 changed when decoder['Wax'] changed, but at step 1 the decoder's input is zero, so Wax cannot matter.",
        "types_decoder_feedback": "`encoder_decoder_forward`: the output of step {step} did not change when decoder['Wax'] changed: from step 2 on, the decoder's input is its previous output y<t-1>, which Wax multiplies.",
        "types_not_architecture": "architecture_for({task!r}) returned {value}, which is not one of the architectures {choices}.",
        # bptt: gradient checking, clipping, training and vanishing gradients
        "bptt_one_sided": "`numerical_gradient` gives what one-sided differences give, (f(x + eps) - f(x)) / eps: use central differences, (f(x + eps) - f(x - eps)) / (2 eps), whose error is of order eps² rather than eps.",
        "bptt_not_restored": "`numerical_gradient` did not leave array as it was: at position {where} it holds {actual} instead of {expected}. Keep the original value of each entry before changing it and put it back, exactly, after evaluating f.",
        "bptt_not_one_at_a_time": "`numerical_gradient` called f with {changed} entries of array changed at once (call number {call}): change one entry at a time and set it back to its original value before moving on to the next.",
        "bptt_norm_above_max": "After clip_by_global_norm(gradients, {max_norm:g}) the joint norm of all the gradients is {total:.6g}: it should not exceed max_norm.",
        "bptt_not_vanishing": "{what}: with a saturated tanh (1 - a² almost 0) the norm should get smaller at every step back, even though rho > 1, but ‖g<{t}>‖ = {earlier:.3g} is not below ‖g<{t_next}>‖ = {later:.3g}.",
        "bptt_loss_did_not_fall": "After {steps} training steps (rnn_loss_and_gradients, {clip} and sgd_step), the language model's loss went from {before:.4g} to {after:.4g}; it should fall by at least {fraction:.0%}, to {target:.4g} or less.",
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
