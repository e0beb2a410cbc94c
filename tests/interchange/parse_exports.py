#!/usr/bin/env python3
"""Reads Horizons' exports with parsers that are not ours.

    parse_exports.py WRITE_SAMPLES OUTDIR BOARD...

Runs write_samples to produce the .ics, .vcf and .canvas exports of the boards, then:
  - every .ics parses with python3-icalendar; events and to-dos have UID and DTSTAMP, lines end
    with CRLF and are at most 75 octets, escaped text reads back;
  - every .vcf parses with python3-vobject (vCard 4.0, FN and UID on every card, RELATED
    points at a UID in the same file);
  - every .canvas has the fields of JSON Canvas 1.0 (nodes: id, type, x, y, width, height and
    text / file / url / label by type; edges: id, fromNode, toNode and the optional fromSide,
    toSide, fromEnd, toEnd, color, label with their allowed values).
Prints "N passed, M failed" and exits non-zero on any failure.
"""
import json
import pathlib
import subprocess
import sys

import icalendar
import vobject

failures = []
passed = 0


def check(cond, what):
    global passed
    if cond:
        passed += 1
    else:
        failures.append(what)
        print("FAIL:", what)


def check_lines(path, data):
    check(data.endswith(b"\r\n"), f"{path.name}: ends with CRLF")
    lines = data.split(b"\r\n")[:-1]
    for i, line in enumerate(lines):
        if len(line) > 75 or b"\n" in line or b"\r" in line:
            check(False, f"{path.name}: line {i + 1} is {len(line)} octets or has a bare line break")
            return
    check(True, f"{path.name}: lines")


def check_ics(path):
    data = path.read_bytes()
    check_lines(path, data)
    cal = icalendar.Calendar.from_ical(data)
    check(str(cal.get("VERSION")) == "2.0", f"{path.name}: VERSION 2.0")
    check(cal.get("PRODID") is not None, f"{path.name}: PRODID")
    uids = set()
    count = 0
    for comp in cal.walk():
        if comp.name not in ("VEVENT", "VTODO"):
            continue
        count += 1
        uid = str(comp.get("UID"))
        check(uid and uid not in uids, f"{path.name}: unique UID {uid}")
        uids.add(uid)
        check(comp.get("DTSTAMP") is not None, f"{path.name}: DTSTAMP in {uid}")
        check(comp.get("SUMMARY") is not None, f"{path.name}: SUMMARY in {uid}")
        if comp.name == "VEVENT":
            check(comp.get("DTSTART") is not None, f"{path.name}: DTSTART in {uid}")
        rrule = comp.get("RRULE")
        if rrule is not None:
            check(rrule["FREQ"][0] in ("DAILY", "WEEKLY") and int(rrule["INTERVAL"][0]) > 0,
                  f"{path.name}: RRULE in {uid}")
        if comp.name == "VTODO":
            check(str(comp.get("STATUS")) in ("NEEDS-ACTION", "COMPLETED"),
                  f"{path.name}: STATUS in {uid}")
    check(count > 0, f"{path.name}: holds events or to-dos")
    return cal


def check_vcf(path):
    data = path.read_bytes()
    check_lines(path, data)
    cards = list(vobject.readComponents(data.decode("utf-8")))
    check(len(cards) > 0, f"{path.name}: holds cards")
    uids = {c.uid.value for c in cards if hasattr(c, "uid")}
    for c in cards:
        name = c.fn.value if hasattr(c, "fn") else ""
        check(c.version.value == "4.0", f"{path.name}: VERSION 4.0 for {name}")
        check(bool(name), f"{path.name}: FN")
        check(hasattr(c, "uid") and c.uid.value.startswith("urn:uuid:"), f"{path.name}: UID of {name}")
        check(hasattr(c, "n"), f"{path.name}: N of {name}")
        for rel in c.contents.get("related", []):
            check(rel.value in uids, f"{path.name}: RELATED of {name} names a card in the file")
    return cards


NODE_TYPES = {"text": "text", "file": "file", "link": "url", "group": None}
SIDES = {"top", "right", "bottom", "left"}
ENDS = {"none", "arrow"}


