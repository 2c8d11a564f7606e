-- clause: policies/<instrument>/parameters/<name>.yaml (every dated value, with its source)
-- Every value of a dated parameter, one row per effective_from: for a model that follows a parameter through time
-- (an amount from each day it changes) rather than reading the value in force on one day (`parameter`).
create or replace macro parameter_history(of_instrument, parameter_name) as table
    select p.effective_from, p.value, p.source
    from policy_parameters as p
    where p.instrument = of_instrument and p.name = parameter_name;
