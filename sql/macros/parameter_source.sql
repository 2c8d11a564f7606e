-- clause: policies/<instrument>/parameters/<name>.yaml (the `source` of each dated value)
-- The source (the clause quoted) of the dated parameter's value in force on a day, as `parameter` picks it.
create or replace macro parameter_source(of_instrument, parameter_name, on_day) as (
    select arg_max(p.source, p.effective_from)
    from policy_parameters as p
    where p.instrument = of_instrument and p.name = parameter_name and p.effective_from <= on_day
);
