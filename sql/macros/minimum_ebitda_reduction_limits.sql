-- clause: ppca-2002/9.2.4(c)
-- clause: ppca-2002/9.2.4(d)
-- The limits of a minimum EBITDA result, quarterly (9.2.4(a)) or monthly (9.2.4(b)): the VALCO shortfall reduction
-- [Sixth Amendment § 1.4 (Credit Agreement § 9.2.4(c))] with the credits and caps that make it up, and the natural gas
-- price reduction [Sixth Amendment § 1.3 (Credit Agreement § 9.2.4(d))] with R1 and R2 where the test period applies
-- them and the parameters they are worked out from. Each mart says which periods apply R1 and R2 and in whose words the
-- two reductions are sourced. A model that is missing (no natural gas row without fiscal quarters) lists nothing
-- rather than a null.
create or replace macro minimum_ebitda_reduction_limits(
    valco_shortfall_reduction, valco_source, credit_limits, cap_limits,
    natural_gas_reduction, natural_gas_source, r1_applies, r2_applies, gas_credits, parameter_limits
) as
    list_filter(list_concat(
        [json_object('kind', 'reduction', 'name', 'VALCO shortfall reduction', 'value', cast(coalesce(valco_shortfall_reduction, 0) as decimal(38, 2))::varchar,
                     'clause_id', 'ppca-2002/9.2.4(c)', 'source', valco_source)],
        coalesce(credit_limits, []::json[]),
        coalesce(cap_limits, []::json[]),
        [json_object('kind', 'reduction', 'name', 'natural gas price reduction', 'value', cast(coalesce(natural_gas_reduction, 0) as decimal(38, 2))::varchar,
                     'clause_id', 'ppca-2002/9.2.4(d)', 'source', natural_gas_source)],
        case when r1_applies then [gas_credits[1]] end,
        case when r2_applies then [gas_credits[2]] end,
        case when r1_applies or r2_applies then parameter_limits end
    ), lambda item: item is not null);
