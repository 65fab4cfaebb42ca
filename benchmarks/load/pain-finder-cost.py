#!/usr/bin/env python3
"""CPU cost per request of GET /actuator/health and POST /api/pain-finder, for a shared machine.

Runs the same alternating wrk pairs as pain-finder-ratio.sh, but also reads the CPU time that the server's JVM and
its embedded PostgreSQL (every process under the postmaster of the given data folder) and wrk itself used in each
run. CPU time per request is far less disturbed by other work on the machine than requests per second are; when
the server and wrk saturate the cores on a quiet machine, the throughput ratio approaches cost(health) / cost(POST).

Usage: pain-finder-cost.py BASE_URL JVM_PID DATA_DIR [PAIRS] [SECONDS]
  e.g. pain-finder-cost.py http://localhost:8080 "$(pgrep -f relief-0.1.0-SNAPSHOT.jar)" /tmp/relief-load 5 10
"""
import os
import re
import statistics
import subprocess
import sys

TICK = os.sysconf("SC_CLK_TCK")
WARM_UP_SECONDS = 30
SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pain-finder.lua")


def ticks(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def postgres_pids(data_dir):
    pids = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as cmd:
                if f"-D {data_dir}/postgres".encode() in cmd.read().replace(b"\0", b" "):
                    pids.append(pid)
        except OSError:
            pass
    children = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as stat:
                if stat.read().rsplit(")", 1)[1].split()[1] in pids:
                    children.append(pid)
        except OSError:
            pass
    return pids + children


def server_ticks(jvm, data_dir):
    database = 0
    for pid in postgres_pids(data_dir):
        try:
            database += ticks(pid)
        except OSError:
            pass
    return ticks(jvm), database


def run(args, jvm, data_dir, seconds):
    jvm_before, db_before = server_ticks(jvm, data_dir)
    wrk_before = os.times()
    out = subprocess.run(["wrk", "-t2", "-c16", f"-d{seconds}s", *args], capture_output=True, text=True).stdout
    wrk_after = os.times()
    jvm_after, db_after = server_ticks(jvm, data_dir)
    if "Non-2xx" in out:
        sys.exit(out)
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    wrk_cpu = (wrk_after.children_user - wrk_before.children_user
               + wrk_after.children_system - wrk_before.children_system)
    per_request = 1e6 / TICK / requests
    return (rate, (jvm_after - jvm_before) * per_request, (db_after - db_before) * per_request,
            1e6 * wrk_cpu / requests)


def describe(measured):
    rate, jvm, database, wrk = measured
    return f"{rate:.0f}/s, CPU per request: JVM {jvm:.0f} us, PostgreSQL {database:.0f} us, wrk {wrk:.0f} us"


def main():
    base, jvm, data_dir = sys.argv[1], sys.argv[2], sys.argv[3]
    pairs = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    seconds = int(sys.argv[5]) if len(sys.argv) > 5 else 10
    health = [base + "/actuator/health"]
    post = ["-s", SCRIPT, base + "/api/pain-finder"]
    run(health, jvm, data_dir, WARM_UP_SECONDS)  # the JIT compiles both paths before anything is counted
    run(post, jvm, data_dir, WARM_UP_SECONDS)
    ratios, cost_ratios = [], []
    for pair in range(1, pairs + 1):
        health_run = run(health, jvm, data_dir, seconds)
        post_run = run(post, jvm, data_dir, seconds)
        ratios.append(post_run[0] / health_run[0])
        cost_ratios.append(sum(health_run[1:]) / sum(post_run[1:]))
        load = open("/proc/loadavg").read().split()[0]
        print(f"pair {pair}: health {describe(health_run)}; POST {describe(post_run)}; "
              f"ratio {ratios[-1]:.2f}, cost ratio {cost_ratios[-1]:.2f}; load {load}")
    print(f"median throughput ratio {statistics.median(ratios):.2f}, "
          f"median cost ratio {statistics.median(cost_ratios):.2f}")


if __name__ == "__main__":
    main()
