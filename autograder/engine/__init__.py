"""The grading engine: student code in a sandboxed process, tests and scores where it cannot reach.

    submission  a submitted file as cells to run, read with limits
    zygote      a warm server, holding nothing secret, that forks student processes
    child       the student process: runs the cells, answers calls
    confine     the sandbox: namespaces, limits, a user of its own, Landlock, seccomp
    codec       plain data across the boundary; channel: calls both ways over a socket
    process     the grader's side of a student process and of the zygote
    session     one submission's process: restarts, time limits, the proxies the tests call
    grading     one submission through the tests, into an Outcome (outcome)
    explain     what a student is told of each question: the feedback files and results.json
    batch       many submissions, one grader process per job slot
    gradescope  Gradescope's run_autograder on the same pipeline

The package has no import from the rest of the kit except `rnncheck` (shipped beside it in the
autograder zip), so that it runs as it is on Gradescope.
"""
