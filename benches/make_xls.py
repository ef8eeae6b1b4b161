"""Writes the .xls (BIFF8) inputs of the read + evaluate benchmark with xlwt.

Reads target/bench-inputs/xls-rows.json (written by
`cargo bench --bench read_evaluate -- --write-inputs`) and writes rows-100.xls, rows-10000.xls
and rows-65535.xls beside it: the header and the first N rows, numbers as numeric cells.
65,535 data rows + the header is BIFF8's maximum of 65,536 rows.

    python3 -m venv target/bench-venv
    target/bench-venv/bin/pip install -r benches/requirements.txt
    target/bench-venv/bin/python benches/make_xls.py [DIR]
"""

import json
import os
import sys

import xlwt

SIZES = (100, 10_000, 65_535)
MAX_ROWS = 65_536  # BIFF8


def main() -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "target", "bench-inputs")
    folder = os.path.normpath(sys.argv[1] if len(sys.argv) > 1 else default)
    source = os.path.join(folder, "xls-rows.json")
    try:
        with open(source, encoding="utf-8") as f:
            data = json.load(f)
    except OSError as e:
        print(f"make_xls: cannot read {source} ({e}); run "
              "`cargo bench --bench read_evaluate -- --write-inputs` first", file=sys.stderr)
        return 2
    header, rows = data["header"], data["rows"]
    for n in SIZES:
        if n + 1 > MAX_ROWS:
            print(f"make_xls: {n} rows + header exceed .xls's {MAX_ROWS}", file=sys.stderr)
            return 2
        if len(rows) < n:
            print(f"make_xls: {source} has {len(rows)} rows, {n} needed", file=sys.stderr)
            return 2
        book = xlwt.Workbook(encoding="utf-8")
        sheet = book.add_sheet("Sheet1")
        for c, text in enumerate(header):
            sheet.write(0, c, text)
        for r, row in enumerate(rows[:n], start=1):
            for c, value in enumerate(row):
                # ints and floats become NUMBER/RK cells, strings SST strings.
                sheet.write(r, c, value)
        path = os.path.join(folder, f"rows-{n}.xls")
        book.save(path)
        print(f"wrote {path} ({os.path.getsize(path)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
