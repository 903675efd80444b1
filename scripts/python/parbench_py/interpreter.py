"""The interpreter this harness runs in: what it is, whether it has a GIL, which libraries it has.

Any CPython 3.8+ runs the harness (``scripts/parbench python --python PATH``); the article's
libraries are optional. A model whose library is missing is skipped with one line naming it
(see ``models.Model.requires``), so a stdlib-only pyenv build still measures ``threading``,
``concurrent.futures`` and ``multiprocessing``.

The GIL: a free-threaded build (PEP 703, CPython 3.13+, ``python3.13t``) has
``sysconfig.get_config_var("Py_GIL_DISABLED") == 1``; even there the GIL can be back at run time
(``PYTHON_GIL=1``, or an extension module that does not declare itself free-threading safe), which
``sys._is_gil_enabled()`` tells. Both are recorded; the row label uses the run-time state.
"""

import importlib.metadata
import importlib.util
import platform
import sys
import sysconfig
from dataclasses import dataclass

#: the optional libraries, by import name; their absence skips models, never the run
LIBRARIES = ("joblib", "tqdm", "requests", "numba", "numpy")


@dataclass(frozen=True)
class Interpreter:
    """One interpreter as the results record it. Immutable.

    ``label`` is the value of the ``python`` param of every row it measured, e.g.
    ``cpython-3.11.2`` or ``cpython-3.13.0t`` (free-threaded, GIL off); rows of two interpreters
    therefore never pool. ``libraries`` maps each of :data:`LIBRARIES` to its version, or to None
    when it cannot be imported.
    """
    implementation: str
    version: str
    full_version: str
    executable: str
    gil_disabled_build: bool
    gil_enabled: bool
    libraries: dict

    @property
    def label(self):
        suffix = ""
        if self.gil_disabled_build:
            suffix = "t" if not self.gil_enabled else "t-gil"
        return f"{self.implementation.lower()}-{self.version}{suffix}"

    @property
    def gil(self):
        """``"enabled"`` or ``"disabled"``: whether a GIL serialises this process's threads."""
        return "enabled" if self.gil_enabled else "disabled"

    def has(self, library):
        return self.libraries.get(library) is not None

    def describe(self):
        """The JSON object the ``plan`` prints and the manifest keeps."""
        return {
            "label": self.label,
            "implementation": self.implementation,
            "version": self.version,
            "sysVersion": self.full_version,
            "executable": self.executable,
            "pyGilDisabled": self.gil_disabled_build,
            "gilEnabled": self.gil_enabled,
            "libraries": dict(self.libraries),
        }


def current():
    """This process's interpreter. Finds each optional library without importing it (numba's
    import is part of its models' start-up, measured there)."""
    gil_disabled_build = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
    libraries = {name: _version(name) for name in LIBRARIES}
    return Interpreter(platform.python_implementation(), platform.python_version(), sys.version,
                       sys.executable, gil_disabled_build, gil_enabled_now(), libraries)


def gil_enabled_now():
    """Whether the GIL is on at this moment: always on a default build; on a free-threaded one
    unless an imported extension module (or ``PYTHON_GIL=1``) turned it back on."""
    is_gil_enabled = getattr(sys, "_is_gil_enabled", None)
    return is_gil_enabled() if is_gil_enabled is not None else True


def _version(name):
    if importlib.util.find_spec(name) is None:
        return None
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:  # importable, but installed without metadata
        return "unknown"
