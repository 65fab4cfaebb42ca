#!/bin/sh
# Alternating wrk runs against a running server: GET /actuator/health, then POST /api/pain-finder, PAIRS times,
# after a 30 s warm-up of each (the JIT compiles both paths before anything is counted). Prints each pair's
# requests/s and ratio, the median ratio, and the load average.
# Usage: benchmarks/load/pain-finder-ratio.sh [base-url] [pairs] [seconds]   (default http://localhost:8080 5 10)
set -eu
BASE=${1:-http://localhost:8080}
PAIRS=${2:-5}
SECONDS_PER_RUN=${3:-10}
SCRIPT=$(dirname "$0")/pain-finder.lua

rate() { # prints requests/s of one wrk run of $RUN seconds; fails the script when any response is not 2xx
    out=$(wrk -t2 -c16 -d"${RUN}s" "$@")
    if echo "$out" | grep -q 'Non-2xx'; then echo "$out" >&2; kill -TERM $$; fi
    echo "$out" | awk '/^Requests\/sec/ {print $2}'
}

RUN=30
echo "warm-up: $(rate "$BASE/actuator/health") health/s, $(rate -s "$SCRIPT" "$BASE/api/pain-finder") POST/s"
RUN=$SECONDS_PER_RUN
echo "load before: $(uptime | sed 's/.*load average: //')"
ratios=""
i=1
while [ "$i" -le "$PAIRS" ]; do
    health=$(rate "$BASE/actuator/health")
    post=$(rate -s "$SCRIPT" "$BASE/api/pain-finder")
    ratio=$(awk -v p="$post" -v h="$health" 'BEGIN {printf "%.2f", p / h}')
    ratios="$ratios $ratio"
    echo "pair $i: health $health/s, POST $post/s, ratio $ratio, load $(uptime | sed 's/.*load average: //')"
    i=$((i + 1))
done
echo "median ratio: $(echo $ratios | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')"
