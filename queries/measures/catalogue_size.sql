-- The number of actions in a period's active catalogue (within the pillar filter; with a K/L filter, those it leads
-- or supports).
select count(*) as actions
from active_catalogue as v
inner join catalogue_actions as a on v.version_id = a.version_id
where v.period_code = $period
    and ($pillar is null or a.pillar = $pillar)
    and (
        $agency is null
        or a.lead_agency = $agency
        or exists (
            select 1
            from catalogue_supporting as s
            where s.version_id = a.version_id and s.action_code = a.action_code and s.agency_code = $agency
        )
    )
