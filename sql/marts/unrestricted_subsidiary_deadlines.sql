-- clause: indenture-1996/4.15(iii)
-- The replacement of an independent director or executive officer of an Unrestricted Subsidiary after a death or
-- resignation: due within the grace "not exceeding 30 days following the death or resignation" [Indenture § 4.15(iii)],
-- counted in calendar days; completed on the first independent appointment to that kind of seat.
select
    'indenture-1996/4.15(iii)' as clause_id,
    'appoint an independent ' || replace(position, '_', ' ') || ' of ' || entity_id || ' to replace ' || person_name as obligation,
    entity_id || ' ' || position || ' vacated ' || ceased_on as reference_id,
    ceased_on as trigger_date,
    replace_by as due_date,
    'none' as business_day_convention,
    'at least one independent ' || replace(position, '_', ' ') || ' at all times, except for any period not exceeding '
        || grace_days || ' days following the death or resignation of such person [Indenture § 4.15(iii)]' as rule,
    filled_on as completed_on,
    '[]' as missing_inputs
from unrestricted_subsidiary_vacancies
where cessation_reason in ('death', 'resignation')
