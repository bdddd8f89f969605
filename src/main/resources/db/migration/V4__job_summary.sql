-- Each job's model summary (parameters per layer, as Keras's model.summary()), stored when the job is
-- submitted so that reading a job never maps its spec again. Null for jobs stored before this column:
-- their summary is computed once on first read and stored. Portable between H2 and PostgreSQL.
alter table job add column summary text;
