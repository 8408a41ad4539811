#!/bin/sh
# sysray's shell launcher, for machines where the build cannot install the executable one
# (src/tracer/launcher.S) as bin/sysray. Node changes a process's state before any JavaScript
# runs: it resets signal dispositions, ignores SIGPIPE and SIGXFSZ, marks every inherited fd
# close-on-exec, opens /dev/null on closed fds 0-2, and loses argv[0]. strace hands the traced
# program the state strace was started with, so this records that state for the Node process,
# which gives it back to the traced command. (One thing it cannot see: dash resets an ignored
# SIGCHLD before it reads this script.)
fds=
for f in /proc/$$/fd/*; do
  fd=${f##*/}
  [ -e "$f" ] || continue
  flags=0
  while read -r key val; do
    [ "$key" = flags: ] && flags=$val && break
  done < /proc/$$/fdinfo/$fd
  [ $(( 0$flags & 02000000 )) -eq 0 ] && fds="$fds$fd,"
done
ign= blk=
while read -r key val; do
  case $key in
    SigBlk:) blk=$val ;;
    SigIgn:) ign=$val; break ;;
  esac
done < /proc/$$/status
# The shell reorders the environment and adds PWD: pass the caller's exact environment along
# (one fork, a few ms).
environ=$(base64 -w0 /proc/$$/environ 2>/dev/null)
# Node reads these for its own start-up; they are meant for the traced program, which gets them back
# from SYSRAY_ENVIRON. NODE_EXTRA_CA_CERTS alone makes Node parse a certificate bundle before any
# JavaScript runs (about 40 ms); NODE_OPTIONS could load code into the tracer itself.
[ -n "$environ" ] && unset NODE_OPTIONS NODE_EXTRA_CA_CERTS NODE_V8_COVERAGE NODE_DEBUG NODE_DEBUG_NATIVE
# (only the executable launcher hands over a child)
unset SYSRAY_LAUNCHED
self=$0
[ -L "$self" ] && self=$(readlink -f -- "$self")
SYSRAY_ARGV0=${SYSRAY_ARGV0:-$0} SYSRAY_SIGIGN=$ign SYSRAY_SIGBLK=$blk SYSRAY_FDS=$fds SYSRAY_ENVIRON=$environ \
  exec node --v8-pool-size=1 --min-semi-space-size=4 --max-semi-space-size=4 "${self%/*}/boot.cjs" "$@"
