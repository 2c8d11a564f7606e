"""The Dagster code location's assets, checks, jobs and schedules, one module per stage.

Asset bodies only call the plain functions of `pipelines.extracts`, `pipelines.models`, `pipelines.policy` and
`pipelines.quarter_end`; `pipelines/definitions.py` assembles them.
"""
