// The PostgreSQL store is compiled only with the `Postgres` package trait.
