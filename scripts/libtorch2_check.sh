#!/usr/bin/env bash
# Compiles (syntax only) every source that includes torch against a current LibTorch 2.x (Debian trixie).
# Usage: scripts/libtorch2_check.sh [SCRATCH]   (default /tmp/sta-libtorch2)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# With the project's warnings, against the headers of Debian trixie's libtorch-dev, fetched into
# SCRATCH with a private apt configuration (the system's is not touched). Needs
# build/compile_commands.json (scripts/setup.sh). Prints each file with an error or a warning in our
# code; exits non-zero if any.
SCRATCH="${1:-/tmp/sta-libtorch2}"
mkdir -p "$SCRATCH"/lists/partial "$SCRATCH"/cache/archives/partial "$SCRATCH"/root
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main" > "$SCRATCH/sources.list"
APT=(-o Dir::State::Lists="$SCRATCH/lists" -o Dir::Etc::SourceList="$SCRATCH/sources.list" -o Dir::Etc::SourceParts=/dev/null
     -o Dir::Cache="$SCRATCH/cache" -o Dir::State::Status=/dev/null)
apt-get "${APT[@]}" update -qq
(cd "$SCRATCH" && rm -f libtorch-dev_*.deb && apt-get "${APT[@]}" download libtorch-dev 2>&1 | grep -v unsandboxed || true)
dpkg-deb -x "$SCRATCH"/libtorch-dev_*.deb "$SCRATCH/root"
echo "libtorch2_check: headers of $(basename "$SCRATCH"/libtorch-dev_*.deb .deb)"
python3 - "$SCRATCH/root/usr/include" <<'PY'
import concurrent.futures, json, os, shlex, subprocess, sys
include = sys.argv[1]
root = os.getcwd()
jobs = []
for entry in json.load(open("build/compile_commands.json")):
    source = entry["file"]
    if not source.startswith(root + "/") or "/build" in source:
        continue
    if "torch" not in open(source).read() and "cmake_pch" not in entry["command"]:
        continue
    args, kept, skip = shlex.split(entry["command"]), [], False
    for i, arg in enumerate(args):
        if skip:
            skip = False
        elif arg == "-o" or (arg == "-include" and "cmake_pch" in args[i + 1]):
            skip = True
        elif not arg.startswith("-Winvalid-pch"):
            kept.append(arg)
    jobs.append((source, [kept[0], "-isystem", include, "-isystem", include + "/torch/csrc/api/include", "-fsyntax-only"] + kept[1:], entry["directory"]))
def check(job):
    source, command, folder = job
    run = subprocess.run(command, cwd=folder, capture_output=True, text=True)
    ours = [line for line in run.stderr.splitlines() if ("warning" in line or "error" in line) and root in line]
    return source, run.returncode, ours
failed = 0
with concurrent.futures.ThreadPoolExecutor(os.cpu_count()) as pool:
    for source, code, ours in pool.map(check, jobs):
        if code != 0 or ours:
            failed += 1
            print(f"== {source} (exit {code})", *ours[:8], sep="\n")
print(f"libtorch2_check: {len(jobs)} files, {failed} with errors or warnings in our code")
sys.exit(1 if failed else 0)
PY
