"""Use the network (TCP, UDP, listen, Unix sockets): nothing connects, the test's server sees nothing.

Use the network: connect to a server the test listens on at 127.0.0.1, listen on a port, send
UDP, connect to Unix sockets (docker, dbus): nothing connects, and the test's server receives no
connection.

The zygote has a network namespace with no interface up, and seccomp denies socket() and connect().
"""

import socket

PORT = int("@@PORT@@")  # a server of the test, on the host's loopback

done = []
for name, attempt in [
    ("tcp", lambda: socket.create_connection(("127.0.0.1", PORT), timeout=1)),
    ("listen", lambda: socket.create_server(("0.0.0.0", 0))),
    ("udp", lambda: socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b"x", ("127.0.0.1", PORT))),
    ("docker", lambda: socket.socket(socket.AF_UNIX).connect("/var/run/docker.sock")),
    ("dbus", lambda: socket.socket(socket.AF_UNIX).connect("/run/dbus/system_bus_socket")),
    ("pair", lambda: socket.socketpair()),
    ("ipv6", lambda: socket.create_connection(("::1", PORT), timeout=1)),
]:
    try:
        attempt()
        done.append(name)
    except OSError:
        pass
raise Exception(f"hostile-ran connected {done}")
