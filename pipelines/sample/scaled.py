"""The sample at N times its size, every covenant figure unchanged by construction: each trial-balance row is split into
N rows, one per sub-account, whose balances add up to the original to the cent, and the chart of accounts maps each
sub-account to its account's line item. Every figure of the product sums trial-balance rows per entity, month and
line item (or counterparty), so the sums, and so every result, are the same at any N.

Nothing else is scaled: the other extracts are transactions, registers and attestations whose rows a clause counts
or tests one by one (an incurrence, a dividend, a letter of credit), so splitting them would change what is tested.
The accounts of the line item `non_recurring_transaction_gain` stay whole too: each holds one transaction's gain,
tested against a threshold account by account (ppca-2002 ANEO (g), R-P60).

The scale-1 sample is written as CSV by the Python generator (about a second), then DuckDB reads it with the
contract's exact types and writes every extract with `COPY ... TO`, so that 21.7 million rows stream to Parquet (or
CSV) without passing through Python. Money stays DECIMAL(18,2) in the Parquet files, never a float.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import duckdb

from pipelines.extracts import contract
from pipelines.extracts.reading import SUFFIXES, literal
from pipelines.sample import generate

# each format as DuckDB's COPY writes it, here and where the bench rewrites a scaled file (pipelines/bench.py)
WRITTEN_AS = {"csv": "format csv, header true", "parquet": "format parquet, compression zstd"}
FORMATS = tuple(WRITTEN_AS)
WHOLE_LINE_ITEMS = ("non_recurring_transaction_gain",)  # one transaction per account (R-P60): never split

# How many sub-accounts an account becomes; $whole lists the accounts kept whole. Two runs write the same rows in the
# same order: the chart's as one file's scan unnested gives them, the trial balances' in the order they are sorted by.
_PARTS = "case when account_id in $whole then 1 else $scale end"

# A sub-account's id is its account's id and its number, zero-padded to the width of N ("4000-007" of 100).
_SUB_ACCOUNT = "case when parts = 1 then account_id else account_id || '-' || lpad(cast(k + 1 as varchar), $width, '0') end"

# unnest(range(...)) yields a row's sub-rows one after another, so the chart keeps the sample's order, row by row.
SPLITS = {
    "chart_of_accounts": f"""
        select
            {_SUB_ACCOUNT} as account_id,
            case when parts = 1 then account_name else account_name || ', sub-account ' || (k + 1) || ' of ' || parts end
                as account_name,
            statement,
            line_item
        from (select *, unnest(range(parts)) as k from (select *, {_PARTS} as parts from chart_of_accounts))
    """,
    # The balance in cents is split into `parts` whole cents: the quotient (truncated towards zero) to every
    # sub-account and one more cent, of the remainder's sign, to each of the first |remainder| of them, so the parts
    # add back to the balance exactly. Multiplying by 0.01 keeps the sum DECIMAL (a division would give a DOUBLE).
    # The rows come out as a ledger exports them and as the sample has them, by entity, month, account and
    # counterparty: each account's counterparties are split together, sub-account by sub-account. Their content
    # fingerprint (pipelines/extracts/fingerprint.py) sorts them in that order, which DuckDB does faster for rows
    # already close to it: at ×800 it took 9.6 s rather than 7.2 s with each counterparty's sub-accounts one after
    # another.
    "trial_balances": f"""
        select
            entity_id,
            period_end,
            {_SUB_ACCOUNT} as account_id,
            row.counterparty_entity_id,
            cast((row.cents // parts + case when k < abs(row.cents % parts) then sign(row.cents) else 0 end) * 0.01
                as decimal(18, 2)) as balance
        from (
            select *, unnest(rows) as row
            from (
                select *, unnest(range(parts)) as k
                from (
                    select
                        entity_id,
                        period_end,
                        account_id,
                        {_PARTS} as parts,
                        list({{'counterparty_entity_id': counterparty_entity_id, 'cents': cast(balance * 100 as bigint)}}
                            order by counterparty_entity_id nulls first) as rows
                    from trial_balances
                    group by entity_id, period_end, account_id
                    order by entity_id, period_end, account_id
                )
            )
        )
    """,
}


def typed_csv_scan(path: Path, extract: contract.Extract) -> str:
    """SQL reading a CSV extract with the contract's types (money as DECIMAL(18,2), never guessed)."""
    columns = ", ".join(f"'{c.name}': '{c.sql_type}'" for c in extract.columns)
    return f"read_csv({literal(str(path))}, header = true, auto_detect = false, columns = {{{columns}}})"


def write_scaled(sample_dir: Path, out_dir: Path, scale: int, file_format: str) -> dict[str, int]:
    """Write every extract of the scale-1 CSV sample in `sample_dir` to `out_dir` as <name>.<file_format>, the trial
    balances and chart split into `scale` sub-accounts; return the number of data rows of each."""
    if file_format not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    clashes = sorted(p.name for e in contract.EXTRACTS for s in SUFFIXES if s != f".{file_format}"
                     for p in [out_dir / f"{e.name}{s}"] if p.exists())
    if clashes:
        # the pipeline refuses an extract given twice; which copy is stale is not ours to guess
        raise FileExistsError(f"{out_dir} already holds {', '.join(clashes[:3])}{' ...' if len(clashes) > 3 else ''}: "
                              f"the same extracts in another format; choose an empty folder")
    out_dir.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    # A COPY keeping the rows' order buffers what its threads produce ahead: at 21.7 million rows, 1.1 GB for
    # Parquet, and for CSV more than any bound (the ×400 CSV died asking for 2 GiB within 1 GB). The split is a scan,
    # not a computation: on one thread ×800 takes as long (7 s for Parquet) in 0.14 GB, and writes the same bytes.
    con.execute("set threads = 1")
    for extract in contract.EXTRACTS:
        con.execute(f"create view {extract.name} as select * from {typed_csv_scan(sample_dir / f'{extract.name}.csv', extract)}")
    whole = [a for (a,) in con.execute("select account_id from chart_of_accounts where line_item in $items",
                                       {"items": list(WHOLE_LINE_ITEMS)}).fetchall()]
    params = {"scale": scale, "width": len(str(scale)), "whole": whole}
    counts = {}
    for extract in contract.EXTRACTS:
        query = SPLITS.get(extract.name, f"select * from {extract.name}")
        target = out_dir / f"{extract.name}.{file_format}"
        used = {k: v for k, v in params.items() if f"${k}" in query}
        counts[extract.name] = con.execute(f"copy ({query}) to '{target}' ({WRITTEN_AS[file_format]})", used).fetchone()[0]
    con.close()
    return counts


def generate_scaled(out_dir: Path, scale: int, file_format: str) -> dict[str, int]:
    """The sample at `scale` times its trial balances, in `file_format`, written to `out_dir`."""
    with tempfile.TemporaryDirectory(prefix="covenants-sample-") as scratch:
        generate(Path(scratch))
        return write_scaled(Path(scratch), out_dir, scale, file_format)
