CREATE TABLE `bank_settings` (
	`bank_id` text PRIMARY KEY NOT NULL,
	`document` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`bank_id`) REFERENCES `locker_bank`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "bank_settings_document_object" CHECK(json_type("bank_settings"."document") = 'object')
) STRICT;
