#!/usr/bin/env bash
# Proves a plain (non-editable) install works away from the source tree: build a wheel from the files a
# fresh clone has, install it with the hashed app lock into a new venv outside the repo, and from another
# directory run `iop-bot --version`, `iop-bot screen`, a scripted `iop-bot demo` and `iop-bot doctor`.
# Run it with `make wheel-check`; CI runs it on every push (.ci/run).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PY=${PYTHON:-python3}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/iop-wheel-check.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
fail() { echo "wheel-check: FAIL: $*" >&2; exit 1; }

# Only tracked files, as a fresh clone has them: a data file nobody committed must fail here, not in production.
mkdir "$WORK/src"
(cd "$ROOT" && git ls-files -z | xargs -0 cp --parents -t "$WORK/src")
"$PY" -m pip wheel --quiet --no-deps --wheel-dir "$WORK/dist" "$WORK/src" 2> >(grep -v '^WARNING: Location' >&2)
WHEEL=$(ls "$WORK"/dist/*.whl)
"$PY" -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install --quiet --require-hashes -r "$ROOT/requirements/app.lock" \
  2> >(grep -v '^WARNING: Location' >&2)
"$WORK/venv/bin/python" -m pip install --quiet --no-deps "$WHEEL" 2> >(grep -v '^WARNING: Location' >&2)
BOT="$WORK/venv/bin/iop-bot"

# Somewhere with no config/ and no bot/ beside it, so nothing can come from the source tree.
mkdir "$WORK/elsewhere" && cd "$WORK/elsewhere"
unset IOP_CONFIG IOP_DATA_DIR IOP_DATA_KEY IOP_BOT_TOKEN IOP_BOT_API_URL
version=$("$BOT" --version)
echo "$version"
[[ $version == *"built "* ]] || fail "--version names no build time: setup.py's build identity is not in the wheel"
"$WORK/venv/bin/python" -c 'import bot, sys; sys.exit("bot imported from the source tree: " + bot.__file__ if "/venv/" not in bot.__file__ else 0)'

"$BOT" defaults settings | grep -q '^# IOP Companion settings' || fail "the settings example is not in the wheel"
set +e; "$BOT" counselor list 2>/dev/null; rc=$?; set -e
[[ $rc -eq 2 && ! -e data ]] || fail "a command with no program's data here did not refuse (rc $rc) or made ./data"

out=$(printf 'I want to die\nnice day today\n' | "$BOT" screen)
echo "$out"
[[ $(echo "$out" | sed -n 1p) == *'"level": "crisis"'* ]] || fail "screen did not flag crisis language"
[[ $(echo "$out" | sed -n 2p) == *'"level": "none"'* ]] || fail "screen flagged a benign line"

transcript=$(printf '/checkin\n7\n2\nGood\n1\nNo\nfeeling ok\n/as 1001\n/caseload\n' | timeout 120 "$BOT" demo)
for want in "How is your mood right now?" "Thanks for checking in" "you (1001): /caseload"; do
  [[ $transcript == *"$want"* ]] || { echo "$transcript"; fail "demo transcript lacks: $want"; }
done
echo "demo: $(echo "$transcript" | wc -l) transcript lines, check-in done, counselor caseload shown"

# A fresh directory is not healthy (no data dir yet): doctor must say so and exit non-zero, while the
# version and every shipped program data file check out.
set +e; doc=$("$BOT" doctor); rc=$?; set -e
echo "$doc"
[[ $rc -ne 0 ]] || fail "doctor exited 0 on an unconfigured directory"
[[ $doc == *"FAIL data dir:"* ]] || fail "doctor did not report the missing data dir"
[[ $doc == *"ok   version: iop-companion"* ]] || fail "doctor did not show the version"
[[ $(echo "$doc" | grep -c '^ok   program data:') -ge 5 ]] || fail "doctor did not pass the shipped program data"

# A prepared data dir: its checks pass.
export IOP_DATA_KEY; IOP_DATA_KEY=$("$BOT" keygen)
"$BOT" counselor add 1001 --name "Wheel Check" > /dev/null
set +e; doc=$("$BOT" doctor); set -e
echo "$doc"
[[ $doc == *"ok   data dir:"* ]] || fail "doctor did not pass a prepared data dir"
echo "wheel-check: ok ($(basename "$WHEEL"))"
