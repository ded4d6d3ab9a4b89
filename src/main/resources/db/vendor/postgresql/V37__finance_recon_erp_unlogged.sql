-- PostgreSQL only: like the other staging tables (V34), finance_recon_erp holds one run's rows for
-- the length of that run; nothing in it must survive a crash, so it needs no write-ahead log.
ALTER TABLE finance_recon_erp SET UNLOGGED;
