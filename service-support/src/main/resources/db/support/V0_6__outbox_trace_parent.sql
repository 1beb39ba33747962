-- The trace an event belongs to (W3C traceparent of the span that added it), sent as the record's traceparent
-- header so that the consumer's handling continues the trace. Null when tracing is off. Expand only: older code
-- leaves it null.
alter table outbox add column trace_parent text;
