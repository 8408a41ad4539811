# -yy fixture: sockets of each family (TCP, unix path/abstract/pair, UDPv6, netlink), a device, a pidfd, a deleted file.
import socket,os
s=socket.socket(); s.bind(('127.0.0.1',0)); s.listen()
c=socket.create_connection(s.getsockname()); a,_=s.accept()
a.send(b'x')
u=socket.socket(socket.AF_UNIX); u.bind('yy.sock'); u.listen()
v=socket.socket(socket.AF_UNIX); v.connect('yy.sock'); w,_=u.accept(); w.send(b'x')
p,q=socket.socketpair(); p.send(b'y')
d=socket.socket(socket.AF_INET6,socket.SOCK_DGRAM); d.bind(('::1',0)); d.sendto(b'z',d.getsockname())
n=socket.socket(socket.AF_NETLINK,socket.SOCK_RAW,0); n.bind((0,0)); n.getsockname()
f=os.open('/dev/null',os.O_RDONLY); os.read(f,1)
pf=os.pidfd_open(os.getpid()); os.close(pf)
os.unlink('yy.sock')
x=socket.socket(socket.AF_UNIX,socket.SOCK_DGRAM); x.bind(b'\0sysray-abstract'); x.getsockname()
t=open('gone','w'); os.unlink('gone'); t.write('x'); t.flush()
t.close()
# Leave without Python's finalization: it closes the sockets one by one, and a unix socket whose peer
# was closed a moment before shows that peer or not depending on when the kernel let go of it.
os._exit(0)
