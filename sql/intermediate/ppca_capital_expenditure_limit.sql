-- clause: ppca-2002/9.2.7(i)
-- The Section 9.2.7 limit on Adjusted Capital Expenditures per Fiscal Year 2002 to 2004: its Base Amount plus the
-- Carryover Amount (R-P64). The figures are listed as limits of the results that use them (pipelines.policy.limits);
-- `inputs` and `missing_inputs` serve the Fiscal Year end test, `limit_missing_inputs` a single expenditure's.
with years as (
    select cast(y as integer) as fiscal_year, make_date(cast(y as integer), 12, 31) as fiscal_year_end
    from range(2002, 2005) as t (y)
),

-- [Sixth Amendment § 1.5 (Credit Agreement § 9.2.7)]: "add to the chart Fiscal Year 2004, and a Base Amount of
-- $75,000,000 for such Fiscal Year". Base Amounts: the capital_expenditure_base_amounts row of the Fiscal Year wins;
-- without one, the parameter capital_expenditures_base_amount in force on the Fiscal Year's first day (the Sixth
-- Amendment's own $75,000,000 for 2004); the chart's earlier rows are in the agreement as signed and come only from the
-- extract. Adjusted Capital Expenditures (a term of the agreement as signed): the attestation
-- ppca_adjusted_capital_expenditures of each Fiscal Year end.
chart as (
    -- each Fiscal Year's Base Amount: the extract's row, else the parameter in force on its first day
    select
        y.fiscal_year,
        y.fiscal_year_end,
        coalesce(b.base_amount, p.value) as base_amount,
        case when b.base_amount is not null
            then 'capital_expenditure_base_amounts ' || y.fiscal_year_end || ' (' || b.document || ')'
            when p.value is not null then 'parameter capital_expenditures_base_amount (' || p.source || ')'
        end as base_source,
        a.value_amount as adjusted_capital_expenditures,
        a.attestation_id,
        a.document as adjusted_document
    from years as y
    left join raw_capital_expenditure_base_amounts as b on b.fiscal_year_end = y.fiscal_year_end
    left join lateral (
        select
            cast(parameter('ppca-2002', 'capital_expenditures_base_amount', make_date(y.fiscal_year, 1, 1)) as decimal(38, 2)) as value,
            parameter_source('ppca-2002', 'capital_expenditures_base_amount', make_date(y.fiscal_year, 1, 1)) as source
    ) as p on true
    left join lateral (
        select a.value_amount, a.attestation_id, a.document from current_attestations as a
        where a.subject = 'ppca_adjusted_capital_expenditures' and a.period_end = y.fiscal_year_end
        order by a.attested_on desc, a.attestation_id desc limit 1
    ) as a on true
),

figures as (
    select
        cur.*,
        prev.base_amount as prior_base_amount,
        prev.base_source as prior_base_source,
        prev.adjusted_capital_expenditures as prior_adjusted_capital_expenditures,
        prev.attestation_id as prior_attestation_id,
        cap.value as carryover_cap,
        cap.source as carryover_cap_source
    from chart as cur
    left join chart as prev on prev.fiscal_year = cur.fiscal_year - 1
    left join lateral (
        select
            cast(parameter('ppca-2002', 'capital_expenditures_carryover_cap', make_date(cur.fiscal_year, 1, 1)) as decimal(38, 2)) as value,
            parameter_source('ppca-2002', 'capital_expenditures_carryover_cap', make_date(cur.fiscal_year, 1, 1)) as source
    ) as cap on true
),

