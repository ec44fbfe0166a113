"""The sandbox around student code: established Linux mechanisms, each used where it exists.

Where each one is applied:

    zygote   network  a network namespace with no interface up: nothing to connect to
             view     when running as root and Python lives under a folder other users cannot
                      enter (/root on these machines and on Gradescope), a mount namespace in
                      which that folder is an empty tmpfs with only Python's folders put back
    keeper   pids     a PID namespace per student process: when it ends, every process it
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
                      IPC, no memory outside its address space (memfd); signals only to itself

and, in each grader process before its zygote starts:

    grader   disk     its submissions' folders on a tmpfs of its own, of a fixed size: a
                      submission cannot fill the machine's disk

A mechanism that this machine lacks is reported (`missing`) with the reason, never pretended.
"""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import errno
import os
import resource
import signal
import stat
import sys
import tempfile
from typing import Any

CLONE_NEWNS = 0x00020000
CLONE_NEWIPC = 0x08000000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000
CLONE_THREAD = 0x00010000
MS_NOSUID, MS_NODEV, MS_MOVE, MS_BIND, MS_REC, MS_PRIVATE = 2, 4, 8192, 4096, 16384, 1 << 18
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


def outermost(paths: list[str]) -> list[str]:
    """The paths that are not inside another of them, sorted."""
    real = sorted({os.path.realpath(p) for p in paths if os.path.exists(p)})
    return [p for p in real if not any(p != q and p.startswith(q.rstrip(os.sep) + os.sep) for q in real)]


def open_view(paths: list[str]) -> str:
    """Make every path reachable by other users in a private mount namespace: each closed folder
    on their way becomes an empty tmpfs with the paths put back. '' when done, else why not."""
    closed: dict[str, str] = {}
    for path in outermost(paths):
        folder = first_closed_folder(path)
        if folder is not None:
            closed[path] = folder
    if not closed:
        return ""
    if os.geteuid() != 0:
        return f"{sorted(set(closed.values()))[0]} is closed to other users"
    try:
        unshare(CLONE_NEWNS)
        _mount(None, "/", None, MS_REC | MS_PRIVATE)
        stash = tempfile.mkdtemp(prefix="rnngrade-view-")
        kept = {}
        for number, path in enumerate(closed):
            kept[path] = os.path.join(stash, str(number))
            os.mkdir(kept[path])
            _mount(path, kept[path], None, MS_BIND | MS_REC)
        for folder in sorted(set(closed.values())):
            _mount("tmpfs", folder, "tmpfs", MS_NOSUID | MS_NODEV, "mode=0711,size=1m")
        for path, place in kept.items():
            os.makedirs(path, mode=0o711, exist_ok=True)
            _mount(place, path, None, MS_MOVE)
            os.rmdir(place)
        os.rmdir(stash)
    except OSError as error:
        return f"cannot open a view of Python ({error.strerror})"
    return ""


def readable_paths() -> list[str]:
    """What student code may read: Python, its packages and the system's shared libraries."""
    paths = [sys.base_prefix, sys.prefix, sys.exec_prefix, "/usr/lib", "/usr/lib64", "/lib", "/lib64"]
    paths += [p for p in sys.path if "-packages" in p]
    return outermost(paths)


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


def _landlock(workdir: str, readable: list[str]) -> None:
    import landlock

    ctypes.set_errno(0)  # the package reads errno after each call, successful or not
    ruleset = landlock.Ruleset()
    read = landlock.FSAccess.READ_FILE | landlock.FSAccess.READ_DIR | landlock.FSAccess.EXECUTE
    for path in readable:
        ctypes.set_errno(0)
        ruleset.allow(path, rules=read)
    ctypes.set_errno(0)
    ruleset.allow("/dev/null", rules=landlock.FSAccess.READ_FILE | landlock.FSAccess.WRITE_FILE)
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


def die_with_parent(parent: int) -> None:
    """SIGKILL this process when its parent ends (set after any change of user, which clears it);
    end now if the parent is not `parent` any more (0: a parent outside this PID namespace)."""
    with contextlib.suppress(OSError):  # elsewhere the grader's kill and the channel's end suffice
        _call("prctl", PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)
