"""Put on PYTHONPATH to forbid network connections in this process and its children (kernels inherit it).

Loopback and Unix sockets stay allowed: Jupyter kernels talk to papermill over 127.0.0.1.
"""
import socket

_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex


def _allowed(address) -> bool:
    if isinstance(address, (str, bytes)):
        return True  # Unix domain socket
    host = str(address[0])
    return host in ("localhost", "::1") or host.startswith("127.")


def _guard(original):
    def connect(self, address):
        if not _allowed(address):
            raise OSError(f"network access blocked during the build: {address!r}")
        return original(self, address)
    return connect


socket.socket.connect = _guard(_connect)
socket.socket.connect_ex = _guard(_connect_ex)
_getaddrinfo = socket.getaddrinfo


def _no_dns(host, *args, **kwargs):
    if host not in (None, "localhost", "127.0.0.1", "::1", "") and not str(host).startswith("127."):
        raise OSError(f"DNS lookup blocked during the build: {host!r}")
    return _getaddrinfo(host, *args, **kwargs)


socket.getaddrinfo = _no_dns
