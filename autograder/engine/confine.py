"""The sandbox around student code: established Linux mechanisms, each used where it exists.

Where each one is applied:

    zygote   network  a network namespace with no interface up: nothing to connect to
    keeper   view     a mount namespace per student process whose root is an empty tmpfs with
                      only Python's folders, /dev/null and the submission's own folder put
                      back, each at its own path: no other path exists there, so nothing of
                      the others (their folders, the submissions, the gradebook, /root, /tmp,
                      /etc) can be opened, listed, stat'ed or watched; the folders on the way
                      are passable by the slot's user (Python may live under /root)
             pids     a PID namespace per student process: when it ends, every process it
                      started ends with it
             ipc      an IPC namespace per student process: no queue or shared memory that
                      another submission left or will read
    student  limits   setrlimit: address space (memory), CPU seconds, file size, open files,
                      processes, no core files
             user     as root, a separate unprivileged uid and gid for each grading slot, no
                      supplementary groups; student code can then neither read what only root
                      may read nor signal the grader
             landlock read-only Python and its packages, read-write the submission's own folder,
                      nothing else of the file system
             seccomp  no new processes or programs, no sockets, no ptrace, mounts, namespaces,
                      keys, bpf, module loading, clock or uid changes, no System V or POSIX
                      IPC, no memory outside its address space (memfd), no inotify or
                      fanotify; signals only to itself

and, in each grader process before its zygote starts:

    grader   disk     its submissions' folders on a tmpfs of its own, of a fixed size: a
                      submission cannot fill the machine's disk

A mechanism that this machine lacks is reported (`missing`) with the reason, never pretended:
the zygote tries view, landlock and seccomp once in a forked process (`probe`) before it
serves, so that what it reports is known before any student code runs.
"""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import errno
import json
import os
import platform
import resource
import signal
import stat
import sys
from typing import Any

CLONE_NEWNS = 0x00020000
CLONE_NEWIPC = 0x08000000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000
CLONE_THREAD = 0x00010000
MS_NOSUID, MS_NODEV, MS_BIND, MS_REC, MS_PRIVATE = 2, 4, 4096, 16384, 1 << 18
MNT_DETACH = 2
# pivot_root(2) has no libc wrapper: its number, per architecture
SYS_PIVOT_ROOT = {"x86_64": 155, "aarch64": 41, "riscv64": 41, "ppc64le": 203, "s390x": 217}
PR_SET_PDEATHSIG = 1
PR_SET_NO_NEW_PRIVS = 38

MECHANISMS = ("disk", "network", "view", "pids", "ipc", "limits", "user", "landlock", "seccomp")

# Denied to student code outright (EPERM); fork, clone and kill get narrower rules below.
DENIED_SYSCALLS = (
    "execve", "execveat", "fork", "vfork", "ptrace", "process_vm_readv", "process_vm_writev",
    "socket", "socketpair", "connect", "bind", "listen", "accept", "accept4",
    "mount", "umount2", "pivot_root", "chroot", "unshare", "setns", "open_by_handle_at",
    "name_to_handle_at", "keyctl", "add_key", "request_key", "bpf", "perf_event_open",
    "userfaultfd", "init_module", "finit_module", "delete_module", "kexec_load",
    "kexec_file_load", "reboot", "swapon", "swapoff", "syslog", "acct", "settimeofday",
    "clock_settime", "clock_adjtime", "adjtimex", "iopl", "ioperm", "quotactl", "mknod", "mknodat",
    "setuid", "setgid", "setreuid", "setregid", "setresuid", "setresgid", "setgroups",
    "setfsuid", "setfsgid", "capset", "personality", "fanotify_init", "io_uring_setup",
    "io_uring_enter", "io_uring_register", "tkill", "rt_sigqueueinfo", "rt_tgsigqueueinfo",
    "pidfd_open", "pidfd_send_signal", "pidfd_getfd", "kcmp", "memfd_create", "memfd_secret",
    "msgget", "msgsnd", "msgrcv", "msgctl", "shmget", "shmat", "shmdt", "shmctl",
    "semget", "semop", "semtimedop", "semctl", "mq_open", "mq_unlink", "mq_timedsend",
    "mq_timedreceive", "mq_notify", "mq_getsetattr",
    "inotify_init", "inotify_init1", "inotify_add_watch", "inotify_rm_watch", "fanotify_mark",
)  # fmt: skip


