-- Jobs and their per-epoch history. Portable between H2 (embedded default) and PostgreSQL.
create table job (
    id            varchar(36)  primary key,
    client        varchar(200),
    spec          text         not null,   -- the JobSpec as JSON, seed filled in
    status        varchar(16)  not null,
    epochs        integer      not null,   -- epochs the spec asks for
    inputs        integer      not null,   -- the network's input width (from the data set)
    epochs_done   integer      not null default 0,
    stop_reason   varchar(16),
    error         text,
    created_at    bigint       not null,   -- epoch milliseconds
    started_at    bigint,
    finished_at   bigint,
    weights       text                     -- the final weights as JSON, once finished
);

create index job_status on job (status);
create index job_created on job (created_at);

create table job_epoch (
    job_id          varchar(36)      not null references job (id) on delete cascade,
    epoch           integer          not null,
    steps           integer          not null,
    seconds         double precision not null,
    elapsed_seconds double precision not null,
    weight_norm     double precision,
    learning_rate   double precision not null,
    train_loss      double precision,
    train_accuracy  double precision,
    train_mae       double precision,
    train_r2        double precision,
    val_loss        double precision,
    val_accuracy    double precision,
    val_mae         double precision,
    val_r2          double precision,
    test_loss       double precision,
    test_accuracy   double precision,
    test_mae        double precision,
    test_r2         double precision,
    status          varchar(16)      not null,
    stop_reason     varchar(16),
    primary key (job_id, epoch)
);
