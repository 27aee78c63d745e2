import os
import tempfile
import unittest

from ftfwatch_dask import chunks


class JsonlChunksTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.path = os.path.join(self.dir.name, "c.jsonl")
        # 10 lines of 100 bytes each (99 + newline).
        self.lines = [(f'{{"id":{i},"text":"' + "x" * 80).ljust(97, "x") + '"}\n' for i in range(10)]
        with open(self.path, "w") as f:
            f.write("".join(self.lines))

    def tearDown(self):
        self.dir.cleanup()

    def test_ranges_cover_the_file_on_line_boundaries(self):
        plan = chunks.plan_chunks([self.path], 250)
        # 250 bytes reach into the third line, which ends at 300: chunks of 3, 3, 3, 1 lines.
        self.assertEqual([(c.start, c.end) for c in plan], [(0, 300), (300, 600), (600, 900), (900, 1000)])
        data = b"".join(chunks.read_payload(c)[1] for c in plan)
        self.assertEqual(data, "".join(self.lines).encode())
        self.assertEqual([chunks.payload_lines(chunks.read_payload(c)) for c in plan], [3, 3, 3, 1])

    def test_a_boundary_on_a_newline_is_not_moved(self):
        plan = chunks.plan_chunks([self.path], 200)
        self.assertEqual([(c.start, c.end) for c in plan], [(0, 200), (200, 400), (400, 600), (600, 800), (800, 1000)])

    def test_a_line_longer_than_the_chunk_is_a_chunk_of_its_own(self):
        plan = chunks.plan_chunks([self.path], 1)
        self.assertEqual(len(plan), 10)
        self.assertTrue(all(c.size == 100 for c in plan))

    def test_key_changes_when_the_file_does(self):
        before = [c.key() for c in chunks.plan_chunks([self.path], 250)]
        self.assertEqual(len(set(before)), 4)
        with open(self.path, "a") as f:
            f.write('{"text":"more"}\n')
        after = [c.key() for c in chunks.plan_chunks([self.path], 250)]
        self.assertFalse(set(before) & set(after))

    def test_missing_input_is_named(self):
        with self.assertRaisesRegex(FileNotFoundError, "nope.jsonl"):
            chunks.plan_chunks([os.path.join(self.dir.name, "nope.jsonl")], 100)


class TextChunksTest(unittest.TestCase):
    def test_directory_files_in_path_order_grouped_by_size(self):
        with tempfile.TemporaryDirectory() as d:
            os.makedirs(os.path.join(d, "sub"))
            sizes = {"b.txt": 60, "a.txt": 50, "sub/c.txt": 70, "z.txt": 10}
            for name, n in sizes.items():
                with open(os.path.join(d, name), "wb") as f:
                    f.write(b"t" * n)
            plan = chunks.plan_chunks([d], 120)
            names = [[os.path.relpath(p, d) for p, _, _ in c.files] for c in plan]
            # Path order a, b, sub/c, z; a+b = 110 fits in 120, c would not; c+z = 80.
            self.assertEqual(names, [["a.txt", "b.txt"], ["sub/c.txt", "z.txt"]])
            self.assertEqual([c.size for c in plan], [110, 80])
            kind, files = chunks.read_payload(plan[1])
            self.assertEqual(kind, "files")
            self.assertEqual([len(b) for _, b in files], [70, 10])

    def test_a_single_text_file(self):
        with tempfile.NamedTemporaryFile("wb", suffix=".txt") as f:
            f.write(b"About 850 people left the UK.")
            f.flush()
            plan = chunks.plan_chunks([f.name], 16)
            self.assertEqual(len(plan), 1)
            self.assertEqual(plan[0].kind, "files")


if __name__ == "__main__":
    unittest.main()