@dataclasses.dataclass(frozen=True)
class Limits:
    """What one student process may use.

    memory -- bytes of address space; cpu -- seconds of CPU over the process's life;
    file_size -- bytes of any file it writes; open_files -- descriptors at once;
    disk -- bytes of its folder, on a tmpfs of that size (see private_disk)
    inodes -- files and folders on that tmpfs (each costs the kernel memory, however empty)
    """

    memory: int = 2 * 2**30
    cpu: int = 600
    file_size: int = 64 * 2**20
    open_files: int = 256
    disk: int = 512 * 2**20  # bytes of all the files of a grader slot's submission folders
    inodes: int = 2**16  # files and folders there


_libc = ctypes.CDLL(None, use_errno=True)


def _call(name: str, *args: Any) -> None:
    """libc's function `name`; OSError if it fails, or if this system has none (macOS)."""
    function = getattr(_libc, name, None)
    if function is None:
        raise OSError(errno.ENOSYS, f"{name}: not on this system")
    if function(*args) != 0:
        code = ctypes.get_errno()
        raise OSError(code, f"{name}: {os.strerror(code)}")


def _mount(source: str | None, target: str, kind: str | None, flags: int, data: str | None = None) -> None:
    encode = lambda s: None if s is None else s.encode()  # noqa: E731
    _call("mount", encode(source), encode(target), encode(kind), flags, encode(data))


def unshare(flags: int) -> None:
    _call("unshare", flags)


def _write(path: str, text: str) -> None:
    with open(path, "w") as f:
        f.write(text)


def isolate_zygote() -> dict[str, str]:
    """A network namespace for the zygote and every process it forks; mechanism -> why not, if
    it could not have one. As non-root, through a user namespace if allowed."""
    missing: dict[str, str] = {}
    uid, gid = os.geteuid(), os.getegid()
    flags = CLONE_NEWNET
    try:
        if uid == 0:
            unshare(flags)
        else:
            unshare(CLONE_NEWUSER | flags)
            _write("/proc/self/setgroups", "deny")
            _write("/proc/self/uid_map", f"{uid} {uid} 1")
            _write("/proc/self/gid_map", f"{gid} {gid} 1")
    except OSError as error:
        missing["network"] = f"no namespaces ({error.strerror})"
    return missing


def private_disk(folder: str, size: int, inodes: int = Limits.inodes) -> str:
    """Mount a tmpfs of `size` bytes and `inodes` files on folder, in a mount namespace of this
    process's own (the zygote it starts inherits it); '' when done, else why not."""
    if os.geteuid() != 0:
        return "not running as root: submissions write to the machine's disk (file size limited)"
    try:
        unshare(CLONE_NEWNS)
        _mount(None, "/", None, MS_REC | MS_PRIVATE)
        _mount("tmpfs", folder, "tmpfs", MS_NOSUID | MS_NODEV, f"size={size},nr_inodes={inodes},mode=0711")
    except OSError as error:
        return f"no private tmpfs ({error.strerror})"
    return ""


def outermost(paths: list[str]) -> list[str]:
    """The paths that are not inside another of them, sorted."""
    real = sorted({os.path.realpath(p) for p in paths if os.path.exists(p)})
    return [p for p in real if not any(p != q and p.startswith(q.rstrip(os.sep) + os.sep) for q in real)]


def first_closed_folder(path: str) -> str | None:
    """The first folder on the way to path that other users may not enter, or None."""
    parts = os.path.abspath(path).split(os.sep)
    for i in range(2, len(parts) + 1):
        folder = os.sep.join(parts[:i]) or os.sep
        try:
            mode = os.stat(folder).st_mode
        except OSError:
            return None
        if stat.S_ISDIR(mode) and not mode & stat.S_IXOTH:
            return folder
    return None


def python_paths() -> list[str]:
    """Python, its packages and the system's shared libraries, as this interpreter names them."""
    paths = [sys.base_prefix, sys.prefix, sys.exec_prefix, "/usr/lib", "/usr/lib64", "/lib", "/lib64"]
    return paths + [p for p in sys.path if "-packages" in p]


def readable_paths() -> list[str]:
    """What student code may read: Python, its packages and the system's shared libraries."""
    return outermost(python_paths())


def _pivot_root(new: str, old: str) -> None:
    number = SYS_PIVOT_ROOT.get(platform.machine())
    if number is None:
        raise OSError(errno.ENOSYS, f"pivot_root: no system call number known for {platform.machine()}")
    if _libc.syscall(number, new.encode(), old.encode()) != 0:
        code = ctypes.get_errno()
        raise OSError(code, f"pivot_root: {os.strerror(code)}")


