"""Leave a SysV message queue and shm segment for the next submission (see harm_ipc_read_message).

Leave a System V message queue and a 64 MB shared memory segment behind for the next submission
graded in the same slot: nothing of one submission may outlive its process (see
harm_ipc_read_message).

The zygote's IPC namespace is shared by every student process it forks, and seccomp does not
deny msgget/shmget.
"""

import ctypes

libc = ctypes.CDLL(None, use_errno=True)
libc.shmat.restype = ctypes.c_void_p


class Message(ctypes.Structure):
    _fields_ = [("kind", ctypes.c_long), ("text", ctypes.c_char * 64)]


queue = libc.msgget(0x5EC7, 0o1666)
sent = libc.msgsnd(queue, ctypes.byref(Message(1, b"hostile-@@TOKEN@@-left-by-an-earlier-submission")), 64, 0)
segment = libc.shmget(0x5EC8, 64 * 2**20, 0o1666)
address = libc.shmat(segment, None, 0)
if address not in (None, ctypes.c_void_p(-1).value):
    ctypes.memset(address, 1, 64 * 2**20)
    libc.shmdt(ctypes.c_void_p(address))
raise Exception(f"hostile-ran queue {queue} sent {sent} segment {segment}")
