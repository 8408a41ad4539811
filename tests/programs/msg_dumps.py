# -e read=/write= fixture: sendmsg/recvmsg with several buffers, sendmmsg/recvmmsg, writev with an empty buffer.
import socket, os
a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
a.sendmsg([b'hello ', b'', b'world', b'!' * 20])
b.recvmsg_into([bytearray(4), bytearray(30)])
r, w = os.pipe()
os.writev(w, [b'abc', b'', b'def'])
os.readv(r, [bytearray(2), bytearray(10)])
import ctypes
libc = ctypes.CDLL(None, use_errno=True)
class iovec(ctypes.Structure): _fields_ = [('base', ctypes.c_void_p), ('len', ctypes.c_size_t)]
class msghdr(ctypes.Structure): _fields_ = [('name', ctypes.c_void_p), ('namelen', ctypes.c_uint), ('iov', ctypes.c_void_p), ('iovlen', ctypes.c_size_t), ('control', ctypes.c_void_p), ('controllen', ctypes.c_size_t), ('flags', ctypes.c_int)]
class mmsghdr(ctypes.Structure): _fields_ = [('hdr', msghdr), ('len', ctypes.c_uint)]
bufs = [ctypes.create_string_buffer(b'first message', 13), ctypes.create_string_buffer(b'second', 6)]
iovs = (iovec * 2)(iovec(ctypes.cast(bufs[0], ctypes.c_void_p), 13), iovec(ctypes.cast(bufs[1], ctypes.c_void_p), 6))
msgs = (mmsghdr * 2)()
msgs[0].hdr.iov = ctypes.addressof(iovs[0]); msgs[0].hdr.iovlen = 1
msgs[1].hdr.iov = ctypes.addressof(iovs[1]); msgs[1].hdr.iovlen = 1
libc.sendmmsg(a.fileno(), msgs, 2, 0)
rb = [ctypes.create_string_buffer(16), ctypes.create_string_buffer(16)]
riov = (iovec * 2)(iovec(ctypes.cast(rb[0], ctypes.c_void_p), 16), iovec(ctypes.cast(rb[1], ctypes.c_void_p), 16))
rm = (mmsghdr * 2)()
rm[0].hdr.iov = ctypes.addressof(riov[0]); rm[0].hdr.iovlen = 1
rm[1].hdr.iov = ctypes.addressof(riov[1]); rm[1].hdr.iovlen = 1
libc.recvmmsg(b.fileno(), rm, 2, 0, None)
