-- clause: ppca-2002/def/PermittedQALInvestmentAmount
-- clause: ppca-2002/def/PermittedQALInvestmentAmount/ratable
-- transactions of: qal_investments
-- The Permitted QAL Investment Amount's cap and its ratable proviso: one row per investment of each clause, on its date.

-- "Permitted QAL Investment Amount" means an aggregate amount of $102,000,000 for Fiscal Years 2002 through 2004
-- (whether or not such amount or any such Fiscal Year was reflected in the Financial Forecast), which may consist of any
-- combination of cash Investments in, and/or Contingent Liabilities incurred in respect of Indebtedness of, QAL by the
-- Company and/or KAAC; provided that all such cash Investments in, or Contingent Liabilities incurred in respect of
-- Indebtedness of, QAL shall be made on a ratable basis with those of the other joint venture participants in QAL,
-- based on the amount of such Persons' ownership interests in QAL" [Sixth Amendment § 1.1(i), “Permitted QAL
-- Investment Amount”].
with investments as (
    select
        i.*,
        (select sum(o.amount) from stg_qal_investments as o
         where o.made_on between date '2002-01-01' and date '2004-12-31' and o.made_on <= i.made_on) as aggregate_made,
        (select list(o._row order by o._row) from stg_qal_investments as o
         where o.made_on between date '2002-01-01' and date '2004-12-31' and o.made_on <= i.made_on) as aggregate_rows,
        round(i.ownership_interest * i.participants_amount, 2) as ratable_amount
    from stg_qal_investments as i
),

tests as (
    -- the amount: every cash Investment and Contingent Liability of the Company and KAAC made in Fiscal Years 2002
    -- through 2004 up to that day, in aggregate, against $102,000,000 (an aggregate of what was made: a return or a
    -- released guarantee does not restore it, R-P72). An investment after Fiscal Year 2004 is outside the amount: the
    -- base agreement's 9.2.5, which applies it, is not available (R-X02).
    select
        'ppca-2002/def/PermittedQALInvestmentAmount' as clause_id,
        investment_id,
        made_on,
        aggregate_made as actual,
        json_object(
            'qal_investments_fiscal_years_2002_to_2004', json_object('value', coalesce(aggregate_made, 0)::varchar,
                'clause_id', 'ppca-2002/def/PermittedQALInvestmentAmount',
                'rows', 'qal_investments rows ' || coalesce(array_to_string(aggregate_rows, ', '), 'none')),
            'this_investment', json_object('value', amount::varchar, 'clause_id', 'ppca-2002/def/PermittedQALInvestmentAmount',
                'kind', investment_kind, 'investor', investor, 'rows', 'qal_investments row ' || _row)
        ) as inputs,
        case when made_on > date '2004-12-31'
            then ['the Permitted QAL Investment Amount is for Fiscal Years 2002 through 2004; what limits a later investment is in Section 9.2.5 of the base agreement, not available (R-X02)']
            else [] end as missing_inputs
    from investments
    union all
    -- ratable: the investment against the ownership interest times what every participant put in on that occasion, to
    -- the cent (R-P72); the figure is the difference either way, which must be 0.
    select
        'ppca-2002/def/PermittedQALInvestmentAmount/ratable',
        investment_id,
        made_on,
        abs(amount - ratable_amount),
        json_object(
            'this_investment', json_object('value', amount::varchar, 'clause_id', 'ppca-2002/def/PermittedQALInvestmentAmount',
                'rows', 'qal_investments row ' || _row),
            'participants_amount', json_object('value', participants_amount::varchar, 'clause_id', 'ppca-2002/def/PermittedQALInvestmentAmount'),
            'ownership_interest', json_object('value', ownership_interest::varchar, 'clause_id', 'ppca-2002/def/PermittedQALInvestmentAmount'),
            'ratable_amount', json_object('value', ratable_amount::varchar, 'clause_id', 'ppca-2002/def/PermittedQALInvestmentAmount')
        ),
        []
    from investments
),

result_rows as (
    select
        clause_id, made_on as test_date, 'transaction' as test_kind, investment_id as transaction_id, actual,
        cast(null as decimal(38, 2)) as threshold,
        cast(inputs as varchar) as inputs,
        cast(to_json(missing_inputs) as varchar) as missing_inputs
    from tests
)

select * from result_on_test_date(result_rows)
