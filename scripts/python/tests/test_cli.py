import glob
import json
import os
import platform
import signal
import subprocess
import sys
import sysconfig
import tempfile
import threading
import unittest
import uuid

import support


#: a stdlib-only CPython beside Debian's, for the two-interpreter tests (pyenv's, on this project's machines)
OTHER_PYTHON = next((p for p in sorted(glob.glob("/root/.pyenv/versions/3.1[0-9]*/bin/python3"), reverse=True)
                     if os.access(p, os.X_OK) and os.path.realpath(p) != os.path.realpath(sys.executable)), None)


def hiding(*modules):
    """An environment in which ``import <module>`` fails as if it were not installed: a
    ``sitecustomize`` on PYTHONPATH puts None in ``sys.modules`` for each."""
    shim = tempfile.mkdtemp()
    with open(os.path.join(shim, "sitecustomize.py"), "w") as f:
        f.write("import sys\n" + "".join(f"sys.modules[{m!r}] = None\n" for m in modules))
    return dict(os.environ, PYTHONPATH=shim)


class MissingLibraryTest(unittest.TestCase):

    def test_a_missing_numba_skips_its_models_with_one_line_and_the_run_goes_on(self):
        out = tempfile.mkdtemp()
        done = support.run_cli("--profile", "smoke", "--cores", "1", "--include", "Cpu", "--out", out,
                               env=hiding("numba"))
        self.assertEqual(done.returncode, 0, done.stdout + done.stderr)
        skips = [line for line in done.stdout.splitlines() if "skipping" in line]
        self.assertEqual(skips, [f"parbench python: skipping py-numba-prange, py-numba-threads: "
                                 f"{sys.executable} has no numba"])
        with open(os.path.join(out, "python-cores-1.json")) as f:
            measured = {r["params"]["model"] for r in json.load(f)}
        self.assertEqual(measured, set(support_models()) - {"py-numba-prange", "py-numba-threads"})

    def test_a_missing_joblib_and_requests_skip_their_models_and_the_wiki_benchmark(self):
        done = support.run_cli("plan", "--profile", "smoke", env=hiding("joblib", "requests"))
        self.assertEqual(done.returncode, 0, done.stderr)
        plan = json.loads(done.stdout)
        self.assertEqual(plan["skipped"], [
            f"skipping py-joblib-loky, py-joblib-threading: {sys.executable} has no joblib",
            f"skipping WikiBenchmark: {sys.executable} has no requests"])
        self.assertFalse(plan["wiki"])
        self.assertNotIn("joblib", plan["libraries"])


class InterpreterTest(unittest.TestCase):

    def test_the_plan_records_the_interpreter_and_its_gil(self):
        done = support.run_cli("plan", "--profile", "smoke")
        self.assertEqual(done.returncode, 0, done.stderr)
        described = json.loads(done.stdout)["interpreter"]
        self.assertEqual(described["executable"], sys.executable)
        self.assertEqual(described["sysVersion"], sys.version)
        self.assertEqual(described["pyGilDisabled"], bool(sysconfig.get_config_var("Py_GIL_DISABLED")))
        self.assertEqual(described["gilEnabled"], getattr(sys, "_is_gil_enabled", lambda: True)())
        self.assertEqual(described["label"], f"cpython-{platform.python_version()}"
                         + ("t" if described["pyGilDisabled"] and not described["gilEnabled"] else ""))

    def test_a_free_threaded_build_is_labelled_t_and_says_when_its_gil_came_back(self):
        from parbench_py.interpreter import Interpreter
        def build(gil_disabled_build, gil_enabled):
            return Interpreter("CPython", "3.13.1", "3.13.1 experimental free-threading build", "/x/python3.13t",
                               gil_disabled_build, gil_enabled, {})
        self.assertEqual([build(True, False).label, build(True, True).label, build(False, True).label],
                         ["cpython-3.13.1t", "cpython-3.13.1t-gil", "cpython-3.13.1"])
        self.assertEqual([build(True, False).gil, build(False, True).gil], ["disabled", "enabled"])

    @unittest.skipUnless(OTHER_PYTHON, "needs a second CPython 3.10+ (pyenv's under /root/.pyenv/versions)")
    def test_two_interpreters_in_one_run_directory_give_two_sets_of_rows(self):
        out = tempfile.mkdtemp()
        for python in (sys.executable, OTHER_PYTHON):
            done = subprocess.run([python, "-B", support.LAUNCHER, "--profile", "smoke", "--cores", "1",
                                   "--include", "Dispatch", "--out", out],
                                  capture_output=True, text=True, timeout=300)
            self.assertEqual(done.returncode, 0, done.stdout + done.stderr)
        with open(os.path.join(out, "python-cores-1.json")) as f:
            rows = json.load(f)
        by_label = {}
        for r in rows:
            by_label.setdefault(r["params"]["python"], []).append(r)
        self.assertEqual(len(by_label), 2, list(by_label))
        stdlib = {name for name in support_models(workload="noop") if not name.startswith("py-joblib")}
        for label, mine in by_label.items():
            with self.subTest(python=label):
                self.assertEqual(len({r["jvm"] for r in mine}), 1)
                self.assertLessEqual(stdlib, {r["params"]["model"] for r in mine})
                self.assertEqual(len({tuple(sorted(r["params"].items())) for r in mine}), len(mine))

    def test_rerunning_an_interpreter_replaces_its_own_rows(self):
        out = tempfile.mkdtemp()
        for _ in range(2):
            done = support.run_cli("--profile", "smoke", "--cores", "1", "--include", "Dispatch", "--out", out)
            self.assertEqual(done.returncode, 0, done.stdout + done.stderr)
        with open(os.path.join(out, "python-cores-1.json")) as f:
            self.assertEqual(len(json.load(f)), len(support_models(workload="noop")))


