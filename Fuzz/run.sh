#!/usr/bin/env bash
# Builds and runs a libFuzzer target (kept out of the SwiftPM graph).
#
#   Fuzz/run.sh TARGET [RUNS] [extra libFuzzer flags]
#
# TARGET is a file Fuzz/Targets/TARGET.swift whose first line names the SDK modules it
# needs, in dependency order:  // modules: NHICore NHIFormats
# A second line may name single source files compiled into the target itself, for parsers
# whose module also needs packages this script cannot build:  // sources: Sources/X/A.swift …
# The modules are compiled from Sources/ with -sanitize=fuzzer,address into Fuzz/.out; the
# packages they import (swift-crypto for NHIFormats) are linked from SwiftPM's build.
# New inputs go to Fuzz/.out/TARGET/corpus; the committed seeds in Fuzz/corpus/TARGET are
# only read. Prints libFuzzer's summary; the last line is "TARGET: N executions, exit S".
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: Fuzz/run.sh TARGET [RUNS]}
runs=${2:-1000000}
shift $(( $# >= 2 ? 2 : 1 ))
src="Fuzz/Targets/$target.swift"
out="Fuzz/.out/$target"
mkdir -p "$out/corpus" "Fuzz/corpus/$target"
modules=$(head -1 "$src" | sed -n 's|^// modules: ||p')
# -package-name: the modules share `package` declarations (NHICore's iconv wrapper), as in SwiftPM.
flags=(-parse-as-library -sanitize=fuzzer,address -O -g -enable-testing -package-name nhi -I "$out")
# Packages the modules import (NHIFormats: swift-crypto's Crypto, for content hashes) come from
# SwiftPM's own build: their modules from the bin path's Modules, their objects (not
# instrumented) linked in.
package_flags=()
package_objects=()
if [[ " $modules " == *" NHIFormats "* ]]; then
  swift build --target Crypto >/dev/null
  bin=$(swift build --show-bin-path)
  package_flags=(-I "$bin/Modules")
  while IFS= read -r map; do package_flags+=(-Xcc "-fmodule-map-file=$map"); done \
    < <(find .build/checkouts/swift-crypto/Sources -name module.modulemap | sort)
  mapfile -t package_objects < <(find "$bin"/{Crypto,CCryptoBoringSSL,CCryptoBoringSSLShims,CryptoBoringWrapper,CXKCP,CXKCPShims}.build -name '*.o' | sort)
  package_objects+=(-lstdc++)
fi
objects=()
for m in $modules; do
  mapfile -t files < <(find "Sources/$m" -name '*.swift' | sort)
  swiftc "${flags[@]}" "${package_flags[@]}" -module-name "$m" -wmo -emit-module -emit-module-path "$out/$m.swiftmodule" \
    -c "${files[@]}" -o "$out/$m.o" 2>&1 | grep -v "Cannot export local symbol" || true
  objects+=("$out/$m.o")
done
extra_sources=$(sed -n '2s|^// sources: ||p' "$src")
# shellcheck disable=SC2086
swiftc "${flags[@]}" "${package_flags[@]}" -module-name "Fuzz_$target" "$src" $extra_sources "${objects[@]}" "${package_objects[@]}" -o "$out/fuzzer" 2>&1 \
  | grep -v "Cannot export local symbol" || true
log="$out/run.log"
set +e
# No leak checking (the Swift runtime's metadata caches read as leaks, and leaks are not among
# the invariants) and no allocation stacks (a memory error is still caught and reported, without
# where the memory was allocated): together they were ~45 % of the time. Override with ASAN_OPTIONS.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:malloc_context_size=0}"
SWIFT_BACKTRACE=enable=no "$out/fuzzer" -artifact_prefix="$out/" -runs="$runs" -max_len=4096 -timeout=10 -print_final_stats=1 "$@" "$out/corpus" "Fuzz/corpus/$target" >"$log" 2>&1
status=$?
set -e
grep -E "^(Done|stat::number_of_executed_units|==.*ERROR|SUMMARY)" "$log" || true
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
echo "$target: ${execs:-?} executions, exit $status"
exit $status