def check_color(value, where):
    ok = isinstance(value, str) and (value in {"1", "2", "3", "4", "5", "6"} or
                                     (len(value) == 7 and value[0] == "#" and
                                      all(ch in "0123456789abcdefABCDEF" for ch in value[1:])))
    check(ok, f"{where}: color {value!r}")


def check_canvas(path):
    doc = json.loads(path.read_text(encoding="utf-8"))
    check(isinstance(doc.get("nodes"), list) and isinstance(doc.get("edges"), list),
          f"{path.name}: nodes and edges")
    ids = set()
    for n in doc["nodes"]:
        where = f"{path.name}: node {n.get('id')}"
        check(isinstance(n.get("id"), str) and n["id"] not in ids, f"{where}: unique id")
        ids.add(n.get("id"))
        check(n.get("type") in NODE_TYPES, f"{where}: type")
        for key in ("x", "y", "width", "height"):
            check(isinstance(n.get(key), int), f"{where}: integer {key}")
        check(n.get("width", 0) > 0 and n.get("height", 0) > 0, f"{where}: positive size")
        needed = NODE_TYPES.get(n.get("type"))
        if needed:
            check(isinstance(n.get(needed), str), f"{where}: {needed}")
        if n.get("type") == "group" and "label" in n:
            check(isinstance(n["label"], str), f"{where}: label")
        if "color" in n:
            check_color(n["color"], where)
    edge_ids = set()
    for e in doc["edges"]:
        where = f"{path.name}: edge {e.get('id')}"
        check(isinstance(e.get("id"), str) and e["id"] not in edge_ids and e["id"] not in ids,
              f"{where}: unique id")
        edge_ids.add(e.get("id"))
        check(e.get("fromNode") in ids and e.get("toNode") in ids, f"{where}: ends are nodes")
        for key in ("fromSide", "toSide"):
            if key in e:
                check(e[key] in SIDES, f"{where}: {key}")
        for key in ("fromEnd", "toEnd"):
            if key in e:
                check(e[key] in ENDS, f"{where}: {key}")
        if "label" in e:
            check(isinstance(e["label"], str), f"{where}: label")
        if "color" in e:
            check_color(e["color"], where)
        allowed = {"id", "fromNode", "toNode", "fromSide", "toSide", "fromEnd", "toEnd", "color",
                   "label"}
        check(set(e) <= allowed, f"{where}: only JSON Canvas fields")


def main():
    writer, outdir, boards = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3:]
    subprocess.run([writer, str(outdir), *boards], check=True)
    files = sorted(outdir.iterdir())
    for path in files:
        try:
            if path.suffix == ".ics":
                cal = check_ics(path)
                if path.name == "awkward.ics":
                    summaries = [str(c.get("SUMMARY")) for c in cal.walk("VTODO")]
                    check("Follow-up, with; punctuation" in summaries,
                          "awkward.ics: escaped text reads back")
                    done = [c for c in cal.walk("VTODO") if str(c.get("SUMMARY")) == "Serves it"]
                    check(len(done) == 1 and str(done[0].get("STATUS")) == "COMPLETED",
                          "awkward.ics: a follow-up that became a goal is completed")
            elif path.suffix == ".vcf":
                cards = check_vcf(path)
                if path.name == "awkward.vcf":
                    names = {c.fn.value for c in cards}
                    check("Ola; Nordmann, Jr." in names, "awkward.vcf: escaped FN reads back")
                    check("山田 太郎" in names, "awkward.vcf: CJK name reads back")
                    notes = [c.note.value for c in cards if hasattr(c, "note")]
                    check(all("second line" in n and "\n" in n for n in notes),
                          "awkward.vcf: multi-line NOTE reads back")
            elif path.suffix == ".canvas":
                check_canvas(path)
        except Exception as exc:  # a parser that refuses the file is a failure
            check(False, f"{path.name}: {type(exc).__name__}: {exc}")
    check(len([f for f in files if f.suffix == ".ics"]) == 1 + len(boards), "one .ics per board")
    print(f"{passed} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
