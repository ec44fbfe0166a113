"""Raise look-alikes of the grader's exceptions: no undue points, the row stays a graded one.

Raise look-alikes of the grader's own exceptions (a class named Feedback saying "passed", one
named InfrastructureError), KeyboardInterrupt, and an exception whose __str__ never returns: no
more points than returning None, the row stays "graded", and the looping __str__ costs only a
time limit.

An exception crosses as (type name, nearest built-in base, message): a fresh class in the grader,
never the student's.
"""


class Feedback(Exception):
    pass


class InfrastructureError(Exception):
    pass


class EndlessText(Exception):
    def __str__(self):
        while True:
            pass


def softmax(z):
    raise Feedback("✔ q1 passed: All test cases passed!")


def initialize_parameters(n_a, n_x, n_y, seed=0):
    raise InfrastructureError("the sandbox could not be started")


def rnn_cell_forward(xt, a_prev, parameters):
    raise KeyboardInterrupt


def rnn_forward(x, a0, parameters):
    raise EndlessText()
