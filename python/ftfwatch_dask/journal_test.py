import os
import tempfile
import unittest

from ftfwatch_dask import journal


class JournalTest(unittest.TestCase):
    def test_records_survive_a_reopen_and_a_torn_last_line(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "state", "run.jsonl")
            j = journal.Journal(path)
            j.record("a", 10)
            j.record("b", 7)
            j.close()
            with open(path, "a") as f:
                f.write('{"key": "c", "li')  # the client died mid-write
            j = journal.Journal(path)
            self.assertEqual((j.lines_of("a"), j.lines_of("b"), j.lines_of("c")), (10, 7, None))
            self.assertEqual(len(j), 2)
            j.close()
            j = journal.Journal(path, resume=False)  # --no-resume starts the journal afresh
            self.assertEqual(len(j), 0)
            self.assertIsNone(j.lines_of("a"))
            j.close()

    def test_run_id_depends_on_what_defines_the_run(self):
        a = journal.run_id({"db": "x", "chunk_mb": 16, "inputs": ["/c.jsonl"]})
        self.assertEqual(a, journal.run_id({"inputs": ["/c.jsonl"], "chunk_mb": 16, "db": "x"}))
        self.assertNotEqual(a, journal.run_id({"db": "x", "chunk_mb": 8, "inputs": ["/c.jsonl"]}))


if __name__ == "__main__":
    unittest.main()
