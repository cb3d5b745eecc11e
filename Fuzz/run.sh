#!/usr/bin/env bash
# Builds one fuzz target with libFuzzer (and AddressSanitizer where it links) and fuzzes it for a
# bounded time from a temporary copy of its seed corpus. Exits non-zero on any finding (crash,
# trap, broken invariant, timeout, leak, out-of-memory) or when a past finding fails again.
#
#   Fuzz/run.sh FuzzSpec 60          # 60 seconds of spec fuzzing
#   Fuzz/run.sh FuzzWire 60 -jobs=2  # extra arguments go to libFuzzer
#
# CTI_FUZZ_SANITIZERS=fuzzer skips AddressSanitizer; CTI_FUZZ_KEEP_CORPUS=<folder> keeps the
# grown corpus there. A finding is copied to Fuzz/.findings/<target>/: turn it into a regression
# (Fuzz/Regressions/<target>/ and a unit test in the main package) once it is fixed.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
target="${1:-}"
seconds="${2:-}"
if [[ -z "$target" || -z "$seconds" ]]; then
    echo "usage: Fuzz/run.sh FuzzSpec|FuzzWire <seconds> [libFuzzer flags...]" >&2
    exit 2
fi
shift 2
case "$target" in
    FuzzSpec) corpus=spec; max_len=16384 ;;
    FuzzWire) corpus=wire; max_len=8192 ;;
    *) echo "unknown fuzz target '$target' (FuzzSpec or FuzzWire)" >&2; exit 2 ;;
esac

scratch="$here/.build"
# Crashes are reported by libFuzzer and AddressSanitizer; Swift's own backtracer would stall under them.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"

build() {
    local sanitizers="$1"
    local cflags=(-Xcc -fsanitize=fuzzer-no-link)
    [[ "$sanitizers" == *address* ]] && cflags=(-Xcc -fsanitize=fuzzer-no-link,address)
    swift build -c release --package-path "$here" --scratch-path "$scratch" --product "$target" \
        -Xswiftc -sanitize="$sanitizers" -Xswiftc -use-ld=lld "${cflags[@]}"
}

sanitizers="${CTI_FUZZ_SANITIZERS:-fuzzer,address}"
started=$SECONDS
if ! build "$sanitizers"; then
    if [[ "$sanitizers" == "fuzzer" ]]; then exit 1; fi
    echo "warning: the build with '$sanitizers' failed; building with libFuzzer only (no AddressSanitizer)" >&2
    sanitizers=fuzzer
    build "$sanitizers"
fi
echo "==> $target built with -sanitize=$sanitizers in $((SECONDS - started)) s"
binary="$(swift build -c release --package-path "$here" --scratch-path "$scratch" --show-bin-path)/$target"

work="$(mktemp -d "${TMPDIR:-/tmp}/cti-fuzz-$target.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" "$work/artifacts"
cp -R "$here/Corpus/$corpus/." "$work/corpus/"

common=(-timeout=10 -rss_limit_mb=4096 -max_len="$max_len" -dict="$here/Dictionaries/$corpus.dict"
    -artifact_prefix="$work/artifacts/" -print_final_stats=1)

report_finding() {
    local findings="$here/.findings/$target"
    mkdir -p "$findings"
    cp -R "$work/artifacts/." "$findings/" 2>/dev/null || true
    echo "FINDING: $target failed; its inputs are in Fuzz/.findings/$target:" >&2
    ls -1 "$findings" >&2 || true
}

# Past findings first: each must now pass.
regressions=("$here/Regressions/$target"/*)
if [[ -e "${regressions[0]}" ]]; then
    echo "==> $target: ${#regressions[@]} regression inputs"
    if ! "$binary" "${common[@]}" "${regressions[@]}" >"$work/regressions.log" 2>&1; then
        tail -n 60 "$work/regressions.log" >&2
        report_finding
        exit 1
    fi
fi

echo "==> $target: fuzzing for $seconds s from $(ls -1 "$work/corpus" | wc -l) seed inputs"
status=0
"$binary" "${common[@]}" -max_total_time="$seconds" "$@" "$work/corpus" >"$work/fuzz.log" 2>&1 || status=$?
grep -E '^#[0-9]+ +(INITED|DONE)|^stat::|^Done [0-9]+ runs' "$work/fuzz.log" || true
if [[ -n "${CTI_FUZZ_KEEP_CORPUS:-}" ]]; then
    mkdir -p "$CTI_FUZZ_KEEP_CORPUS"
    cp -R "$work/corpus/." "$CTI_FUZZ_KEEP_CORPUS/"
fi
if [[ $status -ne 0 ]] || ls "$work/artifacts/"* >/dev/null 2>&1; then
    tail -n 80 "$work/fuzz.log" >&2
    report_finding
    exit 1
fi
runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/fuzz.log" | tail -n 1)"
echo "==> $target: no finding in $seconds s (${runs:-?} executions)"
