"""Shared by the tests: where the harness is, and how to see processes."""

import os
import subprocess
import sys

PYTHON_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LAUNCHER = os.path.join(PYTHON_DIR, "parbench_python.py")
if PYTHON_DIR not in sys.path:
    sys.path.insert(0, PYTHON_DIR)

#: a running Wikipedia stub for the wiki tests (the Java test that runs this suite starts one)
STUB_URL = os.environ.get("PARBENCH_STUB_URL")


def run_cli(*args, env=None, timeout=300):
    """Runs ``scripts/parbench python`` as a separate process; returns the CompletedProcess."""
    return subprocess.run([sys.executable, LAUNCHER, *args], capture_output=True, text=True,
                          env=env, timeout=timeout)


def _read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return b""


def children_of(pid):
    """Live child processes of ``pid`` from /proc: {child pid: command line}."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        stat = _read(f"/proc/{entry}/stat").decode(errors="replace")
        fields = stat[stat.rfind(")") + 2:].split()
        if len(fields) > 1 and fields[1] == str(pid) and fields[0] != "Z":
            found[int(entry)] = _read(f"/proc/{entry}/cmdline").replace(b"\0", b" ").decode(errors="replace")
    return found


def workers_of(pid):
    """Children of ``pid`` other than the resource trackers that multiprocessing and loky start
    once and keep for as long as their parent lives."""
    return {child: cmd for child, cmd in children_of(pid).items() if "resource_tracker" not in cmd}


def processes_with_env(marker):
    """Live processes whose environment holds ``marker`` (e.g. ``RUN_ID=...``), from /proc."""
    needle = marker.encode()
    return [int(e) for e in os.listdir("/proc")
            if e.isdigit() and int(e) != os.getpid() and needle in _read(f"/proc/{e}/environ").split(b"\0")
            and _read(f"/proc/{e}/stat").split(b") ")[-1][:1] != b"Z"]
