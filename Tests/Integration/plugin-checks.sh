#!/usr/bin/env bash
# The plugins in a scratch copy of Tests/Integration/PluginConsumer, under a path with spaces, depending on this
# repository by its absolute path:
#   1. a clean build, one build for SwiftPM to settle its plugin-tool pass, then a no-op build that must not run
#      cti-codegen;
#   2. editing one spec file reruns only its target's generation (also through a symbolic link);
#   3. a broken spec file, and a broken cti-codegen.yaml, fail `swift build` with a located diagnostic
#      (`phone.cti.yaml:<line>:<col>: error: ...`) pointing into the user's file;
#   4. the command plugin: committed output is up to date (--check), a spec edit is written and reported, a broken
#      spec writes nothing, and a Generated folder linked to outside the package or a build-plugin target is refused.
# Exits non-zero at the first check that fails. Usage: Tests/Integration/plugin-checks.sh
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
consumer="$repo/Tests/Integration/PluginConsumer"
scratch=$(mktemp -d "${TMPDIR:-/tmp}/cti plugin checks.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
copy="$scratch/Plugin Consumer"
log="$scratch/build.log"
mkdir "$copy"

fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }
note() { printf -- '--- %s\n' "$*"; }

# The copy depends on this repository by absolute path, and its session spec is a symbolic link to a scratch copy of
# spec/session.yaml, so editing it below leaves the repository alone.
(cd "$consumer" && tar -c --exclude=./.build --exclude=./.swiftpm --exclude=./Package.resolved .) | tar -x -C "$copy"
manifest=$(<"$copy/Package.swift")
[[ $manifest == *'path: "../../.."'* ]] || fail "the consumer's Package.swift no longer depends on path: \"../../..\""
printf '%s\n' "${manifest//'path: "../../.."'/"path: \"$repo\""}" >"$copy/Package.swift"
mkdir "$scratch/spec copy"
cp "$repo/spec/session.yaml" "$scratch/spec copy/session.yaml"
ln -sfn "$scratch/spec copy/session.yaml" "$copy/Sources/SessionBindings/session.cti.yaml"
phone="$copy/Sources/Telephony/Spec Files/phone.cti.yaml"
config="$copy/Sources/Telephony/Spec Files/cti-codegen.yaml"
voicemail="$copy/Sources/Voicemail/voicemail.cti.yaml"
cd "$copy"

# Runs `swift build` (arguments passed on), output in $log; prints the wall time; returns the build's status.
build() {
    local start ms status=0
    start=$(date +%s%N)
    swift build "$@" >"$log" 2>&1 || status=$?
    ms=$((($(date +%s%N) - start) / 1000000))
    printf '    swift build %s: %d.%02d s, status %d, cti-codegen ran for: %s\n' "$*" $((ms / 1000)) $((ms % 1000 / 10)) \
        "$status" "$(grep -o 'for [A-Za-z]* with cti-codegen' "$log" | cut -d' ' -f2 | sort -u | tr '\n' ' ')"
    return "$status"
}
ran_for() { grep -q "for $1 with cti-codegen" "$log"; }

note "clean build of the copy (builds cti-codegen for the plugin)"
build || { cat "$log"; fail "the clean build of the copy failed"; }
ran_for Telephony && ran_for SessionBindings || { cat "$log"; fail "the clean build did not generate both targets"; }

# SwiftPM's native build system builds a plugin's tool in a pass of its own, and the build after a clean build
# links the tool again once (and so reruns generation, which rewrites nothing); from then on a build is a no-op.
note "the build after the clean build (SwiftPM settles its plugin-tool pass)"
build || { cat "$log"; fail "the second build failed"; }

note "no-op build"
build || { cat "$log"; fail "the no-op build failed"; }
! grep -q 'with cti-codegen\|^cti-codegen:' "$log" || { cat "$log"; fail "a no-op build ran cti-codegen"; }

note "one spec file edited: only its target is generated again, and compiled"
sed -i 's/^title: Phone Destination Messages$/title: Phone Destination Messages (edited)/' "$phone"
build || { cat "$log"; fail "the build after editing phone.cti.yaml failed"; }
ran_for Telephony || { cat "$log"; fail "editing phone.cti.yaml did not rerun Telephony's generation"; }
! ran_for SessionBindings || { cat "$log"; fail "editing phone.cti.yaml reran SessionBindings' generation"; }
grep -q 'Compiling Telephony' "$log" || { cat "$log"; fail "Telephony was not compiled again after its spec changed"; }
! grep -q 'Compiling Session' "$log" || { cat "$log"; fail "editing phone.cti.yaml compiled the session targets again"; }