-- "The 'Carryover Amount' applicable to Fiscal Year 2004 is equal to (i) the Base Amount applicable to 2003 Fiscal Year
-- minus (ii) the aggregate amount of Adjusted Capital Expenditures which were actually made by the Company and its
-- Subsidiaries during the 2003 Fiscal Year; provided, however, that the Carryover Amount shall not exceed $10,000,000"
-- [Sixth Amendment § 1.5 (Credit Agreement § 9.2.7)] (no floor at zero, R-P15). Only Fiscal Year 2004's Carryover
-- Amount is in the texts held (R-X02).
carried as (
    select
        *,
        -- least() passes over a null: a missing input must leave the Carryover Amount unknown
        case when fiscal_year = 2004 and prior_base_amount is not null and prior_adjusted_capital_expenditures is not null and carryover_cap is not null
            then cast(least(carryover_cap, prior_base_amount - prior_adjusted_capital_expenditures) as decimal(38, 2)) end as carryover_amount,
        list_concat(
            case when base_amount is null then ['capital_expenditure_base_amounts row for Fiscal Year ' || fiscal_year
                || ' (Section 9.2.7 chart of the agreement as signed)'] end,
            case when fiscal_year = 2004 and prior_base_amount is null
                then ['capital_expenditure_base_amounts row for Fiscal Year 2003 (Section 9.2.7 chart of the agreement as signed), for the Carryover Amount'] end,
            case when fiscal_year = 2004 and prior_adjusted_capital_expenditures is null then ['ppca_adjusted_capital_expenditures for Fiscal Year 2003, for the Carryover Amount'] end,
            case when fiscal_year = 2004 and carryover_cap is null then ['parameter capital_expenditures_carryover_cap for Fiscal Year 2004'] end,
            case when fiscal_year < 2004 then ['the Carryover Amount into Fiscal Year ' || fiscal_year
                || ' (Section 9.2.7 of the Post-Petition Credit Agreement as signed, not available; R-X02)'] end,
            []::varchar[]
        ) as limit_missing_inputs
    from figures
)

select
    fiscal_year,
    fiscal_year_end,
    adjusted_capital_expenditures,
    base_amount,
    prior_base_amount as base_amount_prior_year,
    prior_adjusted_capital_expenditures as adjusted_capital_expenditures_prior_year,
    carryover_amount,
    cast(base_amount + carryover_amount as decimal(38, 2)) as limit_amount,
    cast(json_object(
        'adjusted_capital_expenditures', json_object('value', adjusted_capital_expenditures::varchar, 'clause_id', 'ppca-2002/9.2.7(i)',
            'source', coalesce('attestation ' || attestation_id || ' (' || adjusted_document || ')', 'none')),
        'base_amount', json_object('value', base_amount::varchar, 'clause_id', 'ppca-2002/9.2.7(i)', 'source', coalesce(base_source, 'none')),
        'base_amount_fiscal_year_' || (fiscal_year - 1), json_object('value', prior_base_amount::varchar, 'clause_id', 'ppca-2002/9.2.7(i)',
            'source', coalesce(prior_base_source, 'none')),
        'adjusted_capital_expenditures_fiscal_year_' || (fiscal_year - 1), json_object('value', prior_adjusted_capital_expenditures::varchar,
            'clause_id', 'ppca-2002/9.2.7(i)', 'source', coalesce('attestation ' || prior_attestation_id, 'none')),
        'carryover_amount_cap', json_object('value', carryover_cap::varchar, 'clause_id', 'ppca-2002/9.2.7(i)'),
        'carryover_amount', json_object('value', carryover_amount::varchar, 'clause_id', 'ppca-2002/9.2.7(i)',
            'source', case when carryover_amount < 0
                then 'negative: Fiscal Year 2003 Adjusted Capital Expenditures exceeded its Base Amount (no floor at zero, R-P15)'
                else 'lesser of the cap and the Fiscal Year 2003 Base Amount less its Adjusted Capital Expenditures' end)
    ) as varchar) as inputs,
    limit_missing_inputs,
    list_concat(
        case when adjusted_capital_expenditures is null then ['ppca_adjusted_capital_expenditures for Fiscal Year ' || fiscal_year] end,
        limit_missing_inputs
    ) as missing_inputs,
    list_filter([
        json_object('kind', 'base', 'name', 'Base Amount for Fiscal Year ' || fiscal_year, 'value', base_amount::varchar,
                    'clause_id', 'ppca-2002/9.2.7(i)', 'source', coalesce(base_source, 'the Section 9.2.7 chart of the agreement as signed (not in the extract)')),
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
