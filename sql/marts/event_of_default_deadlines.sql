-- clause: indenture-1996/6.01
-- The cure periods of 6.01: the last day a default can be cured, paid, discharged or stayed before it becomes an Event
-- of Default, counted in calendar days from the event's date; completed_on is the event's cured_on.

-- (a) default in interest "continued for a period of thirty days" [Indenture § 6.01(a)];
-- (c) failure "for a period of sixty days after the date on which there has been given ... a written notice"
--     [Indenture § 6.01(c)], counted from the Notice of Default's date;
-- (d) payment default on other indebtedness for money borrowed not cured "within 30 days" [Indenture § 6.01(d)];
-- (e) a final judgment not "discharged, settled, bonded or stayed ... within 30 days after entry thereof" (or
--     after a stay expires: the event's date is then the expiry) [Indenture § 6.01(e)];
-- (f) an involuntary decree or order "unstayed and in effect for a period of ninety consecutive days"
--     [Indenture § 6.01(f)].
with periods as (
    select * from (values
        ('interest_payment_default', 'indenture-1996/6.01(a)', 30, 'pay the installment of interest in default', 'default in interest continued for thirty days is an Event of Default [Indenture § 6.01(a)]'),
        ('notice_of_default', 'indenture-1996/6.01(c)', 60, 'remedy the failure named in the Notice of Default', 'sixty days after the written Notice of Default [Indenture § 6.01(c)]'),
        ('other_debt_payment_default', 'indenture-1996/6.01(d)', 30, 'cure or obtain a waiver of the payment default on other indebtedness for money borrowed', 'payment default not waived or cured within 30 days [Indenture § 6.01(d)]'),
        ('judgment', 'indenture-1996/6.01(e)', 30, 'discharge, settle, bond or stay the final judgment', 'within 30 days after entry, or after a stay expires [Indenture § 6.01(e)]'),
        ('involuntary_bankruptcy_order', 'indenture-1996/6.01(f)', 90, 'have the decree or order stayed or dismissed', 'unstayed and in effect for ninety consecutive days [Indenture § 6.01(f)]')
    ) as p (kind, clause_id, days, obligation, rule)
)

-- A majority's waiver (6.06) never closes a row here: only cured_on does (R-I15; for counsel).
select
    p.clause_id,
    p.obligation || coalesce(' (' || e.instrument_id || ')', '') as obligation,
    e.event_id as reference_id,
    e.event_date as trigger_date,
    cast(e.event_date + p.days * interval 1 day as date) as due_date,
    'none' as business_day_convention,
    p.rule,
    e.cured_on as completed_on,
    '[]' as missing_inputs
from stg_default_events as e
join periods as p on p.kind = e.kind
