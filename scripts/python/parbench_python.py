"""Entry point of ``scripts/parbench python``: runs the CLI under whichever CPython started it.

Any CPython 3.8+ will do (``--python PATH``): the article's libraries (joblib, tqdm, requests,
numba) are optional, and a model whose library is missing is skipped with one line naming it.
Debian's /usr/bin/python3 with python3-joblib, python3-tqdm, python3-requests and python3-numba
runs every model.
"""

import os
import sys

if __name__ == "__main__":
    if sys.version_info < (3, 8):
        print(f"parbench python: {sys.executable} is Python {sys.version.split()[0]}; the harness needs 3.8 or later",
              file=sys.stderr)
        sys.exit(2)
    sys.dont_write_bytecode = True  # leave no __pycache__ in the checkout
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from parbench_py.cli import main
    sys.exit(main())
