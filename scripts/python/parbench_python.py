"""Entry point of ``scripts/parbench python``: checks the article's libraries, then runs the CLI.

Runs under Debian's /usr/bin/python3 with python3-joblib, python3-tqdm and python3-requests.
"""

import importlib
import os
import sys

REQUIRED = (("joblib", "python3-joblib"), ("tqdm", "python3-tqdm"), ("requests", "python3-requests"))


def missing_packages():
    """The Debian packages whose module cannot be imported, and the first library that is there but
    raises something else on import (a broken install: one line, not a traceback), or None."""
    missing, broken = [], None
    for module, package in REQUIRED:
        try:
            importlib.import_module(module)
        except ImportError:
            missing.append(package)
        except Exception as e:  # noqa: BLE001 - any failure of a library's own import code
            if broken is None:
                detail = " ".join(f"{type(e).__name__}: {e}".split())
                broken = f"importing {module} failed ({detail}); reinstall with: apt-get install --reinstall {package}"
    return missing, broken


if __name__ == "__main__":
    missing, broken = missing_packages()
    if missing:
        print(f"parbench python: {sys.executable} lacks {', '.join(missing)}; "
              f"install with: apt-get install {' '.join(missing)}", file=sys.stderr)
        sys.exit(2)
    if broken:
        print(f"parbench python: {broken}", file=sys.stderr)
        sys.exit(2)
    sys.dont_write_bytecode = True  # leave no __pycache__ in the checkout
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from parbench_py.cli import main
    sys.exit(main())