def _view_places(workdir: str | None) -> dict[str, str]:
    """Path in the view -> the real path put there: Python's folders, as named and as they
    really are, /dev/null and workdir; none inside another (it comes with its parent)."""
    wanted = [*python_paths(), *readable_paths(), os.devnull, *([workdir] if workdir else [])]
    places = sorted({os.path.abspath(p) for p in wanted if os.path.exists(p)})
    outer = [p for p in places if not any(p.startswith(q.rstrip(os.sep) + os.sep) for q in places if q != p)]
    return {p: os.path.realpath(p) for p in outer}


def own_root(workdir: str | None) -> None:
    """Give this process (and what it forks) a root of its own: a mount namespace whose root is
    an empty tmpfs with only Python's folders, /dev/null and workdir bound back, each at its
    path. Nothing else exists there, so no other path can be stat'ed, listed or watched. The
    folders on the way are passable (0711) by any user. OSError if it cannot be made: the
    caller must then not run student code (a view half made is no view).

    Made as bubblewrap makes it: a tmpfs on /tmp becomes the root with the old root below it,
    the places are bound from the old root into a new root, the old root is detached."""
    places = _view_places(workdir)
    unshare(CLONE_NEWNS)
    _mount(None, "/", None, MS_REC | MS_PRIVATE)
    _mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, "mode=0711,size=1m")
    os.mkdir("/tmp/new", 0o711)
    os.mkdir("/tmp/old", 0o700)
    _mount("/tmp/new", "/tmp/new", None, MS_BIND)  # a mount point, to pivot into at the end
    os.chdir("/tmp")
    _pivot_root(".", "old")
    for place, real in places.items():
        target = "/new" + place
        source = "/old" + real
        folder = target if os.path.isdir(source) else os.path.dirname(target)
        for depth in range(2, folder.count(os.sep) + 1):  # each folder on the way: 0711
            with contextlib.suppress(FileExistsError):
                os.mkdir(os.sep.join(folder.split(os.sep)[: depth + 1]), 0o711)
        if folder != target:
            with open(target, "w"):
                pass
        _mount(source, target, None, MS_BIND | MS_REC)
    _call("umount2", b"/old", MNT_DETACH)
    os.rmdir("/old")
    os.chdir("/new")
    _pivot_root(".", ".")
    _call("umount2", b".", MNT_DETACH)
    os.chdir("/")


def isolate_keeper() -> dict[str, str]:
    """A PID namespace for the next child of this process, and an IPC namespace of its own."""
    missing = {}
    for mechanism, flag in (("pids", CLONE_NEWPID), ("ipc", CLONE_NEWIPC)):
        try:
            unshare(flag)
        except OSError as error:
            missing[mechanism] = f"no namespace ({error.strerror})"
    return missing


def _limits(limits: Limits, uid: int | None) -> None:
    for which, value in (
        (resource.RLIMIT_AS, limits.memory),
        (resource.RLIMIT_CPU, limits.cpu),
        (resource.RLIMIT_FSIZE, limits.file_size),
        (resource.RLIMIT_NOFILE, limits.open_files),
        (resource.RLIMIT_CORE, 0),
    ):
        resource.setrlimit(which, (value, value))
    if uid is not None:  # counted per user: the slot's user runs this process alone
        resource.setrlimit(resource.RLIMIT_NPROC, (0, 0))


def _user(uid: int) -> None:
    os.setgroups([])
    os.setresgid(uid, uid, uid)
    os.setresuid(uid, uid, uid)


def _landlock(workdir: str | None, readable: list[str]) -> None:
    import landlock

    ctypes.set_errno(0)  # the package reads errno after each call, successful or not
    ruleset = landlock.Ruleset()
    read = landlock.FSAccess.READ_FILE | landlock.FSAccess.READ_DIR | landlock.FSAccess.EXECUTE
    for path in readable:
        ctypes.set_errno(0)
        ruleset.allow(path, rules=read)
    ctypes.set_errno(0)
    ruleset.allow("/dev/null", rules=landlock.FSAccess.READ_FILE | landlock.FSAccess.WRITE_FILE)
    if workdir is not None:
        ctypes.set_errno(0)
        ruleset.allow(workdir)
    ctypes.set_errno(0)
    ruleset.apply()


