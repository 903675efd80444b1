"""Entry point of ``scripts/parbench python``: runs the CLI under whichever CPython started it.

Any CPython 3.8+ will do (``--python PATH``): the article's libraries (joblib, tqdm, requests,
numba) are optional, and a model whose library is missing is skipped with one line naming it.
A library that is installed but raises on import (a broken install) stops the harness with one
line and exit 2 rather than a traceback. Debian's /usr/bin/python3 with python3-joblib,
python3-tqdm, python3-requests and python3-numba runs every model.
"""

import importlib
import importlib.util
import os
import sys

OPTIONAL = (("joblib", "python3-joblib"), ("tqdm", "python3-tqdm"), ("requests", "python3-requests"),
            ("numba", "python3-numba"))


def broken_library():
    """The first optional library that is installed but raises on import, as one line, or None."""
    for module, package in OPTIONAL:
        try:
            if importlib.util.find_spec(module) is None:
                continue  # missing: its models are skipped, with one line
            importlib.import_module(module)
        except ImportError:
            continue
        except Exception as e:  # noqa: BLE001 - any failure of a library's own import code
            detail = " ".join(f"{type(e).__name__}: {e}".split())
            return f"importing {module} failed ({detail}); reinstall with: apt-get install --reinstall {package}"
    return None


if __name__ == "__main__":
    if sys.version_info < (3, 8):
        print(f"parbench python: {sys.executable} is Python {sys.version.split()[0]}; the harness needs 3.8 or later",
              file=sys.stderr)
        sys.exit(2)
    broken = broken_library()
    if broken:
        print(f"parbench python: {broken}", file=sys.stderr)
        sys.exit(2)
    sys.dont_write_bytecode = True  # leave no __pycache__ in the checkout
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from parbench_py.cli import main
    sys.exit(main())
