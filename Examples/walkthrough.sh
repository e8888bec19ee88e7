#!/usr/bin/env bash
# The therapist workflow, end to end, on a fresh temporary practice:
# a client with a SMART goal, a thought record daily at 20:00 for three
# weeks ("5 of 7 days", a token economy), a week of entries logged from
# flags, a JSON file and standard input, status, history and a reward; then
# the client portal: an invite, and one entry the client sends through the
# running server (with curl, as a phone's browser would).
#
# Usage: walkthrough.sh [--check] PATH/TO/carryover
# With --check, every step's output is compared with what it must print
# and the script fails on the first difference. With WALKTHROUGH_KEEP=DIR
# the practice and its exports (report.html, .ics, FHIR, CSV) stay in DIR.
set -euo pipefail
check=false
if [[ "${1:-}" == "--check" ]]; then check=true; shift; fi
carryover="${1:?usage: walkthrough.sh [--check] PATH/TO/carryover}"
examples="$(cd "$(dirname "$0")" && pwd)"
entry="$examples/../Modalities/thought-record/examples/entry.json"

server=""
if [[ -n "${WALKTHROUGH_KEEP:-}" ]]; then
    work="$WALKTHROUGH_KEEP"
    rm -rf "$work/practice" && mkdir -p "$work"
else
    work="$(mktemp -d)"
fi
# The portal server (started near the end) never outlives the script.
cleanup() {
    if [[ -n "$server" ]]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    if [[ -z "${WALKTHROUGH_KEEP:-}" ]]; then rm -rf "$work"; fi
}
trap cleanup EXIT
export CARRYOVER_PRACTICE="$work/practice" NO_COLOR=1

# Runs one step at a fixed instant (CARRYOVER_NOW, UTC) and shows it.
step() {
    local now="$1"; shift
    printf '\n$ carryover %s\n' "$*"
    CARRYOVER_NOW="$now" "$carryover" "$@" | tee "$work/out"
}

# With --check: the last step's output must contain this text.
expect() {
    $check || return 0
    grep -qF -- "$1" "$work/out" || { echo "walkthrough: expected '$1' in the output above" >&2; exit 1; }
}

# Monday 30 November 2026, 09:00 in Berlin.
monday=2026-11-30T08:00:00Z
step $monday init "$CARRYOVER_PRACTICE";                     expect "Created a practice"
step $monday client add c-017 --name "Client 17" --time-zone Europe/Berlin
expect "Added client c-017 (Europe/Berlin)"
step $monday goal add c-017 --title "Fewer anxious evenings" \
    --specific "write a thought record when anxiety rises above 50" \
    --measure "5 thought records a week" --achievable "10 minutes after dinner, already did 2 last week" \
    --relevant "panic disorder: catastrophic thoughts" --by 2027-02-28
expect "SMART: all five letters are there."
step $monday goal phase c-017-g1 --title "Notice and record" --from 2026-11-30 --to 2026-12-20
expect "Added phase c-017-g1-p1"
step $monday types;                                           expect "org.carryover.thought-record"
step $monday goal task c-017-g1 --phase c-017-g1-p1 --title "Thought records"
expect "Added task c-017-g1-p1-t1"
step $monday assign c-017 org.carryover.thought-record \
    --schedule "daily at 20:00 for 3 weeks" --rule "5 of 7 days" \
    --reinforce "token economy" --reward "Movie night=3" --task c-017-g1-p1-t1
expect "Assigned c-017-1"

# Monday 19:30 in Berlin: from flags (JSON values for the lists).
step 2026-11-30T18:30:00Z log c-017-1 \
    --set situation="Friend did not answer my message" \
    --set 'emotions=[{"name":"anxious","intensity":80}]' \
    --set automatic_thought="She is angry with me" --set thought_belief=90 \
    --set 'evidence_for=["She usually answers fast"]' \
    --set 'evidence_against=["She said she had a busy week"]' \
    --set balanced_thought="She is probably busy" --set balanced_belief=70 \
    --set thought_belief_after=40 --set 'emotions_after=[{"name":"anxious","intensity":40}]'
expect "You earned 1 token."
expect "Balance: 1 token"
# Tuesday and Wednesday: from a JSON file.
step 2026-12-01T18:30:00Z log c-017-1 --file "$entry";   expect "Balance: 2 tokens"
step 2026-12-02T18:30:00Z log c-017-1 --file "$entry";   expect "Balance: 3 tokens"
# Thursday is missed. Friday and Saturday: from standard input.
printf '\n$ carryover log c-017-1 --file - < entry.json\n'
CARRYOVER_NOW=2026-12-04T18:30:00Z "$carryover" log c-017-1 --file - < "$entry" | tee "$work/out"
expect "Balance: 4 tokens"
CARRYOVER_NOW=2026-12-05T18:30:00Z "$carryover" log c-017-1 --file - < "$entry" | tee "$work/out"
expect "So far: 5 done of scheduled times 1-7 (needs 5 of 7) - met"

# A bad entry: every problem named, nothing saved, exit status 65.
printf '\n$ carryover log c-017-1 --set thought_belief=140\n'
status=0
CARRYOVER_NOW=2026-12-06T18:30:00Z "$carryover" log c-017-1 --set thought_belief=140 2> "$work/out" || status=$?
cat "$work/out"
expect "thought_belief:"
$check && [[ $status -eq 65 ]] || ! $check || { echo "walkthrough: expected exit 65, got $status" >&2; exit 1; }

