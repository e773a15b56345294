"""Execute one notebook headless in the Deno Jupyter kernel with nbclient.

Usage: nbexec.py IN.ipynb OUT.ipynb [--timeout SECONDS] [--cwd DIR]

The kernel starts in DIR (default: the folder of IN.ipynb).

Writes the executed notebook to OUT.ipynb (nbformat 4, as Jupyter writes it) and
exits 0. When a cell raises, writes what ran so far, prints one JSON line
{"cell": index, "ename": ..., "evalue": ..., "traceback": ...} to stdout and exits 2.
Called by tools/notebook_runner.ts; not meant to be run by hand.
"""

import json
import os
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError


def main() -> int:
    args = sys.argv[1:]
    timeout = 600
    if "--timeout" in args:
        i = args.index("--timeout")
        timeout = int(args[i + 1])
        del args[i : i + 2]
    cwd = None
    if "--cwd" in args:
        i = args.index("--cwd")
        cwd = args[i + 1]
        del args[i : i + 2]
    src, dst = args
    nb = nbformat.read(src, as_version=4)
    client = NotebookClient(
        nb,
        kernel_name="deno",
        timeout=timeout,
        startup_timeout=120,
        record_timing=False,
        resources={"metadata": {"path": cwd or os.path.dirname(os.path.abspath(src))}},
    )
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError) as err:
        nbformat.write(nb, dst)
        failing = None
        for idx, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            for out in cell.get("outputs", []):
                if out.get("output_type") == "error":
                    failing = (idx, out)
                    break
            if failing:
                break
        if failing:
            idx, out = failing
            info = {
                "cell": idx,
                "ename": out.get("ename", ""),
                "evalue": out.get("evalue", ""),
                "traceback": out.get("traceback", []),
            }
        else:
            info = {"cell": None, "ename": type(err).__name__, "evalue": str(err)[:2000], "traceback": []}
        print(json.dumps(info))
        return 2
    nbformat.write(nb, dst)
    return 0


if __name__ == "__main__":
    sys.exit(main())
