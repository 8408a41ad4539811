#!/bin/bash
# strace 6.1's own test suite run against sysray (issue 18's acceptance test; not part of CI).
#
#   tests/tools/strace-suite.sh /path/to/strace-checkout [TEST...]
#
# The checkout is strace's repository at tag v6.1, configured with `--enable-mpers=no
# --disable-gcc-Werror` and built with `make -j2 && make -C tests -j2 check TESTS=` (the test
# programs built, none run). With TEST names (`ioctl_rtc.gen.test …`) only those run.
# Environment: TRACER (default: this tree's bin/sysray; /usr/bin/strace gives the baseline),
# JOBS (default 2), TIMEOUT (seconds per test, default 300).
#
# Several tests need the tracer's path to end in `strace`, so the tracer runs through a symlink of
# that name. Tests whose expected output is empty would pass whatever the tracer printed, so
# tests/init.sh in the checkout is patched (once) to fail a test whose first match_diff/match_grep
# has an empty expected file; the two tests that legitimately expect nothing are exempt. Before the
# run, a tracer that never runs the program is shown to fail a sample of tests.
set -euo pipefail

usage() { echo "usage: $0 STRACE-CHECKOUT [TEST...]" >&2; exit 2; }
[ $# -ge 1 ] || usage
checkout=$(cd "$1" && pwd) || usage
shift
tests_dir="$checkout/tests"
[ -f "$tests_dir/init.sh" ] && [ -f "$tests_dir/Makefile" ] ||
	{ echo "$0: $checkout is not a configured strace checkout (no tests/Makefile)" >&2; exit 2; }

root=$(cd "$(dirname "$0")/../.." && pwd)
tracer=${TRACER:-$root/bin/sysray}
[ -x "$tracer" ] || { echo "$0: no tracer at $tracer (npm run build?)" >&2; exit 2; }
jobs=${JOBS:-2}
timeout=${TIMEOUT:-300}

work=$(mktemp -d "${TMPDIR:-/tmp}/strace-suite.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin" "$work/none"
ln -s "$tracer" "$work/bin/strace"

# The guard against vacuous passes, inserted after each matcher has chosen its expected file.
guard='sysray-suite: vacuous-pass guard'
if ! grep -q "$guard" "$tests_dir/init.sh"; then
	awk -v guard="$guard" '
		/^match_diff\(\)|^match_grep\(\)/ { inside = $1 }
		{ print }
		inside != "" && /^\tcheck_prog (diff|grep)$/ {
			file = inside ~ /diff/ ? "$expected" : "$patterns"
			print "\t# " guard
			print "\tif [ ! -s \"" file "\" ] && [ -z \"${SUITE_NONEMPTY_SEEN-}\" ]; then"
			print "\t\tcase \"$NAME\" in clone_parent-qq|clone_parent--quiet-exit) ;;"
			print "\t\t*) fail_ \"empty expected output \" \"" file "\" \" before any non-empty one\" ;; esac"
			print "\tfi"
			print "\t[ ! -s \"" file "\" ] || SUITE_NONEMPTY_SEEN=1"
			inside = ""
		}
	' "$tests_dir/init.sh" > "$work/init.sh"
	[ "$(grep -c "$guard" "$work/init.sh")" = 2 ] ||
		{ echo "$0: could not patch $tests_dir/init.sh (not strace 6.1?)" >&2; exit 1; }
	cp "$work/init.sh" "$tests_dir/init.sh"
fi

run() { # STRACE-PATH TEST...
	local strace=$1; shift
	make -C "$tests_dir" -k -j"$jobs" check STRACE="$strace" TIMEOUT_DURATION="$timeout" \
		${1+TESTS="$*"} > "$work/make.log" 2>&1 || true
}

# A tracer that never runs the program must fail every test of the sample.
printf '#!/bin/sh\nexit 0\n' > "$work/none/strace"
chmod +x "$work/none/strace"
sample="ioctl_rtc.gen.test chdir.gen.test utimes.gen.test futex.test read-write.gen.test"
# the sample's earlier results, put back afterwards for the tests this run does not redo
mkdir "$work/keep"
(cd "$tests_dir" && cp -p ${sample//.test/.log} ${sample//.test/.trs} "$work/keep/" 2>/dev/null || true)
run "$work/none/strace" $sample
vacuous=$(cd "$tests_dir" && grep -l '^:test-result: PASS' ${sample//.test/.trs} 2>/dev/null || true)
if [ -n "$vacuous" ]; then
	echo "$0: a tracer that does nothing passed: $vacuous" >&2
	exit 1
fi
# make would otherwise keep the sample's results from the tracer that does nothing
for t in $sample; do
	base=${t%.test}
	rm -f "$tests_dir/$base.log" "$tests_dir/$base.trs"
	case " $* " in *" $t "*) continue ;; esac
	[ $# -eq 0 ] || cp -p "$work/keep/$base.log" "$work/keep/$base.trs" "$tests_dir/" 2>/dev/null || true
done

start=$(date +%s)
run "$work/bin/strace" "$@"
end=$(date +%s)

cd "$tests_dir"
if [ $# -gt 0 ]; then
	trs=$(printf '%s\n' "$@" | sed 's/\.test$/.trs/')
else
	trs=$(ls -- *.trs)
fi
echo "strace 6.1 test suite, tracer $tracer, $((end - start)) s:"
# shellcheck disable=SC2086
grep -h '^:test-result' $trs | sort | uniq -c
# shellcheck disable=SC2086
grep -l '^:test-result: FAIL' $trs | sed 's/\.trs$//' > "$tests_dir/sysray-suite.failed" || true
echo "failing tests listed in $tests_dir/sysray-suite.failed (each one's diff is in $tests_dir/NAME.log)"