# Saturday 20:30 in Berlin: where the client stands.
saturday=2026-12-05T19:30:00Z
step $saturday status c-017
expect "Adherence: 5 of 6 scheduled times done (83%)"
expect "Streak: 2 in a row now, longest 3"
expect "Balance: 5 tokens"
step $saturday status;                                      expect "c-017  active 1  adherence 83%"
step $saturday history c-017;                               expect "Sat 2026-12-05 19:30"
step $saturday rewards redeem c-017-1 movie-night;          expect "Balance: 2 tokens."
step $saturday rewards show c-017-1;                        expect "movie-night: Movie night, 3 tokens"

# What the therapist takes away: a report, calendar reminders, FHIR, CSV.
step $saturday report c-017 --out "$work/report.html"
step $saturday export ics c-017 --out "$work/c-017.ics"
step $saturday export fhir c-017 --out "$work/c-017.fhir.json"
step $saturday export csv c-017 --out "$work/c-017.csv"
if $check; then
    grep -q "<svg" "$work/report.html" || { echo "walkthrough: the report has no chart" >&2; exit 1; }
    grep -q "RRULE:FREQ=DAILY;BYHOUR=20;BYMINUTE=0" "$work/c-017.ics" \
        || { echo "walkthrough: the calendar has no daily 20:00 series" >&2; exit 1; }
    grep -q '"resourceType" *: *"Bundle"' "$work/c-017.fhir.json" \
        || { echo "walkthrough: the FHIR export is not a Bundle" >&2; exit 1; }
    [[ $(wc -l < "$work/c-017.csv") -eq 6 ]] \
        || { echo "walkthrough: the CSV should have a header and 5 entries" >&2; exit 1; }
fi
# Sunday 19:30 in Berlin: the client does the homework on the portal.
sunday=2026-12-06T18:30:00Z
printf '\n$ carryover serve --port 0 &\n'
CARRYOVER_NOW=$sunday "$carryover" serve --port 0 > "$work/serve.out" 2> "$work/serve.log" &
server=$!
for _ in $(seq 100); do grep -q "listening" "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
cat "$work/serve.out"
base="$(grep -o 'http://[0-9.]*:[0-9]*' "$work/serve.out")"
step $sunday client invite c-017 --base-url "$base"
link="$(tail -n 1 "$work/out")"
# The client's phone: open the link, continue, open the thought record, send it.
jar="$work/cookies"
browse() { curl --silent --show-error --cookie "$jar" --cookie-jar "$jar" "$@"; }
field() { grep -o "name=\"$1\" value=\"[^\"]*\"" "$work/page" | head -n 1 | sed 's/.*value="//; s/"$//'; }
browse "$link" > "$work/page"
browse --data-urlencode "_csrf=$(field _csrf)" --data-urlencode "token=${link##*/}" \
    --data "keep=yes" "$base/invite" > /dev/null
browse "$base/" > "$work/page"
form="$(grep -o 'href="/homework/[0-9a-f]*"' "$work/page" | head -n 1 | sed 's/href="//; s/"$//')"
browse "$base$form" > "$work/page"
printf '\n(the client sends a thought record from the portal)\n'
browse -H "Sec-Fetch-Site: same-origin" \
    --data-urlencode "_csrf=$(field _csrf)" --data-urlencode "_key=$(field _key)" \
    --data-urlencode "situation=Waiting for the bus, a friend walked past without waving" \
    --data-urlencode "emotions[1].name=hurt" --data-urlencode "emotions[1].intensity=70" \
    --data-urlencode "emotions[2].name=anxious" --data-urlencode "emotions[2].intensity=60" \
    --data-urlencode "automatic_thought=She does not want to see me" \
    --data-urlencode "thought_belief=80" \
    --data-urlencode "evidence_for[1]=She looked my way" \
    --data-urlencode "evidence_against[1]=She was on the phone" \
    --data-urlencode "balanced_thought=She probably did not see me" \
    --data-urlencode "balanced_belief=70" --data-urlencode "thought_belief_after=30" \
    --data-urlencode "emotions_after[1].name=hurt" --data-urlencode "emotions_after[1].intensity=30" \
    --data-urlencode "emotions_after[2].name=anxious" --data-urlencode "emotions_after[2].intensity=20" \
    "$base$form" | sed -n '/<main/,/<\/main>/p' | sed 's/<[^>]*>//g; /^[[:space:]]*$/d' | tee "$work/out"
expect "Saved – thank you"
expect "your feelings eased by 40 points on average"
expect "You earned 1 token."
kill "$server"; wait "$server" 2>/dev/null || true; server=""
printf '\n(the server is stopped)\n'
step $sunday history c-017;                        expect "[client via portal]"
step $sunday status c-017
expect "Portal: last opened Sun 2026-12-06 19:30"
expect "From the portal: 1 of 6 entries"

if ! $check; then
    if [[ -n "${WALKTHROUGH_KEEP:-}" ]]; then
        echo "The practice, report, calendar, FHIR and CSV files are in $work."
    else
        echo "(Set WALKTHROUGH_KEEP=DIR to keep the practice and these files.)"
    fi
fi

if $check; then echo; echo "walkthrough: all checks passed"; fi
