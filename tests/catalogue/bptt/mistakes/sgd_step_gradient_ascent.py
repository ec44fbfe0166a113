"""sgd_step that adds the gradient (gradient ascent).

p + learning_rate * dp moves the parameters uphill: the loss grows.
"""

FEEDBACK = {
    "es": "suma el gradiente en lugar de restarlo",
    "en": "adds the gradient instead of subtracting it",
}


def sgd_step(parameters, gradients, learning_rate):
    new_parameters = {}
    for name, value in parameters.items():
        new_parameters[name] = value + learning_rate * gradients["d" + name]
    return new_parameters
