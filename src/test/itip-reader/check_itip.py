"""Reads iTIP messages (RFC 5546) with Debian's python3-icalendar, a reader Relief did not write.

Usage: check_itip.py FILE...   Each file is one calendar message. For each, checks what a calendar app needs to
treat it as an invitation (METHOD REQUEST) or as its cancellation (METHOD CANCEL): exactly one VEVENT with a UID,
a SEQUENCE, a DTSTAMP, an ORGANIZER and an ATTENDEE that are mailto addresses, the attendee asked to reply in a
REQUEST, STATUS:CANCELLED in a CANCEL. Prints one line per file: METHOD UID SEQUENCE DTSTART(UTC, ISO).
Exits 1 (naming the file and the rule) on the first message that breaks a rule, 2 when the reader is missing.
"""
import sys
from datetime import timezone

try:
    import icalendar
except ImportError:
    print("python3-icalendar is not installed (apt-get install python3-icalendar)", file=sys.stderr)
    sys.exit(2)


def fail(path, rule):
    print(f"{path}: {rule}", file=sys.stderr)
    sys.exit(1)


def check(path):
    with open(path, "rb") as f:
        calendar = icalendar.Calendar.from_ical(f.read())
    method = str(calendar.get("METHOD", ""))
    if method not in ("REQUEST", "CANCEL"):
        fail(path, f"METHOD is {method!r}, not REQUEST or CANCEL")
    if not calendar.get("PRODID") or str(calendar.get("VERSION")) != "2.0":
        fail(path, "PRODID and VERSION:2.0 are required")
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    if len(events) != 1:
        fail(path, f"{len(events)} VEVENTs, expected 1")
    event = events[0]
    for required in ("UID", "DTSTAMP", "SEQUENCE", "ORGANIZER", "ATTENDEE", "DTSTART"):
        if event.get(required) is None:
            fail(path, f"{required} missing")
    organizer = event.get("ORGANIZER")
    attendees = event.get("ATTENDEE")
    attendees = attendees if isinstance(attendees, list) else [attendees]
    if not str(organizer).lower().startswith("mailto:"):
        fail(path, f"ORGANIZER {organizer!r} is not a mailto address")
    for attendee in attendees:
        if not str(attendee).lower().startswith("mailto:"):
            fail(path, f"ATTENDEE {attendee!r} is not a mailto address")
        if method == "REQUEST":
            if attendee.params.get("RSVP") != "TRUE" or attendee.params.get("PARTSTAT") != "NEEDS-ACTION":
                fail(path, "a REQUEST's ATTENDEE must have RSVP=TRUE and PARTSTAT=NEEDS-ACTION")
    status = str(event.get("STATUS", ""))
    if method == "CANCEL" and status != "CANCELLED":
        fail(path, f"a CANCEL needs STATUS:CANCELLED, not {status!r}")
    if method == "REQUEST" and status == "CANCELLED":
        fail(path, "a REQUEST cannot be CANCELLED")
    sequence = int(event.get("SEQUENCE"))
    start = event.decoded("DTSTART")
    utc = start.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    print(f"{method} {event.get('UID')} {sequence} {utc} {organizer} {attendees[0]}")


for path in sys.argv[1:]:
    check(path)
