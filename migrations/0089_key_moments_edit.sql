-- Issue 11 §9, R-RESP-6: declared key moments can be edited and deleted by the enterprise's managers, but a day with an
-- on-duty check-in is a record of someone having been there: the moment keeps it. The service refuses first (409 with
-- the day); this trigger is the backstop: a moment with a check-in is never deleted (its check-ins would go with it),
-- and its days never shrink past a checked-in day.
create function key_moments_keep_checkins() returns trigger language plpgsql as $$
declare
  kept date;
begin
  if tg_op = 'DELETE' then
    select c.day into kept from duty_checkins c where c.enterprise_id = old.enterprise_id and c.moment_id = old.id limit 1;
    if found then
      raise exception 'key moment % has an on-duty check-in on % and is kept', old.id, kept using errcode = 'P0001';
    end if;
    return old;
  end if;
  select c.day into kept from duty_checkins c where c.enterprise_id = old.enterprise_id and c.moment_id = old.id
     and (c.day < new.starts_on or c.day > new.ends_on) limit 1;
  if found then
    raise exception 'key moment % has an on-duty check-in on %, outside its new days', old.id, kept using errcode = 'P0001';
  end if;
  return new;
end $$;
create trigger key_moments_keep_checkins before delete or update of starts_on, ends_on on key_moments
  for each row execute function key_moments_keep_checkins();