class PinningTest(unittest.TestCase):

    @unittest.skipUnless(len(os.sched_getaffinity(0)) > 1, "needs two CPUs")
    def test_a_thread_started_before_the_core_count_changes_gets_the_new_cpus(self):
        from parbench_py import cli
        usable = sorted(os.sched_getaffinity(0))
        started, stop = threading.Event(), threading.Event()
        ids = []

        def idle():
            ids.append(threading.get_native_id())
            started.set()
            stop.wait(60)

        thread = threading.Thread(target=idle)
        thread.start()
        try:
            started.wait(60)
            cli.pin_every_thread(usable[:1])
            self.assertEqual(os.sched_getaffinity(ids[0]), {usable[0]})
        finally:
            cli.pin_every_thread(usable)
            stop.set()
            thread.join()


    def test_a_library_that_raises_on_import_gives_one_line_and_exit_2(self):
        with tempfile.TemporaryDirectory() as shim:
            # a 'tqdm' whose own import code fails with something other than ImportError
            os.makedirs(os.path.join(shim, "tqdm"))
            with open(os.path.join(shim, "tqdm", "__init__.py"), "w") as f:
                f.write("raise RuntimeError('broken\\ninstall')\n")
            env = dict(os.environ, PYTHONPATH=shim)
            done = support.run_cli("--profile", "smoke", env=env)
        self.assertEqual(done.returncode, 2, done.stderr)
        self.assertEqual(done.stdout, "")
        self.assertEqual(done.stderr,
                         "parbench python: importing tqdm failed (RuntimeError: broken install); "
                         "reinstall with: apt-get install --reinstall python3-tqdm\n")


class BadInputTest(unittest.TestCase):

    def test_more_cores_than_usable_is_one_line_and_exit_2(self):
        too_many = len(os.sched_getaffinity(0)) + 1
        done = support.run_cli("--cores", str(too_many))
        self.assertEqual(done.returncode, 2)
        self.assertRegex(done.stderr, rf"^parbench python: --cores {too_many} is outside 1\.\.\d+, .*\n$")

    def test_unknown_profile_is_one_line_and_exit_2(self):
        done = support.run_cli("--profile", "huge")
        self.assertEqual(done.returncode, 2)
        self.assertEqual(done.stderr.count("\n"), 1, done.stderr)
        self.assertIn("huge", done.stderr)


class OutputsCommandTest(unittest.TestCase):

    def test_prints_one_output_per_line(self):
        done = support.run_cli("outputs", "--workload", "sleep", "--tasks", "3", "--model", "py-thread-pool")
        self.assertEqual((done.returncode, done.stdout), (0, "1,2\n2,2\n3,2\n"), done.stderr)


class PlanTest(unittest.TestCase):

    def test_counts_the_points_the_include_selects_and_says_whether_a_stub_is_needed(self):
        done = support.run_cli("plan", "--profile", "smoke", "--include", "Cpu")
        self.assertEqual(done.returncode, 0, done.stderr)
        plan = json.loads(done.stdout)
        # smoke: one cpu point per model, py-sequential at parallelism 1, the others at the core count
        self.assertEqual(plan["points"], len(support_models(workload="cpu")))
        self.assertFalse(plan["wiki"])
        self.assertEqual(plan["implementation"], "CPython")
        self.assertRegex(plan["python"], r"^3\.\d+\.\d+")

    def test_a_wiki_selection_needs_the_stub(self):
        done = support.run_cli("plan", "--profile", "smoke", "--include", "Wiki")
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertTrue(json.loads(done.stdout)["wiki"])


