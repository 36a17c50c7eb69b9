-- Requests an API client may repeat safely: a write sent with an Idempotency-Key is recorded in the same transaction
-- as the write itself, with the answer it got. When the answer is lost (a connection cut during COMMIT, a timeout),
-- the client sends the request again with the same key and gets the recorded answer instead of a second write.
-- Rows name the caller by user name and the request by a hash; bodies and answers hold no personal data (the API's
-- write answers are record ids and case numbers).
create table api_request (
    username        text        not null,
    idempotency_key text        not null check (length(idempotency_key) between 1 and 100),
    fingerprint     bytea       not null,
    status          integer,
    location        text,
    answer          text,
    received_at     timestamptz not null default now(),
    primary key (username, idempotency_key)
);
create index api_request_received on api_request (received_at);
-- its grant is a line of R__application_grants.sql
