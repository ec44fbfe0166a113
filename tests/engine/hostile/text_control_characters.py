"""Put terminal escapes, OSC 52 and fake CSV rows in errors and type names: no output holds a control char.

Raise, in a cell and in the functions, exceptions whose type names and messages hold ANSI escape
sequences (erase the line, move up), an OSC 52 clipboard write, a window title, bidirectional
overrides, C1 controls, NUL and newlines followed by a forged gradebook row: the outcome, the
gradebook, the feedback files and the summary hold none of those characters.

A cell's error, an exception's type name and message reached the instructor's terminal and the
CSV as they were.
"""

EVIL = (
    "\r\x1b[2K\x1b[1A\x1b]0;hacked\x07\x1b]52;c;aGFja2Vk\x07\u202eevil\u202c\x9b31m\x00"
    "\nmallory.ipynb,9,9,9,9,36,graded,\r\n"
)
Evil = type("Evil\x1b[8m\u202e", (ValueError,), {})
raise Evil("hostile-ran cell" + EVIL)

# %%


def initialize_parameters(n_a, n_x, n_y, seed=0):
    if seed == 0:
        raise Evil("hostile-ran init" + EVIL)
    raise ValueError("hostile-ran init" + EVIL * 3)
