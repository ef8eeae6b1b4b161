#!/usr/bin/env python3
"""Check a duibiao plan file (schema "duibiao-plan/1") against the source text it quotes.

Usage:
    python3 tools/check_plan_quotes.py PLAN.json SOURCE.txt

Checks (the same rules the Rust loader enforces, see docs/plan-format.md):
  * schema is "duibiao-plan/1"; period and baseline_year are integers
  * domain ids and indicator ids are unique ascii snake_case; every indicator's domain exists
  * every source.quote and every excluded[].quote is a verbatim substring of SOURCE.txt
  * target.text is a non-empty substring of source.quote
  * every figure in target.value, target.upper, target.base_year and baseline.value occurs,
    as written, in source.quote
  * target.op / target.kind are allowed values and agree with each other; value is null only for
    "increase_yearly" and "qualitative"; "upper" only with "range" and upper > value;
    "base_year" only (and always) with "decrease_pp_yearly"; target.year == period.end
  * no alias of one indicator equals the name or an alias of another indicator
Prints a count table by domain and kind. Exit status 1 on any failure, 0 otherwise.
Standard library only.
"""
import json
import re
import sys

SCHEMA = "duibiao-plan/1"
OPS = {"<", "<=", ">", ">=", "=", "range", "increase_yearly", "decrease_pp_yearly", "qualitative"}
KINDS = ["threshold", "maintain", "increase_yearly", "decrease_pp_yearly", "count", "qualitative"]
SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
INDICATOR_KEYS = {"id", "domain", "key", "name", "name_en", "aliases", "unit", "baseline", "target",
                  "kind", "source", "notes"}
TARGET_KEYS = {"op", "value", "year", "text", "upper", "base_year"}
TOP_KEYS = {"schema", "id", "title", "title_en", "period", "baseline_year", "source_document", "notes",
            "domains", "indicators", "excluded"}


