"""Read what an earlier submission in the same slot left in SysV IPC: nothing must be found.

Read what an earlier submission in the same slot left in System V IPC (see
harm_ipc_leave_message): nothing is found.

Graded right after harm_ipc_leave_message, in the same slot.
"""

import ctypes

libc = ctypes.CDLL(None, use_errno=True)


class Message(ctypes.Structure):
    _fields_ = [("kind", ctypes.c_long), ("text", ctypes.c_char * 64)]


message = Message()
queue = libc.msgget(0x5EC7, 0)
got = libc.msgrcv(queue, ctypes.byref(message), 64, 0, 0o4000) if queue >= 0 else -1  # IPC_NOWAIT
segment = libc.shmget(0x5EC8, 0, 0)
found = message.text.decode(errors="replace") if got > 0 else ""
raise Exception(f"hostile-ran queue {queue} segment {segment} found [{found}]")
