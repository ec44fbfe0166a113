"""Return 60,000 objects of distinct type names, keep 30,000 globals of new types: nothing stays behind.

Return a list of objects that cannot cross, each of a type with a name of its own (60,000 names),
and leave 30,000 globals of new types for the grader to list: the grader keeps no stand-in type
once the submission is graded, its memory stays within its bound, and the submissions graded
after it in the same slot keep their exact scores.

The decoder made one stand-in type per distinct name in a module-level dict that lived as long
as the grader process (a million names: 3.6 GB, and MemoryError for the next submissions).
"""

KINDS = [type(f"Kind{n}", (), {}) for n in range(60_000)]
for n in range(30_000):
    globals()[f"leftover_{n}"] = KINDS[n]()


def initialize_parameters(n_a, n_x, n_y, seed=0):
    return [kind() for kind in KINDS]