def is_num(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def fmt_num(x):
    """The figure as it would be written in the plan: 100 not 100.0, 0.8 not 0.80."""
    if isinstance(x, float) and x.is_integer():
        return str(int(x))
    return repr(x) if isinstance(x, float) else str(x)


class Checker:
    def __init__(self, plan, source):
        self.plan = plan
        self.source = source
        self.errors = []
        self.warnings = []

    def err(self, where, msg):
        self.errors.append(f"{where}: {msg}")

    def warn(self, where, msg):
        self.warnings.append(f"{where}: {msg}")

    def figure_in_quote(self, where, label, x, quote):
        if x is None:
            return
        if not is_num(x):
            self.err(where, f"{label} is not a number: {x!r}")
            return
        s = fmt_num(x)
        if s not in quote:
            self.err(where, f"{label} {s} does not occur in the quote {quote!r}")

    def run(self):
        p = self.plan
        if not isinstance(p, dict):
            self.err("plan", "top level is not an object")
            return
        for k in sorted(set(p) - TOP_KEYS):
            self.warn("plan", f"unknown top-level field {k!r}")
        if p.get("schema") != SCHEMA:
            self.err("plan", f"schema must be {SCHEMA!r}, got {p.get('schema')!r}")
        for k in ("id", "title"):
            if not isinstance(p.get(k), str) or not p.get(k):
                self.err("plan", f"{k} must be a non-empty string")
        period = p.get("period") or {}
        start, end = period.get("start"), period.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and start <= end):
            self.err("plan", f"period must be {{start, end}} integers with start <= end, got {period!r}")
            end = None
        if not isinstance(p.get("baseline_year"), int):
            self.err("plan", "baseline_year must be an integer")
        for n, note in enumerate(p.get("notes") or []):
            if not isinstance(note, str):
                self.err(f"notes[{n}]", "must be a string")

        # domains
        domain_ids = []
        for n, d in enumerate(p.get("domains") or []):
            where = f"domains[{n}]"
            did = d.get("id") if isinstance(d, dict) else None
            if not isinstance(did, str) or not SNAKE.match(did):
                self.err(where, f"id must be ascii snake_case, got {did!r}")
            elif did in domain_ids:
                self.err(where, f"duplicate domain id {did!r}")
            domain_ids.append(did)
            if not isinstance(d, dict) or not isinstance(d.get("name"), str) or not d.get("name"):
                self.err(where, "name must be a non-empty string")

        # indicators
        seen_ids = set()
        names = {}  # name/alias -> indicator id
        for n, ind in enumerate(p.get("indicators") or []):
            iid = ind.get("id") if isinstance(ind, dict) else None
            where = f"indicators[{n}] ({iid})"
            if not isinstance(ind, dict):
                self.err(where, "not an object")
                continue
            for k in sorted(set(ind) - INDICATOR_KEYS):
                self.warn(where, f"unknown field {k!r}")
            for k in sorted(INDICATOR_KEYS - set(ind)):
                self.err(where, f"missing field {k!r}")
            if not isinstance(iid, str) or not SNAKE.match(iid):
                self.err(where, "id must be ascii snake_case")
            elif iid in seen_ids:
                self.err(where, "duplicate id")
            seen_ids.add(iid)
            if ind.get("domain") not in domain_ids:
                self.err(where, f"domain {ind.get('domain')!r} is not in domains[]")
            if not isinstance(ind.get("key"), bool):
                self.err(where, "key must be true or false")
            name = ind.get("name")
            if not isinstance(name, str) or not name:
                self.err(where, "name must be a non-empty string")
            if not isinstance(ind.get("unit"), str):
                self.err(where, "unit must be a string (\"\" when none)")
            aliases = ind.get("aliases")
            if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
                self.err(where, "aliases must be a list of non-empty strings")
                aliases = []
            if len(set(aliases)) != len(aliases):
                self.err(where, "duplicate alias")
            for label in ([name] if isinstance(name, str) else []) + aliases:
                other = names.get(label)
                if other is not None and other != iid:
                    self.err(where, f"name/alias {label!r} is also used by indicator {other!r}")
                names.setdefault(label, iid)
            notes = ind.get("notes")
            if not isinstance(notes, list) or not all(isinstance(x, str) for x in notes):
                self.err(where, "notes must be a list of strings")

            src = ind.get("source") or {}
            quote = src.get("quote")
            if not isinstance(quote, str) or not quote:
                self.err(where, "source.quote must be a non-empty string")
                quote = ""
            elif quote not in self.source:
                self.err(where, f"source.quote is not a verbatim substring of the source: {quote!r}")
            if not isinstance(src.get("section"), str) or not src.get("section"):
                self.err(where, "source.section must be a non-empty string")

            t = ind.get("target")
            if not isinstance(t, dict):
                self.err(where, "target must be an object")
                continue
            for k in sorted(set(t) - TARGET_KEYS):
                self.warn(where, f"unknown target field {k!r}")
            op, kind, value = t.get("op"), ind.get("kind"), t.get("value")
            if op not in OPS:
                self.err(where, f"target.op {op!r} not one of {sorted(OPS)}")
            if kind not in KINDS:
                self.err(where, f"kind {kind!r} not one of {KINDS}")
            for special in ("increase_yearly", "decrease_pp_yearly", "qualitative"):
                if (op == special) != (kind == special):
                    self.err(where, f"op {op!r} and kind {kind!r} disagree ({special} must be both or neither)")
            if kind == "maintain" and op not in (">=", "<=", "="):
                self.err(where, f"kind 'maintain' needs op '>=', '<=' or '=', got {op!r}")
            if op in ("increase_yearly", "qualitative"):
                if value is not None:
                    self.err(where, f"target.value must be null for op {op!r}")
            elif not is_num(value):
                self.err(where, f"target.value must be a number for op {op!r}, got {value!r}")
            else:
                self.figure_in_quote(where, "target.value", value, quote)
            if op == "range":
                upper = t.get("upper")
                if not is_num(upper):
                    self.err(where, "op 'range' needs a numeric target.upper")
                else:
                    if is_num(value) and not upper > value:
                        self.err(where, f"target.upper {upper} must be greater than value {value}")
                    self.figure_in_quote(where, "target.upper", upper, quote)
            elif "upper" in t:
                self.err(where, "target.upper is only allowed with op 'range'")
            if op == "decrease_pp_yearly":
                by = t.get("base_year")
                if not isinstance(by, int) or isinstance(by, bool):
                    self.err(where, "op 'decrease_pp_yearly' needs an integer target.base_year")
                else:
                    self.figure_in_quote(where, "target.base_year", by, quote)
            elif "base_year" in t:
                self.err(where, "target.base_year is only allowed with op 'decrease_pp_yearly'")
            if end is not None and t.get("year") != end:
                self.err(where, f"target.year {t.get('year')!r} must equal period.end {end}")
            text = t.get("text")
            if not isinstance(text, str) or not text:
                self.err(where, "target.text must be a non-empty string")
            elif text not in quote:
                self.err(where, f"target.text {text!r} is not a substring of the quote")

            b = ind.get("baseline")
            if b is not None:
                if not isinstance(b, dict) or not isinstance(b.get("year"), int) or not is_num(b.get("value")):
                    self.err(where, f"baseline must be null or {{year: int, value: number}}, got {b!r}")
                else:
                    self.figure_in_quote(where, "baseline.value", b.get("value"), quote)

        # excluded
        for n, e in enumerate(p.get("excluded") or []):
            where = f"excluded[{n}]"
            if not isinstance(e, dict):
                self.err(where, "not an object")
                continue
            quote = e.get("quote")
            if not isinstance(quote, str) or not quote:
                self.err(where, "quote must be a non-empty string")
            elif quote not in self.source:
                self.err(where, f"quote is not a verbatim substring of the source: {quote!r}")
            for k in ("section", "reason"):
                if not isinstance(e.get(k), str) or not e.get(k):
                    self.err(where, f"{k} must be a non-empty string")

    def table(self):
        p = self.plan
        inds = p.get("indicators") or []
        domains = [d.get("id") for d in (p.get("domains") or [])]
        rows = [d for d in domains if any(i.get("domain") == d for i in inds)] or domains
        head = ["domain"] + KINDS + ["key", "total"]
        out = []
        for d in rows:
            sel = [i for i in inds if i.get("domain") == d]
            out.append([d] + [str(sum(1 for i in sel if i.get("kind") == k)) for k in KINDS]
                       + [str(sum(1 for i in sel if i.get("key") is True)), str(len(sel))])
        out.append(["TOTAL"] + [str(sum(1 for i in inds if i.get("kind") == k)) for k in KINDS]
                   + [str(sum(1 for i in inds if i.get("key") is True)), str(len(inds))])
        widths = [max(len(r[c]) for r in [head] + out) for c in range(len(head))]
        lines = ["  ".join(h.ljust(w) for h, w in zip(head, widths))]
        lines.append("  ".join("-" * w for w in widths))
        for r in out:
            lines.append("  ".join(c.rjust(w) if n else c.ljust(w) for n, (c, w) in enumerate(zip(r, widths))))
        lines.append(f"excluded: {len(p.get('excluded') or [])}")
        return "\n".join(lines)


def main(argv):
    if len(argv) != 3:
        print("usage: python3 tools/check_plan_quotes.py PLAN.json SOURCE.txt", file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            plan = json.load(f)
        with open(argv[2], encoding="utf-8") as f:
            source = f.read()
    except (OSError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    c = Checker(plan, source)
    c.run()
    print(f"{argv[1]}: {plan.get('id') if isinstance(plan, dict) else '?'}")
    if isinstance(plan, dict):
        print(c.table())
    for w in c.warnings:
        print("WARNING " + w)
    for e in c.errors:
        print("FAIL " + e)
    if c.errors:
        print(f"{len(c.errors)} failure(s)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
