"""Each sub-clause's words sit directly above the CTE that implements it, as Catala places the text above its rule: a
model's header is its clause ids and a few lines of what the model is, not the clause's text."""

from pipelines.layout import SQL_DIR
from pipelines.models.sql_models import LAYERS

# the lines of prose a header may have besides its `-- clause:` and `-- transactions of:` lines: one or two sentences
MAXIMUM_PROSE_LINES = 5


def _prose_lines(path) -> int:
    """The header's lines (the leading comment lines) other than its clause and transactions lines."""
    count = 0
    for line in path.read_text().splitlines():
        if not line.startswith("--"):
            break
        count += not line.startswith(("-- clause:", "-- transactions of:"))
    return count


def _models() -> dict:
    return {f"{layer}/{p.stem}": p for layer in LAYERS for p in sorted((SQL_DIR / layer).glob("*.sql"))}


def test_a_header_is_the_clause_ids_and_a_few_lines():
    models = _models()
    assert len(models) > 100  # the models were found: an empty folder would pass vacuously
    assert {name: n for name, path in models.items() if (n := _prose_lines(path)) > MAXIMUM_PROSE_LINES} == {}


def test_a_long_header_fails(tmp_path):
    # a header quoting three sub-clauses (eight lines besides the clause line) is the shape the rule refuses
    model = tmp_path / "m.sql"
    model.write_text("-- clause: agreement/1.01\n" + "-- (b)(i): \"Liens on the Permitted Collateral\"\n" * 8 + "select 1\n")
    assert _prose_lines(model) == 8 > MAXIMUM_PROSE_LINES
    model.write_text("-- clause: agreement/1.01\n-- One row per 4.11 test.\n\n-- (b)(i): above its CTE\nselect 1\n")
    assert _prose_lines(model) == 1
