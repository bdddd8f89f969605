-- State several instances on one database share. Portable between H2 and PostgreSQL.

-- Instructors' sessions (Spring Session JDBC's own tables, as its schema for PostgreSQL names them), so that a
-- signed-in instructor is signed in on every instance.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id)
        on delete cascade
);

-- Rate limits and sign-in throttles on PostgreSQL: one token bucket per limit and key (a caller, an address, a
-- username), its state as Bucket4j writes it; rows of buckets that have filled up again are deleted.
create table rate_bucket (
    id         varchar(300) not null primary key,
    state      bytea,
    expires_at bigint
);
