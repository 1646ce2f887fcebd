-- The W3C trace context (traceparent) of the transaction that wrote the row; the relay sends it as the Kafka header
-- `traceparent`, so that the consumers continue the command's trace. Null for rows written outside any span.
alter table outbox_event add column traceparent varchar(128);