note "the file a symbolic link points to edited: only that target is generated again"
printf '# an edit\n' >>"$scratch/spec copy/session.yaml"
build || { cat "$log"; fail "the build after editing session.yaml failed"; }
ran_for SessionBindings || { cat "$log"; fail "editing the linked session.yaml did not rerun SessionBindings' generation"; }
! ran_for Telephony || { cat "$log"; fail "editing session.yaml reran Telephony's generation"; }

note "a broken spec file fails the build with a diagnostic located in it"
cp "$phone" "$scratch/phone.good"
line=$(grep -n '^    swiftName: Dial$' "$phone" | cut -d: -f1)
[[ -n $line ]] || fail "phone.cti.yaml no longer has the line this check breaks"
sed -i "${line}s/swiftName:/swiftNme:/" "$phone"
if build --target Telephony; then cat "$log"; fail "the build succeeded with a broken spec"; fi
grep -E "Spec Files/phone\.cti\.yaml:$line:[0-9]+: error: " "$log" ||
    { cat "$log"; fail "no diagnostic located at phone.cti.yaml:$line in the build output"; }
cp "$scratch/phone.good" "$phone"

note "a broken cti-codegen.yaml fails the build with a diagnostic located in it"
cp "$config" "$scratch/config.good"
printf 'acces: public\n' >>"$config"
if build --target Telephony; then cat "$log"; fail "the build succeeded with an unknown configuration key"; fi
grep -E "Spec Files/cti-codegen\.yaml:[0-9]+:[0-9]+: error: " "$log" ||
    { cat "$log"; fail "no diagnostic located in cti-codegen.yaml in the build output"; }
cp "$scratch/config.good" "$config"

# The command plugin, run as a user would.
generate() { swift package --allow-writing-to-package-directory generate-cti-code "$@" >"$log" 2>&1; }
note "committed output of the consumer is up to date"
generate --check || { cat "$log"; fail "Tests/Integration/PluginConsumer/Sources/Voicemail/Generated is stale: run 'swift package --allow-writing-to-package-directory generate-cti-code' in Tests/Integration/PluginConsumer"; }
generate || { cat "$log"; fail "generate-cti-code failed"; }
grep -q 'generate-cti-code: 0 files written, 2 already up to date' "$log" || { cat "$log"; fail "an up-to-date run did not report so"; }

note "a spec edit is written and reported"
sed -i 's/^        notes: The message to play$/        notes: The message to play, by its id/' "$voicemail"
generate --target Voicemail || { cat "$log"; fail "generate-cti-code --target Voicemail failed"; }
cat "$log"
grep -q '^Voicemail: wrote Sources/Voicemail/Generated/Voicemail.swift$' "$log" || fail "the changed file was not reported"
grep -q '^Voicemail: up to date Sources/Voicemail/Generated/Routing.swift$' "$log" || fail "the unchanged file was not reported"
build --target Voicemail || { cat "$log"; fail "the regenerated Voicemail does not build"; }
written=$(cd Sources/Voicemail/Generated && sha256sum ./*.swift)

note "a broken spec writes nothing"
printf '  - name: voicemail.request.stop\n    kind: requets\n' >>"$voicemail"
if generate --target Voicemail; then cat "$log"; fail "generate-cti-code succeeded with a broken spec"; fi
grep -E 'voicemail\.cti\.yaml:[0-9]+:[0-9]+: error: ' "$log" || { cat "$log"; fail "no located diagnostic"; }
grep -q 'nothing written' "$log" || { cat "$log"; fail "the failure does not say that nothing was written"; }
[[ $(cd Sources/Voicemail/Generated && sha256sum ./*.swift) == "$written" ]] || fail "a failed run changed files"

note "a Generated folder that leads outside the package is refused"
mkdir "$scratch/outside"
mv Sources/Voicemail/Generated "$scratch/Generated.kept"
ln -s "$scratch/outside" Sources/Voicemail/Generated
if generate --target Voicemail; then cat "$log"; fail "generate-cti-code wrote through a link to outside the package"; fi
grep -q "leads outside the package" "$log" || { cat "$log"; fail "the refusal does not say why"; }
[[ -z $(ls -A "$scratch/outside") ]] || fail "generate-cti-code wrote outside the package"
rm Sources/Voicemail/Generated
mv "$scratch/Generated.kept" Sources/Voicemail/Generated

note "a target that uses the build plugin is refused"
if generate --target Telephony; then cat "$log"; fail "generate-cti-code wrote committed output for a build-plugin target"; fi
grep -q "does not choose committed output" "$log" || { cat "$log"; fail "the refusal does not say why"; }
printf 'plugin checks passed\n'
