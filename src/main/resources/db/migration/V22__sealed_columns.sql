-- Secrets and receiver personal data are stored sealed (enc:1:<keyId>:<base64 of IV, AES-GCM ciphertext
-- and tag>), which is about 4/3 of the UTF-8 bytes plus 40 characters: widen the columns that hold them.
alter table shop alter column app_secret set data type varchar(1000);
alter table shop alter column session_key set data type varchar(1500);
alter table erp_sales_order alter column receiver_name set data type varchar(600);
alter table erp_sales_order alter column receiver_mobile set data type varchar(200);
alter table erp_sales_order alter column receiver_phone set data type varchar(200);
alter table erp_sales_order alter column receiver_address set data type varchar(2500);
