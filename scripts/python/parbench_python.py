"""Entry point of ``scripts/parbench python``: checks the article's libraries, then runs the CLI.

Runs under Debian's /usr/bin/python3 with python3-joblib, python3-tqdm and python3-requests.
"""

import importlib
import os
import sys

REQUIRED = (("joblib", "python3-joblib"), ("tqdm", "python3-tqdm"), ("requests", "python3-requests"))


def missing_packages():
    missing = []
    for module, package in REQUIRED:
        try:
            importlib.import_module(module)
        except ImportError:
            missing.append(package)
    return missing


if __name__ == "__main__":
    missing = missing_packages()
    if missing:
        print(f"parbench python: {sys.executable} lacks {', '.join(missing)}; "
              f"install with: apt-get install {' '.join(missing)}", file=sys.stderr)
        sys.exit(2)
    sys.dont_write_bytecode = True  # leave no __pycache__ in the checkout
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from parbench_py.cli import main
    sys.exit(main())
