-- "Has a deadline" on the case list reads the referrals still waiting for an answer by the time they were sent, from
-- the index alone: a small part of all referrals, however many were answered.
create index service_referral_waiting on service_referral (sent_at) include (case_file_id) where status = 'SENT';
