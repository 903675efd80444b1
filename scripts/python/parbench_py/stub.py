"""The Wikipedia stub, started as the sweep starts it: ``scripts/parbench stub`` in its own JVM."""

import os
import re
import signal
import subprocess
import threading

_LISTENING = re.compile(r"listening on (http://\S+)")


class StubError(Exception):
    """The stub did not start."""


class StubProcess:
    """``scripts/parbench stub --port 0 --latency-ms D``, until ``close()`` (SIGTERM, wait)."""

    def __init__(self, parbench_script, latency_millis, start_timeout_s=300):
        self.latency_millis = latency_millis
        command = [parbench_script, "stub", "--port", "0", "--latency-ms", str(latency_millis)]
        try:
            self._process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                             stderr=None, text=True)
        except OSError as e:
            raise StubError(f"cannot start '{' '.join(command)}': {e}") from e
        self.url = None
        self._drain = None
        timer = threading.Timer(start_timeout_s, self._process.kill)
        timer.start()
        try:
            lines = []
            for line in self._process.stdout:
                lines.append(line.rstrip())
                match = _LISTENING.search(line)
                if match:
                    self.url = match.group(1).rstrip("/")
                    break
        finally:
            timer.cancel()
        if self.url is None:
            self.close()
            raise StubError(f"'{parbench_script} stub' exited without saying where it listens "
                            f"(exit {self._process.returncode}): {' | '.join(lines[-5:])}")
        # keep reading so the stub never blocks on a full pipe
        self._drain = threading.Thread(target=self._read_to_end, daemon=True)
        self._drain.start()

    def _read_to_end(self):
        with self._process.stdout as lines:
            lines.read()

    def close(self):
        if self._process.poll() is None:
            self._process.send_signal(signal.SIGTERM)
            try:
                self._process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        if self._drain is not None:
            self._drain.join(timeout=5)
        else:
            self._process.stdout.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
