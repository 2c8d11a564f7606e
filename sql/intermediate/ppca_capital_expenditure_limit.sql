-- clause: ppca-2002/9.2.7(i)
-- The Section 9.2.7 limit on Adjusted Capital Expenditures per Fiscal Year 2002 to 2004, as far as the texts held
-- give it [Sixth Amendment § 1.5 (Credit Agreement § 9.2.7)]: "add to the chart Fiscal Year 2004, and a Base Amount of
-- $75,000,000" (parameter capital_expenditures_base_amount in force on the Fiscal Year's first day) and "the Carryover
-- Amount for Fiscal Year 2004 shall be the amount by which the Base Amount for Fiscal Year 2003 exceeds the Adjusted
-- Capital Expenditures actually made ... in Fiscal Year 2003; provided, however, that the Carryover Amount shall not
-- exceed $10,000,000" (capital_expenditures_carryover_cap; no floor at zero, R-P15; Fiscal Year 2003's Adjusted
-- Capital Expenditures attested as ppca_adjusted_capital_expenditures). Limit = Base Amount + Carryover Amount. The
-- chart's other rows are in the agreement as signed (not available, R-X02): a Fiscal Year whose Base Amount no
-- parameter gives has no limit and names it, as has Fiscal Year 2004 without Fiscal Year 2003's Base Amount. The
-- figures are listed as limits of the results that use them (pipelines.policy.limits).
with years as (
    select cast(y as integer) as fiscal_year, make_date(cast(y as integer), 1, 1) as year_start
    from range(2002, 2005) as t(y)
),

figures as (
    select
        y.fiscal_year,
        base.value as base_amount,
        base.source as base_source,
        earlier.value as prior_base_amount,
        (select a.value_amount from current_attestations as a
         where a.subject = 'ppca_adjusted_capital_expenditures' and a.period_end = make_date(y.fiscal_year - 1, 12, 31)
         order by a.attested_on desc limit 1) as prior_adjusted_capital_expenditures,
        cap.value as carryover_cap,
        cap.source as carryover_cap_source
    from years as y
    left join lateral (
        select cast(p.value as decimal(38, 2)) as value, p.source from policy_parameters as p
        where p.instrument = 'ppca-2002' and p.name = 'capital_expenditures_base_amount' and p.effective_from <= y.year_start
        order by p.effective_from desc limit 1
    ) as base on true
    left join lateral (
        select cast(p.value as decimal(38, 2)) as value from policy_parameters as p
        where p.instrument = 'ppca-2002' and p.name = 'capital_expenditures_base_amount'
            and p.effective_from <= make_date(y.fiscal_year - 1, 1, 1)
        order by p.effective_from desc limit 1
    ) as earlier on true
    left join lateral (
        select cast(p.value as decimal(38, 2)) as value, p.source from policy_parameters as p
        where p.instrument = 'ppca-2002' and p.name = 'capital_expenditures_carryover_cap' and p.effective_from <= y.year_start
        order by p.effective_from desc limit 1
    ) as cap on true
),

carried as (
    select
        *,
        -- only Fiscal Year 2004's Carryover Amount is in the texts held; least() would skip a missing figure
        case when fiscal_year = 2004 and prior_base_amount is not null and prior_adjusted_capital_expenditures is not null and carryover_cap is not null
            then least(carryover_cap, prior_base_amount - prior_adjusted_capital_expenditures) end as carryover_amount
    from figures
)

select
    fiscal_year,
    base_amount,
    carryover_amount,
    cast(base_amount + carryover_amount as decimal(38, 2)) as limit_amount,
    list_concat(
        case when base_amount is null then ['Base Amount for Fiscal Year ' || fiscal_year
            || ' (the Section 9.2.7 chart of the Post-Petition Credit Agreement as signed, not available; R-X02)'] end,
        case when fiscal_year = 2004 and prior_base_amount is null then ['Base Amount for Fiscal Year 2003, for the Carryover Amount (the Section 9.2.7 chart of the Post-Petition Credit Agreement as signed, not available; R-P15)'] end,
        case when fiscal_year = 2004 and prior_adjusted_capital_expenditures is null then ['ppca_adjusted_capital_expenditures for Fiscal Year 2003, for the Carryover Amount (R-P15)'] end,
        case when fiscal_year < 2004 then ['the Carryover Amount into Fiscal Year ' || fiscal_year || ' (Section 9.2.7 of the Post-Petition Credit Agreement as signed, not available; R-X02)'] end
    ) as missing_inputs,
    list_filter([
        json_object('kind', 'base', 'name', 'Base Amount for Fiscal Year ' || fiscal_year, 'value', base_amount::varchar,
                    'clause_id', 'ppca-2002/9.2.7(i)', 'source', coalesce(base_source, 'the Section 9.2.7 chart of the agreement as signed (not available, R-X02)')),
        case when fiscal_year = 2004 then json_object(
            'kind', 'credit', 'name', 'Carryover Amount from Fiscal Year 2003', 'value', carryover_amount::varchar, 'clause_id', 'ppca-2002/9.2.7(i)',
            'source', 'Base Amount for Fiscal Year 2003 ' || coalesce(prior_base_amount::varchar, 'missing')
                || ' less Adjusted Capital Expenditures actually made in Fiscal Year 2003 ' || coalesce(prior_adjusted_capital_expenditures::varchar, 'missing')
                || ', at most the cap, no floor at zero (R-P15)') end,
        case when fiscal_year = 2004 then json_object(
            'kind', 'cap', 'name', 'capital_expenditures_carryover_cap', 'value', carryover_cap::varchar, 'clause_id', 'ppca-2002/9.2.7(i)',
            'source', carryover_cap_source, 'applies_to', 'Carryover Amount from Fiscal Year 2003') end
    ], lambda item: item is not null) as limits
from carried
