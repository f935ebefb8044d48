"""Apache Spark: clean captures on a cluster (`pip install "cleaner[spark]"`).

    rdd.mapPartitions(clean_partition)                  # an RDD of raw captures
    paths.mapPartitions(clean_warc_partition)           # an RDD of WARC paths, as cc-pyspark does
    with_cleaned(df, "html", url_column="url")          # adds a struct column "cleaned"

    main(["warcs/", "out/"])       # a spark-submit job: every WARC file to JSON lines

Each Python worker loads the rules once (they travel inside the installed package) and
cleans in its own process: Spark gives the parallelism, so there is no pool inside.
Records are the JSON output schema of `clean --format jsonl`, error records included.

Spark starts its Python workers with PYSPARK_PYTHON, or else `python3` from PATH: outside
an activated virtual environment, a Python without this package, where every task fails
with "No module named 'cleaner'". So when PYSPARK_PYTHON is unset, a local master's
workers run the interpreter running this module (see local_workers_run_this_python).
A cluster's executors need PYSPARK_PYTHON set to a Python that has the package.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .batch import Capture, Options, clean_item, clean_items, warm_up
from .inputs import InputFile, Item, warc_items
from .outputs import record
from .ruleset import RuleSet
from .settings import DEFAULT, Settings

if TYPE_CHECKING:
    from pyspark import SparkContext
    from pyspark.sql import DataFrame
    from pyspark.sql.types import StructType

_USER_PYTHON = os.environ.get("PYSPARK_PYTHON")  # as the user set it (None: unset)


def local_workers_run_this_python(sc: SparkContext | None = None) -> None:
    """With PYSPARK_PYTHON unset, make a local master's Python workers run this interpreter
    (sys.executable), which has this package. Called on import, before the Spark context
    usually exists: then PYSPARK_PYTHON is set for the context to come, unless
    spark-submit started this driver (its workers then run the same `python3` as the
    driver). with_cleaned() and main() call it again with their context, and there a
    cluster master gets Spark's own default back."""
    if _USER_PYTHON is not None:
        return
    if sc is None:
        pyspark = sys.modules.get("pyspark")
        sc = getattr(getattr(pyspark, "SparkContext", None), "_active_spark_context", None)
    if sc is None:
        if "PYSPARK_GATEWAY_PORT" not in os.environ:
            os.environ["PYSPARK_PYTHON"] = sys.executable
        return
    if str(sc.master).startswith("local"):
        sc.pythonExec = sys.executable
    elif sc.pythonExec == sys.executable and os.environ.get("PYSPARK_PYTHON") == sys.executable:
        sc.pythonExec = "python3"  # set by the import above, not by the user: Spark's default


local_workers_run_this_python()

# The fields of the struct column with_cleaned() adds, in order.
CLEANED_FIELDS = (
    "kind", "title", "subtitle", "byline", "authors", "date", "dateline", "site", "language", "description", "text", "markdown", "removed", "error",
)


def clean_partition(
    captures: Iterable[bytes | str | Capture | tuple[str | None, bytes | str]],
    *,
    url: str | None = None,
    kind: str = "auto",
    rules: RuleSet | None = None,
    timeout: float | None = DEFAULT.doc_timeout_seconds,
    settings: Settings = DEFAULT,
) -> Iterator[dict[str, Any]]:
    """For `rdd.mapPartitions(clean_partition)`: one output record (a dict) per capture.

    captures: raw bytes or str, Capture objects, or (url, raw) pairs as in a pair RDD
        keyed by URL (the url becomes `source` and `url`).
    url, kind, rules, timeout, settings: as for clean_many(); bind them with
        functools.partial(clean_partition, kind="html").
    """
    options = Options(rules, url, kind, timeout or None, settings=settings)
    yield from (record(r) for r in clean_items((_item(c) for c in captures), options, jobs=1))


def clean_warc_partition(
    paths: Iterable[str],
    *,
    kind: str = "auto",
    rules: RuleSet | None = None,
    timeout: float | None = DEFAULT.doc_timeout_seconds,
    settings: Settings = DEFAULT,
) -> Iterator[dict[str, Any]]:
    """For `sc.parallelize(warc_paths, n).mapPartitions(clean_warc_partition)`: every HTML
    or text response record of every WARC (or WARC.gz) file, as an output record with
    `source` = WARC-Target-URI and `warc_record_id`. Paths are local (or `file:`) paths on
    a filesystem every executor sees; other URLs work when fsspec is installed.
    """
    options = Options(rules, None, kind, timeout or None, settings=settings)
    for path in paths:
        local = path[len("file://"):] if path.startswith("file://") else path[len("file:"):] if path.startswith("file:") else path
        items = warc_items(InputFile(local, os.path.basename(local)), settings)
        yield from (record(r) for r in clean_items(items, options, jobs=1))


