import json
import math
import os
import subprocess
import tempfile
import unittest

import support  # noqa: F401
from parbench_py import jmh_json
from parbench_py.measurement import Settings


class StatisticsLikeJmhTest(unittest.TestCase):

    def test_student_t_quantiles(self):
        for p, df, expected in ((0.9995, 1, 636.619), (0.9995, 4, 8.610), (0.9995, 30, 3.646), (0.975, 10, 2.228)):
            with self.subTest(df=df):
                self.assertAlmostEqual(jmh_json.t_quantile(p, df), expected, places=3)

    def test_score_error_is_the_999_confidence_half_width(self):
        metric = jmh_json.primary_metric([[1.0, 2.0, 3.0, 4.0, 5.0]], "ms/op")
        self.assertEqual(metric["score"], 3.0)
        self.assertAlmostEqual(metric["scoreError"], 8.610302 * math.sqrt(2.5) / math.sqrt(5), places=5)
        self.assertEqual(metric["scoreConfidence"], [3.0 - metric["scoreError"], 3.0 + metric["scoreError"]])

    def test_two_iterations_or_fewer_have_no_error(self):
        self.assertTrue(math.isnan(jmh_json.primary_metric([[1.0, 2.0]], "ms/op")["scoreError"]))

    def test_percentiles_are_commons_math_legacy(self):
        values = [1.0, 2.0, 3.0, 4.0]
        self.assertEqual(jmh_json.percentile(values, 0.0), 1.0)
        self.assertEqual(jmh_json.percentile(values, 50.0), 2.5)
        self.assertEqual(jmh_json.percentile(values, 90.0), 4.0)
        self.assertEqual(jmh_json.percentile(values, 100.0), 4.0)

    def test_time_values_print_like_jmh(self):
        self.assertEqual([jmh_json.time_value(s) for s in (1.0, 0.5, 10.0)], ["1 s", "500 ms", "10 s"])


class JsonShapeTest(unittest.TestCase):

    def test_non_finite_numbers_are_written_as_jmh_strings(self):
        text = jmh_json.dumps([{"a": math.nan, "b": [math.inf, -math.inf], "c": 1.5}])
        self.assertEqual(json.loads(text), [{"a": "NaN", "b": ["+INF", "-INF"], "c": 1.5}])

    def test_written_atomically_with_nothing_else_left_in_the_directory(self):
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "python-cores-1.json")
            jmh_json.write_atomically(path, [])
            self.assertEqual(os.listdir(directory), ["python-cores-1.json"])
            with open(path) as f:
                self.assertEqual(json.load(f), [])

    def test_a_full_disk_leaves_neither_the_result_nor_a_temp_file_and_names_the_file(self):
        with tempfile.TemporaryDirectory() as directory:
            mount = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", directory],
                                   capture_output=True)
            if mount.returncode != 0:
                self.skipTest("mounting a tmpfs needs root")
            try:
                with open(os.path.join(directory, "filler"), "wb", buffering=0) as filler:
                    try:
                        while True:
                            filler.write(b"\0" * 4096)
                    except OSError:
                        pass
                path = os.path.join(directory, "python-cores-1.json")
                with self.assertRaises(jmh_json.WriteError) as raised:
                    jmh_json.write_atomically(path, [{"benchmark": "x" * 10000}])
                self.assertEqual(str(raised.exception), f"{path}: cannot write: no space left on device")
                self.assertEqual(os.listdir(directory), ["filler"])
            finally:
                subprocess.run(["umount", directory], check=True)

    def test_a_result_has_every_field_jmh_writes_in_its_order(self):
        settings = Settings(1, 0.5, 3, 1.0)
        runtime = jmh_json.runtime_description({0, 1}, 2)
        entry = jmh_json.result("parbench.bench.CpuBenchmark.batch", {"model": "py-sequential"}, settings,
                                runtime, [[1.0, 2.0, 3.0]], "ms/op")
        self.assertEqual(list(entry), [
            "jmhVersion", "benchmark", "mode", "threads", "forks", "jvm", "jvmArgs", "jdkVersion",
            "vmName", "vmVersion", "warmupIterations", "warmupTime", "warmupBatchSize",
            "measurementIterations", "measurementTime", "measurementBatchSize", "params",
            "primaryMetric", "secondaryMetrics"])
        self.assertEqual(list(entry["primaryMetric"]), [
            "score", "scoreError", "scoreConfidence", "scorePercentiles", "scoreUnit", "rawData"])
        self.assertEqual(entry["mode"], "avgt")
        self.assertTrue(entry["jdkVersion"].startswith("CPython 3."))
        self.assertEqual(entry["measurementTime"], "1 s")
        self.assertEqual(list(entry["primaryMetric"]["scorePercentiles"]),
                         ["0.0", "50.0", "90.0", "95.0", "99.0", "99.9", "99.99", "99.999", "99.9999", "100.0"])


if __name__ == "__main__":
    unittest.main()
