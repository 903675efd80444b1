import os
import stat
import tempfile
import unittest

import support
from parbench_py.stub import StubError, StubProcess

FAKE = """#!/bin/sh
# a stand-in for 'scripts/parbench stub': says where it listens, then waits for SIGTERM
echo "starting"
echo "Wikipedia stub listening on http://127.0.0.1:4321 (latency $5 ms)"
exec sleep 300
"""


def _script(directory, text):
    path = os.path.join(directory, "parbench")
    with open(path, "w") as f:
        f.write(text)
    os.chmod(path, os.stat(path).st_mode | stat.S_IEXEC)
    return path


class StubProcessTest(unittest.TestCase):

    def test_reads_the_url_from_the_listening_line_and_stops_the_stub(self):
        with tempfile.TemporaryDirectory() as directory:
            stub = StubProcess(_script(directory, FAKE), 50)
            self.assertEqual(stub.url, "http://127.0.0.1:4321")
            self.assertTrue(support.workers_of(os.getpid()))
            stub.close()
        self.assertEqual(support.workers_of(os.getpid()), {})

    def test_a_stub_that_exits_without_listening_is_an_error_with_its_last_lines(self):
        with tempfile.TemporaryDirectory() as directory:
            script = _script(directory, "#!/bin/sh\necho 'no JDK 21+ found'\nexit 2\n")
            with self.assertRaisesRegex(StubError, r"exited without saying where it listens \(exit 2\): no JDK"):
                StubProcess(script, 0)

    def test_a_missing_script_is_an_error_naming_it(self):
        with self.assertRaisesRegex(StubError, "cannot start '/nonexistent/parbench stub"):
            StubProcess("/nonexistent/parbench", 0)


if __name__ == "__main__":
    unittest.main()
