-- Repeatable and idempotent, not versioned (as R__consumer_epoch): every service's database is already past the
-- platform's versions (V0_x) with its own (V1..), and a lower version added now would be refused as out of order.
-- The W3C trace context (traceparent) of the transaction that wrote the row; the relay sends it as the Kafka header
-- `traceparent`, so that the consumers continue the command's trace. Null for rows written outside any span.
alter table outbox_event add column if not exists traceparent varchar(128);
