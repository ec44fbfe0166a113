"""sgd_step that updates the caller's parameters in place.

parameters[name] -= ... changes the caller's arrays, and the same dict is returned.
"""

FEEDBACK = {"es": "modificó su argumento `parameters`", "en": "modified its argument `parameters`"}


def sgd_step(parameters, gradients, learning_rate):
    for name in parameters:
        parameters[name] -= learning_rate * gradients["d" + name]
    return parameters
