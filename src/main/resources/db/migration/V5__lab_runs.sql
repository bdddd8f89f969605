-- The last job of each train block of a lab, per student, so that a reloaded page follows it again or shows it
-- finished. Portable between H2 and PostgreSQL.
create table lab_run (
    student_id  bigint       not null references student (id) on delete cascade,
    lab         varchar(100) not null,   -- the lab's slug
    block       int          not null,   -- the train block's place among the lab's widgets (data-index)
    job_id      varchar(36)  not null references job (id) on delete cascade,
    ran_at      bigint       not null,   -- epoch milliseconds
    primary key (student_id, lab, block)
);
