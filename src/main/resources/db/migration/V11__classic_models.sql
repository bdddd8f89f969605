-- A finished classic model (model.kind knn, tree, forest, svm, adaboost), for predictions after its job has left
-- memory. Tribuo's models are stored in Tribuo's protobuf form, gzipped, one part each (a forest: a part a tree);
-- adaboost's are its rounds below. Never Java serialisation. Portable between H2 and PostgreSQL.
create table classic_model (
    job_id      varchar(36) primary key references job (id) on delete cascade,
    kind        varchar(16) not null,
    steps       integer     not null,   -- the steps (trees, rounds) the model was trained for
    stored_size bigint      not null    -- bytes of its parts, or of its rounds' numbers
);

create table classic_model_part (
    job_id varchar(36) not null references classic_model (job_id) on delete cascade,
    part   integer     not null,
    model  bytea       not null,        -- gzipped Tribuo ModelProto
    primary key (job_id, part)
);

-- Adaboost's rounds: alpha and error as streamed live, and the round's weak learner as plain numbers
-- (perceptron: b, w1 ... wd; stump: feature, threshold, sign), separated by spaces.
create table classic_round (
    job_id  varchar(36)      not null references job (id) on delete cascade,
    epoch   integer          not null,
    alpha   double precision not null,
    error   double precision not null,
    learner varchar(16)      not null,
    numbers text             not null,
    primary key (job_id, epoch)
);
