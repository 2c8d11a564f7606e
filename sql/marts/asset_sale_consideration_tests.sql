-- clause: indenture-1996/4.14(a)
-- transactions of: asset_sales
-- One row per Asset Sale on or after the Notes were issued: its cash-like consideration against the 75% share of the
-- consideration (4.14(a)).

-- "at least 75% of the consideration therefor received by the Company or such Subsidiary (exclusive of indemnities) is
-- in the form of cash or Cash Equivalents" [Indenture § 4.14(a)]. The consideration is the gross proceeds with non-cash
-- consideration at its attested Fair Market Value (R-I28).
with sales as (
    select
        s.*,
        coalesce(s.non_cash_consideration_fmv, s.other_non_cash_consideration) as non_cash_value,
        s.gross_proceeds - s.other_non_cash_consideration + coalesce(s.non_cash_consideration_fmv, s.other_non_cash_consideration) as consideration,
        (select count(*) from stg_asset_sale_receipts as r where r.transaction_id = s.transaction_id and r.kind = 'note_collection') as note_receipts,
        (
            select coalesce(sum(r.amount), 0) from stg_asset_sale_receipts as r
            where r.transaction_id = s.transaction_id and r.kind = 'note_collection' and r.receipt_date <= s.sale_date + interval 30 day
        ) as notes_collected_within_30_days,
        cast(parameter('indenture-1996', 'asset_sale_minimum_cash_consideration_fraction', s.sale_date) as decimal(9, 6)) as minimum_fraction
    from asset_sales as s
    where s.is_asset_sale and s.sale_date >= date '1996-12-23'
),

-- Deemed cash [Indenture § 4.14(a)]: liabilities "actually assumed by the transferee", and notes or obligations from
-- the transferee "converted (or ... converted within thirty days of the related Asset Sale) ... into cash":
-- note_collection receipts dated no later than the 30th day after the sale (day 31 is not), or, for a sale with no
-- note receipts recorded, the extract's notes_converted_within_30_days. Compared exactly as a computed threshold:
-- cash-like >= the 75% share rounded up to the cent (cash-like is whole cents, so this is the same as cash-like >= 0.75
-- x consideration).
measured as (
    select
        s.*,
        case when s.note_receipts > 0 then s.notes_collected_within_30_days else s.notes_converted_within_30_days end as notes_deemed_cash,
        cast(ceil(s.minimum_fraction * s.consideration * 100) as decimal(38, 0)) * 0.01 as minimum_cash_like
    from sales as s
),

-- The proviso: "this sentence shall not apply to the sale or disposition of assets as a result of a foreclosure (or a
-- secured party taking ownership of such assets in lieu of foreclosure) or as a result of an involuntary proceeding in
-- which the Company cannot, directly or through its Subsidiaries, direct the type of proceeds received"
-- [Indenture § 4.14(a)]: a disposition the extract records as one of those (involuntary_disposition) is not_applicable
-- with that reason. Only "this sentence", the 75% requirement, is lifted: the sale is still an Asset Sale and its NCP
-- still go to 4.14(b)-(e).
result_rows as (
    select
        'indenture-1996/4.14(a)' as clause_id, sale_date as test_date, 'transaction' as test_kind, transaction_id,
        cash_consideration + assumed_liabilities + notes_deemed_cash as actual,
        json_object(
            'consideration_exclusive_of_indemnities', json_object('value', cast(consideration as decimal(38, 2))::varchar, 'clause_id', 'indenture-1996/4.14(a)'),
            'cash_and_cash_equivalents', json_object('value', cash_consideration::varchar, 'clause_id', 'indenture-1996/4.14(a)'),
            'liabilities_assumed', json_object('value', assumed_liabilities::varchar, 'clause_id', 'indenture-1996/4.14(a)'),
            'notes_converted_within_thirty_days', json_object('value', notes_deemed_cash::varchar, 'clause_id', 'indenture-1996/4.14(a)'),
            'other_non_cash_consideration_fmv', json_object('value', non_cash_value::varchar, 'clause_id', 'indenture-1996/def/AssetSale'),
            'minimum_fraction', json_object('value', minimum_fraction::varchar, 'clause_id', 'indenture-1996/4.14(a)')
        )::varchar as inputs,
        to_json(list_concat(
            missing_inputs,
            case when minimum_fraction is null then ['parameter asset_sale_minimum_cash_consideration_fraction on ' || sale_date] end
        ))::varchar as missing_inputs,
        cast(minimum_cash_like as decimal(38, 2)) as threshold,
        case involuntary_disposition
            when 'foreclosure' then 'disposed of as a result of a foreclosure'
            when 'in_lieu_of_foreclosure' then 'disposed of as a result of a secured party taking ownership of the assets in lieu of foreclosure'
            when 'involuntary_proceeding' then 'disposed of as a result of an involuntary proceeding in which the Company cannot direct the type of proceeds received'
        end || ': the 75% cash consideration requirement "shall not apply" (4.14(a) proviso [Indenture § 4.14(a)]).' as not_applicable_because
    from measured
)

select * from result_on_test_date(result_rows)
