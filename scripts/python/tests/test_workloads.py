import unittest

import support  # noqa: F401  (puts the harness on sys.path)
from parbench_py import workloads


class CpuTaskTest(unittest.TestCase):

    def test_result_is_a_signed_64_bit_value_like_a_java_long(self):
        results = [workloads.cpu_run(seed, 1000) for seed in range(1, 200)]
        self.assertTrue(all(-(1 << 63) <= r < (1 << 63) for r in results))
        self.assertTrue(any(r < 0 for r in results), "some SplitMix64 states have the sign bit set")

    def test_zero_work_returns_the_seed(self):
        self.assertEqual(workloads.cpu_run(-5, 0), -5)

    def test_negative_and_extreme_seeds_wrap_like_java(self):
        # Long.MAX_VALUE + GOLDEN_GAMMA overflows in Java; masking reproduces it
        self.assertEqual(workloads.cpu_run((1 << 63) - 1, 1), workloads.cpu_run(-(1 << 63) - 1 + (1 << 64), 1))
        self.assertEqual(workloads.cpu_run(-1, 3), workloads.cpu_run((1 << 64) - 1, 3))


class CpuTaskValueTest(unittest.TestCase):

    def test_calling_it_is_cpu_run_with_its_work(self):
        self.assertEqual(workloads.CpuTask(7)(-3), workloads.cpu_run(-3, 7))

    def test_it_survives_pickling_for_process_pools(self):
        import pickle
        task = pickle.loads(pickle.dumps(workloads.CpuTask(9)))
        self.assertEqual((task, task.work), (workloads.CpuTask(9), 9))

    def test_negative_work_is_refused(self):
        with self.assertRaisesRegex(ValueError, "work must be zero or more, was -1"):
            workloads.CpuTask(-1)


class ComputeXTest(unittest.TestCase):

    def test_returns_the_pair_x_y(self):
        self.assertEqual(workloads.compute_x(3, y=2, task_millis=0), (3, 2))

    def test_outputs_print_pairs_as_x_comma_y(self):
        self.assertEqual(workloads.format_output((7, 2)), "7,2")
        self.assertEqual(workloads.format_output(-12), "-12")


class WikiCorpusTest(unittest.TestCase):

    def test_starts_with_the_articles_four_pages(self):
        self.assertEqual(workloads.wiki_pages(5), [
            ("Ocean", True), ("Island", True), ("this_page_does_not_exist", False), ("Shark", True),
            ("Generated_page_000000", True)])

    def test_a_quarter_of_generated_pages_are_missing_evenly_spread(self):
        generated = [workloads.generated_page(i) for i in range(8)]
        self.assertEqual([title for title, exists in generated if not exists],
                         ["Generated_page_000003", "Generated_page_000007"])

    def test_page_url_is_base_slash_wiki_slash_title(self):
        self.assertEqual(workloads.page_url("http://127.0.0.1:8080/", "Ocean"), "http://127.0.0.1:8080/wiki/Ocean")

    def test_an_unreachable_server_answers_unknown(self):
        self.assertEqual(workloads.check_page("http://127.0.0.1:9", 2.0, "Ocean"),
                         "http://127.0.0.1:9/wiki/Ocean - unknown")


class VerifyTest(unittest.TestCase):

    def test_a_wrong_output_names_the_task(self):
        workload = workloads.noop_workload(3)
        with self.assertRaisesRegex(workloads.WrongOutput, r"task 1 \(input 1\) returned 5, expected 1"):
            workload.verify([0, 5, 2])


if __name__ == "__main__":
    unittest.main()
