"""Cells that end the process (exit, abort, _exit, SIGKILL): each noted, full marks otherwise.

Cells that end the process: sys.exit, exit(), os.abort(), os._exit, SIGKILL to itself: each is
noted (or left out as "ended the process") and a correct notebook still gets full marks.
"""

import sys

sys.exit(3)

# %%
exit()

# %%
import os  # noqa: E402
import signal  # noqa: E402

os.kill(os.getpid(), signal.SIGKILL)  # pid 1 of its namespace: ignored
raise Exception("hostile-ran survived SIGKILL to itself")

# %%
import os  # noqa: E402

os.abort()

# %%
import os  # noqa: E402

os._exit(0)
