-- clause: ppca-2002/def/BorrowingBase
-- clause: ppca-2002/def/AvailabilityReserve
-- transactions of: none
-- Revolving Commitment Availability at least zero (no overadvance), tested on the last ppca-2002 Business Day of each
-- month, with the Agent's reported availability as the figure.

-- The requirement itself, the Borrowing Base's clause (a) (Eligible Accounts) and the definition of Revolving
-- Commitment Availability are in the base Post-Petition Credit Agreement, not available (R-X02, R-P13): every result
-- is indeterminate naming them, with the components the Sixth Amendment replaced (ppca_borrowing_base) as inputs, and
-- each Fiscal Quarter's VALCO PPE Reduction taken off the PPE Subcomponent by the day, with its maximum, as limits
-- (pipelines.policy.limits).
with month_ends as (
    select *
    from ppca_borrowing_base
    qualify row_number() over (partition by month_end order by day desc) = 1
),

result_rows as (
    select
        'ppca-2002/def/BorrowingBase' as clause_id, day as test_date, 'maintenance' as test_kind, cast(null as varchar) as transaction_id,
        reported_revolving_commitment_availability as actual,
        cast(json_object(
            'reported_revolving_commitment_availability', json_object('value', reported_revolving_commitment_availability::varchar, 'clause_id', 'ppca-2002/def/BorrowingBase'),
            'inventory_component', json_object('value', inventory_component::varchar, 'clause_id', 'ppca-2002/def/BorrowingBase(b)'),
            'eligible_inventory', json_object('value', eligible_inventory::varchar, 'clause_id', 'ppca-2002/def/BorrowingBase(b)'),
            'net_recovery_percentage', json_object('value', net_recovery_pct::varchar, 'clause_id', 'ppca-2002/def/NetRecoveryPercentage'),
            'ppe_subcomponent', json_object('value', ppe_subcomponent::varchar, 'clause_id', 'ppca-2002/def/BorrowingBase(c)'),
            'ppe_amortized_amount', json_object('value', ppe_amortized_amount::varchar, 'clause_id', 'ppca-2002/def/BorrowingBase(c)'),
            'ppe_olv_amount', json_object('value', ppe_olv_amount::varchar, 'clause_id', 'ppca-2002/def/BorrowingBase(c)'),
            'cumulative_ppe_subcomponent_reductions', json_object('value', cumulative_ppe_subcomponent_reductions::varchar, 'clause_id', 'ppca-2002/def/PPESubcomponentReduction',
                'source', coalesce(ppe_subcomponent_reduction_sources, 'no Net Disposition Proceeds counted')),
            'cumulative_valco_ppe_reductions', json_object('value', cumulative_valco_ppe_reductions::varchar, 'clause_id', 'ppca-2002/def/VALCOPPEReduction'),
            'availability_reserve', json_object('value', availability_reserve::varchar, 'clause_id', 'ppca-2002/def/AvailabilityReserve'),
            'revolving_commitment_amount', json_object('value', revolving_commitment_amount::varchar, 'clause_id', 'ppca-2002/2.1.1(b)',
                'source', coalesce(revolving_commitment_source, 'no commitment in debt_instruments, facility_commitments or the parameters'))
        ) as varchar) as inputs,
        cast(to_json(list_sort(list_concat(missing_inputs, [
            'Borrowing Base clause (a) (Eligible Accounts), the definition of Revolving Commitment Availability and the '
            || 'requirement that Revolving Credit Outstandings not exceed availability: Post-Petition Credit Agreement of '
            || 'February 12, 2002 (base agreement, not available, R-X02)'
        ]))) as varchar) as missing_inputs,
        cast(to_json(coalesce((
            select case when count(*) > 0 then list_concat(list(v.reduction_limit order by v.quarter_end), [arg_max(v.maximum_limit, v.quarter_end)]) end
            from ppca_valco_ppe_reductions as v
            where v.quarter_end <= month_ends.day
        ), []::json[])) as varchar) as limits
    from month_ends
)

select * from result_on_test_date(result_rows)
