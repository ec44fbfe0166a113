"""Read /etc/shadow, planted /tmp files and /proc/<pid>/environ: nothing is read, nothing leaks.

Read /etc/shadow, root's files, a world-readable and a root-only file planted in /tmp,
/proc/1/environ and every /proc/<pid>/environ (the grader's holds a secret variable): nothing is
readable, and none of those secrets appears in any outcome or feedback file.

A separate uid keeps what only root may read; Landlock keeps even world-readable files and /proc.
"""

TOKEN = "@@TOKEN@@"
targets = [
    "/etc/shadow", "/etc/passwd", "/root/.bash_history", "/root/.ssh/id_rsa",
    f"/tmp/hostile-secret-{TOKEN}-public.txt", f"/tmp/hostile-secret-{TOKEN}-private.txt",
    "/proc/1/environ",
]  # fmt: skip
targets += [f"/proc/{pid}/environ" for pid in range(2, 5000)]
read = []
for path in targets:
    try:
        with open(path, "rb") as f:
            data = f.read(1 << 16)
    except OSError:
        continue
    at = data.find(b"SECRET")
    read.append(data[max(0, at - 20) : at + 60] if at >= 0 else data[:80])
raise Exception(f"hostile-ran tried {len(targets)} read {len(read)}: {b' | '.join(read)[:150]!r}")
