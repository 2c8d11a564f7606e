-- clause: policies/<instrument>/parameters/<name>.yaml (the agreements' amounts, each quoting its clause in `source`)
-- The value of a dated parameter in force on a day: the one with the latest effective_from on or before it (the
-- loader refuses two values taking effect on one day, so there is one); null before the first. The value is the
-- policy file's decimal text, so the caller casts it to the type its clause needs (decimal(38, 2) for an amount).
create or replace macro parameter(of_instrument, parameter_name, on_day) as (
    select arg_max(p.value, p.effective_from)
    from policy_parameters as p
    where p.instrument = of_instrument and p.name = parameter_name and p.effective_from <= on_day
);
