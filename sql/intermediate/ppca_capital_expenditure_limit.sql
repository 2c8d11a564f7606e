-- clause: ppca-2002/9.2.7(i)
-- The Section 9.2.7 limit on Adjusted Capital Expenditures for Fiscal Year 2004: its Base Amount plus the Carryover
-- Amount (R-P64) [Sixth Amendment § 1.5 (Credit Agreement § 9.2.7)]: "add to the chart Fiscal Year 2004, and a Base
-- Amount of $75,000,000 for such Fiscal Year" and "The 'Carryover Amount' applicable to Fiscal Year 2004 is equal to
-- (i) the Base Amount applicable to 2003 Fiscal Year minus (ii) the aggregate amount of Adjusted Capital Expenditures
-- which were actually made by the Company and its Subsidiaries during the 2003 Fiscal Year; provided, however, that
-- the Carryover Amount shall not exceed $10,000,000" (no floor at zero, R-P15).
-- Base Amounts: the capital_expenditure_base_amounts row of the Fiscal Year; Fiscal Year 2004 without one takes the
-- parameter capital_expenditures_base_amount, the Sixth Amendment's own $75,000,000; Fiscal Year 2003 is in the chart of
-- the agreement as signed and comes only from the extract. Adjusted Capital Expenditures (a term of the agreement as
-- signed): the attestation ppca_adjusted_capital_expenditures of each Fiscal Year end.
with years as (
    select
        y.fiscal_year_end,
        b.base_amount as base_from_data,
        b.document as base_document,
        a.value_amount as adjusted_capital_expenditures,
        a.attestation_id,
        a.document as adjusted_document
    from (values (date '2003-12-31'), (date '2004-12-31')) as y(fiscal_year_end)
    left join raw_capital_expenditure_base_amounts as b on b.fiscal_year_end = y.fiscal_year_end
    left join current_attestations as a
        on a.subject = 'ppca_adjusted_capital_expenditures' and a.period_end = y.fiscal_year_end
    qualify row_number() over (partition by y.fiscal_year_end order by a.attested_on desc nulls last, a.attestation_id desc) = 1
),

parameters as (
    -- the values in force at the end of Fiscal Year 2004
    select
        arg_max(cast(value as decimal(38, 2)), effective_from) filter (where name = 'capital_expenditures_base_amount') as base_default,
        arg_max(source, effective_from) filter (where name = 'capital_expenditures_base_amount') as base_default_source,
        arg_max(cast(value as decimal(38, 2)), effective_from) filter (where name = 'capital_expenditures_carryover_cap') as carryover_cap
    from policy_parameters
    where instrument = 'ppca-2002' and effective_from <= date '2004-12-31'
),

fy2004 as (
    select
        cur.fiscal_year_end,
        cur.adjusted_capital_expenditures,
        cur.attestation_id,
        cur.adjusted_document,
        coalesce(cur.base_from_data, p.base_default) as base_amount,
        case when cur.base_from_data is not null
            then 'capital_expenditure_base_amounts ' || cur.fiscal_year_end || ' (' || cur.base_document || ')'
            else 'parameter capital_expenditures_base_amount (' || p.base_default_source || ')'
        end as base_amount_source,
        prev.base_from_data as base_amount_2003,
        'capital_expenditure_base_amounts ' || prev.fiscal_year_end || ' (' || prev.base_document || ')' as base_amount_2003_source,
        prev.adjusted_capital_expenditures as adjusted_capital_expenditures_2003,
        prev.attestation_id as attestation_id_2003,
        p.carryover_cap,
        -- least() passes over a null: a missing input must leave the Carryover Amount unknown
        case when p.carryover_cap is not null and prev.base_from_data is not null and prev.adjusted_capital_expenditures is not null
            then least(p.carryover_cap, prev.base_from_data - prev.adjusted_capital_expenditures) end as carryover_amount
    from years as cur
    join years as prev on prev.fiscal_year_end = date '2003-12-31'
    cross join parameters as p
    where cur.fiscal_year_end = date '2004-12-31'
)

select
    fiscal_year_end,
    adjusted_capital_expenditures,
    base_amount,
    base_amount_2003,
    adjusted_capital_expenditures_2003,
    cast(carryover_amount as decimal(38, 2)) as carryover_amount,
    cast(base_amount + carryover_amount as decimal(38, 2)) as capital_expenditure_limit,
    cast(json_object(
        'adjusted_capital_expenditures', json_object('value', adjusted_capital_expenditures::varchar, 'clause_id', 'ppca-2002/9.2.7(i)',
            'source', coalesce('attestation ' || attestation_id || ' (' || adjusted_document || ')', 'none')),
        'base_amount', json_object('value', base_amount::varchar, 'clause_id', 'ppca-2002/9.2.7(i)', 'source', base_amount_source),
        'base_amount_fiscal_year_2003', json_object('value', base_amount_2003::varchar, 'clause_id', 'ppca-2002/9.2.7(i)',
            'source', coalesce(base_amount_2003_source, 'none')),
        'adjusted_capital_expenditures_fiscal_year_2003', json_object('value', adjusted_capital_expenditures_2003::varchar,
            'clause_id', 'ppca-2002/9.2.7(i)', 'source', coalesce('attestation ' || attestation_id_2003, 'none')),
        'carryover_amount_cap', json_object('value', carryover_cap::varchar, 'clause_id', 'ppca-2002/9.2.7(i)'),
        'carryover_amount', json_object('value', cast(carryover_amount as decimal(38, 2))::varchar, 'clause_id', 'ppca-2002/9.2.7(i)',
            'source', case when carryover_amount < 0
                then 'negative: Fiscal Year 2003 Adjusted Capital Expenditures exceeded its Base Amount (no floor at zero, R-P15)'
                else 'lesser of the cap and the Fiscal Year 2003 Base Amount less its Adjusted Capital Expenditures' end)
    ) as varchar) as inputs,
    list_concat(
        case when adjusted_capital_expenditures is null then ['ppca_adjusted_capital_expenditures for Fiscal Year 2004'] end,
        case when base_amount is null then ['Base Amount for Fiscal Year 2004 (capital_expenditure_base_amounts, or the parameter capital_expenditures_base_amount)'] end,
        case when base_amount_2003 is null then ['capital_expenditure_base_amounts row for Fiscal Year 2003 (Section 9.2.7 chart of the agreement as signed), for the Carryover Amount'] end,
        case when adjusted_capital_expenditures_2003 is null then ['ppca_adjusted_capital_expenditures for Fiscal Year 2003, for the Carryover Amount'] end,
        case when carryover_cap is null then ['parameter capital_expenditures_carryover_cap for Fiscal Year 2004'] end,
        []::varchar[]
    ) as missing_inputs
from fy2004
