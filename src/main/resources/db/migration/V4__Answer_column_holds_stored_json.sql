-- The answer is kept as the decision log's stored JSON: gzipped on H2, plain on PostgreSQL, which
-- compresses large values itself (see StoredJson). Rows written before stay gzip and read the same.
ALTER TABLE decision RENAME COLUMN answer_gzip TO answer;
