import subprocess
import unittest

from ftfwatch_dask import run, worker_task


class RunHelpersTest(unittest.TestCase):
    def test_redact_drops_only_the_password(self):
        self.assertEqual(run.redact("postgresql://ftf:s3cr%40t@db.example:5432/ftf?sslmode=require"),
                         "postgresql://ftf@db.example:5432/ftf?sslmode=require")
        self.assertEqual(run.redact("postgresql:///ftf?host=/var/run/postgresql"),
                         "postgresql:///ftf?host=/var/run/postgresql")

    def test_database_problems_and_lost_workers_are_retried_bad_input_is_not(self):
        self.assertTrue(run._retryable(subprocess.CalledProcessError(4, ["ftfwatch"], "", "import failed")))
        self.assertTrue(run._retryable(subprocess.CalledProcessError(-9, ["ftfwatch"], "", "")))
        self.assertTrue(run._retryable(RuntimeError("KilledWorker")))
        self.assertFalse(run._retryable(subprocess.CalledProcessError(3, ["ftfwatch"], "", "not a JSON object")))
        self.assertFalse(run._retryable(subprocess.CalledProcessError(1, ["ftfwatch"], "", "internal")))

    def test_failure_text_names_the_exit_and_the_message(self):
        e = subprocess.CalledProcessError(4, ["ftfwatch"], "", "ftfwatch: db: import failed:\nterminating")
        self.assertEqual(run._failure_text(e), "ftfwatch exit 4: ftfwatch: db: import failed: | terminating")
        self.assertEqual(run._failure_text(subprocess.CalledProcessError(-9, ["ftfwatch"], "", "")),
                         "ftfwatch killed by signal 9")

    def test_line_numbers_of_a_chunk_become_line_numbers_of_the_file(self):
        msg = "ftfwatch: /tmp/ftfwatch-dask-x/chunk.jsonl:12: not a JSON object"
        self.assertEqual(worker_task._renumber_lines(msg, "/tmp/ftfwatch-dask-x/chunk.jsonl", "corpus.jsonl", 1200),
                         "ftfwatch: corpus.jsonl:1211: not a JSON object")


if __name__ == "__main__":
    unittest.main()
