-- Issue 12 §2, R-DOC-1: a version may carry a short quiz (1–5 single-choice questions of 2–4 options, each with the
-- index of its correct option), written with the draft and signed with it on approval. Whoever is asked to
-- acknowledge the version answers it; only a count of the attempts is kept, never the answers.
alter table document_versions
  add column quiz jsonb not null default '[]'::jsonb
    check (jsonb_typeof(quiz) = 'array' and jsonb_array_length(quiz) <= 5);

alter table document_acks
  add column quiz_attempts integer not null default 0 check (quiz_attempts >= 0);

-- The quiz is part of what the principal signed: once a version leaves draft its questions never change.
create function document_versions_quiz_guard() returns trigger language plpgsql as $$
begin
  if old.status <> 'draft' and new.quiz is distinct from old.quiz then
    raise exception 'the quiz of an approved version is signed' using errcode = 'check_violation', constraint = 'document_versions_quiz_signed';
  end if;
  return new;
end $$;
create trigger document_versions_quiz_signed before update of quiz on document_versions
  for each row execute function document_versions_quiz_guard();