class RunTest(unittest.TestCase):
    """A real run on one core: the JSON it writes, and no process left behind."""

    @classmethod
    def setUpClass(cls):
        cls.out = tempfile.mkdtemp()
        cls.marker = "PARBENCH_TEST_RUN=" + uuid.uuid4().hex
        env = dict(os.environ, **dict([cls.marker.split("=", 1)]))
        cls.done = support.run_cli("--profile", "smoke", "--cores", "1", "--include", "Dispatch",
                                   "--out", cls.out, env=env)

    def test_exits_0_and_prints_a_line_per_point(self):
        self.assertEqual(self.done.returncode, 0, self.done.stdout + self.done.stderr)
        self.assertEqual(self.done.stdout.count(" us/op\n"), 9, self.done.stdout)

    def test_writes_jmh_json_for_the_core_count(self):
        self.assertEqual(sorted(os.listdir(self.out)), ["python-cores-1.json"])
        with open(os.path.join(self.out, "python-cores-1.json")) as f:
            results = json.load(f)
        self.assertEqual(sorted(r["params"]["model"] for r in results), sorted(support_models(workload="noop")))
        for r in results:
            self.assertEqual(r["benchmark"], "parbench.bench.DispatchBenchmark.batch")
            self.assertEqual(r["mode"], "avgt")
            self.assertEqual(r["primaryMetric"]["scoreUnit"], "us/op")
            self.assertEqual(len(r["primaryMetric"]["rawData"]), 1)
            self.assertGreater(r["primaryMetric"]["score"], 0)
            self.assertIn("sched_getaffinity=" + str(min(os.sched_getaffinity(0))), r["jvmArgs"])
            self.assertEqual(set(r["params"]), {"model", "parallelism", "tasks", "python"})
            self.assertEqual(r["params"]["python"], f"cpython-{platform.python_version()}")
            self.assertIn("gil=enabled", r["jvmArgs"])
            self.assertEqual(r["secondaryMetrics"]["startUp"]["scoreUnit"], "ms")

    def test_no_process_of_the_run_outlives_it(self):
        self.assertEqual(support.processes_with_env(self.marker), [])


class SweepLockTest(unittest.TestCase):

    def test_a_second_sweep_is_refused_in_one_line_naming_the_holder(self):
        with tempfile.TemporaryDirectory() as directory:
            lock = os.path.join(directory, "sweep.lock")
            env = dict(os.environ, PARBENCH_SWEEP_LOCK=lock)
            holder = subprocess.Popen([sys.executable, "-c", (
                "import fcntl, sys\n"
                "f = open(sys.argv[1], 'a+')\n"
                "fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)\n"
                "f.write('pid 4242\\ncommand parbench run --profile quick\\n'); f.flush()\n"
                "print('locked', flush=True)\n"
                "sys.stdin.read()\n"), lock], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
            try:
                self.assertEqual(holder.stdout.readline(), "locked\n")
                done = support.run_cli("--profile", "smoke", "--cores", "1", "--include", "Dispatch",
                                       "--out", os.path.join(directory, "run"), env=env)
            finally:
                holder.stdin.close()
                holder.wait(30)
        self.assertEqual(done.returncode, 2, done.stderr)
        self.assertEqual(done.stderr, f"parbench python: another sweep is running on this machine (pid 4242: "
                                      f"parbench run --profile quick, lock {lock}); wait for it to finish: "
                                      "two sweeps at once would measure each other\n")
        self.assertFalse(os.path.exists(os.path.join(directory, "run")))


class InterruptTest(unittest.TestCase):

    def test_ctrl_c_writes_what_finished_exits_130_and_leaves_no_worker(self):
        out = tempfile.mkdtemp()
        marker = "PARBENCH_TEST_RUN=" + uuid.uuid4().hex
        env = dict(os.environ, **dict([marker.split("=", 1)]))
        process = subprocess.Popen(
            [sys.executable, support.LAUNCHER, "--profile", "quick", "--cores", "1",
             "--include", "Sleep", "--out", out], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, env=env,
            # as from a terminal: a build started in the background (CI, `mvn verify &`) inherits SIGINT
            # ignored, and Python then installs no KeyboardInterrupt handler at all
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        # the next point is py-process-pool starting its workers: any moment is a valid interrupt
        lines = []
        for line in process.stdout:
            lines.append(line)
            if "py-thread-pool-as-completed" in line and "parallelism=1" in line:
                break
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=120)
        self.assertEqual(process.returncode, 130, "".join(lines) + stdout + stderr)
        self.assertIn("interrupted", stderr)
        # what finished is kept, but never under the name readers take as a complete core count
        self.assertFalse(os.path.exists(os.path.join(out, "python-cores-1.json")))
        with open(os.path.join(out, "python-cores-1.interrupted.json")) as f:
            self.assertGreaterEqual(len(json.load(f)), 1)
        self.assertEqual(support.processes_with_env(marker), [])


def support_models(workload=None):
    from parbench_py import models
    return [name for name, model_type in models.MODELS.items()
            if workload is None or model_type.workloads is None or workload in model_type.workloads]


if __name__ == "__main__":
    unittest.main()
