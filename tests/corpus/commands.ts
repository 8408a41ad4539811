/** Real programs: coreutils, sh, python3 and node, grouped by the family of syscalls they lean on (the families of tests/corpus/*.ts; runtime: whole interpreters). */
import type { CorpusCase } from '../helpers/corpus.js';

const py = (family: string, name: string, code: string, opts?: string[]): CorpusCase => ({
  family, name, cmd: ['python3', '-S', '-c', code], ...(opts ? { opts } : {}),
});

export const cases: CorpusCase[] = [
  // files and directories
  { family: 'file', name: 'ls -la /etc', cmd: ['ls', '-la', '/etc/default'] },
  { family: 'file', name: 'cat two files', cmd: ['cat', '/etc/hostname', '/etc/passwd'] },
  { family: 'file', name: 'cp', cmd: ['cp', 'in.txt', 'out.txt'], files: { 'in.txt': 'hello\n' } },
  { family: 'file', name: 'mv', cmd: ['mv', 'in.txt', 'out.txt'], files: { 'in.txt': 'x' } },
  { family: 'file', name: 'rm -rf', cmd: ['sh', '-c', 'mkdir -p a/b/c && rm -rf a'], opts: ['-f'] },
  { family: 'file', name: 'ln -s and readlink', cmd: ['sh', '-c', 'ln -s target l && readlink l && unlink l'], opts: ['-f'] },
  { family: 'file', name: 'chmod chown touch', cmd: ['sh', '-c', 'touch t && chmod 640 t && chown 0:0 t && touch -d @0 t'], opts: ['-f'] },
  { family: 'file', name: 'find', cmd: ['find', '/etc/default', '-maxdepth', '1'] },
  { family: 'file', name: 'du', cmd: ['du', '-s', '/etc/default'] },
  { family: 'file', name: 'stat -f (statfs)', cmd: ['stat', '-f', '/'] },
  { family: 'file', name: 'df', cmd: ['df', '/'] },
  { family: 'file', name: 'truncate', cmd: ['truncate', '-s', '100', 't'] },
  { family: 'file', name: 'tail (lseek)', cmd: ['tail', '-n', '2', '/etc/passwd'] },
  { family: 'file', name: 'sha256sum', cmd: ['sha256sum', '/etc/hostname'] },
  { family: 'file', name: 'mktemp -d', cmd: ['mktemp', '-p', '.', '-d', 'dXXXXXXXXX'] },
  { family: 'file', name: 'realpath', cmd: ['realpath', '/usr/bin/../lib'] },
  { family: 'file', name: 'python3 os file calls', cmd: ['python3', '-S', '-c',
    "import os\nfd=os.open('f',os.O_RDWR|os.O_CREAT|os.O_EXCL,0o600)\nos.write(fd,b'abc')\nos.pwrite(fd,b'z',10)\nos.fsync(fd)\nos.ftruncate(fd,4)\nos.lseek(fd,0,0)\nos.read(fd,10)\nos.pread(fd,2,1)\nos.fchmod(fd,0o644)\nos.close(fd)\nos.rename('f','g')\nos.link('g','h')\nos.symlink('g','s')\nos.readlink('s')\nos.utime('g',(1,2))\nos.access('g',os.R_OK)\nos.mkdir('d',0o700)\nos.listdir('.')\nos.rmdir('d')\nos.unlink('h')\ntry: os.open('nosuch',0)\nexcept OSError: pass\n"] },
  { family: 'file', name: 'python3 xattrs', cmd: ['python3', '-S', '-c',
    "import os\nopen('x','w').close()\nos.setxattr('x','user.k',b'v')\nos.getxattr('x','user.k')\nos.listxattr('x')\nos.removexattr('x','user.k')\ntry: os.getxattr('x','user.nope')\nexcept OSError: pass\n"] },
  // descriptors
  { family: 'desc', name: 'dd with sizes', cmd: ['dd', 'if=/dev/zero', 'of=out', 'bs=4k', 'count=3', 'conv=fsync'] },
  { family: 'desc', name: 'head -c from stdin', cmd: ['head', '-c', '5'], input: 'hello world' },
  { family: 'desc', name: 'sh pipeline', cmd: ['sh', '-c', 'echo a b c | tr a-z A-Z | wc -c'], opts: ['-f'] },
  { family: 'desc', name: 'sh redirections', cmd: ['sh', '-c', 'exec 3>f; echo x >&3; exec 3>&-; cat <f 2>/dev/null'], opts: ['-f'] },
  { family: 'desc', name: 'python3 dup pipe fcntl', cmd: ['python3', '-S', '-c',
    "import os,fcntl\nr,w=os.pipe()\nos.dup2(w,10)\nos.dup(r)\nfcntl.fcntl(r,fcntl.F_GETFL)\nfcntl.fcntl(r,fcntl.F_SETFL,os.O_NONBLOCK)\nfcntl.fcntl(w,fcntl.F_GETFD)\nfcntl.fcntl(w,fcntl.F_SETFD,fcntl.FD_CLOEXEC)\nfcntl.fcntl(r,fcntl.F_DUPFD_CLOEXEC,20)\nos.write(w,b'hi')\nos.read(r,5)\nos.readv(r,[bytearray(2)]) if False else None\nos.writev(w,[b'a',b'bc'])\nos.readv(r,[bytearray(1),bytearray(2)])\nfcntl.flock(w,fcntl.LOCK_EX)\nfcntl.lockf(w,fcntl.LOCK_UN) if False else None\n"] },
  { family: 'desc', name: 'python3 sendfile splice copy_file_range', cmd: ['python3', '-S', '-c',
    "import os\nopen('a','w').write('x'*100)\ni=os.open('a',0)\no=os.open('b',os.O_WRONLY|os.O_CREAT,0o644)\nos.sendfile(o,i,0,10)\nos.copy_file_range(i,o,10,0,20)\nr,w=os.pipe()\nos.splice(i,w,5,0)\nos.splice(r,o,5)\n"] },
  { family: 'desc', name: 'python3 eventfd memfd', cmd: ['python3', '-S', '-c',
    "import os\nfd=os.eventfd(3,os.EFD_CLOEXEC|os.EFD_NONBLOCK)\nos.eventfd_write(fd,2)\nos.eventfd_read(fd)\nm=os.memfd_create('blob',os.MFD_CLOEXEC)\nos.write(m,b'data')\nos.fstat(m)\n"] },
  // networking
  { family: 'net', name: 'python3 tcp localhost', cmd: ['python3', '-S', '-c',
    "import socket\ns=socket.socket()\ns.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1)\ns.bind(('127.0.0.1',0))\ns.listen(1)\nc=socket.create_connection(s.getsockname())\na,_=s.accept()\nc.sendall(b'ping')\na.recv(10)\na.getpeername()\nc.setsockopt(socket.IPPROTO_TCP,socket.TCP_NODELAY,1)\nc.getsockopt(socket.SOL_SOCKET,socket.SO_ERROR)\nc.shutdown(socket.SHUT_WR)\nc.close(); a.close(); s.close()\n"] },
  { family: 'net', name: 'python3 udp inet6', cmd: ['python3', '-S', '-c',
    "import socket\ns=socket.socket(socket.AF_INET6,socket.SOCK_DGRAM)\ns.bind(('::1',0))\nc=socket.socket(socket.AF_INET6,socket.SOCK_DGRAM)\nc.sendto(b'hey',s.getsockname())\ns.recvfrom(10)\n"] },
  { family: 'net', name: 'python3 unix stream and abstract', cmd: ['python3', '-S', '-c',
    "import socket\ns=socket.socket(socket.AF_UNIX)\ns.bind('sock')\ns.listen()\nc=socket.socket(socket.AF_UNIX)\nc.connect('sock')\nx=socket.socket(socket.AF_UNIX,socket.SOCK_DGRAM)\nx.bind(b'\\0abstract-sysray')\nx.getsockname()\n"] },
  { family: 'net', name: 'python3 SCM_RIGHTS and credentials', cmd: ['python3', '-S', '-c',
    "import socket,os,array\na,b=socket.socketpair()\nb.setsockopt(socket.SOL_SOCKET,socket.SO_PASSCRED,1)\na.sendmsg([b'x'],[(socket.SOL_SOCKET,socket.SCM_RIGHTS,array.array('i',[0,1]).tobytes())])\nb.recvmsg(10,socket.CMSG_SPACE(8)+socket.CMSG_SPACE(12))\n"] },
  { family: 'net', name: 'python3 netlink', cmd: ['python3', '-S', '-c',
    "import socket\ns=socket.socket(socket.AF_NETLINK,socket.SOCK_RAW,socket.NETLINK_ROUTE)\ns.bind((0,0))\ns.getsockname()\n"] },
  { family: 'net', name: 'python3 packet', cmd: ['python3', '-S', '-c',
    "import socket\ns=socket.socket(socket.AF_PACKET,socket.SOCK_DGRAM,0)\ns.bind(('lo',0))\ns.getsockname()\n"] },
  { family: 'net', name: 'python3 socket errors', cmd: ['python3', '-S', '-c',
    "import socket\ns=socket.socket()\ntry: s.connect(('127.0.0.1',1))\nexcept OSError: pass\ntry: socket.socket(12345)\nexcept OSError: pass\n"] },
  { family: 'net', name: 'getent hosts localhost', cmd: ['getent', 'hosts', 'localhost'] },
  // poll, select, epoll
  { family: 'desc', name: 'python3 select poll epoll', cmd: ['python3', '-S', '-c',
    "import select,os\nr,w=os.pipe()\nos.write(w,b'x')\nselect.select([r],[w],[],0)\np=select.poll()\np.register(r,select.POLLIN)\np.register(w,select.POLLOUT)\np.poll(0)\ne=select.epoll()\ne.register(r,select.EPOLLIN|select.EPOLLET)\ne.modify(r,select.EPOLLIN)\ne.poll(0.01)\ne.unregister(r)\ne.close()\n"] },
  { family: 'desc', name: 'python3 select timeout', cmd: ['python3', '-S', '-c', 'import select\nselect.select([],[],[],0.01)\n'] },
  // signals
  { family: 'sigtime', name: 'python3 signals', cmd: ['python3', '-S', '-c',
    "import signal,os\nsignal.signal(signal.SIGUSR1,lambda *a:None)\nos.kill(os.getpid(),signal.SIGUSR1)\nsignal.pthread_sigmask(signal.SIG_BLOCK,[signal.SIGUSR2])\nos.kill(os.getpid(),signal.SIGUSR2)\nsignal.sigpending()\nsignal.sigtimedwait([signal.SIGUSR2],0)\nsignal.signal(signal.SIGTERM,signal.SIG_IGN)\nsignal.siginterrupt(signal.SIGUSR1,False)\n"] },
  { family: 'sigtime', name: 'sh kill and trap', cmd: ['sh', '-c', 'trap "echo got" USR1; kill -USR1 $$; kill -0 $$'], opts: ['-f'] },
  // timeout's child is a fixture that holds SIGTERM back until it waits: `sleep` was killed at
  // whatever call of its start-up the timer caught, which varied with load
  { family: 'sigtime', name: 'timeout kills its child', cmd: ['@timeout_child', 'timeout', '-s', 'TERM', '0.1'], opts: ['-f'] },
  { family: 'sigtime', name: 'python3 alarm itimer', cmd: ['python3', '-S', '-c',
    "import signal,time\nsignal.signal(signal.SIGALRM,lambda *a:None)\nsignal.setitimer(signal.ITIMER_REAL,0.01)\ntime.sleep(0.05)\nsignal.getitimer(signal.ITIMER_REAL)\nsignal.alarm(0)\n"] },
  // time
  { family: 'sigtime', name: 'sleep', cmd: ['sleep', '0.01'] },
  { family: 'sigtime', name: 'date', cmd: ['date', '-u', '-d', '@0'] },
  { family: 'sigtime', name: 'python3 clocks', cmd: ['python3', '-S', '-c',
    "import time\ntime.clock_getres(time.CLOCK_MONOTONIC)\ntime.clock_gettime(time.CLOCK_BOOTTIME)\ntime.sleep(0.001)\ntime.process_time()\n"] },
  // processes
  { family: 'proc', name: 'id groups whoami', cmd: ['sh', '-c', 'id -G; whoami; groups'], opts: ['-f'] },
  { family: 'proc', name: 'env -i', cmd: ['env', '-i', 'A=1', '/bin/true'] },
  { family: 'proc', name: 'nproc nice', cmd: ['sh', '-c', 'nproc; nice -n 5 true'], opts: ['-f'] },
  { family: 'proc', name: 'python3 fork wait', cmd: ['python3', '-S', '-c',
    "import os\npid=os.fork()\nif pid==0: os._exit(7)\nos.waitpid(pid,0)\nos.getpgrp(); os.getsid(0); os.getpriority(os.PRIO_PROCESS,0)\nos.sched_getaffinity(0)\nos.sched_yield()\nimport resource\nresource.getrlimit(resource.RLIMIT_NOFILE)\nresource.getrusage(resource.RUSAGE_SELF)\nos.times()\nos.umask(0o22)\n"], opts: ['-f'] },
  { family: 'proc', name: 'python3 subprocess', cmd: ['python3', '-S', '-c', "import subprocess\nsubprocess.run(['true'])\n"], opts: ['-f'] },
  { family: 'proc', name: 'python3 pidfd and prctl', cmd: ['python3', '-S', '-c',
    "import os,ctypes\nfd=os.pidfd_open(os.getpid())\nos.close(fd)\nlibc=ctypes.CDLL(None)\nlibc.prctl(15,b'renamed',0,0,0)\nbuf=ctypes.create_string_buffer(16)\nlibc.prctl(16,buf,0,0,0)\n"] },
  // memory
  { family: 'mem', name: 'python3 mmap', cmd: ['python3', '-S', '-c',
    "import mmap,os\nm=mmap.mmap(-1,8192,flags=mmap.MAP_PRIVATE|mmap.MAP_ANONYMOUS,prot=mmap.PROT_READ|mmap.PROT_WRITE)\nm.madvise(mmap.MADV_DONTNEED)\nm.resize(16384) if hasattr(m,'resize') else None\nm.close()\nopen('f','wb').write(b'x'*4096)\nf=open('f','r+b')\nn=mmap.mmap(f.fileno(),4096)\nn.flush()\n"] },
  // misc
  { family: 'sigtime', name: 'uname -a', cmd: ['uname', '-a'] },
  { family: 'sigtime', name: 'hostname', cmd: ['hostname'] },
  { family: 'sigtime', name: 'python3 sysinfo-ish', cmd: ['python3', '-S', '-c', "import os\nos.uname()\nos.getloadavg()\nos.cpu_count()\nos.getrandom(8)\n"] },
  // interpreters, end to end
  { family: 'runtime', name: 'python3 -c pass', cmd: ['python3', '-c', 'pass'] },
  { family: 'runtime', name: 'node -e', cmd: ['node', '-e', "require('fs').readFileSync('/etc/hostname')"], opts: ['-f'] },
  { family: 'runtime', name: 'node fs calls', cmd: ['node', '-e',
    "const fs=require('fs');fs.writeFileSync('f','x');fs.renameSync('f','g');fs.statSync('g');fs.mkdirSync('d');fs.readdirSync('.');fs.rmSync('d',{recursive:true});fs.unlinkSync('g')"], opts: ['-f'] },
  { family: 'runtime', name: 'node tcp echo', cmd: ['node', '-e',
    "const net=require('net');const s=net.createServer(c=>c.pipe(c)).listen(0,'127.0.0.1',()=>{const c=net.connect(s.address().port,'127.0.0.1',()=>c.end('hi'));c.on('data',()=>{});c.on('close',()=>s.close())})"], opts: ['-f'] },
  { family: 'runtime', name: 'tar and gzip', cmd: ['sh', '-c', 'tar cf - /etc/hostname 2>/dev/null | gzip -c | wc -c'], opts: ['-f'] },
];
