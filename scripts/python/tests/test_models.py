import os
import unittest

import support
from parbench_py import models, workloads


class EveryModelGivesTheSequentialOutputsTest(unittest.TestCase):
    """Same inputs -> identical outputs, in input order, under every model (the design's contract)."""

    def assert_same_as_sequential(self, workload, parallelism=2):
        expected = models.Sequential(1).run(workload.task, workload.inputs)
        self.assertEqual(expected, list(workload.expected))
        for name in runnable(workload):
            with self.subTest(model=name):
                with models.create(name, parallelism) as model:
                    for _ in range(2):  # a reused pool still gives every result in order
                        self.assertEqual(model.run(workload.task, workload.inputs), expected)

    def test_sleep(self):
        self.assert_same_as_sequential(workloads.sleep_workload(12, 1))

    def test_cpu(self):
        self.assert_same_as_sequential(workloads.cpu_workload(12, 500, seeds=[1, -1, (1 << 63) - 1] + list(range(2, 11))))

    def test_noop(self):
        self.assert_same_as_sequential(workloads.noop_workload(50))

    def test_all_cores_parallelism(self):
        self.assert_same_as_sequential(workloads.noop_workload(10), parallelism=-1)

    @unittest.skipUnless(support.STUB_URL, "needs PARBENCH_STUB_URL (a running 'scripts/parbench stub')")
    def test_wiki(self):
        self.assert_same_as_sequential(workloads.wiki_workload(12, support.STUB_URL, 0))


class ModelLifecycleTest(unittest.TestCase):

    def test_closing_a_model_leaves_no_worker_process(self):
        workload = workloads.cpu_workload(8, 10)
        for name in runnable(workload):
            with self.subTest(model=name):
                with models.create(name, 2) as model:
                    model.run(workload.task, workload.inputs)
                self.assertEqual(support.workers_of(os.getpid()), {})

    def test_killing_a_model_leaves_no_worker_process(self):
        workload = workloads.sleep_workload(4, 10)
        for name in ("py-process-pool", "py-mp-pool", "py-joblib-loky"):
            with self.subTest(model=name):
                model = models.create(name, 2)
                model.run(workload.task, workload.inputs)
                model.kill()
                self.assertEqual(support.workers_of(os.getpid()), {})

    def test_minus_one_means_every_usable_cpu(self):
        self.assertEqual(models.resolve_parallelism(-1), len(os.sched_getaffinity(0)))

    def test_unknown_model_is_named_in_the_error(self):
        with self.assertRaisesRegex(ValueError, "unknown model 'py-nope'"):
            models.create("py-nope", 2)

    def test_a_failing_task_fails_the_batch(self):
        with models.create("py-thread-per-task", 2) as model:
            with self.assertRaisesRegex(RuntimeError, r"task 1 \(input 0\)"):
                model.run(lambda x: 1 // x, [1, 0, 2])


class NumbaTest(unittest.TestCase):
    """numba's models (Debian's python3-numba): the CPU task only, compiled before any batch."""

    def test_numba_models_run_the_cpu_task_only(self):
        workload = workloads.sleep_workload(2, 0)
        for name in ("py-numba-prange", "py-numba-threads"):
            with self.subTest(model=name):
                self.assertEqual(models.MODELS[name].workloads, ("cpu",))
                with models.create(name, 2) as model:
                    with self.assertRaisesRegex(TypeError, "numba models run the CPU task only"):
                        model.run(workload.task, workload.inputs)

    def test_import_and_compile_are_start_up_figures_of_the_model(self):
        with models.create("py-numba-prange", 2) as model:
            figures = model.secondary()
        self.assertEqual(set(figures), {"numbaImport", "jitCompile"})
        self.assertTrue(all(value > 0 and unit == "ms" for value, unit in figures.values()), figures)

    def test_the_first_batch_compiles_nothing(self):
        from parbench_py import numba_kernels
        with models.create("py-numba-threads", 2) as model:
            kernel = model._kernels.chain
            self.assertEqual(len(kernel.signatures), 1)
            model.run(workloads.CpuTask(5), [1, 2, 3])
            self.assertEqual(len(kernel.signatures), 1, "a call with the declared types adds no compilation")
        self.assertIsNotNone(numba_kernels.IMPORT_SECONDS)

    def test_prange_starts_its_threading_layer_in_the_set_up_and_names_it(self):
        with models.create("py-numba-prange", 2) as model:
            facts = model.facts()
        self.assertRegex(facts[0], r"^numba_threading_layer=(omp|tbb|workqueue)$")
        self.assertRegex(facts[1], r"^NUMBA_NUM_THREADS=\d+$")

    def test_parallelism_beyond_numbas_threads_is_an_error_naming_it(self):
        from parbench_py import numba_kernels
        available = numba_kernels.load().config.NUMBA_NUM_THREADS
        with self.assertRaisesRegex(ValueError, f"parallelism {available + 1} exceeds numba's {available} threads"):
            models.create("py-numba-prange", available + 1)


def runnable(workload):
    """The models that run ``workload`` (numba's run the CPU task only)."""
    return [name for name, model_type in models.MODELS.items()
            if model_type.workloads is None or workload.id in model_type.workloads]


if __name__ == "__main__":
    unittest.main()
