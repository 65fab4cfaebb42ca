#!/usr/bin/env python3
"""Prepares and checks the booking throughput runs of docs/benchmarks.md (issue 4).

  prepare  URL PSQL_URL N_PATIENTS [EXTRA [WARMUP]]
           -> seeds patients (and EXTRA more therapists, each with a room, working the first demo therapist's hours),
              writes /tmp/booking-warmup.jsonl (the first WARMUP free slots, 1,000 unless given) and /tmp/booking-distinct.jsonl (the
              rest; free, mutually non-overlapping slots, one new patient each) and /tmp/booking-contended.jsonl
  count    PSQL_URL [SINCE]         -> prints appointments booked and overlapping pairs (therapist, room, patient),
                                       and bookings per wall-clock second of those created after SINCE (ISO time)

Needs the app running with the demo profile (therapists' hours and rooms) and psql on the PATH.
"""
import datetime as dt
import json
import random
import subprocess
import sys
import urllib.request
import uuid

SERVICE, MINUTES, BUFFER = "swedish", 30, 10


def psql(url, sql):
    return subprocess.run(["psql", url, "-Atq"], input=sql, check=True, capture_output=True, text=True).stdout


def availability(base, start, days):
    query = f"service={SERVICE}&minutes={MINUTES}&from={start}&to={start + dt.timedelta(days=days)}"
    with urllib.request.urlopen(f"{base}/api/booking/availability?{query}") as answer:
        return json.load(answer)


def prepare(base, db, patients, extra, warmup=1000):
    ids = [str(uuid.uuid4()) for _ in range(patients)]
    # Each with an e-mail address, as real clients have: every booking then queues its confirmation and reminder.
    values = ",".join(f"('{i}', 'Load', 'Client {n}', 'load-{i}@example.test', 'en', now())" for n, i in enumerate(ids))
    psql(db, f"insert into patient (id, first_name, last_name, email, language, created_at) values {values}")
    if extra:
        psql(db, f"""
            insert into booking_room (id, name) select gen_random_uuid(), 'Load room ' || n from generate_series(1, {extra}) n;
            create temp table model as select id from staff_account where role = 'THERAPIST' and listed
                order by email limit 1;
            create temp table added as select gen_random_uuid() as id, n from generate_series(1, {extra}) n;
            insert into staff_account (id, email, display_name, role, password_hash, listed)
                select id, 'load-therapist-' || n || '@example.test', 'Load Therapist ' || n, 'THERAPIST', '!', true
                from added;
            insert into booking_therapist_hours select a.id, h.day_of_week, h.starts, h.ends
                from added a, booking_therapist_hours h where h.therapist_id = (select id from model);
            insert into booking_therapist_break select a.id, b.day_of_week, b.starts, b.ends
                from added a, booking_therapist_break b where b.therapist_id = (select id from model);
            insert into booking_therapist_service select a.id, s.service_id
                from added a, booking_therapist_service s where s.therapist_id = (select id from model);""")
    today = dt.date.today()
    slots = availability(base, today, 30) + availability(base, today + dt.timedelta(days=31), 29)
    taken_until = {}
    chosen = []
    for slot in sorted(slots, key=lambda s: s["start"]):
        start = dt.datetime.fromisoformat(slot["start"].replace("Z", "+00:00"))
        therapist = slot["therapistId"]
        if therapist in taken_until and start < taken_until[therapist]:
            continue
        taken_until[therapist] = start + dt.timedelta(minutes=MINUTES + BUFFER)
        chosen.append((slot["start"], therapist))
    distinct = list(zip(chosen[:-4], ids))
    # Clients book in no particular order: shuffled (seeded), so concurrent requests spread over days and therapists
    # as real ones do, instead of 32 requests for the same hour queueing on the same therapists and rooms.
    random.Random(42).shuffle(distinct)
    for name, part in (("warmup", distinct[:warmup]), ("distinct", distinct[warmup:])):
        with open(f"/tmp/booking-{name}.jsonl", "w") as out:
            for (start, therapist), patient in part:
                out.write(json.dumps({"patientId": patient, "service": SERVICE, "minutes": MINUTES, "start": start,
                                      "therapistId": therapist}) + "\n")
    # Contended: 64 different patients all asking for the same four slots.
    with open("/tmp/booking-contended.jsonl", "w") as out:
        for n in range(64):
            start, therapist = chosen[-1 - n % 4]
            out.write(json.dumps({"patientId": ids[-1 - n], "service": SERVICE, "minutes": MINUTES, "start": start,
                                  "therapistId": therapist}) + "\n")
    print(f"{min(len(chosen) - 4, patients)} distinct slots written (the first {warmup} for warming up); "
          "4 more are kept for the contended run")


def count(db, since=None):
    booked = psql(db, "select count(*) from booking_appointment where status <> 'CANCELLED'").strip()
    overlaps = psql(db, """
        select count(*) from booking_appointment a join booking_appointment b on a.id < b.id
        where a.status <> 'CANCELLED' and b.status <> 'CANCELLED'
          and (a.therapist_id = b.therapist_id or a.room_id = b.room_id)
          and tstzrange(a.starts_at, a.blocked_until, '[)') && tstzrange(b.starts_at, b.blocked_until, '[)')
           or a.id < b.id and a.status <> 'CANCELLED' and b.status <> 'CANCELLED' and a.patient_id = b.patient_id
          and tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(b.starts_at, b.ends_at, '[)')""").strip()
    print(f"appointments booked: {booked}; overlapping pairs: {overlaps}")
    # Bookings written in each wall-clock second; the first and last seconds of a run are partial, so they are left out.
    after = f"where created_at > '{since}'" if since else ""
    per_second = [int(line.split("|")[1]) for line in psql(db, f"""
        select date_trunc('second', created_at) as second, count(*) from booking_appointment {after}
        group by second order by second""").splitlines() if line]
    full = sorted(per_second[1:-1])
    if full:
        print(f"bookings per second over {len(full)} full seconds: median {full[len(full) // 2]}, max {full[-1]}")


if __name__ == "__main__":
    if sys.argv[1] == "prepare":
        prepare(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]) if len(sys.argv) > 5 else 0,
                int(sys.argv[6]) if len(sys.argv) > 6 else 1000)
    else:
        count(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
