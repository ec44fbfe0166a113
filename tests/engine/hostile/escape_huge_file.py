"""Write a 100 MB file: it stops at the file-size limit, nothing appears outside, full marks otherwise.

Write a 100 MB file in the working folder and a marker outside it: the write stops at the file-
size limit ("File too large"), nothing appears outside, and a correct notebook still gets full
marks.
"""

import os

written = 0
try:
    with open("huge.bin", "wb") as f:
        for _ in range(100):
            f.write(b"\0" * 2**20)
            written += 2**20
except OSError as error:
    result = (
        f"{error.strerror} after {written // 2**20} MiB (size {os.path.getsize('huge.bin') // 2**20} MiB)"
    )
else:
    result = f"wrote all {written // 2**20} MiB"
outside = []
for folder in ("..", "/tmp", "@@SUBMISSIONS@@"):
    try:
        with open(f"{folder}/hostile-@@TOKEN@@-escape_huge_file", "wb") as f:
            f.write(b"\0" * 2**20)
        outside.append(folder)
    except OSError:
        pass
raise Exception(f"hostile-ran {result}; outside {outside}")
