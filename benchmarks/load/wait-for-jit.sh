#!/bin/sh
# Waits until the JIT compilers of JVM $1 have had nothing queued for three checks in a row (at most $2 seconds,
# default 300), then prints how long that took. On two cores under 32 clients the C2 compiler thread gets a small
# share of the CPU, so a warm-up leaves a queue of methods still running in profiled C1 code; a server that runs all
# day has long since compiled them, and the measured run should see that server, not a half-compiled one.
pid=$1
limit=${2:-300}
waited=0
quiet=0
while [ "$quiet" -lt 3 ] && [ "$waited" -lt "$limit" ]; do
    queued=$(jcmd "$pid" Compiler.queue | grep -c '::')
    if [ "$queued" -eq 0 ]; then quiet=$((quiet + 1)); else quiet=0; fi
    sleep 2
    waited=$((waited + 2))
done
echo "JIT queues empty after ${waited} s (limit ${limit} s)"
