-- Issue 12 §4: an insurer's staff now see the enterprises of their institution's policies in force
-- (liability_policies, src/platform/db/scope.ts), no longer a hand-kept list. The insurers' rows of the old link are
-- removed so nothing reads them by mistake; the service institutions keep theirs.
delete from institution_enterprises ie
  using institutions i
  where i.id = ie.institution_id and i.kind = 'insurer';
