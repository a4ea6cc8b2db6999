-- Issue 13 §3, R-PPE-1: personal protective equipment (劳动防护用品). The post types, the items with their standards and
-- the default issue standard per post type (item, quantity, replacement cycle) are the rule-set `ppe` [cfg]; each
-- enterprise maps its posts to a post type, and may give a post its own list (copied from the type's and edited).
create table ppe_posts (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  post_id uuid not null,
  -- The post type's code in the rule-set (welder, electrician, height, …).
  post_type text not null check (char_length(post_type) between 1 and 50),
  -- null: the post type's standard; else the post's own [{item, quantity, cycleMonths}].
  items jsonb,
  updated_by uuid references users(id),
  updated_at timestamptz not null,
  version integer not null default 1,
  primary key (enterprise_id, post_id),
  foreign key (enterprise_id, post_id) references posts (enterprise_id, id) on delete cascade
);

-- The issue ledger, one row per item issued to one person: what, how many, when, the next replacement (issued on +
-- the cycle, end-of-month clamped) and the person's signed receipt. A signed row is never changed: a correction is a
-- new row that voids the old one, with the reason (`replaces_id` on the new row).
create table ppe_issues (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  employee_id uuid not null,
  -- The post whose standard it was issued under (null: outside a post's standard); no foreign key: the post may go later.
  post_id uuid,
  item text not null check (char_length(item) between 1 and 50),
  -- The item's name and standard as the rule-set named them on the day of issue.
  item_name text not null check (char_length(item_name) between 1 and 100),
  standard text not null default '' check (char_length(standard) <= 200),
  quantity integer not null check (quantity between 1 and 1000),
  issued_on date not null,
  cycle_months integer check (cycle_months between 1 and 120),
  next_replacement date,
  -- Several people issued one item together (a team leader's batch on his phone).
  batch_id uuid,
  note text not null default '' check (char_length(note) <= 500),
  issued_by uuid references users(id),
  created_at timestamptz not null,
  signature_id uuid,
  signed_at timestamptz,
  sign_method text check (sign_method in ('pad', 'password', 'proxy_pad')),
  voided_at timestamptz,
  voided_by uuid references users(id),
  void_reason text check (char_length(void_reason) <= 500),
  replaces_id uuid,
  version integer not null default 1,
  primary key (enterprise_id, id),
  foreign key (enterprise_id, employee_id) references employees (enterprise_id, id),
  check ((signed_at is null) = (signature_id is null) and (signed_at is null) = (sign_method is null)),
  check ((voided_at is null) = (void_reason is null)),
  check ((cycle_months is null) = (next_replacement is null))
);
-- A person's ledger and the latest issue per person and item (replacements, gaps).
create index ppe_issues_person on ppe_issues (enterprise_id, employee_id, item, issued_on desc) where voided_at is null;
-- Replacements coming due across the district.
create index ppe_issues_due on ppe_issues (next_replacement, enterprise_id) where voided_at is null;
create index ppe_issues_unsigned on ppe_issues (enterprise_id, created_at) where voided_at is null and signed_at is null;

-- A signed issue is immutable: the one write allowed later is voiding it once (by a correction). Deleting one is
-- refused too, unless its whole enterprise goes (the cascade, after the enterprise row is gone).
create function ppe_issues_signed_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if old.signed_at is not null and exists (select 1 from enterprises e where e.id = old.enterprise_id) then
      raise exception 'ppe issue % is signed', old.id using errcode = 'check_violation', constraint = 'ppe_issues_signed';
    end if;
    return old;
  end if;
  if old.signed_at is null then
    return new;
  end if;
  if old.voided_at is null and new.voided_at is not null
      and (to_jsonb(new) - 'voided_at' - 'voided_by' - 'void_reason' - 'version') = (to_jsonb(old) - 'voided_at' - 'voided_by' - 'void_reason' - 'version') then
    return new;
  end if;
  raise exception 'ppe issue % is signed', old.id using errcode = 'check_violation', constraint = 'ppe_issues_signed';
end $$;
create trigger ppe_issues_signed before update or delete on ppe_issues
  for each row execute function ppe_issues_signed_guard();

-- R-PPE-1: correct use is checked through the check library; failing one of these opens an "unsafe behaviour" hazard
-- (src/modules/hazards/checks/check-library.ts, category 劳动防护用品).
insert into check_standard_items (code, category, content, method, basis, major_criterion, sort) values
  ('FH-001', '劳动防护用品', '作业人员按规定佩戴劳动防护用品', '现场查看作业人员安全帽、防护眼镜、防护手套、防护鞋等的佩戴情况，对照本岗位劳动防护用品配备标准', '《中华人民共和国安全生产法》第四十五条、第五十七条；GB 39800.1-2020《个体防护装备配备规范 第1部分：总则》', false, 132),
  ('FH-002', '劳动防护用品', '劳动防护用品使用方法正确（安全帽系紧下颏带、安全带高挂低用、口罩与面部贴合）', '现场观察佩戴方法，抽问岗位人员使用要求', '《中华人民共和国安全生产法》第五十七条；GB 39800.1-2020《个体防护装备配备规范 第1部分：总则》', false, 133),
  ('FH-003', '劳动防护用品', '噪声、粉尘岗位作业人员佩戴护听器、防尘口罩', '现场查看噪声、粉尘岗位人员佩戴情况', '《中华人民共和国安全生产法》第四十五条；《中华人民共和国职业病防治法》第二十二条', false, 134),
  ('FH-004', '劳动防护用品', '电气作业人员穿电绝缘鞋、戴绝缘手套，绝缘用品在检验有效期内', '现场查看电气作业人员的绝缘防护用品及其检验标签', 'GB 12011-2009《足部防护 电绝缘鞋》；GB 26860-2011《电力安全工作规程 发电厂和变电站电气部分》', false, 135),
  ('FH-005', '劳动防护用品', '接触化学品的作业人员穿戴防化服、防化手套和眼面部防护', '现场查看装卸、取样、投料等岗位人员的防护用品', '《中华人民共和国安全生产法》第四十五条；GB 39800.1-2020《个体防护装备配备规范 第1部分：总则》', false, 136),
  ('FH-006', '劳动防护用品', '劳动防护用品在有效期内，无破损、失效仍在使用', '现场抽查防护用品的生产日期、外观和发放记录，对照更换周期', '《中华人民共和国安全生产法》第四十五条；GB 39800.1-2020《个体防护装备配备规范 第1部分：总则》', false, 137)
on conflict (code) do nothing;
