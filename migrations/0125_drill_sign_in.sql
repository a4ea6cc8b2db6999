-- Issue 14 §3 and issue 11 §3: a drill's participants sign in with the platform's signatures — on the organiser's or a
-- team leader's device ("sign for another": a drawn signature and the last four of the ID number) or on their own
-- account. The participant keeps the signature that proves it; a sign-in listed by the organiser stays 'manual'.
alter table drill_participants add column signature_id uuid;
-- A 'signature' the client only claimed, with nothing to prove it, was a listing by the organiser.
update drill_participants set sign_in = 'manual' where sign_in = 'signature';
alter table drill_participants add constraint drill_participants_signature
  foreign key (enterprise_id, signature_id) references signatures (enterprise_id, id);
alter table drill_participants add constraint drill_participants_signed
  check ((sign_in = 'signature') = (signature_id is not null));
