"""cleaner.spark on a local Spark (local[2]): RDDs of captures, of WARC paths, and DataFrames.

Skips, saying why, where pyspark or Java is missing; `make test` installs pyspark (dev extras).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.test_cli import ARTICLE, BINARY, GOOD_1
from tests.warcs import RECORD_ID_HTML, write_warc

pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed (pip install '.[spark]'; `make test` installs it)")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Spark needs Java (17 or later): none on PATH or in JAVA_HOME", allow_module_level=True)

from cleaner.spark import CLEANED_FIELDS, clean_partition, clean_warc_partition, main, with_cleaned  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    # The workers run this interpreter, with this checkout importable; the JVM starts
    # in half the time with only the first JIT tier, which is all a test needs.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    os.environ.setdefault("PYSPARK_SUBMIT_ARGS", '--driver-java-options "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" pyspark-shell')
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    session = (
        SparkSession.builder.master("local[2]").appName("cleaner-tests")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
        .config("spark.ui.showConsoleProgress", "false").getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_map_partitions_over_raw_captures(spark: Any) -> None:
    captures = [ARTICLE.encode(), ("https://news.example.com/a", ARTICLE), BINARY, ARTICLE]
    records = spark.sparkContext.parallelize(captures, 2).mapPartitions(clean_partition).collect()
    assert [r["source"] for r in records] == ["-", "https://news.example.com/a", "-", "-"]
    assert records[1]["url"] == "https://news.example.com/a"
    assert [("error" in r) for r in records] == [False, False, True, False]
    assert all(GOOD_1 in r["text"] for r in records if "error" not in r)


def test_map_partitions_over_warc_paths_and_the_submit_script(spark: Any, tmp_path: Path) -> None:
    (tmp_path / "warcs").mkdir()
    paths = [str(write_warc(tmp_path / "warcs" / "a.warc.gz", gz=True)), "file://" + str(write_warc(tmp_path / "warcs" / "b.warc"))]
    records = spark.sparkContext.parallelize(paths, 2).mapPartitions(clean_warc_partition).collect()
    assert [r["source"] for r in records] == ["https://news.example.com/a", "https://news.example.com/b.txt"] * 2
    assert records[0]["warc_record_id"] == RECORD_ID_HTML and records[0]["kind"] == "html"
    main([str(tmp_path / "warcs"), str(tmp_path / "out")])
    lines = [json.loads(line) for part in sorted((tmp_path / "out").glob("part-*")) for line in part.read_text().splitlines()]
    assert [r["source"] for r in lines] == [r["source"] for r in records]


def test_dataframe_gets_a_struct_column(spark: Any) -> None:
    df = spark.createDataFrame(
        [("https://news.example.com/a", ARTICLE), ("https://news.example.com/b", None), ("https://news.example.com/c", "\x00" * 500)],
        "url string, html string",
    )
    out = with_cleaned(df, "html", url_column="url")
    assert out.schema["cleaned"].dataType.fieldNames() == list(CLEANED_FIELDS)
    rows = sorted(out.select("url", "cleaned.*").collect(), key=lambda row: row["url"])
    assert GOOD_1 in rows[0]["text"] and rows[0]["title"] and rows[0]["error"] is None
    assert rows[1]["error"] == "no capture (null)" and rows[2]["error"]


def test_local_mode_works_without_pyspark_python_or_an_activated_venv(tmp_path: Path) -> None:
    """A script run by this venv's Python, venv not activated, PYSPARK_PYTHON unset: Spark's
    workers would run `python3` from PATH, which has no cleaner; they run this one instead."""
    script = tmp_path / "job.py"
    script.write_text(
        "import json, sys\n"
        "from cleaner.spark import clean_partition\n"  # imported before the session, as usual
        "from pyspark.sql import SparkSession\n"
        "spark = SparkSession.builder.master('local[1]').config('spark.ui.enabled', 'false').getOrCreate()\n"
        "spark.sparkContext.setLogLevel('ERROR')\n"
        "records = spark.sparkContext.parallelize([sys.argv[1]], 1).mapPartitions(clean_partition).collect()\n"
        "print(json.dumps(records))\n"
        "spark.stop()\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYSPARK_", "VIRTUAL_ENV")) and k != "PYTHONPATH"}
    env["PATH"] = os.pathsep.join(p for p in os.environ.get("PATH", "").split(os.pathsep) if not p.startswith(str(Path(sys.executable).parent)))
    if shutil.which("java") is not None:
        env["PATH"] += os.pathsep + str(Path(shutil.which("java") or "").parent)
    env.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    env["PYSPARK_SUBMIT_ARGS"] = '--driver-java-options "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" pyspark-shell'
    done = subprocess.run([sys.executable, str(script), ARTICLE], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    (record,) = json.loads(done.stdout.strip().splitlines()[-1])
    assert GOOD_1 in record["text"]
