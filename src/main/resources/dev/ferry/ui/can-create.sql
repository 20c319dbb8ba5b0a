-- May the connected user create what Ferry creates? Ferry runs CREATE SCHEMA IF NOT EXISTS, which
-- PostgreSQL checks against the database's CREATE right, then CREATE TABLE in schema public.
SELECT has_database_privilege(current_database(), 'CREATE')
   AND coalesce((SELECT has_schema_privilege(n.oid, 'CREATE')
                   FROM pg_namespace n
                  WHERE n.nspname = 'public'), true)