def cleaned_schema() -> StructType:
    """The Spark type of with_cleaned()'s column."""
    from pyspark.sql.types import ArrayType, IntegerType, StringType, StructField, StructType

    types = {"authors": ArrayType(StringType()), "removed": IntegerType()}
    return StructType([StructField(name, types.get(name, StringType())) for name in CLEANED_FIELDS])


def with_cleaned(
    df: DataFrame,
    column: str,
    *,
    url_column: str | None = None,
    output: str = "cleaned",
    kind: str = "auto",
    rules: RuleSet | None = None,
    timeout: float | None = DEFAULT.doc_timeout_seconds,
    settings: Settings = DEFAULT,
) -> DataFrame:
    """`df` plus a struct column `output` (see CLEANED_FIELDS) cleaned from `column`.

    column: a string or binary column holding the raw captures.
    url_column: a column with each page's address (host-scoped rules match against it).
    output: the new column's name; select `cleaned.text`, `cleaned.title`, ...
    kind, rules, timeout, settings: as for clean_many(). A capture that fails has
        `error` set in its struct and empty text; the row stays.
    """
    from pyspark.sql import functions as F

    local_workers_run_this_python(df.sparkSession.sparkContext)
    options = Options(rules, None, kind, timeout or None, settings=settings)

    def clean_value(raw, url):  # type: ignore[no-untyped-def]  # no hints: Spark reads hints as a pandas UDF's
        return _clean_value(options, raw, url)

    udf = F.udf(clean_value, cleaned_schema(), useArrow=False)
    url = F.col(url_column) if url_column else F.lit(None).cast("string")
    return df.withColumn(output, udf(F.col(column), url))


_WARM: set[int] = set()  # ids of the Options this Python worker has warmed up for


def _clean_value(options: Options, raw: bytes | bytearray | str | None, url: str | None) -> tuple[Any, ...]:
    if id(options) not in _WARM:
        warm_up(options)
        _WARM.add(id(options))
    item = Item(url or "-", raw=bytes(raw) if isinstance(raw, bytearray) else raw, url=url, error=None if raw is not None else "no capture (null)")
    result = clean_item(item, options)
    if result.doc is None:
        return tuple(result.error if name == "error" else [] if name == "authors" else 0 if name == "removed" else None for name in CLEANED_FIELDS)
    fields = result.doc.to_dict()
    return tuple(fields.get(name) for name in CLEANED_FIELDS)


def _item(capture: bytes | str | Capture | tuple[str | None, bytes | str]) -> Item:
    if isinstance(capture, tuple) and len(capture) == 2:
        url, raw = capture
        return Item(url or "-", raw=bytes(raw) if isinstance(raw, bytearray) else raw, url=url)
    if isinstance(capture, Capture):
        return Item(capture.source, raw=capture.raw, url=capture.url)
    if isinstance(capture, (bytes, bytearray, str)):
        return Item("-", raw=bytes(capture) if isinstance(capture, bytearray) else capture)
    return Item("-", error=f"not a capture: {type(capture).__name__}")


def warc_paths(where: str) -> list[str]:
    """The WARC files to clean: those under a folder (recursive, sorted), one file, or the
    paths listed one per line in a text file (as cc-pyspark's warc.paths)."""
    path = Path(where)
    if path.is_dir():
        return sorted(str(p) for p in path.rglob("*") if p.name.endswith((".warc", ".warc.gz")) and p.is_file())
    if where.endswith((".warc", ".warc.gz")):
        return [where]
    return [line.strip() for line in path.read_text().splitlines() if line.strip()]


def main(argv: list[str] | None = None) -> None:
    """Clean every WARC file into JSON lines (Spark's part-* files under OUTPUT), one
    partition per WARC file. Run it from a two-line script given to spark-submit
    (docs/scale.md): `from cleaner.spark import main; main()`."""
    parser = argparse.ArgumentParser(prog="clean-warcs", description="Clean WARC files into JSON lines with Spark.")
    parser.add_argument("warcs", help="a folder of WARC files, one WARC file, or a text file listing paths")
    parser.add_argument("output", help="output folder (must not exist)")
    parser.add_argument("--partitions", type=int, default=0, help="default: one per WARC file")
    args = parser.parse_args(argv)
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("cleaner").getOrCreate()
    local_workers_run_this_python(spark.sparkContext)
    paths = warc_paths(args.warcs)
    rdd = spark.sparkContext.parallelize(paths, args.partitions or max(1, len(paths)))
    rdd.mapPartitions(clean_warc_partition).map(lambda r: json.dumps(r, ensure_ascii=False)).saveAsTextFile(args.output)

