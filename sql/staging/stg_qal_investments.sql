-- clause: ppca-2002/def/PermittedQALInvestmentAmount
-- Cash Investments in QAL and Contingent Liabilities for QAL's Indebtedness by the Company or KAAC, with what every QAL
-- joint venture participant put in on the same occasion and the ownership interest then. Renamed and typed only.
select
    investment_id,
    made_on,
    investor,
    investment_kind,
    cast(amount as decimal(38, 2)) as amount,
    cast(participants_amount as decimal(38, 2)) as participants_amount,
    cast(ownership_interest as decimal(9, 6)) as ownership_interest,
    document,
    _row
from raw_qal_investments
