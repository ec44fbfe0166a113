"""An infinite loop in the first cell: left out at the cell time limit, full marks otherwise.

The row's cell errors say that the cell did not finish in time.
"""

while True:
    pass
