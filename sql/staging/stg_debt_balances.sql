-- clause: indenture-1996/def/Indebtedness
-- Month-end balances of each debt instrument. Amounts widened to DECIMAL(38,2) so that principal x rate x days
-- cannot overflow (DECIMAL(18,2) x DECIMAL(12,8) would stay DECIMAL(18,10)).
select
    instrument_id,
    period_end,
    cast(principal_outstanding as decimal(38, 2)) as principal_outstanding,
    cast(letters_of_credit_outstanding as decimal(38, 2)) as letters_of_credit_outstanding,
    interest_rate,
    _row
from raw_debt_balances
