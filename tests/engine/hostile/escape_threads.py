"""Start threads that outlive the cell to write outside: none starts or writes, full marks otherwise.

Start threads that outlive the cell (a daemon loop, _thread, a thread pool) to write markers
outside: none starts or writes, no process is left behind, and a correct notebook still gets
full marks.
"""

import _thread
import threading
import time
from concurrent.futures import ThreadPoolExecutor

MARKER = "/tmp/hostile-@@TOKEN@@-escape_threads"
started = []


def linger():
    while True:
        try:
            with open(MARKER, "w") as f:
                f.write("thread")
        except OSError:
            pass
        time.sleep(0.1)


for name, start in [
    ("daemon", lambda: threading.Thread(target=linger, daemon=True).start()),
    ("thread", lambda: threading.Thread(target=linger).start()),
    ("_thread", lambda: _thread.start_new_thread(linger, ())),
    ("pool", lambda: ThreadPoolExecutor(4).submit(linger)),
]:
    try:
        start()
        started.append(name)
    except (RuntimeError, OSError):
        pass
raise Exception(f"hostile-ran started {started}")