def seccomp_rules(me: int) -> Any:
    """The system call filter of a student process whose pid is `me` (built, not loaded)."""
    import pyseccomp as seccomp

    deny = seccomp.ERRNO(errno.EPERM)
    rules = seccomp.SyscallFilter(seccomp.ALLOW)
    for name in DENIED_SYSCALLS:
        rules.add_rule(deny, name)
    # clone without CLONE_THREAD makes a process; clone3 hides its flags, so it is "not there"
    rules.add_rule(deny, "clone", seccomp.Arg(0, seccomp.MASKED_EQ, CLONE_THREAD, 0))
    rules.add_rule(seccomp.ERRNO(errno.ENOSYS), "clone3")
    rules.add_rule(deny, "kill", seccomp.Arg(0, seccomp.NE, me))
    rules.add_rule(deny, "tgkill", seccomp.Arg(0, seccomp.NE, me))
    return rules


_PREBUILT: dict[int, Any] = {}


def prebuild_seccomp() -> None:
    """Build once, in the zygote, the filter of a process that is pid 1 of its own namespace."""
    with contextlib.suppress(Exception):
        _PREBUILT[1] = seccomp_rules(1)


def _seccomp() -> None:
    me = os.getpid()
    rules = _PREBUILT.get(me) or seccomp_rules(me)
    rules.load()


def confine(workdir: str, uid: int | None, limits: Limits, readable: list[str]) -> dict[str, str]:
    """Apply limits, user, landlock and seccomp to this process, in that order; mechanism -> why
    not, for each one that could not be applied. Run before any student code, never undone."""
    missing: dict[str, str] = {}
    try:
        _limits(limits, uid)
    except (OSError, ValueError) as error:
        missing["limits"] = str(error)
    if uid is None:
        missing["user"] = "not running as root: student code runs as the grader's own user"
    else:
        _user(uid)  # a failure here must stop the child: never run student code as root by mistake
    return {**missing, **_restrict(workdir, readable)}


def _restrict(workdir: str | None, readable: list[str]) -> dict[str, str]:
    """Landlock, then seccomp, on this process; mechanism -> why not, for each that failed."""
    missing: dict[str, str] = {}
    with contextlib.suppress(OSError):  # Landlock and seccomp set it too, where they exist
        _call("prctl", PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
    try:
        _landlock(workdir, readable)
    except Exception as error:  # no such module, no Landlock in this kernel, ...
        missing["landlock"] = (str(error).splitlines() or [type(error).__name__])[-1]
    try:
        _seccomp()
    except Exception as error:  # libseccomp missing, ...
        missing["seccomp"] = (str(error).splitlines() or [type(error).__name__])[0]
    return missing


def probe(readable: list[str]) -> dict[str, str]:
    """Which of view, landlock and seccomp this machine lacks, and why: tried, as a student
    process would be confined, in a forked process that then ends; and "user" when, as root
    without a view, no other user could reach Python (the grader then keeps student code as
    root). Call before any SIGCHLD handling changes (the probe is waited for)."""
    ours, theirs = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(ours)
            missing: dict[str, str] = {}
            try:
                own_root(None)
            except OSError as error:
                missing["view"] = f"no root of its own ({error.strerror or error})"
            missing.update(_restrict(None, readable))
            os.write(theirs, json.dumps(missing).encode())
        finally:
            os._exit(0)
    os.close(theirs)
    data = b""
    with contextlib.suppress(OSError):
        while chunk := os.read(ours, 1 << 16):
            data += chunk
    os.close(ours)
    os.waitpid(pid, 0)
    try:
        found = {str(k): str(v) for k, v in json.loads(data).items()}
    except (ValueError, AttributeError):
        reason = "the probe of the sandbox ended without an answer"
        found = {name: reason for name in ("view", "landlock", "seccomp")}
    closed = [folder for folder in map(first_closed_folder, readable) if folder]
    if "view" in found and closed and os.geteuid() == 0:
        found["user"] = (
            f"{closed[0]} is closed to other users and there is no view: student code runs as root"
        )
    return found


def die_with_parent(parent: int) -> None:
    """SIGKILL this process when its parent ends (set after any change of user, which clears it);
    end now if the parent is not `parent` any more (0: a parent outside this PID namespace)."""
    with contextlib.suppress(OSError):  # elsewhere the grader's kill and the channel's end suffice
        _call("prctl", PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)
